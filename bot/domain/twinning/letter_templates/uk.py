"""The Ukrainian side of the letter of intent: every name in the case its sentence needs."""

from __future__ import annotations

from datetime import date

from bot.domain.grammar.declension import Case, decline_phrase
from bot.domain.grammar.persons import Person, is_cyrillic, parse_person, position
from bot.domain.official_text import BLANK_DATE, BLANK_NUMBER, sentence
from bot.domain.twinning.document_facts import DocumentFacts
from bot.domain.twinning.legal_facts import Act, LegalFacts
from bot.domain.twinning.letter_templates.base import Letter, LetterTemplate, decision

SECTORS = {
    "water": "водопостачання",
    "wastewater": "водовідведення",
    "energy": "енергетика",
    "heating": "теплопостачання",
    "health": "охорона здоров’я",
    "education": "освіта",
    "culture": "культура",
    "youth": "молодіжна політика",
    "idp": "інтеграція внутрішньо переміщених осіб",
    "shelters": "укриття",
    "waste": "поводження з відходами",
    "reconstruction": "відбудова",
    "economy": "економіка та інвестиції",
    "digital": "цифрові послуги",
    "utilities": "житлово-комунальне господарство",
    "sport": "спорт",
    "tourism": "туризм",
    "agriculture": "сільське господарство",
    "environment": "охорона довкілля",
    "administration": "публічне управління",
}


def numeric(day: date | str) -> str:
    value = date.fromisoformat(day) if isinstance(day, str) else day
    return value.strftime("%d.%m.%Y")


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def cite(act: Act, case: Case) -> str:
    """«Закону України від 24.04.2024 № 3668-IX «Про міжнародне територіальне ...»»."""
    kind = decline_phrase(act.kind, case) or act.kind
    return f"{kind} від {numeric(act.date)} № {act.number} «{act.title}»"


def decision_body(facts: DocumentFacts, body: str, case: Case) -> str:
    """«Долинської міської ради», «виконавчого комітету Долинської міської ради»."""
    hromada = facts.community.hromada
    if body == "executive":
        return hromada.executive_committee(case)[:1].lower() + hromada.executive_committee(case)[1:]
    return hromada.council(case)


def head_uk(facts: DocumentFacts) -> Person | None:
    """The partner's head with the name in Ukrainian letters where it was given."""
    name = facts.fact("partner", "head_name_uk") or facts.fact("partner", "head_name")
    return parse_person(str(name), facts.fact("partner", "head_gender")) if name else None


def signatory(facts: DocumentFacts) -> tuple[str, str]:
    """The community's signatory: «Міський голова», «Іван ДИРІВ» (blanks where unknown)."""
    requisites = facts.requisites
    title = requisites.head_position or facts.community.hromada.head_title()
    name = requisites.head.official() if requisites.head else None
    return capitalized(title), name or "____________"


class Ukrainian(LetterTemplate):
    language = "uk"
    sectors = SECTORS

    def letter(self, facts: DocumentFacts, legal: LegalFacts) -> Letter:
        hromada, partner = facts.community.hromada, facts.partner.authority
        letterhead = [hromada.council()]
        if facts.community.region_uk:
            letterhead.append(decline_phrase(facts.community.region_uk, Case.GENITIVE) or "")
        body = [
            sentence(
                f"{hromada.title()} (Україна) висловлює намір встановити партнерські"
                f" відносини з {partner.title(Case.INSTRUMENTAL)} та розвивати співробітництво"
                f" відповідно до {cite(legal.act('law'), Case.GENITIVE)}"
            ),
        ]
        areas = self.areas(facts)
        body.append(
            sentence(f"Пропонуємо співпрацю у таких сферах: {', '.join(areas)}")
            if areas
            else "Сфери співпраці пропонуємо визначити спільно."
        )
        found = decision(facts)
        if found is not None:
            body_code, day, number = found
            by = decision_body(facts, body_code, Case.GENITIVE)
            body.append(
                sentence(f"Ініціативу підтримано рішенням {by} від {numeric(day)} № {number}")
            )
        body += [
            "Будемо раді зустрічі, особисто або в режимі онлайн, щоб узгодити подальші кроки"
            " та проєкт угоди про співробітництво.",
            "Сподіваємося на плідну співпрацю між нашими громадами.",
        ]
        return Letter(
            letterhead=letterhead,
            reference=f"{BLANK_DATE} № {BLANK_NUMBER}",
            addressee=self.addressee(facts),
            heading="Про встановлення партнерських відносин",
            salutation=self.salutation(facts),
            body=body,
            closing="З повагою",
            signature=list(signatory(facts)),
        )

    def addressee(self, facts: DocumentFacts) -> list[str]:
        """The head in the dative (position, then name); the partner itself where unknown."""
        partner = facts.partner.authority
        head = head_uk(facts)
        title = facts.fact("partner", "head_position_uk")
        lines: list[str] = []
        declined_title = position(str(title), Case.DATIVE) if title else None
        declined_name = head.official(Case.DATIVE) if head else None
        if declined_title:
            lines.append(capitalized(declined_title))
        else:
            lines.append(capitalized(partner.title()))
        if declined_name:
            lines.append(declined_name)
        return lines

    def salutation(self, facts: DocumentFacts) -> str:
        """«Шановний пане Томасе!», «Шановна пані Інгрід!»; «Шановні колеги!» otherwise."""
        head = head_uk(facts)
        if head is None or not is_cyrillic(head.given):
            return "Шановні колеги!"
        given = Person(head.given, "", head.gender).official(Case.VOCATIVE)
        gender = head.grammatical_gender
        if gender == "masculine" and given:
            return f"Шановний пане {given}!"
        if gender == "feminine" and given:
            return f"Шановна пані {given}!"
        return "Шановні колеги!"
