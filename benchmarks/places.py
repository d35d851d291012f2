"""The place index: start-up to the first answer, the memory it takes, search latency.

    .venv/bin/python benchmarks/places.py [--runs 5] [--queries 1000]

Run from the project root. Prints:

* the first start of the offline console on a new database (builds the place index), then
  process start to the first answer on `/start` with that database existing, next to a
  process that only imports python-telegram-bot (the floor any start of the bot pays), the
  two run by turns so a busy machine weighs on both alike; wall time and CPU time;
* resident memory the index adds: loaded, and after the searches below;
* search latency (p50, p95, max) over 1,000 queries per script: hromadas typed in Cyrillic
  and in Latin, places abroad in Latin and in Cyrillic; each set mixes full names, official
  forms, prefixes and one-letter typos drawn from the index itself.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.domain.places import search  # noqa: E402
from bot.domain.places.index import PlaceIndex, load  # noqa: E402
from bot.domain.places.translit import transliterate  # noqa: E402

_MEMORY_PROBE = """
import json, sys
sys.path.insert(0, {root!r})
def rss():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * 4096 / 2**20
before = rss()
from bot.domain.places import search
from bot.domain.places.index import load
index = load(__import__("pathlib").Path({path!r}))
loaded = rss()
for query in json.loads(open({queries!r}, encoding="utf-8").read()):
    search.search_hromadas(index, query)
    search.search_world(index, query)
print(json.dumps([before, loaded, rss()]))
"""


def _environment(**values: str) -> dict[str, str]:
    """As deployed: Python keeps its bytecode cache (a shell may have turned it off)."""
    env = dict(os.environ, **values)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return env


_PHASES_PROBE = """
import asyncio, sys, time
started = time.perf_counter()
sys.path.insert(0, {root!r})
import telegram.ext
floor = time.perf_counter()
from bot.offline.console import Console
from bot.domain import places
from bot.settings import Settings
imported = time.perf_counter()

async def main():
    console = Console(Settings(database=__import__("pathlib").Path({database!r})))
    places.use_file(console.settings.places_file)
    before = time.perf_counter()
    places.current()
    loaded = time.perf_counter()
    await console.start()
    launched = time.perf_counter()
    await console.handle("/start")
    answered = time.perf_counter()
    await console.stop()
    print(
        floor - started, imported - floor, loaded - before, launched - loaded, answered - launched
    )

asyncio.run(main())
"""


def _phases(database: Path) -> list[float]:
    """Seconds spent importing python-telegram-bot, importing the bot, reading the index,
    opening and launching, answering."""
    probe = _PHASES_PROBE.format(root=str(ROOT), database=str(database))
    output = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_environment(TWINBOT_LOG_LEVEL="WARNING"),
    ).stdout
    return [float(value) for value in output.split()[-5:]]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _first_answer(database: Path) -> tuple[float, float]:
    """Seconds from starting the console process to the bot's first message on /start, and
    the CPU seconds the process used until then."""
    env = _environment(TWINBOT_DB=str(database), TWINBOT_LOG_LEVEL="WARNING")
    cpu = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("/start\n")
    process.stdin.flush()
    elapsed = float("nan")
    for line in process.stdout:
        if line.startswith("🤖 bot"):
            elapsed = time.perf_counter() - started
            break
    # Stopped at once, so its CPU time is that of the start and the answer.
    process.kill()
    process.wait()
    process.stdin.close()
    return elapsed, _children_cpu() - cpu


def _floor() -> tuple[float, float]:
    """Seconds for a process that imports python-telegram-bot and prints, and its CPU time."""
    cpu = _children_cpu()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import telegram.ext; print('ready')"],
        check=True,
        capture_output=True,
        env=_environment(),
    )
    return time.perf_counter() - started, _children_cpu() - cpu


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 5:
        return text
    at = rng.randrange(2, len(text))
    return text[:at] + text[at + 1 :]


def _variants(rng: random.Random, names: list[str], forms: list[Callable[[str], str]]) -> list[str]:
    return [rng.choice(forms)(rng.choice(names)) for _ in range(len(names))]


def _queries(index: PlaceIndex, count: int, seed: int = 55) -> dict[str, list[str]]:
    rng = random.Random(seed)
    hromadas = [index.ua_place(n) for n in range(len(index.ua_units))]
    settlements = [index.settlement(at)[0] for at in range(len(index.ua_settlements))]
    # Half settlements, a quarter «… громада», a quarter official names.
    uk_names = [rng.choice(settlements) for _ in range(count // 2)]
    uk_names += [f"{rng.choice(hromadas).hromada_uk or 'Київ'} громада" for _ in range(count // 4)]
    uk_names += [rng.choice(hromadas).official_name("uk") for _ in range(count - len(uk_names))]
    forms: list[Callable[[str], str]] = [
        lambda name: name,
        lambda name: name,
        lambda name: name[: max(3, len(name) // 2)],
        lambda name: _typo(rng, name),
    ]
    cyrillic = _variants(rng, uk_names, forms)
    latin = _variants(rng, [transliterate(name) for name in uk_names], forms)
    world = [index.world_place(rng.randrange(len(index.world_units))) for _ in range(count * 3)]
    world_latin = _variants(rng, [place.name for place in world][:count], forms)
    named = [place.name_uk for place in world if place.name_uk][:count]
    world_cyrillic = _variants(rng, (named * 3)[:count], forms)
    return {
        "hromadas, Cyrillic": cyrillic,
        "hromadas, Latin": latin,
        "abroad, Latin": world_latin,
        "abroad, Cyrillic": world_cyrillic,
    }


def _latency(run: Callable[[str], object], queries: list[str]) -> tuple[float, float, float]:
    for query in queries[:20]:
        run(query)  # warm: the first similar-spelling search loads rapidfuzz
    times = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        times.append(time.perf_counter() - started)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    return statistics.median(times) * 1000, p95 * 1000, times[-1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "twinbot.sqlite3"
        print("Start-up (offline console, process start to the first answer on /start)")
        first, _ = _first_answer(database)
        print(f"  first start, new database, builds the place index: {first:6.2f} s")
        floors, starts = [], []
        for _ in range(args.runs):  # by turns, so a busy machine weighs on both alike
            floors.append(_floor())
            starts.append(_first_answer(database))
        floor, floor_cpu = (statistics.median(f) for f in zip(*floors, strict=True))
        start, start_cpu = (statistics.median(s) for s in zip(*starts, strict=True))
        best = min(wall for wall, _ in starts)
        print(f"  {'median of ' + str(args.runs) + ' runs of each':46} {'wall':>8} {'CPU':>8}")
        rows = [
            ("python + import telegram.ext only (the floor)", floor, floor_cpu, ""),
            ("existing database", start, start_cpu, f"(target < 0.5 s; best {best:.3f} s)"),
            (
                "the bot's own part (above the floor)",
                start - floor,
                start_cpu - floor_cpu,
                f"= {start / floor:.2f} x the floor ({start_cpu / floor_cpu:.2f} x in CPU time)",
            ),
        ]
        for label, wall, cpu, note in rows:
            print(f"  {label:46} {wall:6.3f} s {cpu:6.3f} s   {note}")
        phases = [_phases(database) for _ in range(args.runs)]
        ptb, imports, reading, launch, answer = (
            statistics.median(p) for p in zip(*phases, strict=True)
        )
        print(
            f"  in one process (median): import telegram.ext {ptb:.3f} s, the bot's imports"
            f" {imports:.3f} s,\n  database and launch {launch * 1000:.0f} ms, the answer"
            f" {answer * 1000:.0f} ms; reading the place index, on its first search,"
            f" {reading * 1000:.0f} ms"
        )
        index_file = database.with_name(database.stem + ".places")
        print(f"  index file: {index_file.stat().st_size / 2**20:.1f} MiB")

        started = time.perf_counter()
        index = load(index_file)
        print(f"  index read in-process: {(time.perf_counter() - started) * 1000:.1f} ms")
        sets = _queries(index, args.queries)

        queries_file = Path(folder) / "queries.json"
        queries_file.write_text(
            json.dumps(sets["hromadas, Cyrillic"] + sets["abroad, Latin"]), encoding="utf-8"
        )
        probe = _MEMORY_PROBE.format(
            root=str(ROOT), path=str(index_file), queries=str(queries_file)
        )
        output = subprocess.run(
            [sys.executable, "-c", probe], check=True, capture_output=True, text=True
        ).stdout
        before, loaded, used = json.loads(output)
        print("\nMemory the place index adds (RSS)")
        print(f"  loaded:                     {loaded - before:5.1f} MiB")
        print(f"  after 2,000 searches:       {used - before:5.1f} MiB   (target < 40 MiB)")

        print(f"\nSearch latency over {args.queries:,} queries each (ms)")
        print(f"  {'':24} {'p50':>7} {'p95':>7} {'max':>7}")
        runs: dict[str, Callable[[str], object]] = {
            "hromadas": lambda q: search.search_hromadas(index, q),
            "abroad": lambda q: search.search_world(index, q),
        }
        for name, queries in sets.items():
            p50, p95, worst = _latency(runs[name.split(",")[0]], queries)
            print(f"  {name:24} {p50:7.2f} {p95:7.2f} {worst:7.2f}")
        print("  (target: p95 < 5 ms)")


if __name__ == "__main__":
    main()
