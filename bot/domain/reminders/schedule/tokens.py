"""Text as typed on a phone, made comparable, and cut into whole tokens.

Matching works on whole tokens only: a word never matches inside another word, so
`3 amendments` cannot read as 3 a.m. and `half` never as `h`. Normalising keeps every
character's position, so the reminder's text is cut from what the person typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_APOSTROPHES = frozenset("’ʼ‘`´′ʹ'")
_DASHES = frozenset("‐‑‒–—―−")
# Latin letters that look like Cyrillic ones, typed by a phone keyboard on the wrong layout
# in the middle of a Cyrillic word: `пятницi`, `cереда`, `o 9`.
_LOOKALIKE_LOWER = dict(zip("aceiopxyï", "асеіорхуї", strict=True))
_LOOKALIKE_UPPER = dict(zip("ABCEHIKMOPTXYÏ", "АВСЕНІКМОРТХУЇ", strict=True))
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# `2morrow`, `2day`, `2nite`: the digit is part of the word.
_TOKEN = re.compile(
    r"2(?:morrow|moro|morow|mrw|day|nite|night)(?![^\W\d_])|[^\W\d_]+(?:'[^\W\d_]+)*|\d+|\S"
)
_WORD_RUN = re.compile(r"[^\W\d_]+(?:['’ʼ‘`´′ʹ][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # normalised
    kind: str  # "w" word, "n" number, "p" punctuation
    start: int
    end: int
    glued: bool  # no space between this token and the one before

    @property
    def word(self) -> str | None:
        return self.text if self.kind == "w" else None

    @property
    def number(self) -> int | None:
        return int(self.text) if self.kind == "n" else None


def _fix_lookalikes(word: str) -> str:
    if not CYRILLIC.search(word):
        return word
    return "".join(_LOOKALIKE_LOWER.get(c, _LOOKALIKE_UPPER.get(c, c)) for c in word)


def normalize(text: str) -> str:
    """Lowercase, one apostrophe, one dash, Cyrillic look-alikes fixed; same length."""
    chars = []
    for char in text:
        if char in _APOSTROPHES:
            chars.append("'")
        elif char in _DASHES:
            chars.append("-")
        else:
            chars.append(char)
    joined = "".join(chars)
    fixed = _WORD_RUN.sub(lambda m: _fix_lookalikes(m[0]), joined)
    out = []
    for char in fixed:
        lower = char.lower()
        lower = "е" if lower == "ё" else lower
        out.append(lower if len(lower) == 1 else char)
    return "".join(out)


def tokenize(text: str) -> list[Token]:
    """Tokens of the normalised text, with their positions in the original."""
    tokens: list[Token] = []
    normalized = normalize(text)
    last_end = -1
    for match in _TOKEN.finditer(normalized):
        raw = match[0]
        kind = "n" if raw.isdigit() else "w" if raw[-1].isalpha() else "p"
        if kind == "n" and not raw.isascii():
            kind = "p"  # other scripts' digits are not times
        tokens.append(Token(raw, kind, match.start(), match.end(), match.start() == last_end))
        last_end = match.end()
    return tokens
