"""Delivery of reminders: once, in order, late after downtime, blocked and migrated chats."""

from __future__ import annotations

from datetime import timedelta

from bot.jobs.reminder_delivery import deliver_due
from storage.reminders import NewReminder
from tests.harness import START, BotHarness


def START_PLUS(**delta: float):  # type: ignore[no-untyped-def]
    return START + timedelta(**delta)


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


def texts(bot: BotHarness, chat_id: int, needle: str) -> list[str]:
    return [m.text or "" for m in bot.api.bot_messages(chat_id) if needle in (m.text or "")]


async def test_snooze_then_done(bot: BotHarness) -> None:
    user = bot.user(302, "Olena", "en")
    await bot.send(user, "/start")
    await schedule_user(bot, user.id, "send the draft to Erlangen", 5)
    bot.clock.advance(timedelta(minutes=5))
    await deliver_due(bot.app)
    reply = await bot.press(user, "In 15 min")
    assert "Snoozed until Sunday, 22 November 2026 at 12:20" in reply.text
    assert reply.buttons == []
    bot.clock.advance(timedelta(minutes=14))
    assert await deliver_due(bot.app) == 0
    bot.clock.advance(timedelta(minutes=1))
    assert await deliver_due(bot.app) == 1
    assert len(texts(bot, user.id, "send the draft to Erlangen")) == 2
    reply = await bot.press(user, "Done")
    assert "✓ Done." in reply.text
    bot.clock.advance(timedelta(days=2))
    assert await deliver_due(bot.app) == 0


async def test_snooze_pressed_twice_keeps_one_copy(bot: BotHarness) -> None:
    user = bot.user(303, "Olena", "en")
    await bot.send(user, "/start")
    await schedule_user(bot, user.id, "call Šiauliai", 1)
    bot.clock.advance(timedelta(minutes=1))
    await deliver_due(bot.app)
    message = bot.last(user.id)
    in_an_hour = message.buttons[1]["callback_data"]
    await bot.press(user, "In 15 min", message=message)
    await bot.api.wait_processed(bot.api.press_data(user, in_an_hour, message))
    bot.clock.advance(timedelta(hours=2))
    assert await deliver_due(bot.app) == 1


async def test_tomorrow_morning_snooze_and_turn_off_recurring(bot: BotHarness) -> None:
    user = bot.user(304, "Olena", "en")
    await bot.send(user, "/start")
    await schedule_user(
        bot, user.id, "daily check", 1, recurrence={"freq": "daily"}, local_time="12:01"
    )
    bot.clock.advance(timedelta(minutes=1))
    await deliver_due(bot.app)
    assert "Turn off" in bot.last(user.id).button_labels
    reply = await bot.press(user, "Tomorrow morning")
    assert "Monday, 23 November 2026 at 09:00" in reply.text
    bot.clock.set(START_PLUS(hours=21))  # 09:00 Kyiv on Monday
    assert await deliver_due(bot.app) == 1
    reply = await bot.press(user, "Turn off")
    assert "will not come again" in reply.text
    bot.clock.advance(timedelta(days=3))
    assert await deliver_due(bot.app) == 0


async def test_forged_button_does_nothing(bot: BotHarness) -> None:
    user = bot.user(305, "Olena", "en")
    await bot.send(user, "/start")
    other = await schedule_user(bot, -999, "someone else's", 1)
    message = bot.last(user.id)
    await bot.api.wait_processed(bot.api.press_data(user, f"rm:done:{other.id}", message))
    assert any("no longer exists" in a.get("text", "") for a in bot.api.callback_answers)


async def test_restart_delivers_downtime_reminders_once_marked_late(bot: BotHarness) -> None:
    user = bot.user(306, "Olena", "en")
    await bot.send(user, "/start")
    for minutes, text in ((10, "first"), (20, "second"), (30, "third")):
        await schedule_user(bot, user.id, f"{text} follow-up", minutes)
    await bot.stop()
    bot.clock.advance(timedelta(hours=2))
    await bot.start()
    await deliver_due(bot.app)
    await bot.restart()
    await deliver_due(bot.app)
    for text in ("first", "second", "third"):
        found = texts(bot, user.id, f"{text} follow-up")
        assert len(found) == 1, text
        assert "Sent late: it was due Sunday, 22 November 2026" in found[0]
    order = [m.text for m in bot.api.bot_messages(user.id) if "follow-up" in (m.text or "")]
    assert [t.split("Reminder: ")[1].split(" ")[0] for t in order] == ["first", "second", "third"]


async def test_stop_during_delivery_is_not_sent_again(bot: BotHarness) -> None:
    user = bot.user(307, "Olena", "en")
    await bot.send(user, "/start")
    weekly = await schedule_user(
        bot, user.id, "weekly sync", 1, recurrence={"freq": "weekly", "weekdays": [6]},
        local_time="12:01",
    )  # fmt: skip
    bot.clock.advance(timedelta(minutes=1))
    assert await bot.repos.reminders.claim(weekly.id)  # sending when the bot stopped
    await bot.restart()
    assert await deliver_due(bot.app) == 0
    assert texts(bot, user.id, "weekly sync") == []
    moved = await bot.repos.reminders.get(weekly.id)
    assert moved is not None and moved.status == "pending"
    assert moved.due_at == weekly.due_at + timedelta(days=7)


async def test_blocked_user_is_marked_inactive_and_paused_until_back(bot: BotHarness) -> None:
    user = bot.user(308, "Olena", "en")
    await bot.send(user, "/start")
    first = await schedule_user(bot, user.id, "blocked one", 1)
    await schedule_user(bot, user.id, "blocked two", 2)
    bot.api.blocked.add(user.id)
    bot.clock.advance(timedelta(minutes=5))
    assert await deliver_due(bot.app) == 0
    account = await bot.repos.users.get(user.id)
    assert account is not None and not account.active
    assert (await bot.repos.reminders.get(first.id)).status == "paused"  # type: ignore[union-attr]
    bot.api.blocked.discard(user.id)
    await bot.send(user, "/menu")
    assert await deliver_due(bot.app) == 2
    assert len(texts(bot, user.id, "blocked one")) == 1


async def test_migrated_group_gets_it_under_the_new_id(bot: BotHarness) -> None:
    admin = bot.user(309, "Olena", "en")
    group = bot.api.group(-4001, "Brovary – Jena", admins=(admin,))
    await bot.deliver(bot.api.add_bot_to_group(admin, group))
    await schedule_user(bot, group.id, "group call", 1)
    bot.api.migrated[group.id] = -1004001
    bot.api.group(-1004001, "Brovary – Jena").type = "supergroup"
    bot.clock.advance(timedelta(minutes=1))
    assert await deliver_due(bot.app) == 1
    assert len(texts(bot, -1004001, "group call")) == 1
    moved = await bot.repos.chats.get(-1004001)
    assert moved is not None and moved.type == "supergroup"


async def test_quiet_hours_postpone_automatic_reminders_only(bot: BotHarness) -> None:
    user = bot.user(310, "Olena", "en")
    await bot.send(user, "/start")
    night = START_PLUS(hours=11)  # 23:00 in Kyiv
    await schedule_user(bot, user.id, "own late call", 11 * 60)
    await bot.repos.reminders.schedule(
        NewReminder(
            chat_id=user.id, kind="user", text="workflow nudge", due_at=night, automatic=True
        )
    )
    bot.clock.set(night)
    assert await deliver_due(bot.app) == 1
    assert texts(bot, user.id, "own late call") and not texts(bot, user.id, "workflow nudge")
    bot.clock.set(START_PLUS(hours=19, minutes=59))  # 07:59 in Kyiv
    assert await deliver_due(bot.app) == 0
    bot.clock.set(START_PLUS(hours=20))  # 08:00 in Kyiv
    assert await deliver_due(bot.app) == 1
    assert "Turn off" in bot.last(user.id).button_labels


async def test_feature_renderer_and_drop(bot: BotHarness) -> None:
    async def render(services, t, reminder):  # type: ignore[no-untyped-def]
        if reminder.payload.get("stale"):
            return None
        return t._("Report due"), []

    assert bot.services is not None
    bot.services.reminder_kinds.add("test.kind", render)
    user = bot.user(311, "Olena", "en")
    await bot.send(user, "/start")
    for stale in (False, True):
        await bot.repos.reminders.schedule(
            NewReminder(
                chat_id=user.id, kind="test.kind", due_at=bot.clock.now(), payload={"stale": stale}
            )
        )
    assert await deliver_due(bot.app) == 1
    assert bot.last(user.id).text == "Report due"


async def test_burst_keeps_telegram_limits(bot: BotHarness) -> None:
    bot.api.enforce_limits = True
    for n in range(45):
        bot.user(5000 + n, f"User {n}", "en")
        await schedule_user(bot, 5000 + n, f"burst {n}", 1)
    group = bot.api.group(-4100, "Busy group")
    await bot.repos.chats.upsert(group.id, "group", "Busy group", "en")
    for n in range(3):
        await schedule_user(bot, group.id, f"group burst {n}", 1)
    bot.clock.advance(timedelta(minutes=1))
    assert await deliver_due(bot.app) == 48
    assert bot.api.flood_errors == 0


async def test_retry_after_is_waited_out_and_retried(bot: BotHarness) -> None:
    from bot.offline.api import ApiError

    user = bot.user(312, "Olena", "en")
    await bot.send(user, "/start")
    await schedule_user(bot, user.id, "after the flood", 1)
    original = bot.api._api_sendMessage
    answers = iter([ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})])

    async def flooded(params, files):  # type: ignore[no-untyped-def]
        error = next(answers, None)
        if error is not None:
            raise error
        return await original(params, files)

    bot.api._api_sendMessage = flooded  # type: ignore[method-assign]
    bot.clock.advance(timedelta(minutes=1))
    assert await deliver_due(bot.app) == 1
    assert len(texts(bot, user.id, "after the flood")) == 1
