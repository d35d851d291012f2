"""Calendar files: one reminder, or a partnership's deadlines and coming visits."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from telegram import InputFile, Update

from bot.context import BotContext
from bot.domain.reminders.calendar import DayEvent, TimedEvent, ics_file
from bot.domain.visits.model import DIRECTION_SHORT
from handlers.reminders.buttons import Calendar, ListPage, PartnershipCalendar
from handlers.reminders.common import listed, partner_title
from handlers.reminders.listing import mine, show_list
from handlers.shared.screens import answer, toast
from storage.partnerships import Partnership
from storage.reminders import Reminder

Events = list[TimedEvent | DayEvent]


async def _send(update: Update, context: BotContext, data: bytes, name: str, caption: str) -> None:
    assert update.effective_chat is not None
    if update.callback_query is not None:
        await answer(update.callback_query)
    await context.bot.send_document(
        update.effective_chat.id, InputFile(data, filename=name), caption=caption
    )


async def send_reminder(update: Update, context: BotContext, press: Calendar) -> None:
    """One reminder as an .ics file, with its repetition and an alarm."""
    reminder = await mine(update, context, press.reminder, automatic=True)
    if reminder is None or update.effective_chat is None:
        await show_list(update, context, ListPage())
        return
    title = (await listed(context, reminder)).title
    uid = f"reminder-{reminder.id}@twinbot"
    event = TimedEvent(uid, title, reminder.due_at, reminder.tz, reminder.recurrence)
    data = ics_file([event], stamp=context.services.clock.now())
    caption = context._("Open the file to add this reminder to your calendar.")
    await _send(update, context, data, "reminder.ics", caption)


async def _deadlines(context: BotContext, partnership: Partnership) -> Events:
    """The workflow's reminders of the partnership, one per kind: the person's own copy
    where there is one."""
    assert context.account is not None
    by_kind: dict[str, Reminder] = {}
    for reminder in await context.repos.reminders.workflow_of(partnership.id):
        if reminder.kind not in by_kind or reminder.chat_id == context.account.id:
            by_kind[reminder.kind] = reminder
    events: Events = []
    for kind, reminder in by_kind.items():
        title = (await listed(context, reminder)).title
        uid = f"partnership-{partnership.id}-{kind}@twinbot"
        events.append(TimedEvent(uid, title, reminder.due_at, context.tz, reminder.recurrence))
    return events


async def _visits(context: BotContext, partnership: Partnership, community_id: int) -> Events:
    """The partnership's visits that have not ended yet, as whole days."""
    _ = context._
    today = context.services.clock.now().astimezone(ZoneInfo(context.tz)).date()
    events: Events = []
    for visit in await context.repos.visits.page(community_id, partnership.id, 0, 500):
        if date.fromisoformat(visit.end_date) < today:
            continue
        other = visit.partner_id if visit.community_id == community_id else visit.community_id
        community = await context.repos.communities.get(other)
        title = _(
            "{kind} with {partner}",
            kind=_(DIRECTION_SHORT[visit.direction]),
            partner=community.title(context.lang) if community else "—",
        )
        first, last = date.fromisoformat(visit.start_date), date.fromisoformat(visit.end_date)
        events.append(DayEvent(f"visit-{visit.id}@twinbot", title, first, last))
    return events


async def send_partnership(update: Update, context: BotContext, press: PartnershipCalendar) -> None:
    """A partnership's deadlines and coming visits as one .ics file."""
    _ = context._
    partnership = await context.repos.partnerships.get(press.partnership)
    community_id = context.community_id
    if (
        partnership is None
        or update.effective_chat is None
        or community_id is None
        or not partnership.visible_to(community_id)
    ):
        await toast(update, _("This partnership is not one of your community's."))
        return
    events = await _deadlines(context, partnership)
    events += await _visits(context, partnership, community_id)
    if not events:
        await toast(update, _("This partnership has no deadlines or visits ahead."))
        return
    partner = await partner_title(context, partnership)
    name = _("Partnership with {partner}", partner=partner or "—")
    data = ics_file(events, stamp=context.services.clock.now(), name=name)
    caption = _("Open the file to add the deadlines and visits to your calendar.")
    await _send(update, context, data, f"partnership-{partnership.id}.ics", caption)
