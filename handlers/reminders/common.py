"""What the reminders' handlers share: who may use them, and a reminder as the list shows it."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from handlers.reminders.screens import Listed, outsider
from handlers.shared.screens import show, toast
from storage.partnerships import Partnership
from storage.reminders import Reminder


async def refuse_outsider(update: Update, context: BotContext) -> bool:
    """True, after saying why, for someone not approved to act for a community."""
    if context.community_id is not None:
        return False
    text = outsider(context.t)
    await toast(update, text)
    if update.callback_query is None:
        await show(update, context, text)
    return True


async def listed(context: BotContext, reminder: Reminder) -> Listed:
    """A reminder with its title: its text, or for the workflow's own what its feature says."""
    if reminder.kind == "user":
        return Listed(reminder, reminder.text)
    kind = context.services.reminder_kinds.kind(reminder.kind)
    title = await kind.title(context.services, context.t, reminder) if kind and kind.title else None
    return Listed(reminder, title or context._("automatic reminder"), kind.origin if kind else None)


async def partner_title(context: BotContext, partnership: Partnership) -> str | None:
    """The other side of a partnership of the person's community, by name."""
    other = (
        partnership.partner_id
        if partnership.community_id == context.community_id
        else partnership.community_id
    )
    community = await context.repos.communities.get(other)
    return community.title(context.lang) if community else None
