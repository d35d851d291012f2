"""The aid log as an Excel workbook a finance department files: one sheet of aid, an item a
row, and one of visits, with headers in the reader's language. Numbers are numbers, values
carry their currency in the cell's format (`1 200,00 [$EUR]`), dates are dates (a date
given as a month is shown as that month), so sums, filters and pivot tables work as they
should. Every text goes through `bot.spreadsheet.safe_row`, so no cell runs as a formula.

Written with openpyxl in its write-only mode, which streams rows instead of keeping a
cell object per value: a busy community's thousands of rows take well under a second.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from bot.aid_export import COLUMNS, HXL_TAGS, Places, lines, texts
from bot.i18n import N_
from bot.sectors import sector_labels
from bot.spreadsheet import safe_row
from bot.visits import DIRECTION_SHORT, seen_from
from storage.aid import ExportRow
from storage.visits import Visit


class _Translates(Protocol):
    @property
    def lang(self) -> str: ...

    def _(self, message: str, /, **values: object) -> str: ...


SHEET_AID = N_("Aid")
SHEET_VISITS = N_("Visits")
VISIT_COLUMNS = (
    N_("Visit"),
    N_("Kind"),
    N_("Partner"),
    N_("First day"),
    N_("Last day"),
    N_("Delegation"),
    N_("Led by"),
    N_("Sectors"),
    N_("Note"),
    N_("Outcomes"),
)
# Column widths in characters, by hashtag; the rest get the default.
_WIDTHS = {
    "#meta+id": 8,
    "#date+occurred": 12,
    "#org+name+funder": 28,
    "#org+name+impl": 24,
    "#adm1+name": 22,
    "#adm3+name": 34,
    "#adm3+code": 22,
    "#adm1+code": 22,
    "#item+name": 40,
    "#value": 16,
    "#value+unit": 14,
    "#activity+purpose": 30,
}
_QUANTITY = "#,##0.###"
_WHOLE = "0"


@dataclass(frozen=True)
class VisitRow:
    """A visit with the partner's name in the file's language."""

    visit: Visit
    partner: str


def _date_format(lang: str, month_only: bool) -> str:
    if month_only:
        return "mmmm yyyy"
    return "dd.mm.yyyy" if lang == "uk" else "dd/mm/yyyy"


def money_format(currency: str) -> str:
    """A currency cell: the amount with its ISO code, e.g. 1 200,00 EUR."""
    return f"#,##0.00 [${currency}]" if currency else "#,##0.00"


def build_workbook(
    rows: list[ExportRow],
    visits: Sequence[VisitRow],
    viewer: int,
    t: _Translates,
    places: Places | None = None,
    title: str = "",
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    places = places or Places()
    book = Workbook(write_only=True)
    book.properties.title = title
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def header(sheet: Any, names: Iterable[str]) -> None:
        cells = []
        for text in safe_row(t._(name) for name in names):
            cell = WriteOnlyCell(sheet, text)
            cell.font, cell.alignment = bold, wrap
            cells.append(cell)
        sheet.append(cells)

    aid = book.create_sheet(t._(SHEET_AID))
    aid.freeze_panes = "A2"
    for index, tag in enumerate(HXL_TAGS, start=1):
        letter = _letter(index)
        aid.column_dimensions[letter].width = _WIDTHS.get(tag, 14)
    header(aid, [name for name, _tag in COLUMNS])
    formats: dict[str, str] = {}
    for line in lines(rows):
        cells = texts(line, t, places)
        values = safe_row(cells[tag] for tag in HXL_TAGS)
        currency = str(cells["#currency+code"] or "")
        out: list[Any] = []
        for tag, value in zip(HXL_TAGS, values, strict=True):
            style = _style(tag, value, currency, t.lang, line.month_only, formats)
            if style is None:
                out.append(value)
                continue
            cell = WriteOnlyCell(aid, value)
            cell.number_format = style
            out.append(cell)
        aid.append(out)
    aid.auto_filter.ref = f"A1:{_letter(len(HXL_TAGS))}1"

    sheet = book.create_sheet(t._(SHEET_VISITS))
    sheet.freeze_panes = "A2"
    for index, width in enumerate((8, 22, 26, 12, 12, 10, 24, 30, 40, 40), start=1):
        sheet.column_dimensions[_letter(index)].width = width
    header(sheet, VISIT_COLUMNS)
    day_format = _date_format(t.lang, False)
    for row in visits:
        visit = row.visit
        direction = seen_from(visit.direction, visit.community_id == viewer)
        values = safe_row(
            [
                visit.id,
                t._(DIRECTION_SHORT[direction]),
                row.partner,
                date.fromisoformat(visit.start_date),
                date.fromisoformat(visit.end_date),
                visit.delegation_size,
                visit.leader or "",
                ", ".join(sector_labels(visit.sectors, t)),
                visit.note or "",
                visit.outcomes or "",
            ]
        )
        out = []
        for value in values:
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value)
                cell.number_format = day_format
                out.append(cell)
            else:
                out.append(value)
        sheet.append(out)

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _style(
    tag: str, value: object, currency: str, lang: str, month_only: bool, cache: dict[str, str]
) -> str | None:
    """The number format of a typed cell, None for text and empty cells."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, date):
        return _date_format(lang, month_only)
    if tag in ("#value", "#value+unit"):
        found = cache.get(currency)
        if found is None:
            found = cache[currency] = money_format(currency)
        return found
    if isinstance(value, Decimal):
        return _QUANTITY
    return _WHOLE


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))
