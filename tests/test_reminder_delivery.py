"""Delivery of reminders: once, in order, late after downtime, blocked and migrated chats."""

from __future__ import annotations

from datetime import timedelta

from bot.reminder_delivery import deliver_due
from storage.reminders import NewReminder
from tests.harness import BotHarness


async def schedule_user(bot: BotHarness, chat_id: int, text: str, minutes: int, **extra):  # type: ignore[no-untyped-def]
    return await bot.repos.reminders.schedule(
        NewReminder(
            chat_id=chat_id,
            kind="user",
            text=text,
            owner_id=chat_id if chat_id > 0 else None,
            due_at=bot.clock.now() + timedelta(minutes=minutes),
            **extra,
        )
    )


async def test_due_reminder_is_sent_once_with_snooze_and_done(bot: BotHarness) -> None:
    user = bot.user(301, "Olena", "en")
    await bot.send(user, "/start")
    await schedule_user(bot, user.id, "call Jena", 30)
    assert await deliver_due(bot.app) == 0
    bot.clock.advance(timedelta(minutes=31))
    assert await deliver_due(bot.app) == 1
    message = bot.last(user.id)
    assert "call Jena" in message.text
    assert message.button_labels == ["In 15 min", "In 1 hour", "Tomorrow morning", "Done"]
    assert await deliver_due(bot.app) == 0
    assert sum("call Jena" in (m.text or "") for m in bot.api.bot_messages(user.id)) == 1
