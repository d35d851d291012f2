"""The German side of the letter of intent (Germany, Austria, Liechtenstein)."""

from __future__ import annotations

from bot.domain.grammar.persons import Person
from bot.domain.twinning.letter_templates.foreign import ForeignLetter

# The offices a German letter greets by («Sehr geehrte Frau Oberbürgermeisterin,»), and
# their feminine, which a woman holding the office is called by.
_FEMININE = {
    "Bürgermeister": "Bürgermeisterin",
    "Oberbürgermeister": "Oberbürgermeisterin",
    "Erster Bürgermeister": "Erste Bürgermeisterin",
    "Regierender Bürgermeister": "Regierende Bürgermeisterin",
    "Bezirksbürgermeister": "Bezirksbürgermeisterin",
    "Ortsbürgermeister": "Ortsbürgermeisterin",
    "Landrat": "Landrätin",
    "Präsident": "Präsidentin",
    "Stadtpräsident": "Stadtpräsidentin",
    "Bezirkshauptmann": "Bezirkshauptfrau",
    "Amtsdirektor": "Amtsdirektorin",
    "Vorsteher": "Vorsteherin",
}
_OFFICES = {*_FEMININE, *_FEMININE.values()}


def _office(title: str | None) -> str:
    """The office a position begins with: «Oberbürgermeister» of «Oberbürgermeister der
    Stadt Jena», «Erster Bürgermeister»; German writes the office's words with a capital,
    the rest of the position («der Stadt») begins in lower case."""
    words = (title or "").split()
    taken = words[:1]
    for word in words[1:]:
        if not word[:1].isupper():
            break
        taken.append(word)
    return " ".join(taken)


def position_of(title: str, gender: str | None) -> str:
    """The position as the letter writes it: in the feminine for a woman, where the office
    was typed in the masculine («Oberbürgermeisterin der Stadt Jena»)."""
    office = _office(title)
    if gender == "f" and office in _FEMININE:
        return _FEMININE[office] + title.strip()[len(office) :]
    return title.strip()


class German(ForeignLetter):
    language = "de"
    sectors = {
        "water": "Wasserversorgung",
        "wastewater": "Abwasser",
        "energy": "Energie",
        "heating": "Wärmeversorgung",
        "health": "Gesundheit und Krankenhäuser",
        "education": "Bildung",
        "culture": "Kultur",
        "youth": "Jugend",
        "idp": "Integration von Binnenvertriebenen",
        "shelters": "Schutzräume",
        "waste": "Abfallwirtschaft",
        "reconstruction": "Wiederaufbau",
        "economy": "Wirtschaft und Investitionen",
        "digital": "digitale Dienste",
        "utilities": "kommunale Versorgung",
        "sport": "Sport",
        "tourism": "Tourismus",
        "agriculture": "Landwirtschaft",
        "environment": "Umwelt",
        "administration": "öffentliche Verwaltung",
    }
    heading = "Absichtserklärung"
    reference = "Az.: ____________ vom ____________"
    closing = "Mit freundlichen Grüßen"
    ukraine = "Ukraine"
    council = {
        "міська": "Stadtrat {name}",
        "селищна": "Siedlungsrat {name}",
        "сільська": "Gemeinderat {name}",
    }
    community = {
        "міська": "die territoriale Stadtgemeinde {name}",
        "селищна": "die territoriale Siedlungsgemeinde {name}",
        "сільська": "die territoriale Dorfgemeinde {name}",
    }
    signatory = {
        "міська": "Bürgermeister",
        "селищна": "Vorsteher der Siedlungsgemeinde",
        "сільська": "Vorsteher der Dorfgemeinde",
    }
    signatory_feminine = {
        "міська": "Bürgermeisterin",
        "селищна": "Vorsteherin der Siedlungsgemeinde",
        "сільська": "Vorsteherin der Dorfgemeinde",
    }
    countries = {"DE": "Deutschland", "AT": "Österreich", "LI": "Liechtenstein", "CH": "Schweiz"}
    law_citation = "dem Gesetz der Ukraine Nr. {number} vom {date} „{title}“"
    # After the comma of the salutation a German letter goes on in lower case.
    intent = (
        "{community} (Ukraine) möchte mit Ihrer Kommune eine Partnerschaft eingehen und die"
        " Zusammenarbeit nach {law} entwickeln"
    )
    areas_line = "Wir schlagen eine Zusammenarbeit in folgenden Bereichen vor: {areas}"
    no_areas = "Die Bereiche der Zusammenarbeit möchten wir gern gemeinsam festlegen."
    initiative = {
        "council": "Die Initiative wird durch den Beschluss Nr. {number} vom {date} unterstützt"
        " ({council})",
        "executive": "Die Initiative wird durch den Beschluss Nr. {number} vom {date} des"
        " Exekutivkomitees unterstützt ({council})",
    }
    meeting = (
        "Über ein Treffen, persönlich oder online, um die nächsten Schritte und den Entwurf"
        " einer Vereinbarung abzustimmen, würden wir uns sehr freuen."
    )
    hope = "Wir freuen uns auf eine fruchtbare Zusammenarbeit zwischen unseren Gemeinden."

    def addressed(self, head: Person) -> str:
        honorific = {"m": "Herrn ", "f": "Frau "}.get(head.gender or "", "")
        return f"{honorific}{head.given} {head.family}".strip()

    def position(self, title: str, head: Person | None) -> str:
        return position_of(title, head.gender if head else None)

    def salutation(self, head: Person | None, title: str | None) -> str:
        """By the office where it is one a German letter greets by («Sehr geehrter Herr
        Bürgermeister,»), else by the family name; without the form of address, both."""
        if head is None or head.gender not in ("m", "f"):
            return "Sehr geehrte Damen und Herren,"
        office = _office(position_of(title, head.gender)) if title else ""
        name = office if office in _OFFICES else head.family
        if head.gender == "m":
            return f"Sehr geehrter Herr {name},"
        return f"Sehr geehrte Frau {name},"
