"""Who acts for which community, and in what role. Claims wait for an operator."""

from __future__ import annotations

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

    async def get(self, membership_id: int) -> Membership | None:
        row = await self.db.fetchone("SELECT * FROM memberships WHERE id = ?", (membership_id,))
        return _membership(row) if row else None

    async def of(self, user_id: int, community_id: int) -> Membership | None:
        row = await self.db.fetchone(
            "SELECT * FROM memberships WHERE user_id = ? AND community_id = ?",
            (user_id, community_id),
        )
        return _membership(row) if row else None

    async def for_user(self, user_id: int, status: str | None = "approved") -> list[Membership]:
        sql = "SELECT * FROM memberships WHERE user_id = ?"
        params: tuple[object, ...] = (user_id,)
        if status:
            sql, params = sql + " AND status = ?", (user_id, status)
        rows = await self.db.fetchall(sql + " ORDER BY id", params)
        return [_membership(row) for row in rows]

    async def members(self, community_id: int) -> list[Membership]:
        rows = await self.db.fetchall(
            "SELECT * FROM memberships WHERE community_id = ? AND status = 'approved' ORDER BY id",
            (community_id,),
        )
        return [_membership(row) for row in rows]

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
        membership = await self.of(user_id, community_id)
        assert membership is not None
        return membership

    async def decide(self, membership_id: int, approve: bool, operator_id: int) -> bool:
        """Approve or reject a pending claim; False when someone already decided it."""
        changed = await self.db.execute_changes(
            "UPDATE memberships SET status = ?, decided_by = ?, decided_at = ?"
            " WHERE id = ? AND status = 'pending'",
            (
                "approved" if approve else "rejected",
                operator_id,
                iso(self.clock.now()),
                membership_id,
            ),
        )
        return changed == 1

    async def join_by_invite(self, user_id: int, community_id: int, inviter_id: int) -> Membership:
        await self.db.execute(
            "INSERT INTO memberships (user_id, community_id, role, status, via_invite, decided_by,"
            " decided_at, created_at) VALUES (?, ?, 'member', 'approved', 1, ?, ?, ?)"
            " ON CONFLICT(user_id, community_id) DO UPDATE SET status = 'approved',"
            " via_invite = 1, decided_by = excluded.decided_by, decided_at = excluded.decided_at"
            " WHERE memberships.status != 'approved'",
            (user_id, community_id, inviter_id, iso(self.clock.now()), iso(self.clock.now())),
        )
        membership = await self.of(user_id, community_id)
        assert membership is not None
        return membership
