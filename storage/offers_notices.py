"""Match notices waiting for a digest, each user's choice to get them, and the digest log."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.clock import Clock, iso
from storage.db import Database


@dataclass(frozen=True)
class MatchNotice:
    id: int
    user_id: int
    offer_id: int
    need_id: int


class NoticeRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    async def add(self, notices: Iterable[tuple[int, int, int]]) -> None:
        """Queue notices (user, offer, need); a match already queued for someone is not
        queued again."""
        now = iso(self.clock.now())
        rows = [(user_id, offer_id, need_id, now) for user_id, offer_id, need_id in notices]
        if not rows:
            return
        async with self.db.transaction() as db:
            await db.executemany(
                "INSERT OR IGNORE INTO match_notices (user_id, offer_id, need_id, created_at)"
                " VALUES (?, ?, ?, ?)",
                rows,
            )

    async def users_waiting(self) -> list[int]:
        rows = await self.db.fetchall(
            "SELECT DISTINCT n.user_id FROM match_notices n"
            " LEFT JOIN notice_prefs p ON p.user_id = n.user_id"
            " WHERE n.sent_at IS NULL AND COALESCE(p.matches, 1) = 1 ORDER BY n.user_id"
        )
        return [row[0] for row in rows]

    async def waiting(self, user_id: int) -> list[MatchNotice]:
        rows = await self.db.fetchall(
            "SELECT id, user_id, offer_id, need_id FROM match_notices"
            " WHERE user_id = ? AND sent_at IS NULL ORDER BY id",
            (user_id,),
        )
        return [MatchNotice(*row) for row in rows]

    async def claim_day(self, user_id: int, day: str, items: int) -> bool:
        """Take the user's one digest of this local day; False when it was already taken."""
        changed = await self.db.execute_changes(
            "INSERT OR IGNORE INTO digest_log (user_id, day, sent_at, items) VALUES (?, ?, ?, ?)",
            (user_id, day, iso(self.clock.now()), items),
        )
        return changed == 1

    async def mark_sent(self, notice_ids: Iterable[int]) -> None:
        now = iso(self.clock.now())
        await self.db.executemany(
            "UPDATE match_notices SET sent_at = ? WHERE id = ?", [(now, i) for i in notice_ids]
        )

    async def digests_sent(self, user_id: int) -> int:
        return int(
            await self.db.fetchval("SELECT COUNT(*) FROM digest_log WHERE user_id = ?", (user_id,))
        )

    async def enabled(self, user_id: int) -> bool:
        value = await self.db.fetchval(
            "SELECT matches FROM notice_prefs WHERE user_id = ?", (user_id,)
        )
        return value is None or bool(value)

    async def set_enabled(self, user_id: int, enabled: bool) -> None:
        await self.db.execute(
            "INSERT INTO notice_prefs (user_id, matches, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(user_id) DO UPDATE SET matches = excluded.matches,"
            " updated_at = excluded.updated_at",
            (user_id, int(enabled), iso(self.clock.now())),
        )
