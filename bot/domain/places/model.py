"""What the place index holds, and how a place reads in Ukrainian and in English.

A Ukrainian community is a territorial hromada of the codifier, shown in the official form
«Долинська міська територіальна громада, Калуський район, Івано-Франківська область» and
in English by the official transliteration with the kind translated («Dolynska urban
territorial community, Kaluskyi Raion, Ivano-Frankivsk Oblast»). Its short name, used in
running text («Головне меню — Долина»), is its centre's. A foreign place is a municipality
of the world gazetteer or a district or county added by hand, shown with its country.
"""

from __future__ import annotations

import functools
import gettext
from dataclasses import dataclass

import pycountry
from babel import Locale

from bot.domain.button_width import fits
from bot.domain.places.codifier import HROMADA, SPECIAL_CITY
from bot.domain.places.translit import transliterate

__all__ = [
    "HROMADA",
    "SPECIAL_CITY",
    "Country",
    "Match",
    "Place",
    "Region",
    "is_uk",
]

UKRAINE = "UA"
KYIV_TZ = "Europe/Kyiv"

# The kind of a hromada as its official name says it, and in English.
_KIND_UK = {"city": "міська", "settlement": "селищна", "village": "сільська"}
_KIND_EN = {"city": "urban", "settlement": "settlement", "village": "rural"}
# The abbreviations officials use: міська, селищна, сільська територіальна громада.
_KIND_ABBREVIATION = {"city": "МТГ", "settlement": "СщТГ", "village": "СТГ"}
# Abbreviations a settlement's name takes in a list (м. Долина, с. Княжичі).
_CATEGORY_UK = {"M": "м.", "K": "м.", "X": "сел.", "T": "смт", "C": "с."}


def is_uk(lang: str) -> bool:
    return lang.lower().startswith("uk")


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_uk: str
    tz: str = "UTC"

    def name(self, lang: str) -> str:
        if is_uk(lang) or lang == "en":
            return self.name_uk if is_uk(lang) else self.name_en
        return _local_country(self.code, lang) or self.name_en


@dataclass(frozen=True)
class Region:
    """A top-level unit of Ukraine: an oblast, Crimea, Kyiv or Sevastopol."""

    code: str  # ISO 3166-2
    name_en: str
    name_uk: str
    katottg: str = ""

    def name(self, lang: str) -> str:
        if is_uk(lang) or lang == "en":
            return self.name_uk if is_uk(lang) else self.name_en
        return _local_region(self.code, lang) or self.name_en

    def short(self, lang: str) -> str:
        """«Івано-Франківська обл.», for buttons; English keeps the full name."""
        if is_uk(lang) and self.name_uk.endswith(" область"):
            return self.name_uk.removesuffix("область") + "обл."
        return self.name(lang)


@dataclass(frozen=True)
class Place:
    key: str  # the KATOTTG code of a hromada; "gn:<geonameid>" or "x:<slug>" abroad
    name: str  # Latin script: a hromada's centre by the official transliteration
    name_uk: str | None  # Ukrainian: a hromada's centre, a foreign place's exonym
    country_code: str
    # ISO 3166-2 for Ukraine; elsewhere the GeoNames admin1 code, which only tells apart
    # same-named places of one country.
    region_code: str | None
    population: int | None
    kind: str  # hromada, special (Kyiv, Sevastopol); settlement, district, county abroad
    tz: str | None = None
    hromada_uk: str | None = None  # the codifier's name of a hromada, «Долинська»
    hromada_kind: str | None = None  # city, settlement, village
    raion_uk: str | None = None  # «Калуський»
    region: Region | None = None  # a Ukrainian place's oblast
    country: Country | None = None
    # Abroad, the official name in the country's language where `name` is an English
    # rendering: «Powiat gnieźnieński» for Gniezno County.
    name_local: str | None = None

    @property
    def katottg(self) -> str | None:
        return self.key if self.country_code == UKRAINE else None

    def short_name(self, lang: str) -> str:
        """The name in running text: a hromada's centre, a foreign place's own name (in
        Ukrainian for a Ukrainian reader, in English for an English one, and as its country
        writes it for the partners' languages)."""
        if is_uk(lang):
            return self.name_uk or self.name
        return self.name if lang == "en" else self.name_local or self.name

    def official_name(self, lang: str) -> str:
        """«Долинська міська територіальна громада»; a foreign place's own name."""
        if self.kind != HROMADA or not self.hromada_uk or not self.hromada_kind:
            return self.short_name(lang)
        if is_uk(lang):
            return f"{self.hromada_uk} {_KIND_UK[self.hromada_kind]} територіальна громада"
        return (
            f"{transliterate(self.hromada_uk)} {_KIND_EN[self.hromada_kind]} territorial community"
        )

    def raion(self, lang: str) -> str | None:
        if not self.raion_uk:
            return None
        return f"{self.raion_uk} район" if is_uk(lang) else f"{transliterate(self.raion_uk)} Raion"

    def display(self, lang: str, *, raion: bool = True) -> str:
        """The full form: official name, raion and oblast; abroad, the name and country."""
        own = self.official_name(lang)
        if self.country_code != UKRAINE:
            return f"{own}, {self.country.name(lang)}" if self.country else own
        parts = [own]
        if raion and self.raion(lang):
            parts.append(self.raion(lang) or "")
        # Kyiv and Sevastopol are regions of their own.
        if self.region is not None and self.region.name(lang) != own:
            parts.append(self.region.name(lang))
        return ", ".join(parts)

    def label(
        self, lang: str, *, raion: bool = False, via: str | None = None, oblast: bool = True
    ) -> str:
        """The form on a button: «Долинська міська громада, Івано-Франківська обл.»; with
        the raion, to tell apart two of one name in one oblast, «Миколаївська СТГ,
        Синельниківський р-н, Дніпропетровська обл.»; without the oblast in a list of one
        oblast."""
        if self.country_code != UKRAINE:
            return self.display(lang)
        own = self.official_name(lang)
        if raion and self.raion_uk and self.hromada_uk and self.hromada_kind:
            if is_uk(lang):
                kind = _KIND_ABBREVIATION[self.hromada_kind]
                parts = [f"{self.hromada_uk} {kind}", f"{self.raion_uk} р-н"]
            else:
                kind = _KIND_EN[self.hromada_kind]
                parts = [f"{transliterate(self.hromada_uk)} {kind}", self.raion(lang) or ""]
        else:
            own = own.replace(" територіальна громада", " громада").replace(
                " territorial community", " community"
            )
            parts = [own]
        if via:
            parts[0] = f"{via} → {parts[0]}"
        if oblast and self.region is not None and self.region.name(lang) != own:
            parts.append(self.region.short(lang))
        label = ", ".join(parts)
        if not fits(label) and is_uk(lang) and not raion and self.hromada_uk and self.hromada_kind:
            # Too long for a phone's button: the abbreviation officials write (Долинська МТГ).
            short = f"{self.hromada_uk} {_KIND_ABBREVIATION[self.hromada_kind]}"
            parts[0] = f"{via} → {short}" if via else short
            label = ", ".join(parts)
        return label


@dataclass(frozen=True)
class Match:
    """A place found by a search, and the settlement it was found by, when not its centre."""

    place: Place
    via: str | None = None  # «с. Княжичі» (uk) or «Kniazhychi» (the Latin form) for a village
    via_latin: str | None = None
    score: float = 0.0  # how well it matched: 100 in full, 80 a prefix, less a similar spelling

    def label(self, lang: str, *, raion: bool = False, oblast: bool = True) -> str:
        via = self.via if is_uk(lang) else self.via_latin
        return self.place.label(lang, raion=raion, via=via, oblast=oblast)


def settlement_label(name: str, category: str) -> str:
    """«с. Княжичі», «м. Долина»: how a list names a settlement."""
    prefix = _CATEGORY_UK.get(category)
    return f"{prefix} {name}" if prefix else name


@functools.cache
def _local_country(code: str, lang: str) -> str | None:
    """A country in the reader's language, as people call it there (CLDR: «Deutschland»,
    «Republik Moldau», «Niemcy»), for languages other than Ukrainian and English."""
    try:
        name = Locale.parse(lang).territories.get(code)
    except (ValueError, TypeError):
        return None
    return str(name) if name else None


@functools.cache
def _local_region(code: str, lang: str) -> str | None:
    """An oblast in the reader's language from pycountry's ISO 3166-2 catalogs («obwód
    kijowski»), when it has one."""
    subdivision = pycountry.subdivisions.get(code=code)
    if subdivision is None:
        return None
    catalog = gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True
    )
    local = catalog.gettext(subdivision.name)
    return local if local != subdivision.name else None
