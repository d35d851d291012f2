"""Invitation links sent before links could be revoked keep working after the upgrade, and
can be listed and revoked like new ones."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.clock import FakeClock, parse_iso
from storage.db import MIGRATIONS_DIR, Database
from storage.invites import InviteRepository, InviteStatus, _hash

NOW = "2026-11-20T10:00:00.000000Z"
LATER = "2026-11-27T10:00:00.000000Z"


def _database_before_revocation(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for script in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        if script.name >= "0013":
            break
        connection.executescript(script.read_text(encoding="utf-8"))
        connection.execute("INSERT INTO schema_migrations VALUES (?, ?)", (script.name, NOW))
    connection.execute(
        "INSERT INTO communities (id, kind, name, country_code, created_at)"
        " VALUES (1, 'ua', 'Brovary', 'UA', ?)",
        (NOW,),
    )
    connection.execute(
        "INSERT INTO users (id, first_name, created_at, updated_at) VALUES (700, 'Iryna', ?, ?)",
        (NOW, NOW),
    )
    connection.execute(
        "INSERT INTO memberships (user_id, community_id, role, status, created_at)"
        " VALUES (700, 1, 'admin', 'approved', ?)",
        (NOW,),
    )
    connection.executemany(
        "INSERT INTO invites (token_hash, community_id, created_by, created_at, expires_at)"
        " VALUES (?, 1, 700, ?, ?)",
        [(_hash("old-token-one"), NOW, LATER), (_hash("old-token-two"), NOW, LATER)],
    )
    connection.commit()
    connection.close()


async def test_links_sent_before_the_upgrade_work_and_can_be_revoked(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _database_before_revocation(path)
    db = await Database.open(path)
    try:
        invites = InviteRepository(db, FakeClock(parse_iso("2026-11-22T10:00:00Z")))
        waiting = await invites.outstanding(1)
        assert len(waiting) == 2 and len({i.id for i in waiting}) == 2
        assert await invites.revoke(waiting[0].id, 700)
        statuses = {
            (await invites.redeem(token, 800)).status
            for token in ("old-token-one", "old-token-two")
        }
        assert statuses == {InviteStatus.OK, InviteStatus.REVOKED}
        assert await invites.outstanding(1) == []
    finally:
        await db.close()
