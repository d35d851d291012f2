"""Whole numbers as people type them and as buttons carry them: ASCII digits, in range.

`str.isdigit()` accepts superscripts such as `²` that `int()` then refuses, `int()` itself
accepts other scripts' digits (`٣`), underscores and signs, and SQLite refuses any integer
beyond 64 bits. Everything that turns text into a number goes through `ascii_int`, which
accepts only what a person here means by a number and what the database can store.
"""

from __future__ import annotations

import re
from decimal import Decimal

SQLITE_MAX = 2**63 - 1
SQLITE_MIN = -(2**63)
_DIGITS = re.compile(r"-?[0-9]{1,19}")
_DECIMAL = re.compile(r"[0-9]{1,15}(?:[.,][0-9]{1,10})?")


def ascii_int(text: str, *, low: int = 0, high: int = SQLITE_MAX) -> int | None:
    """The number `text` spells in ASCII digits (a leading minus only when `low` < 0),
    if it lies in [`low`, `high`]; None for anything else."""
    if not _DIGITS.fullmatch(text) or (text.startswith("-") and low >= 0):
        return None
    value = int(text)
    return value if max(low, SQLITE_MIN) <= value <= min(high, SQLITE_MAX) else None


def ascii_decimal(text: str) -> Decimal | None:
    """A positive-or-zero decimal such as `44.50` or `44,50` in ASCII digits, else None."""
    return Decimal(text.replace(",", ".")) if _DECIMAL.fullmatch(text) else None
