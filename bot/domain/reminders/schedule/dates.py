"""Days: `завтра`, `в п'ятницю`, `наступного тижня у вівторок`, `5 грудня`, `5-го грудня`,
`05.12.2026`, `Dec 5`, `5th of December`, `12/05` (asked when it could be either),
`10 числа`, `в кінці місяця`, `в останню п'ятницю місяця`, `am 5. Dezember`, `am Monatsende`,
`w przyszły wtorek`, `10. dnia`, and the past (`last Friday`, `letzten Freitag`).
"""

from __future__ import annotations

import dataclasses

from bot.domain.reminders.schedule.facts import (
    Day,
    DayPart,
    EitherDay,
    Fact,
    Hit,
    MonthEnd,
    NthWeekday,
    Refusal,
    Role,
    ScheduleError,
    Shift,
    Weekday,
)
from bot.domain.reminders.schedule.match import Tokens
from bot.domain.reminders.schedule.parts import Part

ON_PREPS = (
    "на", "в", "у", "y", "во", "on", "for", "am", "an", "den", "zum", "w", "we", "na", "dnia",
)  # fmt: skip
UNTIL_PREPS = ("до", "by", "until", "till", "before", "bis", "do", "spätestens", "spaetestens")
FROM_PREPS = (
    "з", "із", "зі", "від", "с", "со", "from", "starting", "since", "beginning", "ab", "von", "vom",
    "seit", "od",
)  # fmt: skip
_DAY_SUFFIXES = (
    "го", "е", "ого", "st", "nd", "rd", "th", "й", "ое", "ше", "go", "ego", "ten", "ter", "te",
    "sten",
)  # fmt: skip
_YEAR_WORDS = ("року", "рік", "р", "г", "года", "year", "r", "roku", "rok")
# German articles and contractions after a preposition: `bis zum 5.`, `ab dem 1. Dezember`.
_ARTICLES = ("zum", "zur", "dem", "den", "der", "des")
# Before these words `morgen` is the noun "morning": `am Morgen`, `jeden Morgen`, `guten Morgen`.
_MORNING_NOUN_AFTER = ("am", "jeden", "den", "dem", "der", "guten", "diesen", "vom", "zum")


def role_prep(s: Tokens, i: int) -> tuple[int, Role | None]:
    """An optional preposition that says what a day is for: (index after it, role)."""
    word = s.word(i)
    if (
        word in ("починаючи", "начиная", "starting", "począwszy", "poczawszy")
        and s.word(i + 1) in FROM_PREPS
    ):
        return i + 2, Role.FROM
    if word == "w" and s.is_(i + 1, "dniu"):
        return i + 2, Role.ON  # `w dniu 5 grudnia`
    if word in ("bis", "ab", "von") and s.is_(i + 1, *_ARTICLES, "spätestens", "spaetestens"):
        return i + 2, Role.UNTIL if word == "bis" else Role.FROM
    if word in ON_PREPS:
        return i + 1, Role.ON
    if word in UNTIL_PREPS:
        return i + 1, Role.UNTIL
    if word in FROM_PREPS:
        return i + 1, Role.FROM
    return i, None


def week_phrase(s: Tokens, i: int) -> tuple[int, bool] | None:
    """`наступного тижня`, `на наступному тижні`, `next week`, `this week`: (end, next?)."""
    j = s.skip(i, "на", "в", "у", "w")
    if (s.tag(j, "next") or s.tag(j, "this")) and s.tag(j + 1, "week_word"):
        return j + 2, bool(s.tag(j, "next"))
    return None


def ordinal_dot(s: Tokens, i: int) -> bool:
    """The German ordinal dot after a day's number: `am 5.`, `5. Dezember`, not `5.12`."""
    return (
        s.punct(i, ".")
        and s.glued(i)
        and not (s.glued(i + 1) and s.word(i + 1) is None)
        and s.number(i - 1) is not None
    )


def day_number(s: Tokens, i: int, *, need_suffix: bool = False) -> tuple[int, int] | None:
    """A day of the month: `5`, `5-го`, `5th`, `5.`, `п'ятого`, `двадцять п'ятого`,
    `dwudziestego piątego`: (end, day)."""
    j = s.skip(i, "the")
    digits = s.digits(j)
    if digits is not None and len(digits) <= 2:
        end = j + 1
        if s.punct(end, "-") and s.glued(end) and s.word(end + 1) in _DAY_SUFFIXES:
            end += 2
        elif (s.word(end) in _DAY_SUFFIXES and s.glued(end)) or ordinal_dot(s, end):
            end += 1
        elif need_suffix:
            return None
        return end, int(digits)
    tens = s.tag(j, "tens") or s.tag(j, "ordinal_tens")
    unit = s.tag(j + 1 + s.punct(j + 1, "-"), "ordinal")
    if tens is not None and unit is not None and 1 <= unit <= 9:
        return j + 2 + s.punct(j + 1, "-"), tens + unit
    ordinal = s.tag(j, "ordinal")
    if ordinal is not None:
        return j + 1, ordinal
    return None


def _year(s: Tokens, i: int) -> tuple[int, int | None]:
    """An optional year after a date, with `року` / `р.` after it."""
    j = i + 1 if s.punct(i, ",") else i
    digits = s.digits(j)
    if digits is None or len(digits) != 4:
        return i, None
    end = j + 1
    if s.word(end) in _YEAR_WORDS:
        end += 1
        if s.punct(end, ".") and s.glued(end):
            end += 1
    return end, int(digits)


def _month(s: Tokens, i: int) -> int | None:
    return s.tag(i, "month") or s.tag(i, "month_short")


def _numeric(s: Tokens, i: int, role: Role | None) -> tuple[int, Fact] | None:
    """`05.12.2026`, `5.12.26`, `2026-12-05`, `5/12`, `12/25`; `на 5.12`."""
    first = s.digits(i)
    if first is None:
        return None
    if len(first) == 4 and s.punct(i + 1, "-") and s.glued(i + 1) and s.glued(i + 2):
        month, day = s.number(i + 2), s.number(i + 4)
        if s.punct(i + 3, "-") and s.glued(i + 3) and s.glued(i + 4) and month and day:
            return i + 5, Day(day, month, int(first))
        return None
    if len(first) > 2 or not (s.punct(i + 1, "./") and s.glued(i + 1) and s.glued(i + 2)):
        return None
    second = s.digits(i + 2)
    if second is None or len(second) > 2:
        return None
    end, year = i + 3, None
    separator = s.items[i + 1].text
    if s.punct(end, separator) and s.glued(end) and s.glued(end + 1) and s.digits(end + 1):
        raw = s.digits(end + 1) or ""
        if len(raw) not in (2, 4):
            return None
        year = int(raw) + (2000 if len(raw) == 2 else 0)
        end += 2
        if s.word(end) in _YEAR_WORDS:
            end += 1
    elif separator == "." and (role is None or s.is_(i - 1, "в", "у", "во")):
        return None  # `5.12` alone may be a time: the clock rules decide
    elif separator == "." and not 1 <= int(second) <= 12:
        return None
    if s.punct(end, ".") and s.glued(end) and s.number(end + 1) is None:
        end += 1
    a, b = int(first), int(second)
    if separator == "/":
        if a <= 12 and b <= 12 and a != b:
            return end, EitherDay((Day(a, b, year), Day(b, a, year)))
        if b > 12 and a <= 12:
            a, b = b, a  # 12/25: the American order, the only one that exists
    if not (1 <= b <= 12 and 1 <= a <= 31):
        return end, Refusal(ScheduleError.INVALID_DATE)
    return end, Day(a, b, year)


def _calendar_date(s: Tokens, i: int) -> tuple[int, Fact] | None:
    """`5 грудня`, `5-го грудня 2026 року`, `5th of December`, `December 5th, 2026`."""
    numbered = day_number(s, i)
    if numbered is not None:
        end, day = numbered
        end = s.skip(end, "of")
        month = _month(s, end)
        if month is not None:
            end, year = _year(s, end + 1)
            return end, Day(day, month, year)
    j = s.skip(i, "the")
    month = _month(s, j)
    if month is not None:
        if s.punct(j + 1, ".") and s.glued(j + 1):
            j += 1
        numbered = day_number(s, j + 1)
        if (numbered is not None and s.number(numbered[0]) is None) or (
            numbered is not None and _year(s, numbered[0])[1] is not None
        ):
            assert numbered is not None
            end, year = _year(s, numbered[0])
            return end, Day(numbered[1], month, year)
    return None


def _month_qualifier(s: Tokens, i: int) -> tuple[int, int] | None:
    """`наступного місяця`, `of next month`, `цього місяця`: (end, months ahead)."""
    j = s.skip(i, "of", "des")
    j = s.skip(j, "the")
    if (s.tag(j, "next") or s.tag(j, "this")) and s.tag(j + 1, "month_word"):
        return j + 2, 1 if s.tag(j, "next") else 0
    return None


def _day_of_month(s: Tokens, i: int, role: Role | None) -> tuple[int, Fact] | None:
    """`10 числа`, `10-го`, `the 10th`, `10 числа наступного місяця`, `am 10.`, `am Zehnten`,
    `10. dnia`, `dnia 10`, `dziesiątego każdego miesiąca`."""
    numbered = day_number(s, i, need_suffix=True)
    every_month = _every_month_after(s, numbered[0]) if numbered is not None else False
    # An ordinal word is a day only as `the first`, `am Ersten` or `першого числа`:
    # `first thing` is not.
    if (
        numbered is not None
        and s.digits(s.skip(i, "the")) is None
        and not s.is_(i, "the")
        and not s.is_(i - 1, "am", "bis", "ab", "vom", *_ARTICLES)
        and not s.tag(numbered[0], "numbered_day")
        and not every_month
    ):
        numbered = None
    # `5.` alone is as often a list's number: a day only after `am`, `bis`, before `dnia`.
    if (
        numbered is not None
        and ordinal_dot(s, numbered[0] - 1)
        and role is None
        and not s.tag(numbered[0], "numbered_day")
        and not s.tag(s.skip(numbered[0], "des"), "month_word")
        and not every_month
    ):
        numbered = None
    if numbered is None and s.digits(i) and s.tag(i + 1, "numbered_day"):
        numbered = (i + 1, s.number(i) or 0)
    if numbered is None and s.tag(i, "ordinal") and s.tag(i + 1, "numbered_day"):
        numbered = (i + 1, s.tag(i, "ordinal"))
    if numbered is None and s.digits(i) and (s.is_(i - 1, "dnia") or _every_month_after(s, i + 1)):
        numbered = (i + 1, s.number(i) or 0)  # `dnia 10`, `10 każdego miesiąca`
    if numbered is None:
        return None
    end, day = numbered
    end = end + 1 if s.tag(end, "numbered_day") else end
    shift = 0
    qualifier = _month_qualifier(s, end)
    if qualifier is not None:
        end, shift = qualifier
    elif s.tag(s.skip(end, "des"), "month_word") and not _every_month_after(s, end):
        end = s.skip(end, "des") + 1  # `10 dnia miesiąca`, `am 10. des Monats`
    if not 1 <= day <= 31:
        return end, Refusal(ScheduleError.INVALID_DATE)
    return end, Day(day, None, None, shift)


def _every_month_after(s: Tokens, i: int) -> bool:
    """`każdego miesiąca`, `jedes Monats` follow: the day is a monthly one."""
    j = s.skip(i, "des")
    return bool(s.tag(j, "every")) and bool(s.tag(j + 1, "month_word"))


def month_end(s: Tokens, i: int) -> tuple[int, bool] | None:
    """`в кінці місяця`, `end of the month`, `в останній день місяця`, `am Monatsende`,
    `Ende des Monats`, `na koniec miesiąca`, `ostatniego dnia miesiąca`: (end, every?)."""
    j = s.skip(i, "в", "у", "на", "at", "on", "by", "до", "in", "am", "zum", "bis", "w", "na")
    j = s.skip(j, "pod", "z", "zum")
    j = s.skip(j, "the")
    if s.tag(j, "month_end_word"):
        return j + 1, False
    if s.tag(j, "end"):
        j += 1
    elif s.tag(j, "final") or s.is_(j, "last") or s.tag(j, "nth") == -1:
        if s.tag(j + 1, "unit") != "days":
            return None
        j += 2
    else:
        return None
    j = s.skip(j, "of", "des", "im")
    every = bool(s.tag(j, "every"))
    j = s.skip(j, "the", "this", "цього", "этого", "tego") if not every else j + 1
    if s.tag(j, "month_word"):
        return j + 1, every
    return None


def nth_weekday(s: Tokens, i: int, *, month_said: bool = True) -> tuple[int, int, int, bool] | None:
    """`першого понеділка місяця`, `the last Friday of every month`, `am 2. Montag im Monat`:
    (end, nth, weekday, every). Without `month_said` the month may go unsaid, as after `jeden`:
    `jeden ersten Mittwoch`, `every last Friday`."""
    j = s.skip(i, "в", "у", "on", "am", "an", "w", "we")
    j = s.skip(j, "the")
    nth = s.tag(j, "nth")
    if nth is None and s.number(j) in (1, 2, 3, 4) and ordinal_dot(s, j + 1):
        nth, j = s.number(j), j + 1  # `2. Montag`
    weekday = s.tag(j + 1, "weekday")
    if nth is None or weekday is None:
        return None
    k = s.skip(j + 2, "of", "des", "im")
    every = bool(s.tag(k, "every"))
    k = k + 1 if every else s.skip(k, "the", "this", "цього")
    if not s.tag(k, "month_word"):
        if not month_said and nth in (1, -1):
            return j + 2, nth, weekday, False
        return None
    return k + 1, nth, weekday, every


def _weekday(s: Tokens, i: int, role: Role | None) -> tuple[int, Fact | None] | None:
    before = week_phrase(s, i)
    j = before[0] if before else i
    j = s.skip(j, "в", "у", "во", "on", "am", "w", "we") if before else j
    if s.tag(j, "last"):
        if s.tag(j + 1, "weekday") is not None or s.tag(j + 1, "week_word"):
            return j + 2, Refusal(ScheduleError.PAST)
        return None
    if s.tag(j, "this") and s.is_(j + 1, "coming"):
        j += 1  # this coming Friday
    qualifier = "next" if s.tag(j, "next") else "this" if s.tag(j, "this") else None
    k = j + 1 if qualifier else j
    if s.tag(k, "either_sunday") is not None:
        return k + 1, Refusal(ScheduleError.UNSURE)  # `w niedziele`: Sunday, or Sundays?
    weekday = s.tag(k, "weekday")
    end = k + 1
    at_time = s.number(k + 1) is not None or (
        s.is_(k + 1, "at", "о", "o", "um") and s.number(k + 2) is not None
    )
    if weekday is None and (qualifier or role or before or at_time):
        weekday = s.tag(k, "weekday_short")
    if weekday is None and s.tag(k, "weekday_abbr") is not None:
        # `Fr. 15 Uhr`, `w pt. o 15`, `Mo 9:00`: a calendar's abbreviation.
        if s.punct(k + 1, ".") and s.glued(k + 1):
            weekday, end = s.tag(k, "weekday_abbr"), k + 2
        elif s.number(k + 1) is not None:
            weekday = s.tag(k, "weekday_abbr")
    if weekday is None:
        return None
    if s.punct(end, ".") and s.glued(end) and s.tag(k, "weekday_short") is not None:
        end += 1
    after = week_phrase(s, end) if before is None else None
    if after is not None:
        end = after[0]
    next_week = bool((before and before[1]) or (after and after[1]))
    return end, Weekday(weekday, next_week, role or Role.ON)


def _weekday_part(s: Tokens, i: int, role: Role | None) -> tuple[int, tuple[Fact, ...]] | None:
    """`on Friday morning`: a weekday and a part of it."""
    found = _weekday(s, i, role)
    if found is None:
        return None
    end, fact = found
    if fact is None:
        return None
    joined = s.tag(end - 1, "weekday_part")
    if joined is not None:
        return end, (fact, DayPart(joined))  # `Freitagabend`
    noun = s.tag(end, "part_noun")
    if noun is not None and (
        s.word(end) in ("morning", "afternoon", "evening", "night") or s.tag(end, "lang") == "de"
    ):
        return end + 1, (fact, DayPart(noun))  # `on Friday morning`, `Montag Abend`
    return end, (fact,)


def day(s: Tokens, i: int) -> Hit | None:
    """A day, with the preposition before it."""
    j, role = role_prep(s, i)
    found = _day_at(s, j, role)
    if found is None:
        return None
    end, facts = found
    return Hit(end, facts)


def _with_role(fact: Fact, role: Role | None) -> Fact:
    if role is None or not isinstance(fact, Day):
        return fact
    return dataclasses.replace(fact, role=role)


def _day_at(s: Tokens, i: int, role: Role | None) -> tuple[int, tuple[Fact, ...]] | None:
    shift = s.tag(i, "day_shift")
    if s.is_(i, "morgen") and s.is_(i - 1, *_MORNING_NOUN_AFTER):
        shift = None
    end = i + 1
    if shift is None and ((s.is_(i, "the") and s.is_(i + 1, "day")) or s.is_(i, "day")):
        j = i + 1 if s.is_(i, "the") else i
        if s.is_(j, "day") and s.is_(j + 1, "after") and s.tag(j + 2, "day_shift") == 1:
            shift, end = 2, j + 3
    if shift is not None:
        if s.tag(end, "part_noun") in (Part.MORNING, Part.AFTERNOON, Part.EVENING, Part.NIGHT):
            return end + 1, (Shift(shift, role or Role.ON), DayPart(s.tag(end, "part_noun")))
        return end, (Shift(shift, role or Role.ON),)
    if s.tag(i, "tonight"):
        return i + 1, (Shift(0, role or Role.ON), DayPart(Part.EVENING))
    if s.tag(i, "past_day"):
        return i + 1, (Refusal(ScheduleError.PAST),)
    ending = month_end(s, i)
    if ending is not None and not ending[1]:
        return ending[0], (MonthEnd(role or Role.ON),)
    nth = nth_weekday(s, i)
    if nth is not None and not nth[3]:
        return nth[0], (NthWeekday(nth[1], nth[2], role or Role.ON),)
    for reader in (_numeric, _calendar_date_role, _day_of_month_role):
        found = reader(s, i, role)
        if found is not None:
            return found[0], (_with_role(found[1], role),)
    return _weekday_part(s, i, role)


def _calendar_date_role(s: Tokens, i: int, role: Role | None) -> tuple[int, Fact] | None:
    return _calendar_date(s, i)


def _day_of_month_role(s: Tokens, i: int, role: Role | None) -> tuple[int, Fact] | None:
    return _day_of_month(s, i, role)
