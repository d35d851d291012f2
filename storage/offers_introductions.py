"""Introductions: someone interested in an offer or a need asks to be put in touch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.clock import Clock, iso
from storage.db import Database


@dataclass(frozen=True)
class Introduction:
    id: int
    post_id: int
    from_user_id: int
    from_community_id: int
    to_community_id: int
    message: str
    status: str  # 'pending', 'accepted', 'declined'
    decided_by: int | None


def _introduction(row: Any) -> Introduction:
    r = dict(row)
    return Introduction(
        r["id"],
        r["post_id"],
        r["from_user_id"],
        r["from_community_id"],
        r["to_community_id"],
        r["message"],
        r["status"],
        r["decided_by"],
    )


class IntroductionRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    async def get(self, introduction_id: int) -> Introduction | None:
        row = await self.db.fetchone("SELECT * FROM introductions WHERE id = ?", (introduction_id,))
        return _introduction(row) if row else None

    async def of(self, post_id: int, from_community_id: int) -> Introduction | None:
        row = await self.db.fetchone(
            "SELECT * FROM introductions WHERE post_id = ? AND from_community_id = ?",
            (post_id, from_community_id),
        )
        return _introduction(row) if row else None

    async def create(
        self,
        post_id: int,
        from_user_id: int,
        from_community_id: int,
        to_community_id: int,
        message: str,
    ) -> Introduction | None:
        """A new introduction; None when this community already asked about this post."""
        row_id = await self.db.execute(
            "INSERT OR IGNORE INTO introductions (post_id, from_user_id, from_community_id,"
            " to_community_id, message, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (post_id, from_user_id, from_community_id, to_community_id, message,
             iso(self.clock.now())),
        )  # fmt: skip
        existing = await self.of(post_id, from_community_id)
        return existing if existing and existing.id == row_id else None

    async def decide(self, introduction_id: int, accept: bool, user_id: int) -> bool:
        """Compare-and-set: only a pending introduction can be decided, and only once."""
        changed = await self.db.execute_changes(
            "UPDATE introductions SET status = ?, decided_by = ?, decided_at = ?"
            " WHERE id = ? AND status = 'pending'",
            ("accepted" if accept else "declined", user_id, iso(self.clock.now()), introduction_id),
        )
        return changed == 1

    async def undelivered(self, to_community_id: int) -> list[Introduction]:
        """Pending introductions that have reached nobody of the community asked, oldest first."""
        rows = await self.db.fetchall(
            "SELECT * FROM introductions WHERE to_community_id = ? AND delivered_at IS NULL"
            " AND status = 'pending' ORDER BY id",
            (to_community_id,),
        )
        return [_introduction(row) for row in rows]

    async def claim_delivery(self, introduction_id: int) -> bool:
        """Compare-and-set: whoever claims an undelivered introduction sends it, once."""
        changed = await self.db.execute_changes(
            "UPDATE introductions SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL",
            (iso(self.clock.now()), introduction_id),
        )
        return changed == 1

    async def release_delivery(self, introduction_id: int) -> None:
        """Nobody could be reached after all: the introduction waits for someone again."""
        await self.db.execute(
            "UPDATE introductions SET delivered_at = NULL WHERE id = ?", (introduction_id,)
        )
