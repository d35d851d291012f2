"""`python -m bot.domain.places`: build the place index now (where the bot will look for it:
beside TWINBOT_DB, or at TWINBOT_PLACES), so that the first start does not have to."""

from __future__ import annotations

import sys
import time

from bot.domain.places.index import load
from bot.settings import Settings


def main() -> int:
    path = Settings.from_env().places_file
    started = time.perf_counter()
    load(path)
    print(f"place index ready: {path} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
