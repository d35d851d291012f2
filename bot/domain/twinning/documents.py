"""Documents a clerk can sign and send, filled from a partnership's facts (.docx).

- the letter of intent to the partner: Ukrainian and the partner's language side by side
  (a template per language in `bot.domain.twinning.letter_templates`, English where none exists);
- the explanatory note to the draft agreement;
- the cover letter to the ministry «Про погодження проєкту угоди…»;
- the draft council decision approving the agreement, citing the ministry's order.

The Ukrainian texts are written here in Ukrainian, not through the bot's message catalogs:
a document is in the language of its addressee whatever language the clerk reads the bot
in, and every name in it is put in its case by `bot.domain.grammar`. Layout and requisites follow
ДСТУ 4163:2020 (`bot.domain.official_docx`). What the bot does not know stays a blank line to fill
in by hand; nothing is invented.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from bot.domain.aid.model import from_minor
from bot.domain.grammar.declension import Case, decline_phrase, with_number
from bot.domain.grammar.persons import Person, parse_person, position
from bot.domain.grammar.places import country_official
from bot.domain.official_text import BLANK_DATE, BLANK_NUMBER, sentence
from bot.domain.twinning.document_facts import DocumentFacts, partner_language
from bot.domain.twinning.legal_facts import LegalFacts
from bot.domain.twinning.letter_templates import TEMPLATES, template_for
from bot.domain.twinning.letter_templates.uk import SECTORS as SECTORS_UK
from bot.domain.twinning.letter_templates.uk import (
    capitalized,
    cite,
    decision_body,
    numeric,
    signatory,
)
from bot.domain.twinning.workflow import ministry_rounds

if TYPE_CHECKING:
    from bot.domain.official_docx import OfficialDocument

UKRAINIAN = "uk"
BLANK = "____________"

AGREEMENT_KINDS = {
    "twinning": "угода про побратимство",
    "cooperation": "угода про співробітництво",
    "memorandum": "меморандум про співробітництво",
}
DEFAULT_KIND = "угода про співробітництво"

# The partner's official language as the cover letter names it («литовською мовою»).
AGREEMENT_LANGUAGES = {
    "DE": "німецькою",
    "AT": "німецькою",
    "CH": "німецькою",
    "LI": "німецькою",
    "PL": "польською",
    "LT": "литовською",
    "LV": "латиською",
    "EE": "естонською",
    "ES": "іспанською",
    "FR": "французькою",
    "IT": "італійською",
    "SE": "шведською",
    "NL": "нідерландською",
    "CZ": "чеською",
    "SK": "словацькою",
    "HU": "угорською",
    "RO": "румунською",
    "MD": "румунською",
    "GB": "англійською",
    "IE": "англійською",
    "US": "англійською",
    "CA": "англійською",
    "FI": "фінською",
    "DK": "данською",
    "NO": "норвезькою",
    "PT": "португальською",
    "GE": "грузинською",
    "BG": "болгарською",
    "HR": "хорватською",
    "SI": "словенською",
    "GR": "грецькою",
}

CHANNELS = {
    "letter": "лист про наміри",
    "visit": "візит",
    "association": "через асоціацію",
    "search": "через пошук партнерів",
    "existing": "наявний контакт",
}

# Who concludes the agreement on the partner's side, by its kind of authority.
AUTHORITIES = {
    "county": "орган регіонального самоврядування",
    "region": "орган регіонального самоврядування",
}
LOCAL_AUTHORITY = "орган місцевого самоврядування"

# Characters of 14-point text on one sheet with the standard margins: for the sheet count
# of the explanatory note in the cover letter's list of attachments.
CHARACTERS_PER_SHEET = 1900


# --- phrases ------------------------------------------------------------------------------


def agreement(facts: DocumentFacts, case: Case) -> str:
    """«угоди про співробітництво» in `case`, by the kind recorded for the draft."""
    kind = AGREEMENT_KINDS.get(str(facts.fact("draft", "agreement_kind")), DEFAULT_KIND)
    return decline_phrase(kind, case) or kind


def between(facts: DocumentFacts) -> str:
    """«між Долинською міською територіальною громадою (Україна) та Шяуляйським районом
    (Литовська Республіка)»."""
    own = facts.community.hromada.title(Case.INSTRUMENTAL)
    return f"між {own} (Україна) та {facts.partner.authority.title(Case.INSTRUMENTAL)}"


def agreement_title(facts: DocumentFacts, case: Case) -> str:
    return f"{agreement(facts, case)} {between(facts)}"


def areas_uk(facts: DocumentFacts) -> list[str]:
    codes = facts.fact("areas", "sectors") or []
    return [label for code, label in SECTORS_UK.items() if code in codes]


def money(minor: int) -> str:
    return format_decimal(from_minor(minor), format="#,##0.00", locale="uk_UA")


def sheets(count: int | None) -> str:
    return f"на {count if count else BLANK} арк."


def _date(value: object) -> str:
    return numeric(str(value)) if value else BLANK_DATE


def _head_in(facts: DocumentFacts, case: Case) -> str:
    """The community's head as a sentence needs: «міського голову Івана ДИРІВА»."""
    requisites = facts.requisites
    title = requisites.head_position
    declined = (position(title, case) if title else None) or facts.community.hromada.head_title(
        case
    )
    name = requisites.head.official(case) if requisites.head else None
    return f"{declined} {name or BLANK}"


def _executor(document: OfficialDocument, facts: DocumentFacts, gap: int = 2) -> None:
    requisites = facts.requisites
    name = requisites.executor.official() if requisites.executor else None
    document.executor(name or BLANK, requisites.executor_phone or BLANK, gap=gap)


def _issuer(document: OfficialDocument, facts: DocumentFacts) -> None:
    lines = [facts.community.hromada.council()]
    if facts.community.region_uk:
        lines.append(decline_phrase(facts.community.region_uk, Case.GENITIVE) or "")
    document.issuer([line for line in lines if line], facts.requisites.contacts())


def _new(facts: DocumentFacts, title: str) -> OfficialDocument:
    # python-docx loads with the first document asked for, not at every start of the bot.
    from bot.domain.official_docx import OfficialDocument

    return OfficialDocument(
        lang=UKRAINIAN,
        title=title,
        author=facts.community.hromada.council(),
        subject=agreement_title(facts, Case.NOMINATIVE),
        today=facts.today,
    )


# --- the letter of intent -----------------------------------------------------------------


def letter_of_intent(facts: DocumentFacts, legal: LegalFacts) -> bytes:
    """Ukrainian on the left, the partner's language on the right, passage by passage."""
    ours = TEMPLATES[UKRAINIAN].letter(facts, legal)
    theirs_template = template_for(partner_language(facts.partner.country_code))
    theirs = theirs_template.letter(facts, legal)
    document = _new(facts, f"{ours.heading} / {theirs.heading}")
    contacts = facts.requisites.contacts()
    rows: list[tuple[list[str], list[str]]] = [
        (
            [ours.letterhead[0].upper(), *ours.letterhead[1:]],
            [theirs.letterhead[0].upper(), *theirs.letterhead[1:]],
        ),
    ]
    if contacts:
        rows.append(([contacts], [contacts]))
    rows += [
        ([ours.reference], [theirs.reference]),
        (ours.addressee, theirs.addressee),
        ([ours.heading], [theirs.heading]),
        ([ours.salutation], [theirs.salutation]),
        *document.pair(ours.body, theirs.body),
        ([ours.closing], [theirs.closing]),
        (ours.signature, theirs.signature),
    ]
    document.side_by_side(rows, theirs_template.language)
    _executor(document, facts, gap=1)
    return document.to_bytes()


# --- the explanatory note -----------------------------------------------------------------


def _partner_lines(facts: DocumentFacts) -> list[str]:
    partner = facts.partner
    authority = AUTHORITIES.get(partner.authority.kind or "", LOCAL_AUTHORITY)
    lines = [
        sentence(
            f"Партнер — {partner.authority.title(country=False)}"
            f" ({country_official(partner.country_code)}); від імені партнера угоду укладає"
            f" {authority}"
        )
    ]
    if partner.population:
        people = with_number(partner.population, "особа")
        count, noun = people.split(" ", 1)
        lines.append(
            f"Чисельність населення — {format_decimal(int(count), locale='uk_UA')} {noun}."
        )
    head = facts.fact("partner", "head_name_uk") or facts.fact("partner", "head_name")
    title = facts.fact("partner", "head_position_uk") or facts.fact("partner", "head_position")
    person = parse_person(str(head)) if head else None
    if person is not None:
        lines.append(sentence(f"Керівник: {person.official()}" + (f", {title}" if title else "")))
    contact, channel = (
        facts.fact("partner", "contact_date"),
        facts.fact("partner", "contact_channel"),
    )
    if contact:
        how = f", {CHANNELS[channel]}" if channel in CHANNELS else ""
        lines.append(f"Перший контакт: {numeric(contact)}{how}.")
    return lines


def _log_lines(facts: DocumentFacts) -> list[str]:
    log = facts.log
    if not log.aid_records and not log.visits:
        return ["Спільних заходів у журналі допомоги та візитів ще не зафіксовано."]
    parts = []
    if log.aid_records:
        value = "; ".join(f"{money(v)} {c}" for c, v in log.aid_value.items())
        total = f" на загальну суму {value}" if value else ""
        parts.append(f"{with_number(log.aid_records, 'надходження')} допомоги{total}")
    if log.visits:
        parts.append(f"{with_number(log.visits, 'візит')} делегацій")
    years = sorted(log.visits_by_year)
    span = f" (візити {years[0]}–{years[-1]} років)" if len(years) > 1 else ""
    return [sentence(f"У журналі співпраці зафіксовано {' та '.join(parts)}{span}")]


def _finance(facts: DocumentFacts) -> str:
    finance = facts.fact("draft", "finance")
    if finance == "none":
        return "Реалізація угоди не потребує додаткових видатків з місцевого бюджету."
    described = facts.fact("draft", "finance_text")
    return sentence(str(described)) if finance == "described" and described else BLANK


def _legal_basis(legal: LegalFacts) -> str:
    acts = [legal.act(key) for key in ("local_self_government", "law", "registration_procedure")]
    return sentence("; ".join(cite(act, Case.NOMINATIVE) for act in acts))


def note_sections(facts: DocumentFacts, legal: LegalFacts) -> list[tuple[str, list[str]]]:
    purpose = facts.fact("draft", "note")
    found = facts.fact("areas", "decision_body")
    purpose_lines = [sentence(str(purpose)) if purpose else BLANK]
    if found in ("council", "executive") and facts.fact("areas", "decision_number"):
        purpose_lines.append(
            sentence(
                "Ініціативу підтримано рішенням"
                f" {decision_body(facts, str(found), Case.GENITIVE)}"
                f" від {_date(facts.fact('areas', 'decision_date'))}"
                f" № {facts.fact('areas', 'decision_number')}"
            )
        )
    areas = areas_uk(facts)
    expected = facts.fact("draft", "expected_results")
    return [
        ("1. Обґрунтування необхідності укладення угоди", purpose_lines),
        ("2. Відомості про партнера", _partner_lines(facts)),
        ("3. Сфери співробітництва", [sentence(capitalized(", ".join(areas))) if areas else BLANK]),
        ("4. Що вже зроблено", _log_lines(facts)),
        ("5. Очікувані результати", [sentence(str(expected)) if expected else BLANK]),
        ("6. Фінансово-економічне обґрунтування", [_finance(facts)]),
        ("7. Правові підстави", [_legal_basis(legal)]),
    ]


def note_sheets(facts: DocumentFacts, legal: LegalFacts) -> int:
    """Sheets the explanatory note takes, for the list of attachments."""
    text = sum(len(h) + sum(len(p) for p in ps) for h, ps in note_sections(facts, legal))
    return max(1, math.ceil((text + 600) / CHARACTERS_PER_SHEET))


def explanatory_note(facts: DocumentFacts, legal: LegalFacts) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = _new(facts, "Пояснювальна записка")
    _issuer(document, facts)
    document.centered("ПОЯСНЮВАЛЬНА ЗАПИСКА", bold=True)
    document.centered(f"до проєкту {agreement_title(facts, Case.GENITIVE)}")
    document.blank()
    for heading, paragraphs in note_sections(facts, legal):
        document.paragraph(heading, bold=True, indent=True)
        document.body(paragraphs)
    document.signature(*signatory(facts))
    document.paragraph(BLANK_DATE, align=WD_ALIGN_PARAGRAPH.LEFT)
    _executor(document, facts)
    return document.to_bytes()


# --- the cover letter to the ministry -----------------------------------------------------


def _minister_lines(legal: LegalFacts) -> list[str]:
    minister = legal.minister
    if minister is None:
        return [legal.ministry(UKRAINIAN)]
    title = minister.position.get(UKRAINIAN, "")
    parts = [position(part.strip(), Case.DATIVE) or part.strip() for part in title.split("—")]
    person = Person(minister.given_name, minister.family_name, minister.gender)
    name = person.official(Case.DATIVE) or person.official() or ""
    return [capitalized(" — ".join(parts)), name]


def cover_attachments(facts: DocumentFacts, legal: LegalFacts) -> list[str]:
    language = AGREEMENT_LANGUAGES.get(facts.partner.country_code.upper())
    languages = (
        f"українською та {language} мовами" if language else "українською мовою та мовою партнера"
    )
    count = facts.fact("draft", "sheets")
    items = [
        f"Проєкт {agreement(facts, Case.GENITIVE)} {languages} {sheets(_int(count))} в 1 прим.",
        f"Пояснювальна записка {sheets(note_sheets(facts, legal))} в 1 прим.",
    ]
    body = facts.fact("areas", "decision_body")
    if body in ("council", "executive") and facts.fact("areas", "decision_number"):
        items.append(
            f"Копія рішення {decision_body(facts, str(body), Case.GENITIVE)}"
            f" від {_date(facts.fact('areas', 'decision_date'))}"
            f" № {facts.fact('areas', 'decision_number')} {sheets(None)} в 1 прим."
        )
    return items


def _int(value: object) -> int | None:
    digits = re.sub(r"\D", "", str(value or ""))
    return int(digits) if digits else None


def ministry_cover_letter(facts: DocumentFacts, legal: LegalFacts) -> bytes:
    hromada, partner = facts.community.hromada, facts.partner.authority
    document = _new(facts, "Про погодження проєкту угоди")
    _issuer(document, facts)
    document.outgoing()
    document.addressee(_minister_lines(legal))
    document.heading(
        f"Про погодження проєкту {agreement(facts, Case.GENITIVE)}"
        f" з {partner.title(Case.INSTRUMENTAL)}"
    )
    paragraphs = [
        sentence(
            f"Відповідно до {cite(legal.act('law'), Case.GENITIVE)} {hromada.council()} подає"
            f" на погодження проєкт {agreement_title(facts, Case.GENITIVE)}"
        )
    ]
    drafted = facts.fact("draft", "draft_date")
    areas = areas_uk(facts)
    if drafted or areas:
        parts = []
        if drafted:
            parts.append(f"Проєкт узгоджено з партнером {numeric(drafted)}")
        if areas:
            parts.append(f"співробітництво передбачено у сферах: {', '.join(areas)}")
        paragraphs.append(sentence(capitalized("; ".join(parts))))
    for past in ministry_rounds(facts.facts.get("ministry", {}))[:-1]:
        returned = f", повернутого {numeric(past.returned)}" if past.returned else ""
        remarks = f" ({past.remarks.rstrip('.')})" if past.remarks else ""
        paragraphs.append(
            sentence(
                "Проєкт доопрацьовано з урахуванням зауважень Міністерства до проєкту, поданого"
                f" {numeric(past.submitted) if past.submitted else BLANK_DATE}{returned}{remarks}"
            )
        )
    body = facts.fact("areas", "decision_body")
    if body in ("council", "executive") and facts.fact("areas", "decision_number"):
        paragraphs.append(
            sentence(
                "Ініціативу встановлення партнерських відносин підтримано рішенням"
                f" {decision_body(facts, str(body), Case.GENITIVE)}"
                f" від {_date(facts.fact('areas', 'decision_date'))}"
                f" № {facts.fact('areas', 'decision_number')}"
            )
        )
    paragraphs.append("Просимо погодити проєкт угоди.")
    document.body(paragraphs)
    document.attachments(cover_attachments(facts, legal))
    document.signature(*signatory(facts))
    _executor(document, facts)
    return document.to_bytes()


# --- the draft council decision -----------------------------------------------------------


def council_decision(facts: DocumentFacts, legal: LegalFacts) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    hromada = facts.community.hromada
    document = _new(facts, "Проєкт рішення")
    document.paragraph("ПРОЄКТ", align=WD_ALIGN_PARAGRAPH.RIGHT, bold=True)
    document.centered("УКРАЇНА", bold=True)
    _issuer(document, facts)
    document.centered(f"{BLANK} сесія {BLANK} скликання")
    document.centered("РІШЕННЯ", bold=True)
    document.blank()
    document.paragraph(f"від {BLANK_DATE} № {BLANK_NUMBER}", align=WD_ALIGN_PARAGRAPH.LEFT)
    place = hromada.place_of_issue()
    if place:
        document.paragraph(place, align=WD_ALIGN_PARAGRAPH.LEFT)
    document.blank()
    document.heading(f"Про схвалення проєкту {agreement_title(facts, Case.GENITIVE)}")
    order_number = facts.fact("ministry", "order_number")
    order_date = facts.fact("ministry", "order_date")
    ministry = decline_phrase(legal.ministry(UKRAINIAN), Case.GENITIVE) or legal.ministry(UKRAINIAN)
    document.body(
        [
            f"Відповідно до {cite(legal.act('local_self_government'), Case.GENITIVE)},"
            f" {cite(legal.act('law'), Case.GENITIVE)}, враховуючи наказ {ministry}"
            f" від {_date(order_date)} № {order_number or BLANK_NUMBER} про погодження проєкту"
            f" угоди, з метою розвитку міжнародного територіального співробітництва"
            f" {hromada.title(Case.GENITIVE)} {hromada.council_word()}",
        ]
    )
    document.paragraph("ВИРІШИЛА:", bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, space_before=6)
    registration = legal.act("registration_procedure")
    document.body(
        [
            sentence(f"1. Схвалити проєкт {agreement_title(facts, Case.GENITIVE)}, що додається"),
            sentence(
                f"2. Уповноважити {_head_in(facts, Case.ACCUSATIVE)} підписати угоду від імені"
                f" {hromada.title(Case.GENITIVE)}"
            ),
            sentence(
                f"3. Після підписання подати угоду до {ministry} для реєстрації відповідно до"
                f" {cite(registration, Case.GENITIVE)}"
            ),
            f"4. Контроль за виконанням цього рішення покласти на {BLANK}.",
        ]
    )
    count = _int(facts.fact("draft", "sheets"))
    document.attachments([f"проєкт угоди {sheets(count)}"])
    document.signature(*signatory(facts))
    document.blank()
    document.paragraph("Проєкт підготував:", align=WD_ALIGN_PARAGRAPH.LEFT, size=None)
    _executor(document, facts)
    return document.to_bytes()


# --- the registry -------------------------------------------------------------------------

Builder = Callable[[DocumentFacts, LegalFacts], bytes]


@dataclass(frozen=True)
class DocumentKind:
    slug: str  # the document's part of the file name
    build: Builder


DOCUMENTS: dict[str, DocumentKind] = {
    "letter": DocumentKind("letter-of-intent", letter_of_intent),
    "note": DocumentKind("explanatory-note", explanatory_note),
    "cover": DocumentKind("ministry-cover-letter", ministry_cover_letter),
    "decision": DocumentKind("draft-council-decision", council_decision),
}


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-") or "partner"


def file_name(key: str, facts: DocumentFacts) -> str:
    """«letter-of-intent_Dolyna-Siauliu-rajono-savivaldybe.docx»: which document, which
    partnership, in Latin letters every mail system passes unchanged."""
    pair = f"{_ascii(facts.community.name_latin)}-{_ascii(facts.partner.name)}"
    return f"{DOCUMENTS[key].slug}_{pair}.docx"


def build(key: str, facts: DocumentFacts, legal: LegalFacts) -> bytes:
    return DOCUMENTS[key].build(facts, legal)
