"""The twinning guide under load, through the real Application and the offline Bot API.

1. Officials of 12 communities at once each walk a partnership from the first step to the
   registered agreement (37 updates each, interleaved): updates per second and the median
   and 95th-percentile time from an update to the bot's answer.
2. The three .docx drafts of a registered partnership, built 100 times: ms per document.
3. Rescheduling the workflow reminders of 1,000 partnerships: ms per partnership.
Run: python benchmarks/twinning_walk.py
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.domain.twinning.deadlines import reschedule
from bot.domain.twinning.documents import DOCUMENTS, DocumentFacts
from bot.domain.twinning.legal_facts import load_legal_facts
from tests.harness import BotHarness

TOWNS = (
    "Brovary", "Kremenchuk", "Irpin", "Bucha", "Fastiv", "Obukhiv", "Vyshhorod", "Boryspil",
    "Bila Tserkva", "Poltava", "Lviv", "Chernihiv",
)  # fmt: skip
ACTIONS: list[tuple[str, str]] = [
    ("send", "/twinning"),
    ("press", "New partnership"),
    ("send", "Jena"),
    ("press", "Jena, Germany"),
    ("press", "Confirm"),
    ("press", "Continue"),
    ("press", "Energy"),
    ("press", "Done"),
    ("press", "City council"),
    ("send", "02.11.2026"),
    ("send", "123"),
    ("press", "Confirm"),
    ("press", "Continue"),
    ("press", "Visit"),
    ("send", "05.11.2026"),
    ("press", "Skip"),
    ("press", "Confirm"),
    ("press", "Continue"),
    ("press", "Memorandum"),
    ("send", "09.11.2026"),
    ("press", "Skip"),
    ("press", "Confirm"),
    ("press", "Continue"),
    ("send", "10.11.2026"),
    ("press", "Approved by an order"),
    ("send", "512"),
    ("send", "20.11.2026"),
    ("press", "Confirm"),
    ("press", "Continue"),
    ("press", "Today"),
    ("send", "Jena"),
    ("send", "The two mayors"),
    ("press", "Confirm"),
    ("press", "Continue"),
    ("send", "UA-42"),
    ("press", "Today"),
    ("press", "Confirm"),
]


async def walk(bot: BotHarness, user, latencies: list[float]) -> None:  # type: ignore[no-untyped-def]
    for kind, value in ACTIONS:
        started = time.perf_counter()
        if kind == "send":
            await bot.send(user, value)
        else:
            await bot.press(user, value)
        latencies.append(time.perf_counter() - started)


async def main() -> None:
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        bot = BotHarness(Path(tmp))
        await bot.start()
        users = []
        for n, town in enumerate(TOWNS):
            user = bot.user(10_000 + n, f"Official {n}", "en")
            await bot.make_member(user, town)
            users.append(user)
        latencies: list[float] = []
        started = time.perf_counter()
        done = await asyncio.gather(*(walk(bot, u, latencies) for u in users))
        elapsed = time.perf_counter() - started
        updates = len(latencies)
        latencies.sort()
        print(f"walks: {len(done)} partnerships to registration, {updates} updates")
        median = statistics.median(latencies) * 1000
        p95 = latencies[int(updates * 0.95)] * 1000
        print(f"  {updates / elapsed:.0f} updates/s, median {median:.1f} ms, p95 {p95:.1f} ms")

        repos = bot.repos
        partnership = (await repos.partnerships.for_community(1))[0]
        records = await repos.partnerships.steps(partnership.id)
        facts = DocumentFacts(
            {"uk": "Бровари", "en": "Brovary"},
            {"uk": "Єна, Німеччина", "en": "Jena, Germany"},
            {code: record.data for code, record in records.items()},
            bot.clock.now().date(),
        )
        legal = load_legal_facts()
        assert bot.services is not None
        for name, build in DOCUMENTS.values():
            started = time.perf_counter()
            for _ in range(100):
                size = len(build(bot.services.i18n, facts, legal))
            per = (time.perf_counter() - started) * 10
            print(f"{name}: {per:.1f} ms per document, {size // 1024} KiB")

        base = partnership
        created = []
        for _ in range(1000):
            created.append(
                await repos.partnerships.create(base.community_id, base.partner_id, None)
            )
        started = time.perf_counter()
        for item in created:
            await reschedule(repos, legal, item, {}, bot.clock.now())
        per = time.perf_counter() - started  # seconds for 1,000 = ms for one
        print(f"reschedule: {per:.2f} ms per partnership (1,000 partnerships)")
        await bot.stop()


if __name__ == "__main__":
    asyncio.run(main())
