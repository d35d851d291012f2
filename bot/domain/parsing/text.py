"""Checks for free text that people type: names, descriptions, notes."""

from __future__ import annotations

import unicodedata
from enum import Enum

NAME_LIMIT = 100
TEXT_LIMIT = 2000


class TextProblem(Enum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NO_LETTERS = "no_letters"


def clean(text: str) -> str:
    """Drop control characters and collapse whitespace; keeps every script and emoji."""
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    return " ".join(kept.split())


def check_name(text: str, limit: int = NAME_LIMIT) -> TextProblem | None:
    value = clean(text)
    if not value:
        return TextProblem.EMPTY
    if len(value) > limit:
        return TextProblem.TOO_LONG
    if not any(ch.isalpha() for ch in value):
        return TextProblem.NO_LETTERS
    return None


def check_text(text: str, limit: int = TEXT_LIMIT) -> TextProblem | None:
    value = clean(text)
    if not value:
        return TextProblem.EMPTY
    if len(value) > limit:
        return TextProblem.TOO_LONG
    return None
