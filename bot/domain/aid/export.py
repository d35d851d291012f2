"""Aid records as rows of a table, one item a row: the CSV for humanitarian data tools and
the rows of the Excel workbook (`bot.domain.aid.workbook`) alike.

The CSV is UTF-8 with a BOM (Excel reads it as UTF-8), headers in the reader's language,
then an HXL hashtag row so humanitarian tools can map the columns without knowing the
language. Every name in a file is in that one language and script: a Ukrainian file names
Єна and Київська область, an English one Jena and Kyiv Oblast. The recipient's oblast and
hromada come with their KATOTTG codes, which other datasets of Ukraine join on; the donors'
countries with their ISO 3166-1 alpha-3 codes. A record whose value was typed for several
items together gets one more row for the part no item carries, so the value column adds up
to the totals. Cells that a spreadsheet would run as formulas are written as text
(`bot.domain.spreadsheet`).
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

import pycountry

from bot.domain.aid.model import KINDS, STATUSES, UNIT_LABELS, from_minor, unitemized_minor
from bot.domain.sectors import sector_label
from bot.domain.spreadsheet import safe_row
from bot.i18n import N_
from storage.aid import ExportRow


class _Translates(Protocol):
    def _(self, message: str, /, **values: object) -> str: ...


def _blank(_code: str | None) -> str:
    return ""


# (header, HXL hashtag) in column order.
COLUMNS: tuple[tuple[str, str], ...] = (
    (N_("Record"), "#meta+id"),
    (N_("Date"), "#date+occurred"),
    (N_("Donor"), "#org+name+funder"),
    (N_("Donor country"), "#country+code+funder"),
    (N_("Recipient"), "#org+name+impl"),
    (N_("Oblast"), "#adm1+name"),
    (N_("Oblast code"), "#adm1+code"),
    (N_("Hromada"), "#adm3+name"),
    (N_("Hromada code"), "#adm3+code"),
    (N_("Sector"), "#sector"),
    (N_("Kind"), "#item+type"),
    (N_("Item"), "#item+name"),
    (N_("Quantity"), "#item+num"),
    (N_("Unit"), "#item+unit"),
    (N_("Unit price"), "#value+unit"),
    (N_("Value"), "#value"),
    (N_("Currency"), "#currency+code"),
    (N_("Status"), "#status"),
    (N_("Confirmed by both sides"), "#status+confirmed"),
    (N_("Facility"), "#loc+name"),
    (N_("Declaration No."), "#meta+declaration"),
    (N_("Intended use"), "#activity+purpose"),
    (N_("People reached"), "#reached"),
)
HXL_TAGS: tuple[str, ...] = tuple(tag for _header, tag in COLUMNS)
UNITEMIZED = N_("(value not split by item)")


@dataclass(frozen=True)
class Places:
    """Names of the recipient's oblast and hromada in the file's language, from codes:
    `region_name` and `region_code` take an ISO 3166-2 code, `hromada_name` a KATOTTG code."""

    region_name: Callable[[str | None], str] = _blank
    region_code: Callable[[str | None], str] = _blank
    hromada_name: Callable[[str | None], str] = _blank


# The cells an item has of its own; the others are its record's, shared by its lines.
ITEM_TAGS = frozenset(("#item+name", "#item+num", "#item+unit", "#value+unit", "#value"))


@dataclass(frozen=True)
class Line:
    """One row: a record's item (or the part of its value no item carries). `shared` holds
    the record's cells, one dict for all its lines; `own` the item's. Text cells are made
    safe (`bot.domain.spreadsheet`); numbers and dates stay typed."""

    shared: Mapping[str, object]
    own: Mapping[str, object]
    month_only: bool
    currency: str

    def cells(self) -> list[object]:
        return [self.own[tag] if tag in ITEM_TAGS else self.shared[tag] for tag in HXL_TAGS]


@functools.cache
def alpha3(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.alpha_3 if country else code


class _Labels:
    """Translations looked up once per file, not once per row."""

    def __init__(self, t: _Translates) -> None:
        self.t = t
        self.found: dict[str, str] = {}

    def __call__(self, message: str) -> str:
        found = self.found.get(message)
        if found is None:
            found = self.found[message] = self.t._(message)
        return found


def lines(rows: list[ExportRow], t: _Translates, places: Places) -> Iterator[Line]:
    label = _Labels(t)
    yes, no = label("yes"), label("no")
    for row in rows:
        record = row.record
        shared = dict(
            zip(
                _SHARED,
                safe_row(
                    [
                        row.number or record.id,
                        date.fromisoformat(record.aid_date),
                        "; ".join(row.donor_names),
                        "; ".join(alpha3(c) for c in row.donor_countries if c),
                        row.recipient_name,
                        places.region_name(row.recipient_region),
                        places.region_code(row.recipient_region),
                        places.hromada_name(row.recipient_katottg),
                        row.recipient_katottg or "",
                        sector_label(record.sector, t),
                        label(KINDS.get(record.kind, record.kind)),
                        record.currency or "",
                        label(STATUSES.get(record.status, record.status)),
                        yes if record.confirmed_by_both else no,
                        record.facility or "",
                        record.declaration or "",
                        record.intended_use or "",
                        record.people_reached,
                    ]
                ),
                strict=True,
            )
        )
        month_only, currency = record.date_precision == "month", record.currency or ""
        for item in record.items:
            own = safe_row(
                [
                    item.name,
                    Decimal(item.quantity) if item.quantity else None,
                    label(UNIT_LABELS[item.unit]) if item.unit in UNIT_LABELS else "",
                    from_minor(item.unit_price_minor) if item.unit_price_minor else None,
                    from_minor(item.value_minor) if item.value_minor else None,
                ]
            )
            yield Line(shared, dict(zip(_OWN, own, strict=True)), month_only, currency)
        rest = unitemized_minor(record.value_minor, record.items)
        if rest:
            own = [label(UNITEMIZED), None, "", None, from_minor(rest)]
            yield Line(shared, dict(zip(_OWN, own, strict=True)), month_only, currency)


_OWN = ("#item+name", "#item+num", "#item+unit", "#value+unit", "#value")
_SHARED = tuple(tag for tag in HXL_TAGS if tag not in ITEM_TAGS)


def _csv_text(value: object, month_only: bool, money: bool) -> object:
    if isinstance(value, date):
        # A month given as a month stays a month: 2022-03.
        return value.isoformat()[:7] if month_only else value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}" if money else format(value.normalize(), "f")
    return value


# An item's own columns stand together: a line is the record's columns before them, the
# item's, and the record's after them.
_FIRST_OWN = HXL_TAGS.index(_OWN[0])
assert HXL_TAGS[_FIRST_OWN : _FIRST_OWN + len(_OWN)] == _OWN
_MONEY_OWN = tuple(tag.startswith("#value") for tag in _OWN)


def build_csv(rows: list[ExportRow], t: _Translates, places: Places | None = None) -> bytes:
    places = places or Places()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(safe_row(t._(header) for header, _tag in COLUMNS))
    writer.writerow(safe_row(HXL_TAGS))
    last: Mapping[str, object] | None = None
    before: list[object] = []
    after: list[object] = []
    for line in lines(rows, t, places):
        # A record's lines come together: its own columns are written once for all.
        if line.shared is not last:
            last = line.shared
            texts = [_csv_text(last[tag], line.month_only, False) for tag in _SHARED]
            before, after = texts[:_FIRST_OWN], texts[_FIRST_OWN:]
        own = [
            _csv_text(line.own[tag], line.month_only, money)
            for tag, money in zip(_OWN, _MONEY_OWN, strict=True)
        ]
        writer.writerow([*before, *own, *after])
    return buffer.getvalue().encode("utf-8-sig")
