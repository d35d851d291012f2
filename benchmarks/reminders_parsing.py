"""How well reminders are understood: the phrase table's share understood and silent misreads.

Run: python benchmarks/reminders_parsing.py [table]
A phrase is understood when the bot reads the first time, the repetition and the text as the
table says, or asks or refuses where the table says it must. A silent misread is a phrase
accepted with a wrong time or repetition: the one outcome worse than asking. Also prints how
long a phrase takes to read, next to the time of a bare `str.split` of the same phrases.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.reminder_phrases import LANGUAGES, TABLE, judge, load


def main() -> None:
    phrases = load(Path(sys.argv[1]) if len(sys.argv) > 1 else TABLE)
    verdicts = [judge(p) for p in phrases]
    total: Counter[str] = Counter()
    understood: Counter[str] = Counter()
    silent: Counter[str] = Counter()
    for verdict in verdicts:
        lang = verdict.phrase.language
        total[lang] += 1
        understood[lang] += verdict.understood
        silent[lang] += verdict.silent_misread
    print(f"{'language':<10}{'phrases':>9}{'understood':>12}{'share':>8}{'silent misreads':>17}")
    for lang in LANGUAGES:
        share = understood[lang] / total[lang] if total[lang] else 0.0
        print(f"{lang:<10}{total[lang]:>9}{understood[lang]:>12}{share:>8.1%}{silent[lang]:>17}")
    share = sum(understood.values()) / len(verdicts)
    print(
        f"{'all':<10}{len(verdicts):>9}{sum(understood.values()):>12}{share:>8.1%}"
        f"{sum(silent.values()):>17}"
    )
    for verdict in verdicts:
        if not verdict.understood:
            mark = "SILENT MISREAD" if verdict.silent_misread else "not understood"
            p = verdict.phrase
            print(
                f"  {mark}: line {p.line} {p.text!r}: want {p.first} {p.repeats}, got {verdict.got}"
            )
    rounds = 5
    reading, splitting = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        for phrase in phrases:
            judge(phrase)
        reading.append((time.perf_counter() - started) / len(phrases))
        started = time.perf_counter()
        for phrase in phrases:
            phrase.text.split()
        splitting.append((time.perf_counter() - started) / len(phrases))
    read_us, split_us = statistics.median(reading) * 1e6, statistics.median(splitting) * 1e6
    print(
        f"reading one phrase: {read_us:.0f} µs (median of {rounds} rounds);"
        f" str.split of it: {split_us:.2f} µs; ratio {read_us / split_us:.0f}x"
    )


if __name__ == "__main__":
    main()
