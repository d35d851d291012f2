"""An introduction to a community nobody answers for waits, and arrives once someone can."""

from __future__ import annotations

from bot.domain.offers.csv_io import load_demo
from tests.harness import OPERATOR_ID, BotHarness


async def _demo(bot: BotHarness) -> None:
    await load_demo(bot.repos, bot.clock.now().date())


def _introductions(bot: BotHarness, chat_id: int, marker: str) -> list[str]:
    return [m.text or "" for m in bot.api.bot_messages(chat_id) if marker in (m.text or "")]


async def test_introduction_waits_for_approval_then_san_sebastian_accepts(
    bot: BotHarness,
) -> None:
    await _demo(bot)
    operator = bot.operator()
    await bot.send(operator, "/start")
    official = bot.user(241, "Олег", "uk", username="oleh_kremenchuk")
    await bot.make_member(official, "Kremenchuk")

    await bot.send(official, "/find")
    await bot.send(official, "опалення")
    await bot.press(official, "Сан-Себастьян")
    await bot.press(official, "Запит на контакт")
    await bot.send(official, "Добрий день! Кременчук шукає партнера з відновлення опалення.")
    reply = await bot.press(official, "Надіслати")
    assert "ще не користується ботом" in reply.text
    assert "щойно хтось із представників адресата приєднається" in reply.text

    coordinator = bot.user(242, "Maite", "en", username="maite_donostia")
    await bot.send(coordinator, "/start")
    await bot.press(coordinator, "English")
    await bot.press(coordinator, "Coordinator of a partner municipality abroad")
    reply = await bot.send(coordinator, "Donostia")
    await bot.press(coordinator, next(b for b in reply.buttons if "Donostia" in b))
    await bot.press(coordinator, "Confirm")
    # Nothing reaches the coordinator before the operator approves.
    assert not _introductions(bot, coordinator.id, "Introduction:")

    await bot.press(operator, "Approve", chat=bot.api.chats[OPERATOR_ID])
    messages = [m.text or "" for m in bot.api.bot_messages(coordinator.id)]
    approved = next(i for i, text in enumerate(messages) if "request was approved" in text)
    introduction = bot.last(coordinator.id)
    assert messages.index(introduction.text) > approved  # the approval comes first
    assert "Introduction: Олег of Kremenchuk, Ukraine" in introduction.text
    assert "Кременчук шукає партнера" in introduction.text
    assert "@oleh_kremenchuk" not in introduction.text
    assert introduction.button_labels == ["Accept", "Decline"]

    arrived = bot.last(official.id)
    assert "Ваш запит на контакт доставлено. Адресат: Сан-Себастьян" in arrived.text

    reply = await bot.press(coordinator, "Accept")
    assert "Contact of Kremenchuk, Ukraine: Олег (@oleh_kremenchuk)" in reply.text
    assert "@maite_donostia" in bot.last(official.id).text


async def test_introduction_waits_while_everyone_left_then_invited_colleague_gets_it(
    bot: BotHarness,
) -> None:
    await _demo(bot)
    mayor = bot.user(251, "Ірина", "uk")
    await bot.make_member(mayor, "Brovary")
    await bot.send(mayor, "/menu")
    reply = await bot.press(mayor, "Запросити колегу")
    token = reply.text.split("start=", 1)[1].split()[0]
    await bot.press(mayor, "Головне меню")
    reply = await bot.press(mayor, "Запросити колегу")
    second_token = reply.text.split("start=", 1)[1].split()[0]
    bot.api.blocked.add(mayor.id)  # the mayor has left the bot

    coordinator = bot.user(252, "Anna", "en", username="anna_jena")
    await bot.make_member(coordinator, "Jena")
    await bot.send(coordinator, "/find hospital")
    await bot.press(coordinator, "Brovary")
    await bot.press(coordinator, "I'm interested")
    await bot.send(coordinator, "Jena can send more hospital equipment.")
    reply = await bot.press(coordinator, "Send")
    assert "Nobody from Brovary, Ukraine uses the bot yet" in reply.text
    assert "as soon as someone from there joins" in reply.text

    deputy = bot.user(253, "Deputy", "en", username="deputy_brovary")
    reply = await bot.send(deputy, f"/start {token}")
    assert "Welcome! You now act for Brovary" in reply.text
    introduction = bot.last(deputy.id)
    assert "Introduction: Anna of Jena, Germany" in introduction.text
    assert "hospital equipment" in introduction.text
    assert "@anna_jena" not in introduction.text
    assert "has reached Brovary, Ukraine" in bot.last(coordinator.id).text

    reply = await bot.press(deputy, "Decline")
    assert "Declined. Nothing was shared." in reply.text
    assert "@deputy_brovary" not in bot.last(coordinator.id).text

    # A second colleague joining later gets no copy of an introduction already delivered.
    colleague = bot.user(254, "Clerk", "uk")
    reply = await bot.send(colleague, f"/start {second_token}")
    assert "Бровари" in reply.text
    assert not _introductions(bot, colleague.id, "Запит на контакт:")
    assert len(_introductions(bot, coordinator.id, "has reached")) == 1


async def test_introduction_delivered_to_members_is_not_sent_again_to_a_newcomer(
    bot: BotHarness,
) -> None:
    await _demo(bot)
    operator = bot.operator()
    await bot.send(operator, "/start")
    coordinator = bot.user(261, "Lina", "en")
    official = bot.user(262, "Petro", "uk")
    await bot.make_member(coordinator, "Bácsalmás")
    await bot.make_member(official, "Byshiv")
    await bot.send(official, "/find water")
    await bot.press(official, "Бачальмаш")
    await bot.press(official, "Запит на контакт")
    await bot.send(official, "Бишів потребує нової водонасосної станції.")
    reply = await bot.press(official, "Надіслати")
    assert "Надіслано" in reply.text
    assert len(_introductions(bot, coordinator.id, "Introduction:")) == 1

    colleague = bot.user(263, "Gábor", "en")
    await bot.send(colleague, "/start")
    await bot.press(colleague, "English")
    await bot.press(colleague, "Coordinator of a partner municipality abroad")
    reply = await bot.send(colleague, "Bácsalmás")
    await bot.press(colleague, next(b for b in reply.buttons if "Bácsalmás" in b))
    await bot.press(colleague, "Confirm")
    await bot.press(operator, "Approve", chat=bot.api.chats[OPERATOR_ID])
    assert "request was approved" in bot.last(colleague.id).text
    assert not _introductions(bot, colleague.id, "Introduction:")
