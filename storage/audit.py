"""Who changed what and when. Features write here whenever they change a record."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.clock import Clock, iso
from storage.db import Database


@dataclass(frozen=True)
class AuditEntry:
    actor_id: int | None
    entity: str
    entity_id: int | None
    action: str
    data: dict[str, Any]
    at: str


class AuditRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    async def record(
        self,
        actor_id: int | None,
        entity: str,
        entity_id: int | None,
        action: str,
        data: dict[str, Any] | None = None,
    ) -> None:
        await self.db.execute(
            "INSERT INTO audit_log (actor_id, entity, entity_id, action, data, at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                actor_id,
                entity,
                entity_id,
                action,
                json.dumps(data or {}, ensure_ascii=False, default=str),
                iso(self.clock.now()),
            ),
        )

    async def history(self, entity: str, entity_id: int) -> list[AuditEntry]:
        rows = await self.db.fetchall(
            "SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id",
            (entity, entity_id),
        )
        return [
            AuditEntry(
                r["actor_id"],
                r["entity"],
                r["entity_id"],
                r["action"],
                json.loads(r["data"] or "{}"),
                r["at"],
            )
            for r in rows
        ]
