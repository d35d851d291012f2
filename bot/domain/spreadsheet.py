"""Cells for files people open in a spreadsheet, written so that none of them runs.

A spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
return followed by one) as a formula, so a donor's description such as
`=HYPERLINK("http://…")` would run on the reader's machine. Following the OWASP rule for
CSV injection, such a cell gets a leading apostrophe, which spreadsheets show as text.
Every export, CSV or workbook, writes its rows through `safe_row`; importers undo it with
`original_text`, so an exported file can be edited and imported again without gaining
apostrophes. Numbers, dates and empty cells pass as they are: none of them runs, and a
workbook keeps them as real numbers and dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

Cell = str | int | float | Decimal | date | None

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARD = "'"


def safe_cell(value: object) -> str:
    """The cell's text, with an apostrophe in front when a spreadsheet would run it."""
    text = "" if value is None else str(value)
    return _GUARD + text if text.startswith(FORMULA_STARTS) else text


def safe_row(values: Iterable[object]) -> list[Cell]:
    """Each text made safe; numbers, dates (and times) and None kept as they are."""
    row: list[Cell] = []
    for value in values:
        # Text first: most cells are, and an export writes thousands of rows.
        if type(value) is str:
            row.append(_GUARD + value if value.startswith(FORMULA_STARTS) else value)
        elif value is None or isinstance(value, int | float | Decimal | date):
            row.append(value)  # type: ignore[arg-type]
        else:
            row.append(safe_cell(value))
    return row


def original_text(cell: str) -> str:
    """The text `safe_cell` was given: the apostrophe it added is dropped again."""
    if cell.startswith(_GUARD) and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
