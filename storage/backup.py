"""Backups of the database and restoring one, safe while the bot runs.

A backup uses SQLite's online backup API on a connection of its own: it copies every
committed page in one step, so the copy is the database as it stood at one moment, and
in WAL mode the bot's writes go on meanwhile. The copy is written beside its target and
renamed into place only after it passed an integrity check, so a file that has a backup's
name is a whole backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

_PREFIX, _SUFFIX = "twinbot-", ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(Exception):
    """A backup or a restore that did not happen, with the reason for the operator."""


def copy_name(moment: datetime) -> str:
    return f"{_PREFIX}{moment.strftime(_STAMP)}{_SUFFIX}"


def copies(folder: Path) -> list[Path]:
    """The backups the daily job made in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{_PREFIX}*{_SUFFIX}"):
        try:
            datetime.strptime(path.name.removeprefix(_PREFIX).removesuffix(_SUFFIX), _STAMP)
        except ValueError:
            continue  # not one of ours: never pruned
        found.append(path)
    return sorted(found)


def _problems(connection: sqlite3.Connection) -> list[str]:
    return [str(row[0]) for row in connection.execute("PRAGMA quick_check") if row[0] != "ok"]


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """`source` into a checked, self-contained file at `target` (replaced atomically)."""
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
        problems = _problems(copy)
    finally:
        copy.close()
    if problems:
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy failed its integrity check: {problems[0]}")
    os.replace(partial, target)


def backup(database: Path, target: Path, moment: datetime) -> Path:
    """Copy the database to `target` (a file, or a folder to put a dated copy in)."""
    if not database.exists():
        raise BackupError(f"there is no database at {database}")
    if target.is_dir():
        target = target / copy_name(moment)
    elif not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist")
    source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _copy(source, target)
    except sqlite3.Error as error:
        raise BackupError(str(error)) from None
    finally:
        source.close()
    return target


def rotate(database: Path, folder: Path, keep: int, moment: datetime) -> Path:
    """The daily backup: a dated copy in `folder`, keeping the newest `keep` of them."""
    folder.mkdir(parents=True, exist_ok=True)
    made = backup(database, folder, moment)
    for old in copies(folder)[:-keep]:
        old.unlink()
    return made


def restore(copy: Path, database: Path, moment: datetime) -> Path | None:
    """Put a backup in the database's place; the replaced database is kept beside it.

    Call it only while no bot runs on `database` (the caller holds the instance lock).
    Returns where the replaced database was kept, if there was one.
    """
    if not copy.is_file():
        raise BackupError(f"there is no backup at {copy}")
    try:
        source = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise BackupError(f"{copy} cannot be opened: {error}") from None
    try:
        problems = _problems(source)
        if problems:
            raise BackupError(f"{copy} is damaged: {problems[0]}")
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
        if "schema_migrations" not in tables:
            raise BackupError(f"{copy} is not a backup of this bot's database")
        kept = _keep_current(database, moment)
        restored = database.with_name(f".{database.name}.restoring")
        _copy(source, restored)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{copy} is damaged: {error}") from None
    finally:
        source.close()
    for journal in ("-wal", "-shm"):
        database.with_name(database.name + journal).unlink(missing_ok=True)
    os.replace(restored, database)
    return kept


def _keep_current(database: Path, moment: datetime) -> Path | None:
    if not database.exists():
        return None
    kept = database.with_name(f"{database.name}.before-restore-{moment.strftime(_STAMP)}")
    try:
        source = sqlite3.connect(database)
        try:
            _copy(source, kept)
        finally:
            source.close()
    except (sqlite3.Error, BackupError):
        # A damaged database is kept as it is, journal and all, for whoever looks into it.
        shutil.copyfile(database, kept)
        wal = database.with_name(database.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, kept.with_name(kept.name + "-wal"))
    return kept
