"""Finding a partner's offer and being introduced: the whole way, in Ukrainian and English."""

from __future__ import annotations

from bot.domain.offers.csv_io import load_demo
from tests.harness import BotHarness


async def _demo(bot: BotHarness) -> None:
    await load_demo(bot.repos, bot.clock.now().date())


async def test_kremenchuk_finds_heating_offer_and_san_sebastian_accepts(bot: BotHarness) -> None:
    await _demo(bot)
    official = bot.user(201, "Олег", "uk", username="oleh_kremenchuk")
    coordinator = bot.user(202, "Maite", "en", username="maite_donostia")
    kremenchuk = await bot.make_member(official, "Kremenchuk")
    san_sebastian = await bot.make_member(coordinator, "Donostia")

    await bot.send(official, "/find")
    reply = await bot.send(official, "опалення")
    # Both heating offers are found; the one entirely about Kremenchuk's need comes first.
    assert reply.buttons[0] == "1. Сан-Себастьян"
    assert reply.buttons[1] == "2. Єна"
    reply = await bot.press(official, "Сан-Себастьян")
    assert "Warmth in winter" in reply.text
    assert "Іспанія" in reply.text
    reply = await bot.press(official, "Запит на контакт")
    assert "Сан-Себастьян" in reply.text
    reply = await bot.send(
        official, "Добрий день! Кременчук шукає партнера з відновлення опалення."
    )
    assert "Кременчук шукає партнера" in reply.text
    reply = await bot.press(official, "Надіслати")
    assert "Надіслано" in reply.text

    introduction = bot.last(coordinator.id)
    assert "Introduction: Олег of Kremenchuk, Ukraine" in introduction.text
    assert "Кременчук шукає партнера" in introduction.text
    assert "@oleh_kremenchuk" not in introduction.text
    assert introduction.button_labels == ["Accept", "Decline"]

    reply = await bot.press(coordinator, "Accept")
    assert "Accepted. Contact of Kremenchuk, Ukraine: Олег (@oleh_kremenchuk)" in reply.text
    answer = bot.last(official.id)
    assert "@maite_donostia" in answer.text
    assert "ваш запит на контакт прийнято" in answer.text

    reply = await bot.press(official, "Розпочати партнерство в путівнику")
    partnership = await bot.repos.partnerships.between(kremenchuk.id, san_sebastian.id)
    assert partnership is not None
    assert partnership.community_id == kremenchuk.id


async def test_declined_introduction_shares_no_contact(bot: BotHarness) -> None:
    await _demo(bot)
    coordinator = bot.user(211, "Anna", "en", username="anna_jena")
    official = bot.user(212, "Ірина", "uk", username="iryna_brovary")
    await bot.make_member(coordinator, "Jena")
    await bot.make_member(official, "Brovary")

    await bot.send(coordinator, "/find")
    reply = await bot.send(coordinator, "hospital")
    assert "Brovary" in reply.text
    await bot.press(coordinator, "Brovary")
    await bot.press(coordinator, "I'm interested")
    await bot.send(coordinator, "Jena can send more hospital equipment.")
    reply = await bot.press(coordinator, "Send")
    assert "Sent to Brovary, Ukraine" in reply.text

    introduction = bot.last(official.id)
    assert "Запит на контакт:" in introduction.text
    assert "@anna_jena" not in introduction.text
    accept_data = introduction.buttons[0]["callback_data"]
    reply = await bot.press(official, "Відхилити")
    assert "Контактні дані не передано" in reply.text
    answer = bot.last(coordinator.id)
    assert "declined your introduction" in answer.text
    assert "@iryna_brovary" not in answer.text
    assert not answer.button_labels

    # A second press of an old button changes nothing and shares nothing.
    before = len(bot.api.bot_messages(coordinator.id))
    await bot.api.wait_processed(bot.api.press_data(official, accept_data, introduction))
    assert len(bot.api.bot_messages(coordinator.id)) == before
    # Asking again about the same post is refused.
    await bot.send(coordinator, "/find hospital")
    await bot.press(coordinator, "Brovary")
    await bot.press(coordinator, "I'm interested")
    assert any(
        "already sent an introduction" in a.get("text", "") for a in bot.api.callback_answers
    )


async def test_introduction_answered_only_by_the_asked_community(bot: BotHarness) -> None:
    await _demo(bot)
    official = bot.user(221, "Petro", "en")
    outsider = bot.user(222, "Eve", "en")
    coordinator = bot.user(223, "Lina", "en")
    await bot.make_member(official, "Byshiv")
    await bot.make_member(outsider, "Vasylkiv")
    await bot.make_member(coordinator, "Bácsalmás")
    await bot.send(official, "/find water")
    await bot.press(official, "Bácsalmás")
    await bot.press(official, "I'm interested")
    await bot.send(official, "Byshiv needs a new waterworks.")
    await bot.press(official, "Send")
    introduction = bot.last(coordinator.id)
    data = introduction.buttons[0]["callback_data"]
    await bot.api.wait_processed(bot.api.press_data(outsider, data, introduction))
    assert any(
        "Only people of the community" in a.get("text", "") for a in bot.api.callback_answers
    )
    pending = await bot.repos.introductions.get(int(data.rsplit(":", 1)[1]))
    assert pending is not None and pending.status == "pending"


async def test_send_and_accept_pressed_twice_introduce_once(bot: BotHarness) -> None:
    await _demo(bot)
    official = bot.user(231, "Олег", "uk", username="oleh_k")
    coordinator = bot.user(232, "Maite", "en", username="maite_d")
    await bot.make_member(official, "Kremenchuk")
    await bot.make_member(coordinator, "Donostia")
    await bot.send(official, "/find")
    await bot.send(official, "опалення")
    await bot.press(official, "Сан-Себастьян")
    await bot.press(official, "Запит на контакт")
    reply = await bot.send(official, "Добрий день, поговорімо про опалення.")
    summary = bot.last(official.id)
    await bot.press(official, "Надіслати", message=summary)
    reply = await bot.deliver(bot.api.press_data(official, "in:send", summary))
    assert "Надіслано" not in reply.text and "Error" not in reply.text
    introductions = [
        m for m in bot.api.bot_messages(coordinator.id) if "Introduction:" in (m.text or "")
    ]
    assert len(introductions) == 1

    # Asking again about the same offer is refused in the asker's language.
    await bot.send(official, "/find")
    await bot.send(official, "опалення")
    await bot.press(official, "Сан-Себастьян")
    await bot.press(official, "Запит на контакт")
    alert = bot.api.callback_answers[-1]
    assert alert["text"] == "Ваша громада вже надіслала запит на контакт щодо цього оголошення."

    card = introductions[0]
    await bot.press(coordinator, "Accept", message=card)
    data = "in:ok:" + card.buttons[0]["callback_data"].rsplit(":", 1)[1]
    await bot.deliver(bot.api.press_data(coordinator, data, card))
    accepted = [m for m in bot.api.bot_messages(official.id) if "@maite_d" in (m.text or "")]
    assert len(accepted) == 1
