"""The aid log as an Excel workbook a finance department files: one sheet of aid, an item a
row, and one of visits, with headers in the reader's language. Numbers are numbers, values
carry their currency in the cell's format (`1 200,00 [$EUR]`), dates are dates (a date
given as a month is shown as that month), so sums, filters and pivot tables work as they
should. Every text goes through `bot.domain.spreadsheet.safe_row`, so no cell runs as a formula.

openpyxl lays the workbook out (sheets, styles, column widths, the frozen header row, the
filter) and the rows go into the sheets' XML as openpyxl writes them: its cell objects cost
tens of microseconds each, seconds for a busy community's thousands of rows.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol
from xml.sax.saxutils import escape

from bot.domain.aid.export import COLUMNS, HXL_TAGS, ITEM_TAGS, Places, lines
from bot.domain.sectors import sector_labels
from bot.domain.spreadsheet import safe_row
from bot.domain.visits.model import DIRECTION_SHORT, seen_from
from bot.i18n import N_
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
_VISIT_WIDTHS = (8, 22, 26, 12, 12, 10, 24, 30, 40, 40)
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


# A row's group (its record: rows of one group share the columns outside the own ones),
# its values and each column's number format.
Row = tuple[object, Sequence[object], Sequence[str | None]]


def build_workbook(
    rows: list[ExportRow],
    visits: Sequence[VisitRow],
    viewer: int,
    t: _Translates,
    places: Places | None = None,
    title: str = "",
) -> bytes:
    formats: dict[tuple[str, bool], list[str | None]] = {}
    aid_rows: list[Row] = []
    for line in lines(rows, t, places or Places()):
        key = (line.currency, line.month_only)
        columns = formats.get(key)
        if columns is None:
            columns = formats[key] = [_format(tag, *key, t.lang) for tag in HXL_TAGS]
        aid_rows.append((line.shared, line.cells(), columns))
    day = _date_format(t.lang, False)
    visit_formats: list[str | None] = [_WHOLE, None, None, day, day, _WHOLE, None, None, None, None]
    visit_rows: list[Row] = []
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
        visit_rows.append((None, values, visit_formats))
    sheets = [
        (
            t._(SHEET_AID),
            [name for name, _tag in COLUMNS],
            [_WIDTHS.get(tag, 14) for tag in HXL_TAGS],
            aid_rows,
            OWN_COLUMNS,
        ),
        (
            t._(SHEET_VISITS),
            list(VISIT_COLUMNS),
            list(_VISIT_WIDTHS),
            visit_rows,
            (0, len(VISIT_COLUMNS)),
        ),
    ]
    return _save(sheets, t, title)


# Name, headers, widths, rows, and the columns a row has of its own (from, to).
Sheet = tuple[str, list[str], list[int], list[Row], tuple[int, int]]
_FIRST_OWN = min(HXL_TAGS.index(tag) for tag in ITEM_TAGS)
OWN_COLUMNS = (_FIRST_OWN, _FIRST_OWN + len(ITEM_TAGS))


def _save(sheets: list[Sheet], t: _Translates, title: str) -> bytes:
    """openpyxl lays out the workbook (sheets, styles, widths, frozen header, filter);
    the data rows go into each sheet's XML straight, as openpyxl would write them, since
    its cell objects cost tens of microseconds each: seconds for a busy community."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    used: list[str] = list(
        dict.fromkeys(f for _n, _h, _w, rows, _o in sheets for _g, _v, fs in rows for f in fs if f)
    )
    book = Workbook(write_only=True)
    book.properties.title = title
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for name, headers, widths, _rows, _own in sheets:
        sheet = book.create_sheet(name)
        sheet.freeze_panes = "A2"
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[_letter(index)].width = width
        cells = []
        for text in safe_row(t._(header) for header in headers):
            cell = WriteOnlyCell(sheet, text)
            cell.font, cell.alignment = bold, wrap
            cells.append(cell)
        sheet.append(cells)
        # One cell per number format: their style numbers are read back from the file.
        probe = []
        for number_format in used:
            cell = WriteOnlyCell(sheet, 0)
            cell.number_format = number_format
            probe.append(cell)
        sheet.append(probe)
        sheet.auto_filter.ref = f"A1:{_letter(len(headers))}1"
    packed = io.BytesIO()
    book.save(packed)
    source = zipfile.ZipFile(packed)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            found = _SHEET_FILE.fullmatch(info.filename)
            if found is not None:
                sheet_rows, own = sheets[int(found[1]) - 1][3:5]
                data = _fill(data.decode("utf-8"), used, sheet_rows, own).encode("utf-8")
            # The fastest compression: the sheets' XML still shrinks about tenfold.
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()


_SHEET_FILE = re.compile(r"xl/worksheets/sheet([0-9]+)\.xml")
_PROBE = re.compile(r'<row r="2"[^>]*>(.*?)</row>|<row r="2"[^>]*/>', re.DOTALL)
_STYLE = re.compile(r' s="([0-9]+)"')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = date(1899, 12, 30)


_ROW = "\x00"  # stands for the row number in a group's shared cells (never in a cell: see _CONTROL)


def _fill(xml: str, used: list[str], rows: list[Row], own: tuple[int, int]) -> str:
    """The sheet with the probe row replaced by the data rows. The cells a row shares with
    its group are made once for the group, the row's number put in by replacing a marker;
    a cell's XML after its reference is made once for each value it takes."""
    probe = _PROBE.search(xml)
    assert probe is not None
    styles = dict(zip(used, _STYLE.findall(probe.group(1) or ""), strict=True))
    width = max((len(values) for _g, values, _f in rows), default=0)
    letters = [_letter(index) for index in range(1, width + 1)]
    made: dict[tuple[object, ...], str] = {}

    def cells(
        values: Sequence[object], formats: Sequence[str | None], first: int, last: int, row: str
    ) -> str:
        out = []
        for column in range(first, min(last, len(values))):
            value = values[column]
            if value is None or value == "":
                continue
            number_format = formats[column]
            key = (type(value), value, number_format)
            rest = made.get(key)
            if rest is None:
                rest = made[key] = _cell(value, styles.get(number_format or ""))
            out.append(f'<c r="{letters[column]}{row}{rest}')
        return "".join(out)

    start, end = own
    out: list[str] = []
    last_group: object = None
    before = after = ""
    for number, (group, values, formats) in enumerate(rows, start=2):
        if group is None or group is not last_group:
            last_group = group
            before = cells(values, formats, 0, start, _ROW)
            after = cells(values, formats, end, len(values), _ROW)
        row = str(number)
        out.append(
            f'<row r="{row}">{before.replace(_ROW, row)}'
            f"{cells(values, formats, start, end, row)}{after.replace(_ROW, row)}</row>"
        )
    return xml[: probe.start()] + "".join(out) + xml[probe.end() :]


def _cell(value: object, style: str | None) -> str:
    """What follows a cell's reference: its style, type and value, and the closing tag."""
    if isinstance(value, str):
        text = escape(_CONTROL.sub("", value))
        return f'" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    if isinstance(value, date):
        shown: object = (value - _EPOCH).days
    elif isinstance(value, Decimal):
        shown = format(value, "f")
    else:
        shown = value
    styled = f' s="{style}"' if style else ""
    return f'"{styled} t="n"><v>{shown}</v></c>'


def _format(tag: str, currency: str, month_only: bool, lang: str) -> str | None:
    """The number format of a column's typed values (text ignores it)."""
    if tag == "#date+occurred":
        return _date_format(lang, month_only)
    if tag in ("#value", "#value+unit"):
        return money_format(currency)
    if tag == "#item+num":
        return _QUANTITY
    if tag in ("#meta+id", "#reached"):
        return _WHOLE
    return None


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))
