"""Partnerships between a Ukrainian community and a foreign one, and their linked groups."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, iso
from storage.db import Database


@dataclass(frozen=True)
class Partnership:
    id: int
    community_id: int  # the Ukrainian side
    partner_id: int  # the foreign side
    step: str
    status: str
    status_reason: str | None

    def involves(self, community_id: int | None) -> bool:
        return community_id is not None and community_id in (self.community_id, self.partner_id)


def _partnership(row: object) -> Partnership:
    r = dict(row)  # type: ignore[call-overload]
    return Partnership(
        r["id"], r["community_id"], r["partner_id"], r["step"], r["status"], r["status_reason"]
    )


class PartnershipRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    async def create(self, community_id: int, partner_id: int, created_by: int | None) -> Partnership:
        now = iso(self.clock.now())
        partnership_id = await self.db.execute(
            "INSERT INTO partnerships (community_id, partner_id, created_by, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (community_id, partner_id, created_by, now, now),
        )
        created = await self.get(partnership_id)
        assert created is not None
        return created

    async def get(self, partnership_id: int) -> Partnership | None:
        row = await self.db.fetchone("SELECT * FROM partnerships WHERE id = ?", (partnership_id,))
        return _partnership(row) if row else None

    async def for_community(self, community_id: int) -> list[Partnership]:
        """Partnerships a community takes part in, on either side."""
        rows = await self.db.fetchall(
            "SELECT * FROM partnerships WHERE community_id = ? OR partner_id = ? ORDER BY id",
            (community_id, community_id),
        )
        return [_partnership(row) for row in rows]

    async def between(self, community_id: int, partner_id: int) -> Partnership | None:
        row = await self.db.fetchone(
            "SELECT * FROM partnerships WHERE (community_id = ? AND partner_id = ?)"
            " OR (community_id = ? AND partner_id = ?) ORDER BY id DESC LIMIT 1",
            (community_id, partner_id, partner_id, community_id),
        )
        return _partnership(row) if row else None

    async def link_chat(self, partnership_id: int, chat_id: int, user_id: int) -> None:
        await self.db.execute(
            "INSERT OR IGNORE INTO partnership_chats (partnership_id, chat_id, linked_by, linked_at)"
            " VALUES (?, ?, ?, ?)",
            (partnership_id, chat_id, user_id, iso(self.clock.now())),
        )

    async def unlink_chat(self, partnership_id: int, chat_id: int) -> None:
        await self.db.execute(
            "DELETE FROM partnership_chats WHERE partnership_id = ? AND chat_id = ?",
            (partnership_id, chat_id),
        )

    async def linked_chats(self, partnership_id: int) -> list[int]:
        rows = await self.db.fetchall(
            "SELECT chat_id FROM partnership_chats WHERE partnership_id = ? ORDER BY chat_id",
            (partnership_id,),
        )
        return [row[0] for row in rows]

    async def for_chat(self, chat_id: int) -> list[Partnership]:
        rows = await self.db.fetchall(
            "SELECT p.* FROM partnerships p JOIN partnership_chats c ON c.partnership_id = p.id"
            " WHERE c.chat_id = ? ORDER BY p.id",
            (chat_id,),
        )
        return [_partnership(row) for row in rows]

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        await self.db.execute(
            "UPDATE OR IGNORE partnership_chats SET chat_id = ? WHERE chat_id = ?", (new_id, old_id)
        )
