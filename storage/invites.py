"""Single-use, expiring invitation links. Only a hash of each token is stored."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from bot.clock import Clock, iso, parse_iso
from storage.db import Database

INVITE_TTL = timedelta(days=7)


class InviteStatus(Enum):
    OK = "ok"
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"


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

    async def create(self, community_id: int, created_by: int) -> str:
        token = new_token()
        now = self.clock.now()
        await self.db.execute(
            "INSERT INTO invites (token_hash, community_id, created_by, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (_hash(token), community_id, created_by, iso(now), iso(now + INVITE_TTL)),
        )
        return token

    async def redeem(self, token: str, user_id: int) -> Redemption:
        """Use a token once. The compare-and-set update makes a double use impossible."""
        row = await self.db.fetchone("SELECT * FROM invites WHERE token_hash = ?", (_hash(token),))
        if row is None:
            return Redemption(InviteStatus.UNKNOWN)
        if row["used_by"] is not None:
            return Redemption(InviteStatus.USED, row["community_id"], row["created_by"])
        now = self.clock.now()
        if parse_iso(row["expires_at"]) <= now:
            return Redemption(InviteStatus.EXPIRED, row["community_id"], row["created_by"])
        changed = await self.db.execute_changes(
            "UPDATE invites SET used_by = ?, used_at = ? WHERE token_hash = ? AND used_by IS NULL",
            (user_id, iso(now), row["token_hash"]),
        )
        status = InviteStatus.OK if changed == 1 else InviteStatus.USED
        return Redemption(status, row["community_id"], row["created_by"])
