"""The workflow's nudges: scheduled in the database, delivered by the reminder engine."""

from __future__ import annotations

from datetime import timedelta

from bot.jobs.reminder_delivery import deliver_due
from tests.harness import BotHarness
from tests.test_twinning_walk import fill_areas, fill_until_ministry, new_partnership


def texts(bot: BotHarness, chat_id: int, needle: str) -> list[str]:
    return [m.text or "" for m in bot.api.bot_messages(chat_id) if needle in (m.text or "")]


async def test_stalled_step_nudge_after_fourteen_days(bot: BotHarness) -> None:
    mayor = bot.user(241, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    bot.clock.advance(timedelta(days=13))
    assert await deliver_due(bot.app) == 0
    bot.clock.advance(timedelta(days=1, minutes=1))
    assert await deliver_due(bot.app) == 1
    nudge = bot.last(mayor.id)
    assert "has not moved for 14 days" in nudge.text
    assert "Next step: 1. Areas of cooperation and council decision" in nudge.text
    assert "Continue" in nudge.button_labels and "Turn off" in nudge.button_labels
    reply = await bot.press(mayor, "Continue")
    assert "Step 1 of 6" in reply.text


async def test_moving_a_step_postpones_the_nudge(bot: BotHarness) -> None:
    mayor = bot.user(242, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    bot.clock.advance(timedelta(days=10))
    await fill_areas(bot, mayor, decision_date="today")
    bot.clock.advance(timedelta(days=5))
    assert await deliver_due(bot.app) == 0
    bot.clock.advance(timedelta(days=10))
    assert await deliver_due(bot.app) == 1
    assert "Next step: 2. Partner found" in bot.last(mayor.id).text


async def test_ministry_deadline_due_while_down_is_delivered_once(bot: BotHarness) -> None:
    mayor = bot.user(243, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await fill_until_ministry(bot, mayor)
    await bot.stop()
    bot.clock.advance(timedelta(days=31))
    await bot.start()
    await deliver_due(bot.app)
    await bot.restart()
    await deliver_due(bot.app)
    found = texts(bot, mayor.id, "30 days have passed")
    assert len(found) == 1
    assert "Ministry for Development of Communities and Territories of Ukraine" in found[0]
    assert "Record the answer" in bot.last(mayor.id).button_labels or any(
        "Record the answer" in m.button_labels for m in bot.api.bot_messages(mayor.id)
    )


async def test_ministry_answer_cancels_the_follow_up(bot: BotHarness) -> None:
    mayor = bot.user(244, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await fill_until_ministry(bot, mayor)
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Approved by an order")
    await bot.send(mayor, "512")
    await bot.press(mayor, "Today")
    await bot.press(mayor, "Confirm")
    bot.clock.advance(timedelta(days=31))
    await deliver_due(bot.app)
    assert texts(bot, mayor.id, "30 days have passed") == []


async def test_register_prompt_until_registered_and_yearly_anniversary(bot: BotHarness) -> None:
    mayor = bot.user(245, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await fill_until_ministry(bot, mayor)
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Approved by an order")
    await bot.send(mayor, "512")
    await bot.press(mayor, "Today")
    await bot.press(mayor, "Confirm")
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Today")
    await bot.send(mayor, "Brovary")
    await bot.send(mayor, "Ihor Sapozhko and Thomas Nitzsche")
    await bot.press(mayor, "Confirm")
    pending = {r.kind: r for r in await bot.repos.reminders.pending()}
    assert pending["twinning.anniversary"].recurrence == {"freq": "yearly", "month": 11, "day": 22}
    bot.clock.advance(timedelta(days=7))
    await deliver_due(bot.app)
    assert len(texts(bot, mayor.id, "is not registered yet")) == 1
    bot.clock.advance(timedelta(days=7))
    await deliver_due(bot.app)
    assert len(texts(bot, mayor.id, "is not registered yet")) == 2
    await bot.press(mayor, "Record the registration")
    await bot.send(mayor, "42")
    await bot.press(mayor, "Today")
    await bot.press(mayor, "Confirm")
    bot.clock.advance(timedelta(days=7))
    assert await deliver_due(bot.app) == 0  # registered: no more prompts, no stall nudge
    bot.clock.set(bot.clock.now().replace(year=2027, month=11, day=22, hour=8))
    await deliver_due(bot.app)
    assert texts(bot, mayor.id, "1 year ago Brovary and Jena, Germany signed their agreement")
