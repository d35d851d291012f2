"""A person's reminders: the list, one reminder, deleting, and snoozing or turning off the
workflow's own. These buttons work outside any flow, so an old list's buttons still work."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.context import BotContext
from bot.domain.reminders.text import when_text
from handlers.reminders import screens
from handlers.reminders.buttons import AskDelete, Delete, ListPage, Postpone, TurnOffListed, View
from handlers.reminders.common import listed, refuse_outsider
from handlers.shared.screens import is_private, show, toast
from storage.reminders import Reminder


async def show_list(update: Update, context: BotContext, press: ListPage) -> None:
    if await refuse_outsider(update, context):
        return
    assert context.account is not None
    repo = context.repos.reminders
    pages = screens.pages(await repo.count_for_person(context.account.id))
    page = min(press.page, pages - 1)
    found = await repo.for_person(context.account.id, page * screens.PAGE, screens.PAGE)
    items = [await listed(context, reminder) for reminder in found]
    private = is_private(update)
    await show(update, context, *screens.reminders(context.t, items, page, pages, private=private))


async def mine(
    update: Update, context: BotContext, reminder_id: int, *, automatic: bool
) -> Reminder | None:
    """A reminder of the presser's own: set by them, or (automatic) sent to their chat."""
    assert context.account is not None
    reminder = await context.repos.reminders.get(reminder_id)
    ours = reminder is not None and (
        (reminder.kind == "user" and reminder.owner_id == context.account.id)
        or (automatic and reminder.automatic and reminder.chat_id == context.account.id)
    )
    if reminder is None or not ours or reminder.status not in ("pending", "paused"):
        await toast(update, context._("This reminder no longer exists."))
        return None
    return reminder


async def _card(update: Update, context: BotContext, reminder_id: int) -> None:
    reminder = await mine(update, context, reminder_id, automatic=True)
    if reminder is None:
        await show_list(update, context, ListPage())
        return
    await show(update, context, *screens.card(context.t, await listed(context, reminder)))


async def view(update: Update, context: BotContext, press: View) -> None:
    await _card(update, context, press.reminder)


async def postpone(update: Update, context: BotContext, press: Postpone) -> None:
    """Move the workflow's reminder a day or a week later, from the list."""
    reminder = await mine(update, context, press.reminder, automatic=True)
    if reminder is None:
        await show_list(update, context, ListPage())
        return
    due = max(reminder.due_at, context.services.clock.now()) + timedelta(days=int(press.days))
    await context.repos.reminders.postpone(reminder.id, due)
    when = when_text(context.t, due, reminder.tz)
    await toast(update, context._("Snoozed until {when}.", when=when))
    await _card(update, context, reminder.id)


async def _drop(
    update: Update, context: BotContext, reminder_id: int, *, automatic: bool, notice: str
) -> None:
    reminder = await mine(update, context, reminder_id, automatic=automatic)
    if reminder is not None:
        await context.repos.reminders.cancel(reminder.id)
        await toast(update, notice)
    await show_list(update, context, ListPage())


async def turn_off(update: Update, context: BotContext, press: TurnOffListed) -> None:
    notice = context._("Turned off: this reminder will not come again.")
    await _drop(update, context, press.reminder, automatic=True, notice=notice)


async def ask_delete(update: Update, context: BotContext, press: AskDelete) -> None:
    reminder = await mine(update, context, press.reminder, automatic=False)
    if reminder is None:
        await show_list(update, context, ListPage())
        return
    await show(update, context, *screens.delete_question(context.t, reminder))


async def delete(update: Update, context: BotContext, press: Delete) -> None:
    await _drop(update, context, press.reminder, automatic=False, notice=context._("Deleted."))
