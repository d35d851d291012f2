"""Every button a test puts on screen fits a phone in every language the bot speaks.

A story test runs in one or two languages; a label it shows is looked up in the compiled
catalogs, and the same message in each of the others must fit the same row too. Labels
that are not catalog messages (names, a post's first words) are cut by the bot after a whole
word; they must fit as shown.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from bot.button_width import ELLIPSIS, budget, fits, label_width
from bot.i18n import LANGUAGES, I18n

TICK = "✓ "
Row = tuple[str, ...]


@functools.cache
def _catalogs() -> dict[str, dict[str, str]]:
    """msgid -> translation for each language: the compiled messages without placeholders."""
    found: dict[str, dict[str, str]] = {}
    for translator in I18n():
        messages = getattr(translator.translations, "_catalog", {})
        found[translator.lang] = {
            key: value
            for key, value in messages.items()
            if isinstance(key, str) and key and "{" not in key
        }
    return found


@functools.cache
def _sources() -> dict[str, frozenset[str]]:
    """Each label as some language shows it -> the messages it can come from."""
    sources: dict[str, set[str]] = {}
    for messages in _catalogs().values():
        for key, value in messages.items():
            sources.setdefault(value, set()).add(key)
            sources.setdefault(key, set()).add(key)
    return {label: frozenset(keys) for label, keys in sources.items()}


def translations(message: str) -> dict[str, str]:
    catalogs = _catalogs()
    return {lang: catalogs[lang].get(message, message) for lang in LANGUAGES}


def problems(rows: Iterable[Row]) -> list[str]:
    found: list[str] = []
    sources = _sources()
    for row in dict.fromkeys(rows):
        per_row = len(row)
        for label in row:
            ticked = label.startswith(TICK)
            base = label.removeprefix(TICK)
            messages = sources.get(base)
            if not messages:
                if not fits(label, per_row):
                    found.append(f"{label!r} is too wide for a row of {per_row}")
                if label.endswith(ELLIPSIS) and _cut_message(label.removesuffix(ELLIPSIS)):
                    found.append(f"{label!r} is a message cut short")
                continue
            for message in messages:
                for lang, text in translations(message).items():
                    shown = (TICK if ticked else "") + text
                    if not fits(shown, per_row):
                        found.append(
                            f"{lang}: {shown!r} ({label_width(shown):.1f}) is too wide for a row"
                            f" of {per_row} ({budget(per_row):.0f})"
                        )
    return sorted(set(found))


def _cut_message(prefix: str) -> bool:
    return len(prefix) > 3 and any(
        label.startswith(prefix) and label != prefix for label in _sources()
    )
