"""The gazetteer as callers knew it, over the place index (``bot.domain.places``).

New code uses ``bot.domain.places`` and, for people picking a place, the shared picker
(``handlers.shared.place_picker``); this surface keeps older callers working.
"""

from __future__ import annotations

from bot.domain import places
from bot.domain.places import Country, Place, Region, fold
from bot.domain.places import transliterate as transliterate_uk

__all__ = [
    "Country",
    "Gazetteer",
    "Place",
    "Region",
    "fold",
    "get_gazetteer",
    "transliterate_uk",
]


class Gazetteer:
    def search(self, query: str, *, country: str | None = None, limit: int = 5) -> list[Place]:
        """Hromadas and places abroad, best match first (a hromada first among equals)."""
        if limit <= 0:
            return []
        code = country.upper() if country else None
        found = []
        if code in (None, "UA"):
            found += places.search_hromadas(query, limit=limit).matches
        if code != "UA":
            found += places.search_world(query, country=code, limit=limit).matches
        found.sort(key=lambda match: -match.score)
        return [match.place for match in found[:limit]]

    def get(self, key: str) -> Place | None:
        return places.get(key)

    def find_countries(self, query: str, limit: int = 5) -> list[Country]:
        return places.find_countries(query, limit)

    def country(self, code: str) -> Country | None:
        return places.country(code)

    def ukrainian_regions(self, lang: str = "uk") -> list[Region]:
        return places.ukrainian_regions(lang)

    def region(self, code: str) -> Region | None:
        return places.region(code)


_GAZETTEER = Gazetteer()


def get_gazetteer() -> Gazetteer:
    return _GAZETTEER
