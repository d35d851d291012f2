"""The single aiosqlite connection of the process and its numbered migrations."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Migrations renumbered to close a gap in the numbers: a database that applied one under its
# old name knows it under the new one, and never applies it twice.
RENAMED = {
    "0008_aid_donor_ids.sql": "0007_aid_donor_ids.sql",
    "0009_visit_history.sql": "0008_visit_history.sql",
    "0010_offers_introduction_delivery.sql": "0009_offers_introduction_delivery.sql",
}
_log = logging.getLogger(__name__)
T = TypeVar("T")


class Database:
    """One connection shared by every task of the process.

    Update handlers and jobs (reminder delivery, digests) run as concurrent tasks on this
    connection. Each statement is one hand-off to the database thread (executed and fetched
    there together), and statements of different tasks are handed off without waiting for
    each other, so the thread works through them back to back. A transaction must not let
    another task's statements in: while one is open, other tasks' statements wait for its end.

    Repositories keep copies of rows in memory; `on_rollback` tells them when a write they
    saw was undone.
    """

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self.connection = connection
        self._lock = asyncio.Lock()  # one transaction at a time
        self._no_transaction = asyncio.Event()
        self._no_transaction.set()
        self._owner: asyncio.Task[object] | None = None
        self.on_rollback: list[Callable[[], None]] = []

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        connection = await aiosqlite.connect(str(path), isolation_level=None)
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode=WAL")
        await connection.execute("PRAGMA foreign_keys=ON")
        # A confirmed save survives a power cut too (benchmarks/durable_commits.py: the cost).
        await connection.execute("PRAGMA synchronous=FULL")
        await connection.execute("PRAGMA busy_timeout=5000")
        database = cls(connection)
        await database.migrate()
        return database

    async def close(self) -> None:
        await self.connection.close()

    async def migrate(self) -> list[str]:
        await self.connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT"
            " NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
        )
        # Old names first, in order, so no rename collides with a name still to be renamed.
        for old, new in sorted(RENAMED.items()):
            await self.connection.execute(
                "UPDATE schema_migrations SET name = ? WHERE name = ?", (new, old)
            )
        done = {row[0] for row in await self.fetchall("SELECT name FROM schema_migrations")}
        applied: list[str] = []
        for script in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
            if script.name in done:
                continue
            _log.info("applying migration %s", script.name)
            sql = script.read_text(encoding="utf-8")
            await self.connection.executescript(
                f"BEGIN;\n{sql}\nINSERT INTO schema_migrations(name) VALUES ('{script.name}');\n"
                "COMMIT;"
            )
            applied.append(script.name)
        return applied

    def _in_own_transaction(self) -> bool:
        return self._owner is not None and self._owner is asyncio.current_task()

    async def _statement(self, run: Callable[[], Awaitable[T]]) -> T:
        # The hand-off is queued before this coroutine first yields, so a transaction that
        # begins later is queued behind it in the database thread.
        while not self._no_transaction.is_set() and not self._in_own_transaction():
            await self._no_transaction.wait()
        return await run()

    async def execute(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> int:
        """Run one statement; returns the last inserted row id."""
        cursor = await self._statement(lambda: self.connection.execute(sql, params))
        return cursor.lastrowid or 0

    async def execute_changes(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> int:
        """Run one statement; returns how many rows it changed (for compare-and-set updates)."""
        cursor = await self._statement(lambda: self.connection.execute(sql, params))
        return cursor.rowcount

    async def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        await self._statement(lambda: self.connection.executemany(sql, rows))

    async def fetchall(
        self, sql: str, params: Iterable[Any] | dict[str, Any] = ()
    ) -> list[aiosqlite.Row]:
        rows = await self._statement(lambda: self.connection.execute_fetchall(sql, params))
        return list(rows)

    async def fetchone(
        self, sql: str, params: Iterable[Any] | dict[str, Any] = ()
    ) -> aiosqlite.Row | None:
        """The first row of a query that finds one row (by key, or an aggregate)."""
        rows = await self.fetchall(sql, params)
        return rows[0] if rows else None

    async def fetchval(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Database]:
        """BEGIN IMMEDIATE, with every other task's statements waiting until it ends."""
        if self._in_own_transaction():
            yield self  # already inside this task's transaction
            return
        async with self._lock:
            self._owner = asyncio.current_task()
            self._no_transaction.clear()
            try:
                await self.connection.execute("BEGIN IMMEDIATE")
                try:
                    yield self
                except BaseException:
                    await self.connection.execute("ROLLBACK")
                    for forget in self.on_rollback:
                        forget()
                    raise
                else:
                    await self.connection.execute("COMMIT")
            finally:
                self._owner = None
                # Waiting statements go first: they are queued before the next transaction's
                # BEGIN, which the lock hands over only after this block.
                self._no_transaction.set()
