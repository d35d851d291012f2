"""Log aid on the form engine: the donor picker is one of its steps (Back reaches it, Edit
reopens it, its Cancel ends the flow), a number without a unit or a currency asks for it with
only the units that fit, and a new status asks a future date again."""

from __future__ import annotations

from tests.harness import BotHarness
from tests.test_aid import brovary_with_partners


async def test_the_donor_picker_is_a_step_of_the_form(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await bot.send(official, "/aid")
    await bot.press(official, "Log aid")
    await bot.press(official, "Jena")
    reply = await bot.press(official, "Done")
    assert "What is it?" in reply.text and "Back" in reply.buttons
    reply = await bot.press(official, "Back")
    assert "Who gave it?" in reply.text and "✓ Jena" in reply.buttons
    await bot.press(official, "Erlangen")
    reply = await bot.press(official, "Done")
    assert "What is it?" in reply.text
    await bot.press(official, "Funds")
    await bot.press(official, "Energy")
    await bot.send(official, "Generators for the water utility")
    await bot.send(official, "40 000 EUR")
    await bot.press(official, "Received")
    reply = await bot.press(official, "Today")
    assert "From: Jena, Erlangen" in reply.text
    await bot.press(official, "Edit")
    reply = await bot.press(official, "Partners")
    assert "Who gave it?" in reply.text
    await bot.press(official, "Erlangen")
    reply = await bot.press(official, "Done")
    assert "Please check before saving" in reply.text and "From: Jena\n" in reply.text
    await bot.press(official, "Confirm")
    record = await bot.repos.aid.get(1)
    assert record is not None and len(record.donors) == 1


async def test_the_donor_picker_goes_back_to_the_summary_unchanged(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await bot.send(official, "/aid")
    await bot.press(official, "Log aid")
    await bot.press(official, "Jena")
    await bot.press(official, "Done")
    await bot.press(official, "Funds")
    await bot.press(official, "Energy")
    await bot.send(official, "Generators")
    await bot.send(official, "40 000 EUR")
    await bot.press(official, "Received")
    await bot.press(official, "Today")
    await bot.press(official, "Edit")
    reply = await bot.press(official, "Partners")
    assert "Back to summary" in reply.buttons and "Cancel" in reply.buttons
    # Ticking a donor and then going back to the summary changes nothing.
    reply = await bot.press(official, "Erlangen")
    assert "✓ Erlangen" in reply.buttons
    reply = await bot.press(official, "Back to summary")
    assert "From: Jena\n" in reply.text
    # A donor found by name, ticked beside the partners.
    await bot.press(official, "Edit")
    await bot.press(official, "Partners")
    reply = await bot.send(official, "Kekava")
    reply = await bot.press(official, "Ķekava, Latvia")
    assert "✓ Jena" in reply.buttons and "✓ Ķekava" in reply.buttons
    reply = await bot.press(official, "Done")
    assert "From: Jena, Ķekava" in reply.text


async def test_the_visit_partner_step_has_back_to_the_kind_of_visit(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "uk")
    await bot.send(official, "/aid")
    await bot.press(official, "Записати візит")
    reply = await bot.press(official, "Прийом делегації (до нас)")
    assert "Назад" in reply.buttons and "Скасувати" in reply.buttons
    reply = await bot.send(official, "Erfurt")
    assert "Ерфурт, Німеччина" in reply.buttons
    reply = await bot.press(official, "Назад")
    assert "Єна" in reply.buttons
    reply = await bot.press(official, "Назад")
    assert "Виберіть вид візиту:" in reply.text
    await bot.press(official, "Залишити як є")
    reply = await bot.press(official, "Єна")
    assert "Коли?" in reply.text


async def test_cancel_in_the_picker_saves_nothing(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "uk")
    await bot.send(official, "/aid")
    await bot.press(official, "Записати допомогу")
    reply = await bot.press(official, "Скасувати")
    assert "Скасовано" in reply.text and "Записати допомогу" in reply.buttons
    reply = await bot.send(official, "Jena")
    assert "Хто надав?" not in reply.text


async def test_units_and_currencies_asked_when_missing(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await bot.send(official, "/aid")
    await bot.press(official, "Log aid")
    await bot.press(official, "Jena")
    await bot.press(official, "Done")
    await bot.press(official, "Humanitarian goods")
    await bot.press(official, "IDP integration")
    reply = await bot.send(official, "Flour 1.5")
    # A fraction cannot count pallets or buses: only weights are offered.
    assert "In which unit is “Flour”?" in reply.text
    assert "t" in reply.buttons and "kg" in reply.buttons and "pallets" not in reply.buttons
    reply = await bot.press(official, "t")
    assert "Understood: Flour — 1.5\u00a0t" in reply.text
    assert "What is it worth in total?" in reply.text
    reply = await bot.send(official, "2 000")
    # Jena is in Germany: the euro comes first.
    assert "In which currency?" in reply.text and reply.buttons[:2] == ["EUR", "UAH"]
    reply = await bot.press(official, "PLN")
    assert "Where is it now?" in reply.text and "PLN" in reply.text and "2,000.00" in reply.text


async def test_a_pledge_dated_ahead_asks_the_date_again_when_it_arrives(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await bot.send(official, "/aid")
    await bot.press(official, "Log aid")
    await bot.press(official, "Jena")
    await bot.press(official, "Done")
    await bot.press(official, "Vehicles")
    await bot.press(official, "Education")
    await bot.send(official, "School bus")
    await bot.press(official, "Skip")
    await bot.press(official, "Pledged")
    reply = await bot.send(official, "15.01.2027")
    assert "Date: 15/01/2027" in reply.text
    await bot.press(official, "Edit")
    await bot.press(official, "Status")
    reply = await bot.press(official, "Received")
    assert "When did it arrive?" in reply.text
    reply = await bot.send(official, "yesterday")
    assert "Please check before saving" in reply.text and "Date: 21/11/2026" in reply.text
