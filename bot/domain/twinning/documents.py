"""Draft documents a clerk finishes in a word processor, filled from a partnership's facts.

Three .docx files: the initiative letter of intent to the partner (in Ukrainian and the
partner's language: German, Polish, or English for the others), the outline of the
explanatory note and the cover letter to the ministry (both in Ukrainian, the language the
ministry works in). Gaps the bot cannot fill are left as blanks to complete by hand. Dates
are numeric (25.03.2026), as in official correspondence.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from bot.domain.sectors import sector_labels
from bot.domain.twinning.legal_facts import LegalFacts
from bot.domain.twinning.workflow import step_by_code
from bot.i18n import I18n, Translator

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

BLANK = "____________"
UKRAINIAN = "uk"  # the community's side of every document and the ministry's language


@dataclass(frozen=True)
class DocumentFacts:
    """Names in each language and the saved facts of every step (ISO dates as strings)."""

    community: dict[str, str]  # lang -> name
    partner: dict[str, str]
    facts: dict[str, dict[str, Any]]
    today: date
    # The Ukrainian community's official form (lang -> «Долинська міська територіальна
    # громада, Калуський район, ...») and KATOTTG code, for the sender's block.
    official: dict[str, str] | None = None
    katottg: str | None = None
    partner_language: str = "en"  # the language of the partner's side of the letter


def _sender(document: DocxDocument, t: Translator, facts: DocumentFacts) -> None:
    """The community's official form and code under «From:», as the council writes them."""
    official = (facts.official or {}).get(t.lang)
    if official:
        document.add_paragraph(official)
    if facts.katottg:
        document.add_paragraph(t._("KATOTTG code: {code}", code=facts.katottg))


def _fact(facts: DocumentFacts, step: str, key: str) -> Any:
    return facts.facts.get(step, {}).get(key)


def _date(t: Translator, value: str | None) -> str:
    return t.numeric_date(date.fromisoformat(value)) if value else BLANK


def _choice(t: Translator, step: str, key: str, value: str | None) -> str:
    found = step_by_code(step)
    field = found.field(key) if found else None
    label = field.choice_label(value) if field and value else None
    return t._(label) if label else BLANK


def _areas(t: Translator, facts: DocumentFacts) -> str:
    labels = sector_labels(_fact(facts, "areas", "sectors") or [], t)
    return ", ".join(labels) if labels else BLANK


def _new_document(title: str) -> DocxDocument:
    # python-docx (with lxml) is loaded with the first document, not at every start.
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    heading = document.add_heading(title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return document


def _bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _decision(t: Translator, facts: DocumentFacts) -> str:
    return t._(
        "decision of the {body} No. {number} of {date}",
        body=_choice(t, "areas", "decision_body", _fact(facts, "areas", "decision_body")),
        number=_fact(facts, "areas", "decision_number") or BLANK,
        date=_date(t, _fact(facts, "areas", "decision_date")),
    )


def _letter_section(
    document: DocxDocument, t: Translator, facts: DocumentFacts, legal: LegalFacts
) -> None:
    lang = t.lang
    community, partner = facts.community[lang], facts.partner[lang]
    document.add_heading(t._("Letter of intent"), level=2)
    document.add_paragraph(t._("To: {partner}", partner=partner))
    document.add_paragraph(t._("From: {community}, Ukraine", community=community))
    _sender(document, t, facts)
    document.add_paragraph(t._("Date: {date}", date=t.numeric_date(facts.today)))
    document.add_paragraph(
        t._(
            "{community} expresses its intention to establish a twinning partnership with"
            " {partner}, as provided by {law}.",
            community=community,
            partner=partner,
            law=legal.text("law", lang),
        )
    )
    document.add_paragraph(
        t._("We propose to cooperate in these areas: {areas}.", areas=_areas(t, facts))
    )
    if _fact(facts, "areas", "decision_number"):
        document.add_paragraph(
            t._("The initiative is supported by the {decision}.", decision=_decision(t, facts))
        )
    document.add_paragraph(
        t._(
            "We would welcome a meeting, in person or online, to agree on the next steps and"
            " on a draft agreement."
        )
    )
    document.add_paragraph(t._("Respectfully,"))
    document.add_paragraph(t._("Mayor of {community}: {blank}", community=community, blank=BLANK))


def letter_of_intent(i18n: I18n, facts: DocumentFacts, legal: LegalFacts) -> bytes:
    """The Ukrainian side first, then the same letter in the partner's language."""
    sides = [i18n.get(UKRAINIAN), i18n.get(facts.partner_language)]
    document = _new_document(" / ".join(t._("Letter of intent") for t in sides))
    _letter_section(document, sides[0], facts, legal)
    document.add_page_break()
    _letter_section(document, sides[1], facts, legal)
    return _bytes(document)


def explanatory_note(i18n: I18n, facts: DocumentFacts, legal: LegalFacts) -> bytes:
    t = i18n.get(UKRAINIAN)
    lang = t.lang
    community, partner = facts.community[lang], facts.partner[lang]
    kind = _choice(t, "draft", "agreement_kind", _fact(facts, "draft", "agreement_kind"))
    document = _new_document(t._("Explanatory note"))
    document.add_paragraph(
        t._(
            "to the draft {kind} between {community} (Ukraine) and {partner}",
            kind=kind,
            community=community,
            partner=partner,
        )
    )
    sections: list[tuple[str, list[str]]] = [
        (
            t._("1. Why the agreement is needed"),
            [_fact(facts, "draft", "note") or BLANK],
        ),
        (
            t._("2. The partner"),
            [
                t._("{partner}: a local or regional authority abroad.", partner=partner),
                t._(
                    "First contact: {date}, {channel}.",
                    date=_date(t, _fact(facts, "partner", "contact_date")),
                    channel=_choice(
                        t, "partner", "contact_channel", _fact(facts, "partner", "contact_channel")
                    ),
                ),
            ],
        ),
        (t._("3. Areas of cooperation"), [_areas(t, facts)]),
        (t._("4. Decision of the community"), [_decision(t, facts)]),
        (
            t._("5. The draft"),
            [
                t._(
                    "Agreed with the partner on {date}.",
                    date=_date(t, _fact(facts, "draft", "draft_date")),
                )
            ],
        ),
        (t._("6. Expected results"), [BLANK]),
        (t._("7. Financial implications"), [BLANK]),
        (t._("8. Legal basis"), [legal.text("law", lang)]),
    ]
    for heading, paragraphs in sections:
        document.add_heading(heading, level=2)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    return _bytes(document)


def ministry_cover_letter(i18n: I18n, facts: DocumentFacts, legal: LegalFacts) -> bytes:
    t = i18n.get(UKRAINIAN)
    lang = t.lang
    community, partner = facts.community[lang], facts.partner[lang]
    kind = _choice(t, "draft", "agreement_kind", _fact(facts, "draft", "agreement_kind"))
    document = _new_document(t._("Cover letter"))
    document.add_paragraph(t._("To: {ministry}", ministry=legal.ministry(lang)))
    document.add_paragraph(t._("From: {community}", community=community))
    _sender(document, t, facts)
    document.add_paragraph(t._("Date: {date}", date=t.numeric_date(facts.today)))
    document.add_paragraph(
        t._(
            "Re: approval of the draft {kind} between {community} and {partner}",
            kind=kind,
            community=community,
            partner=partner,
        )
    )
    document.add_paragraph(
        t._(
            "In accordance with {law}, {community} submits for approval the draft {kind} with"
            " {partner}, agreed with the partner on {date}, in the areas of: {areas}.",
            law=legal.text("law", lang),
            community=community,
            kind=kind,
            partner=partner,
            date=_date(t, _fact(facts, "draft", "draft_date")),
            areas=_areas(t, facts),
        )
    )
    document.add_paragraph(
        t._("The initiative rests on the {decision}.", decision=_decision(t, facts))
    )
    document.add_paragraph(t._("Attachments:"))
    for attachment in (
        t._("the draft agreement in Ukrainian and in the partner's language"),
        t._("the explanatory note"),
        t._("a copy of the decision of the community"),
    ):
        document.add_paragraph(attachment, style="List Bullet")
    document.add_paragraph(t._("Mayor of {community}: {blank}", community=community, blank=BLANK))
    return _bytes(document)


Builder = Callable[[I18n, DocumentFacts, LegalFacts], bytes]
DOCUMENTS: dict[str, tuple[str, Builder]] = {
    "letter": ("letter-of-intent.docx", letter_of_intent),
    "note": ("explanatory-note.docx", explanatory_note),
    "cover": ("ministry-cover-letter.docx", ministry_cover_letter),
}
