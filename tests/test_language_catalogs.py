"""The compiled catalogs keep the rules reviewers check: plural forms, the apostrophe, one
date style, the glossary's terms, and examples that the bot itself understands."""

from __future__ import annotations

import datetime as dt
import re
from datetime import UTC

import pytest

from bot.button_width import fit, fits
from bot.domain.reminders.schedule import parse_schedule
from bot.i18n import LANGUAGES, I18n, Translator, document_language, language_for
from tests.screens import translations

I18N = I18n()
NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def messages(lang: str) -> dict[object, str]:
    """Every compiled message of a language: msgid, or (msgid, form) for plurals -> text."""
    catalog: dict[object, str] = getattr(I18N.get(lang).translations, "_catalog", {})
    return {key: text for key, text in catalog.items() if key}


def test_every_language_has_a_complete_compiled_catalog() -> None:
    english = {key for key in messages("en")}
    for lang in LANGUAGES:
        assert {key for key in messages(lang)} >= english, lang


@pytest.mark.parametrize(
    ("n", "posts", "pallets", "records"),
    [
        (1, "Znaleziono 1 ogłoszenie.", "1\u00a0paleta", "Dotychczas 1 wpis o pomocy."),
        (2, "Znaleziono 2 ogłoszenia.", "2\u00a0palety", "Dotychczas 2 wpisy o pomocy."),
        (5, "Znaleziono 5 ogłoszeń.", "5\u00a0palet", "Dotychczas 5 wpisów o pomocy."),
        (22, "Znaleziono 22 ogłoszenia.", "22\u00a0palety", "Dotychczas 22 wpisy o pomocy."),
        (25, "Znaleziono 25 ogłoszeń.", "25\u00a0palet", "Dotychczas 25 wpisów o pomocy."),
    ],
)
def test_polish_plural_forms(n: int, posts: str, pallets: str, records: str) -> None:
    t = I18N.get("pl")
    assert t.ngettext("{n} post found.", "{n} posts found.", n) == posts
    assert (
        t.ngettext("{quantity}\u00a0pallet", "{quantity}\u00a0pallets", n, quantity=str(n))
        == pallets
    )
    assert t.ngettext("{n} aid record so far.", "{n} aid records so far.", n) == records


def test_german_plural_forms() -> None:
    t = I18N.get("de")
    assert t.ngettext("{n} post found.", "{n} posts found.", 1) == "1 Anzeige gefunden."
    assert t.ngettext("{n} post found.", "{n} posts found.", 21) == "21 Anzeigen gefunden."


@pytest.mark.parametrize("lang", ["uk", "pl"])
def test_every_plural_message_follows_the_three_forms(lang: str) -> None:
    """1 takes the first form; 2 and 22 the second; 5, 25 and 11 the third."""
    translator = I18N.get(lang).translations
    plurals = [key[0] for key in messages(lang) if isinstance(key, tuple) and key[1] == 0]
    assert len(plurals) > 15
    for singular in plurals:
        forms = [messages(lang)[(singular, index)] for index in range(3)]
        for n, form in ((1, 0), (2, 1), (22, 1), (5, 2), (25, 2), (11, 2)):
            assert translator.ngettext(singular, singular + "s", n) == forms[form], singular


def test_ukrainian_writes_one_apostrophe_in_the_catalog_and_in_dates() -> None:
    for key, text in messages("uk").items():
        assert "'" not in text and "ʼ" not in text, key
    t = I18N.get("uk")
    friday = dt.date(2026, 11, 27)
    assert t.weekday(4) == "п’ятниця"
    assert t.date(friday, "full") == "п’ятниця, 27 листопада 2026\u202fр."
    shown = [t.weekday(day) for day in range(7)] + [t.month(month) for month in range(1, 13)]
    shown.append(t.datetime(dt.datetime(2026, 11, 27, 12, tzinfo=UTC), "Europe/Kyiv", "full"))
    assert not any("ʼ" in text or "'" in text for text in shown)


NUMERIC_DATE = re.compile(r"(?<![\d.])\d{1,4}[./]\d{1,2}[./]\d{2,4}(?![\d])")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_example_dates_are_written_day_month_full_year(lang: str) -> None:
    """Examples of dates in messages read 25.03.2026, the same as in the English original,
    since they show people what to type."""
    for key, text in messages(lang).items():
        source = key if isinstance(key, str) else key[0]
        found = NUMERIC_DATE.findall(text)
        assert all(re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", date) for date in found), (key, found)
        assert sorted(found) == sorted(NUMERIC_DATE.findall(source)), key


@pytest.mark.parametrize(
    ("lang", "long", "numeric"),
    [
        ("uk", "7 листопада 2026\u202fр.", "07.11.2026"),
        ("en", "7 November 2026", "07/11/2026"),
        ("de", "7. November 2026", "07.11.2026"),
        ("pl", "7 listopada 2026", "07.11.2026"),
    ],
)
def test_one_date_style_per_context(lang: str, long: str, numeric: str) -> None:
    """Long in messages; numeric with the full year in tables, lists and documents."""
    t: Translator = I18N.get(lang)
    day = dt.date(2026, 11, 7)
    assert t.date(day) == long
    assert t.numeric_date(day) == numeric
    moment = dt.datetime(2026, 11, 7, 12, 5, tzinfo=UTC)
    assert t.datetime(moment, "Europe/Kyiv", "short") == f"{numeric} 14:05"


# The glossary's "never" column, as the stems that would give such a word away.
AVOIDED = {
    "uk": ("допис", "знайомств", "співпрац", "округ", "поступ", "Зрозуміло", "Вносьте"),
    "de": ("Vorstellung", "Beitrag", "Gemeinschaft", "Hromada"),
    "pl": ("wspólnot", "przedstawienie", "post "),
}


@pytest.mark.parametrize("lang", sorted(AVOIDED))
def test_catalogs_keep_to_the_glossary(lang: str) -> None:
    texts = messages(lang).values()
    for word in AVOIDED[lang]:
        assert not [text for text in texts if word in text], word


def test_the_glossary_names_every_required_term_in_four_languages() -> None:
    from pathlib import Path

    glossary = (Path(__file__).parent.parent / "locales" / "glossary.md").read_text("utf-8")
    for term in (
        "| partnership |",
        "| twinning |",
        "| community (a Ukrainian hromada) |",
        "| council decision |",
        "| ministry approval |",
        "| aid record |",
        "| handover act |",
        "| introduction |",
        "| offer |",
        "| need |",
    ):
        row = next(line for line in glossary.splitlines() if line.startswith(term))
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert len(cells) >= 5 and all(cells[:4]), row


REMINDER_HELP = (
    "Type what to remind about and when, in one message. For example:\n"
    "• завтра о 9:00 зателефонувати в Єну\n"
    "• щопонеділка о 10:00 нарада з Єною\n"
    "• in 2 hours call Erlangen\n"
    "• every month on the 1st send the report"
)
NOT_UNDERSTOOD = (
    "I did not understand when. Pick a time below, or type it again with the day and time,"
    " e.g. “завтра о 9:00 зателефонувати в Єну” or “in 2 hours call Erlangen”."
)
QUOTED = re.compile(r"[«„“]([^»“”]+)[»“”]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_reminder_example_the_bot_shows_is_understood(lang: str) -> None:
    t = I18N.get(lang)
    examples = [line[2:] for line in t._(REMINDER_HELP).splitlines() if line.startswith("• ")]
    examples += QUOTED.findall(t._(NOT_UNDERSTOOD))
    assert len(examples) == 6
    for example in examples:
        schedule = parse_schedule(example, now=NOW, tz="Europe/Berlin")
        assert schedule.text and schedule.due_at > NOW, example


def test_telegram_language_codes_pick_the_language() -> None:
    assert [language_for(code) for code in ("de", "de-AT", "pl-PL", "uk", "sv", None)] == [
        "de",
        "de",
        "pl",
        "uk",
        "en",
        "en",
    ]
    assert [document_language(code) for code in ("DE", "AT", "PL", "LT", None)] == [
        "de",
        "de",
        "pl",
        "en",
        "en",
    ]


def test_a_long_name_is_cut_after_a_whole_word() -> None:
    label = "Šiauliai District Municipality, Lithuania · 1. Areas of cooperation"
    cut = fit(label, 1)
    assert fits(cut, 1) and cut.endswith("…")
    assert label.startswith(cut.removesuffix("…")) and label[len(cut) - 1] == " "
    assert fit("Jena", 2) == "Jena"


@pytest.mark.parametrize(
    "message",
    [
        "Hosting children and displaced people",
        "Joint projects and EU applications",
        "Coordinator of a partner municipality abroad",
        "Start a partnership in the twinning guide",
    ],
)
def test_the_longest_one_row_labels_fit_a_phone_in_every_language(message: str) -> None:
    for lang, text in translations(message).items():
        assert fits("✓ " + text, 1), (lang, text)
