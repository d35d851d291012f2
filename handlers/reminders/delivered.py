"""The buttons under a delivered reminder: Snooze, Done, Turn off; and resuming paused ones.

Anyone in the chat the reminder went to may press them (a group shares its reminders);
the reminder id in the button is checked against that chat, so a forged id does nothing.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Message, Update

from bot.context import BotContext
from bot.domain.reminders.recurrence import next_morning
from bot.domain.reminders.text import when_text
from handlers.shared.screens import answer, button_int, toast
from storage.reminders import NewReminder, Reminder

SNOOZES = {"15": timedelta(minutes=15), "60": timedelta(hours=1)}


async def _reminder(update: Update, context: BotContext) -> tuple[Reminder, Message] | None:
    query = update.callback_query
    assert query is not None
    parts = (query.data or "").split(":")
    reminder_id = button_int(parts[2] if len(parts) > 2 else None)
    reminder = await context.repos.reminders.get(reminder_id) if reminder_id is not None else None
    message = query.message if isinstance(query.message, Message) else None
    if reminder is None or message is None or reminder.chat_id != message.chat.id:
        await toast(update, context._("This reminder no longer exists."))
        return None
    return reminder, message


async def _close(message: Message, note: str) -> None:
    """Keep the reminder's text, drop its buttons, and say what happened."""
    await message.edit_text(f"{message.text or ''}\n\n{note}", reply_markup=None)


async def snooze(update: Update, context: BotContext) -> None:
    found = await _reminder(update, context)
    if found is None:
        return
    reminder, message = found
    assert update.callback_query is not None
    choice = (update.callback_query.data or "").rsplit(":", 1)[-1]
    now = context.services.clock.now()
    tz = context.tz
    due = now + SNOOZES[choice] if choice in SNOOZES else next_morning(now, tz)
    source_id = reminder.snoozed_from or reminder.id
    await context.repos.reminders.schedule(
        NewReminder(
            chat_id=reminder.chat_id,
            kind=reminder.kind,
            due_at=due,
            text=reminder.text,
            owner_id=reminder.owner_id,
            community_id=reminder.community_id,
            partnership_id=reminder.partnership_id,
            payload=reminder.payload,
            tz=reminder.tz,
            # One snoozed copy per delivered message: pressing again moves it.
            dedupe_key=f"snooze:{message.chat.id}:{message.message_id}",
            snoozed_from=source_id,
        )
    )
    await answer(update.callback_query)
    await _close(message, context._("Snoozed until {when}.", when=when_text(context.t, due, tz)))


async def done(update: Update, context: BotContext) -> None:
    found = await _reminder(update, context)
    if found is None:
        return
    _reminder_row, message = found
    assert update.callback_query is not None
    await context.repos.reminders.cancel_key(f"snooze:{message.chat.id}:{message.message_id}")
    await answer(update.callback_query)
    await _close(message, context._("✓ Done."))


async def turn_off(update: Update, context: BotContext) -> None:
    found = await _reminder(update, context)
    if found is None:
        return
    reminder, message = found
    assert update.callback_query is not None
    await context.repos.reminders.cancel(reminder.snoozed_from or reminder.id)
    await context.repos.reminders.cancel_key(f"snooze:{message.chat.id}:{message.message_id}")
    await answer(update.callback_query)
    await _close(message, context._("Turned off: this reminder will not come again."))


async def resume_paused(update: Update, context: BotContext) -> None:
    """A person who blocked the bot and came back gets their paused reminders again."""
    chat = update.effective_chat
    if chat is None:
        return
    change = update.my_chat_member
    if change is not None:
        if change.new_chat_member.status in ("member", "administrator"):
            await context.repos.reminders.resume_chat(chat.id)
    elif chat.type == "private" and context.came_back:
        await context.repos.reminders.resume_chat(chat.id)
