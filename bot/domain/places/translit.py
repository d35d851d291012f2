"""The official Ukrainian transliteration, and folding names into comparable keys.

Transliteration follows Cabinet of Ministers resolution No. 55 of 27 January 2010: one Latin
spelling for every Ukrainian letter, with є, ї, й, ю, я written differently at the start of a
word, "зг" as "zgh" (to tell it from "ж"), and the soft sign and the apostrophe dropped.

Folding reduces any name, in any script, to lowercase ASCII words: Cyrillic goes through the
transliteration, so "Бровари", "BROVARY" and "Brovary" meet, and so do "Кам’янець" and
"Kamianets" whatever apostrophe was typed.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["APOSTROPHES", "fold", "fold_lines", "transliterate", "uk_sort_key"]

UK_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
APOSTROPHES = "'’ʼ`´ʹ‘"
_UK_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia",
}  # fmt: skip
_UK_TABLE = str.maketrans(_UK_LATIN)
# The spellings at the start of a word, and "зг". The letter comes first in the pattern so
# that the regex engine can skip ahead to candidates; a letter after an apostrophe is inside
# the word (Знам’янка: Znamianka).
_UK_SPECIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "зг": "zgh"}
_UK_SPECIAL_RE = re.compile(f"[єїйюя](?<![^\\W\\d_].)(?<![{APOSTROPHES}].)|зг")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_CYRILLIC_WORD_RE = re.compile(f"[\u0400-\u04ff]+(?:[{APOSTROPHES}][\u0400-\u04ff]+)*")
# Letters of other Cyrillic alphabets become Ukrainian ones, so Russian or Serbian spellings
# fold close to the Ukrainian; and Latin letters that NFKD does not decompose get a base.
_SUBSTITUTES = {
    "ы": "и", "э": "е", "ё": "е", "ъ": "", "ў": "у", "ј": "й", "љ": "ль", "њ": "нь",
    "ђ": "дж", "ћ": "ч", "џ": "дж", "ѓ": "г", "ќ": "к", "ѕ": "дз", "ӳ": "у", "ә": "а",
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i",
    "ħ": "h", "ŧ": "t", "ŀ": "l", "ŋ": "ng",
}  # fmt: skip
# Regular expressions rather than str.translate: translate looks up every character in a
# dict, and these characters are rare in the large blocks folded when the index is built.
_SUBSTITUTE_RE = re.compile(f"[{''.join(_SUBSTITUTES)}]")
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_DROPPED_RE = re.compile(
    f"[{APOSTROPHES}\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_SEPARATOR_RE = re.compile(r"[^\w\n]+")


def _transliterate_lower(text: str) -> str:
    text = _UK_SPECIAL_RE.sub(lambda m: _UK_SPECIAL[m.group()], text)
    # str.translate looks every character up in a dict: fine for a name, but on the blocks
    # folded when the index is built a str.replace per letter is several times faster.
    if len(text) < 1000:
        return text.translate(_UK_TABLE)
    for letter, latin in _UK_LATIN.items():
        text = text.replace(letter, latin)
    return text


def _transliterate_word(match: re.Match[str]) -> str:
    word = match.group()
    latin = _APOSTROPHE_RE.sub("", _transliterate_lower(word.lower()))
    if len(word) > 1 and word.isupper():
        return latin.upper()
    return latin[:1].upper() + latin[1:] if word[0].isupper() else latin


def transliterate(text: str) -> str:
    """Ukrainian in Latin letters by the national system (resolution No. 55 of 2010).

    Non-Cyrillic characters pass through unchanged. Case is kept per word (title case or all
    capitals); a capital inside a word is not preserved.
    """
    return _CYRILLIC_WORD_RE.sub(_transliterate_word, text)


def fold_lines(block: str) -> str:
    """Fold newline-separated NFC names in one pass; a call per name would dominate a build."""
    block = block.casefold()
    if not block.isascii():
        block = _SUBSTITUTE_RE.sub(lambda m: _SUBSTITUTES[m.group()], block)
        if _CYRILLIC_RE.search(block):
            block = _transliterate_lower(block)
        block = unicodedata.normalize("NFKD", block)
    # Apostrophes go only now: transliteration needs them to tell where words start.
    block = _SEPARATOR_RE.sub(" ", _DROPPED_RE.sub("", block).replace("_", " "))
    return block.replace(" \n", "\n").replace("\n ", "\n").strip(" ")


def fold(text: str) -> str:
    """Reduce a name to a lowercase key comparable across scripts, case and diacritics."""
    return fold_lines(unicodedata.normalize("NFC", text.replace("\n", " ")))


def uk_sort_key(text: str) -> list[int]:
    """Ukrainian alphabetical order: code points put є, і, ї and ґ after я."""
    return [UK_ALPHABET.find(ch) for ch in text.lower()]
