"""The reminders' screens and drafts without the Application: what a person reads and can
press, and that every button parses back to the one declaration that packed it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.reminders.schedule import Assumption, Schedule, ScheduleError, ScheduleUnsure
from bot.i18n import I18n
from handlers.reminders import screens
from handlers.reminders.buttons import (
    AskDelete,
    Done,
    Edit,
    ListPage,
    Postpone,
    Reading,
    Snooze,
    TurnOff,
    View,
)
from handlers.reminders.drafts import When
from handlers.reminders.screens import Listed
from handlers.shared.buttons import REGISTRY, Button
from handlers.shared.forms import FormPress
from handlers.shared.navigation import HOME
from storage.reminders import Reminder

I18N = I18n()
EN, UK = I18N.get("en"), I18N.get("uk")
KYIV = "Europe/Kyiv"
MONDAY_10 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 10:00 in Kyiv


def reminder(rid: int = 7, **fields: Any) -> Reminder:
    values: dict[str, Any] = dict(
        id=rid, chat_id=401, owner_id=401, community_id=1, partnership_id=None, kind="user",
        text="call Jena", payload={}, due_at=MONDAY_10, local_time="10:00", tz=KYIV,
        recurrence=None, automatic=False, dedupe_key=None, status="pending", attempts=0,
    )  # fmt: skip
    values.update(fields)
    return Reminder(**values)


def rows(markup: InlineKeyboardMarkup | list[list[InlineKeyboardButton]]) -> list[list[str]]:
    keys = markup.inline_keyboard if isinstance(markup, InlineKeyboardMarkup) else markup
    return [[b.text for b in row] for row in keys]


def presses(markup: InlineKeyboardMarkup | list[list[InlineKeyboardButton]]) -> dict[str, Button]:
    keys = markup.inline_keyboard if isinstance(markup, InlineKeyboardMarkup) else markup
    found = {}
    for row in keys:
        for b in row:
            kinds = [kind for kind in REGISTRY.values() if kind.parse(b.callback_data)]
            assert len(kinds) == 1, b.callback_data
            found[b.text] = kinds[0].parse(b.callback_data)
    return found


def test_a_delivered_reminder_keeps_the_data_its_buttons_always_had() -> None:
    keys = screens.delivered_buttons(UK, reminder(7), offer_off=True)
    assert rows(keys) == [
        ["Через 15 хв", "Через годину"], ["Завтра зранку", "Готово"], ["Вимкнути"],
    ]  # fmt: skip
    assert [b.callback_data for row in keys for b in row] == [
        "rm:sn:7:15", "rm:sn:7:60", "rm:sn:7:am", "rm:done:7", "rm:off:7",
    ]  # fmt: skip
    assert presses(keys)["Через годину"] == Snooze(7, "60")
    assert presses(keys)["Вимкнути"] == TurnOff(7)
    once = screens.delivered_buttons(EN, reminder(8), offer_off=False)
    assert rows(once) == [["In 15 min", "In 1 hour"], ["Tomorrow morning", "Done"]]
    assert presses(once)["Done"] == Done(8)


def test_a_list_page_pages_cuts_long_titles_and_offers_the_menu_in_private() -> None:
    long = "send the signed cooperation agreement to the partner's council office"
    items = [Listed(reminder(9, text=long), long), Listed(reminder(10, text="task 1"), "task 1")]
    text, markup = screens.reminders(EN, items, page=1, of=3, private=True)
    assert text.split("\n")[0] == "Your reminders, page 2 of 3:"
    assert text.split("\n")[1] == f"9. Monday, 23 November 2026 at 10:00 — {long}"
    assert rows(markup) == [
        [f"9. {long}"[:40]], ["10. task 1"], ["◀", "▶"], ["New reminder"], ["Main menu"],
    ]  # fmt: skip
    found = presses(markup)
    assert found["◀"] == ListPage(0) and found["▶"] == ListPage(2)
    assert found["10. task 1"] == View(10) and found["Main menu"] == HOME
    text, markup = screens.reminders(UK, [], page=0, of=1, private=False)
    assert text == "У вас поки немає нагадувань."
    assert rows(markup) == [["Нове нагадування"]]


def test_ones_own_reminder_is_edited_the_workflows_is_snoozed_or_turned_off() -> None:
    own = Listed(reminder(7, recurrence={"freq": "weekly", "weekdays": [0]}), "call Jena")
    text, markup = screens.card(EN, own)
    assert text == ("Monday, 23 November 2026 at 10:00 — call Jena 🔁 every week on Mon at 10:00")
    assert rows(markup)[0] == ["Edit", "Delete"]
    assert presses(markup)["Edit"] == Edit(7) and presses(markup)["Delete"] == AskDelete(7)
    automatic = reminder(
        8, kind="visit.before7", automatic=True, chat_id=-5001, status="paused", owner_id=None
    )
    text, markup = screens.card(EN, Listed(automatic, "visit of Jena", "from the visit log"))
    assert text.endswith("— visit of Jena (from the visit log) (in a group) (paused)")
    assert rows(markup)[:2] == [["Snooze a day", "Snooze a week"], ["Turn off"]]
    assert presses(markup)["Snooze a week"] == Postpone(8, "7")
    assert rows(markup)[2:] == [["Add to calendar (.ics)"], ["Back"]]


def test_a_phrase_that_reads_two_ways_offers_both_readings_and_sets_nothing() -> None:
    december = Schedule("send the report", datetime(2026, 12, 5, 7, tzinfo=UTC), "09:00", KYIV)
    may = Schedule("send the report", datetime(2027, 5, 12, 6, tzinfo=UTC), "09:00", KYIV)
    doubt = ScheduleUnsure(("12/05",), "send the report", alternatives=(december, may))
    text, markup = screens.unsure(EN, doubt, "send the report")
    assert text.split("\n") == [
        "“12/05” can be read in more than one way. Which one is meant?",
        "Reminder: send the report",
        "Nothing is set yet, so that it does not come at a wrong time. Change the message,"
        " or pick a time below.",
    ]
    assert rows(markup) == [
        ["Saturday, 5 December 2026 at 09:00"],
        ["Wednesday, 12 May 2027 at 09:00"],
        ["In 1 hour", "Tomorrow 9:00"],
        ["Next Monday 9:00", "Pick a date"],
        ["Change", "Cancel"],
    ]
    assert presses(markup)["Wednesday, 12 May 2027 at 09:00"] == Reading(1)
    assert presses(markup)["Cancel"] == FormPress("reminders", "x", "")


def test_the_summary_names_what_was_filled_in_and_the_group() -> None:
    assumed = (Assumption("afternoon", "о 3", "15:00"), Assumption("no_time", "", "09:00"))
    when = When(MONDAY_10 + timedelta(hours=5), "15:00", KYIV, assumed=assumed)
    text = screens.confirmation(UK, "нарада", when, group="Єна")
    assert text.split("\n") == [
        "Нагадування: нарада",
        "Коли: понеділок, 23 листопада 2026\u202fр. о 15:00",
        "Повторюється: ні, одноразово",
        UK._("“{said}” is read as {time}; for the night, write {night}.",
             said="о 3", time="15:00", night="03:00"),
        UK._("No time of day was given, so it is set for {time}.", time="09:00"),
        "Часовий пояс: Europe/Kyiv",
        UK._("Goes to: the group of the partnership with {partner}", partner="Єна"),
    ]  # fmt: skip
    assert "Goes to" not in screens.confirmation(EN, "call", when)


def test_the_phrase_prompt_goes_back_to_the_summary_only_when_asked_from_it() -> None:
    text, markup = screens.prompt(EN, "Now: Monday", back=True)
    assert text.startswith("Now: Monday\n\nType what to remind about and when")
    assert presses(markup) == {
        "Back to summary": FormPress("reminders", "sum", ""),
        "Cancel": FormPress("reminders", "x", ""),
    }
    assert rows(screens.prompt(EN)[1]) == [["Cancel"]]
    text, _markup = screens.refused(UK, ScheduleError.PAST)
    assert text.startswith("Цей час уже минув")


def test_when_survives_the_draft_and_settles_at_the_confirmation() -> None:
    once = When(MONDAY_10, "10:00", KYIV, assumed=(Assumption("part", "вранці", "10:00"),))
    assert When.from_json(once.json()) == once
    assert once.settled(MONDAY_10 - timedelta(minutes=1)) == MONDAY_10
    assert once.settled(MONDAY_10) is None  # a one-off whose time has passed
    soon = When(MONDAY_10, "10:00", KYIV, offset=60)
    later = MONDAY_10 + timedelta(minutes=3)
    assert soon.settled(later) == later + timedelta(seconds=60)
    weekly = When(MONDAY_10, "10:00", KYIV, rule={"freq": "weekly", "weekdays": [0]})
    assert weekly.settled(later) == MONDAY_10 + timedelta(days=7)


def test_the_usual_times() -> None:
    sunday_noon = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    assert When.quick("1h", sunday_noon, KYIV).due == sunday_noon + timedelta(hours=1)
    tomorrow = When.quick("tm", sunday_noon, KYIV)
    assert (tomorrow.due, tomorrow.local_time) == (datetime(2026, 11, 23, 7, tzinfo=UTC), "09:00")
    monday = When.quick("mon", datetime(2026, 11, 23, 7, 30, tzinfo=UTC), KYIV)
    assert monday.due == datetime(2026, 11, 30, 7, tzinfo=UTC)  # next Monday, not today
