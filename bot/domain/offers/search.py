"""Full-text search over offers and needs: what is indexed, how typed words become a query,
and how results are ranked.

Everything is folded before indexing and querying (`bot.gazetteer.fold`: case, diacritics,
Ukrainian transliteration), so `Бровари` finds `Brovary` and `Šiauliai` finds `Siauliai`.
Typed text never reaches the FTS5 query language: words are cut out of it here, each is
quoted and searched as a prefix, and their number is capped. A typed word that names a
sector or a kind of support in any language (`опалення`, `Heizung`, `szpital`) also finds
the posts tagged with it, whatever language their description is written in.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from babel import Locale

from bot import DATA_DIR
from bot.domain.offers.model import KINDS
from bot.domain.sectors import SECTORS
from bot.gazetteer import fold
from bot.i18n import I18n

MAX_QUERY_CHARS = 1000  # longer input is cut before folding: the words past it are ignored
MAX_TOKENS = 8
MIN_TOKEN_CHARS = 2
# Must equal the `prefix` option of the post_search table: a typed word is cut to the
# longest of these lengths that it reaches, so every prefix lookup uses an index.
PREFIX_LENGTHS = (2, 3, 4, 6, 8, 10)
# A keyword this long or longer also matches typed words that extend it (inflections:
# `опаленням` still names heating).
_STEM_CHARS = 5
_KEYWORDS_CSV = DATA_DIR / "search_keywords.csv"


@dataclass(frozen=True)
class Ranking:
    """Weights of the three signals; each signal lies between 0 and 1 before weighting.

    text: bm25 relative to the best match of the same search; sectors: how much the post's
    sectors and those of the searcher's own open posts have in common (shared / all of
    them, so a post entirely about what the community needs beats a broader one); fresh:
    1 on the day of posting or renewal, 1 / (1 + age / `half_life_days`) after.

    Only the `candidates` newest matches of a search are ranked: scoring every match of a
    broad word across a large table would cost more than a person waits, and someone who
    gets hundreds of matches narrows the search by sector or kind anyway.
    """

    text: float = 1.0
    sectors: float = 0.6
    fresh: float = 0.3
    half_life_days: float = 30.0
    candidates: int = 300
    body_weight: float = 1.0  # bm25 weight of the description and names
    tag_weight: float = 0.5  # bm25 weight of a sector or kind named by a typed word


RANKING = Ranking()


def query_tokens(text: str) -> list[str]:
    """The folded words of a typed query, at most `MAX_TOKENS`, without repeats."""
    tokens: list[str] = []
    for word in fold(text[:MAX_QUERY_CHARS]).split():
        if len(word) >= MIN_TOKEN_CHARS and word not in tokens:
            tokens.append(word)
        if len(tokens) == MAX_TOKENS:
            break
    return tokens


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _indexed_prefix(token: str) -> str:
    length = max(n for n in PREFIX_LENGTHS if n <= len(token))
    return token[:length]


def tag(kind: str, code: str) -> str:
    """A token of the tags column; letters only, so the tokenizer keeps it whole."""
    return kind + code.replace("_", "")


@cache
def _i18n() -> I18n:
    return I18n()


@cache
def _vocabulary() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each tag with the folded words that name it: its labels in every language and the
    multilingual keywords of `data/search_keywords.csv`."""
    with _KEYWORDS_CSV.open(encoding="utf-8", newline="") as handle:
        keywords = {row["code"]: row["keywords"] for row in csv.DictReader(handle)}
    entries = [("sector", s.code, s.label) for s in SECTORS] + [
        ("kind", k.code, k.label) for k in KINDS
    ]
    vocabulary = []
    for group, code, label in entries:
        names = [t._(label) for t in _i18n()] + [keywords.get(f"{group}:{code}", "")]
        vocabulary.append((tag(group, code), frozenset(fold(" ".join(names)).split())))
    return tuple(vocabulary)


def named_tags(token: str) -> list[str]:
    """Tags whose names or keywords start with the typed word (or that it inflects)."""
    found = []
    for name, words in _vocabulary():
        if any(
            w.startswith(token) or (len(w) >= _STEM_CHARS and token.startswith(w)) for w in words
        ):
            found.append(name)
    return found


def _token_expression(token: str) -> str:
    words = f"body : {_quoted(_indexed_prefix(token))} *"
    tags = named_tags(token)
    if not tags:
        return words
    return f"({words} OR tags : ({' OR '.join(_quoted(t) for t in tags)}))"


def text_expression(tokens: list[str], *, every: bool = True) -> str:
    """Each typed word as a prefix of the text or a named tag; all of them, or any."""
    return "(" + (" AND " if every else " OR ").join(_token_expression(t) for t in tokens) + ")"


def filter_expression(sectors: Iterable[str] = (), kinds: Iterable[str] = ()) -> str | None:
    """Any of the chosen sectors and any of the chosen kinds; None when nothing is chosen."""
    parts = [
        "(" + " OR ".join(_quoted(tag(group, code)) for code in codes) + ")"
        for group, codes in (("sector", list(sectors)), ("kind", list(kinds)))
        if codes
    ]
    return "tags : (" + " AND ".join(parts) + ")" if parts else None


def match_expression(
    tokens: list[str],
    sectors: Iterable[str] = (),
    kinds: Iterable[str] = (),
    *,
    every: bool = True,
) -> str:
    """The whole MATCH argument; needs at least one token, sector or kind."""
    parts = [text_expression(tokens, every=every)] if tokens else []
    selected = filter_expression(sectors, kinds)
    if selected:
        parts.append(selected)
    if not parts:
        raise ValueError("an empty search has no match expression")
    return " AND ".join(parts)


@cache
def _country_names(code: str) -> tuple[str, ...]:
    """The country in the languages people search in, so `Іспанія` finds Spanish offers."""
    names = (Locale.parse(lang).territories.get(code) for lang in ("en", "uk", "de", "pl"))
    return tuple(dict.fromkeys(name for name in names if name))


def index_body(description: str, names: Iterable[str], country_code: str) -> str:
    """The description, the municipality's names and its country, as written and folded."""
    parts = [description, *names, *_country_names(country_code.upper())]
    text = "\n".join(dict.fromkeys(p for p in parts if p))
    return f"{text}\n{fold(text)}"


def index_tags(sectors: Iterable[str], kinds: Iterable[str]) -> str:
    return " ".join([*(tag("sector", c) for c in sectors), *(tag("kind", c) for c in kinds)])
