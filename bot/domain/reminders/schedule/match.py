"""A read-only view of the tokens that the grammar's rules look at."""

from __future__ import annotations

from typing import Any

from bot.domain.reminders.schedule import lexicon
from bot.domain.reminders.schedule.tokens import Token


class Tokens:
    def __init__(self, tokens: list[Token]) -> None:
        self.items = tokens
        self._tags = [lexicon.tags(t.word) for t in tokens]

    def __len__(self) -> int:
        return len(self.items)

    def word(self, i: int) -> str | None:
        return self.items[i].word if 0 <= i < len(self.items) else None

    def number(self, i: int) -> int | None:
        return self.items[i].number if 0 <= i < len(self.items) else None

    def digits(self, i: int) -> str | None:
        """The number's digits as typed (`09` keeps its zero)."""
        if 0 <= i < len(self.items) and self.items[i].kind == "n":
            return self.items[i].text
        return None

    def punct(self, i: int, chars: str) -> bool:
        return (
            0 <= i < len(self.items) and self.items[i].kind == "p" and self.items[i].text in chars
        )

    def glued(self, i: int) -> bool:
        """Token i touches the one before it (`9` and `:` in `9:30`)."""
        return 0 < i < len(self.items) and self.items[i].glued

    def tag(self, i: int, name: str) -> Any:
        return self._tags[i].get(name) if 0 <= i < len(self.items) else None

    def tags(self, i: int) -> dict[str, Any]:
        return self._tags[i] if 0 <= i < len(self.items) else {}

    def is_(self, i: int, *words: str) -> bool:
        return self.word(i) in words

    def skip(self, i: int, *words: str) -> int:
        """Past one optional word."""
        return i + 1 if self.word(i) in words else i
