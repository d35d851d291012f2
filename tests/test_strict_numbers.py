"""Numbers typed or carried in buttons: ASCII digits within SQLite's range, nothing else."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.parsing.amounts import AmountError, parse_amount, parse_quantity
from bot.domain.parsing.dates import DateError, parse_date
from bot.domain.parsing.numbers import SQLITE_MAX, ascii_decimal, ascii_int
from bot.domain.reminders.schedule import ScheduleRefused, parse_schedule
from tests.harness import OPERATOR_ID, BotHarness
from tests.test_aid import brovary_with_partners

HOSTILE_NUMBERS = ["²", "1²", "٣", "३", "５", "1_000", "+5", " 5", "5\n", "-0", str(SQLITE_MAX + 1)]


@pytest.mark.parametrize("text", HOSTILE_NUMBERS)
def test_only_ascii_digits_in_range_are_numbers(text: str) -> None:
    assert ascii_int(text) is None


def test_numbers_the_database_can_store_are_accepted() -> None:
    assert ascii_int("0") == 0
    assert ascii_int("007") == 7
    assert ascii_int(str(SQLITE_MAX)) == SQLITE_MAX
    assert ascii_int("-100", low=-1000) == -100
    assert ascii_int("51", high=50) is None
    assert ascii_decimal("44,50") == ascii_decimal("44.50")
    assert ascii_decimal("٤٤.٥") is None and ascii_decimal("1e9") is None


@pytest.mark.parametrize("text", ["in ² days", "через ² дні", "in ٣ days", "²5.03.2026"])
def test_dates_with_foreign_digits_are_refused_as_a_format_error(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text, today=date(2026, 11, 22))


@pytest.mark.parametrize("text", ["5²", "٣ kg", "３ EUR", "1²00 EUR"])
def test_amounts_and_quantities_with_foreign_digits_are_refused(text: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(text)
    with pytest.raises(AmountError):
        parse_quantity(text)


def test_a_reminder_time_in_other_digits_is_not_read_as_a_time() -> None:
    now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    with pytest.raises(ScheduleRefused):
        parse_schedule("in ٣ hours call Jena", now=now, tz="Europe/Kyiv")
    schedule = parse_schedule("tomorrow at ١٠:٠٠ call Jena", now=now, tz="Europe/Kyiv")
    assert schedule.local_time != "10:00"


@pytest.mark.parametrize(("lang", "answer"), [("en", "number of people"), ("uk", "кількість")])
async def test_a_delegation_size_in_superscript_gets_the_usual_answer(
    bot: BotHarness, lang: str, answer: str
) -> None:
    official, *_ = await brovary_with_partners(bot, lang)
    await bot.send(official, "/aid")
    await bot.press(official, "Log visit" if lang == "en" else "Записати візит")
    await bot.press(official, bot.last(official.id).button_labels[0])
    await bot.press(official, "Jena" if lang == "en" else "Єна")
    await bot.send(official, "10.12.2026-12.12.2026")
    for text in ("²", "1²", "٣", "99999999999999999999999"):
        reply = await bot.send(official, text)
        assert answer in reply.text.lower(), (text, reply.text)
    reply = await bot.send(official, "6")
    assert answer not in reply.text.lower()
    assert not bot.api.bot_messages(OPERATOR_ID), "no error report"


async def test_forged_buttons_with_odd_numbers_are_refused_without_an_error(
    bot: BotHarness,
) -> None:
    bot.operator()
    official, *_ = await brovary_with_partners(bot, "en")
    screen = (await bot.send(official, "/aid")).last
    huge = str(SQLITE_MAX + 1)
    for prefix in ("ai:r:", "ai:cf:", "vi:r:", "rm:done:", "rm:view:", "of:card:", "in:new:"):
        for number in ("²", "٣", huge, "9" * 400):
            await bot.deliver(bot.api.press_data(official, prefix + number, screen))
    for data in (f"ai:tl:0:{huge}", "ai:tl:0:²", f"rm:list:{huge}", f"of:pg:{huge}"):
        await bot.deliver(bot.api.press_data(official, data, screen))
    assert not bot.api.bot_messages(OPERATOR_ID), "no error report"
    reply = await bot.send(official, "/aid")
    assert "Log aid" in reply.buttons
