"""Reads a phrase left to right: the longest rule that fits at each token wins; what no rule
took is either the reminder's text or, when it looks like a time, a part not understood.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.reminders.schedule.clock import clock, counted_noun, day_part
from bot.domain.reminders.schedule.dates import day
from bot.domain.reminders.schedule.durations import later
from bot.domain.reminders.schedule.facts import ClockTime, Day, Found, Hit, Shift, Weekday
from bot.domain.reminders.schedule.match import Tokens
from bot.domain.reminders.schedule.repeats import repeat
from bot.domain.reminders.schedule.tokens import Token, tokenize

Rule = Callable[[Tokens, int], Hit | None]
# On a tie the first wins: `на 5.12` is a date before it is a time.
RULES: tuple[Rule, ...] = (repeat, day, later, clock, day_part)

# Tags of words that always speak of time; left over, they make the phrase unsure.
_TIME_TAGS = (
    "weekday",
    "every_weekday",
    "day_shift",
    "past_day",
    "tonight",
    "part",
    "noon",
    "weekend",
    "every",
    "repeat",
    "repeat_part",
    "workdays",
    "ago",
    "meridiem",
    "vague",
    "workday",
    "part_plural",
    "fortnight",
    "either_sunday",
    "per_period",
    "month_end_word",
    "weekend_adverb",
    "amount_word",
    "weekday_part",
)
_TIME_WORDS_ALONE = frozenset(("вечора", "вечера", "ранку", "утра", "ночі", "ночи"))
_BEFORE_AFTER = frozenset(
    ("до", "перед", "після", "после", "к", "before", "after", "by", "till", "until", "з", "с",
     "vor", "nach", "bis", "ab", "przed", "po", "do", "od")
)  # fmt: skip
_ARTICLES = frozenset(("the", "der", "des", "dem", "den", "im"))
_TIMES = frozenset(("раз", "раза", "рази", "разів", "times", "time", "razy", "mal"))
_TIME_PREPS = frozenset(
    ("о", "об", "o", "at", "around", "в", "у", "до", "by", "близько", "около",
     "um", "bis", "ab", "von", "gegen", "do", "od", "na", "około", "okolo", "koło", "kolo",
     "zwischen", "między", "miedzy", "між", "между", "between")
)  # fmt: skip
_QUALIFIED = ("next", "this", "last", "end", "final", "period_part")
_QUALIFIED_BY = ("unit", "week_word", "month_word", "weekday", "weekday_short", "weekend", "month")
_CLOCK_NEIGHBOURS = frozenset(
    ("о", "об", "на", "за", "без", "at", "past", "to", "till", "через", "in", "по", "an", "of",
     "o", "um", "nach", "vor", "po", "przed", "za", "do", "gegen")
)  # fmt: skip
_VAGUE_COUNTS = frozenset(
    ("через", "кілька", "декілька", "кількох", "несколько", "пару", "few", "several", "in", "за",
     "paar", "einige", "einigen", "wenigen", "ein", "kilka", "kilku", "parę", "pare", "paru",
     "kilkanaście", "kilkanascie", "za")
)  # fmt: skip
_DURING = frozenset(("przez", "ciągu", "ciagu", "für", "fuer", "fur", "протягом", "впродовж"))
_RELATIVE_WORDS = frozenset(("через", "in", "after", "спустя", "within", "za"))
_YEAR_TEXT = ("рік", "року", "р", "year", "год", "года", "rok", "roku", "r", "jahr")
# What a word that is also an ordinary word (`jeden`, `co`, `każdy`) must be followed by to
# speak of time: `co drugi tydzień`, `jeden Abend`; `co kupić`, `jeden Bericht` do not.
_SOFT_BEFORE = (
    *_QUALIFIED_BY, "part_noun", "nth", "other", "half_adj", "half_prefix", "weekdays", "workday",
    "working", "every_weekday", "amount_word",
)  # fmt: skip
# Before a plain word after a number these make it a count, not a time: `za 2 bilety`.
_COUNTING_PREPS = ("za", "do", "na", "bis", "gegen")


@dataclass(frozen=True)
class Reading:
    tokens: list[Token]
    found: list[Found]
    unsure: list[tuple[int, int]]  # token runs that look like time but were not understood


def _inside_digit_group(s: Tokens, i: int) -> bool:
    return (
        s.number(i) is not None
        and s.glued(i)
        and s.punct(i - 1, ":./")
        and s.glued(i - 1)
        and s.number(i - 2) is not None
    )


def _scan(s: Tokens) -> tuple[list[Found], list[int]]:
    found: list[Found] = []
    free: list[int] = []
    i = 0
    while i < len(s):
        if _inside_digit_group(s, i):
            free.append(i)  # `:05` after `0:05:05`: the rest of a group no rule took whole
            i += 1
            continue
        best: Hit | None = None
        for rule in RULES:
            hit = rule(s, i)
            if hit is not None and hit.end > i and (best is None or hit.end > best.end):
                best = hit
        if best is None:
            free.append(i)
            i += 1
        else:
            found.append(Found(i, best.end, best.facts))
            i = best.end
    return found, free


def _hour_after_day(s: Tokens, found: list[Found], free: list[int]) -> set[int]:
    """`завтра 9 нарада`, `у п'ятницю 10`: a lone hour right after a day is its time.

    German and Polish say the hour with `um`, `Uhr` or `o`: there a lone number before a
    plain word (`morgen 5 Ordner kaufen`, `jutro 9 spotkanie`) is asked about, not taken;
    returns those numbers.
    """
    doubtful: set[int] = set()
    ends = {f.end: f for f in found}
    for i in list(free):
        before = ends.get(i)
        digits = s.digits(i)
        if before is None or digits is None or len(digits) > 2 or int(digits) > 23:
            continue
        if not any(isinstance(f, Shift | Weekday | Day) for f in before.facts):
            continue
        if counted_noun(s, i + 1) or s.tag(i + 1, "unit") or s.punct(i + 1, ".:/%-"):
            continue
        if s.tag(i + 1, "month") or s.tag(i + 1, "month_short"):
            continue
        said_in = {s.tag(j, "lang") for j in range(before.start, before.end)}
        if said_in & {"de", "pl"} and s.word(i + 1) is not None and not s.tags(i + 1):
            doubtful.add(i)
            continue
        hour, minute, end = int(digits), 0, i + 1
        minutes = s.digits(i + 1)
        if minutes is not None:
            if len(minutes) != 2 or int(minutes) > 59 or i + 1 not in free:
                continue
            minute, end = int(minutes), i + 2
            free.remove(i + 1)
        twelve = not (len(digits) == 2 and digits[0] == "0") and 1 <= hour <= 12
        found.append(Found(i, end, (ClockTime(hour, minute, twelve),)))
        free.remove(i)
    found.sort(key=lambda f: f.start)
    return doubtful


def _looks_like_time(s: Tokens, i: int) -> bool:
    tags = s.tags(i)
    word = s.word(i)
    if "soft" in tags:
        after = s.tags(i + 1)
        if s.number(i + 1) is not None or "number" in after:
            after = s.tags(i + 2)  # `co 2 godziny`, `alle drei Tage`
        return any(tag in after for tag in _SOFT_BEFORE)
    if word == "morgen" and s.is_(i - 1, "guten"):
        return False  # `Guten Morgen`
    if word == "am" and "de" in s.langs:
        return False  # German `am Bahnhof`, not a.m.
    if any(tag in tags for tag in _TIME_TAGS):
        return True
    if word in _TIME_WORDS_ALONE:
        return True
    if word in ("через", "спустя") and s.number(i + 1) is not None:
        return True  # `через 1 грудня`: after what?
    before = i - 1 - (s.word(i - 1) in _ARTICLES)
    if ("lunch" in tags or "part_noun" in tags) and s.word(before) in _BEFORE_AFTER:
        return True  # `до обіду`, `przed obiadem`, `vor dem Mittagessen`, `do wieczora`
    if "hour_word" in tags and s.word(i - 1) in _BEFORE_AFTER:
        return True  # `po dziesiątej`, `przed ósmą`
    if (
        word in _TIMES
        and s.is_(i + 1, "на", "в", "a", "per", "every", "w", "na", "pro", "im", "die", "am")
        and (s.tag(i + 2, "unit") or s.tag(i + 2, "week_word") or s.tag(i + 2, "month_word"))
    ):
        return True  # `два рази на тиждень`: several times in a period
    if word in _TIMES and (s.tag(i + 1, "per_period") or s.tag(i + 1, "repeat")):
        return True  # `dwa razy dziennie`, `2 mal täglich`
    if "unit" in tags and s.word(i + 1) in _BEFORE_AFTER and not s.is_(i + 1, "do", "bis", "od"):
        return True  # `godzinę przed naradą`, `zwei Tage nach dem Besuch`
    if "unit" in tags and s.tag(i - 1, "number") is not None:
        return True  # `eine Stunde vor der Sitzung`, `dwa dni`
    if (
        "unit" in tags
        and s.is_(i - 1, "a", "an", "one")
        and s.is_(i + 1, "from", "after", "before", "later", "earlier")
    ):
        return True  # `a week from Monday`
    if any(tag in tags for tag in _QUALIFIED):
        return any(t in s.tags(i + 1) for t in _QUALIFIED_BY) or (
            any(t in s.tags(i + 2) for t in _QUALIFIED_BY)
            and (s.is_(i + 1, "of") or s.word(i + 1) in _ARTICLES)
        )
    if "month" in tags:
        # `звіт за грудень` is a report's name; `у грудні`, `грудня` speak of a day.
        nominative = word is not None and (
            word.endswith(("ень", "ий", "ад", "ь")) or word.isascii()
        )
        if tags.get("lang") in ("de", "pl"):
            nominative = "month_nominative" in tags  # `grudzień`, `Dezember`; not `grudnia`
        return not nominative or s.is_(i - 1, "in", "у", "в", "by", "until", "до", "im", "w")
    if "half_prefix" in tags or "half_unit" in tags or "one_and_half" in tags:
        return True
    if ("half" in tags or "quarter" in tags or "halb" in tags or "three_quarters" in tags) and (
        s.word(i - 1) in _CLOCK_NEIGHBOURS
        or s.word(i + 1) in _CLOCK_NEIGHBOURS
        or s.number(i + 1) is not None
        or "hour_word" in s.tags(i + 1)
    ):
        return True
    if "unit" in tags and s.word(i - 1) in _DURING:
        return True  # `przez tydzień`, `w ciągu 2 dni`, `für eine Woche`: for how long?
    if ("unit" in tags or "unit_short" in tags) and (
        (s.number(i - 1) is not None and len(s.digits(i - 1) or "") < 4)
        or s.word(i - 1) in _VAGUE_COUNTS
    ):
        return True
    digits = s.digits(i)
    if digits is None:
        return False
    if s.word(i - 1) in _COUNTING_PREPS and s.word(i + 1) is not None and not s.tags(i + 1):
        # `za 2 bilety`, `do 10 osób` count; `na 5 piętrze`, `bis 10 anrufen` are asked.
        return s.word(i - 1) != "za" and not counted_noun(s, i + 1)
    said_after = s.word(i - 1) in _TIME_PREPS or s.punct(i - 1, "@")
    said_after = said_after or (s.punct(i - 1, ".") and s.is_(i - 2, "ok"))  # `ok. 10`
    if said_after and not counted_noun(s, i + 1):
        return True
    if s.word(i - 1) in _RELATIVE_WORDS:
        return True  # `через 5`: five of what?
    if s.is_(i - 1, "nach", "vor", "po", "przed") and not counted_noun(s, i + 1):
        return True  # `nach 5`, `po 5`: after five o'clock, or five of something?
    if s.is_(i + 1, "nach", "vor", "po", "przed"):
        return True  # `8 po 1 marca`: a clock time this grammar did not read
    if (s.glued(i) and s.punct(i - 1, ":.-/")) or (s.glued(i + 1) and s.punct(i + 1, ":/")):
        return True  # a piece of `9:30:45:00` or `1.2.3.4`
    if len(digits) == 3 or len(digits) > 4:
        return False  # `кабінет 204`, a phone number
    if (
        s.punct(i - 1, "+")
        or sum(s.number(j) is not None for j in (i - 2, i - 1, i + 1, i + 2)) >= 2
    ):
        return False  # `+380 67 123 45 67`: a phone number
    if s.glued(i) and s.word(i - 1) is not None:
        return s.tag(i - 1, "weekday_short") is not None  # `covid19` is a name
    if s.word(i + 1) is not None and s.glued(i + 1):
        return bool(s.tags(i + 1))  # `5G`, `3D` are names; `5pm` was a time
    if s.punct(i - 1, "№#") or s.punct(i + 1, "%"):
        return False
    if len(digits) == 4 and (
        s.word(i + 1) in _YEAR_TEXT or s.is_(i - 1, "за", "for", "of", "za", "für", "fuer", "fur")
    ):
        return False  # `звіт за 2025 рік`, `Bericht für 2025`
    # `30 осіб`, `5 copies`: a number before a plain word counts it; a time is said with a
    # preposition (taken above) or stands alone.
    return s.word(i + 1) is None or bool(s.tags(i + 1))


def _unsure_runs(s: Tokens, free: list[int], doubtful: set[int]) -> list[tuple[int, int]]:
    """Runs of free tokens around each time-like one, for naming what was not understood."""
    free_set = set(free)
    marked = [i for i in free if i in doubtful or _looks_like_time(s, i)]
    runs: list[tuple[int, int]] = []
    for i in marked:
        start, end = i, i + 1
        # Take along glued punctuation and numbers (`17:7:5`) and a preposition before.
        while end in free_set and (s.glued(end) and s.items[end].kind != "w"):
            end += 1
        while end in free_set and end < len(s) and s.glued(end):
            end += 1
        if end in free_set and s.word(end) in ("на", "до", "to", "past", "of", "do", "nach", "vor"):
            end += 1
        while end in free_set and any(t in s.tags(end) for t in (*_QUALIFIED_BY, *_TIME_TAGS)):
            end += 1
        while start - 1 in free_set and s.glued(start) and s.items[start - 1].kind != "w":
            start -= 1
        while start - 1 in free_set and s.word(start - 1) in (*_VAGUE_COUNTS, "a", "an", "ein"):
            start -= 1
        if start - 1 in free_set and (
            s.number(start - 1) is not None or s.tag(start - 1, "number")
        ):
            start -= 1  # `два рази`, `2 times`
        while (
            end + 1 in free_set
            and s.word(end) in ("в", "у", "на", "a", "per", "of", "the", "des", "der", "im", "w")
            and any(t in s.tags(end + 1) for t in (*_QUALIFIED_BY, "week_word", "month_word"))
        ):
            end += 2
        if start - 1 in free_set and s.word(start - 1) in (
            "о", "об", "в", "у", "на", "до", "к", "с", "at", "on", "by", "in", "через", "з", "from",
            "за", "o", "um", "am", "im", "bis", "ab", "von", "vom", "gegen", "w", "we", "na", "do",
            "od", "za", "po", "przed", "nach", "vor", "zwischen", "między", "miedzy", "between",
            "ok", "około", "okolo", "koło", "kolo", "przez", "ciągu", "ciagu", "für", "fuer",
        ):  # fmt: skip
            start -= 1
        if start - 2 in free_set and s.punct(start - 1, ".") and s.is_(start - 2, "godz", "ok"):
            start -= 2  # `godz. 15-16`
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return runs


def _broken_numbers(s: Tokens, free: list[int]) -> set[int]:
    """Punctuation glued between two numbers that no pattern read together (`1..00`,
    `9:/30`): the pieces around it may each have been read as something else."""
    broken: set[int] = set()
    for i in free:
        if s.items[i].kind != "p" or not s.glued(i) or s.number(i - 1) is None:
            continue
        j = i
        while j + 1 < len(s) and s.items[j + 1].kind == "p" and s.glued(j + 1):
            j += 1
        if j + 1 < len(s) and s.glued(j + 1) and s.number(j + 1) is not None:
            broken.update(range(i, j + 1))
    return broken


def read(text: str) -> Reading:
    tokens = tokenize(text)
    s = Tokens(tokens)
    found, free = _scan(s)
    doubtful = _hour_after_day(s, found, free) | _broken_numbers(s, free)
    for item in found:
        item.span = (tokens[item.start].start, tokens[item.end - 1].end)
    return Reading(tokens, found, _unsure_runs(s, free, doubtful))


_LEADING = re.compile(
    r"^(?:(?:будь\s+ласка|please|пожалуйста|bitte|proszę|prosze)[,\s]+)?"
    r"(?:(?:set|add|create)\s+(?:a\s+|an\s+)?reminder(?:\s+(?:for|to|about))?"
    r"|(?:постав(?:те)?|створи(?:ти)?|додай(?:те)?)\s+нагадування(?:\s+(?:на|про))?"
    r"|(?:нагадай(?:те)?|нагадати|нагадування|напомни(?:те)?|напомнить|напоминание|"
    r"remind(?:er)?)(?:\s+(?:мені|мене|нам|мне|нас|me|us))?"
    r"(?:\s+(?:про|що|щоб|о|об|about|to|that|of))?"
    r"|(?:erinnere?|erinnern\s+sie|erinnerung)(?:\s+(?:mich|uns))?(?:\s+bitte)?"
    r"(?:\s+(?:daran|an))?(?:[,\s]+(?:dass|zu))?"
    r"|(?:przypomnij(?:cie)?|przypomnienie)(?:\s+(?:mi|nam))?"
    r"(?:[,\s]+(?:żeby|zeby|aby|że|ze))?"
    r"|to|about|що|щоб|про|dass|żeby|zeby|aby|:)(?![\w'])[\s:,-]*",
    re.IGNORECASE,
)
_EDGE = " \t\n,;:—–-.!"
_DANGLING = re.compile(
    r"(?<![\w'])(?:о|об|в|у|во|на|до|з|із|at|on|in|by|for|of|і|й|та|и|and|що|that"
    r"|um|am|an|im|bis|ab|zum|und|o|w|we|na|do|od|za|i|oraz)\s*$",
    re.IGNORECASE,
)
_JOINER = re.compile(r"^(?:і|й|та|и|and|of|und|i|oraz|,)(?![\w'])\s*", re.IGNORECASE)


def remaining_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The typed text without the spans that said when, tidied at the edges."""
    pieces: list[str] = []
    last = 0
    for start, end in sorted(spans):
        pieces.append(text[last:start])
        last = max(last, end)
    pieces.append(text[last:])
    cleaned = []
    for piece in pieces:
        piece = " ".join(piece.split()).strip(_EDGE)
        if not piece:
            continue
        for _ in range(2):
            piece = _DANGLING.sub("", piece).strip(_EDGE)
            piece = _JOINER.sub("", piece).strip(_EDGE)
        if piece:
            cleaned.append(piece)
    joined = " ".join(cleaned)
    for _ in range(3):
        joined = _LEADING.sub("", joined).strip(_EDGE)
        joined = _DANGLING.sub("", joined).strip(_EDGE)
    return joined
