"""Names of communities, councils and foreign authorities in the case a sentence needs.

- A hromada's official name «Долинська міська територіальна громада» declines as a whole
  and gives its council «Долинська міська рада», the council's executive committee and the
  head's title «міський голова».
- A foreign authority whose Ukrainian name is adjectives and a generic noun («Шяуляйський
  район», «Гнезненський повіт») declines like Ukrainian words. Any other foreign name
  («Єна», «Сан-Себастьян») is never given an ending: a declined generic noun carries the
  case and the name stays as it is, «з містом Єна (Федеративна Республіка Німеччина)».
- The country follows in brackets by its official Ukrainian name, and brackets are never
  nested: a name that has its own brackets gets the country inside them after a comma.
"""

from __future__ import annotations

import functools
import gettext
import re
from dataclasses import dataclass

import pycountry

from bot.domain.grammar.declension import Case, decline_noun, decline_phrase

# The nouns that name a kind of authority or territory: a name built on one of them
# declines like Ukrainian words; any other foreign name keeps its form.
GENERIC_NOUNS = frozenset(
    {
        "місто",
        "село",
        "селище",
        "район",
        "повіт",
        "округ",
        "область",
        "регіон",
        "край",
        "муніципалітет",
        "громада",
        "гміна",
        "комуна",
        "земля",
        "воєводство",
        "провінція",
        "графство",
        "кантон",
        "департамент",
        "самоврядування",
        "рада",
    }
)

# A foreign community's kind (as the gazetteer and the guide record it) -> the Ukrainian
# noun used in the construction «з містом Єна».
KIND_NOUNS = {
    "settlement": "місто",
    "city": "місто",
    "town": "місто",
    "village": "село",
    "municipality": "муніципалітет",
    "district": "район",
    "county": "округ",
    "region": "регіон",
    "commune": "комуна",
    "community": "громада",
}
# Counties are «повіт» where the language calls them so (powiat, apskritis, județ, maakond).
_COUNTY_NOUNS = {"PL": "повіт", "LT": "повіт", "RO": "повіт", "EE": "повіт", "GB": "графство"}

_HROMADA = re.compile(
    r"^(?P<stem>.+?)\s+(?P<kind>міська|селищна|сільська)\s+територіальна\s+громада$",
    re.IGNORECASE,
)
_HEAD_TITLE = {"міська": "міський", "селищна": "селищний", "сільська": "сільський"}
_SEAT_PREFIX = {"міська": "м.", "селищна": "селище", "сільська": "с."}


def kind_noun(kind: str | None, country_code: str) -> str:
    if kind == "county":
        return _COUNTY_NOUNS.get(country_code.upper(), KIND_NOUNS["county"])
    return KIND_NOUNS.get(kind or "", "місто")


@functools.cache
def _iso3166_uk() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["uk"], fallback=True)


def country_official(code: str) -> str:
    """The official Ukrainian name of a country: «Федеративна Республіка Німеччина»."""
    record = pycountry.countries.get(alpha_2=code.upper())
    if record is None:
        return code.upper()
    english = getattr(record, "official_name", None) or record.name
    name = _iso3166_uk().gettext(english)
    # Some catalog entries write «Латвійська республіка»: the state's name is capitalised.
    return re.sub(r"(?<=\w) республіка\b", " Республіка", name)


def in_brackets(name: str, addition: str) -> str:
    """«name (addition)»; when the name ends in brackets of its own, the addition joins them."""
    name = name.strip()
    if name.endswith(")") and "(" in name:
        return f"{name[:-1]}, {addition})"
    return f"{name} ({addition})"


@dataclass(frozen=True)
class Hromada:
    """A Ukrainian territorial community, by its official name or, failing that, its seat."""

    name: str  # «Долинська міська територіальна громада», or only «Долина»
    seat: str | None = None  # the settlement «Долина», for the place of a decision

    @property
    def _parts(self) -> tuple[str, str] | None:
        found = _HROMADA.match(" ".join(self.name.split()))
        return (found["stem"], found["kind"].lower()) if found else None

    def title(self, case: Case = Case.NOMINATIVE) -> str:
        """«Долинською міською територіальною громадою»; a bare seat name gets the generic
        «територіальна громада міста Долини»."""
        if self._parts is not None:
            return decline_phrase(self.name, case) or self.name
        seat = decline_phrase(self.name, Case.GENITIVE) or self.name
        return f"{decline_noun('територіальна громада', case)} міста {seat}"

    def council(self, case: Case = Case.NOMINATIVE) -> str:
        """«Долинська міська рада» in `case`."""
        if self._parts is not None:
            stem, kind = self._parts
            phrase = f"{stem} {kind} рада"
            return decline_phrase(phrase, case) or phrase
        seat = decline_phrase(self.name, Case.GENITIVE) or self.name
        return f"{decline_noun('рада', case)} територіальної громади міста {seat}"

    def executive_committee(self, case: Case = Case.NOMINATIVE) -> str:
        head = decline_noun("виконавчий комітет", case)
        return f"{head[:1].upper()}{head[1:]} {self.council(Case.GENITIVE)}"

    def head_title(self, case: Case = Case.NOMINATIVE) -> str:
        """«міський голова», «сільський голова»; «голова громади» where the kind is unknown."""
        if self._parts is None:
            return decline_noun("голова", case) + " громади"
        return decline_noun(f"{_HEAD_TITLE[self._parts[1]]} голова", case)

    def council_word(self) -> str:
        """The adjective a decision uses for its council: «міська рада ВИРІШИЛА»."""
        return f"{self._parts[1]} рада" if self._parts else "рада"

    def place_of_issue(self) -> str | None:
        """«м. Долина» under a decision's date; None where the seat is not known."""
        if not self.seat:
            return None
        prefix = _SEAT_PREFIX.get(self._parts[1], "") if self._parts else ""
        return f"{prefix} {self.seat}".strip()


@dataclass(frozen=True)
class ForeignAuthority:
    """A partner abroad: its Ukrainian name, the kind of authority, its country."""

    name: str  # «Єна», «Шяуляйський район», «Сан-Себастьян»
    kind: str | None  # settlement, district, county, municipality...
    country_code: str

    def declines(self) -> bool:
        """True when the name is adjectives and a generic noun, and may take endings."""
        words = self.name.split()
        heads = [i for i, word in enumerate(words) if word.lower() in GENERIC_NOUNS]
        declined = decline_phrase(self.name, Case.INSTRUMENTAL) if heads else None
        if declined is None or len(declined.split()) != len(words):
            return False
        head, inflected = heads[0], declined.split()
        return (
            all(inflected[i] != words[i] for i in range(head + 1))
            and inflected[head + 1 :] == words[head + 1 :]
        )

    def title(self, case: Case = Case.NOMINATIVE, *, country: bool = True) -> str:
        """«Шяуляйським районом (Литовська Республіка)», «містом Єна (Федеративна ...)»."""
        if self.declines():
            phrase = decline_phrase(self.name, case) or self.name
        else:
            noun = kind_noun(self.kind, self.country_code)
            phrase = f"{decline_noun(noun, case)} {self.name}"
        return in_brackets(phrase, country_official(self.country_code)) if country else phrase
