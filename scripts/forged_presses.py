"""A long run of forged button presses against a community full of private data.

    python scripts/forged_presses.py                 # 100,000 presses
    python scripts/forged_presses.py --presses 5000 --seed 7

The same world as `tests/test_forged_buttons.py` (a victim community with records, visits, a
post, an introduction, a reminder, an invitation link, requisites and a linked group; five
people who must reach none of it), but the presses are drawn at random, with replacement,
from every forged callback data of every button kind, each by a random one of the five, all
five pressing at once. Prints presses per second, then what went wrong: leaks of the victim's
text to the pressers, changed rows, error reports and apologies. Exits non-zero on any.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import background
from bot.domain import places
from tests import forged
from tests.harness import PLACES, BotHarness

BATCH = 2_000


async def run(presses: int, seed: int) -> int:
    places.use_file(PLACES)
    with tempfile.TemporaryDirectory() as folder:
        bot = BotHarness(Path(folder))
        await bot.start()
        try:
            world = await forged.seed(bot)
            pool = forged.every_forgery(world)
            roles = list(world.pressers)
            kinds = len(forged.kinds())
            print(f"{kinds} button kinds, {len(pool)} forged data, {len(roles)} pressers")
            seen = set(forged.leaks(bot, world))
            before = forged.snapshot(bot, world)
            rng = random.Random(seed)
            done, started = 0, time.perf_counter()
            while done < presses:
                queued = []
                for _ in range(min(BATCH, presses - done)):
                    role = rng.choice(roles)
                    user, screen = world.pressers[role][0], world.screens[role]
                    queued.append(bot.api.press_data(user, rng.choice(pool), screen))
                for update_id in queued:
                    await bot.api.wait_processed(update_id, timeout=120)
                assert bot.app is not None
                await background.settle(bot.app)
                done += len(queued)
                # The record of answers grows with every press; what is checked is kept.
                if len(bot.api.callback_answers) > 10 * BATCH:
                    answers = [a for a in bot.api.callback_answers if forged.MARK in str(a)]
                    bot.api.callback_answers[:] = answers
            elapsed = time.perf_counter() - started
            leaks = [leak for leak in forged.leaks(bot, world) if leak not in seen]
            changes = forged.changes(before, forged.snapshot(bot, world))
            errors = forged.failures(bot, world)
            print(f"{done} presses in {elapsed:.1f} s: {done / elapsed:.0f} presses/s")
            print(f"{elapsed / done * 1000:.2f} ms a press, five people pressing at once")
            print(f"leaks: {len(leaks)}")
            for leak in leaks[:10]:
                print(f"  {leak}")
            print(f"changed tables: {len(changes)}")
            for table in changes:
                print(f"  {table}")
            print(f"error reports and apologies: {len(errors)}")
            for error in errors[:10]:
                print(f"  {error[:200]}")
            return 1 if leaks or changes or errors else 0
        finally:
            await bot.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--presses", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    sys.exit(asyncio.run(run(arguments.presses, arguments.seed)))


if __name__ == "__main__":
    main()
