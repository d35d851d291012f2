"""A read-only view of the tokens that the grammar's rules look at."""

from __future__ import annotations

from typing import Any

from bot.domain.reminders.schedule import lexicon
from bot.domain.reminders.schedule.tokens import Token

_NOT_TELLING = frozenset(("lang", "month", "month_nominative", "month_short", "number", "tens"))
_GERMAN_SMALL_WORDS = frozenset(("um", "bis", "vom", "zum", "und", "der", "dem", "des"))


class Tokens:
    def __init__(self, tokens: list[Token]) -> None:
        self.items = tokens
        self._count = len(tokens)
        # The rules ask for words and tags many times per phrase: looked up once here.
        self._words = [t.word for t in tokens]
        self._tags = [lexicon.tags(word) for word in self._words]
        # Languages only some words belong to: `am` is a.m. unless the phrase is German. A
        # month or a number alone does not tell (`call Mai at 3 am`).
        self.langs = {t["lang"] for t in self._tags if "lang" in t and not t.keys() <= _NOT_TELLING}
        if any(word in _GERMAN_SMALL_WORDS for word in self._words):
            self.langs.add("de")

    def __len__(self) -> int:
        return self._count

    def word(self, i: int) -> str | None:
        return self._words[i] if 0 <= i < self._count else None

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
        return self._tags[i].get(name) if 0 <= i < self._count else None

    def tags(self, i: int) -> dict[str, Any]:
        return self._tags[i] if 0 <= i < self._count else {}

    def is_(self, i: int, *words: str) -> bool:
        return 0 <= i < self._count and self._words[i] in words

    def skip(self, i: int, *words: str) -> int:
        """Past one optional word."""
        return i + 1 if 0 <= i < self._count and self._words[i] in words else i
