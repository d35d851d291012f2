"""A community's document requisites: official name, signatory, executor, letterhead."""

from __future__ import annotations

import json
from typing import Any

from bot.clock import Clock, iso
from storage.db import Database


class RequisitesRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    async def get(self, community_id: int) -> dict[str, Any]:
        value = await self.db.fetchval(
            "SELECT data FROM community_requisites WHERE community_id = ?", (community_id,)
        )
        return dict(json.loads(value)) if value else {}

    async def save(self, community_id: int, data: dict[str, Any], actor_id: int | None) -> None:
        """Replace the community's requisites, noting who changed them last and when."""
        await self.db.execute(
            "INSERT INTO community_requisites (community_id, data, updated_by, updated_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(community_id) DO UPDATE SET data = excluded.data,"
            " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            (
                community_id,
                json.dumps(data, ensure_ascii=False, sort_keys=True),
                actor_id,
                iso(self.clock.now()),
            ),
        )
