"""Communities: Ukrainian hromadas and foreign municipalities, districts and counties.

Nearly every screen names the sender's community, and a community never changes once
created, so the repository keeps every row it has read in memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, iso
from bot.gazetteer import Place
from storage.db import Database


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

    def title(self, lang: str) -> str:
        return self.name_uk if lang == "uk" and self.name_uk else self.name


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
            " place_key, unit_kind, created_by, demo, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
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
            ),
        )
        return self._keep(row)

    async def from_place(
        self, place: Place, *, created_by: int | None = None, demo: bool = False
    ) -> Community:
        """The community of a gazetteer place, created the first time anyone picks it."""
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
