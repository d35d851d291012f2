"""Reminder delivery under load, through the offline Bot API with Telegram's limits enforced.

10,000 pending reminders: the time `restore` takes to load them at start. Then 2,000 of
them due in the same minute (private chats and groups): the time to deliver them all,
next to the least time Telegram's limits allow, and the count of flood errors (must be 0).
Run: python benchmarks/reminders_delivery.py
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import build_application
from bot.clock import FakeClock, iso
from bot.jobs.reminder_delivery import deliver_due, restore
from bot.jobs.send_limits import floor_seconds
from bot.offline.api import OFFLINE_TOKEN, OfflineBotAPI, OfflineRequest
from bot.services import Services
from bot.settings import Settings

TOTAL, DUE_NOW = 10_000, 2_000
GROUPS, PER_GROUP = 5, 10
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # Monday 10:00 in Kyiv


async def seed(services: Services, api: OfflineBotAPI) -> dict[int, int]:
    """Write the reminders straight into the table; returns the due ones counted per chat."""
    rows, due_per_chat = [], Counter[int]()
    private_due = DUE_NOW - GROUPS * PER_GROUP
    for n in range(TOTAL):
        if n < private_due:
            chat_id, due = 100_000 + n, START - timedelta(seconds=n % 60)
        elif n < DUE_NOW:
            chat_id, due = -700_000 - (n % GROUPS), START - timedelta(seconds=n % 60)
        else:
            chat_id, due = 100_000 + n, START + timedelta(hours=1 + n % 8000)
        if n < DUE_NOW:
            due_per_chat[chat_id] += 1
        now = iso(START - timedelta(days=1))
        rows.append((chat_id, chat_id if chat_id > 0 else None, "user", f"reminder {n}", "{}",
                     iso(due), "Europe/Kyiv", now, now))  # fmt: skip
        if chat_id > 0:
            api.user(chat_id, f"User {n}", "uk")
    for g in range(GROUPS):
        api.group(-700_000 - g, f"Group {g}")
    await services.db.executemany(
        "INSERT INTO reminders (chat_id, owner_id, kind, text, payload, due_at, tz, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return dict(due_per_chat)


async def main() -> None:
    # A delivery run longer than the safety tick makes the scheduler skip ticks; expected here.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock(START - timedelta(days=1))
        services = await Services.open(Settings(database=Path(folder) / "bench.sqlite3"), clock)
        api = OfflineBotAPI(enforce_limits=True)
        due_per_chat = await seed(services, api)
        app = build_application(services, request=OfflineRequest(api), token=OFFLINE_TOKEN)
        await app.initialize()
        report = await restore(app)
        await app.start()
        clock.set(START)
        started = time.perf_counter()
        delivered = await deliver_due(app)
        elapsed = time.perf_counter() - started
        sent = Counter(int(c.params["chat_id"]) for c in api.calls if c.method == "sendMessage")
        extra = sum(max(0, count - due_per_chat.get(chat, 0)) for chat, count in sent.items())
        missing = sum(max(0, count - sent.get(chat, 0)) for chat, count in due_per_chat.items())
        floor = floor_seconds(due_per_chat)
        await app.stop()
        await app.shutdown()
        await services.close()
    result = {
        "pending_at_start": report.pending,
        "load_at_start_s": round(report.seconds, 3),
        "due_in_same_minute": DUE_NOW,
        "delivered": delivered,
        "delivery_s": round(elapsed, 1),
        "telegram_floor_s": round(floor, 1),
        "over_floor": f"{(elapsed / floor - 1) * 100:.1f}%",
        "flood_errors": api.flood_errors,
        "sent_more_than_once": extra,
        "not_sent": missing,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
