"""Communities: Ukrainian hromadas and foreign municipalities, districts and counties."""

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

    async def get(self, community_id: int) -> Community | None:
        row = await self.db.fetchone("SELECT * FROM communities WHERE id = ?", (community_id,))
        return _community(row) if row else None

    async def by_place(self, place_key: str) -> Community | None:
        row = await self.db.fetchone("SELECT * FROM communities WHERE place_key = ?", (place_key,))
        return _community(row) if row else None

    async def find_free_text(self, name: str, country_code: str) -> Community | None:
        row = await self.db.fetchone(
            "SELECT * FROM communities WHERE place_key IS NULL AND lower(name) = lower(?)"
            " AND country_code = ?",
            (name, country_code),
        )
        return _community(row) if row else None

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
        community_id = await self.db.execute(
            "INSERT INTO communities (kind, name, name_uk, country_code, region_code, population,"
            " place_key, unit_kind, created_by, demo, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        community = await self.get(community_id)
        assert community is not None
        return community

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
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = await self.db.fetchall(f"SELECT * FROM communities WHERE id IN ({marks})", ids)
        return [_community(row) for row in rows]
