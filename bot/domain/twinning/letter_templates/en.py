"""The English side of the letter of intent; also used where a language has no template."""

from __future__ import annotations

from bot.domain.grammar.persons import Person
from bot.domain.sectors import SECTORS
from bot.domain.twinning.letter_templates.foreign import ForeignLetter


class English(ForeignLetter):
    language = "en"
    # Sector labels mid-sentence: «water supply», but «IDP integration».
    sectors = {
        sector.code: sector.label if sector.label[:2].isupper() else sector.label.lower()
        for sector in SECTORS
    }
    heading = "Letter of intent"
    reference = "Ref. No. ____________ of ____________"
    closing = "Yours sincerely,"
    ukraine = "Ukraine"
    council = {
        "міська": "{name} City Council",
        "селищна": "{name} Settlement Council",
        "сільська": "{name} Village Council",
    }
    community = {
        "міська": "The {name} City Territorial Community",
        "селищна": "The {name} Settlement Territorial Community",
        "сільська": "The {name} Village Territorial Community",
    }
    signatory = {
        "міська": "Mayor",
        "селищна": "Head of the Settlement Community",
        "сільська": "Head of the Village Community",
    }
    countries = {
        "DE": "Germany",
        "AT": "Austria",
        "PL": "Poland",
        "LT": "Lithuania",
        "LV": "Latvia",
        "EE": "Estonia",
        "ES": "Spain",
        "FR": "France",
        "IT": "Italy",
        "SE": "Sweden",
        "NL": "the Netherlands",
        "CZ": "Czechia",
        "SK": "Slovakia",
        "HU": "Hungary",
        "RO": "Romania",
        "MD": "Moldova",
        "GB": "the United Kingdom",
        "US": "the United States",
        "FI": "Finland",
        "DK": "Denmark",
        "NO": "Norway",
        "BE": "Belgium",
        "PT": "Portugal",
        "GE": "Georgia",
    }
    law_citation = "the Law of Ukraine No. {number} of {date} “{title}”"
    intent = (
        "{community} (Ukraine) would like to establish a partnership with your municipality"
        " and to develop our cooperation under {law}"
    )
    areas_line = "We propose to cooperate in the following areas: {areas}"
    no_areas = "We would like to agree on the areas of our cooperation together."
    initiative = {
        "council": (
            "The initiative is supported by decision No. {number} of {date} of the {council}"
        ),
        "executive": (
            "The initiative is supported by decision No. {number} of {date} of the Executive"
            " Committee of the {council}"
        ),
    }
    meeting = (
        "We would welcome a meeting, in person or online, to agree on the next steps and on a"
        " draft cooperation agreement."
    )
    hope = "We look forward to a fruitful cooperation between our communities."

    def addressed(self, head: Person) -> str:
        honorific = {"m": "Mr ", "f": "Ms "}.get(head.gender or "", "")
        return f"{honorific}{head.given} {head.family}".strip()

    def salutation(self, head: Person | None, title: str | None) -> str:
        if head is None:
            return "Dear Sir or Madam,"
        if head.gender == "m":
            return f"Dear Mr {head.family},"
        if head.gender == "f":
            return f"Dear Ms {head.family},"
        return f"Dear {head.given} {head.family},"
