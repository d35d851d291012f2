"""Visits and online meetings between a community and a partner."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.clock import Clock, iso
from storage.db import Database


@dataclass(frozen=True)
class Visit:
    id: int
    community_id: int
    partner_id: int
    partnership_id: int | None
    direction: str
    start_date: str
    end_date: str
    delegation_size: int | None
    leader: str | None
    sectors: tuple[str, ...]
    note: str | None
    outcomes: str | None
    created_by: int
    deleted: bool


@dataclass
class NewVisit:
    community_id: int
    partner_id: int
    direction: str
    start_date: str
    end_date: str
    created_by: int
    partnership_id: int | None = None
    delegation_size: int | None = None
    leader: str | None = None
    sectors: tuple[str, ...] = ()
    note: str | None = None
    client_token: str | None = None


def _visit(row: Any) -> Visit:
    r = dict(row)
    return Visit(
        id=r["id"],
        community_id=r["community_id"],
        partner_id=r["partner_id"],
        partnership_id=r["partnership_id"],
        direction=r["direction"],
        start_date=r["start_date"],
        end_date=r["end_date"],
        delegation_size=r["delegation_size"],
        leader=r["leader"],
        sectors=tuple(json.loads(r["sectors"] or "[]")),
        note=r["note"],
        outcomes=r["outcomes"],
        created_by=r["created_by"],
        deleted=r["deleted_at"] is not None,
    )


_OF_COMMUNITY = "(community_id = :c OR partner_id = :c) AND deleted_at IS NULL"
_OF_PARTNERSHIP = "partnership_id = :p AND deleted_at IS NULL"


def _scope(community_id: int, partnership_id: int | None) -> tuple[str, dict[str, int]]:
    if partnership_id:
        return _OF_PARTNERSHIP, {"p": partnership_id}
    return _OF_COMMUNITY, {"c": community_id}


class VisitRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    async def create(self, new: NewVisit) -> tuple[Visit, bool]:
        """Save a visit; (the visit, False) when this draft was already saved."""
        if new.client_token:
            existing = await self.db.fetchval(
                "SELECT id FROM visits WHERE client_token = ?", (new.client_token,)
            )
            if existing:
                visit = await self.get(existing)
                assert visit is not None
                return visit, False
        now = iso(self.clock.now())
        visit_id = await self.db.execute(
            "INSERT INTO visits (community_id, partner_id, partnership_id, direction, start_date,"
            " end_date, delegation_size, leader, sectors, note, created_by, created_at,"
            " updated_at, client_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new.community_id,
                new.partner_id,
                new.partnership_id,
                new.direction,
                new.start_date,
                new.end_date,
                new.delegation_size,
                new.leader,
                json.dumps(list(new.sectors)),
                new.note,
                new.created_by,
                now,
                now,
                new.client_token,
            ),
        )
        visit = await self.get(visit_id)
        assert visit is not None
        return visit, True

    async def get(self, visit_id: int) -> Visit | None:
        row = await self.db.fetchone("SELECT * FROM visits WHERE id = ?", (visit_id,))
        return _visit(row) if row else None

    async def set_outcomes(self, visit_id: int, outcomes: str) -> Visit | None:
        await self.db.execute(
            "UPDATE visits SET outcomes = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
            (outcomes, iso(self.clock.now()), visit_id),
        )
        return await self.get(visit_id)

    async def page(
        self, community_id: int, partnership_id: int | None, offset: int, limit: int
    ) -> list[Visit]:
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            f"SELECT * FROM visits WHERE {where} ORDER BY start_date DESC, id DESC"
            " LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [_visit(row) for row in rows]

    async def per_year(self, community_id: int, partnership_id: int | None) -> dict[int, int]:
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            f"SELECT CAST(substr(start_date, 1, 4) AS INTEGER), count(*) FROM visits WHERE {where}"
            " GROUP BY 1 ORDER BY 1",
            params,
        )
        return {row[0]: row[1] for row in rows}
