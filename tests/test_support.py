"""Writing to the operators: from the help screen or /support, in Ukrainian and English."""

from __future__ import annotations

from tests.harness import OPERATOR_ID, BotHarness


async def test_official_writes_to_the_operator_in_ukrainian(bot: BotHarness) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    mayor = bot.user(101, "Ігор", "uk", username="ihor_dolyna")
    await bot.make_member(mayor, "Brovary")
    reply = await bot.send(mayor, "/help")
    reply = await bot.press(mayor, "Написати операторам")
    assert "Про що йдеться?" in reply.text
    reply = await bot.press(mayor, "Виправлення даних")
    assert "будь-якою мовою" in reply.text and "Назад" in reply.buttons
    reply = await bot.send(mayor, "   ")
    assert "надіслане було порожнім" in reply.text
    reply = await bot.send(mayor, "x" * 2001)
    assert "не більше 2000" in reply.text or "2000" in reply.text
    reply = await bot.send(mayor, "Виправте, будь ласка, назву нашої громади.")
    assert "Перевірте перед збереженням" in reply.text or "Перевірте" in reply.text
    assert "Тема: Виправлення даних" in reply.text
    reply = await bot.press(mayor, "Підтвердити")
    assert "Надіслано" in reply.text
    received = bot.last(OPERATOR_ID)
    assert "Ігор" in received.text and "@ihor_dolyna" in received.text
    assert "Topic: Data correction" in received.text  # in the operator's language
    assert "Виправте, будь ласка, назву нашої громади." in received.text


async def test_cancel_sends_nothing(bot: BotHarness) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    coordinator = bot.user(202, "Anna", "en")
    await bot.send(coordinator, "/start")
    before = len(bot.api.bot_messages(OPERATOR_ID))
    await bot.send(coordinator, "/support")
    await bot.press(coordinator, "Question")
    reply = await bot.press(coordinator, "Cancel")
    assert "Cancelled. Nothing was saved." in reply.text
    reply = await bot.send(coordinator, "Is Jena in the list?")
    assert "Topic" not in reply.text
    assert len(bot.api.bot_messages(OPERATOR_ID)) == before
