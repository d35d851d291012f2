"""A longer random walk than the test's: more seeds, more steps, and what it did not reach.

Prints, for each seed, the share of handler functions reached and how far each errand got,
then the share all seeds reached together; with --unreached, the functions none reached.
Exits non-zero if a handler failed (an error report or an apology was sent).

Run: python scripts/random_walk.py [--seeds 1-5] [--steps 1500] [--unreached]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.domain import places
from tests.harness import PLACES, BotHarness
from tests.monkey_walk import Reach, failures, reach, walk, world


def _seeds(text: str) -> list[int]:
    first, _, last = text.partition("-")
    return list(range(int(first), int(last or first) + 1))


async def _one(seed: int, steps: int, together: Reach) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        bot = BotHarness(Path(folder))
        await bot.start()
        try:
            people = await world(bot)
            with reach() as reached:
                await walk(bot, people, steps=steps, seed=seed)
            together.calls |= reached.calls
            done, defined = reached.share()
            print(f"seed {seed}: {done} of {defined} handler functions ({done / defined:.1%})")
            print(f"  errands (steps that fitted): {people.errands}")
            return failures(bot)
        finally:
            await bot.stop()


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="1-5", help="a seed or a range, e.g. 1-5")
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--unreached", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    places.use_file(PLACES)
    together = Reach()
    failed: list[str] = []
    for seed in _seeds(args.seeds):
        failed += await _one(seed, args.steps, together)
    done, defined = together.share()
    print(f"all seeds together: {done} of {defined} handler functions ({done / defined:.1%})")
    if args.unreached:
        print("\n".join(["not reached:", *together.unreached()]))
    for failure in failed:
        print("FAILED:", failure[:500])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
