"""Who acts for which community, and in what role. Claims wait for an operator.

Every update needs its sender's memberships, so the repository keeps each user's list in
memory once read; its own writes drop the lists they change (every write to the table goes
through it), and so does a rolled-back transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.clock import Clock, iso
from storage.db import Database


@dataclass(frozen=True)
class Membership:
    id: int
    user_id: int
    community_id: int
    role: str  # 'admin' or 'member'
    status: str  # 'pending', 'approved', 'rejected', 'revoked'

    @property
    def approved(self) -> bool:
        return self.status == "approved"

    @property
    def is_admin(self) -> bool:
        return self.approved and self.role == "admin"


def _membership(row: object) -> Membership:
    r = dict(row)  # type: ignore[call-overload]
    return Membership(r["id"], r["user_id"], r["community_id"], r["role"], r["status"])


class MembershipRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock
        self._by_user: dict[int, list[Membership]] = {}
        db.on_rollback.append(self._by_user.clear)
        # Told the community whose members changed (an invitation link dies with its author).
        self.on_change: list[Callable[[int], None]] = []

    async def get(self, membership_id: int) -> Membership | None:
        row = await self.db.fetchone("SELECT * FROM memberships WHERE id = ?", (membership_id,))
        return _membership(row) if row else None

    async def _of_user(self, user_id: int) -> list[Membership]:
        known = self._by_user.get(user_id)
        if known is None:
            rows = await self.db.fetchall(
                "SELECT * FROM memberships WHERE user_id = ? ORDER BY id", (user_id,)
            )
            known = self._by_user[user_id] = [_membership(row) for row in rows]
        return known

    async def of(self, user_id: int, community_id: int) -> Membership | None:
        return next(
            (m for m in await self._of_user(user_id) if m.community_id == community_id), None
        )

    async def for_user(self, user_id: int, status: str | None = "approved") -> list[Membership]:
        return [m for m in await self._of_user(user_id) if not status or m.status == status]

    async def members(self, community_id: int) -> list[Membership]:
        rows = await self.db.fetchall(
            "SELECT * FROM memberships WHERE community_id = ? AND status = 'approved' ORDER BY id",
            (community_id,),
        )
        return [_membership(row) for row in rows]

    async def members_of(self, community_ids: Iterable[int]) -> dict[int, set[int]]:
        """The approved members of each community, by community id."""
        ids = sorted(set(community_ids))
        found: dict[int, set[int]] = {community_id: set() for community_id in ids}
        if ids:
            marks = ",".join("?" * len(ids))
            rows = await self.db.fetchall(
                f"SELECT community_id, user_id FROM memberships WHERE status = 'approved'"
                f" AND community_id IN ({marks})",
                ids,
            )
            for community_id, user_id in rows:
                found[community_id].add(user_id)
        return found

    async def pending(self) -> list[Membership]:
        rows = await self.db.fetchall(
            "SELECT * FROM memberships WHERE status = 'pending' ORDER BY id"
        )
        return [_membership(row) for row in rows]

    async def claim(self, user_id: int, community_id: int, role: str = "admin") -> Membership:
        """File a claim; a rejected or revoked claim may be filed again."""
        await self.db.execute(
            "INSERT INTO memberships (user_id, community_id, role, status, created_at)"
            " VALUES (?, ?, ?, 'pending', ?) ON CONFLICT(user_id, community_id) DO UPDATE SET"
            " role = excluded.role, status = 'pending', decided_by = NULL, decided_at = NULL"
            " WHERE memberships.status IN ('rejected', 'revoked')",
            (user_id, community_id, role, iso(self.clock.now())),
        )
        self._changed(user_id, community_id)
        membership = await self.of(user_id, community_id)
        assert membership is not None
        return membership

    async def decide(self, membership_id: int, approve: bool, operator_id: int) -> bool:
        """Approve or reject a pending claim; False when someone already decided it."""
        changed = await self.db.fetchall(
            "UPDATE memberships SET status = ?, decided_by = ?, decided_at = ?"
            " WHERE id = ? AND status = 'pending' RETURNING user_id, community_id",
            (
                "approved" if approve else "rejected",
                operator_id,
                iso(self.clock.now()),
                membership_id,
            ),
        )
        for row in changed:
            self._changed(row[0], row[1])
        return len(changed) == 1

    async def join_by_invite(self, user_id: int, community_id: int, inviter_id: int) -> Membership:
        await self.db.execute(
            "INSERT INTO memberships (user_id, community_id, role, status, via_invite, decided_by,"
            " decided_at, created_at) VALUES (?, ?, 'member', 'approved', 1, ?, ?, ?)"
            " ON CONFLICT(user_id, community_id) DO UPDATE SET status = 'approved',"
            " via_invite = 1, decided_by = excluded.decided_by, decided_at = excluded.decided_at"
            " WHERE memberships.status != 'approved'",
            (user_id, community_id, inviter_id, iso(self.clock.now()), iso(self.clock.now())),
        )
        self._changed(user_id, community_id)
        membership = await self.of(user_id, community_id)
        assert membership is not None
        return membership

    async def revoke(self, user_id: int, community_id: int, operator_id: int) -> bool:
        """End an approved membership; False when there was none to end."""
        changed = await self.db.execute_changes(
            "UPDATE memberships SET status = 'revoked', decided_by = ?, decided_at = ?"
            " WHERE user_id = ? AND community_id = ? AND status = 'approved'",
            (operator_id, iso(self.clock.now()), user_id, community_id),
        )
        self._changed(user_id, community_id)
        return changed == 1

    def _changed(self, user_id: int, community_id: int) -> None:
        self._by_user.pop(user_id, None)
        for listener in self.on_change:
            listener(community_id)
