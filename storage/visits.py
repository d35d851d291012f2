"""Visits and online meetings between a community and a partner.

Every change writes a history row in the same transaction; deleting only marks the visit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.clock import Clock, iso
from storage.db import Database
from storage.history import HistoryEntry, changes_of

EDITABLE = (
    "community_id",
    "partner_id",
    "partnership_id",
    "direction",
    "start_date",
    "end_date",
    "delegation_size",
    "leader",
    "sectors",
    "note",
    "outcomes",
)


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
# A partnership's visits: any between its two communities, also those logged before it.
_OF_PARTNERSHIP = (
    "EXISTS (SELECT 1 FROM partnerships p WHERE p.id = :p"
    " AND visits.community_id IN (p.community_id, p.partner_id)"
    " AND visits.partner_id IN (p.community_id, p.partner_id)) AND deleted_at IS NULL"
)


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
        async with self.db.transaction():
            visit_id = await self.db.execute(
                "INSERT INTO visits (community_id, partner_id, partnership_id, direction,"
                " start_date, end_date, delegation_size, leader, sectors, note, created_by,"
                " created_at, updated_at, client_token)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            await self._history(visit_id, new.created_by, "create", {}, now)
        visit = await self.get(visit_id)
        assert visit is not None
        return visit, True

    async def get(self, visit_id: int) -> Visit | None:
        row = await self.db.fetchone("SELECT * FROM visits WHERE id = ?", (visit_id,))
        return _visit(row) if row else None

    async def _history(
        self, visit_id: int, actor: int | None, action: str, changes: dict[str, Any], now: str
    ) -> None:
        await self.db.execute(
            "INSERT INTO visit_history (visit_id, actor_id, action, changes, at)"
            " VALUES (?, ?, ?, ?, ?)",
            (visit_id, actor, action, json.dumps(changes, ensure_ascii=False), now),
        )

    async def update(
        self, visit_id: int, actor: int, action: str = "edit", **values: Any
    ) -> Visit | None:
        """Change fields of a live visit, keeping what they were in the history."""
        before = await self.get(visit_id)
        if before is None or before.deleted:
            return None
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        changes = changes_of(before, values)
        if not changes:
            return before
        now = iso(self.clock.now())
        assignments = ", ".join(f"{name} = :{name}" for name in changes)
        params = {
            name: json.dumps(list(values[name])) if name == "sectors" else values[name]
            for name in changes
        }
        async with self.db.transaction():
            await self.db.execute(
                f"UPDATE visits SET {assignments}, updated_at = :now WHERE id = :id",
                {**params, "now": now, "id": visit_id},
            )
            await self._history(visit_id, actor, action, changes, now)
        return await self.get(visit_id)

    async def set_outcomes(self, visit_id: int, actor: int, outcomes: str) -> Visit | None:
        return await self.update(visit_id, actor, "outcomes", outcomes=outcomes)

    async def delete(self, visit_id: int, actor: int) -> bool:
        now = iso(self.clock.now())
        async with self.db.transaction():
            changed = await self.db.execute_changes(
                "UPDATE visits SET deleted_at = ?, updated_at = ?"
                " WHERE id = ? AND deleted_at IS NULL",
                (now, now, visit_id),
            )
            if changed == 1:
                await self._history(visit_id, actor, "delete", {}, now)
        return changed == 1

    async def history(self, visit_id: int) -> list[HistoryEntry]:
        rows = await self.db.fetchall(
            "SELECT actor_id, action, changes, at FROM visit_history WHERE visit_id = ?"
            " ORDER BY id",
            (visit_id,),
        )
        return [HistoryEntry(r[0], r[1], json.loads(r[2]), r[3]) for r in rows]

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
