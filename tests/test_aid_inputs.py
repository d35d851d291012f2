"""Refused inputs, the wrong community, double taps and restarts in the aid log."""

from __future__ import annotations

from bot.offline.api import SimUser
from tests.harness import BotHarness
from tests.test_aid import brovary_with_partners


async def reach_quantity(bot: BotHarness, official: SimUser) -> None:
    await bot.send(official, "/aid")
    await bot.press(official, "Log aid")
    await bot.press(official, "Jena")
    await bot.press(official, "Done")
    await bot.press(official, "Energy equipment")
    await bot.press(official, "Energy")


async def reach_value(bot: BotHarness, official: SimUser) -> None:
    await reach_quantity(bot, official)
    await bot.send(official, "Fan heater and generator, 2 pcs")


async def test_refused_amounts_and_dates_in_english(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await reach_quantity(bot, official)
    reply = await bot.send(official, "Fan heater -5 kg")
    assert "Line 1: The amount cannot be negative" in reply.text
    reply = await bot.send(official, "2 pcs")
    assert "please say what it is" in reply.text and "Generator 2 pcs at 1 200 EUR" in reply.text
    reply = await bot.send(official, "Fan heater and generator\nBuses 1.5 pcs")
    assert "Line 2: I could not read that number" in reply.text
    reply = await bot.send(official, "Fan heater and generator 2 pcs")
    assert "What is it worth in total?" in reply.text
    assert "Understood: Fan heater and generator — 2\u00a0pcs" in reply.text
    for text, answer in [
        ("-100 EUR", "cannot be negative"),
        ("abc", "could not read that number"),
        ("lots of money", "could not read that number"),
        ("1e309", "could not read that number"),
        ("0 EUR", "more than zero"),
        ("99999999999999 EUR", "too large"),
    ]:
        reply = await bot.send(official, text)
        assert answer in reply.text, text
        # The refusal shows the example and keeps the step's buttons.
        assert "e.g." in reply.text and reply.buttons == ["Skip", "Back", "Cancel"], text
    reply = await bot.send(official, "12 500")
    assert "In which currency?" in reply.text
    reply = await bot.press(official, "EUR")
    assert "€12,500.00" in reply.text
    await bot.press(official, "Received")
    reply = await bot.send(official, "31.02.2023")
    assert "does not exist" in reply.text
    reply = await bot.send(official, "01.12.2026")  # ten days after today
    assert "cannot have a date in the future" in reply.text
    reply = await bot.send(official, "yesterday")
    assert "Please check before saving" in reply.text


async def test_refused_inputs_in_ukrainian(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "uk")
    await bot.send(official, "/aid")
    await bot.press(official, "Записати допомогу")
    await bot.press(official, "Єна")
    await bot.press(official, "Готово")
    await bot.press(official, "Енергообладнання")
    await bot.press(official, "Енергетика")
    reply = await bot.send(official, "   ")
    assert "порожнє" in reply.text
    reply = await bot.send(official, "Тепловентилятор і генератор -1 шт")
    assert "Рядок 1:" in reply.text and "не може бути від’ємною" in reply.text
    await bot.send(official, "Тепловентилятор і генератор 2 шт")
    reply = await bot.send(official, "1e309")
    assert "Не вдалося розпізнати число" in reply.text
    reply = await bot.send(official, "сто тисяч")
    assert "Не вдалося розпізнати число" in reply.text
    await bot.send(official, "100 тис. євро")
    reply = await bot.press(official, "Отримано")
    reply = await bot.send(official, "31.02.2023")
    assert "Такої дати не існує" in reply.text
    reply = await bot.send(official, "завтра")
    assert "не може мати дату в майбутньому" in reply.text
    reply = await bot.send(official, "вчора")
    assert "Перевірте перед збереженням" in reply.text


async def test_pledged_aid_may_have_a_future_date(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await reach_value(bot, official)
    await bot.press(official, "Skip")
    reply = await bot.press(official, "Pledged")
    assert "Which date?" in reply.text
    reply = await bot.send(official, "15.01.2027")
    assert "Please check before saving" in reply.text


async def test_confirmation_by_the_wrong_community_is_refused(bot: BotHarness) -> None:
    official, coordinator, *_ = await brovary_with_partners(bot, "en")
    stranger = bot.user(299, "Mallory", "en")
    await bot.make_member(stranger, "Šiauliai")
    await reach_value(bot, official)
    for step in ("Skip", "Received", "Today", "Confirm"):
        await bot.press(official, step)
    notice = bot.last(coordinator.id)
    data = next(b["callback_data"] for b in notice.buttons if b["text"] == "Confirm")
    await bot.send(stranger, "/menu")
    update = bot.api.press_data(stranger, data, bot.last(stranger.id))
    await bot.api.wait_processed(update)
    assert any(
        "This record no longer exists." in a.get("text", "") for a in bot.api.callback_answers
    )
    record = await bot.repos.aid.get(1)
    assert record is not None and record.donor_confirmed_by is None
    # The recipient side may not confirm for the donor either: it has confirmed already.
    update = bot.api.press_data(official, data, bot.last(official.id))
    await bot.api.wait_processed(update)
    assert any("Already confirmed" in a.get("text", "") for a in bot.api.callback_answers)
    record = await bot.repos.aid.get(1)
    assert record is not None and record.donor_confirmed_by is None


async def test_double_taps_save_once_and_confirm_once(bot: BotHarness) -> None:
    official, coordinator, *_ = await brovary_with_partners(bot, "en")
    await reach_value(bot, official)
    for step in ("Skip", "Received", "Today"):
        await bot.press(official, step)
    summary = bot.last(official.id)
    save = next(b["callback_data"] for b in summary.buttons if b["text"] == "Confirm")
    # Two taps reach the bot before the screen changes: both carry the same button.
    first = bot.api.press_data(official, save, summary)
    second = bot.api.press_data(official, save, summary)
    await bot.api.wait_processed(first)
    await bot.api.wait_processed(second)
    assert "no longer active" in bot.last(official.id).text
    assert await bot.repos.aid.count((await bot.repos.aid.get(1)).recipient_id, None) == 1
    notice = bot.last(coordinator.id)
    confirm = next(b["callback_data"] for b in notice.buttons if b["text"] == "Confirm")
    taps = [bot.api.press_data(coordinator, confirm, notice) for _ in range(2)]
    for tap in taps:
        await bot.api.wait_processed(tap)
    history = await bot.repos.aid.history(1)
    assert [entry.action for entry in history] == ["create", "confirm"]
    assert any("Already confirmed" in a.get("text", "") for a in bot.api.callback_answers)


async def test_restart_in_the_middle_of_logging_aid(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "uk")
    await bot.send(official, "/aid")
    await bot.press(official, "Записати допомогу")
    await bot.press(official, "Єна")
    await bot.press(official, "Готово")
    await bot.press(official, "Транспорт")
    await bot.press(official, "Освіта")
    await bot.restart()
    reply = await bot.send(official, "Автобус для учнів Княжицького ліцею, 1 автобус")
    assert "Яка загальна вартість?" in reply.text
    await bot.press(official, "Пропустити")
    await bot.press(official, "Отримано")
    reply = await bot.send(official, "20.10.2023")
    assert "Автобус для учнів" in reply.text and "1\u00a0транспортний засіб" in reply.text
    reply = await bot.press(official, "Підтвердити")
    assert "Збережено як запис №1" in reply.text


async def test_edit_from_the_summary_returns_to_it(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await reach_value(bot, official)
    for step in ("Skip", "Received", "Today"):
        await bot.press(official, step)
    await bot.press(official, "Edit")
    await bot.press(official, "Value")
    reply = await bot.send(official, "2 500 EUR")
    assert "Please check before saving" in reply.text
    assert "€2,500.00" in reply.text
