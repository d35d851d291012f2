"""Legal facts (ministry, review period, register, links) from an operator-edited data file.

Names of ministries and legal references change more often than the code; keeping them in
`bot/data/legal_facts.json` (or the file `TWINBOT_LEGAL_FACTS` points at) lets an operator
update them without a release. Every text has a Ukrainian and an English version; a
language without its own version of a text shows the English one.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot import DATA_DIR

PACKAGED = DATA_DIR / "legal_facts.json"
_TEXT_KEYS = ("ministry", "consulted_ministries", "law", "register", "covered_partners")


@dataclass(frozen=True)
class Link:
    title: dict[str, str]
    url: str


@dataclass(frozen=True)
class LegalFacts:
    texts: dict[str, dict[str, str]]
    ministry_review_days: int
    links: tuple[Link, ...]

    def text(self, key: str, lang: str) -> str:
        versions = self.texts[key]
        return versions.get(lang) or versions.get("en") or next(iter(versions.values()))

    def ministry(self, lang: str) -> str:
        return self.text("ministry", lang)

    def link_lines(self, lang: str) -> list[str]:
        return [
            f"{link.title.get(lang) or link.title.get('en', '')}: {link.url}" for link in self.links
        ]


def _parse(raw: dict[str, Any]) -> LegalFacts:
    missing = [key for key in _TEXT_KEYS if not isinstance(raw.get(key), dict)]
    if missing:
        raise ValueError(f"legal facts file lacks {', '.join(missing)}")
    days = int(raw.get("ministry_review_days", 30))
    if not 1 <= days <= 365:
        raise ValueError("ministry_review_days must be between 1 and 365")
    links = tuple(Link(dict(item["title"]), str(item["url"])) for item in raw.get("links", []))
    return LegalFacts({key: dict(raw[key]) for key in _TEXT_KEYS}, days, links)


@functools.cache
def _load(path: Path) -> LegalFacts:
    return _parse(json.loads(path.read_text(encoding="utf-8")))


def load_legal_facts(path: Path | None = None) -> LegalFacts:
    """The operator's file when one is configured, else the packaged one."""
    return _load((path or PACKAGED).resolve())
