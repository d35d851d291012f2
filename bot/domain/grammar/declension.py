"""Ukrainian noun phrases put in the case a sentence needs, with pymorphy3's dictionaries.

A phrase such as «Долинська міська територіальна громада», «Шяуляйський район» or
«секретар міської ради» is a run of adjectives that agree with a head noun, then words that
keep their form whatever the case («міської ради», «міста Єна»). Only that leading run is
inflected; anything the dictionary cannot vouch for makes `decline_phrase` return None, so
the caller can fall back to a construction that needs no ending.
"""

from __future__ import annotations

import functools
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pymorphy3
    from pymorphy3.analyzer import Parse

APOSTROPHE = "’"  # the project's apostrophe; the dictionary spells it "'"


class Case(StrEnum):
    """Grammatical cases, named by their OpenCorpora tags as pymorphy3 uses them."""

    NOMINATIVE = "nomn"
    GENITIVE = "gent"
    DATIVE = "datv"
    ACCUSATIVE = "accs"
    INSTRUMENTAL = "ablt"
    LOCATIVE = "loct"
    VOCATIVE = "voct"


@functools.cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    # Loading the dictionaries takes a few tenths of a second: once per process, with the
    # first document that declines a word, not at every start of the bot.
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@functools.lru_cache(maxsize=4096)
def _parse(word: str) -> tuple[Parse, ...]:
    # Documents ask for the same few words many times over.
    return tuple(analyzer().parse(word))


def _known(parse: Parse) -> bool:
    """A form found in the dictionary, not one guessed from a similar ending."""
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _nominative(parse: Parse) -> bool:
    # Some dictionary entries carry no case on their base form («секретар»).
    return bool(
        parse.tag.case == "nomn" or (parse.tag.case is None and parse.word == parse.normal_form)
    )


def _proper(parse: Parse) -> bool:
    return "Name" in parse.tag or "Surn" in parse.tag or "Patr" in parse.tag


def _nouns(word: str) -> list[Parse]:
    """Nominative noun readings of a word, common nouns before first names and surnames."""
    found = [
        p for p in _parse(word) if p.tag.POS == "NOUN" and _nominative(p) and "Abbr" not in p.tag
    ]
    return sorted(found, key=lambda p: (_proper(p), not _known(p)))


def _agrees(adjective: Parse, head: Parse, loose: bool) -> bool:
    if head.tag.number == "plur":
        return adjective.tag.number == "plur"
    if loose:
        return adjective.tag.number != "plur"
    return adjective.tag.gender == head.tag.gender and adjective.tag.number != "plur"


def _adjective(word: str, head: Parse, loose: bool = False) -> Parse | None:
    return next(
        (
            p
            for p in _parse(word)
            if p.tag.POS == "ADJF" and p.tag.case == "nomn" and _agrees(p, head, loose)
        ),
        None,
    )


def _form(parse: Parse, case: Case, animate: bool) -> str | None:
    """The word of `parse` in `case`, agreeing in gender and number, or None."""
    target = case.value
    adjective = parse.tag.POS == "ADJF"
    if case is Case.ACCUSATIVE and adjective and parse.tag.gender in ("masc", None):
        # An adjective's masculine and plural accusative follows the noun's animacy:
        # «Шяуляйський район», but «міського голову». Nouns have their own accusative.
        target = "gent" if animate else "nomn"
    grammemes = {target}
    if parse.tag.number == "plur":
        grammemes.add("plur")
    elif adjective and parse.tag.gender:
        grammemes.add(parse.tag.gender)
    forms = [
        f
        for f in parse.lexeme
        if grammemes <= set(f.tag.grammemes)
        and (parse.tag.number == "plur") == (f.tag.number == "plur")
    ]
    if not forms:
        return None
    words = [str(f.word) for f in forms]
    return min(words, key=lambda w: (_preference(w, words, target, animate), words.index(w)))


def _preference(word: str, variants: list[str], target: str, animate: bool) -> int:
    """Among a case's variant endings, the one official texts use.

    «Шяуляйському районі» (not the bookish «Шяуляйськім»), «у Кременчуці», «Києві» and
    «району» for places; people keep the dictionary's first choice («секретареві»).
    """
    if target not in ("loct", "datv"):
        return 0
    if target == "loct" and word.endswith(("ім", "їм")):
        return 2
    long_ending = word.endswith(("ові", "еві", "єві"))
    if not animate and long_ending and {word[:-3] + "у", word[:-3] + "ю"} & set(variants):
        return 2  # «районові» beside «району»
    if target == "loct" and not animate and word.endswith(("у", "ю")):
        return 1
    return 0


def _restore_case(original: str, inflected: str) -> str:
    """Carry the letter case of each hyphen-separated part over to the inflected word."""
    if original.isupper():
        return inflected.upper()
    parts, shaped = original.split("-"), inflected.split("-")
    if len(parts) != len(shaped):
        return inflected.capitalize() if original[:1].isupper() else inflected
    return "-".join(
        new.capitalize() if old[:1].isupper() else new
        for old, new in zip(parts, shaped, strict=True)
    )


def _head(words: list[str]) -> tuple[int, Parse, list[Parse]] | None:
    """The head noun of the leading run and the adjectives before it that agree with it."""
    best: tuple[int, Parse, list[Parse]] | None = None
    for index, word in enumerate(words):
        nouns = _nouns(word)
        # A person's title may agree with the person rather than the noun («міська голова»
        # for a woman): tried only when no reading agrees strictly.
        attempts = [(n, False) for n in nouns] + [(n, True) for n in nouns if "anim" in n.tag]
        for noun, loose in attempts:
            adjectives = [_adjective(w, noun, loose) for w in words[:index]]
            if all(a is not None for a in adjectives):
                best = (index, noun, [a for a in adjectives if a is not None])
                break
        if not any(p.tag.POS == "ADJF" and p.tag.case == "nomn" for p in _parse(word)):
            break  # past the leading adjectives: later nouns are complements
    return best


@functools.lru_cache(maxsize=4096)
def decline_phrase(phrase: str, case: Case) -> str | None:
    """The phrase in `case`, or None when the dictionary cannot tell how it declines.

    The head noun must be a dictionary word; adjectives before it may be guessed from their
    endings, as place adjectives («Шяуляйський», «Яремчанська») often are.
    """
    text = " ".join(phrase.split())
    if not text:
        return None
    if case is Case.NOMINATIVE:
        return text
    words = text.replace(APOSTROPHE, "'").split(" ")
    found = _head([w.lower() for w in words])
    if found is None:
        return None
    index, noun, adjectives = found
    if not _known(noun):
        return None
    animate = "anim" in noun.tag
    inflected: list[str] = []
    for word, parse in zip(words[: index + 1], [*adjectives, noun], strict=True):
        form = _form(parse, case, animate)
        if form is None:
            return None
        inflected.append(_restore_case(word, form))
    result = " ".join([*inflected, *words[index + 1 :]])
    return result.replace("'", APOSTROPHE)


def decline_noun(noun: str, case: Case) -> str:
    """A generic noun («місто», «район», «повіт») in `case`; these are always in the dictionary."""
    declined = decline_phrase(noun, case)
    if declined is None:
        raise ValueError(f"not a Ukrainian dictionary noun: {noun}")
    return declined


def with_number(count: int, noun: str) -> str:
    """«1 візит», «3 візити», «12 візитів»: the noun agreeing with the number.

    Ukrainian: 1, 21, 31... take the nominative singular; 2-4, 22-24... the nominative
    plural; the rest (11-14 included) the genitive plural.
    """
    tens, units = count % 100, count % 10
    if units == 1 and tens != 11:
        wanted, plural = "nomn", False
    elif 2 <= units <= 4 and not 12 <= tens <= 14:
        wanted, plural = "nomn", True
    else:
        wanted, plural = "gent", True
    for parse in _nouns(noun):
        for form in parse.lexeme:
            tag = form.tag
            if tag.case == wanted and (tag.number == "plur") == plural:
                return f"{count} {_restore_case(noun, str(form.word))}"
    return f"{count} {noun}"
