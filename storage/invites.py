"""Single-use, expiring invitation links. Only a hash of each token is stored.

A link works while its author still acts for the community (checked when it is used, so it
dies with the author's membership) and until an admin revokes it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from bot.clock import Clock, iso, parse_iso
from storage.db import Database

INVITE_TTL = timedelta(days=7)


class InviteStatus(Enum):
    OK = "ok"
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    REVOKED = "revoked"
    AUTHOR_LEFT = "author left"  # the author no longer acts for the community


@dataclass(frozen=True)
class Invite:
    id: int
    community_id: int
    created_by: int
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class Redemption:
    status: InviteStatus
    community_id: int | None = None
    inviter_id: int | None = None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def new_token() -> str:
    # 24 random bytes = 192 bits, 32 URL-safe characters: within Telegram's 64-character
    # limit for a /start payload and its [A-Za-z0-9_-] alphabet.
    return secrets.token_urlsafe(24)


class InviteRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock
        # The main menu counts an admin's unused links on every showing: each community's
        # list is kept until an invite or a membership of the community changes.
        self._outstanding: dict[int, list[Invite]] = {}
        db.on_rollback.append(self._outstanding.clear)

    def forget(self, community_id: int) -> None:
        """Something that decides which links are outstanding changed for the community."""
        self._outstanding.pop(community_id, None)

    async def create(self, community_id: int, created_by: int) -> str:
        """A new link's token, shown once to its author."""
        token = new_token()
        now = self.clock.now()
        await self.db.execute(
            "INSERT INTO invites (token_hash, community_id, created_by, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (_hash(token), community_id, created_by, iso(now), iso(now + INVITE_TTL)),
        )
        self.forget(community_id)
        return token

    async def get(self, invite_id: int) -> Invite | None:
        row = await self.db.fetchone("SELECT * FROM invites WHERE id = ?", (invite_id,))
        return _invite(row) if row else None

    async def outstanding(self, community_id: int) -> list[Invite]:
        """The community's links not yet used, revoked or expired, newest first, whose
        authors still act for it."""
        known = self._outstanding.get(community_id)
        if known is None:
            rows = await self.db.fetchall(
                "SELECT invites.* FROM invites JOIN memberships m"
                " ON m.user_id = invites.created_by AND m.community_id = invites.community_id"
                " AND m.status = 'approved' WHERE invites.community_id = ? AND used_by IS NULL"
                " AND revoked_at IS NULL ORDER BY invites.id DESC",
                (community_id,),
            )
            known = self._outstanding[community_id] = [_invite(row) for row in rows]
        now = self.clock.now()
        return [invite for invite in known if invite.expires_at > now]

    async def revoke(self, invite_id: int, user_id: int) -> bool:
        """Revoke a link not yet used; False when it was used or revoked already."""
        changed = await self.db.execute_changes(
            "UPDATE invites SET revoked_by = ?, revoked_at = ?"
            " WHERE id = ? AND used_by IS NULL AND revoked_at IS NULL",
            (user_id, iso(self.clock.now()), invite_id),
        )
        self._outstanding.clear()  # the id alone does not say whose list it was on
        return changed == 1

    async def redeem(self, token: str, user_id: int) -> Redemption:
        """Use a token once. The compare-and-set update makes a double use impossible, and
        a revocation or the end of the author's membership before that update wins."""
        row = await self.db.fetchone("SELECT * FROM invites WHERE token_hash = ?", (_hash(token),))
        if row is None:
            return Redemption(InviteStatus.UNKNOWN)
        found = Redemption(InviteStatus.OK, row["community_id"], row["created_by"])
        if row["used_by"] is not None:
            return replace(found, status=InviteStatus.USED)
        if row["revoked_at"] is not None:
            return replace(found, status=InviteStatus.REVOKED)
        now = self.clock.now()
        if parse_iso(row["expires_at"]) <= now:
            return replace(found, status=InviteStatus.EXPIRED)
        changed = await self.db.execute_changes(
            "UPDATE invites SET used_by = ?, used_at = ? WHERE id = ? AND used_by IS NULL"
            " AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM memberships WHERE user_id = ?"
            " AND community_id = ? AND status = 'approved')",
            (user_id, iso(now), row["id"], row["created_by"], row["community_id"]),
        )
        self.forget(row["community_id"])
        if changed == 0 and not await self._author_acts(row["created_by"], row["community_id"]):
            return replace(found, status=InviteStatus.AUTHOR_LEFT)
        return found if changed == 1 else replace(found, status=InviteStatus.USED)

    async def _author_acts(self, user_id: int, community_id: int) -> bool:
        status = await self.db.fetchval(
            "SELECT status FROM memberships WHERE user_id = ? AND community_id = ?",
            (user_id, community_id),
        )
        return bool(status == "approved")


def _invite(row: Any) -> Invite:
    return Invite(
        row["id"],
        row["community_id"],
        row["created_by"],
        parse_iso(row["created_at"]),
        parse_iso(row["expires_at"]),
    )
