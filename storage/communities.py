"""Communities: Ukrainian hromadas and foreign municipalities, districts and counties.

Nearly every screen names the sender's community, and a community changes only through
this repository (its hromada's code found, its time zone filled in), so the repository
keeps every row it has read in memory and refreshes it on each change.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, iso
from bot.domain import places
from storage.db import Database

UNMATCHED, MATCHED = "unmatched", "matched"


@dataclass(frozen=True)
class Community:
    id: int
    kind: str  # 'ua' or 'foreign'
    name: str
    name_uk: str | None
    country_code: str
    region_code: str | None
    population: int | None
    place_key: str | None
    unit_kind: str
    demo: bool
    katottg: str | None = None  # the hromada's code in the state codifier
    tz: str | None = None
    code_status: str | None = None

    def title(self, lang: str) -> str:
        """The name in running text: «Долина», «Jena»; a county or district abroad as its
        country writes it for a reader of the partners' languages («Powiat gnieźnieński»)."""
        if lang == "uk" and self.name_uk:
            return self.name_uk
        if lang not in ("uk", "en") and self.kind != "ua" and self.place_key:
            place = places.get(self.place_key)
            if place is not None and place.name_local:
                return place.name_local
        return self.name

    def official(self, lang: str) -> str:
        """The full form: «Долинська міська територіальна громада, Калуський район,
        Івано-Франківська область»; «Jena, Germany»; a name typed by hand with its oblast or
        country."""
        place = places.get(self.katottg) if self.katottg else None
        if place is not None:
            return place.display(lang)
        if self.kind == "ua" and self.region_code:
            region = places.region(self.region_code)
            return f"{self.title(lang)}, {region.name(lang)}" if region else self.title(lang)
        country = places.country(self.country_code)
        return f"{self.title(lang)}, {country.name(lang)}" if country else self.title(lang)


def _community(row: object) -> Community:
    r = dict(row)  # type: ignore[call-overload]
    return Community(
        id=r["id"],
        kind=r["kind"],
        name=r["name"],
        name_uk=r["name_uk"],
        country_code=r["country_code"],
        region_code=r["region_code"],
        population=r["population"],
        place_key=r["place_key"],
        unit_kind=r["unit_kind"],
        demo=bool(r["demo"]),
        katottg=r["katottg"],
        tz=r["tz"],
        code_status=r["code_status"],
    )


class CommunityRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock
        self._known: dict[int, Community] = {}
        self._by_place: dict[str, int] = {}
        db.on_rollback.append(self._forget)

    def _forget(self) -> None:
        self._known.clear()
        self._by_place.clear()

    def _keep(self, row: object) -> Community:
        community = _community(row)
        self._known[community.id] = community
        if community.place_key:
            self._by_place[community.place_key] = community.id
        return community

    async def get(self, community_id: int) -> Community | None:
        known = self._known.get(community_id)
        if known is not None:
            return known
        row = await self.db.fetchone("SELECT * FROM communities WHERE id = ?", (community_id,))
        return self._keep(row) if row else None

    async def by_place(self, place_key: str) -> Community | None:
        known = self._by_place.get(place_key)
        if known is not None and known in self._known:
            return self._known[known]
        row = await self.db.fetchone("SELECT * FROM communities WHERE place_key = ?", (place_key,))
        return self._keep(row) if row else None

    async def find_free_text(self, name: str, country_code: str) -> Community | None:
        row = await self.db.fetchone(
            "SELECT * FROM communities WHERE place_key IS NULL AND lower(name) = lower(?)"
            " AND country_code = ?",
            (name, country_code),
        )
        return self._keep(row) if row else None

    async def create(
        self,
        *,
        kind: str,
        name: str,
        country_code: str,
        name_uk: str | None = None,
        region_code: str | None = None,
        population: int | None = None,
        place_key: str | None = None,
        unit_kind: str = "settlement",
        created_by: int | None = None,
        demo: bool = False,
        katottg: str | None = None,
        tz: str | None = None,
    ) -> Community:
        """Create a community, or return the existing one for the same place."""
        existing = (
            await self.by_place(place_key)
            if place_key
            else await self.find_free_text(name, country_code)
        )
        if existing:
            return existing
        row = await self.db.fetchone(
            "INSERT INTO communities (kind, name, name_uk, country_code, region_code, population,"
            " place_key, unit_kind, created_by, demo, created_at, katottg, tz, code_status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
            (
                kind,
                name,
                name_uk,
                country_code,
                region_code,
                population,
                place_key,
                unit_kind,
                created_by,
                int(demo),
                iso(self.clock.now()),
                katottg,
                tz or places.default_tz(country_code),
                # A Ukrainian community typed by hand waits for an operator to find its code.
                MATCHED if katottg else UNMATCHED if kind == "ua" else None,
            ),
        )
        return self._keep(row)

    async def from_place(
        self, place: places.Place, *, created_by: int | None = None, demo: bool = False
    ) -> Community:
        """The community of a place of the index, created the first time anyone picks it."""
        return await self.create(
            kind="ua" if place.country_code == "UA" else "foreign",
            name=place.name,
            name_uk=place.name_uk,
            country_code=place.country_code,
            region_code=place.region_code,
            population=place.population,
            place_key=place.key,
            unit_kind=place.kind,
            created_by=created_by,
            demo=demo,
            katottg=place.katottg,
            tz=place.tz,
        )

    async def list_by_ids(self, ids: list[int]) -> list[Community]:
        missing = sorted({i for i in ids if i not in self._known})
        if missing:
            marks = ",".join("?" * len(missing))
            rows = await self.db.fetchall(
                f"SELECT * FROM communities WHERE id IN ({marks})", missing
            )
            for row in rows:
                self._keep(row)
        return [self._known[i] for i in sorted(set(ids)) if i in self._known]

    # --- codes of communities made before the codifier ----------------------------------

    async def unchecked(self) -> list[Community]:
        """Ukrainian communities never matched against the codifier."""
        rows = await self.db.fetchall(
            "SELECT * FROM communities WHERE kind = 'ua' AND katottg IS NULL"
            " AND code_status IS NULL ORDER BY id"
        )
        return [_community(row) for row in rows]

    async def unmatched(self) -> list[Community]:
        """Ukrainian communities whose hromada an operator has to pick."""
        rows = await self.db.fetchall(
            "SELECT * FROM communities WHERE code_status = 'unmatched' ORDER BY id"
        )
        return [_community(row) for row in rows]

    async def mark_unmatched(self, community_id: int) -> None:
        row = await self.db.fetchone(
            "UPDATE communities SET code_status = 'unmatched' WHERE id = ? RETURNING *",
            (community_id,),
        )
        if row is not None:
            self._keep(row)

    async def set_place(self, community_id: int, place: places.Place) -> Community | None:
        """Give a community its hromada: the code, names and oblast of the codifier.

        The place key moves to it too, unless another community already holds that hromada
        (then both keep theirs, and the code tells what they are).
        """
        taken = await self.by_place(place.key)
        row = await self.db.fetchone(
            "UPDATE communities SET katottg = ?, code_status = 'matched', name = ?, name_uk = ?,"
            " region_code = ?, unit_kind = ?, tz = ?,"
            " population = coalesce(?, population), place_key = ? WHERE id = ? RETURNING *",
            (
                place.katottg,
                place.name,
                place.name_uk,
                place.region_code,
                place.kind,
                place.tz or places.default_tz(place.country_code),
                place.population,
                place.key if taken is None or taken.id == community_id else None,
                community_id,
            ),
        )
        if row is None:
            return None
        # Its old place key, if it had one, no longer leads to it.
        for key in [key for key, known in self._by_place.items() if known == community_id]:
            del self._by_place[key]
        return self._keep(row)

    async def fill_time_zones(self) -> None:
        """Communities made before they carried a time zone get their country's."""
        rows = await self.db.fetchall(
            "SELECT DISTINCT country_code FROM communities WHERE tz IS NULL"
        )
        for (country_code,) in rows:
            await self.db.execute(
                "UPDATE communities SET tz = ? WHERE tz IS NULL AND country_code = ?",
                (places.default_tz(country_code), country_code),
            )
        self._forget()
