"""The aid and visit screens as pure functions: text and buttons from loaded data and a
translator, without the Application. Every button they show parses back to its declaration."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup

from bot.domain.aid.model import Totals
from bot.i18n import I18n
from handlers.aid.buttons import MoveRecord, ShowTotals, Timeline, ViewRecord
from handlers.aid.history import history_screen
from handlers.aid.overview import PAGE, newest_first, timeline_screen, totals_screen
from handlers.aid.screens import confirm_request, home_screen, record_card, summary_text
from handlers.shared.buttons import parse_any
from handlers.visits.buttons import ViewVisit
from handlers.visits.screens import summary_text as visit_summary
from handlers.visits.screens import visit_card
from storage.aid import AidRecord
from storage.history import HistoryEntry
from storage.visits import Visit

I18N = I18n()
EN, UK = I18N.get("en"), I18N.get("uk")
NAMES = {1: "Brovary", 2: "Jena", 3: "Erlangen"}
NAMES_UK = {1: "Бровари", 2: "Єна", 3: "Erlangen"}


def record(**changes: Any) -> AidRecord:
    values: dict[str, Any] = {
        "id": 7,
        "recipient_id": 1,
        "donors": (2, 3),
        "partnership_id": None,
        "kind": "medical",
        "sector": "health",
        "description": "Ultrasound scanner",
        "quantity": "2",
        "unit": "pcs",
        "value_minor": 1_250_000,
        "currency": "EUR",
        "aid_date": "2023-02-10",
        "facility": None,
        "status": "pledged",
        "files": (),
        "recipient_confirmed_by": 201,
        "donor_confirmed_by": None,
        "created_by": 201,
        "created_at": "2023-02-10T10:00:00+00:00",
        "deleted": False,
    }
    return AidRecord(**{**values, **changes})


def visit(**changes: Any) -> Visit:
    values: dict[str, Any] = {
        "id": 4,
        "community_id": 1,
        "partner_id": 2,
        "partnership_id": None,
        "direction": "incoming",
        "start_date": "2026-12-10",
        "end_date": "2026-12-12",
        "delegation_size": 6,
        "leader": "Matthias Mieth",
        "sectors": ("health",),
        "note": None,
        "outcomes": None,
        "created_by": 201,
        "deleted": False,
    }
    return Visit(**{**values, **changes})


def labels(markup: InlineKeyboardMarkup) -> list[str]:
    return [button.text for row in markup.inline_keyboard for button in row]


def presses(markup: InlineKeyboardMarkup) -> dict[str, object]:
    """Each button's label and the typed press it parses back to (None for the menu's own)."""
    found = {}
    for row in markup.inline_keyboard:
        for button in row:
            data = button.callback_data
            assert isinstance(data, str)
            press = parse_any(data)
            assert press is not None or data.startswith("menu:"), data
            found[button.text] = press
    return found


def test_home_counts_records_in_each_language() -> None:
    text, markup = home_screen(UK, "Бровари", 3)
    assert "Допомога й візити — Бровари" in text and "3 записи про допомогу" in text
    assert "Записати візит" in labels(markup)
    assert presses(home_screen(EN, "Brovary", 1)[1])["Timeline"] == Timeline(None, 0)


def test_a_record_card_offers_what_its_side_may_do_next() -> None:
    text, markup = record_card(EN, record(), "donor", NAMES)
    assert text.startswith("Record №7\n\nJena, Erlangen → Brovary")
    assert "€12,500.00" in text and "No photos or handover act attached." in text
    shown = presses(markup)
    assert shown["Mark as shipped"] == MoveRecord(7, "shipped")
    assert "Confirm" in shown and "Add the handover act" not in shown
    text, markup = record_card(EN, record(status="received"), "recipient", NAMES, "Saved.")
    assert text.startswith("Saved.\n\nRecord №7")
    assert "Mark as shipped" not in labels(markup) and "Confirm" not in labels(markup)
    assert "Add the handover act" in labels(markup)


def test_the_confirm_request_names_the_author_side() -> None:
    text, markup = confirm_request(UK, record(numbers={1: 4, 2: 1}), NAMES_UK, 2)
    assert text.startswith("Бровари: записано допомогу від вашого муніципалітету (запис №1)")
    assert labels(markup) == ["Підтвердити", "Не наш запис"]
    text, markup = confirm_request(EN, record(recipient_confirmed_by=None), NAMES, 1)
    assert text.startswith("Jena logged aid for your community (record №7)")
    assert labels(markup) == ["Confirm receipt", "Not ours"]


def test_the_aid_summary_reads_like_the_record() -> None:
    values = {
        "partners": [2, 3],
        "kind": "vehicles",
        "sector": "education",
        "items": [{"name": "School bus", "quantity": "1", "unit": "vehicles"}],
        "value": None,
        "status": "shipped",
        "date": "2023-10-20",
        "facility": "Knyazhychi lyceum",
        "files": None,
    }
    text = summary_text(EN, values, "recipient", 1, NAMES)
    assert "From: Jena, Erlangen\nTo: Brovary" in text
    assert "Items: School bus — 1\u00a0vehicle\nValue: —" in text and "Date: 20/10/2023" in text
    text = summary_text(UK, {**values, "partners": [1]}, "donor", 2, NAMES_UK)
    assert "Від: Єна\nКому: Бровари" in text and "1\u00a0транспортний засіб" in text


def test_timeline_pages_and_scopes() -> None:
    records = [record(id=n, aid_date=f"2022-{n:02d}-05") for n in range(1, 11)]
    entries = newest_first(records, [visit(start_date="2022-10-05")])
    assert isinstance(entries[0], Visit)
    assert isinstance(entries[1], AidRecord) and entries[1].id == 10
    text, markup = timeline_screen(EN, "Brovary", entries, 0, 1, NAMES, None, [(5, "Jena")])
    shown = presses(markup)
    assert text.count("№") == PAGE
    assert shown["Visit №4"] == ViewVisit(4)
    assert shown["№10 · 05/10/2022 · Jena, Erlangen"] == ViewRecord(10)
    assert shown["Older ▶"] == Timeline(None, 1) and "◀ Newer" not in shown
    assert shown["Jena"] == Timeline(5, 0)
    text, markup = timeline_screen(EN, "Brovary, Jena", entries, 1, 1, NAMES, 5, [(5, "Jena")])
    shown = presses(markup)
    assert "№1 · 05/01/2022 · Jena, Erlangen → Brovary" in text
    assert shown["◀ Newer"] == Timeline(5, 0) and shown["All partners"] == Timeline(None, 0)


def test_totals_without_records_invite_logging() -> None:
    text, markup = totals_screen(EN, "Brovary", Totals(), 2, None, {}, None, [(5, "Jena")])
    assert "0 aid records, 2 visits or meetings" in text
    assert "Nothing recorded yet" in text and "Value by currency" not in text
    assert presses(markup)["Jena"] == ShowTotals(5)


def test_visit_card_and_summary_from_each_side() -> None:
    text, markup = visit_card(EN, visit(), NAMES)
    assert "Brovary hosts a delegation from Jena" in text and "6 people" in text
    assert {"Edit", "History", "Add outcomes", "Delete"} <= set(presses(markup))
    values = {
        "direction": "outgoing",
        "dates": {"start": "2024-10-14", "end": "2024-10-14"},
        "size": 4,
        "leader": None,
        "sectors": [],
        "note": None,
    }
    text = visit_summary(UK, values, "Бровари")
    assert "Візит: візит за кордон\nПартнер: Бровари\nДати: 14.10.2024\nДелегація: 4 особи" in text
    assert "Керівник делегації: —" in text and "Сфери: —" in text


def test_history_names_who_changed_what() -> None:
    entries = [
        HistoryEntry(201, "create", {}, "2026-11-22T10:00:00+00:00"),
        HistoryEntry(
            202, "edit", {"value_minor": [1_200_000, 1_450_000]}, "2026-11-23T10:00:00+00:00"
        ),
        HistoryEntry(
            None, "confirm", {"donor_confirmed_by": [None, 202]}, "2026-11-24T10:00:00+00:00"
        ),
    ]
    text, markup = history_screen(
        EN,
        "Europe/Kyiv",
        "History of record №7",
        entries,
        {201: "Ihor", 202: "Anna"},
        {"value_minor": "Value"},
        ViewRecord(7).data(),
        lambda name, v: v / 100 if name == "value_minor" else v,
    )
    lines = text.split("\n")
    assert lines[1].endswith("· Ihor · created")
    assert lines[2].endswith("· Anna · changed (Value: 12000.0 → 14500.0)")
    assert lines[3].endswith("· — · confirmed")
    assert presses(markup)["Back"] == ViewRecord(7)
