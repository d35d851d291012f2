"""A colleague who joins later gets the partnership's pending reminders, once, and no old ones."""

from __future__ import annotations

from datetime import timedelta

from bot.jobs.reminder_delivery import deliver_due
from tests.harness import OPERATOR_ID, BotHarness
from tests.test_twinning_reminders import texts
from tests.test_twinning_walk import approve_by_council, fill_until_ministry, new_partnership

STALLED_EN = "has not moved for 14 days"
STALLED_UK = "Партнерство без змін уже 14 днів"


async def _invite(bot: BotHarness, admin) -> str:  # type: ignore[no-untyped-def]
    await bot.send(admin, "/menu")
    reply = await bot.press(admin, "Invite a colleague")
    return reply.text.split("start=", 1)[1].split()[0]


async def _workflow_reminders(bot: BotHarness, chat_id: int) -> list[str]:
    rows = await bot.repos.reminders.pending()
    return sorted(r.kind for r in rows if r.chat_id == chat_id and r.kind.startswith("twinning."))


async def test_invited_colleague_gets_the_stalled_nudge_in_ukrainian(bot: BotHarness) -> None:
    mayor = bot.user(401, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    token = await _invite(bot, mayor)
    bot.clock.advance(timedelta(days=3))

    deputy = bot.user(402, "Оксана", "uk")
    reply = await bot.send(deputy, f"/start {token}")
    assert "Бровари" in reply.text
    assert await _workflow_reminders(bot, deputy.id) == ["twinning.stalled"]
    assert await _workflow_reminders(bot, mayor.id) == ["twinning.stalled"]

    bot.clock.advance(timedelta(days=11, minutes=1))
    assert await deliver_due(bot.app) == 2
    assert len(texts(bot, mayor.id, STALLED_EN)) == 1
    nudges = texts(bot, deputy.id, STALLED_UK)
    assert len(nudges) == 1
    assert "Наступний крок: 1." in nudges[0]
    reply = await bot.press(deputy, "Продовжити")
    assert "Крок 1 з 7" in reply.text


async def test_a_nudge_already_delivered_is_not_sent_to_a_newcomer(bot: BotHarness) -> None:
    mayor = bot.user(411, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    bot.clock.advance(timedelta(days=14, minutes=1))
    assert await deliver_due(bot.app) == 1

    token = await _invite(bot, mayor)
    deputy = bot.user(412, "Kate", "en")
    reply = await bot.send(deputy, f"/start {token}")
    assert "Welcome! You now act for Brovary" in reply.text
    assert await deliver_due(bot.app) == 0
    bot.clock.advance(timedelta(days=30))
    assert await deliver_due(bot.app) == 0
    assert texts(bot, deputy.id, STALLED_EN) == []
    assert len(texts(bot, mayor.id, STALLED_EN)) == 1


async def test_approved_official_gets_the_ministry_follow_up_once(bot: BotHarness) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    mayor = bot.user(421, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await fill_until_ministry(bot, mayor)

    official = bot.user(422, "Ірина", "uk")
    await bot.send(official, "/start")
    await bot.press(official, "Українська")
    await bot.press(official, "Посадова особа української громади")
    reply = await bot.send(official, "Бровари")
    await bot.press(official, reply.buttons[0])
    await bot.press(official, "Підтвердити")
    request = bot.last(OPERATOR_ID)
    approve = request.buttons[0]["callback_data"]
    await bot.press(operator, "Approve", message=request)
    # An old Approve pressed again schedules nothing twice.
    await bot.deliver(bot.api.press_data(operator, approve, request))
    assert "схвалено" in bot.last(official.id).text
    expected = ["twinning.ministry", "twinning.stalled"]
    assert await _workflow_reminders(bot, official.id) == expected
    assert await _workflow_reminders(bot, mayor.id) == expected

    bot.clock.advance(timedelta(days=31))
    await deliver_due(bot.app)
    await bot.restart()
    await deliver_due(bot.app)
    assert len(texts(bot, mayor.id, "30 days have passed")) == 1
    follow_ups = texts(bot, official.id, "Минув строк розгляду (30 дн.)")
    assert len(follow_ups) == 1
    assert "Jena" in follow_ups[0] or "Єна" in follow_ups[0]


async def test_partner_coordinator_joining_after_signing_gets_the_anniversary(
    bot: BotHarness,
) -> None:
    mayor = bot.user(431, "Ihor", "en")
    coordinator = bot.user(432, "Anna", "en")
    await bot.make_member(mayor, "Brovary")
    await bot.make_member(coordinator, "Jena")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await bot.press(coordinator, "Accept", message=bot.last(coordinator.id))
    await fill_until_ministry(bot, mayor)
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Approved by an order")
    await bot.send(mayor, "512")
    await bot.press(mayor, "Today")
    await bot.press(mayor, "Confirm")
    await approve_by_council(bot, mayor)
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Today")
    await bot.send(mayor, "Brovary")
    await bot.send(mayor, "Ihor Sapozhko and Thomas Nitzsche")
    await bot.press(mayor, "Confirm")
    bot.clock.advance(timedelta(days=7, hours=1))
    await deliver_due(bot.app)
    assert len(texts(bot, mayor.id, "is not registered yet")) == 1

    # A Jena colleague joins: the anniversary, none of Brovary's own prompts.
    token = await _invite(bot, coordinator)
    colleague = bot.user(433, "Jonas", "en")
    await bot.send(colleague, f"/start {token}")
    assert await _workflow_reminders(bot, colleague.id) == ["twinning.anniversary"]
    # A Brovary colleague joins: the weekly prompt on the mayor's day, and the anniversary.
    token = await _invite(bot, mayor)
    deputy = bot.user(434, "Kate", "en")
    await bot.send(deputy, f"/start {token}")
    pending = {(r.chat_id, r.kind): r for r in await bot.repos.reminders.pending()}
    mine, theirs = pending[deputy.id, "twinning.register"], pending[mayor.id, "twinning.register"]
    assert (mine.due_at, mine.recurrence) == (theirs.due_at, theirs.recurrence)
    bot.clock.advance(timedelta(days=7))
    await deliver_due(bot.app)
    assert len(texts(bot, mayor.id, "is not registered yet")) == 2
    assert len(texts(bot, deputy.id, "is not registered yet")) == 1

    bot.clock.set(bot.clock.now().replace(year=2027, month=11, day=22, hour=8))
    await deliver_due(bot.app)
    assert texts(bot, colleague.id, "1 year ago Brovary and Jena, Germany signed")
