"""`/remind` and the Reminders menu: set a reminder in one's own words, list, edit, delete.

The flow's draft lives in `user_data["flow:reminders"]`: the text, the first due time
(ISO), the local time, the zone, the recurrence rule and where it goes. In a group the
bot only sees commands and replies to itself, so the prompt there is a ForceReply.
"""

from __future__ import annotations

import secrets
from datetime import date, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram import ForceReply, InputFile, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.clock import iso, parse_iso
from bot.context import BotContext
from bot.domain.parsing.text import TextProblem, check_text, clean
from bot.domain.reminders.calendar import DayEvent, TimedEvent, ics_file
from bot.domain.reminders.recurrence import first_occurrence, local_instant
from bot.domain.reminders.schedule import (
    Assumption,
    Schedule,
    ScheduleError,
    ScheduleRefused,
    ScheduleUnsure,
    parse_schedule,
)
from bot.domain.reminders.text import describe_rule, repeats_line, when_text
from bot.domain.visits.model import DIRECTION_SHORT
from bot.i18n import N_
from handlers.reminders.buttons import PartnershipCalendar
from handlers.shared.flows import FLOW_PREFIX
from handlers.shared.navigation import HOME, GoTo, Place
from handlers.shared.screens import (
    Button,
    answer,
    button_int,
    button_page,
    clip,
    is_private,
    keyboard,
    show,
    toast,
)
from storage.reminders import NewReminder, Reminder

ASK_TEXT, ASK_WHAT, CONFIRM, PICK_DATE = range(4)
DRAFT = FLOW_PREFIX + "reminders"
PAGE = 8
TEXT_LIMIT = 1000

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


def _draft(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})


async def _refuse_outsider(update: Update, context: BotContext) -> bool:
    if context.community_id is not None:
        return False
    text = context._(
        "Reminders are for people approved to act for a community. Send /start in a private"
        " chat with me to choose yours."
    )
    await toast(update, text)
    if update.callback_query is None:
        await show(update, context, text)
    return True


# ---------------------------------------------------------------------- asking


async def prompt(update: Update, context: BotContext, lead: str | None = None) -> int:
    """Ask for the phrase: in a group as a reply the bot can see, in private as a screen."""
    _ = context._
    text = _(EXAMPLES) if lead is None else f"{lead}\n\n{_(EXAMPLES)}"
    if is_private(update):
        await show(update, context, text, keyboard([[(_("Cancel"), "rm:cancel")]]))
    else:
        assert update.effective_chat is not None
        if update.callback_query is not None:
            await toast(update, _("Reply to my message with what and when."))
        await context.bot.send_message(
            update.effective_chat.id,
            text,
            reply_markup=ForceReply(selective=True, input_field_placeholder=_("what and when")),
        )
    return ASK_TEXT


async def remind_command(update: Update, context: BotContext) -> int:
    if await _refuse_outsider(update, context):
        return ConversationHandler.END
    draft = _draft(context)
    draft.clear()
    draft["nonce"] = secrets.token_hex(4)
    if context.args:
        return await _understand(update, context, " ".join(context.args))
    return await prompt(update, context)


async def new_reminder(update: Update, context: BotContext) -> int:
    if await _refuse_outsider(update, context):
        return ConversationHandler.END
    draft = _draft(context)
    draft.clear()
    draft["nonce"] = secrets.token_hex(4)
    return await prompt(update, context)


async def take_text(update: Update, context: BotContext) -> int:
    assert update.message is not None
    return await _understand(update, context, update.message.text or "")


async def _understand(update: Update, context: BotContext, typed: str) -> int:
    _ = context._
    draft = _draft(context)
    try:
        schedule = parse_schedule(typed, now=context.services.clock.now(), tz=context.tz)
    except ScheduleUnsure as unsure:
        draft["text"] = clean(unsure.text) if unsure.text else ""
        return await _offer_unsure(update, context, unsure)
    except ScheduleRefused as refused:
        if refused.code is ScheduleError.NO_WHEN and check_text(typed, TEXT_LIMIT) is None:
            draft["text"] = clean(typed)
            return await _offer_quick_times(update, context)
        await _say(update, context, _(REFUSALS[refused.code]))
        return ASK_TEXT
    _store(draft, schedule)
    if schedule.text:
        draft["text"] = schedule.text
    elif not draft.get("text"):
        return await _ask_what(update, context)
    return await confirm_screen(update, context)


def _packed(schedule: Schedule) -> dict[str, Any]:
    return {
        "due": iso(schedule.due_at),
        "local_time": schedule.local_time,
        "tz": schedule.tz,
        "rule": schedule.recurrence,
        "assumed": [[a.kind, a.said, a.at] for a in schedule.assumptions],
        "offset": schedule.offset_seconds,
    }


def _store(draft: dict[str, Any], schedule: Schedule) -> None:
    draft.update(_packed(schedule))
    draft.pop("alts", None)


async def _say(update: Update, context: BotContext, text: str) -> None:
    if is_private(update):
        await show(update, context, text, keyboard([[(context._("Cancel"), "rm:cancel")]]))
    else:
        assert update.effective_chat is not None
        await context.bot.send_message(
            update.effective_chat.id, text, reply_markup=ForceReply(selective=True)
        )


async def _ask_what(update: Update, context: BotContext) -> int:
    when = when_text(context.t, parse_iso(_draft(context)["due"]), context.tz)
    await _say(update, context, context._("What should I remind about {when}?", when=when))
    return ASK_WHAT


async def take_what(update: Update, context: BotContext) -> int:
    assert update.message is not None
    typed = update.message.text or ""
    problem = check_text(typed, TEXT_LIMIT)
    if problem is not None:
        await _say(update, context, _problem(context, problem))
        return ASK_WHAT
    _draft(context)["text"] = clean(typed)
    return await confirm_screen(update, context)


def _problem(context: BotContext, problem: TextProblem) -> str:
    if problem is TextProblem.TOO_LONG:
        return context._("That is too long: keep it under {n} characters.", n=TEXT_LIMIT)
    return context._("The reminder needs some text: what should I remind about?")


def _quick_rows(context: BotContext) -> list[list[Button]]:
    _ = context._
    return [
        [(_("In 1 hour"), "rm:q:1h"), (_("Tomorrow 9:00"), "rm:q:tm")],
        [(_("Next Monday 9:00"), "rm:q:mon"), (_("Pick a date"), "rm:q:date")],
    ]


async def _offer_quick_times(update: Update, context: BotContext) -> int:
    _ = context._
    rows = [*_quick_rows(context), [(_("Cancel"), "rm:cancel")]]
    text = _(REFUSALS[ScheduleError.NO_WHEN])
    await show(update, context, text, keyboard(rows))
    return CONFIRM


async def _offer_unsure(update: Update, context: BotContext, unsure: ScheduleUnsure) -> int:
    """Part of the phrase looks like a time but was not understood: say so, set nothing."""
    _ = context._
    draft = _draft(context)
    parts = ", ".join(_("“{part}”", part=part) for part in unsure.unknown)
    lines = []
    if unsure.alternatives:
        lines.append(
            _("{parts} can be read in more than one way. Which one is meant?", parts=parts)
        )
    else:
        lines.append(_("I did not understand this part: {parts}.", parts=parts))
    if unsure.partial is not None and not unsure.alternatives:
        partial = unsure.partial
        when = when_text(context.t, partial.due_at, partial.tz)
        lines.append(_("What I understood: {when}", when=when))
        lines.append(repeats_line(context.t, partial.recurrence, partial.local_time))
    if draft.get("text"):
        lines.append(_("Reminder: {text}", text=draft["text"]))
    lines.append(
        _(
            "Nothing is set yet, so that it does not come at a wrong time. Change the message,"
            " or pick a time below."
        )
    )
    draft["alts"] = [_packed(option) for option in unsure.alternatives]
    rows: list[list[Button]] = [
        [(when_text(context.t, option.due_at, option.tz)[:60], f"rm:alt:{n}")]
        for n, option in enumerate(unsure.alternatives)
    ]
    rows += [*_quick_rows(context), [(_("Change"), "rm:change"), (_("Cancel"), "rm:cancel")]]
    await show(update, context, "\n".join(lines), keyboard(rows))
    return CONFIRM


async def pick_alternative(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    raw = (update.callback_query.data or "").rsplit(":", 1)[-1]
    draft = _draft(context)
    options = draft.get("alts") or []
    if not raw.isdigit() or int(raw) >= len(options):
        return await prompt(update, context)
    draft.update(options[int(raw)])
    draft.pop("alts", None)
    if not draft.get("text"):
        return await _ask_what(update, context)
    return await confirm_screen(update, context)


async def quick_time(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    choice = (update.callback_query.data or "").rsplit(":", 1)[-1]
    draft = _draft(context)
    now = context.services.clock.now()
    tz = context.tz
    today = now.astimezone(ZoneInfo(tz)).date()
    if choice == "date":
        await show(
            update,
            context,
            context._("Type the date and time, e.g. 25.03 14:00 or next Friday 9am."),
            keyboard([[(context._("Cancel"), "rm:cancel")]]),
        )
        return PICK_DATE
    offset = None
    if choice == "1h":
        offset = 3600
        due = now + timedelta(seconds=offset)
    elif choice == "mon":
        due = local_instant(today + timedelta(days=(7 - today.weekday()) or 7), time(9), tz)
    else:
        due = local_instant(today + timedelta(days=1), time(9), tz)
    local = due.astimezone(ZoneInfo(tz)).strftime("%H:%M")
    draft.update(due=iso(due), local_time=local, tz=tz, rule=None, assumed=[], offset=offset)
    draft.pop("alts", None)
    if not draft.get("text"):
        return await _ask_what(update, context)
    return await confirm_screen(update, context)


async def take_date(update: Update, context: BotContext) -> int:
    assert update.message is not None
    typed = update.message.text or ""
    try:
        schedule = parse_schedule(typed, now=context.services.clock.now(), tz=context.tz)
    except ScheduleUnsure as unsure:
        return await _offer_unsure(update, context, unsure)
    except ScheduleRefused as refused:
        await show(update, context, context._(REFUSALS[refused.code]))
        return PICK_DATE
    draft = _draft(context)
    _store(draft, schedule)
    if not draft.get("text"):
        return await _ask_what(update, context)
    return await confirm_screen(update, context)


# ---------------------------------------------------------------------- confirming


async def _targets(context: BotContext) -> list[tuple[int, str]]:
    """Partnerships of the user's community that have a linked group: (id, label)."""
    if context.community_id is None:
        return []
    found = []
    for partnership in await context.repos.partnerships.for_community(context.community_id):
        if not await context.repos.partnerships.linked_chats(partnership.id):
            continue
        other_id = (
            partnership.partner_id
            if partnership.community_id == context.community_id
            else partnership.community_id
        )
        other = await context.repos.communities.get(other_id)
        name = other.title(context.lang) if other else str(other_id)
        found.append((partnership.id, name))
    return found


async def confirm_screen(update: Update, context: BotContext) -> int:
    _ = context._
    draft = _draft(context)
    due = parse_iso(draft["due"])
    lines = [
        _("Reminder: {text}", text=draft["text"]),
        _("When: {when}", when=when_text(context.t, due, draft["tz"])),
        repeats_line(context.t, draft.get("rule"), draft["local_time"]),
    ]
    lines += [_assumption(context, Assumption(*item)) for item in draft.get("assumed") or []]
    lines.append(_("Time zone: {tz}", tz=draft["tz"]))
    rows: list[list[Button]] = [[(_("Confirm"), "rm:ok"), (_("Change"), "rm:change")]]
    if is_private(update):
        targets = await _targets(context)
        chosen = draft.get("partnership")
        if chosen:
            label = next((name for pid, name in targets if pid == chosen), "")
            lines.append(_("Goes to: the group of the partnership with {partner}", partner=label))
        if targets and not draft.get("edit_id"):
            rows.append([(_("Who gets it"), "rm:to")])
    rows.append([(_("Cancel"), "rm:cancel")])
    await show(update, context, "\n".join(lines), keyboard(rows))
    return CONFIRM


def _assumption(context: BotContext, assumption: Assumption) -> str:
    """What the bot filled in, so a wrong guess shows before it is saved."""
    _ = context._
    if assumption.kind == "afternoon":
        hour, minute = assumption.at.split(":")
        night = f"{int(hour) - 12:02d}:{minute}"
        return _(
            "“{said}” is read as {time}; for the night, write {night}.",
            said=assumption.said,
            time=assumption.at,
            night=night,
        )
    if assumption.kind == "part":
        return _("“{said}” is read as {time}.", said=assumption.said, time=assumption.at)
    return _("No time of day was given, so it is set for {time}.", time=assumption.at)


async def choose_target(update: Update, context: BotContext) -> int:
    _ = context._
    rows: list[list[Button]] = [[(_("Only me"), "rm:to:me")]]
    for partnership_id, name in await _targets(context):
        rows.append(
            [(_("Partnership group: {partner}", partner=name)[:60], f"rm:to:{partnership_id}")]
        )
    await show(update, context, _("Who gets this reminder?"), keyboard(rows))
    return CONFIRM


async def set_target(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    raw = (update.callback_query.data or "").rsplit(":", 1)[-1]
    draft = _draft(context)
    allowed = {pid for pid, _name in await _targets(context)}
    chosen = button_int(raw)
    draft["partnership"] = chosen if chosen in allowed else None
    return await confirm_screen(update, context)


async def change(update: Update, context: BotContext) -> int:
    return await prompt(update, context)


async def save(update: Update, context: BotContext) -> int:
    assert context.account is not None and update.effective_chat is not None
    _ = context._
    draft = _draft(context)
    if "due" not in draft or "text" not in draft:
        await show(update, context, _("This reminder was already saved or cancelled."))
        return ConversationHandler.END
    repo = context.repos.reminders
    due = parse_iso(draft["due"])
    now = context.services.clock.now()
    if draft.get("offset") and due <= now:
        # `in 1 minute` confirmed after that minute: it counts from the confirmation.
        due = now + timedelta(seconds=int(draft["offset"]))
    if due <= context.services.clock.now():
        # The confirmation screen waited past the time itself: fire at the next occurrence.
        if draft.get("rule"):
            at = time.fromisoformat(draft["local_time"])
            due = (
                first_occurrence(draft["rule"], at, draft["tz"], context.services.clock.now())
                or due
            )
        else:
            await show(update, context, _(REFUSALS[ScheduleError.PAST]))
            return await prompt(update, context)
    edit_id = draft.get("edit_id")
    if edit_id is not None:
        existing = await repo.get(int(edit_id))
        if existing is None or existing.owner_id != context.account.id:
            await show(update, context, _("This reminder no longer exists."))
            return ConversationHandler.END
        await repo.update(
            existing.id,
            text=draft["text"],
            due_at=due,
            local_time=draft["local_time"],
            tz=draft["tz"],
            recurrence=draft.get("rule"),
        )
    else:
        chats = [update.effective_chat.id]
        partnership_id = draft.get("partnership")
        if partnership_id:
            chats = await context.repos.partnerships.linked_chats(int(partnership_id)) or chats
        for chat_id in chats:
            await repo.schedule(
                NewReminder(
                    chat_id=chat_id,
                    kind="user",
                    due_at=due,
                    text=draft["text"],
                    owner_id=context.account.id,
                    community_id=context.community_id,
                    partnership_id=int(partnership_id) if partnership_id else None,
                    local_time=draft["local_time"],
                    tz=draft["tz"],
                    recurrence=draft.get("rule"),
                    # Confirm pressed twice writes one reminder, not two.
                    dedupe_key=f"user:{context.account.id}:{draft.get('nonce')}:{chat_id}",
                )
            )
    when = when_text(context.t, due, draft["tz"])
    text = _("Saved. I will remind you {when}.", when=when)
    if draft.get("rule"):
        text += "\n🔁 " + describe_rule(context.t, draft["rule"], draft["local_time"])
    draft.clear()
    rows: list[list[Button]] = [[(_("My reminders"), "rm:list:0")]]
    if is_private(update):
        rows[0].append((_("Main menu"), HOME.data()))
    await show(update, context, text, keyboard(rows))
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    _draft(context).clear()
    await show(
        update,
        context,
        context._("Cancelled. Nothing was saved."),
        keyboard([[(context._("My reminders"), "rm:list:0")]]),
    )
    return ConversationHandler.END


# ---------------------------------------------------------------------- list, edit, delete


async def _title(context: BotContext, reminder: Reminder) -> str:
    """What a reminder is about: its text, or for the workflow's own what its feature says."""
    if reminder.kind == "user":
        return reminder.text
    kind = context.services.reminder_kinds.kind(reminder.kind)
    title = await kind.title(context.services, context.t, reminder) if kind and kind.title else None
    return title or context._("automatic reminder")


async def _line(context: BotContext, number: int, reminder: Reminder) -> str:
    when = when_text(context.t, reminder.due_at, reminder.tz)
    line = f"{number}. {when} — {await _title(context, reminder)}"
    if reminder.recurrence:
        line += " 🔁 " + describe_rule(context.t, reminder.recurrence, reminder.local_time)
    kind = context.services.reminder_kinds.kind(reminder.kind)
    if reminder.automatic and kind is not None and kind.origin:
        line += " " + context._("({origin})", origin=context._(kind.origin))
    if reminder.chat_id < 0:
        line += " " + context._("(in a group)")
    if reminder.status == "paused":
        line += " " + context._("(paused)")
    return line


async def list_screen(update: Update, context: BotContext) -> int:
    if await _refuse_outsider(update, context):
        return ConversationHandler.END
    assert context.account is not None
    _ = context._
    data = update.callback_query.data if update.callback_query else ""
    raw = (data or "").rsplit(":", 1)[-1]
    page = button_page(raw)
    repo = context.repos.reminders
    total = await repo.count_for_person(context.account.id)
    pages = max(1, -(-total // PAGE))
    page = min(page, pages - 1)
    items = await repo.for_person(context.account.id, page * PAGE, PAGE)
    if not items:
        text = _("You have no reminders yet.")
    else:
        header = _("Your reminders, page {page} of {pages}:", page=page + 1, pages=pages)
        lines = [await _line(context, page * PAGE + i + 1, r) for i, r in enumerate(items)]
        text = "\n".join([header, *lines])
    rows: list[list[Button]] = [
        [(f"{page * PAGE + i + 1}. {await _title(context, r)}"[:40], f"rm:view:{r.id}")]
        for i, r in enumerate(items)
    ]
    nav: list[Button] = []
    if page > 0:
        nav.append(("◀", f"rm:list:{page - 1}"))
    if page < pages - 1:
        nav.append(("▶", f"rm:list:{page + 1}"))
    if nav:
        rows.append(nav)
    rows.append([(_("New reminder"), "rm:new")])
    if is_private(update):
        rows.append([(_("Main menu"), HOME.data())])
    await show(update, context, clip(text), keyboard(rows))
    return ConversationHandler.END


def _pressed_id(update: Update) -> int | None:
    """The reminder id in a list button: `rm:<action>:<id>` and maybe one more part."""
    assert update.callback_query is not None
    parts = (update.callback_query.data or "").split(":")
    return button_int(parts[2]) if len(parts) > 2 else None


async def _mine(update: Update, context: BotContext, *, automatic: bool) -> Reminder | None:
    """A reminder of the presser's own: set by them, or (automatic) sent to their chat."""
    assert context.account is not None
    reminder_id = _pressed_id(update)
    reminder = await context.repos.reminders.get(reminder_id) if reminder_id else None
    ours = reminder is not None and (
        (reminder.kind == "user" and reminder.owner_id == context.account.id)
        or (automatic and reminder.automatic and reminder.chat_id == context.account.id)
    )
    if reminder is None or not ours or reminder.status not in ("pending", "paused"):
        await toast(update, context._("This reminder no longer exists."))
        return None
    return reminder


async def _own(update: Update, context: BotContext) -> Reminder | None:
    return await _mine(update, context, automatic=False)


async def view(update: Update, context: BotContext) -> int:
    reminder = await _mine(update, context, automatic=True)
    if reminder is None:
        return await list_screen(update, context)
    _ = context._
    rid = reminder.id
    rows: list[list[Button]]
    if reminder.kind == "user":
        rows = [[(_("Edit"), f"rm:edit:{rid}"), (_("Delete"), f"rm:del:{rid}")]]
    else:
        rows = [
            [(_("Snooze a day"), f"rm:lsn:{rid}:1"), (_("Snooze a week"), f"rm:lsn:{rid}:7")],
            [(_("Turn off"), f"rm:loff:{rid}")],
        ]
    rows += [[(_("Add to calendar (.ics)"), f"rm:ics:{rid}")], [(_("Back"), "rm:list:0")]]
    text = (await _line(context, 1, reminder))[3:]
    await show(update, context, text, keyboard(rows))
    return ConversationHandler.END


async def snooze_from_list(update: Update, context: BotContext) -> int:
    """Move the workflow's reminder a day or a week later, from the list."""
    reminder = await _mine(update, context, automatic=True)
    if reminder is None:
        return await list_screen(update, context)
    assert update.callback_query is not None
    days = 7 if (update.callback_query.data or "").endswith(":7") else 1
    due = max(reminder.due_at, context.services.clock.now()) + timedelta(days=days)
    await context.repos.reminders.postpone(reminder.id, due)
    when = when_text(context.t, due, reminder.tz)
    await toast(update, context._("Snoozed until {when}.", when=when))
    return await view(update, context)


async def send_calendar(update: Update, context: BotContext) -> int:
    """One reminder as an .ics file, with its repetition and an alarm."""
    reminder = await _mine(update, context, automatic=True)
    if reminder is None or update.effective_chat is None:
        return await list_screen(update, context)
    title = await _title(context, reminder)
    uid = f"reminder-{reminder.id}@twinbot"
    event = TimedEvent(uid, title, reminder.due_at, reminder.tz, reminder.recurrence)
    data = ics_file([event], stamp=context.services.clock.now())
    if update.callback_query is not None:
        await answer(update.callback_query)
    await context.bot.send_document(
        update.effective_chat.id,
        InputFile(data, filename="reminder.ics"),
        caption=context._("Open the file to add this reminder to your calendar."),
    )
    return ConversationHandler.END


async def send_partnership_calendar(
    update: Update, context: BotContext, press: PartnershipCalendar
) -> int:
    """A partnership's deadlines and coming visits as one .ics file."""
    _ = context._
    partnership = await context.repos.partnerships.get(press.partnership)
    chat = update.effective_chat
    if partnership is None or chat is None or not partnership.involves(context.community_id):
        await toast(update, _("This partnership is not one of your community's."))
        return ConversationHandler.END
    assert context.account is not None and context.community_id is not None
    events: list[TimedEvent | DayEvent] = []
    by_kind: dict[str, Reminder] = {}
    for reminder in await context.repos.reminders.workflow_of(partnership.id):
        if reminder.kind not in by_kind or reminder.chat_id == context.account.id:
            by_kind[reminder.kind] = reminder
    for kind, reminder in by_kind.items():
        title = await _title(context, reminder)
        uid = f"partnership-{partnership.id}-{kind}@twinbot"
        events.append(TimedEvent(uid, title, reminder.due_at, context.tz, reminder.recurrence))
    today = context.services.clock.now().astimezone(ZoneInfo(context.tz)).date()
    visits = await context.repos.visits.page(context.community_id, partnership.id, 0, 500)
    for visit in visits:
        if date.fromisoformat(visit.end_date) < today:
            continue
        other = (
            visit.partner_id if visit.community_id == context.community_id else visit.community_id
        )
        community = await context.repos.communities.get(other)
        title = _(
            "{kind} with {partner}",
            kind=_(DIRECTION_SHORT[visit.direction]),
            partner=community.title(context.lang) if community else "—",
        )
        first, last = date.fromisoformat(visit.start_date), date.fromisoformat(visit.end_date)
        events.append(DayEvent(f"visit-{visit.id}@twinbot", title, first, last))
    if not events:
        await toast(update, _("This partnership has no deadlines or visits ahead."))
        return ConversationHandler.END
    other_id = (
        partnership.partner_id
        if partnership.community_id == context.community_id
        else partnership.community_id
    )
    partner = await context.repos.communities.get(other_id)
    name = _("Partnership with {partner}", partner=partner.title(context.lang) if partner else "—")
    data = ics_file(events, stamp=context.services.clock.now(), name=name)
    if update.callback_query is not None:
        await answer(update.callback_query)
    await context.bot.send_document(
        chat.id,
        InputFile(data, filename=f"partnership-{partnership.id}.ics"),
        caption=_("Open the file to add the deadlines and visits to your calendar."),
    )
    return ConversationHandler.END


async def turn_off_from_list(update: Update, context: BotContext) -> int:
    reminder = await _mine(update, context, automatic=True)
    if reminder is not None:
        await context.repos.reminders.cancel(reminder.id)
        await toast(update, context._("Turned off: this reminder will not come again."))
    return await list_screen(update, context)


async def ask_delete(update: Update, context: BotContext) -> int:
    reminder = await _own(update, context)
    if reminder is None:
        return await list_screen(update, context)
    _ = context._
    rows: list[list[Button]] = [
        [(_("Yes, delete"), f"rm:delok:{reminder.id}"), (_("No"), f"rm:view:{reminder.id}")]
    ]
    await show(
        update, context, _("Delete this reminder?\n{text}", text=reminder.text), keyboard(rows)
    )
    return ConversationHandler.END


async def delete(update: Update, context: BotContext) -> int:
    reminder = await _own(update, context)
    if reminder is not None:
        await context.repos.reminders.cancel(reminder.id)
        await toast(update, context._("Deleted."))
    return await list_screen(update, context)


async def edit(update: Update, context: BotContext) -> int:
    reminder = await _own(update, context)
    if reminder is None:
        return await list_screen(update, context)
    draft = _draft(context)
    draft.clear()
    draft.update(edit_id=reminder.id, nonce=secrets.token_hex(4))
    lead = context._("Now: {line}", line=(await _line(context, 1, reminder))[3:])
    return await prompt(update, context, lead)


def conversation() -> ConversationHandler[BotContext]:
    return ConversationHandler(
        name="reminders",
        persistent=True,
        allow_reentry=True,
        entry_points=[
            CommandHandler("remind", remind_command),
            CallbackQueryHandler(new_reminder, pattern=r"^rm:new$"),
            CallbackQueryHandler(edit, pattern=r"^rm:edit:\d+$"),
        ],
        states={
            ASK_TEXT: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, take_text),
                CallbackQueryHandler(cancel, pattern=r"^rm:cancel$"),
            ],
            ASK_WHAT: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, take_what),
                CallbackQueryHandler(cancel, pattern=r"^rm:cancel$"),
            ],
            PICK_DATE: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, take_date),
                CallbackQueryHandler(cancel, pattern=r"^rm:cancel$"),
            ],
            CONFIRM: [
                CallbackQueryHandler(save, pattern=r"^rm:ok$"),
                CallbackQueryHandler(change, pattern=r"^rm:change$"),
                CallbackQueryHandler(choose_target, pattern=r"^rm:to$"),
                CallbackQueryHandler(set_target, pattern=r"^rm:to:"),
                CallbackQueryHandler(quick_time, pattern=r"^rm:q:"),
                CallbackQueryHandler(pick_alternative, pattern=r"^rm:alt:\d+$"),
                CallbackQueryHandler(cancel, pattern=r"^rm:cancel$"),
                MessageHandler(filters.TEXT & ~filters.COMMAND, take_text),
            ],
        },
        fallbacks=[],
    )


def list_handlers() -> list[CallbackQueryHandler[BotContext, Any]]:
    """The list and its screens work outside the flow, so an old list's buttons still work."""
    return [
        GoTo.handler(lambda u, c, _p: list_screen(u, c), when=lambda p: p.place is Place.REMINDERS),
        CallbackQueryHandler(list_screen, pattern=r"^rm:list:\d+$"),
        CallbackQueryHandler(view, pattern=r"^rm:view:\d+$"),
        CallbackQueryHandler(ask_delete, pattern=r"^rm:del:\d+$"),
        CallbackQueryHandler(delete, pattern=r"^rm:delok:\d+$"),
        CallbackQueryHandler(snooze_from_list, pattern=r"^rm:lsn:\d+:(1|7)$"),
        CallbackQueryHandler(turn_off_from_list, pattern=r"^rm:loff:\d+$"),
        CallbackQueryHandler(send_calendar, pattern=r"^rm:ics:\d+$"),
        PartnershipCalendar.handler(send_partnership_calendar),
    ]
