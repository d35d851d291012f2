"""Records saved before rejections existed learn which side logged them, so only the side
they name may reject them after the upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.clock import FakeClock, parse_iso
from storage.aid import AidRepository
from storage.db import MIGRATIONS_DIR, Database

NOW = "2026-11-20T10:00:00.000000Z"
LATER = "2026-11-21T10:00:00.000000Z"


def _database_before_rejections(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for script in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        if "rejections" in script.name:
            break
        connection.executescript(script.read_text(encoding="utf-8"))
        connection.execute("INSERT INTO schema_migrations VALUES (?, ?)", (script.name, NOW))
    connection.executemany(
        "INSERT INTO communities (id, kind, name, country_code, created_at) VALUES (?, ?, ?, ?, ?)",
        [(1, "ua", "Dolyna", "UA", NOW), (2, "foreign", "Jena", "DE", NOW)],
    )
    # 1: Dolyna logged what it received; 2: Jena logged what it sent, and Dolyna confirmed
    # later; 3: confirmed by both at once (nobody is left to reject it).
    rows = [
        (1, 700, NOW, None, None, 700, NOW),
        (2, None, None, 800, NOW, 800, NOW),
        (3, 700, NOW, 700, NOW, 700, NOW),
    ]
    for aid_id, r_by, r_at, d_by, d_at, by, at in rows:
        connection.execute(
            "INSERT INTO aid (id, recipient_id, kind, sector, description, aid_date, status,"
            " recipient_confirmed_by, recipient_confirmed_at, donor_confirmed_by,"
            " donor_confirmed_at, created_by, created_at, updated_at, donor_ids)"
            " VALUES (?, 1, 'goods', 'other', 'Blankets', '2023-03-15', 'shipped', ?, ?, ?, ?,"
            " ?, ?, ?, '2')",
            (aid_id, r_by, r_at, d_by, d_at, by, at, at),
        )
        connection.execute("INSERT INTO aid_donors (aid_id, community_id) VALUES (?, 2)", (aid_id,))
    connection.execute(
        "UPDATE aid SET recipient_confirmed_by = 701, recipient_confirmed_at = ? WHERE id = 2",
        (LATER,),
    )
    connection.commit()
    connection.close()


async def test_older_records_name_the_side_their_author_did_not_log_them_for(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    _database_before_rejections(path)
    db = await Database.open(path)
    try:
        aid = AidRepository(db, FakeClock(parse_iso("2026-11-22T10:00:00Z")))
        named = {i: (await aid.get(i)).named_sides() for i in (1, 2, 3)}  # type: ignore[union-attr]
        assert named == {1: ("donor",), 2: ("recipient",), 3: ("recipient", "donor")}
        assert await aid.reject(1, 800, 2, "donor", "Not sent by Jena") == "rejected"
        assert await aid.reject(1, 800, 2, "donor", None) == "already"
        assert await aid.reject(2, 700, 1, "recipient", None) == "confirmed"
        assert await aid.count(2, None) == 2 and await aid.count(1, None) == 3
    finally:
        await db.close()
