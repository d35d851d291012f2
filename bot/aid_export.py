"""Aid records as rows of a table, one item a row: the CSV for humanitarian data tools and
the rows of the Excel workbook (`bot.aid_workbook`) alike.

The CSV is UTF-8 with a BOM (Excel reads it as UTF-8), headers in the reader's language,
then an HXL hashtag row so humanitarian tools can map the columns without knowing the
language. Every name in a file is in that one language and script: a Ukrainian file names
Єна and Київська область, an English one Jena and Kyiv Oblast. The recipient's oblast and
hromada come with their KATOTTG codes, which other datasets of Ukraine join on; the donors'
countries with their ISO 3166-1 alpha-3 codes. A record whose value was typed for several
items together gets one more row for the part no item carries, so the value column adds up
to the totals. Cells that a spreadsheet would run as formulas are written as text
(`bot.spreadsheet`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

import pycountry

from bot.aid import KINDS, STATUSES, UNIT_LABELS, AidItem, from_minor, unitemized_minor
from bot.i18n import N_
from bot.sectors import sector_label
from bot.spreadsheet import safe_row
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


@dataclass(frozen=True)
class Line:
    """One row: a record's item (or the part of its value no item carries), typed."""

    row: ExportRow
    item: AidItem | None  # None: the unitemized part of the value
    value: Decimal | None
    unit_price: Decimal | None

    @property
    def day(self) -> date:
        return date.fromisoformat(self.row.record.aid_date)

    @property
    def month_only(self) -> bool:
        return self.row.record.date_precision == "month"


def lines(rows: list[ExportRow]) -> Iterator[Line]:
    for row in rows:
        record = row.record
        for item in record.items:
            yield Line(
                row,
                item,
                from_minor(item.value_minor) if item.value_minor else None,
                from_minor(item.unit_price_minor) if item.unit_price_minor else None,
            )
        rest = unitemized_minor(record.value_minor, record.items)
        if rest:
            yield Line(row, None, from_minor(rest), None)


def alpha3(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.alpha_3 if country else code


def texts(line: Line, t: _Translates, places: Places) -> dict[str, object]:
    """Every cell of a line by its hashtag; numbers and dates stay typed (the workbook writes
    them as such, the CSV as text)."""
    row, record, item = line.row, line.row.record, line.item
    region = row.recipient_region
    return {
        "#meta+id": row.number or record.id,
        "#date+occurred": line.day,
        "#org+name+funder": "; ".join(row.donor_names),
        "#country+code+funder": "; ".join(alpha3(c) for c in row.donor_countries if c),
        "#org+name+impl": row.recipient_name,
        "#adm1+name": places.region_name(region),
        "#adm1+code": places.region_code(region),
        "#adm3+name": places.hromada_name(row.recipient_katottg),
        "#adm3+code": row.recipient_katottg or "",
        "#sector": sector_label(record.sector, t),
        "#item+type": t._(KINDS.get(record.kind, record.kind)),
        "#item+name": item.name if item else t._(UNITEMIZED),
        "#item+num": Decimal(item.quantity) if item and item.quantity else None,
        "#item+unit": t._(UNIT_LABELS[item.unit]) if item and item.unit in UNIT_LABELS else "",
        "#value+unit": line.unit_price,
        "#value": line.value,
        "#currency+code": record.currency or "",
        "#status": t._(STATUSES.get(record.status, record.status)),
        "#status+confirmed": t._("yes") if record.confirmed_by_both else t._("no"),
        "#loc+name": record.facility or "",
        "#meta+declaration": record.declaration or "",
        "#activity+purpose": record.intended_use or "",
        "#reached": record.people_reached,
    }


def _csv_text(value: object, line: Line, tag: str) -> object:
    if isinstance(value, date):
        # A month given as a month stays a month: 2022-03.
        return value.isoformat()[:7] if line.month_only else value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}" if tag.startswith("#value") else format(value.normalize(), "f")
    return value


def build_csv(rows: list[ExportRow], t: _Translates, places: Places | None = None) -> bytes:
    places = places or Places()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(safe_row(t._(header) for header, _tag in COLUMNS))
    writer.writerow(safe_row(HXL_TAGS))
    for line in lines(rows):
        cells = texts(line, t, places)
        writer.writerow(safe_row(_csv_text(cells[tag], line, tag) for tag in HXL_TAGS))
    return buffer.getvalue().encode("utf-8-sig")
