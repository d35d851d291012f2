"""Compact tables of the place index: a few large strings and integer arrays.

Two hundred thousand names held as Python strings would take about 20 MiB; joined into one
ASCII string with an array of offsets they take a fifth of that, load from a file in
milliseconds, and still allow binary search and slicing out a run of names for fuzzy
matching.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

_TOP = "\U0010ffff"


class Owner(IntEnum):
    """How a name counts, stored in the low bits of its owner number."""

    NAME = 0  # a unit's own name: a hromada's, a foreign place's, its Ukrainian name
    CENTRE = 1  # the name of a hromada's centre; the owner is the unit
    SETTLEMENT = 2  # a settlement of a hromada; the owner is the settlement
    ALTERNATE = 3  # another name of a foreign place (exonym, Cyrillic spelling)
    FORMER = 4  # a former or foreign name of a settlement, matched only in full
    WORDS = 5  # a later part of a unit's or centre's name (San Sebastián, Церква)
    SETTLEMENT_WORDS = 6  # a later part of a settlement's name

    @staticmethod
    def encode(number: int, how: Owner) -> int:
        return number << 3 | how

    @staticmethod
    def decode(value: int) -> tuple[int, Owner]:
        return value >> 3, Owner(value & 7)


def _offsets(lengths: Sequence[int]) -> array[int]:
    offsets = array("I", [0])
    total = 0
    for length in lengths:
        total += length + 1
        offsets.append(total)
    return offsets


@dataclass(frozen=True)
class NameTable:
    """Sorted folded names (ASCII), each with an owner number."""

    blob: str  # the names, each followed by a newline
    offsets: array[int]  # where each name starts; one more at the end
    owners: array[int]

    @classmethod
    def pack(cls, names: Sequence[str], owners: Sequence[int]) -> NameTable:
        blob = "".join(name + "\n" for name in names)
        return cls(blob, _offsets([len(name) for name in names]), array("I", owners))

    def dump(self) -> tuple[str, bytes, bytes]:
        return self.blob, self.offsets.tobytes(), self.owners.tobytes()

    @classmethod
    def load(cls, dumped: tuple[str, bytes, bytes]) -> NameTable:
        blob, offsets, owners = dumped
        starts, numbers = array("I"), array("I")
        starts.frombytes(offsets)
        numbers.frombytes(owners)
        return cls(blob, starts, numbers)

    def __len__(self) -> int:
        return len(self.owners)

    def name(self, at: int) -> str:
        return self.blob[self.offsets[at] : self.offsets[at + 1] - 1]

    def _first_not_below(self, key: str, low: int = 0) -> int:
        high = len(self.owners)
        while low < high:
            middle = (low + high) // 2
            if self.name(middle) < key:
                low = middle + 1
            else:
                high = middle
        return low

    def exact(self, name: str) -> range:
        start = self._first_not_below(name)
        return range(start, self._first_not_below(name + "\0", start))

    def starting_with(self, prefix: str) -> range:
        start = self._first_not_below(prefix)
        return range(start, self._first_not_below(prefix + _TOP, start))

    def names(self, span: range) -> list[str]:
        """The names of a run of entries, in order (for fuzzy matching)."""
        if not span:
            return []
        return self.blob[self.offsets[span.start] : self.offsets[span.stop] - 1].split("\n")


@dataclass(frozen=True)
class Rows:
    """Tab-separated records in one UTF-8 string, read one at a time."""

    blob: bytes
    offsets: array[int]

    @classmethod
    def pack(cls, rows: Sequence[str]) -> Rows:
        encoded = [row.encode() for row in rows]
        return cls(b"".join(row + b"\n" for row in encoded), _offsets([len(r) for r in encoded]))

    def dump(self) -> tuple[bytes, bytes]:
        return self.blob, self.offsets.tobytes()

    @classmethod
    def load(cls, dumped: tuple[bytes, bytes]) -> Rows:
        blob, offsets = dumped
        starts = array("I")
        starts.frombytes(offsets)
        return cls(blob, starts)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def fields(self, at: int) -> list[str]:
        return self.blob[self.offsets[at] : self.offsets[at + 1] - 1].decode().split("\t")
