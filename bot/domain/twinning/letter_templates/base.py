"""What every letter-of-intent template gives: the same passages in its own language.

The builder lays two templates side by side, the Ukrainian one and the partner's, passage
against passage. A template only writes text; names in a language without a grammar module
appear where that language needs no ending (address lines, after a generic noun), and the
body speaks of «your municipality» rather than declining the partner's name.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from bot.domain.grammar.persons import Person, is_cyrillic, parse_person
from bot.domain.places import transliterate as transliterate_uk
from bot.domain.twinning.document_facts import DocumentFacts
from bot.domain.twinning.legal_facts import LegalFacts


@dataclass(frozen=True)
class Letter:
    """The passages of one language's letter, in the order they are laid out."""

    letterhead: list[str]
    reference: str
    addressee: list[str]
    heading: str
    salutation: str
    body: list[str]
    closing: str
    signature: list[str]  # the signatory's position, then the name


def partner_head(facts: DocumentFacts) -> Person | None:
    """The partner's head as the partner writes the name (Latin script)."""
    name = facts.fact("partner", "head_name")
    return parse_person(str(name), facts.fact("partner", "head_gender")) if name else None


def latin_name(person: Person | None) -> str | None:
    """«Ihor SAPOZHKO»: a Ukrainian signatory's name in the official transliteration."""
    if person is None:
        return None
    given, family = person.given, person.family
    if is_cyrillic(given + family):
        given, family = transliterate_uk(given), transliterate_uk(family)
    return f"{given} {family.upper()}".strip()


def decision(facts: DocumentFacts) -> tuple[str, str, str] | None:
    """The initiative's decision as (body, ISO date, number), or None where there is none."""
    body = facts.fact("areas", "decision_body")
    day, number = facts.fact("areas", "decision_date"), facts.fact("areas", "decision_number")
    if body in ("council", "executive") and day and number:
        return str(body), str(day), str(number)
    return None


def hromada_kind(facts: DocumentFacts) -> str:
    """«міська», «селищна» or «сільська»: the kind the foreign templates translate."""
    word = facts.community.hromada.council_word().split()[0]
    return word if word in ("міська", "селищна", "сільська") else "міська"


class LetterTemplate(ABC):
    language: str  # ISO 639-1
    sectors: dict[str, str]  # sector code -> label in this language

    @abstractmethod
    def letter(self, facts: DocumentFacts, legal: LegalFacts) -> Letter: ...

    def areas(self, facts: DocumentFacts) -> list[str]:
        codes = facts.fact("areas", "sectors") or []
        return [self.sectors[code] for code in self.sectors if code in codes]
