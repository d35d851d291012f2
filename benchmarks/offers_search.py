"""Search latency over 100,000 generated offers: full-text index against a plain LIKE scan.

Run: python benchmarks/offers_search.py [number of offers]
Prints p50 and p95 per query kind (keyword, sector, combined) for the bot's search and for
the same queries done by scanning with LIKE, and the ratio of the two p95 figures.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.clock import FakeClock, iso
from bot.domain.offers.model import KINDS
from bot.domain.offers.search import index_body, index_tags, query_tokens
from bot.domain.sectors import SECTORS
from bot.services import Services
from bot.settings import Settings

OFFERS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
QUERIES = 200
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)

# Phrases in the languages partner coordinators write in; offers are stitched from them.
PHRASES = {
    "en": [
        "we offer expertise in district heating",
        "hospital equipment and ambulances for your community",
        "study visits for mayors and experts",
        "support for water supply and wastewater treatment",
        "summer camps for children of displaced families",
        "co-financing of school reconstruction",
        "generators and solar panels for critical infrastructure",
    ],
    "de": [
        "Wir bieten Unterstützung bei der Wärmeversorgung",
        "medizinische Geräte für das Krankenhaus",
        "Austausch von Schülern und Jugendlichen",
        "Beratung zur Abfallwirtschaft und Wasserversorgung",
        "Studienreisen für Bürgermeister",
    ],
    "pl": [
        "oferujemy pomoc w odbudowie szkół",
        "sprzęt medyczny dla szpitala",
        "wymiana młodzieży i kolonie letnie",
        "doświadczenie w gospodarce odpadami",
        "wsparcie dla systemu ogrzewania miejskiego",
    ],
    "uk": [
        "допомога з опаленням і теплопостачанням",
        "медичне обладнання для лікарні",
        "відновлення водопостачання та водовідведення",
        "оздоровлення дітей внутрішньо переміщених осіб",
        "обмін досвідом для депутатів громади",
    ],
    "es": [
        "ofrecemos calefacción y centros de calor",
        "equipamiento para el hospital municipal",
        "intercambio escolar y juvenil",
    ],
    "lt": [
        "humanitarinė pagalba ir šildymas",
        "mokyklų renovacija ir vasaros stovyklos",
    ],
}
TOWNS = [
    "Jena", "Erlangen", "Šiauliai", "Bácsalmás", "Ķekava", "Sundbyberg", "San Sebastián",
    "Gniezno", "Kraśnik", "Grodzisk", "Sillamäe", "Fontenay-sous-Bois", "Santa Marinella",
    "Wrocław", "Kraków", "Gdańsk", "Lublin", "Rzeszów", "Tartu", "Pärnu", "Liepāja", "Kaunas",
]  # fmt: skip
KEYWORDS = [
    "опалення", "heating", "Wärme", "szpital", "hospital", "водопостач", "Krankenhaus",
    "odbudow", "calefacción", "šildymas", "Siauliai", "Šiauliai", "Jena", "generators",
    "лікарн", "exchange", "оздоровлення", "Kekava", "Bacsalmas", "camps",
]  # fmt: skip
COUNTRIES = ["DE", "LT", "HU", "LV", "SE", "ES", "PL", "EE", "FR", "IT"]


def describe(rng: random.Random) -> tuple[str, str]:
    language = rng.choice(list(PHRASES))
    phrases = rng.sample(PHRASES[language], k=min(2, len(PHRASES[language])))
    town = rng.choice(TOWNS)
    return f"{town}: " + ". ".join(phrases) + f". Ref {rng.randrange(10**6)}.", town


async def populate(services: Services, rng: random.Random) -> None:
    db = services.db
    sector_codes = [s.code for s in SECTORS]
    kind_codes = [k.code for k in KINDS]
    community_ids = []
    for town in TOWNS:
        community = await services.repos.communities.create(
            kind="foreign", name=town, country_code=rng.choice(COUNTRIES)
        )
        community_ids.append((town, community.id, community.country_code))
    by_town = {town: (cid, cc) for town, cid, cc in community_ids}
    posts, index = [], []
    for post_id in range(1, OFFERS + 1):
        description, town = describe(rng)
        community_id, country = by_town[town]
        sectors = rng.sample(sector_codes, k=rng.randint(1, 3))
        kinds = rng.sample(kind_codes, k=rng.randint(1, 2))
        fresh = iso(NOW - timedelta(days=rng.randrange(365)))
        until = (NOW + timedelta(days=rng.randrange(-30, 365))).date().isoformat()
        posts.append(
            (post_id, "offer", community_id, " " + " ".join(sectors) + " ",
             " " + " ".join(kinds) + " ", description, " en ", until, fresh, fresh, fresh)
        )  # fmt: skip
        index.append(
            (post_id, index_body(description, [town], country), index_tags(sectors, kinds))
        )  # fmt: skip
    async with db.transaction():
        await db.executemany(
            "INSERT INTO posts (id, side, community_id, sectors, kinds, description, languages,"
            " valid_until, created_at, updated_at, fresh_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            posts,
        )
        await db.executemany("INSERT INTO post_search (rowid, body, tags) VALUES (?, ?, ?)", index)
    await db.execute("INSERT INTO post_search(post_search) VALUES ('optimize')")
    await db.execute("ANALYZE")


async def like_scan(services: Services, words: list[str], sectors: list[str]) -> int:
    """The same search without the index: every row's text is scanned."""
    clauses, params = [], []
    for word in words:
        clauses.append("p.description LIKE ?")
        params.append(f"%{word}%")
    if sectors:
        clauses.append("(" + " OR ".join("instr(p.sectors, ?) > 0" for _ in sectors) + ")")
        params += [f" {c} " for c in sectors]
    rows = await services.db.fetchall(
        "SELECT p.id FROM posts p WHERE p.side = 'offer' AND p.status = 'active'"
        " AND (p.valid_until IS NULL OR p.valid_until >= ?) AND "
        + " AND ".join(clauses)
        + " ORDER BY p.fresh_at DESC LIMIT 5",
        (NOW.date().isoformat(), *params),
    )
    return len(rows)


async def timed(run: Callable[..., Awaitable[object]], *args: object) -> float:
    start = time.perf_counter()
    await run(*args)
    return (time.perf_counter() - start) * 1000


def figures(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


async def main() -> None:
    rng = random.Random(20261122)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as folder:
        settings = Settings(database=Path(folder) / "bench.sqlite3")
        services = await Services.open(settings, FakeClock(NOW))
        started = time.perf_counter()
        await populate(services, rng)
        print(f"{OFFERS:,} offers indexed in {time.perf_counter() - started:.1f} s")
        sector_codes = [s.code for s in SECTORS]
        posts = services.repos.posts
        print(f"{'query':<10}{'FTS p50':>10}{'FTS p95':>10}{'LIKE p50':>11}{'LIKE p95':>11}"
              f"{'p95 ratio':>11}")  # fmt: skip
        for kind in ("keyword", "sector", "combined"):
            fts, like = [], []
            for _ in range(QUERIES):
                text = rng.choice(KEYWORDS) if kind != "sector" else ""
                sectors = rng.sample(sector_codes, k=rng.randint(1, 2)) if kind != "keyword" else []
                boost = rng.sample(sector_codes, k=2)
                tokens = query_tokens(text)
                fts.append(await timed(posts.search, "offer", tokens, sectors, [], boost))
                words = text.split()
                like.append(await timed(like_scan, services, words, sectors))
            f50, f95 = figures(fts)
            l50, l95 = figures(like)
            print(
                f"{kind:<10}{f50:>8.2f}ms{f95:>8.2f}ms{l50:>9.2f}ms{l95:>9.2f}ms{l95 / f95:>10.1f}x"
            )
        await services.close()


if __name__ == "__main__":
    asyncio.run(main())
