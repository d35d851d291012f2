"""Reading a CSV file people made in a spreadsheet: its encoding, its rows, its damage.

Files come from Excel and LibreOffice on Windows and Mac in Ukrainian, German and other
locales: UTF-8 with or without a byte-order mark, UTF-16 ("Unicode text"), Windows-1251
(Cyrillic) or Windows-1252 (Western European), with CRLF, LF or old Mac CR-only line ends.
A damaged row (an unclosed quotation mark, an oversized cell, a stray carriage return)
is reported by the line it starts on and skipped; reading goes on with the next line, so
one broken row never swallows the rows after it.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from bot.i18n import N_

FIELD_LIMIT = 128 * 1024
_SINGLE_BYTE = ("cp1251", "cp1252")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORDS = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True)
class RowProblem:
    line: int  # 0 for the file as a whole
    message: str  # an N_() message with the placeholders of `values`
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Record:
    line: int  # where the record starts
    cells: list[str]


def decode(data: bytes) -> str | None:
    """The file's text, or None when it is not text in an encoding we can tell."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _text(data, encoding)
    if b"\x00" in data:
        return _text(data, _utf16_order(data)) if len(data) % 2 == 0 else None
    try:
        return _text(data, "utf-8")
    except UnicodeDecodeError:
        pass
    return _text(data, _single_byte(data))


def _text(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding == "utf-8":
            raise
        return None
    return None if _CONTROL.search(text) else text


def _utf16_order(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every other byte."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd > half * 0.3 and even == 0:
        return "utf-16-le"
    if even > half * 0.3 and odd == 0:
        return "utf-16-be"
    return None


def _single_byte(data: bytes) -> str:
    """Windows-1251 or Windows-1252, whichever reads as words of one script.

    The detector decides in general; a word mixing Latin and Cyrillic letters (`Mьnchen`
    for `München` read as Cyrillic) overrules it, since short files give it little to go on.
    """
    # The detector's tables load with the first file in a single-byte encoding, not at start.
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_SINGLE_BYTE)).best()
    guess = best.encoding if best is not None and best.encoding in _SINGLE_BYTE else "cp1251"
    mixed = {encoding: _mixed_words(data.decode(encoding)) for encoding in _SINGLE_BYTE}
    if mixed[guess] > min(mixed.values()):
        return min(_SINGLE_BYTE, key=lambda encoding: mixed[encoding])
    return guess


def _mixed_words(text: str) -> int:
    return sum(1 for word in _WORDS.findall(text) if _LATIN.search(word) and _CYRILLIC.search(word))


def lines_of(text: str) -> list[str]:
    """Physical lines with their ends as `\\n`; CR-only files are split at each CR.

    In a file that has line feeds, a lone carriage return stays where it is, so that a
    reader sees it and reports the row it breaks instead of splitting it silently.
    """
    if "\n" not in text:
        text = text.replace("\r", "\n")
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    ended = [line + "\n" for line in lines[:-1]]
    return [*ended, lines[-1]] if lines[-1] else ended


class _Semicolons(csv.excel):
    delimiter = ";"


def dialect_of(first_line: str) -> type[csv.Dialect]:
    """Spreadsheet conventions (`""` inside quotes is a quotation mark), with the header's
    separator: a comma, a semicolon (Excel in most of Europe) or a tab ("Unicode text")."""
    counts = {",": first_line.count(","), ";": first_line.count(";"), "\t": first_line.count("\t")}
    separator = max(counts, key=lambda mark: counts[mark])
    return {";": _Semicolons, "\t": csv.excel_tab}.get(separator, csv.excel)


def records(
    lines: Sequence[str],
    dialect: type[csv.Dialect],
    is_row: Callable[[list[str]], bool] = lambda cells: False,
    *,
    start: int = 0,
) -> Iterator[Record | RowProblem]:
    """Every non-empty record, or a problem at the line a damaged one starts on.

    `is_row` tells a line that looks like a row of the file: a quoted cell spanning such
    lines has swallowed them (its closing quotation mark is missing), so they are read
    again as rows of their own. Reading begins after the first `start` lines.
    """
    while start < len(lines):
        reader = csv.reader(lines[start:], dialect, strict=True)
        consumed = 0
        try:
            for cells in reader:
                first = start + consumed + 1
                consumed = reader.line_num
                if not cells:
                    continue
                if any(len(cell) > FIELD_LIMIT for cell in cells):
                    yield RowProblem(first, N_("a cell is longer than 128 KB"))
                    continue
                swallowed = _swallowed_row(first, cells, dialect, is_row)
                if swallowed is not None:
                    yield RowProblem(
                        first,
                        N_("a quotation mark opened in this row runs on into line {end}"),
                        {"end": str(swallowed)},
                    )
                    start = first
                    break
                yield Record(first, cells)
            else:
                return
        except csv.Error as error:
            first = start + consumed + 1
            yield RowProblem(first, _problem(str(error)))
            start = first  # the line after the one the broken record starts on


def _problem(error: str) -> str:
    if "field limit" in error:
        return N_("a cell is longer than 128 KB")
    if "end of data" in error:
        return N_("a quotation mark opened in this row is never closed")
    if "expected after" in error:
        return N_("a quotation mark in this row is not followed by a separator")
    if "new-line" in error:
        return N_("a stray carriage return breaks this row")
    return N_("this row cannot be read as CSV")


def _swallowed_row(
    line: int,
    cells: list[str],
    dialect: type[csv.Dialect],
    is_row: Callable[[list[str]], bool],
) -> int | None:
    """The line of the first row that a multi-line cell took in, if any."""
    for cell in cells:
        pieces = cell.split("\n")
        for number, piece in enumerate(pieces[1:], start=1):
            if is_row(next(csv.reader([piece], dialect), [])):
                return line + number
        line += len(pieces) - 1
    return None
