"""Onboarding's and the settings' screens without the Application: what a person reads and
can press, every button parsed back by the only declaration that takes it."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.i18n import I18n
from handlers.account import screens
from handlers.account.buttons import ActFor, AskSetting, Begin, SetLanguage, SettingsHome, SetZone
from handlers.shared.buttons import REGISTRY, Button
from handlers.shared.navigation import HOME
from storage.communities import Community

I18N = I18n()
EN, UK, DE = I18N.get("en"), I18N.get("uk"), I18N.get("de")
BROVARY = Community(
    3, "ua", "Brovary", "Бровари", "UA", "UA32", None, None, "hromada", False, "UA32060050000030591"
)
JENA = Community(4, "foreign", "Jena", "Єна", "DE", None, None, None, "municipality", False)


def presses(markup: InlineKeyboardMarkup) -> list[tuple[str, Button]]:
    found = []
    for row in markup.inline_keyboard:
        for b in row:
            kinds = [kind for kind in REGISTRY.values() if kind.parse(b.callback_data)]
            assert len(kinds) == 1, b.callback_data
            press = kinds[0].parse(b.callback_data)
            assert press is not None
            found.append((b.text, press))
    return found


def test_each_language_by_its_own_name_the_one_in_use_ticked() -> None:
    text, markup = screens.language_choice(DE)
    assert text == "Wählen Sie die Sprache:"
    assert presses(markup) == [
        ("Українська", SetLanguage("uk")),
        ("English", SetLanguage("en")),
        ("✓ Deutsch", SetLanguage("de")),
        ("Polski", SetLanguage("pl")),
    ]
    assert screens.languages("uk")[0] == ("uk", "✓ Українська")


def test_a_persons_settings_show_the_community_card_and_a_groups_do_not() -> None:
    text, markup = screens.settings_home(UK, "Europe/Kyiv", BROVARY, private=True)
    assert text.startswith("Налаштування\n\nМова: Українська\nЧасовий пояс: Europe/Kyiv")
    assert "Код КАТОТТГ: UA32060050000030591" in text
    assert [press for _label, press in presses(markup)] == [
        AskSetting("lang"),
        AskSetting("community"),
        AskSetting("tz"),
        HOME,
    ]
    text, markup = screens.settings_home(EN, "Europe/Berlin", None, private=False)
    assert text == "Settings\n\nLanguage: English\nTime zone: Europe/Berlin"
    assert [label for label, _press in presses(markup)] == ["Language", "Time zone"]


def test_time_zones_and_communities_to_choose_from() -> None:
    text, markup = screens.zone_choice(EN)
    assert "type one such as Europe/Prague" in text
    found = presses(markup)
    assert found[0] == ("Europe/Kyiv", SetZone("Europe/Kyiv"))
    assert found[-1] == ("Back", SettingsHome())
    assert screens.unknown_zone(EN, "Mars/Olympus").startswith("“Mars/Olympus” is not a time zone")

    text, markup = screens.community_choice(EN, [BROVARY, JENA], current=JENA.id)
    assert text == "Which community do you act for now?"
    assert presses(markup) == [
        ("Brovary", ActFor(3)),
        ("✓ Jena", ActFor(4)),
        ("Add another community", Begin("new")),
        ("Back", SettingsHome()),
    ]


def test_the_claim_summary_names_the_community_its_code_and_the_role() -> None:
    title = "Броварська міська територіальна громада, Броварський район, Київська область"
    text = screens.claim_summary(UK, title, "UA32060050000030591", "official")
    assert f"Громада: {title}\nКод КАТОТТГ: UA32060050000030591\n" in text
    assert "Посадова особа української громади" in text
    text = screens.claim_summary(EN, "Jena, Germany", None, "partner")
    assert "Community: Jena, Germany\nYou are: Coordinator of a partner municipality abroad" in text
    assert "KATOTTG" not in text


def test_a_waiting_claim_and_a_sent_one() -> None:
    text, markup = screens.claim_waiting(EN, "Jena")
    assert "Your request to act for Jena is waiting for an operator." in text
    # Messages already in chats carry this data: it must not change.
    assert presses(markup) == [("Choose another community", Begin("again"))]
    assert Begin("again").data() == "ob:again" and Begin("new").data() == "ob:new"
    assert SettingsHome().data() == "set:home"
    text, markup = screens.claim_sent(UK, "Бровари")
    assert "Бровари" in text and presses(markup) == [("Головне меню", HOME)]


def test_questions_for_an_official_and_a_partner() -> None:
    assert "Бровари" in screens.community_question(UK, "official")
    assert "Jena" in screens.community_question(EN, "partner")
    assert "officially written" in EN._(screens.name_question("official"))
    assert EN._(screens.name_question("partner")) == (
        "Type the official name of your municipality, district or county."
    )
    assert screens.language_question(EN, first=True).startswith("Welcome to Twinbot")
    assert screens.language_question(EN, first=False) == "Choose the language:"
