"""What a person has chosen so far in search and in an introduction, kept in `user_data` as
JSON so that a restart resumes it; read back tolerantly, since stored data is never trusted."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bot.context import BotContext
from bot.domain.offers.model import KIND_CODES, known, toggled, valid_sectors
from bot.domain.sectors import SECTOR_CODES
from handlers.offers.buttons import FilterList
from handlers.shared.flows import FLOW_PREFIX

KEY = FLOW_PREFIX + "offers"
WORDS_LIMIT = 1000
LAST_PAGE = 10_000


def _flow(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    flow = context.user_data.setdefault(KEY, {})
    if not isinstance(flow, dict):
        flow = context.user_data[KEY] = {}
    return flow


@dataclass
class Filters:
    """A search: typed words, sectors, kinds of support, and the page of results shown."""

    words: str = ""
    sectors: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    page: int = 0

    @classmethod
    def load(cls, context: BotContext) -> Filters:
        raw = _flow(context).get("search")
        if not isinstance(raw, dict):
            return cls()
        page = raw.get("page")
        return cls(
            words=str(raw.get("words") or "")[:WORDS_LIMIT],
            sectors=valid_sectors(_strings(raw.get("sectors"))),
            kinds=known(_strings(raw.get("kinds")), KIND_CODES),
            page=min(max(page, 0), LAST_PAGE) if isinstance(page, int) else 0,
        )

    def chosen(self, among: FilterList) -> list[str]:
        return self.sectors if among == "sectors" else self.kinds

    def toggle(self, among: FilterList, code: str) -> None:
        if among == "sectors":
            self.sectors = toggled(self.sectors, code, SECTOR_CODES)
        else:
            self.kinds = toggled(self.kinds, code, KIND_CODES)

    def store(self, context: BotContext) -> None:
        self.words = self.words[:WORDS_LIMIT]
        self.page = min(max(self.page, 0), LAST_PAGE)
        _flow(context)["search"] = asdict(self)


@dataclass
class IntroDraft:
    """An introduction being written about one post."""

    post: int
    message: str = ""

    @classmethod
    def load(cls, context: BotContext) -> IntroDraft | None:
        raw = _flow(context).get("intro")
        if not isinstance(raw, dict) or not isinstance(raw.get("post"), int):
            return None
        return cls(raw["post"], str(raw.get("message") or ""))

    def store(self, context: BotContext) -> None:
        _flow(context)["intro"] = asdict(self)

    @staticmethod
    def drop(context: BotContext) -> None:
        _flow(context).pop("intro", None)


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
