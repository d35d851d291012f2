"""Totals view, CSV export and Excel workbook of one community among 100,000 aid records.

    python benchmarks/aid_totals_export.py

Fills a fresh database with 1,469 Ukrainian communities, 60 foreign partners and 100,000
aid records (a fifth of them from two donors at once, each with one to four items, two
thirds confirmed by both sides), skewed so that one busy community holds 3,000 records.
Times the totals (sums per currency, partner, year and sector, quantities per unit, apart
for what both sides confirmed), the CSV export and the .xlsx workbook (an item a row), for
an average community and for the busy one. Targets: totals under 50 ms, each export under
1 s.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import FakeClock, iso
from bot.domain.aid.export import Places, build_csv
from bot.domain.aid.model import KINDS, totals
from bot.domain.aid.workbook import build_workbook
from bot.domain.parsing.amounts import CURRENCIES
from bot.domain.sectors import SECTORS
from bot.i18n import I18n
from storage.db import Database
from storage.repositories import Repositories

COMMUNITIES = 1_469
PARTNERS = 60
RECORDS = 100_000
BUSY = 3_000
RUNS = 20
EXPORT_RUNS = 5


async def fill(db: Database) -> tuple[int, int]:
    now = iso(datetime(2026, 11, 22, tzinfo=UTC))
    await db.executemany(
        "INSERT INTO communities (kind, name, country_code, region_code, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [("ua", f"Hromada {i}", "UA", "UA-32", now) for i in range(COMMUNITIES)]
        + [("foreign", f"Partner {i}", "DE", None, now) for i in range(PARTNERS)],
    )
    ua_ids = list(range(1, COMMUNITIES + 1))
    foreign_ids = list(range(COMMUNITIES + 1, COMMUNITIES + PARTNERS + 1))
    busy = ua_ids[0]
    rng = random.Random(4)
    kinds, sectors = list(KINDS), [s.code for s in SECTORS]
    start = date(2022, 3, 1)
    aid_rows, donor_rows, item_rows, number_rows = [], [], [], []
    numbers: dict[int, int] = {}
    for aid_id in range(1, RECORDS + 1):
        recipient = busy if aid_id <= BUSY else rng.choice(ua_ids[1:])
        day = start + timedelta(days=rng.randrange(1_700))
        has_value = rng.random() < 0.8
        donors = rng.sample(foreign_ids, 2 if rng.random() < 0.2 else 1)
        donor_rows += [(aid_id, donor, at) for at, donor in enumerate(donors)]
        for community in (recipient, *donors):
            numbers[community] = numbers.get(community, 0) + 1
            number_rows.append((aid_id, community, numbers[community]))
        value = rng.randrange(10_000, 500_000_000) if has_value else None
        count = rng.randrange(1, 5)
        share = value // count if value else None
        for position in range(count):
            quantity = rng.randrange(1, 50)
            item_rows.append(
                (
                    aid_id,
                    position,
                    f"Item {position} of {aid_id}",
                    str(quantity),
                    rng.choice(("pcs", "kg", "t", "pallets")),
                    None,
                    share,
                )
            )
        confirmed = rng.random() < 0.67
        aid_rows.append(
            (
                aid_id,
                ",".join(map(str, donors)),
                recipient,
                rng.choice(kinds),
                rng.choice(sectors),
                f"Record {aid_id}: generators, medicines and school supplies",
                None,
                None,
                share * count if share else None,
                rng.choice(CURRENCIES[:4]) if has_value else None,
                day.isoformat(),
                "City hospital",
                rng.choice(("pledged", "shipped", "received")),
                1,
                1,
                1 if confirmed else None,
                now,
                now,
            )
        )
    async with db.transaction():
        await db.executemany(
            "INSERT INTO aid (id, donor_ids, recipient_id, kind, sector, description, quantity,"
            " unit, value_minor, currency, aid_date, facility, status, created_by,"
            " recipient_confirmed_by, donor_confirmed_by, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            aid_rows,
        )
        await db.executemany(
            "INSERT INTO aid_donors (aid_id, community_id, position) VALUES (?, ?, ?)",
            donor_rows,
        )
        await db.executemany(
            "INSERT INTO aid_items (aid_id, position, name, quantity, unit, unit_price_minor,"
            " value_minor) VALUES (?, ?, ?, ?, ?, ?, ?)",
            item_rows,
        )
        await db.executemany(
            "INSERT INTO aid_numbers (aid_id, community_id, number) VALUES (?, ?, ?)",
            number_rows,
        )
    await db.execute("ANALYZE")
    return busy, ua_ids[COMMUNITIES // 2]


async def timed(action: Callable[[], Awaitable[object]], runs: int = RUNS) -> float:
    """Median wall time in milliseconds over several runs."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        await action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "bench.sqlite3")
        repos = Repositories.build(db, FakeClock(datetime(2026, 11, 22, tzinfo=UTC)), "UTC")
        began = time.perf_counter()
        busy, average = await fill(db)
        print(f"filled {RECORDS:,} records in {time.perf_counter() - began:.1f} s")
        # Other work on the machine slows every figure alike: say how busy it was.
        print("load average while measuring: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
        t = I18n().get("uk")

        places = Places(lambda code: code or "")
        for label, community in (("busy community", busy), ("average community", average)):
            count = await repos.aid.count(community, None)

            async def show_totals(community: int = community) -> object:
                return totals(await repos.aid.totals_rows(community, None))

            async def export(community: int = community) -> object:
                rows = await repos.aid.export_rows(community, None, "uk")
                return build_csv(rows, t, places)

            async def workbook(community: int = community) -> object:
                rows = await repos.aid.export_rows(community, None, "uk")
                return build_workbook(rows, [], community, t, places)

            csv_size = len(await export())  # type: ignore[arg-type]
            xlsx_size = len(await workbook())  # type: ignore[arg-type]
            items = sum(len(r.record.items) for r in await repos.aid.export_rows(community, None))
            print(
                f"{label} ({count:,} records, {items:,} items):"
                f" totals {await timed(show_totals):.1f} ms (target < 50),"
                f" CSV {await timed(export, EXPORT_RUNS):.0f} ms ({csv_size / 1024:.0f} KiB),"
                f" .xlsx {await timed(workbook, EXPORT_RUNS):.0f} ms"
                f" ({xlsx_size / 1024:.0f} KiB) (targets < 1000)"
            )
        await db.close()


if __name__ == "__main__":
    asyncio.run(main())
