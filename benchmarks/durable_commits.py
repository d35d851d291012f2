"""The cost of durable commits, and of a backup while saves go on.

    python benchmarks/durable_commits.py

Saves aid records one by one through the repository (one transaction each, as a person
confirming a record does) on the database as the bot opens it (WAL), once with
`synchronous=NORMAL` (a commit can be lost at a power cut, never corrupted) and once with
`synchronous=FULL` (what the bot uses: a confirmed save survives a power cut), on the same
disk in the same run, alternating rounds so both see the same conditions. Then times an
online backup of a database of 20,000 records, alone and during a burst of saves.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import FakeClock, iso
from storage.aid import NewAid
from storage.backup import backup
from storage.db import Database
from storage.repositories import Repositories

SAVES = 300
ROUNDS = 3
FILL = 20_000
NOW = datetime(2026, 11, 22, tzinfo=UTC)


def _aid(recipient: int, n: int) -> NewAid:
    return NewAid(
        recipient_id=recipient,
        donors=(),
        kind="medical",
        sector="health",
        description=f"Generator {n} for the city hospital",
        aid_date="2026-11-20",
        status="received",
        created_by=1,
    )


async def _setup(path: Path) -> tuple[Database, Repositories, int]:
    db = await Database.open(path)
    repos = Repositories.build(db, FakeClock(NOW), "Europe/Kyiv")
    await db.execute(
        "INSERT INTO users (id, first_name, language, tz, created_at, updated_at)"
        " VALUES (1, 'Bench', 'en', 'Europe/Kyiv', ?, ?)",
        (iso(NOW), iso(NOW)),
    )
    community = await repos.communities.create(
        kind="ua", name="Brovary", country_code="UA", unit_kind="municipality"
    )
    return db, repos, community.id


async def _saves(db: Database, repos: Repositories, recipient: int, mode: str) -> list[float]:
    await db.connection.execute(f"PRAGMA synchronous={mode}")
    times = []
    for n in range(SAVES):
        start = time.perf_counter()
        await repos.aid.create(_aid(recipient, n))
        times.append(time.perf_counter() - start)
    return times


def _line(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[int(len(ordered) * 0.95)] * 1000
    rate = len(times) / sum(times)
    return f"{label:<22} p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   {rate:7.0f} saves/s"


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        db, repos, recipient = await _setup(path)
        results: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
        for _round in range(ROUNDS):
            for mode in ("NORMAL", "FULL"):
                results[mode] += await _saves(db, repos, recipient, mode)
        print(f"{SAVES * ROUNDS} saves each, one transaction per save, WAL journal:")
        for mode, times in results.items():
            print(_line(f"synchronous={mode}", times))
        ratio = statistics.median(results["FULL"]) / statistics.median(results["NORMAL"])
        print(f"FULL / NORMAL (median save): {ratio:.2f}x")

        await db.executemany(
            "INSERT INTO aid (recipient_id, kind, sector, description, aid_date, status,"
            " files, created_by, created_at, updated_at) VALUES (?, 'medical', 'health', ?,"
            " '2026-11-20', 'received', '[]', 1, ?, ?)",
            [(recipient, f"Filler {n}", iso(NOW), iso(NOW)) for n in range(FILL)],
        )
        size = path.stat().st_size
        start = time.perf_counter()
        await asyncio.to_thread(backup, path, Path(folder) / "alone.sqlite3", NOW)
        alone = time.perf_counter() - start

        during: dict[str, float] = {}

        async def timed_backup() -> None:
            start = time.perf_counter()
            await asyncio.to_thread(backup, path, Path(folder) / "during.sqlite3", NOW)
            during["backup"] = time.perf_counter() - start

        burst_start = time.perf_counter()
        saves, _ = await asyncio.gather(_saves(db, repos, recipient, "FULL"), timed_backup())
        burst = time.perf_counter() - burst_start
        print(f"backup of {size / 1e6:.1f} MB ({FILL:,}+ records): alone {alone * 1000:.0f} ms,")
        print(
            f"  during a burst of {SAVES} saves {during['backup'] * 1000:.0f} ms"
            f" (burst {burst * 1000:.0f} ms; {_line('saves meanwhile', saves).strip()})"
        )
        await db.close()


if __name__ == "__main__":
    asyncio.run(main())
