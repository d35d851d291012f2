"""Finding a hromada, a foreign place or a country by what a person types.

A Ukrainian official types their hromada in any usual form: «Долинська громада»,
«Долинська міська територіальна громада», «Долинська МТГ», the centre «Долина», in Latin
(«Dolyna»), with or without apostrophes, even the whole official form with raion and oblast.
The words for the kind of a hromada are set aside (a kind named counts for that kind), a
raion or oblast named becomes a filter, and what remains is matched against the hromadas'
names, their centres, every settlement (a village offers the hromada it belongs to) and the
former or foreign names GeoNames knows for them (only in full: «Кіровоград», «Kharkov»).

Ranking, best first: a full match before a prefix, a prefix before a similar spelling (never
below the similarity floor); a hromada's own name or centre before another settlement of it;
then the bigger place (only a real difference in size counts: a regional centre before a
small town of the same name), the city hromada before the village one, and the codifier's
order.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from bot.domain.places.codifier import KIND_ORDER
from bot.domain.places.index import PlaceIndex
from bot.domain.places.model import Country, Match, settlement_label
from bot.domain.places.tables import NameTable, Owner
from bot.domain.places.translit import fold, transliterate

__all__ = ["Found", "Problem", "find_countries", "search_hromadas", "search_world"]

# Longer than any real place name with its raion and oblast; longer input is not a name.
MAX_QUERY = 200
_MIN_EXACT, _MIN_PREFIX, _MIN_FUZZY = 2, 3, 4
# Below this similarity (0-100) a spelling is not offered.
SIMILARITY_FLOOR = 80.0
# Prefix matches looked at, at most: a three-letter prefix can start thousands of names,
# and the best of them are found among the first two thousand just as well.
_PREFIX_SCAN = 2000
_FUZZY_CANDIDATES = 200

# Scores by how a name counts (``Owner``, the index of each list); 0 means "does not count".
# NAME, CENTRE, SETTLEMENT, ALTERNATE, FORMER, WORDS, SETTLEMENT_WORDS
_UA_EXACT = (100.0, 100.0, 90.0, 0.0, 84.0, 70.0, 64.0)
_UA_PREFIX = (80.0, 80.0, 72.0, 0.0, 0.0, 62.0, 58.0)
_UA_FUZZY = (0.75, 0.75, 0.7, 0.0, 0.0, 0.0, 0.0)  # times the similarity
_UA_FORMER_CENTRE = 88.0  # a former name of a hromada's centre (Кіровоград)
_WORLD_EXACT = (100.0, 0.0, 0.0, 100.0, 0.0, 92.0, 0.0)
_WORLD_PREFIX = (80.0, 0.0, 0.0, 77.0, 0.0, 72.0, 0.0)
_WORLD_FUZZY = (0.75, 0.0, 0.0, 0.72, 0.0, 0.0, 0.0)
_SETTLEMENT_KINDS = (Owner.SETTLEMENT, Owner.FORMER, Owner.SETTLEMENT_WORDS)
_COUNTRY, _COUNTRY_PREFIX, _COUNTRY_FUZZY = (100.0,), (80.0,), (0.75,)
# A full match anywhere makes similar spellings noise.
_EXACT_FLOOR, _NOT_FUZZY = 84.0, 76.0
_KIND_BONUS = 6.0

# Words for the kind of a hromada, folded: «міська», «МТГ», «смт», «с.», «rural»...
_KIND_WORDS = {
    "miska": "city", "mth": "city", "mtg": "city", "misto": "city", "mista": "city",
    "m": "city", "city": "city", "urban": "city", "town": "city",
    "selyshchna": "settlement", "sshchth": "settlement", "sshchtg": "settlement",
    "sshtg": "settlement", "selyshche": "settlement", "smt": "settlement", "sel": "settlement",
    "settlement": "settlement",
    "silska": "village", "sth": "village", "stg": "village", "selo": "village",
    "s": "village", "village": "village", "rural": "village",
}  # fmt: skip
_GENERIC_WORDS = frozenset({
    "terytorialna", "terytorialnoi", "hromada", "hromady", "hromadi", "hromadu", "gromada",
    "otg", "oth", "tg", "th", "obiednana", "obiednanoi", "community", "territorial",
    "municipality", "ukraina", "ukraine",
})  # fmt: skip
_OBLAST_WORDS = frozenset({"oblast", "obl", "oblasti", "oblasty", "region"})
_RAION_WORDS = frozenset({"raion", "raionu", "rayon", "district", "rn"})


class Problem:
    EMPTY = "empty"  # no letters at all
    SHORT = "short"  # one letter
    LONG = "long"  # longer than any name


@dataclass(frozen=True)
class Found:
    matches: list[Match]
    total: int = 0  # places that matched, before the limit
    regions: list[tuple[str, int]] = field(default_factory=list)  # oblast, places there
    problem: str | None = None
    region: str | None = None  # the oblast the search was limited to
    country: str | None = None  # the country the search was limited to


@dataclass
class _UaQuery:
    name: str = ""
    kind: str | None = None
    oblast: str | None = None
    raion: str | None = None


def _words_before(words: list[str], markers: frozenset[str]) -> tuple[list[str], str | None]:
    """Split «kaluskyi raion» out of the words: (the rest, «kaluskyi»)."""
    for at, word in enumerate(words):
        if word in markers and at > 0:
            start = at - 1
            # A two-word oblast (Ivano Frankivska, Autonomna Respublika) or «r n» (р-н).
            if at >= 2 and words[at - 2] in ("ivano", "ivano-frankivska"):
                start = at - 2
            qualifier = " ".join(words[start:at])
            return words[:start] + words[at + 1 :], qualifier
    return words, None


def _parse_ua(text: str, index: PlaceIndex) -> _UaQuery:
    parts = [fold(part) for part in text.replace("(", ",").split(",")]
    query = _UaQuery()
    words = parts[0].replace(" r n ", " rn ").split() if parts else []
    if words[-2:] == ["r", "n"]:
        words = [*words[:-2], "rn"]
    words, oblast = _words_before(words, _OBLAST_WORDS)
    words, raion = _words_before(words, _RAION_WORDS)
    name_words = []
    for word in words:
        if word in _KIND_WORDS:
            query.kind = query.kind or _KIND_WORDS[word]
        elif word not in _GENERIC_WORDS:
            name_words.append(word)
    if not name_words and words:
        # A place may be named by such a word (the village of Селище, Cherkasy Oblast): the
        # last one is the name, after any type before it («село Селище»).
        name_words = words[-1:]
        query.kind = _KIND_WORDS.get(words[0]) if len(words) > 1 else None
    query.name = " ".join(name_words)
    for part in parts[1:]:
        rest = [w for w in part.split() if w not in _OBLAST_WORDS and w not in _RAION_WORDS]
        words_of_part = " ".join(w for w in rest if w != "r" and w != "n")
        if not words_of_part:
            continue
        found = _resolve_oblast(index, words_of_part)
        if found is not None:
            oblast, query.oblast = None, found
        elif raion is None:
            raion = words_of_part
    if oblast is not None:
        query.oblast = _resolve_oblast(index, oblast)
    query.raion = raion
    return query


def _resolve_oblast(index: PlaceIndex, text: str) -> str | None:
    """«ivano frankivska», «ivano frankivsk», «kyivska» or «UA-26»: the oblast's ISO code."""
    wanted = text.strip()
    candidates = set()
    for code, region in index.regions.items():
        forms = {
            fold(region.name_uk),
            fold(region.name_uk.removesuffix(" область")),
            fold(region.name_en),
            fold(region.name_en.removesuffix(" Oblast")),
            fold(code),
        }
        if wanted in forms:
            return code
        if len(wanted) >= 4 and any(form.startswith(wanted) for form in forms):
            candidates.add(code)
    return candidates.pop() if len(candidates) == 1 else None


def _raion_matches(raion_uk: str | None, wanted: str) -> bool:
    if not raion_uk:
        return False
    folded = fold(raion_uk)
    # «Калуський» is the raion of Kalush: the adjective's stem is what both share.
    stem = folded
    for ending in ("tskyi", "zkyi", "skyi", "kyi", "yi"):
        if stem.endswith(ending):
            stem = stem[: -len(ending)]
            break
    return folded.startswith(wanted) or (len(stem) >= 3 and wanted.startswith(stem))


def _usable(text: str) -> tuple[str, str | None]:
    if len(text) > MAX_QUERY:
        return "", Problem.LONG
    folded = fold(text)
    if not folded:
        return "", Problem.EMPTY
    return folded, None


def _short(text: str) -> str | None:
    """One letter typed is too short to search; a line of symbols around one letter is
    simply not found."""
    return Problem.SHORT if len(text.strip()) < _MIN_EXACT else None


def _collect(
    names: NameTable,
    query: str,
    exact: tuple[float, ...],
    prefix: tuple[float, ...],
    fuzzy: tuple[float, ...],
) -> dict[int, float]:
    """The best score of each owner number (see ``Owner``) for the query: a full match, a
    prefix, or, when nothing matched in full, a similar spelling (at least the floor)."""
    owners = names.owners
    found: dict[int, float] = {}
    span = names.exact(query)
    for owner in owners[span.start : span.stop]:
        score = exact[owner & 7]
        if score > found.get(owner, 0.0):
            found[owner] = score
    if len(query) >= _MIN_PREFIX:
        span = names.starting_with(query)
        for owner in owners[span.start : min(span.stop, span.start + _PREFIX_SCAN)]:
            score = prefix[owner & 7]
            if score > found.get(owner, 0.0):
                found[owner] = score
    if len(query) >= _MIN_FUZZY and not any(s >= _EXACT_FLOOR for s in found.values()):
        for at, similarity in _similar(names, query, _FUZZY_CANDIDATES):
            owner = owners[at]
            score = similarity * fuzzy[owner & 7]
            if score > found.get(owner, 0.0):
                found[owner] = score
    return found


def _similar(names: NameTable, query: str, limit: int) -> list[tuple[int, float]]:
    """Entries spelled like the query (ratio at least the floor), sharing its first two
    letters: comparing against every name is too slow, and a slip in the first two letters
    is rare."""
    from rapidfuzz import fuzz, process

    span = names.starting_with(query[:2])
    choices = names.names(span)
    found = process.extract(
        query, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=SIMILARITY_FLOOR
    )
    return [(span.start + at, score) for _, score, at in found]


# --- Ukraine -----------------------------------------------------------------------------


def search_hromadas(
    index: PlaceIndex, text: str, *, region: str | None = None, limit: int = 5
) -> Found:
    """Hromadas (and Kyiv, Sevastopol) for what a person typed, best first."""
    _, problem = _usable(text)
    if problem:
        return Found([], problem=problem)
    query = _parse_ua(text, index)
    name = query.name
    if not name:
        return Found([])
    if len(name) < _MIN_EXACT:
        return Found([], problem=_short(text))
    # Per hromada: its best score, and the settlement that gave it when not the centre.
    best: dict[int, tuple[float, int | None]] = {}
    found = _collect(index.ua_names, name, _UA_EXACT, _UA_PREFIX, _UA_FUZZY)
    for owner, score in found.items():
        number, how = owner >> 3, owner & 7
        settlement: int | None = None
        if how in _SETTLEMENT_KINDS:
            settlement, number = number, index.ua_settlement_unit[number]
            if index.ua_centres[number] == settlement:
                # The centre stands for its hromada: no «village → hromada» to show.
                settlement = None
                if how == Owner.FORMER:
                    score = _UA_FORMER_CENTRE
        if score > best.get(number, (0.0, None))[0]:
            best[number] = (score, settlement)

    if query.raion:
        best = {
            unit: value
            for unit, value in best.items()
            if _raion_matches(index.ua_place(unit).raion_uk, query.raion)
        }
    if best and max(score for score, _ in best.values()) >= _EXACT_FLOOR:
        best = {unit: value for unit, value in best.items() if value[0] >= _NOT_FUZZY}
    region = region or query.oblast
    codes = index.region_codes
    counts = Counter(codes[index.ua_unit_region[unit]] for unit in best)
    if region:
        best = {u: v for u, v in best.items() if codes[index.ua_unit_region[u]] == region}

    wanted_kind = KIND_ORDER.get(query.kind or "", -1)

    def rank(unit: int) -> tuple[float, int, int, int]:
        score = best[unit][0]
        kind = index.ua_unit_kind[unit]
        if kind == wanted_kind:
            score += _KIND_BONUS
        return score, index.ua_unit_rank[unit], kind, -unit

    top = heapq.nlargest(max(limit, 0), best, key=rank)
    matches = [_ua_match(index, unit, *best[unit]) for unit in top]
    ordered = sorted(counts.items(), key=lambda item: codes.index(item[0]))
    return Found(matches, len(best), ordered, region=region)


def _ua_match(index: PlaceIndex, unit: int, score: float, settlement: int | None) -> Match:
    place = index.ua_place(unit)
    if settlement is None:
        return Match(place, score=score)
    name, category, _, _ = index.settlement(settlement)
    return Match(place, settlement_label(name, category), transliterate(name), score)


# --- abroad ------------------------------------------------------------------------------


def search_world(
    index: PlaceIndex, text: str, *, country: str | None = None, limit: int = 5
) -> Found:
    """Foreign municipalities, districts and counties, best first.

    «Gniezno, Poland» limits the search to the country after the comma.
    """
    folded, problem = _usable(text)
    if problem:
        return Found([], problem=problem)
    name_part, _, country_part = text.rpartition(",")
    if name_part and country_part.strip():
        named = find_countries(index, country_part, limit=1, exact_only=True)
        if named:
            country = country or named[0].code
            folded = fold(name_part)
            if not folded:
                return Found([], problem=Problem.EMPTY, country=country)
    if len(folded) < _MIN_EXACT:
        return Found([], problem=_short(text))
    wanted = None
    if country is not None:
        code = country.upper()
        if code not in index.world_country_codes:
            return Found([], country=code)
        wanted = index.world_country_codes.index(code)
    best: dict[int, float] = {}
    countries = index.world_country
    found = _collect(index.world_names, folded, _WORLD_EXACT, _WORLD_PREFIX, _WORLD_FUZZY)
    for owner, score in found.items():
        unit = owner >> 3
        if wanted is not None and countries[unit] != wanted:
            continue
        if score > best.get(unit, 0.0):
            best[unit] = score
    if best and max(best.values()) >= _EXACT_FLOOR:
        best = {unit: score for unit, score in best.items() if score >= _NOT_FUZZY}

    def rank(unit: int) -> tuple[float, int, int]:
        return best[unit], index.world_population[unit], -unit

    matches: list[Match] = []
    seen: set[tuple[str, str]] = set()
    # Places a list would name alike (a town and its seat under one name, Springfields of
    # several states) are shown once: the best match, then the most populous.
    for unit in heapq.nlargest(max(limit, 0) * 3, best, key=rank):
        place = index.world_place(unit)
        spelled = {(place.country_code, fold(n)) for n in (place.name, place.name_uk) if n}
        if spelled & seen:
            continue
        seen |= spelled
        matches.append(Match(place, score=best[unit]))
        if len(matches) >= limit:
            break
    return Found(matches, len(best), country=country)


# --- countries ---------------------------------------------------------------------------


def find_countries(
    index: PlaceIndex, text: str, limit: int = 5, *, exact_only: bool = False
) -> list[Country]:
    folded, problem = _usable(text)
    if problem or limit <= 0 or not folded:
        return []
    names = index.country_names
    if exact_only:
        span = names.exact(folded)
        scores = {owner >> 3: 100.0 for owner in names.owners[span.start : span.stop]}
    else:
        scores = {}
        for owner, score in _collect(
            names, folded, _COUNTRY, _COUNTRY_PREFIX, _COUNTRY_FUZZY
        ).items():
            scores[owner >> 3] = max(scores.get(owner >> 3, 0.0), score)
    ranked = sorted(scores, key=lambda n: (-scores[n], index.countries[n].name_en))
    return [index.countries[n] for n in ranked[:limit]]
