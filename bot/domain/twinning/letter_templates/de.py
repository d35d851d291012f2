"""The German side of the letter of intent (Germany, Austria, Liechtenstein)."""

from __future__ import annotations

from bot.domain.grammar.persons import Person
from bot.domain.twinning.letter_templates.foreign import ForeignLetter


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

    def salutation(self, head: Person | None, title: str | None) -> str:
        if head is None or head.gender not in ("m", "f"):
            return "Sehr geehrte Damen und Herren,"
        words = [title, head.family] if title else [head.family]
        name = " ".join(w for w in words if w)
        if head.gender == "m":
            return f"Sehr geehrter Herr {name},"
        return f"Sehr geehrte Frau {name},"
