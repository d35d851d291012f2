"""Building the place index from the packaged sources, once, into plain lists for a file.

The result is a dict of lists, strings and bytes that ``marshal`` writes and reads in a few
milliseconds (see ``bot.domain.places.index``). Each searchable name is folded
(``translit.fold``) and stored in one sorted list per side, with a parallel array of owners:
what the name belongs to and how it counts (see ``Owner``).
"""

from __future__ import annotations

import math
import zoneinfo
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.places import codifier, world
from bot.domain.places.codifier import HROMADA, KIND_ORDER, SPECIAL_CITY, Codifier, Hromada
from bot.domain.places.tables import NameTable, Owner, Rows
from bot.domain.places.translit import fold, fold_lines, transliterate

# pycountry's English names are transliterations ("Kyivska oblast"); English text uses these.
REGION_EN = {
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
# A GeoNames record of this many people, named like a city and a village of one oblast, is
# the city.
_CITY_POPULATION = 5000


@dataclass
class _Names:
    """Folded names and their owners, collected before sorting."""

    raw: list[str]
    owners: list[int]

    def add(self, names: Iterable[str], number: int, how: Owner) -> None:
        for name in names:
            if name:
                self.raw.append(name)
                self.owners.append(Owner.encode(number, how))

    def later_parts(self, folded: str, number: int, how: Owner) -> None:
        words = folded.split(" ")
        self.add((" ".join(words[at:]) for at in range(1, len(words))), number, how)

    def table(self) -> NameTable:
        folded = fold_lines("\n".join(self.raw)).split("\n") if self.raw else []
        # Spellings that fold alike (Kiev, Kíev) are one entry per owner; what does not fold
        # to ASCII is a script nobody types here, and leaving it out keeps the table compact.
        pairs = sorted(
            {
                (name, number)
                for name, number in zip(folded, self.owners, strict=True)
                if name and name.isascii()
            }
        )
        return NameTable.pack([name for name, _ in pairs], [number for _, number in pairs])


def _pack(*fields: object) -> str:
    return "\t".join("" if value is None else str(value) for value in fields)


def _population_rank(population: int) -> int:
    """Half-decades of people: sources differ in year and coverage, so only a real
    difference in size (a regional centre against a small town) orders same-named places."""
    return int(2 * math.log10(population)) if population > 0 else 0


def _link(
    code: Codifier, records: Iterable[world.UkrainianRecord]
) -> tuple[dict[str, list[str]], dict[str, int]]:
    """GeoNames names and populations of the codifier's settlements, by settlement code.

    A record is linked where exactly one settlement of its oblast has one of its Cyrillic
    names; among a city and villages of one name, a record of a town's size is the city.
    """
    by_name: defaultdict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for hromada in code.hromadas:
        for settlement in hromada.settlements:
            by_name[(hromada.oblast, fold(settlement.name))].append(
                (settlement.code, settlement.category)
            )
    names: defaultdict[str, list[str]] = defaultdict(list)
    people: dict[str, int] = {}
    for record in records:
        if record.region is None:
            continue
        found = {
            settlement
            for cyrillic in record.cyrillic
            for settlement in by_name.get((record.region, fold(cyrillic)), ())
        }
        if len(found) > 1 and record.population >= _CITY_POPULATION:
            found = {entry for entry in found if entry[1] in ("M", "K")}
        if len(found) != 1:
            continue
        (settlement_code, _category) = found.pop()
        people[settlement_code] = people.get(settlement_code, 0) + record.population
        names[settlement_code] += [*record.cyrillic, *record.latin]
    return names, people


def _ukrainian(code: Codifier) -> dict[str, object]:
    former, people = _link(code, world.ukrainian_records())
    units: list[str] = []
    settlements: list[str] = []
    names = _Names([], [])
    regions = [oblast.iso for oblast in code.oblasts]
    # What ranking needs of every hromada and settlement, as arrays: no row is decoded
    # while a search weighs its candidates.
    unit_region, unit_rank, unit_kind = array("B"), array("B"), array("B")
    settlement_unit, centres = array("H"), array("I")
    for number, hromada in enumerate(code.hromadas):
        population = sum(people.get(s.code, 0) for s in hromada.settlements)
        units.append(_unit(hromada, population))
        unit_region.append(regions.index(hromada.oblast))
        unit_rank.append(_population_rank(population))
        unit_kind.append(KIND_ORDER[hromada.kind])
        centres.append(len(settlements))
        centre = hromada.centre
        names.add([hromada.name], number, Owner.NAME)
        names.add([centre.name], number, Owner.CENTRE)
        names.later_parts(fold(centre.name), number, Owner.WORDS)
        names.later_parts(fold(hromada.name), number, Owner.WORDS)
        for settlement in hromada.settlements:
            at = len(settlements)
            settlement_unit.append(number)
            settlements.append(
                _pack(settlement.name, settlement.category, number, int(settlement is centre))
            )
            if settlement is not centre:
                names.add([settlement.name], at, Owner.SETTLEMENT)
                names.later_parts(fold(settlement.name), at, Owner.SETTLEMENT_WORDS)
            own = fold(settlement.name)
            extra = {fold(name) for name in former.get(settlement.code, ())} - {own, ""}
            names.add(sorted(extra), at, Owner.FORMER)
    return {
        "ua_units": Rows.pack(units).dump(),
        "ua_settlements": Rows.pack(settlements).dump(),
        "ua_names": names.table().dump(),
        "ua_unit_region": unit_region.tobytes(),
        "ua_unit_rank": unit_rank.tobytes(),
        "ua_unit_kind": unit_kind.tobytes(),
        "ua_settlement_unit": settlement_unit.tobytes(),
        "ua_centres": centres.tobytes(),
    }


def _unit(hromada: Hromada, population: int) -> str:
    centre = hromada.centre.name
    return _pack(
        hromada.code,
        transliterate(centre),
        centre,
        "UA",
        hromada.oblast,
        population or None,
        SPECIAL_CITY if hromada.kind == SPECIAL_CITY else HROMADA,
        world.UKRAINE_TZ,
        hromada.name,
        hromada.kind,
        hromada.raion,
    )


def _foreign() -> dict[str, object]:
    units: list[str] = []
    names = _Names([], [])
    geonames: list[tuple[int, int]] = []
    other_keys: dict[str, int] = {}
    zones = zoneinfo.available_timezones()
    population, country = array("I"), array("H")
    country_codes: list[str] = []
    for number, place in enumerate(world.foreign_places()):
        tz = place.tz if place.tz in zones else None
        population.append(place.population or 0)
        if place.country not in country_codes:
            country_codes.append(place.country)
        country.append(country_codes.index(place.country))
        units.append(
            _pack(
                place.key,
                place.name,
                place.name_uk,
                place.country,
                place.region,
                place.population,
                place.kind,
                tz,
                place.name_local,
            )
        )
        if place.key.startswith("gn:"):
            geonames.append((int(place.key[3:]), number))
        else:
            other_keys[place.key] = number
        own = [place.name, *(n for n in (place.name_uk, place.name_local) if n)]
        names.add(own, number, Owner.NAME)
        for name in own:
            names.later_parts(fold(name), number, Owner.WORDS)
        names.add(sorted(set(place.alternates) - set(own)), number, Owner.ALTERNATE)
    geonames.sort()
    return {
        "world_units": Rows.pack(units).dump(),
        "world_names": names.table().dump(),
        "world_geonames": array("I", (geonameid for geonameid, _ in geonames)).tobytes(),
        "world_geoname_units": array("I", (number for _, number in geonames)).tobytes(),
        "world_keys": other_keys,
        "world_population": population.tobytes(),
        "world_country": country.tobytes(),
        "world_country_codes": country_codes,
    }


def _countries() -> dict[str, object]:
    available = zoneinfo.available_timezones()
    zones = {code: zone for code, zone in world.country_time_zones().items() if zone in available}
    records = world.countries()
    names = _Names([], [])
    packed = []
    for number, record in enumerate(records):
        packed.append(_pack(record.code, record.name_en, record.name_uk, zones.get(record.code)))
        names.add(sorted(record.aliases), number, Owner.NAME)
    return {"countries": packed, "country_names": names.table().dump()}


def _regions(code: Codifier) -> list[str]:
    packed = []
    for oblast in code.oblasts:
        if oblast.name.startswith("Автономна") or oblast.iso in ("UA-30", "UA-40"):
            name_uk = oblast.name
        else:
            name_uk = f"{oblast.name} область"
        packed.append(_pack(oblast.iso, REGION_EN[oblast.iso], name_uk, oblast.code))
    return packed


def build(rows: Iterable[codifier.Row] | None = None) -> dict[str, object]:
    """Everything the index holds, from the packaged sources (takes seconds)."""
    code = codifier.read(codifier.packaged_rows() if rows is None else rows)
    return {
        "regions": _regions(code),
        **_ukrainian(code),
        **_foreign(),
        **_countries(),
    }
