"""The shared connection under concurrent tasks, and migrations."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.clock import FakeClock
from storage import db as db_module
from storage.db import MIGRATIONS_DIR, RENAMED, Database
from storage.partnerships import PartnershipRepository
from tests.harness import START


async def test_a_job_writing_during_a_transaction_neither_fails_nor_joins_it(
    tmp_path: Path,
) -> None:
    db = await Database.open(tmp_path / "db.sqlite3")
    await db.execute("CREATE TABLE t (v TEXT)")
    started = asyncio.Event()

    async def failing_transaction() -> None:
        async with db.transaction():
            await db.execute("INSERT INTO t VALUES ('inside')")
            started.set()
            await asyncio.sleep(0.05)
            raise RuntimeError("rolled back")

    async def job() -> None:
        await started.wait()
        await db.execute("INSERT INTO t VALUES ('job')")
        async with db.transaction():
            await db.execute("INSERT INTO t VALUES ('second transaction')")

    results = await asyncio.gather(failing_transaction(), job(), return_exceptions=True)
    assert isinstance(results[0], RuntimeError) and results[1] is None
    rows = [r[0] for r in await db.fetchall("SELECT v FROM t ORDER BY rowid")]
    assert rows == ["job", "second transaction"]
    await db.close()


async def test_migrations_apply_once_and_a_reopened_database_keeps_its_data(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "db.sqlite3")
    assert await db.migrate() == []
    await db.execute(
        "INSERT INTO users (id, first_name, created_at, updated_at) VALUES (1, 'A', 'x', 'x')"
    )
    await db.close()
    db = await Database.open(tmp_path / "db.sqlite3")
    assert await db.fetchval("SELECT first_name FROM users WHERE id = 1") == "A"
    assert await db.fetchval("PRAGMA journal_mode") == "wal"
    assert await db.fetchval("PRAGMA foreign_keys") == 1
    await db.close()


async def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "db.sqlite3")
    with pytest.raises(Exception, match="FOREIGN KEY"):
        await db.execute(
            "INSERT INTO memberships (user_id, community_id, role, status, created_at)"
            " VALUES (5, 5, 'admin', 'pending', 'x')"
        )
    await db.close()


async def test_a_database_from_before_the_renumbering_applies_no_migration_twice(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    database = await Database.open(path)
    for old, new in RENAMED.items():
        await database.execute("UPDATE schema_migrations SET name = ? WHERE name = ?", (old, new))
    await database.close()
    reopened = await Database.open(path)
    try:
        names = {row[0] for row in await reopened.fetchall("SELECT name FROM schema_migrations")}
        assert set(RENAMED.values()) <= names and not set(RENAMED) & names
        assert await reopened.migrate() == []
    finally:
        await reopened.close()


def test_migrations_are_numbered_without_gaps() -> None:
    numbers = sorted(int(p.name[:4]) for p in MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"))
    assert numbers == list(range(1, len(numbers) + 1))


async def test_partnerships_from_before_proposals_stay_accepted_on_both_sides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = tmp_path / "migrations"
    earlier.mkdir()
    for script in MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql"):
        if script.name < "0014":
            (earlier / script.name).write_text(script.read_text(encoding="utf-8"))
    monkeypatch.setattr(db_module, "MIGRATIONS_DIR", earlier)
    path = tmp_path / "old.sqlite3"
    old = await Database.open(path)
    await old.execute(
        "INSERT INTO communities (id, kind, name, country_code, created_at) VALUES"
        " (1, 'ua', 'Brovary', 'UA', 'x'), (2, 'foreign', 'Jena', 'DE', 'x')"
    )
    await old.execute(
        "INSERT INTO partnerships (community_id, partner_id, created_by, created_at, updated_at)"
        " VALUES (1, 2, NULL, '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')"
    )
    await old.close()
    monkeypatch.setattr(db_module, "MIGRATIONS_DIR", MIGRATIONS_DIR)
    upgraded = await Database.open(path)
    try:
        repository = PartnershipRepository(upgraded, FakeClock(START))
        for community_id in (1, 2):
            (partnership,) = await repository.for_community(community_id)
            assert partnership.answer == "accepted"
            assert await repository.proposals_to(community_id) == []
    finally:
        await upgraded.close()


async def test_the_unused_links_the_menu_counts_follow_every_change(tmp_path: Path) -> None:
    """The list is kept between showings of the menu; each change that decides it is seen."""
    from datetime import timedelta

    from storage.repositories import Repositories

    database = await Database.open(tmp_path / "links.sqlite3")
    clock = FakeClock(START)
    repos = Repositories.build(database, clock, "Europe/Kyiv")
    await database.execute(
        "INSERT INTO communities (id, kind, name, country_code, created_at)"
        " VALUES (1, 'ua', 'Brovary', 'UA', 'x')"
    )
    for user_id in (1, 2, 3):
        await repos.users.upsert(user_id, f"User {user_id}", None, None, "uk")
    admin = await repos.memberships.claim(1, 1)
    await repos.memberships.decide(admin.id, True, 99)
    colleague = await repos.memberships.claim(2, 1)
    await repos.memberships.decide(colleague.id, True, 99)

    first = await repos.invites.create(1, 1)
    await repos.invites.create(1, 2)
    assert len(await repos.invites.outstanding(1)) == 2
    await repos.invites.redeem(first, 3)  # used
    assert [i.created_by for i in await repos.invites.outstanding(1)] == [2]
    await repos.memberships.revoke(2, 1, 1)  # its author left
    assert await repos.invites.outstanding(1) == []
    await repos.invites.create(1, 1)
    assert len(await repos.invites.outstanding(1)) == 1
    clock.advance(timedelta(days=8))  # expired
    assert await repos.invites.outstanding(1) == []
    await database.close()
