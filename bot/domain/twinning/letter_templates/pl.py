"""The Polish side of the letter of intent."""

from __future__ import annotations

from bot.domain.grammar.persons import Person
from bot.domain.twinning.letter_templates.foreign import ForeignLetter

# A man is greeted by his office in the vocative: «Szanowny Panie Burmistrzu»; a woman by
# the office as it stands: «Szanowna Pani Burmistrz». The office is the position's first
# word («Prezydent Miasta Lublin», «Marszałek Województwa Podkarpackiego»).
_VOCATIVE = {
    "burmistrz": "Burmistrzu",
    "prezydent": "Prezydencie",
    "starosta": "Starosto",
    "wójt": "Wójcie",
    "marszałek": "Marszałku",
}
_FEMININE = {*_VOCATIVE, "burmistrzyni", "prezydentka"}


def _office(title: str | None) -> str:
    words = (title or "").split()
    return words[0].lower() if words else ""


class Polish(ForeignLetter):
    language = "pl"
    sectors = {
        "water": "zaopatrzenie w wodę",
        "wastewater": "gospodarka ściekowa",
        "energy": "energetyka",
        "heating": "ciepłownictwo",
        "health": "ochrona zdrowia i szpitale",
        "education": "edukacja",
        "culture": "kultura",
        "youth": "młodzież",
        "idp": "integracja osób wewnętrznie przesiedlonych",
        "shelters": "schrony",
        "waste": "gospodarka odpadami",
        "reconstruction": "odbudowa",
        "economy": "gospodarka i inwestycje",
        "digital": "usługi cyfrowe",
        "utilities": "usługi komunalne",
        "sport": "sport",
        "tourism": "turystyka",
        "agriculture": "rolnictwo",
        "environment": "ochrona środowiska",
        "administration": "administracja publiczna",
    }
    heading = "List intencyjny"
    reference = "Znak: ____________ z dnia ____________"
    closing = "Z wyrazami szacunku"
    ukraine = "Ukraina"
    council = {
        "міська": "Rada Miasta {name}",
        "селищна": "Rada Osiedla {name}",
        "сільська": "Rada Wsi {name}",
    }
    community = {
        "міська": "Miejska hromada terytorialna {name}",
        "селищна": "Osiedlowa hromada terytorialna {name}",
        "сільська": "Wiejska hromada terytorialna {name}",
    }
    signatory = {
        "міська": "Mer",
        "селищна": "Przewodniczący hromady osiedlowej",
        "сільська": "Przewodniczący hromady wiejskiej",
    }
    signatory_feminine = {
        "селищна": "Przewodnicząca hromady osiedlowej",
        "сільська": "Przewodnicząca hromady wiejskiej",
    }
    countries = {"PL": "Polska"}
    law_citation = "ustawy Ukrainy nr {number} z dnia {date} „{title}”"
    intent = (
        "{community} (Ukraina) pragnie nawiązać partnerstwo z Państwa samorządem i rozwijać"
        " współpracę na podstawie {law}"
    )
    areas_line = "Proponujemy współpracę w następujących dziedzinach: {areas}"
    no_areas = "Dziedziny współpracy chcielibyśmy ustalić wspólnie."
    initiative = {
        "council": "Inicjatywę popiera uchwała nr {number} z dnia {date} ({council})",
        "executive": "Inicjatywę popiera decyzja komitetu wykonawczego nr {number} z dnia {date}"
        " ({council})",
    }
    meeting = (
        "Z przyjemnością spotkamy się osobiście lub online, aby uzgodnić dalsze kroki i projekt"
        " umowy o współpracy."
    )
    hope = "Liczymy na owocną współpracę między naszymi społecznościami."

    def addressed(self, head: Person) -> str:
        honorific = {"m": "Pan ", "f": "Pani "}.get(head.gender or "", "")
        return f"{honorific}{head.given} {head.family}".strip()

    def salutation(self, head: Person | None, title: str | None) -> str:
        if head is None or head.gender not in ("m", "f"):
            return "Szanowni Państwo,"
        office = _office(title)
        if head.gender == "f":
            return (
                f"Szanowna Pani {office.capitalize()}," if office in _FEMININE else "Szanowna Pani,"
            )
        vocative = _VOCATIVE.get(office)
        return f"Szanowny Panie {vocative}," if vocative else "Szanowny Panie,"
