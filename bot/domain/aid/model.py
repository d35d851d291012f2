"""Aid records: kinds, statuses and their moves, money in minor units, totals per currency.

Nothing here knows Telegram. Money is kept as integer minor units (two decimals for every
currency the bot accepts), so sums are exact; totals stay per currency and are converted
only with rates an operator entered, shown with their date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.i18n import N_

MINOR_PER_UNIT = 100
# Totals sum quantities in thousandths of their unit (1.5 t as 1500), the precision shown.
QUANTITY_SCALE = 1000

# Stable codes: stored in the database and in callback data.
KINDS: dict[str, str] = {
    "humanitarian": N_("Humanitarian goods"),
    "medical": N_("Medical equipment"),
    "energy": N_("Energy equipment"),
    "vehicles": N_("Vehicles"),
    "building": N_("Building materials"),
    "funds": N_("Funds"),
    "expertise": N_("Expertise"),
    "hosting": N_("Hosting people"),
    "other": N_("Other"),
}

STATUSES: dict[str, str] = {
    "pledged": N_("Pledged"),
    "shipped": N_("Shipped"),
    "received": N_("Received"),
}
_ORDER = {status: at for at, status in enumerate(STATUSES)}

UNIT_LABELS: dict[str, str] = {
    "t": N_("t"),
    "kg": N_("kg"),
    "pcs": N_("pcs"),
    "pallets": N_("pallets"),
    "vehicles": N_("vehicles"),
    "people": N_("people"),
}


def can_move(current: str, target: str) -> bool:
    """Aid only moves forward: pledged, then shipped, then received (steps may be skipped)."""
    return current in _ORDER and target in _ORDER and _ORDER[target] > _ORDER[current]


def next_statuses(current: str) -> list[str]:
    return [status for status in STATUSES if can_move(current, status)]


def to_minor(value: Decimal) -> int:
    return int((value * MINOR_PER_UNIT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor(minor: int) -> Decimal:
    return (Decimal(minor) / MINOR_PER_UNIT).quantize(Decimal("0.01"))


# The dimensions the database sums records by, one GROUP BY each.
DIMENSIONS = ("partner", "year", "sector", "unit")


@dataclass(frozen=True)
class TotalsRow:
    """One group of records as the database sums them along one dimension."""

    dimension: str  # one of DIMENSIONS
    key: str  # the other side's ids '12,34'; the year; the sector; the unit
    currency: str | None
    value_minor: int  # for units: the quantity in thousandths of the unit
    count: int
    confirmed: bool = True  # confirmed by both sides
    people: int = 0  # the people reached (with the years)


@dataclass(frozen=True)
class YearPartnerRow:
    donors: tuple[int, ...]
    year: int
    currency: str
    value_minor: int
    confirmed: bool = True


def donor_ids(text: str | None) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",")) if text else ()


@dataclass(frozen=True)
class Rate:
    currency: str
    base: str
    rate: Decimal
    rate_date: date


@dataclass
class Totals:
    """What records confirmed by both sides add up to: per currency, and per partner, year
    and sector within each currency, the quantities per unit and the people reached; and
    apart, what still waits for a side to confirm."""

    records: int = 0
    confirmed_records: int = 0
    by_currency: dict[str, int] = field(default_factory=dict)
    by_partner: dict[tuple[tuple[int, ...], str], int] = field(default_factory=dict)
    by_year: dict[tuple[int, str], int] = field(default_factory=dict)
    by_sector: dict[tuple[str, str], int] = field(default_factory=dict)
    records_by_year: dict[int, int] = field(default_factory=dict)
    by_year_partner: dict[tuple[tuple[int, ...], int, str], int] = field(default_factory=dict)
    units: dict[str, Decimal] = field(default_factory=dict)
    people: int = 0
    pending_by_currency: dict[str, int] = field(default_factory=dict)
    pending_by_year: dict[tuple[int, str], int] = field(default_factory=dict)
    pending_units: dict[str, Decimal] = field(default_factory=dict)
    pending_people: int = 0

    @property
    def pending_records(self) -> int:
        return self.records - self.confirmed_records


def _by_value(items: dict[Any, int], key: Any) -> dict[Any, int]:
    return dict(sorted(items.items(), key=key))


def totals(rows: list[TotalsRow], year_partner: list[YearPartnerRow] | None = None) -> Totals:
    result = Totals()
    sums: dict[tuple[str, bool], dict[Any, int]] = defaultdict(dict)
    counts: defaultdict[int, int] = defaultdict(int)
    for row in rows:
        if row.dimension == "year":
            # Every record has a year: the years' rows give the counts, the sums per
            # currency and the people reached.
            result.records += row.count
            result.confirmed_records += row.count if row.confirmed else 0
            counts[int(row.key)] += row.count
            if row.confirmed:
                result.people += row.people
            else:
                result.pending_people += row.people
            if row.currency is not None and row.value_minor:
                by_currency = sums[("currency", row.confirmed)]
                by_currency[row.currency] = by_currency.get(row.currency, 0) + row.value_minor
        elif row.dimension == "unit":
            target = result.units if row.confirmed else result.pending_units
            quantity = Decimal(row.value_minor) / QUANTITY_SCALE
            target[row.key] = target.get(row.key, Decimal(0)) + quantity
            continue
        if row.currency is None or not row.value_minor:
            continue
        group = sums[(row.dimension, row.confirmed)]
        if row.dimension == "partner":
            group[(donor_ids(row.key), row.currency)] = row.value_minor
        elif row.dimension == "year":
            group[(int(row.key), row.currency)] = row.value_minor
        elif row.dimension == "sector":
            group[(row.key, row.currency)] = row.value_minor
    result.by_currency = _by_value(sums[("currency", True)], lambda kv: (-kv[1], kv[0]))
    result.by_partner = _by_value(sums[("partner", True)], lambda kv: (kv[0][1], -kv[1]))
    result.by_year = dict(sorted(sums[("year", True)].items()))
    result.by_sector = _by_value(sums[("sector", True)], lambda kv: (kv[0][1], -kv[1]))
    result.records_by_year = dict(sorted(counts.items()))
    result.pending_by_currency = _by_value(sums[("currency", False)], lambda kv: (-kv[1], kv[0]))
    result.pending_by_year = dict(sorted(sums[("year", False)].items()))
    for row_ in year_partner or ():
        if row_.confirmed:
            result.by_year_partner[(row_.donors, row_.year, row_.currency)] = row_.value_minor
    return result


@dataclass(frozen=True)
class Converted:
    base: str
    value_minor: int
    rates: list[Rate]  # the rates used, so the screen can show each one and its date


def convert(by_currency: dict[str, int], rates: list[Rate]) -> Converted | None:
    """The grand total in one base currency, or None unless every currency has a rate."""
    if not by_currency or not rates:
        return None
    base = rates[0].base
    table = {rate.currency: rate for rate in rates if rate.base == base}
    used: list[Rate] = []
    total = Decimal(0)
    for currency, minor in by_currency.items():
        if currency == base:
            total += minor
            continue
        rate = table.get(currency)
        if rate is None:
            return None
        used.append(rate)
        total += minor * rate.rate
    return Converted(base, int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP)), used)


# --------------------------------------------------------------------------- items

DESCRIPTION_LIMIT = 500


@dataclass(frozen=True)
class AidItem:
    """One line of a shipment, in the record's currency."""

    name: str
    quantity: str | None = None  # decimal as text
    unit: str | None = None  # one of bot.domain.parsing.amounts.UNITS
    unit_price_minor: int | None = None
    value_minor: int | None = None  # typed, or quantity × unit price


@dataclass(frozen=True)
class Sums:
    """What a record's own columns say of its items: lists, totals and charts read these."""

    description: str
    quantity: str | None
    unit: str | None
    value_minor: int | None


def settle(items: tuple[AidItem, ...], total_minor: int | None) -> tuple[AidItem, ...]:
    """The value of a one-item record typed as the record's value belongs to that item."""
    if total_minor and len(items) == 1 and items[0].value_minor is None:
        return (replace(items[0], value_minor=total_minor),)
    return items


def sums(items: tuple[AidItem, ...], total_minor: int | None) -> Sums:
    """The record's columns: the items' names, their quantity when they share one unit, and
    their value when every item has one (else the value typed for the whole record, else
    what the items that have one add up to)."""
    names = "; ".join(item.name for item in items)
    if len(names) > DESCRIPTION_LIMIT:
        names = names[: DESCRIPTION_LIMIT - 1].rstrip("; ") + "…"
    units = {item.unit for item in items}
    quantity = unit = None
    if len(units) == 1 and all(item.quantity for item in items):
        unit = units.pop()
        total = sum((Decimal(item.quantity or 0) for item in items), Decimal(0))
        quantity = plain_decimal(total)
    values = [item.value_minor for item in items if item.value_minor is not None]
    if len(values) == len(items):
        value: int | None = sum(values)
    else:
        value = total_minor or (sum(values) if values else None)
    return Sums(names, quantity, unit, value or None)


def unitemized_minor(value_minor: int | None, items: tuple[AidItem, ...]) -> int:
    """The part of a record's value that no item carries (a total typed for several items)."""
    carried = sum(item.value_minor or 0 for item in items)
    return max((value_minor or 0) - carried, 0)


def plain_decimal(value: Decimal) -> str:
    """12.0 as "12", 1.50 as "1.5": how a quantity is stored and exported."""
    text = format(value.normalize(), "f")
    return text


def country_currency(country_code: str | None, on: date) -> str | None:
    """The currency a donor's country pays in on a day, if the bot takes it (Lithuania's
    euro from 2015, Poland's złoty)."""
    from babel.numbers import get_territory_currencies

    from bot.domain.parsing.amounts import CURRENCIES

    if not country_code:
        return None
    found = get_territory_currencies(country_code, start_date=on, end_date=on, tender=True)
    return next((code for code in found if code in CURRENCIES), None)
