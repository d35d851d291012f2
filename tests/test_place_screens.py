"""The place picker's screens and `/codes`' list, read without the Application: what a person
sees for a search, and that every button carries the flow's key and parses back."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.domain import places
from bot.i18n import I18n
from handlers.account.buttons import CodeFor
from handlers.account.codes import waiting_screen
from handlers.shared import place_screens as screens
from handlers.shared.buttons import parse_any
from handlers.shared.place_buttons import (
    AddTyped,
    ChooseOblast,
    HandCountry,
    InOblast,
    KeepName,
    NotInList,
    PickKnown,
    PickPlace,
)
from handlers.shared.place_picker import Picked
from storage.communities import Community

I18N = I18n()
EN, UK = I18N.get("en"), I18N.get("uk")
BACK = "ob:back:community"
DOLYNA = "UA26060130000047466"
JENA = "gn:2895044"
ZZYZX = Community(7, "foreign", "Gmina Zzyzx", None, "PL", None, None, None, "municipality", False)


def _buttons(markup: InlineKeyboardMarkup) -> list[tuple[str, str]]:
    return [
        (button.text, str(button.callback_data)) for row in markup.inline_keyboard for button in row
    ]


def _presses(markup: InlineKeyboardMarkup) -> list[object]:
    """Every button but the flow's own Back, parsed back to its declaration."""
    return [parse_any(data) for _label, data in _buttons(markup) if data != BACK]


def test_a_hromada_first_in_its_official_form_and_every_button_names_the_flow() -> None:
    found = places.search_hromadas("Долинська громада", limit=screens.REGION_RESULTS)
    text, markup = screens.results(
        UK, "ob", BACK, screens.Results("Долинська громада", found, "ua")
    )
    assert text == UK._("Which one is it? If it is not in the list, type the name again.")
    buttons = _buttons(markup)
    assert buttons[0] == ("Долинська МТГ, Івано-Франківська обл.", f"pl:p:ob::{DOLYNA}")
    assert PickPlace.parse(buttons[0][1]) == PickPlace("ob", "", DOLYNA)
    assert buttons[-2:] == [("Немає в списку", NotInList("ob").data()), ("Назад", BACK)]
    presses = _presses(markup)
    assert all(press is not None and getattr(press, "flow", None) == "ob" for press in presses)
    assert all(len(data.encode()) <= 64 for _label, data in buttons)


def test_a_name_in_many_oblasts_offers_the_oblasts_and_one_oblast_all_of_them_again() -> None:
    found = places.search_hromadas("Mykolaivka", limit=screens.REGION_RESULTS)
    text, markup = screens.results(EN, "cd", BACK, screens.Results("Mykolaivka", found, "ua"))
    assert "communities found, in several oblasts" in text
    assert ChooseOblast("cd") in _presses(markup)
    text, markup = screens.oblasts(EN, "cd", found)
    sumy = next(data for label, data in _buttons(markup) if label.startswith("Sumy Oblast"))
    assert InOblast.parse(sumy) == InOblast("cd", "UA-59")
    assert _buttons(markup)[-1] == ("Back", InOblast("cd", None).data())

    narrowed = places.search_hromadas("Mykolaivka", region="UA-59", limit=screens.REGION_RESULTS)
    shown = screens.Results("Mykolaivka", narrowed, "ua", filtered=True, manual=False)
    text, markup = screens.results(EN, "cd", BACK, shown)
    assert text == "Communities in Sumy Oblast for “Mykolaivka”:"
    labels = [label for label, _data in _buttons(markup)]
    assert labels[-2:] == ["All oblasts", "Back"] and "Not in the list" not in labels
    assert not any("Oblast" in label for label in labels[:-2])


def test_abroad_known_communities_come_first_and_a_name_with_its_country_can_be_added() -> None:
    jena = places.search_world("Jena", limit=screens.MAX_RESULTS)
    shown = screens.Results("Jena", jena, "foreign", known=[ZZYZX])
    text, markup = screens.results(EN, "tw", BACK, shown)
    buttons = _buttons(markup)
    assert buttons[0] == ("Gmina Zzyzx, Poland", PickKnown("tw", 7).data())
    assert ("Jena, Germany", PickPlace.of_key("tw", JENA).data()) in buttons

    nothing = places.search_world("Gmina Zzyzx", limit=screens.MAX_RESULTS)
    poland = places.country("PL")
    assert poland is not None
    shown = screens.Results(
        "Gmina Zzyzx, Poland", nothing, "foreign", offer=("Gmina Zzyzx", poland)
    )
    text, markup = screens.results(UK, "tw", BACK, shown)
    assert text.startswith("За запитом «Gmina Zzyzx, Poland» нічого не знайдено.")
    assert ("Додати «Gmina Zzyzx, Польща»", AddTyped("tw").data()) in _buttons(markup)


def test_by_hand_a_name_kept_and_a_country_or_none() -> None:
    text, markup = screens.name_prompt(EN, "ap", "Type the name.", "Lielvarde", BACK)
    assert text.startswith("Now: Lielvarde")
    assert _buttons(markup) == [("Keep as is", KeepName("ap").data()), ("Back", BACK)]
    text, markup = screens.country_choice(EN, "ap", "Latvia", places.find_countries("Latvia"))
    assert text == "Which country?"
    assert _buttons(markup) == [
        ("Latvia", HandCountry("ap", "LV").data()),
        ("Back", NotInList("ap").data()),
    ]
    text, markup = screens.country_choice(EN, "ap", "Atlantis", [])
    assert "No country found for “Atlantis”" in text
    assert _buttons(markup) == [("Back", NotInList("ap").data())]


def test_forged_picker_data_parses_to_nothing() -> None:
    for data in ("pl:p:ob", "pl:k:ob:x", "pl:k:ob:²", "pl:r:ob:UA-59:1", "pl:m", "pl:m:o:b"):
        assert parse_any(data) is None, data
    assert PickPlace.of_key("vp", "x:gniezno-county-pl").key == "x:gniezno-county-pl"


def test_a_pick_goes_into_a_draft_and_back() -> None:
    place = places.get(DOLYNA)
    assert place is not None
    for picked in (
        Picked(place=place),
        Picked(community_id=7),
        Picked(name="Новобудівська громада", country="UA", region="UA-32"),
        Picked(name="Gmina Zzyzx", country="PL"),
    ):
        assert Picked.of_value(picked.value()) == picked
    for junk in (
        None,
        "x",
        {},
        {"place": "gn:0"},
        {"community": "7"},
        {"name": "", "country": "PL"},
    ):
        assert Picked.of_value(junk) is None


def test_codes_lists_the_communities_without_a_code() -> None:
    mykolaivka = Community(
        3, "ua", "Mykolaivka", "Миколаївка", "UA", "UA-59", None, None, "x", False
    )
    text, markup = waiting_screen(EN, [mykolaivka], note="Done.")
    assert text.startswith("Done.\n\n1 Ukrainian community has no KATOTTG code")
    assert _buttons(markup) == [
        ("Mykolaivka, Sumy Oblast", CodeFor(3).data()),
        ("Main menu", "menu:home"),
    ]
    text, markup = waiting_screen(UK, [])
    assert text == UK._("Every Ukrainian community has its KATOTTG code.")
