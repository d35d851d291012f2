"""Finding the codifier's hromada of a community that was saved before codes existed."""

from __future__ import annotations

from collections.abc import Iterable

from bot.domain.places.index import PlaceIndex
from bot.domain.places.model import Match, Place
from bot.domain.places.search import search_hromadas
from bot.domain.places.tables import Owner
from bot.domain.places.translit import fold


def certain_hromada(
    index: PlaceIndex, names: Iterable[str | None], region: str | None
) -> Place | None:
    """The one hromada of the oblast whose own name or centre is one of ``names`` (a former
    name of the centre counts too); None when there is none or more than one.

    A village's name is not enough: the community may be the village's own, saved before it
    joined a hromada, and only an operator can tell.
    """
    units: set[int] = set()
    table = index.ua_names
    for name in names:
        folded = fold(name or "")
        if not folded:
            continue
        for at in table.exact(folded):
            number, how = Owner.decode(table.owners[at])
            if how in (Owner.NAME, Owner.CENTRE):
                units.add(number)
            elif how == Owner.FORMER:
                unit = index.ua_settlement_unit[number]
                if index.ua_centres[unit] == number:
                    units.add(unit)
    if region is not None:
        units = {u for u in units if index.region_codes[index.ua_unit_region[u]] == region}
    return index.ua_place(units.pop()) if len(units) == 1 else None


def candidates(
    index: PlaceIndex, names: Iterable[str | None], region: str | None, limit: int = 5
) -> list[Match]:
    """Hromadas an operator may choose from for such a community, best first."""
    found: list[Match] = []
    for name in names:
        if not name:
            continue
        for match in search_hromadas(index, name, region=region, limit=limit).matches:
            if all(match.place.key != known.place.key for known in found):
                found.append(match)
    return found[:limit]
