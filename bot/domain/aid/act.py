"""The act of acceptance and transfer of humanitarian aid («акт приймання-передачі
гуманітарної допомоги»), drawn up as a .docx a records office signs.

Layout as the national standard for organisational documents asks (ДСТУ 4163:2020): A4,
margins of 30 mm on the left, 10 mm on the right and 20 mm at the top and bottom, Times New
Roman 14 with single spacing; dates in figures (01.04.2022); signatures as position,
signature line and «Власне ім’я ПРІЗВИЩЕ». The act is in Ukrainian with the donor's
language alongside (`act_language`), each requisite a row of two columns, so either side
reads its own: labels, units, the donor's country and the total value in that language's
words and figures. The items table is one table for both sides, its headers in both
languages; its figures are written as the Ukrainian records office keeps its books.

Names of the donor, the recipient and the persons stand after a label («Донор:»,
«Отримувач:», «Передав:»), where the nominative is right, so no name is declined. A text
that puts a name inside a sentence («передав представник Єни») would decline it in
`in_case`, the one place names pass through.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from bot.domain.aid.model import UNIT_LABELS, AidItem, from_minor
from bot.i18n import DEFAULT_LANGUAGE, N_, Translator, document_language

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

FONT = "Times New Roman"
FONT_SIZE = 14
# ДСТУ 4163:2020: margins in millimetres.
MARGINS_MM = {"left": 30, "right": 10, "top": 20, "bottom": 20}
A4_MM = (210, 297)
BLANK = "_______________"
# The items table's columns in millimetres: they fill the 170 mm between the margins.
ITEM_COLUMNS_MM = (12, 56, 22, 24, 28, 28)
HAND = "«___» ____________ 20___"

TITLE = N_("ACT No. {number}")
SUBTITLE = N_("of acceptance and transfer of humanitarian aid")
APPROVED = N_("APPROVED")
HEAD = N_("Head of the recipient")
SIGNATURE = N_("(signature)")
PLACE = N_("Place")
DATE = N_("Date")
DONOR = N_("Donor")
COUNTRY = N_("Country")
ADDRESS = N_("Address")
REGISTRATION = N_("Registration number")
RECIPIENT = N_("Recipient")
EDRPOU = N_("EDRPOU code")
KATOTTG = N_("KATOTTG code of the community")
HOLDER = N_("Balance holder")
BASIS = N_("Basis")
DECLARATION = N_("Humanitarian aid declaration No.")
USE = N_("Intended use")
ITEMS = N_("The donor hands over and the recipient accepts the following humanitarian aid:")
COLUMN_NO = N_("No.")
COLUMN_ITEM = N_("Item")
COLUMN_UNIT = N_("Unit")
COLUMN_QUANTITY = N_("Quantity")
COLUMN_PRICE = N_("Unit price, {currency}")
COLUMN_SUM = N_("Amount, {currency}")
TOTAL = N_("Total")
TOTAL_VALUE = N_("Total value")
UNITEMIZED = N_("Value not split by item")
IN_FULL = N_(
    "The humanitarian aid has been handed over and accepted in full. The parties have no"
    " claims against each other."
)
COPIES = N_("Drawn up in two copies of equal force, one for each party.")
HANDED = N_("Handed over")
RECEIVED = N_("Accepted")
POSITION = N_("position")
SEAL = N_("Seal (if any)")


@dataclass(frozen=True)
class Person:
    """Who signs for a side: the name as typed, and the position."""

    name: str = ""
    position: str = ""


@dataclass(frozen=True)
class Named:
    """A name in Ukrainian and in the partner's language."""

    uk: str
    other: str = ""

    def __call__(self, side: str) -> str:
        return self.uk if side == "uk" or not self.other else self.other


@dataclass(frozen=True)
class ActFacts:
    number: str
    day: date
    place: Named
    donor: Named
    donor_country: Named
    recipient: Named
    items: tuple[AidItem, ...]
    currency: str
    value_minor: int | None
    donor_address: str = ""
    donor_code: str = ""
    recipient_code: str = ""
    katottg: str = ""
    holder: Named | None = None
    basis: str = ""
    declaration: str = ""
    intended_use: str = ""
    handed_by: Person = field(default_factory=Person)
    received_by: Person = field(default_factory=Person)


def in_case(name: str, case: str = "nominative") -> str:
    """A name in a grammatical case. Every name of the act stands after a label, in the
    nominative; a sentence that needs another case declines the name here."""
    return name


_PATRONYMIC = re.compile(r"(?:ович|евич|йович|ич|івна|ївна|овна|ична|інічна)$", re.IGNORECASE)


def signature_name(full: str) -> str:
    """«Власне ім’я ПРІЗВИЩЕ», as a signature block writes it: «Марія ПЕТРЕНКО» from
    «Петренко Марія Іванівна» or «Марія Петренко»; a name already so written, or one the
    rule cannot read, stays as typed."""
    words = full.split()
    if any(len(w) > 1 and w.isupper() for w in words):
        return full
    if len(words) == 3 and _PATRONYMIC.search(words[2]):
        return f"{words[1]} {words[0].upper()}"
    if len(words) == 2:
        return f"{words[0]} {words[1].upper()}"
    return full


def _number(value: Decimal, t: Translator) -> str:
    return t.number(value)


def _money(minor: int | None, t: Translator) -> str:
    """Kopiyky and cents always shown, as a financial document writes them: 1 200,00."""
    from babel.numbers import format_decimal

    if not minor:
        return "—"
    return format_decimal(from_minor(minor), format="#,##0.00", locale=t.locale)


def _day(value: date, uk: Translator, other: Translator) -> str:
    """In figures, as each side's records write a date: 15.03.2023, and where the other
    side writes it otherwise (15/03/2023 in English), that form beside it."""
    days = dict.fromkeys(t.numeric_date(value) for t in (uk, other))
    return " / ".join(days)


def act_language(country_codes: Sequence[str]) -> str:
    """The language of the act's second column: the donors' own where the bot speaks it and
    every donor reads it (German for Jena, or for Jena with Graz); English otherwise."""
    languages = {document_language(code) for code in country_codes}
    language = languages.pop() if len(languages) == 1 else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE if language == "uk" else language


def act_file_name(number: str, record: int, day: date, language: str) -> str:
    """«handover-act-12-2022_record-7_2023-03-15_uk-de.docx»: which act, of which record,
    in which languages."""
    safe = re.sub(r"[^0-9A-Za-z]+", "-", number).strip("-") or "0"
    return f"handover-act-{safe}_record-{record}_{day.isoformat()}_uk-{language}.docx"


def build_act(facts: ActFacts, uk: Translator, other: Translator) -> bytes:
    """The act, Ukrainian beside `other` (the partner's language, English at least)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document: DocxDocument = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(A4_MM[0]), Mm(A4_MM[1])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    _font(document, Pt(FONT_SIZE))

    both = (uk, other)

    def pair(message: str, **values: object) -> tuple[str, str]:
        return uk._(message, **values), other._(message, **values)

    # The head of the recipient approves the act: top right.
    approval = document.add_table(rows=1, cols=2)
    cell = approval.cell(0, 1)
    cell.text = ""
    lines = [
        " / ".join(pair(APPROVED)),
        " / ".join(pair(HEAD)),
        facts.recipient("uk"),
        f"{BLANK} {uk._(SIGNATURE)}",
        HAND,
    ]
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(line).bold = index == 0
    document.add_paragraph()

    for text, bold in (
        (" / ".join(pair(TITLE, number=facts.number)), True),
        (uk._(SUBTITLE), True),
        (other._(SUBTITLE), False),
    ):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold

    where = document.add_table(rows=1, cols=2)
    where.cell(0, 0).text = f"{facts.place('uk')} / {facts.place('other')}"
    right = where.cell(0, 1).paragraphs[0]
    right.text = _day(facts.day, uk, other)
    right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph()

    rows: list[tuple[str, str, str]] = []

    def requisite(label: str, uk_value: str, other_value: str | None = None) -> None:
        if uk_value:
            rows.append((label, uk_value, uk_value if other_value is None else other_value))

    requisite(DONOR, in_case(facts.donor("uk")), in_case(facts.donor("other")))
    requisite(COUNTRY, facts.donor_country("uk"), facts.donor_country("other"))
    requisite(ADDRESS, facts.donor_address)
    requisite(REGISTRATION, facts.donor_code)
    requisite(RECIPIENT, in_case(facts.recipient("uk")), in_case(facts.recipient("other")))
    requisite(EDRPOU, facts.recipient_code)
    requisite(KATOTTG, facts.katottg)
    holder = facts.holder or facts.recipient
    requisite(HOLDER, in_case(holder("uk")), in_case(holder("other")))
    requisite(BASIS, facts.basis)
    requisite(DECLARATION, facts.declaration)
    requisite(USE, facts.intended_use)
    if facts.value_minor:
        requisite(
            TOTAL_VALUE,
            f"{_money(facts.value_minor, uk)} {facts.currency}".strip(),
            f"{_money(facts.value_minor, other)} {facts.currency}".strip(),
        )
    table = document.add_table(rows=0, cols=2)
    for label, uk_value, other_value in rows:
        cells = table.add_row().cells
        for cell_, t, value in zip(cells, both, (uk_value, other_value), strict=True):
            paragraph = cell_.paragraphs[0]
            paragraph.add_run(f"{t._(label)}: ").bold = True
            paragraph.add_run(value)
    document.add_paragraph()

    for t in both:
        document.add_paragraph(t._(ITEMS))
    _items_table(document, facts, uk, other)
    document.add_paragraph()
    # The closing statement and the signatures stay together: a signature never stands on
    # a page of its own.
    closing = document.add_table(rows=4, cols=2)
    for row, message in zip(closing.rows, (IN_FULL, COPIES), strict=False):
        for cell_, t in zip(row.cells, both, strict=True):
            cell_.text = t._(message)
    for row in closing.rows[:3]:
        _whole(row)
        for cell_ in row.cells:
            for paragraph_ in cell_.paragraphs:
                paragraph_.paragraph_format.keep_with_next = True
    _whole(closing.rows[3])
    for cell_, label, person in zip(
        closing.rows[3].cells,
        (HANDED, RECEIVED),
        (facts.handed_by, facts.received_by),
        strict=True,
    ):
        paragraph = cell_.paragraphs[0]
        paragraph.add_run(" / ".join(pair(label)) + ":").bold = True
        cell_.add_paragraph(person.position or f"{BLANK} ({' / '.join(pair(POSITION))})")
        cell_.add_paragraph(f"{BLANK} {' / '.join(pair(SIGNATURE))}")
        cell_.add_paragraph(in_case(signature_name(person.name)) if person.name else f"{BLANK}")
        cell_.add_paragraph(" / ".join(pair(SEAL)))

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _items_table(
    document: DocxDocument, facts: ActFacts, uk: Translator, other: Translator
) -> None:
    currency = facts.currency

    def header(message: str) -> str:
        return f"{uk._(message, currency=currency)} / {other._(message, currency=currency)}"

    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    titles = [COLUMN_NO, COLUMN_ITEM, COLUMN_UNIT, COLUMN_QUANTITY, COLUMN_PRICE, COLUMN_SUM]
    table = document.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    table.autofit = False
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(header(title)).bold = True
    carried = 0
    for index, item in enumerate(facts.items, start=1):
        unit = item.unit or ""
        values = [
            str(index),
            item.name,
            f"{uk._(UNIT_LABELS[unit])} / {other._(UNIT_LABELS[unit])}" if unit else "",
            _number(Decimal(item.quantity), uk) if item.quantity else "",
            _money(item.unit_price_minor, uk),
            _money(item.value_minor, uk),
        ]
        carried += item.value_minor or 0
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    rest = (facts.value_minor or 0) - carried
    if rest > 0:
        cells = table.add_row().cells
        cells[1].text = header(UNITEMIZED)
        cells[5].text = _money(rest, uk)
    total = table.add_row().cells
    total[1].text = ""
    total[1].paragraphs[0].add_run(header(TOTAL)).bold = True
    total[5].text = ""
    total[5].paragraphs[0].add_run(_money(facts.value_minor, uk)).bold = True
    for column, width in zip(table.columns, ITEM_COLUMNS_MM, strict=True):
        column.width = Mm(width)
    for row_index, row in enumerate(table.rows):
        _whole(row)
        for column, (cell, width) in enumerate(zip(row.cells, ITEM_COLUMNS_MM, strict=True)):
            cell.width = Mm(width)
            if row_index and column >= 3:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _whole(row: Any) -> None:
    """A row that never breaks across two pages."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _font(document: DocxDocument, size: Any) -> None:
    """Times New Roman for every script (Cyrillic included) in the styles everything uses."""
    from docx.oxml.ns import qn

    for name in ("Normal", "Table Grid"):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        font = style.font  # type: ignore[union-attr]
        font.name, font.size = FONT, size
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()  # type: ignore[union-attr]
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
    normal = document.styles["Normal"].paragraph_format  # type: ignore[union-attr]
    normal.space_after = 0
    normal.line_spacing = 1.0


def person_of(text: str) -> Person:
    """«Марія Петренко, міська голова»: the name, then the position after a comma."""
    name, _comma, position = text.partition(",")
    return Person(name.strip(), position.strip())


def donors_named(names: Sequence[Named]) -> Named:
    return Named(", ".join(n.uk for n in names), ", ".join(n("other") for n in names))


_KIND_UK = {"city": "міська", "settlement": "селищна", "village": "сільська"}
_CENTRE_UK = {"city": "м.", "settlement": "с-ще", "village": "с."}


def council_of(
    hromada_uk: str | None, kind: str | None, centre: str, language: str
) -> Named | None:
    """The council of a hromada: «Долинська міська рада» / "Dolyna City Council",
    "Stadtrat Dolyna", "Rada Miasta Dolyna", as the letter of intent's letterhead names it."""
    from bot.domain.twinning.letter_templates import template_for
    from bot.domain.twinning.letter_templates.foreign import ForeignLetter

    if not hromada_uk or kind not in _KIND_UK:
        return None
    template = template_for(language)
    if not isinstance(template, ForeignLetter):
        template = template_for(DEFAULT_LANGUAGE)
    assert isinstance(template, ForeignLetter)
    word = _KIND_UK[kind]
    return Named(f"{hromada_uk} {word} рада", template.council[word].format(name=centre))


_SETTLEMENT_PREFIX = re.compile(r"^(?:м\.|с\.|с-ще|сел\.|смт)\s*")


def typed_place(text: str) -> Named:
    """A place typed in the form: «с. Княжичі» reads "Kniazhychi" in the other column, by
    the official transliteration; a place typed in Latin letters stays as typed."""
    from bot.domain.places import transliterate

    if not re.search("[\u0400-\u04ff]", text):
        return Named(text)
    return Named(text, transliterate(_SETTLEMENT_PREFIX.sub("", text.strip())))


def centre_of(name_uk: str | None, kind: str | None, name: str) -> Named:
    """Where the act is drawn up: «м. Долина» / "Dolyna"."""
    prefix = _CENTRE_UK.get(kind or "")
    uk = f"{prefix} {name_uk}" if prefix and name_uk else (name_uk or name)
    return Named(uk, name)


_EDRPOU = re.compile(r"[0-9]{8}")


def edrpou_valid(code: str) -> bool:
    """Eight digits whose last is the check digit of the state register's rule."""
    if not _EDRPOU.fullmatch(code):
        return False
    digits = [int(d) for d in code]
    weights = (
        [7, 1, 2, 3, 4, 5, 6] if 30_000_000 < int(code) < 60_000_000 else [1, 2, 3, 4, 5, 6, 7]
    )
    check = sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    if check == 10:
        check = sum(d * (w + 2) for d, w in zip(digits, weights, strict=False)) % 11
        check = 0 if check == 10 else check
    return check == digits[7]
