"""Planning a step from the card: a day ahead becomes a reminder on that day."""

from __future__ import annotations

from datetime import timedelta

from bot.jobs.reminder_delivery import deliver_due
from tests.harness import BotHarness


async def test_dolyna_plans_step_one_without_a_council_decision(bot: BotHarness) -> None:
    official = bot.user(291, "Olena", "uk")
    await bot.make_member(official, "Dolyna")
    await bot.send(official, "/twinning")
    await bot.press(official, "Нове партнерство")
    await bot.send(official, "Šiauliai")
    await bot.press(official, "Шяуляйський район, Литва")
    reply = await bot.press(official, "Підтвердити")
    assert "Запланувати крок" in reply.buttons

    reply = await bot.press(official, "Запланувати крок")
    assert "Коли планується крок 1. Сфери співробітництва" in reply.text
    reply = await bot.send(official, "01.11.2026")
    assert "Цей день уже минув" in reply.text
    reply = await bot.send(official, "12.12.2026")
    assert "Заплановано на 12 грудня 2026" in reply.text
    reply = await bot.press(official, "Підтвердити")
    assert "План збережено: 1. Сфери співробітництва" in reply.text
    # Planned, step 1 no longer holds the partnership up: the letter of intent comes next.
    assert "Далі: 2. Партнера знайдено, контакт встановлено" in reply.text
    reply = await bot.press(official, "Повна картка")
    assert "🗓 1. Сфери співробітництва та ініціатива громади" in reply.text
    assert "Заплановано на 12 грудня 2026" in reply.text
    assert "• запланований крок: 12 грудня 2026" in reply.text

    bot.clock.advance(timedelta(days=19))
    await deliver_due(bot.app)
    assert not any("Сфери" in (m.text or "") for m in bot.api.bot_messages(official.id)[-1:])
    bot.clock.advance(timedelta(days=1))
    await deliver_due(bot.app)
    reminder = bot.api.bot_messages(official.id)[-1].text or ""
    assert "1. Сфери співробітництва та ініціатива громади" in reminder
    assert "Долина" in reminder


async def test_a_step_planned_for_later_with_no_date(bot: BotHarness) -> None:
    mayor = bot.user(292, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await bot.send(mayor, "/twinning")
    await bot.press(mayor, "New partnership")
    await bot.send(mayor, "Jena")
    await bot.press(mayor, "Jena, Germany")
    await bot.press(mayor, "Confirm")
    await bot.press(mayor, "Plan this step")
    reply = await bot.press(mayor, "Not yet, no date")
    assert "Planned: not yet, no date" in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "Steps done: 0 of 7 · planned: 1" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "🗓 1. Areas of cooperation" in reply.text
    assert not [r for r in await bot.repos.reminders.pending() if r.kind == "twinning.planned"]


async def test_later_steps_are_planned_from_the_card_each_with_its_reminder(
    bot: BotHarness,
) -> None:
    mayor = bot.user(293, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await bot.send(mayor, "/twinning")
    await bot.press(mayor, "New partnership")
    await bot.send(mayor, "Jena")
    await bot.press(mayor, "Jena, Germany")
    await bot.press(mayor, "Confirm")
    reply = await bot.press(mayor, "Plan other steps")
    assert "Which step do you want to plan?" in reply.text
    assert "1. Areas of cooperation" not in " ".join(reply.buttons)  # the card's own button
    assert "6. Signing" in reply.buttons and "7. Registration" in reply.buttons
    reply = await bot.press(mayor, "6. Signing")
    assert "When do you plan step 6. Signing?" in reply.text
    reply = await bot.send(mayor, "20.11.2026")
    assert "That day has passed." in reply.text and "record it as done" in reply.text
    await bot.send(mayor, "15.03.2027")
    reply = await bot.press(mayor, "Confirm")
    assert "Plan saved: 6. Signing" in reply.text
    # A later step planned does not move the partnership on: step 1 is still next.
    assert "Next: 1. Areas of cooperation" in reply.text
    assert "Planned: 6. Signing — 15 March 2027" in reply.text
    planned = [r for r in await bot.repos.reminders.pending() if r.kind == "twinning.planned"]
    assert [r.due_at.date().isoformat() for r in planned] == ["2027-03-15"]

    # Planned again, the chooser marks it; moved to "not yet", its reminder goes.
    reply = await bot.press(mayor, "Plan other steps")
    assert "🗓 6. Signing" in reply.buttons
    await bot.press(mayor, "🗓 6. Signing")
    await bot.press(mayor, "Not yet, no date")
    await bot.press(mayor, "Confirm")
    reply = await bot.press(mayor, "Full card")
    assert "🗓 6. Signing" in reply.text and "Planned: not yet, no date" in reply.text
    assert not [r for r in await bot.repos.reminders.pending() if r.kind == "twinning.planned"]
