"""`python -m bot.domain.places [DATABASE]`: build the place index next to the database now,
so that the first start of the bot does not have to."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.domain.places import index_file_for
from bot.domain.places.index import load


def main(argv: list[str]) -> int:
    database = Path(argv[0] if argv else "twinbot.sqlite3")
    path = index_file_for(database)
    started = time.perf_counter()
    load(path)
    print(f"place index ready: {path} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
