"""The reminders' screens: pure functions from data and a translator to text and buttons, so a
test reads any of them without the Application."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.reminders.schedule import Assumption, ScheduleError, ScheduleUnsure
from bot.domain.reminders.text import describe_rule, repeats_line, when_text
from bot.i18n import N_, Translator
from handlers.reminders.buttons import (
    CANCEL,
    TO_SUMMARY,
    AskDelete,
    Calendar,
    Compose,
    Delete,
    Done,
    Edit,
    ListPage,
    Postpone,
    QuickTime,
    Reading,
    Retype,
    Snooze,
    TurnOff,
    TurnOffListed,
    View,
)
from handlers.reminders.drafts import When
from handlers.shared.buttons import Button
from handlers.shared.navigation import HOME
from handlers.shared.screens import keyboard
from storage.reminders import Reminder

Screen = tuple[str, InlineKeyboardMarkup]
Row = Sequence[tuple[str, Button]]

PAGE = 8
TITLE = 40  # a list button shows this much of a reminder's title
CHOICE = 60  # a button naming a time or a group

REFUSALS = {
    ScheduleError.EMPTY: N_("Type what to remind about and when, in one message."),
    ScheduleError.NO_WHEN: N_(
        "I did not understand when. Pick a time below, or type it again with the day and time,"
        " e.g. “завтра о 9:00 зателефонувати в Єну” or “in 2 hours call Erlangen”."
    ),
    ScheduleError.PAST: N_("That time has already passed. Type a time in the future."),
    ScheduleError.INVALID_DATE: N_("There is no such date. Check the day and month."),
    ScheduleError.INVALID_TIME: N_("There is no such time. Use hours 0–23 and minutes 0–59."),
    ScheduleError.TOO_FAR: N_(
        "That is too far ahead: reminders can be set up to five years ahead."
    ),
    ScheduleError.CONFLICT: N_(
        "Two different times in one message. Say either “in 2 hours” or a day and a time."
    ),
    ScheduleError.TOO_LONG: N_(
        "That message is too long for a reminder. Keep it under 500 characters."
    ),
    ScheduleError.TOO_OFTEN: N_(
        "A reminder can repeat at most every 5 minutes. Type a longer interval."
    ),
}
EXAMPLES = N_(
    "Type what to remind about and when, in one message. For example:\n"
    "• завтра о 9:00 зателефонувати в Єну\n"
    "• щопонеділка о 10:00 нарада з Єною\n"
    "• in 2 hours call Erlangen\n"
    "• every month on the 1st send the report"
)


def _keys(rows: Sequence[Row]) -> InlineKeyboardMarkup:
    return keyboard([[(label, press.data()) for label, press in row] for row in rows])


def outsider(t: Translator) -> str:
    return t._(
        "Reminders are for people approved to act for a community. Send /start in a private"
        " chat with me to choose yours."
    )


# Setting a reminder: the phrase, its readings, a date --------------------------------------


def _cancel_row(t: Translator, back: bool = False) -> Row:
    """The form's way out; `back` when the phrase is changed from the summary."""
    row = [(t._("Back to summary"), TO_SUMMARY)] if back else []
    return [*row, (t._("Cancel"), CANCEL)]


def prompt(t: Translator, lead: str | None = None, *, back: bool = False) -> Screen:
    """Ask for what and when in one message, with examples."""
    text = t._(EXAMPLES) if lead is None else f"{lead}\n\n{t._(EXAMPLES)}"
    return text, _keys([_cancel_row(t, back)])


def refused(t: Translator, code: ScheduleError) -> Screen:
    """Why a phrase was not taken; the next message is read as the phrase again."""
    return t._(REFUSALS[code]), _keys([_cancel_row(t)])


def _quick_rows(t: Translator) -> list[Row]:
    return [
        [(t._("In 1 hour"), QuickTime("1h")), (t._("Tomorrow 9:00"), QuickTime("tm"))],
        [(t._("Next Monday 9:00"), QuickTime("mon")), (t._("Pick a date"), QuickTime("date"))],
    ]


def no_time(t: Translator) -> Screen:
    """Text without a time: offer the usual times."""
    return t._(REFUSALS[ScheduleError.NO_WHEN]), _keys([*_quick_rows(t), _cancel_row(t)])


def unsure(t: Translator, doubt: ScheduleUnsure, text: str | None) -> Screen:
    """Part of the phrase looks like a time but was not understood, or reads two ways: say
    so, set nothing, and offer the readings and the usual times."""
    parts = ", ".join(t._("“{part}”", part=part) for part in doubt.unknown)
    if doubt.alternatives:
        lines = [t._("{parts} can be read in more than one way. Which one is meant?", parts=parts)]
    else:
        lines = [t._("I did not understand this part: {parts}.", parts=parts)]
    if doubt.partial is not None and not doubt.alternatives:
        partial = doubt.partial
        lines.append(
            t._("What I understood: {when}", when=when_text(t, partial.due_at, partial.tz))
        )
        lines.append(repeats_line(t, partial.recurrence, partial.local_time))
    if text:
        lines.append(t._("Reminder: {text}", text=text))
    lines.append(
        t._(
            "Nothing is set yet, so that it does not come at a wrong time. Change the message,"
            " or pick a time below."
        )
    )
    rows: list[Row] = [
        [(when_text(t, option.due_at, option.tz)[:CHOICE], Reading(n))]
        for n, option in enumerate(doubt.alternatives)
    ]
    rows += [*_quick_rows(t), [(t._("Change"), Retype()), (t._("Cancel"), CANCEL)]]
    return "\n".join(lines), _keys(rows)


def pick_date(t: Translator, problem: str | None = None) -> Screen:
    question = t._("Type the date and time, e.g. 25.03 14:00 or next Friday 9am.")
    return (f"{problem}\n\n{question}" if problem else question), _keys([_cancel_row(t)])


def what(t: Translator, when: When | None) -> str:
    if when is None:
        return t._("What should I remind about?")
    return t._("What should I remind about {when}?", when=when_text(t, when.due, when.tz))


def when_line(t: Translator, when: When) -> str:
    """`Monday, 23 November 2026 at 10:00 🔁 every week on Mon at 10:00`."""
    line = when_text(t, when.due, when.tz)
    if when.rule:
        line += " 🔁 " + describe_rule(t, when.rule, when.local_time)
    return line


def group_choice(t: Translator, partner: str) -> str:
    return t._("Partnership group: {partner}", partner=partner)[:CHOICE]


# Confirming ------------------------------------------------------------------------------


def assumption(t: Translator, assumed: Assumption) -> str:
    """What the bot filled in, so a wrong guess shows before it is saved."""
    if assumed.kind == "afternoon":
        hour, minute = assumed.at.split(":")
        night = f"{int(hour) - 12:02d}:{minute}"
        return t._(
            "“{said}” is read as {time}; for the night, write {night}.",
            said=assumed.said,
            time=assumed.at,
            night=night,
        )
    if assumed.kind == "part":
        return t._("“{said}” is read as {time}.", said=assumed.said, time=assumed.at)
    return t._("No time of day was given, so it is set for {time}.", time=assumed.at)


def confirmation(t: Translator, text: str, when: When, group: str | None = None) -> str:
    """The summary: what, when in full, the repetition or `once`, what was filled in, the
    zone, and the partnership group it goes to, if one was chosen."""
    lines = [
        t._("Reminder: {text}", text=text),
        t._("When: {when}", when=when_text(t, when.due, when.tz)),
        repeats_line(t, when.rule, when.local_time),
        *(assumption(t, assumed) for assumed in when.assumed),
        t._("Time zone: {tz}", tz=when.tz),
    ]
    if group is not None:
        lines.append(t._("Goes to: the group of the partnership with {partner}", partner=group))
    return "\n".join(lines)


def saved(t: Translator, due: datetime, when: When, *, private: bool) -> Screen:
    text = t._("Saved. I will remind you {when}.", when=when_text(t, due, when.tz))
    if when.rule:
        text += "\n🔁 " + describe_rule(t, when.rule, when.local_time)
    row: list[tuple[str, Button]] = [(t._("My reminders"), ListPage())]
    if private:
        row.append((t._("Main menu"), HOME))
    return text, _keys([row])


def left(t: Translator, notice: str) -> Screen:
    """After Cancel, or a draft that went stale."""
    return notice, _keys([[(t._("My reminders"), ListPage())]])


# The list --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """A reminder as the list shows it: its title (the text, or what its feature calls it)
    and, for the workflow's own, the feature it comes from (a message to translate)."""

    reminder: Reminder
    title: str
    origin: str | None = None


def describe(t: Translator, item: Listed) -> str:
    """`Monday, 23 November 2026 at 10:00 — meeting 🔁 every week ... (in a group)`."""
    reminder = item.reminder
    line = f"{when_text(t, reminder.due_at, reminder.tz)} — {item.title}"
    if reminder.recurrence:
        line += " 🔁 " + describe_rule(t, reminder.recurrence, reminder.local_time)
    if reminder.automatic and item.origin:
        line += " " + t._("({origin})", origin=t._(item.origin))
    if reminder.chat_id < 0:
        line += " " + t._("(in a group)")
    if reminder.status == "paused":
        line += " " + t._("(paused)")
    return line


def pages(total: int) -> int:
    return max(1, -(-total // PAGE))


def reminders(
    t: Translator, items: Sequence[Listed], page: int, of: int, *, private: bool
) -> Screen:
    """One page of a person's reminders: a line and a button each, paging, New reminder."""
    first = page * PAGE + 1
    if not items:
        text = t._("You have no reminders yet.")
    else:
        header = t._("Your reminders, page {page} of {pages}:", page=page + 1, pages=of)
        lines = [f"{first + i}. {describe(t, item)}" for i, item in enumerate(items)]
        text = "\n".join([header, *lines])
    rows: list[Row] = [
        [(f"{first + i}. {item.title}"[:TITLE], View(item.reminder.id))]
        for i, item in enumerate(items)
    ]
    nav: list[tuple[str, Button]] = []
    if page > 0:
        nav.append(("◀", ListPage(page - 1)))
    if page < of - 1:
        nav.append(("▶", ListPage(page + 1)))
    if nav:
        rows.append(nav)
    rows.append([(t._("New reminder"), Compose())])
    if private:
        rows.append([(t._("Main menu"), HOME)])
    return text, _keys(rows)


def card(t: Translator, item: Listed) -> Screen:
    """One reminder: one's own can be edited or deleted, the workflow's snoozed or turned off."""
    rid = item.reminder.id
    rows: list[Row]
    if item.reminder.kind == "user":
        rows = [[(t._("Edit"), Edit(rid)), (t._("Delete"), AskDelete(rid))]]
    else:
        rows = [
            [(t._("Snooze a day"), Postpone(rid, "1")), (t._("Snooze a week"), Postpone(rid, "7"))],
            [(t._("Turn off"), TurnOffListed(rid))],
        ]
    rows += [[(t._("Add to calendar (.ics)"), Calendar(rid))], [(t._("Back"), ListPage())]]
    return describe(t, item), _keys(rows)


def delete_question(t: Translator, reminder: Reminder) -> Screen:
    rows = [[(t._("Yes, delete"), Delete(reminder.id)), (t._("No"), View(reminder.id))]]
    return t._("Delete this reminder?\n{text}", text=reminder.text), _keys(rows)


# A delivered reminder --------------------------------------------------------------------


def delivered_buttons(
    t: Translator, reminder: Reminder, offer_off: bool
) -> list[list[InlineKeyboardButton]]:
    """Snooze, Done and, for a recurring or automatic reminder, Turn off."""
    rid = reminder.id
    # Two a row: "Tomorrow morning" and its translations do not fit a third of the width.
    rows = [
        [
            Snooze(rid, "15").as_button(t._("In 15 min")),
            Snooze(rid, "60").as_button(t._("In 1 hour")),
        ],
        [
            Snooze(rid, "am").as_button(t._("Tomorrow morning")),
            Done(rid).as_button(t._("Done")),
        ],
    ]
    if offer_off:
        rows.append([TurnOff(rid).as_button(t._("Turn off"))])
    return rows


def closed(message: str, note: str) -> str:
    """A delivered reminder after a press: its text kept, what happened below it."""
    return f"{message}\n\n{note}"
