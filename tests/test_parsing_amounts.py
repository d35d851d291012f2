from __future__ import annotations

import time
from decimal import Decimal

import pytest

from bot.domain.parsing.amounts import (
    CURRENCIES,
    Amount,
    AmountError,
    AmountErrorCode,
    Quantity,
    format_amount,
    format_quantity,
    parse_amount,
    parse_quantity,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        # plain numbers and thousands grouping
        ("3 900 000", "3900000", None),
        ("3\u00a0900\u00a0000", "3900000", None),
        ("3\u202f900\u202f000 грн", "3900000", "UAH"),
        ("1,234.56", "1234.56", None),
        ("1.234,56", "1234.56", None),
        ("1 234,56", "1234.56", None),
        ("1 234.56", "1234.56", None),
        ("1.234.567,89", "1234567.89", None),
        ("1,234,567", "1234567", None),
        ("1'000 CHF", "1000", "CHF"),
        # a single separator: three digits after it mean thousands, otherwise decimals
        ("1,234", "1234", None),
        ("1.234", "1234", None),
        ("3,9", "3.9", None),
        ("3.9", "3.9", None),
        ("12,50", "12.5", None),
        ("0.125", "0.13", None),
        ("1234.567", "1234.57", None),
        ("5.", "5", None),
        # multipliers; a single separator before one is always decimal
        ("3,9 млн", "3900000", None),
        ("3.9 mln", "3900000", None),
        ("3.9M", "3900000", None),
        ("100k", "100000", None),
        ("100к", "100000", None),
        ("100 тис.", "100000", None),
        ("100 тис. євро", "100000", "EUR"),
        ("100 тис.грн", "100000", "UAH"),
        ("1,234 млн", "1234000", None),
        ("2 млрд грн", "2000000000", "UAH"),
        ("1.5 bn EUR", "1500000000", "EUR"),
        ("5 тисяч доларів", "5000", "USD"),
        ("€3.9m", "3900000", "EUR"),
        # currencies before or after the number
        ("3 900 000 грн", "3900000", "UAH"),
        ("3 900 000 грн.", "3900000", "UAH"),
        ("₴3 900 000", "3900000", "UAH"),
        ("3900000 гривень", "3900000", "UAH"),
        ("1 гривня", "1", "UAH"),
        ("2 гривні", "2", "UAH"),
        ("UAH 100", "100", "UAH"),
        ("€100,000", "100000", "EUR"),
        ("100 000 EUR", "100000", "EUR"),
        ("100 euros", "100", "EUR"),
        ("100€", "100", "EUR"),
        ("$5000", "5000", "USD"),
        ("5000$", "5000", "USD"),
        ("US$5000", "5000", "USD"),
        ("5000 дол.", "5000", "USD"),
        ("5 000 доларів", "5000", "USD"),
        ("5000 доларів США", "5000", "USD"),
        ("5000 USD", "5000", "USD"),
        ("10 000 злотих", "10000", "PLN"),
        ("100 zł", "100", "PLN"),
        ("100 PLN", "100", "PLN"),
        ("100 польських злотих", "100", "PLN"),
        ("£100", "100", "GBP"),
        ("100 фунтів стерлінгів", "100", "GBP"),
        ("CHF 100", "100", "CHF"),
        ("Fr. 100", "100", "CHF"),
        ("100 швейцарських франків", "100", "CHF"),
        ("100 kr", "100", "SEK"),
        ("100 SEK", "100", "SEK"),
        ("100 крон", "100", "SEK"),
        ("100 шведських крон", "100", "SEK"),
        ("100 чеських крон", "100", "CZK"),
        ("100 Kč", "100", "CZK"),
        ("100 CZK", "100", "CZK"),
        ("100 Ft", "100", "HUF"),
        ("100 форинтів", "100", "HUF"),
        ("100 HUF", "100", "HUF"),
        ("  100 ГРН  ", "100", "UAH"),
    ],
)
def test_parse_amount_accepts(text: str, value: str, currency: str | None) -> None:
    assert parse_amount(text) == Amount(Decimal(value), currency)


def test_amounts_are_rounded_to_cents() -> None:
    amount = parse_amount("1,005")
    assert amount.value == Decimal("1005")
    assert parse_amount("1.005 грн", default_currency="UAH").value.as_tuple().exponent == -2
    assert parse_amount("0,005").value == Decimal("0.01")


def test_default_currency_applies_only_when_none_is_written() -> None:
    assert parse_amount("100", default_currency="UAH") == Amount(Decimal(100), "UAH")
    assert parse_amount("100 €", default_currency="UAH") == Amount(Decimal(100), "EUR")


def test_every_currency_is_reachable_by_its_code() -> None:
    for code in CURRENCIES:
        assert parse_amount(f"10 {code}").currency == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", AmountErrorCode.EMPTY),
        ("   ", AmountErrorCode.EMPTY),
        ("-5", AmountErrorCode.NEGATIVE),
        ("−5 грн", AmountErrorCode.NEGATIVE),
        ("- 5", AmountErrorCode.NEGATIVE),
        ("$-5", AmountErrorCode.NEGATIVE),
        ("abc", AmountErrorCode.FORMAT),
        ("грн", AmountErrorCode.FORMAT),
        ("1e309", AmountErrorCode.FORMAT),
        ("1e3", AmountErrorCode.FORMAT),
        ("inf", AmountErrorCode.FORMAT),
        ("nan", AmountErrorCode.FORMAT),
        ("Infinity", AmountErrorCode.FORMAT),
        ("5 10 15", AmountErrorCode.FORMAT),
        ("3 900 000 2", AmountErrorCode.FORMAT),
        ("1,2,3", AmountErrorCode.FORMAT),
        ("1.23.456", AmountErrorCode.FORMAT),
        ("1 000.000,5", AmountErrorCode.FORMAT),
        ("5 грн 10", AmountErrorCode.FORMAT),
        ("100 рублів", AmountErrorCode.FORMAT),
        ("$5 €", AmountErrorCode.FORMAT),
        ("100 dollars euro", AmountErrorCode.FORMAT),
        ("100 чеських доларів", AmountErrorCode.FORMAT),
        ("100 млн млн", AmountErrorCode.FORMAT),
        (".5", AmountErrorCode.FORMAT),
        ("5 💰", AmountErrorCode.FORMAT),
        ("٥٠٠", AmountErrorCode.FORMAT),
        ("x" * 10_000, AmountErrorCode.FORMAT),
        ("0", AmountErrorCode.ZERO),
        ("0,00 грн", AmountErrorCode.ZERO),
        ("0,001", AmountErrorCode.ZERO),
        ("2 000 000 000 000", AmountErrorCode.TOO_LARGE),
        ("1001 млрд", AmountErrorCode.TOO_LARGE),
        ("9" * 70, AmountErrorCode.TOO_LARGE),
    ],
)
def test_parse_amount_refuses(text: str, code: AmountErrorCode) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    assert caught.value.code == code
    assert caught.value.code == code.value


def test_max_value_is_configurable() -> None:
    assert parse_amount("50", max_value=Decimal(50)).value == Decimal(50)
    with pytest.raises(AmountError) as caught:
        parse_amount("50.01", max_value=Decimal(50))
    assert caught.value.code == "too_large"


@pytest.mark.parametrize(
    "text", ["1" * 10_000, "1 " * 5_000, "1," * 5_000, "€" * 10_000, "9" * 5_000 + "x"]
)
def test_long_input_is_refused_fast(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(AmountError):
        parse_amount(text)
    with pytest.raises(AmountError):
        parse_quantity(text)
    assert time.perf_counter() - started < 0.05


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("1.5 t", "1.5", "t"),
        ("1,5 т", "1.5", "t"),
        ("11 тонн", "11", "t"),
        ("11 т", "11", "t"),
        ("2 tonnes", "2", "t"),
        ("500 kg", "500", "kg"),
        ("500 кг", "500", "kg"),
        ("500kg", "500", "kg"),
        ("1 500 кг", "1500", "kg"),
        ("20 pcs", "20", "pcs"),
        ("20 шт", "20", "pcs"),
        ("20 шт.", "20", "pcs"),
        ("3 pallets", "3", "pallets"),
        ("3 палети", "3", "pallets"),
        ("1 bus", "1", "vehicles"),
        ("2 вантажівки", "2", "vehicles"),
        ("2 транспортних засобів", "2", "vehicles"),
        ("36 children", "36", "people"),
        ("36 дітей", "36", "people"),
        ("12 осіб", "12", "people"),
        ("20", "20", None),
        ("2.5", "2.5", None),
    ],
)
def test_parse_quantity_accepts(text: str, value: str, unit: str | None) -> None:
    assert parse_quantity(text) == Quantity(Decimal(value), unit)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", AmountErrorCode.EMPTY),
        ("kg", AmountErrorCode.FORMAT),
        ("20 furlongs", AmountErrorCode.FORMAT),
        ("1.5 bus", AmountErrorCode.FORMAT),
        ("2,5 дітей", AmountErrorCode.FORMAT),
        ("$5", AmountErrorCode.FORMAT),
        ("5 kg 3", AmountErrorCode.FORMAT),
        ("-3 t", AmountErrorCode.NEGATIVE),
        ("0 kg", AmountErrorCode.ZERO),
        ("2 000 000 000 kg", AmountErrorCode.TOO_LARGE),
    ],
)
def test_parse_quantity_refuses(text: str, code: AmountErrorCode) -> None:
    with pytest.raises(AmountError) as caught:
        parse_quantity(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("amount", "locale", "expected"),
    [
        (Amount(Decimal("3900000"), "UAH"), "uk", f"3{NBSP}900{NBSP}000,00{NBSP}₴"),
        (Amount(Decimal("3900000"), "UAH"), "en", f"UAH{NBSP}3,900,000.00"),
        (Amount(Decimal("100000"), "EUR"), "en", "€100,000.00"),
        (Amount(Decimal("100000"), "EUR"), "en_GB", "€100,000.00"),
        (Amount(Decimal("100000"), "EUR"), "uk", f"100{NBSP}000,00{NBSP}EUR"),
        (Amount(Decimal("5000"), "USD"), "en", "$5,000.00"),
        (Amount(Decimal("1234.5"), None), "uk", f"1{NBSP}234,50"),
        (Amount(Decimal("1234.5"), None), "en", "1,234.50"),
    ],
)
def test_format_amount(amount: Amount, locale: str, expected: str) -> None:
    assert format_amount(amount, locale) == expected


@pytest.mark.parametrize(
    ("quantity", "locale", "label", "expected"),
    [
        (Quantity(Decimal("1.5"), "t"), "uk", "т", f"1,5{NBSP}т"),
        (Quantity(Decimal("1500"), "kg"), "en", "kg", f"1,500{NBSP}kg"),
        (Quantity(Decimal("1500"), "kg"), "uk", "кг", f"1{NBSP}500{NBSP}кг"),
        (Quantity(Decimal("20"), None), "en", None, "20"),
    ],
)
def test_format_quantity(quantity: Quantity, locale: str, label: str | None, expected: str) -> None:
    assert format_quantity(quantity, locale, label) == expected


def test_parsed_amount_round_trips_through_format() -> None:
    assert format_amount(parse_amount("3,9 млн грн"), "uk") == f"3{NBSP}900{NBSP}000,00{NBSP}₴"
