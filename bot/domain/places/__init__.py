"""Places: Ukrainian hromadas from the state codifier, foreign municipalities, countries.

``index`` loads (or builds once) the place index of the process; ``search`` finds places in
it by what people type; ``model`` says how a place reads; ``translit`` holds the official
transliteration. The functions here work on the process's index.
"""

from __future__ import annotations

from pathlib import Path

from bot.domain.places import search as _search
from bot.domain.places.index import PlaceIndex, current, is_current, use_file
from bot.domain.places.model import Country, Match, Place, Region
from bot.domain.places.search import Found, Problem
from bot.domain.places.translit import fold, transliterate

__all__ = [
    "Country",
    "Found",
    "Match",
    "Place",
    "PlaceIndex",
    "Problem",
    "Region",
    "country",
    "current",
    "default_tz",
    "find_countries",
    "fold",
    "get",
    "index_file_for",
    "is_current",
    "region",
    "search_hromadas",
    "search_world",
    "transliterate",
    "ukrainian_regions",
    "use_file",
]


def search_hromadas(text: str, *, region: str | None = None, limit: int = 5) -> Found:
    return _search.search_hromadas(current(), text, region=region, limit=limit)


def search_world(text: str, *, country: str | None = None, limit: int = 5) -> Found:
    return _search.search_world(current(), text, country=country, limit=limit)


def find_countries(text: str, limit: int = 5) -> list[Country]:
    return _search.find_countries(current(), text, limit)


def get(key: str) -> Place | None:
    return current().get(key)


def country(code: str) -> Country | None:
    return current().country(code)


def region(code: str) -> Region | None:
    return current().region(code)


def ukrainian_regions(lang: str = "uk") -> list[Region]:
    return current().ukrainian_regions(lang)


def default_tz(country_code: str | None) -> str:
    return current().default_tz(country_code)


def index_file_for(database: Path) -> Path:
    """The index's place next to a database file: ``twinbot.places`` beside ``twinbot.sqlite3``."""
    return database.with_name(database.stem + ".places")
