"""What must hold before the bot opens its database, each failure told in one plain line.

- The database's folder is writable (SQLite writes its journal beside the file).
- No other process runs the bot on the same database: two instances would split the
  updates between them and break every flow. A lock on a file beside the database is
  held while the bot runs; the system releases it when the process ends, however it ends.
- The file is not damaged (`PRAGMA quick_check`), so a damaged page stops the start with
  directions instead of an apology to every user on every use.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from pathlib import Path
from typing import IO

from storage.backup import copies


class StartupError(Exception):
    """A reason not to start, written for the operator who reads it in a terminal."""


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class InstanceLock:
    """The one running bot per database."""

    def __init__(self, handle: IO[str]) -> None:
        self._handle: IO[str] | None = handle

    @classmethod
    def acquire(cls, database: Path) -> InstanceLock:
        check_writable(database)
        path = lock_path(database)
        handle = path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StartupError(
                f"{database} is in use by another running bot ({holder}); stop it first,"
                " or give this one its own database with TWINBOT_DB."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        return cls(handle)

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def check_writable(database: Path) -> None:
    folder = database.parent if str(database.parent) else Path(".")
    if not folder.is_dir():
        raise StartupError(f"The folder of the database, {folder}, does not exist.")
    probe = folder / f".{database.name}.write-test-{os.getpid()}"
    try:
        probe.touch()
        probe.unlink()
        if database.exists():
            with database.open("r+b"):
                pass
    except OSError as error:
        raise StartupError(
            f"The database {database} is in a location the bot cannot write to"
            f" ({error.strerror or error}); set TWINBOT_DB to a writable path."
        ) from None


def check_integrity(database: Path, backups: Path | None = None) -> None:
    """A quick check of every page; a new (absent or empty) database passes."""
    if not database.exists() or database.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(database)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    if problems:
        latest = copies(backups)[-1:] if backups is not None else []
        where = f" The latest daily backup is {latest[0]}." if latest else ""
        raise StartupError(
            f"The database {database} is damaged ({problems[0]}). The bot stops here so"
            f" that nothing more is lost: restore a backup with `twinbot restore PATH`.{where}"
        )
