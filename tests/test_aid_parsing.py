"""Amounts, items and dates as people type them in the aid log, and what is refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.domain.aid.act import edrpou_valid, signature_name
from bot.domain.aid.model import AidItem, settle, sums, unitemized_minor
from bot.domain.parsing.amounts import AmountError, AmountErrorCode, parse_amount
from bot.domain.parsing.dates import (
    DateError,
    DateErrorCode,
    DatePrecision,
    SeasonError,
    parse_loose_date,
)
from bot.domain.parsing.items import ItemError, ItemErrorCode, parse_item_lines

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "value", "currency", "approximate"),
    [
        ("близько 100 тисяч євро", "100000.00", "EUR", True),
        ("≈ €100k", "100000.00", "EUR", True),
        ("100 000,50 грн", "100000.50", "UAH", False),
        ("1,2 млн гривень", "1200000.00", "UAH", False),
        ("about 100,000 EUR", "100000.00", "EUR", True),
        ("приблизно 3,9 млн грн", "3900000.00", "UAH", True),
        ("~ 45k EUR", "45000.00", "EUR", True),
    ],
)
def test_amounts_as_people_say_them(
    text: str, value: str, currency: str, approximate: bool
) -> None:
    amount = parse_amount(text)
    assert (amount.value, amount.currency, amount.approximate) == (
        Decimal(value),
        currency,
        approximate,
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("lots", AmountErrorCode.FORMAT),
        ("сто тисяч", AmountErrorCode.FORMAT),
        ("about", AmountErrorCode.FORMAT),
        ("близько -5 EUR", AmountErrorCode.NEGATIVE),
        ("about 0 EUR", AmountErrorCode.ZERO),
        ("100 EUR 200 USD", AmountErrorCode.FORMAT),
        ("≈≈ 5 EUR", AmountErrorCode.FORMAT),
    ],
)
def test_nonsense_amounts_are_refused(text: str, code: AmountErrorCode) -> None:
    with pytest.raises(AmountError) as refused:
        parse_amount(text)
    assert refused.value.code is code


def test_item_lines() -> None:
    first, second, third, fourth = parse_item_lines(
        "11 t food and hygiene kits\n"
        "Генератор 2 шт по 1 200 євро\n"
        "- Ultrasound scanner, 1 pc, 45 000 EUR\n"
        "Ліцей №5: парти 30 шт"
    )
    assert (first.name, first.quantity and first.quantity.value) == ("Food and hygiene kits", 11)
    assert second.name == "Генератор" and second.unit_price is not None
    assert (second.unit_price.value, second.unit_price.currency) == (Decimal(1200), "EUR")
    assert third.name == "Ultrasound scanner" and third.value is not None
    assert third.value.value == 45_000 and third.quantity is not None
    assert fourth.name == "Ліцей №5: парти" and fourth.quantity is not None
    assert fourth.quantity.unit == "pcs"
    (flour,) = parse_item_lines("Flour 1.5")
    assert flour.quantity is not None and flour.quantity.unit is None


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("   \n ", ItemErrorCode.EMPTY, 0),
        ("11 t", ItemErrorCode.NO_NAME, 1),
        ("Beds 4 pcs\nBuses 1.5 buses", ItemErrorCode.AMOUNT, 2),
        ("Flour -5 kg", ItemErrorCode.AMOUNT, 1),
        ("\n".join(f"Item {n} 1 pc" for n in range(41)), ItemErrorCode.TOO_MANY, 0),
    ],
)
def test_item_lines_refused(text: str, code: ItemErrorCode, line: int) -> None:
    with pytest.raises(ItemError) as refused:
        parse_item_lines(text)
    assert (refused.value.code, refused.value.line) == (code, line)


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("березень 2022", date(2022, 3, 1), DatePrecision.MONTH),
        ("March 2022", date(2022, 3, 1), DatePrecision.MONTH),
        ("у березні 2022 року", date(2022, 3, 1), DatePrecision.MONTH),
        ("03.2022", date(2022, 3, 1), DatePrecision.MONTH),
        ("2022-03", date(2022, 3, 1), DatePrecision.MONTH),
        ("15.03.2022", date(2022, 3, 15), DatePrecision.DAY),
        ("вчора", date(2026, 11, 21), DatePrecision.DAY),
    ],
)
def test_dates_keep_their_precision(text: str, day: date, precision: DatePrecision) -> None:
    found = parse_loose_date(text, today=TODAY, allow_future=False)
    assert (found.day, found.precision) == (day, precision)


def test_a_season_asks_which_month() -> None:
    with pytest.raises(SeasonError) as asked:
        parse_loose_date("весна 2023", today=TODAY, allow_future=False)
    assert asked.value.months == (date(2023, 3, 1), date(2023, 4, 1), date(2023, 5, 1))
    with pytest.raises(SeasonError) as asked:
        parse_loose_date("winter 2023", today=TODAY)
    assert asked.value.months[0] == date(2022, 12, 1)
    # Only the months that have begun, for aid that has arrived.
    with pytest.raises(SeasonError) as asked:
        parse_loose_date("осінь 2026", today=date(2026, 10, 5), allow_future=False)
    assert asked.value.months == (date(2026, 9, 1), date(2026, 10, 1))
    for text, code in (("грудень 2026", DateErrorCode.FUTURE), ("13.2022", DateErrorCode.INVALID)):
        with pytest.raises(DateError) as refused:
            parse_loose_date(text, today=TODAY, allow_future=False)
        assert refused.value.code is code


def test_a_records_sums_follow_its_items() -> None:
    items = (AidItem("Generator", "2", "pcs", 120_000, 240_000), AidItem("Beds", "40", "pcs"))
    total = sums(items, None)
    assert (total.description, total.quantity, total.unit) == ("Generator; Beds", "42", "pcs")
    assert total.value_minor == 240_000
    # A value typed for several items together: the part no item carries is apart.
    assert sums(items[1:], 500_000).value_minor == 500_000
    assert unitemized_minor(500_000, items[1:]) == 500_000
    # One item's value is the record's.
    (one,) = settle((AidItem("Ambulance", "1", "vehicles"),), 3_800_000)
    assert one.value_minor == 3_800_000
    mixed = sums((AidItem("Flour", "1.5", "t"), AidItem("Beds", "4", "pcs")), None)
    assert (mixed.quantity, mixed.unit) == (None, None)


def test_signature_names_and_edrpou_codes() -> None:
    assert signature_name("Петренко Марія Іванівна") == "Марія ПЕТРЕНКО"
    assert signature_name("Марія Петренко") == "Марія ПЕТРЕНКО"
    assert signature_name("Anna Schmidt") == "Anna SCHMIDT"
    assert signature_name("Марія ПЕТРЕНКО") == "Марія ПЕТРЕНКО"
    assert signature_name("Hans-Peter von der Au") == "Hans-Peter von der Au"
    assert edrpou_valid("00013480") and edrpou_valid("14360570")
    assert not edrpou_valid("00013481") and not edrpou_valid("1436057")
