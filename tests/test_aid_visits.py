"""Visits: logging them, their reminders in the database, and the outcomes prompt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.jobs.reminder_delivery import deliver_due
from tests.harness import BotHarness
from tests.test_aid import brovary_with_partners


async def log_jena_visit(bot: BotHarness, official) -> None:  # type: ignore[no-untyped-def]
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Log visit")
    assert "What kind of visit?" in reply.text
    await bot.press(official, "Incoming (a delegation comes to us)")
    reply = await bot.press(official, "Jena")
    assert "When?" in reply.text
    reply = await bot.send(official, "12.12.2026-10.12.2026")
    assert "cannot end before it starts" in reply.text
    await bot.send(official, "10.12.2026-12.12.2026")
    reply = await bot.send(official, "many")
    assert "number of people" in reply.text
    await bot.send(official, "6")
    await bot.send(official, "Matthias Mieth")
    await bot.press(official, "IDP integration")
    await bot.press(official, "Health and hospitals")
    await bot.press(official, "Next")
    reply = await bot.send(official, "Modular town and the hospital")
    assert "Visit: incoming visit" in reply.text
    assert "Partner: Jena" in reply.text
    assert "Delegation: 6 people" in reply.text
    assert "Sectors: Health and hospitals, IDP integration" in reply.text


async def test_visit_is_logged_with_three_reminders(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await log_jena_visit(bot, official)
    reply = await bot.press(official, "Confirm")
    assert "I will send you 3 reminders" in reply.text
    reminders = await bot.repos.reminders.pending()
    assert [r.kind for r in reminders] == ["visit.before7", "visit.before1", "visit.outcomes"]
    assert [r.dedupe_key for r in reminders] == ["vi:1:before7", "vi:1:before1", "vi:1:outcomes"]
    # 09:00 in Kyiv (UTC+2 in December).
    assert [r.due_at for r in reminders] == [
        datetime(2026, 12, 3, 7, 0, tzinfo=UTC),
        datetime(2026, 12, 9, 7, 0, tzinfo=UTC),
        datetime(2026, 12, 13, 7, 0, tzinfo=UTC),
    ]
    assert all(r.automatic and r.chat_id == official.id for r in reminders)
    assert bot.services is not None
    t = bot.services.i18n.get("uk")
    renderer = bot.services.reminder_kinds.get("visit.before1")
    assert renderer is not None
    rendered = await renderer(bot.services, t, reminders[1])
    assert rendered is not None
    assert "Нагадування: через 1 день, 10 грудня 2026\u202fр., — прийом делегації" in rendered[0]
    assert "Партнер: Єна" in rendered[0]
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Timeline")
    assert "incoming visit · Jena" in reply.text and "6 people" in reply.text


async def test_reminders_survive_a_restart_and_ask_for_outcomes(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "uk")
    await bot.send(official, "/aid")
    await bot.press(official, "Записати візит")
    await bot.press(official, "Візит нашої делегації за кордон")
    await bot.press(official, "Ерланген")
    await bot.send(official, "26.11.2026")
    await bot.press(official, "Пропустити")
    await bot.send(official, "Ігор Сапожко")
    await bot.press(official, "Енергетика")
    await bot.press(official, "Далі")
    await bot.press(official, "Пропустити")
    reply = await bot.press(official, "Підтвердити")
    # One week ahead is already past: only the day-before and the outcomes prompts remain.
    assert "Буде надіслано 2 нагадування" in reply.text
    await bot.restart()
    assert bot.app is not None
    bot.clock.set(datetime(2026, 11, 25, 7, 1, tzinfo=UTC))
    assert await deliver_due(bot.app) == 1
    assert "Нагадування: через 1 день" in bot.last(official.id).text
    bot.clock.set(datetime(2026, 11, 27, 7, 1, tzinfo=UTC))
    assert await deliver_due(bot.app) == 1
    prompt = bot.last(official.id)
    assert "Підбийте підсумки заходу (візит за кордон; партнер: Ерланген)" in prompt.text
    reply = await bot.press(official, "Додати результати", message=prompt)
    assert "Які результати візиту" in reply.text
    reply = await bot.send(official, "Домовилися про спільний енергетичний проєкт")
    assert "Результати збережено" in reply.text
    visit = await bot.repos.visits.get(1)
    assert visit is not None and visit.outcomes == "Домовилися про спільний енергетичний проєкт"
    bot.clock.advance(timedelta(days=30))
    assert await deliver_due(bot.app) == 0


async def test_a_past_visit_gets_no_reminders(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await bot.send(official, "/aid")
    await bot.press(official, "Log visit")
    await bot.press(official, "Online meeting")
    await bot.press(official, "Jena")
    await bot.send(official, "15.04.2024")
    for label in ("Skip", "Skip", "Next", "Skip"):
        await bot.press(official, label)
    reply = await bot.press(official, "Confirm")
    assert "Saved the visit." in reply.text and "reminder" not in reply.text
    assert await bot.repos.reminders.pending() == []


async def test_a_visit_logged_by_the_partner_reads_the_other_way_round(bot: BotHarness) -> None:
    official, coordinator, *_ = await brovary_with_partners(bot, "uk")
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Log visit")
    await bot.press(coordinator, "Outgoing (our delegation goes abroad)")
    await bot.press(coordinator, "Brovary")
    await bot.send(coordinator, "14.10.2024")
    await bot.send(coordinator, "4")
    await bot.send(coordinator, "Matthias Mieth")
    await bot.press(coordinator, "Next")
    await bot.press(coordinator, "Skip")
    await bot.press(coordinator, "Confirm")
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Хронологія")
    assert "прийом делегації · Єна" in reply.text and "4 особи" in reply.text
