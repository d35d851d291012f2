"""The Lithuanian side of the letter of intent.

Lithuanian declines names as Ukrainian does; with no grammar module for it here, names
stand only where the nominative is right (address lines, after a generic noun).
"""

from __future__ import annotations

from bot.domain.grammar.persons import Person
from bot.domain.twinning.letter_templates.foreign import ForeignLetter

# A man is greeted by his office in the vocative: «Gerbiamas Pone Mere».
# The office is the position's last word: «Šiaulių rajono savivaldybės meras» is a «meras».
_VOCATIVE = {
    "meras": "Mere",
    "seniūnas": "Seniūne",
    "pirmininkas": "Pirmininke",
    "direktorius": "Direktoriau",
}
_VOCATIVE_FEMININE = {
    "merė": "Mere",
    "meras": "Mere",
    "seniūnė": "Seniūne",
    "pirmininkė": "Pirmininke",
    "direktorė": "Direktore",
}


class Lithuanian(ForeignLetter):
    language = "lt"
    date_format = "%Y-%m-%d"
    sectors = {
        "water": "vandens tiekimas",
        "wastewater": "nuotekų tvarkymas",
        "energy": "energetika",
        "heating": "šilumos tiekimas",
        "health": "sveikatos apsauga ir ligoninės",
        "education": "švietimas",
        "culture": "kultūra",
        "youth": "jaunimo politika",
        "idp": "šalies viduje perkeltų asmenų integracija",
        "shelters": "slėptuvės",
        "waste": "atliekų tvarkymas",
        "reconstruction": "atstatymas",
        "economy": "ekonomika ir investicijos",
        "digital": "skaitmeninės paslaugos",
        "utilities": "komunalinės paslaugos",
        "sport": "sportas",
        "tourism": "turizmas",
        "agriculture": "žemės ūkis",
        "environment": "aplinkos apsauga",
        "administration": "viešasis administravimas",
    }
    heading = "Ketinimų laiškas"
    reference = "____________ Nr. ____________"
    closing = "Pagarbiai"
    ukraine = "Ukraina"
    # The seat's name stays on a line of its own: «Miesto taryba» / «Dolyna, Ukraina».
    council = {
        "міська": "Miesto taryba",
        "селищна": "Gyvenvietės taryba",
        "сільська": "Kaimo taryba",
    }
    community = {
        "міська": "Miesto teritorinė bendruomenė {name}",
        "селищна": "Gyvenvietės teritorinė bendruomenė {name}",
        "сільська": "Kaimo teritorinė bendruomenė {name}",
    }
    signatory = {
        "міська": "Meras",
        "селищна": "Gyvenvietės bendruomenės vadovas",
        "сільська": "Kaimo bendruomenės vadovas",
    }
    signatory_feminine = {
        "міська": "Merė",
        "селищна": "Gyvenvietės bendruomenės vadovė",
        "сільська": "Kaimo bendruomenės vadovė",
    }
    countries = {"LT": "Lietuva"}
    law_citation = "{date} Ukrainos įstatymą Nr. {number} „{title}“"
    intent = (
        "{community} (Ukraina) siekia užmegzti partnerystę su Jūsų savivaldybe ir plėtoti"
        " bendradarbiavimą pagal {law}"
    )
    areas_line = "Siūlome bendradarbiauti šiose srityse: {areas}"
    no_areas = "Bendradarbiavimo sritis norėtume nustatyti kartu."
    initiative = {
        "council": "Iniciatyvai pritarta tarybos {date} sprendimu Nr. {number}",
        "executive": (
            "Iniciatyvai pritarta tarybos vykdomojo komiteto {date} sprendimu Nr. {number}"
        ),
    }
    meeting = (
        "Mielai susitiktume gyvai arba nuotoliniu būdu, kad suderintume tolesnius veiksmus ir"
        " bendradarbiavimo sutarties projektą."
    )
    hope = "Tikimės vaisingo bendradarbiavimo tarp mūsų bendruomenių."

    def letterhead(self, kind: str, seat: str) -> list[str]:
        return [self.council[kind], f"{seat}, {self.ukraine}"]

    def salutation(self, head: Person | None, title: str | None) -> str:
        if head is None or head.gender not in ("m", "f"):
            return "Gerbiamieji,"
        words = (title or "").strip().lower().split()
        office = words[-1] if words else ""
        if head.gender == "f":
            vocative = _VOCATIVE_FEMININE.get(office)
            return f"Gerbiamoji Ponia {vocative}," if vocative else "Gerbiamoji Ponia,"
        vocative = _VOCATIVE.get(office)
        return f"Gerbiamas Pone {vocative}," if vocative else "Gerbiamas Pone,"
