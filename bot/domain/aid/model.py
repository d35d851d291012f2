"""Aid records: kinds, statuses and their moves, money in minor units, totals per currency.

Nothing here knows Telegram. Money is kept as integer minor units (two decimals for every
currency the bot accepts), so sums are exact; totals stay per currency and are converted
only with rates an operator entered, shown with their date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from bot.i18n import N_

MINOR_PER_UNIT = 100

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
DIMENSIONS = ("currency", "partner", "year", "sector")


@dataclass(frozen=True)
class TotalsRow:
    """One group of records as the database sums them along one dimension."""

    dimension: str  # one of DIMENSIONS
    key: str  # '' for currency; the other side's ids '12,34'; the year; the sector code
    currency: str | None
    value_minor: int
    count: int


@dataclass(frozen=True)
class YearPartnerRow:
    donors: tuple[int, ...]
    year: int
    currency: str
    value_minor: int


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
    """Sums per currency, and per partner, year and sector within each currency."""

    records: int = 0
    by_currency: dict[str, int] = field(default_factory=dict)
    by_partner: dict[tuple[tuple[int, ...], str], int] = field(default_factory=dict)
    by_year: dict[tuple[int, str], int] = field(default_factory=dict)
    by_sector: dict[tuple[str, str], int] = field(default_factory=dict)
    records_by_year: dict[int, int] = field(default_factory=dict)
    by_year_partner: dict[tuple[tuple[int, ...], int, str], int] = field(default_factory=dict)


def totals(rows: list[TotalsRow], year_partner: list[YearPartnerRow] | None = None) -> Totals:
    result = Totals()
    currency_sum: dict[str, int] = {}
    partner: dict[tuple[tuple[int, ...], str], int] = {}
    year: dict[tuple[int, str], int] = {}
    sector: dict[tuple[str, str], int] = {}
    counts: defaultdict[int, int] = defaultdict(int)
    for row in rows:
        if row.dimension == "currency":
            result.records += row.count
        elif row.dimension == "year":
            counts[int(row.key)] += row.count
        if row.currency is None or not row.value_minor:
            continue
        if row.dimension == "currency":
            currency_sum[row.currency] = row.value_minor
        elif row.dimension == "partner":
            partner[(donor_ids(row.key), row.currency)] = row.value_minor
        elif row.dimension == "year":
            year[(int(row.key), row.currency)] = row.value_minor
        elif row.dimension == "sector":
            sector[(row.key, row.currency)] = row.value_minor
    result.by_currency = dict(sorted(currency_sum.items(), key=lambda kv: (-kv[1], kv[0])))
    result.by_partner = dict(sorted(partner.items(), key=lambda kv: (kv[0][1], -kv[1])))
    result.by_year = dict(sorted(year.items()))
    result.by_sector = dict(sorted(sector.items(), key=lambda kv: (kv[0][1], -kv[1])))
    result.records_by_year = dict(sorted(counts.items()))
    result.by_year_partner = {
        (row.donors, row.year, row.currency): row.value_minor for row in year_partner or ()
    }
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
