"""Legal facts (ministry, minister, review periods, register, acts, links) from a data file.

Names of ministries, office holders and legal references change more often than the code;
keeping them in `bot/data/legal_facts.json` (or the file `TWINBOT_LEGAL_FACTS` points at)
lets an operator update them without a release. Every text has a Ukrainian and an English
version. Entries an operator's older copy lacks (the acts cited in documents, the minister)
are taken from the packaged file.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import date
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
class Act:
    """A legal act as documents cite it: «Закон України від 24 квітня 2024 року № 3668-IX
    «Про міжнародне територіальне співробітництво України»»."""

    kind: str  # nominative: «Закон України», «постанова Кабінету Міністрів України»
    date: date
    number: str
    title: str  # in Ukrainian, in full
    titles: dict[str, str] = field(default_factory=dict)  # the title in other languages


@dataclass(frozen=True)
class Minister:
    given_name: str
    family_name: str
    gender: str | None
    position: dict[str, str]  # lang -> position in the nominative


@dataclass(frozen=True)
class LegalFacts:
    texts: dict[str, dict[str, str]]
    ministry_review_days: int
    links: tuple[Link, ...]
    acts: dict[str, Act] = field(default_factory=dict)
    minister: Minister | None = None
    consulted_review_days: int = 10

    def text(self, key: str, lang: str) -> str:
        versions = self.texts[key]
        return versions.get(lang) or versions.get("en") or next(iter(versions.values()))

    def ministry(self, lang: str) -> str:
        return self.text("ministry", lang)

    def act(self, key: str) -> Act:
        return self.acts[key]

    def link_lines(self, lang: str) -> list[str]:
        return [
            f"{link.title.get(lang) or link.title.get('en', '')}: {link.url}" for link in self.links
        ]


def _days(raw: dict[str, Any], key: str, default: int) -> int:
    days = int(raw.get(key, default))
    if not 1 <= days <= 365:
        raise ValueError(f"{key} must be between 1 and 365")
    return days


def _acts(raw: dict[str, Any]) -> dict[str, Act]:
    return {
        key: Act(
            kind=str(item["kind"]),
            date=date.fromisoformat(item["date"]),
            number=str(item["number"]),
            title=str(item["title"]),
            titles={str(k): str(v) for k, v in item.get("titles", {}).items()},
        )
        for key, item in raw.items()
    }


def _minister(raw: dict[str, Any]) -> Minister:
    return Minister(
        given_name=str(raw["given_name"]),
        family_name=str(raw["family_name"]),
        gender=raw.get("gender"),
        position={str(k): str(v) for k, v in raw["position"].items()},
    )


def _parse(raw: dict[str, Any], fallback: dict[str, Any] | None = None) -> LegalFacts:
    missing = [key for key in _TEXT_KEYS if not isinstance(raw.get(key), dict)]
    if missing:
        raise ValueError(f"legal facts file lacks {', '.join(missing)}")
    base = fallback or {}
    links = tuple(Link(dict(item["title"]), str(item["url"])) for item in raw.get("links", []))
    minister = raw.get("minister") or base.get("minister")
    return LegalFacts(
        texts={key: dict(raw[key]) for key in _TEXT_KEYS},
        ministry_review_days=_days(raw, "ministry_review_days", 30),
        links=links,
        acts={**_acts(base.get("acts", {})), **_acts(raw.get("acts", {}))},
        minister=_minister(minister) if minister else None,
        consulted_review_days=_days(raw, "consulted_review_days", 10),
    )


def _read(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


@functools.cache
def _load(path: Path) -> LegalFacts:
    return _parse(_read(path), None if path == PACKAGED.resolve() else _read(PACKAGED))


def load_legal_facts(path: Path | None = None) -> LegalFacts:
    """The operator's file when one is configured, else the packaged one."""
    return _load((path or PACKAGED).resolve())
