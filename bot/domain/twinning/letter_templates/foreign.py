"""The shape every partner-language template shares: passages built from a few phrases.

A language's template (`en.py`, `de.py`, ...) fills in its phrases and the rules of its
salutation; adding a language is adding one such module and naming it in `TEMPLATES`.
"""

from __future__ import annotations

from abc import abstractmethod
from datetime import date

from bot.domain.grammar.persons import Person
from bot.domain.official_text import sentence
from bot.domain.twinning.document_facts import DocumentFacts
from bot.domain.twinning.legal_facts import LegalFacts
from bot.domain.twinning.letter_templates.base import (
    Letter,
    LetterTemplate,
    decision,
    hromada_kind,
    latin_name,
    partner_head,
)


class ForeignLetter(LetterTemplate):
    """Phrases with named placeholders; `{community}` is the community in this language."""

    date_format = "%d.%m.%Y"
    heading: str
    reference: str
    closing: str
    ukraine: str
    # By the hromada's kind (міська, селищна, сільська): the council as the letterhead
    # names it, the community in the first sentence, the signatory's position.
    council: dict[str, str]
    community: dict[str, str]
    signatory: dict[str, str]
    # The signatory's position where a woman signs, in languages that say it otherwise.
    signatory_feminine: dict[str, str] = {}
    countries: dict[str, str]  # ISO code -> the country's name in this language
    intent: str  # {community}, {law}
    areas_line: str  # {areas}
    no_areas: str
    initiative: dict[str, str]  # decision body -> sentence with {number}, {date}, {council}
    meeting: str
    hope: str
    law_citation: str  # {number}, {date}, {title}

    def day(self, value: date | str) -> str:
        day = date.fromisoformat(value) if isinstance(value, str) else value
        return day.strftime(self.date_format)

    def law(self, legal: LegalFacts) -> str:
        """The law's citation in this language, with its title in this language's quotes."""
        act = legal.act("law")
        return self.law_citation.format(
            number=act.number,
            date=self.day(act.date),
            title=act.titles.get(self.language, act.title),
        )

    def letter(self, facts: DocumentFacts, legal: LegalFacts) -> Letter:
        kind = hromada_kind(facts)
        seat = facts.community.name_latin
        community = self.community[kind].format(name=seat)
        body = [sentence(self.intent.format(community=community, law=self.law(legal)))]
        areas = self.areas(facts)
        body.append(
            sentence(self.areas_line.format(areas=", ".join(areas))) if areas else self.no_areas
        )
        found = decision(facts)
        if found is not None:
            body_code, day, number = found
            council = self.council[kind].format(name=seat)
            body.append(
                sentence(
                    self.initiative[body_code].format(
                        number=number, date=self.day(day), council=council
                    )
                )
            )
        body += [self.meeting, self.hope]
        head = partner_head(facts)
        signature_name = latin_name(facts.requisites.head) or "____________"
        return Letter(
            letterhead=self.letterhead(kind, seat),
            reference=self.reference,
            addressee=self.addressee(facts, head),
            heading=self.heading,
            salutation=self.salutation(head, facts.fact("partner", "head_position")),
            body=body,
            closing=self.closing,
            signature=[self.signatory_of(kind, facts.requisites.head), signature_name],
        )

    def signatory_of(self, kind: str, head: Person | None) -> str:
        if head is not None and head.grammatical_gender == "feminine":
            return self.signatory_feminine.get(kind, self.signatory[kind])
        return self.signatory[kind]

    def letterhead(self, kind: str, seat: str) -> list[str]:
        return [self.council[kind].format(name=seat), self.ukraine]

    def country(self, facts: DocumentFacts) -> str:
        code = facts.partner.country_code
        return self.countries.get(code, code)

    def addressee(self, facts: DocumentFacts, head: Person | None) -> list[str]:
        lines = []
        if head is not None:
            lines.append(self.addressed(head))
        title = facts.fact("partner", "head_position")
        if title:
            lines.append(self.position(str(title), head))
        return [*lines, facts.partner.name, self.country(facts)]

    def position(self, title: str, head: Person | None) -> str:
        """The partner head's position as this language writes it for that person."""
        return title

    def addressed(self, head: Person) -> str:
        """The head's name line of the address block."""
        return f"{head.given} {head.family}".strip()

    @abstractmethod
    def salutation(self, head: Person | None, title: str | None) -> str:
        """The greeting line, by the head's name, position and form of address if known."""
