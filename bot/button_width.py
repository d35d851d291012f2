"""How much of a button label a phone shows, so no label is cut off in any language.

Telegram draws inline buttons in one line and ends a label that does not fit with "…",
wherever that falls, mid-word included. The budget below is for the narrowest phone in
common use (360 px wide, Telegram's default font): about 42 average characters across a
full-width button, 20 in each of two buttons, 12 of three, 8 of four. Widths are counted in
average characters: narrow letters and spaces count half, wide ones and capitals more, so
"Illimitata" and "ШЩЖЮ" are not treated alike.
"""

from __future__ import annotations

import unicodedata

_NARROW = frozenset("iljtfrIJ.,:;!|()[]’'`-·/ ")
_WIDE = frozenset("mwMWшщжюмыфШЩЖЮМФ—…")
_BUDGET = {1: 42.0, 2: 20.0, 3: 12.0, 4: 8.0}
ELLIPSIS = "…"


def label_width(label: str) -> float:
    total = 0.0
    for char in label:
        if char in _NARROW:
            total += 0.5
        elif char in _WIDE:
            total += 1.5
        elif ord(char) > 0x2000 and unicodedata.category(char) in ("So", "Sk"):
            total += 2.0  # symbols and emoji: ✓, ⏰
        elif char.isupper():
            total += 1.2
        else:
            total += 1.0
    return total


def budget(per_row: int) -> float:
    """The width each of `per_row` buttons in one row has for its label."""
    return _BUDGET.get(per_row, 6.0)


def fits(label: str, per_row: int = 1) -> bool:
    return label_width(label) <= budget(per_row)


def fit(label: str, per_row: int = 1) -> str:
    """The label as is when it fits, else cut after the last whole word that fits, with "…".

    Names typed by people (a municipality, a post's first words) can be of any length; the
    bot cuts them itself so that Telegram never cuts a word in half.
    """
    if fits(label, per_row):
        return label
    room = budget(per_row) - label_width(ELLIPSIS)
    kept = ""
    for word in label.split(" "):
        candidate = f"{kept} {word}" if kept else word
        if label_width(candidate) > room:
            break
        kept = candidate
    if not kept:  # one long word: keep as many letters as fit
        for char in label:
            if label_width(kept + char) > room:
                break
            kept += char
    return kept.rstrip(" ·,;:—–-") + ELLIPSIS


def pack(labels: list[str], per_row: int) -> list[int]:
    """How many of the labels go in each row: up to `per_row`, fewer where one would not fit.

    Order is kept; a label too wide to share a row gets a row of its own.
    """
    sizes: list[int] = []
    start = 0
    while start < len(labels):
        size = min(per_row, len(labels) - start)
        while size > 1 and not all(fits(label, size) for label in labels[start : start + size]):
            size -= 1
        sizes.append(size)
        start += size
    return sizes
