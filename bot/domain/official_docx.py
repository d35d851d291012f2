"""Official documents as a Ukrainian records office lays them out (ДСТУ 4163:2020).

A4, margins of 30 mm on the left, 10 mm on the right and 20 mm at the top and bottom, one
font (Times New Roman, 14 pt; the executor's line 12 pt), black text without Word's theme
colours or heading styles, justified paragraphs with a 1.25 cm first-line indent, and the
requisites in their places: the issuing body's name, the outgoing number and date fields,
the addressee, the heading, the text, the attachments, the signatory's position and name,
the executor's name and phone. The document's language is set on every run, and its core
properties name the issuing body as author.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from itertools import zip_longest

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from bot.domain.official_text import BLANK_DATE, BLANK_NUMBER

FONT = "Times New Roman"
SIZE = Pt(14)
SMALL = Pt(12)
BLACK = RGBColor(0, 0, 0)
INDENT = Cm(1.25)
TEXT_WIDTH = Mm(210 - 30 - 10)
ADDRESSEE_INDENT = Cm(8.5)

# Locales for the w:lang of runs (spell checking in the right language).
LOCALES = {"uk": "uk-UA", "en": "en-GB", "de": "de-DE", "pl": "pl-PL", "lt": "lt-LT"}


def _set_lang(element: object, locale: str) -> None:
    r_pr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), locale)
    lang.set(qn("w:eastAsia"), locale)
    lang.set(qn("w:bidi"), locale)


class OfficialDocument:
    """One document being written, in the language `lang` (the Ukrainian side's, usually)."""

    def __init__(self, *, lang: str, title: str, author: str, subject: str, today: date) -> None:
        self.lang = lang
        self.document: DocxDocument = Document()
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(30), Mm(10)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        normal = self.document.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = SIZE
        normal.font.color.rgb = BLACK
        r_fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            r_fonts.set(qn(attribute), FONT)
        _set_lang(normal.element, LOCALES.get(lang, lang))
        paragraph_format = normal.paragraph_format
        paragraph_format.space_before = Pt(0)
        paragraph_format.space_after = Pt(0)
        paragraph_format.line_spacing = 1.0
        properties = self.document.core_properties
        properties.author = author
        properties.last_modified_by = author
        properties.title = title
        properties.subject = subject
        properties.language = LOCALES.get(lang, lang)
        properties.comments = ""
        properties.keywords = ""
        # Dated the day it was made, not by the template's own creation date.
        properties.created = properties.modified = datetime.combine(today, time(9, 0))
        properties.revision = 1

    # --- paragraphs -----------------------------------------------------------------------

    def _run_format(self, paragraph: Paragraph, *, bold: bool, size: Pt | None, lang: str) -> None:
        for run in paragraph.runs:
            run.font.name = FONT
            run.font.bold = bold
            run.font.color.rgb = BLACK
            if size is not None:
                run.font.size = size
            _set_lang(run._element, LOCALES.get(lang, lang))

    def paragraph(
        self,
        text: str = "",
        *,
        align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent: bool = False,
        bold: bool = False,
        size: Pt | None = None,
        left: Cm | None = None,
        space_before: int = 0,
        lang: str | None = None,
        container: _Cell | None = None,
    ) -> Paragraph:
        target = container if container is not None else self.document
        paragraph = target.add_paragraph()
        lines = text.split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            if index < len(lines) - 1:
                run.add_break()
        paragraph.alignment = align
        paragraph.paragraph_format.first_line_indent = INDENT if indent else None
        if left is not None:
            paragraph.paragraph_format.left_indent = left
        if space_before:
            paragraph.paragraph_format.space_before = Pt(space_before)
        self._run_format(paragraph, bold=bold, size=size, lang=lang or self.lang)
        return paragraph

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.paragraph("")

    def body(self, paragraphs: Iterable[str]) -> None:
        for text in paragraphs:
            self.paragraph(text, indent=True)

    def centered(self, text: str, *, bold: bool = False) -> None:
        self.paragraph(text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=bold)

    # --- requisites -----------------------------------------------------------------------

    def issuer(self, lines: Sequence[str], contacts: str | None = None) -> None:
        """The issuing body's name block: capitals, centred, bold; contacts under it."""
        for index, line in enumerate(lines):
            self.centered(line.upper() if index == 0 else line, bold=index == 0)
        if contacts:
            self.paragraph(contacts, align=WD_ALIGN_PARAGRAPH.CENTER, size=SMALL)
        self.blank()

    def outgoing(self) -> None:
        """The date and outgoing number fields, and the reference to an incoming letter."""
        self.paragraph(f"{BLANK_DATE} № {BLANK_NUMBER}", align=WD_ALIGN_PARAGRAPH.LEFT)
        self.paragraph(f"На № {BLANK_NUMBER} від {BLANK_DATE}", align=WD_ALIGN_PARAGRAPH.LEFT)
        self.blank()

    def addressee(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.paragraph(line, align=WD_ALIGN_PARAGRAPH.LEFT, left=ADDRESSEE_INDENT)
        self.blank()

    def heading(self, text: str, *, centered: bool = False, bold: bool = True) -> None:
        align = WD_ALIGN_PARAGRAPH.CENTER if centered else WD_ALIGN_PARAGRAPH.LEFT
        self.paragraph(text, align=align, bold=bold)
        self.blank()

    def attachments(self, items: Sequence[str]) -> None:
        """«Додаток: ...» for one attachment, a numbered list under «Додатки:» for several."""
        if not items:
            return
        self.blank()
        if len(items) == 1:
            self.paragraph(f"Додаток: {items[0]}", align=WD_ALIGN_PARAGRAPH.LEFT)
            return
        self.paragraph("Додатки:", align=WD_ALIGN_PARAGRAPH.LEFT)
        for number, item in enumerate(items, start=1):
            self.paragraph(f"{number}. {item}", align=WD_ALIGN_PARAGRAPH.LEFT, left=INDENT)

    def signature(self, position: str, name: str) -> None:
        """The signatory's position on the left and «Ім’я ПРІЗВИЩЕ» at the right margin."""
        self.blank(2)
        paragraph = self.paragraph(f"{position}\t{name}", align=WD_ALIGN_PARAGRAPH.LEFT)
        paragraph.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)

    def executor(self, name: str, phone: str, *, gap: int = 2) -> None:
        self.blank(gap)
        self.paragraph(name, align=WD_ALIGN_PARAGRAPH.LEFT, size=SMALL)
        self.paragraph(phone, align=WD_ALIGN_PARAGRAPH.LEFT, size=SMALL)

    # --- two languages side by side ---------------------------------------------------------

    def side_by_side(
        self, rows: Sequence[tuple[Sequence[str], Sequence[str]]], right_lang: str
    ) -> None:
        """A borderless two-column table: each row a passage, Ukrainian left, the partner's
        language right, so the two versions read line against line."""
        table = self.document.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        width = int(TEXT_WIDTH / 2)
        for left, right in rows:
            cells = table.add_row().cells
            for cell, passages, lang in (
                (cells[0], left, self.lang),
                (cells[1], right, right_lang),
            ):
                cell.width = width
                first = True
                for text in passages:
                    if first:
                        paragraph = cell.paragraphs[0]
                        paragraph.add_run(text)
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                        self._run_format(paragraph, bold=False, size=None, lang=lang)
                        first = False
                    else:
                        self.paragraph(
                            text, align=WD_ALIGN_PARAGRAPH.LEFT, lang=lang, container=cell
                        )
                # A little air between passages, and the letter still fits one sheet.
                cell.paragraphs[-1].paragraph_format.space_after = Pt(4)

    @staticmethod
    def pair(left: Sequence[str], right: Sequence[str]) -> list[tuple[list[str], list[str]]]:
        """Rows pairing the n-th passage of each side; a side with fewer gets empty cells."""
        return [([a] if a else [], [b] if b else []) for a, b in zip_longest(left, right)]

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()
