"""Reminders in people's own words: what to remind about and when, in Ukrainian or English,
and in German or Polish for partners.

`parse_schedule("щопонеділка о 10:00 нарада з Єною", now=..., tz="Europe/Kyiv")` finds the
parts that say when (a day, a date, a time, an offset, a repetition), takes them out, and
what remains is what to remind about.

A grammar of its own rather than dateparser: dateparser (tried with uk and en) misses
`в понеділок`, `через тиждень` and every `щопонеділка`, reads a lone `5` as a date in May,
and cannot tell the "when" of a sentence from the "what". Each pattern below is anchored
on word boundaries, has no nested quantifiers, and only sees input capped in length.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from bot.recurrence import first_occurrence, local_instant

MAX_INPUT = 500
MAX_AHEAD_DAYS = 5 * 366
DEFAULT_TIME = time(9, 0)


class ScheduleError(StrEnum):
    EMPTY = "empty"
    NO_WHEN = "no_when"
    PAST = "past"
    INVALID_DATE = "invalid_date"
    INVALID_TIME = "invalid_time"
    TOO_FAR = "too_far"
    CONFLICT = "conflict"
    TOO_LONG = "too_long"


class ScheduleRefused(ValueError):
    def __init__(self, code: ScheduleError) -> None:
        super().__init__(code.value)
        self.code = code


@dataclass(frozen=True)
class Schedule:
    text: str  # what to remind about; may be empty when only the time was typed
    due_at: datetime  # first occurrence, UTC
    local_time: str  # HH:MM in `tz`
    tz: str
    recurrence: dict[str, Any] | None = None


# --- vocabulary ---------------------------------------------------------------------------

_WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("понеділок", "понеділка", "понеділки", "понеділках", "monday", "mondays", "montag",
     "montags", "poniedziałek", "poniedziałki"),
    ("вівторок", "вівторка", "вівторки", "вівторках", "tuesday", "tuesdays", "dienstag",
     "dienstags", "wtorek", "wtorki"),
    ("середа", "середу", "середи", "середах", "wednesday", "wednesdays", "mittwoch", "mittwochs",
     "środa", "środę", "środy"),
    ("четвер", "четверга", "четверги", "четвергах", "thursday", "thursdays", "donnerstag",
     "donnerstags", "czwartek", "czwartki"),
    ("п'ятниця", "п'ятницю", "п'ятниці", "п'ятницях", "friday", "fridays", "freitag", "freitags",
     "piątek", "piątki"),
    ("субота", "суботу", "суботи", "суботах", "saturday", "saturdays", "samstag", "samstags",
     "sonnabend", "sobota", "sobotę", "soboty"),
    ("неділя", "неділю", "неділі", "неділях", "sunday", "sundays", "sonntag", "sonntags",
     "niedziela", "niedzielę", "niedziele"),
)  # fmt: skip
_WEEKDAY = {form: day for day, forms in enumerate(_WEEKDAYS) for form in forms}
_WD = "(?:" + "|".join(sorted(_WEEKDAY, key=len, reverse=True)) + ")"

_WDP = (
    "(?:понеділках|вівторках|середах|четвергах|п'ятницях|суботах|неділях|"
    "mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|"
    "poniedziałki|wtorki|środy|czwartki|piątki|soboty|niedziele)"
)
# German writes "every Monday" as one word.
_WD_ADVERB = "(?:montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags)"

_MONTH_FORMS: tuple[tuple[str, ...], ...] = (
    ("січня", "січень", "january", "jan"),
    ("лютого", "лютий", "february", "feb"),
    ("березня", "березень", "march", "mar"),
    ("квітня", "квітень", "april", "apr"),
    ("травня", "травень", "may"),
    ("червня", "червень", "june", "jun"),
    ("липня", "липень", "july", "jul"),
    ("серпня", "серпень", "august", "aug"),
    ("вересня", "вересень", "september", "sept", "sep"),
    ("жовтня", "жовтень", "october", "oct"),
    ("листопада", "листопад", "november", "nov"),
    ("грудня", "грудень", "december", "dec"),
    ("januar", "jänner", "stycznia", "styczeń"),
    ("februar", "lutego", "luty"),
    ("märz", "mär", "marca", "marzec"),
    ("kwietnia", "kwiecień"),
    ("mai", "maja", "maj"),
    ("juni", "czerwca", "czerwiec"),
    ("juli", "lipca", "lipiec"),
    ("sierpnia", "sierpień"),
    ("września", "wrzesień"),
    ("oktober", "okt", "października", "październik"),
    ("listopada", "listopad"),
    ("dezember", "dez", "grudnia", "grudzień"),
)
# The German and Polish rows above are numbered after the twelve first ones.
_MONTH_NUMBERS = (*range(1, 13), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
_MONTH = {form: n for n, forms in zip(_MONTH_NUMBERS, _MONTH_FORMS, strict=True) for form in forms}
_MON = "(?:" + "|".join(sorted(_MONTH, key=len, reverse=True)) + ")"

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "один": 1, "одну": 1, "одна": 1, "одного": 1, "два": 2, "дві": 2, "двох": 2,
    "три": 3, "трьох": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8,
    "дев'ять": 9, "десять": 10, "п'ятнадцять": 15, "двадцять": 20, "тридцять": 30,
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "zwölf": 12,
    "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "jeden": 1, "jedną": 1, "jedna": 1,
    "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7,
    "osiem": 8, "dziewięć": 9, "dziesięć": 10, "piętnaście": 15, "dwadzieścia": 20,
    "trzydzieści": 30,
}  # fmt: skip
_NUM = r"(?P<n>\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"

_UNITS: dict[str, tuple[str, ...]] = {
    "minutes": (
        "хвилин",
        "хвилину",
        "хвилини",
        "хвилина",
        "хв",
        "minutes",
        "minute",
        "mins",
        "min",
        "minuten",
        "minut",
        "minutę",
        "minuty",
    ),
    "hours": (
        *("годин", "годину", "години", "година", "год", "hours", "hour", "hrs", "hr", "h"),
        *("stunde", "stunden", "std", "godzina", "godzinę", "godziny", "godzin", "godz"),
    ),
    "days": ("днів", "дні", "день", "доби", "діб", "days", "day", "tag", "tage", "tagen",
             "dzień", "dni"),
    "weeks": ("тижнів", "тижні", "тиждень", "weeks", "week", "woche", "wochen", "tydzień",
              "tygodnie", "tygodni"),
    "months": ("місяців", "місяці", "місяць", "months", "month", "monat", "monate", "monaten",
               "miesiąc", "miesiące", "miesięcy"),
    "years": ("років", "роки", "рік", "years", "year", "jahr", "jahre", "jahren", "rok", "lata",
              "lat"),
}  # fmt: skip
_UNIT = {form: unit for unit, forms in _UNITS.items() for form in forms}
_UN = "(?P<unit>" + "|".join(sorted(_UNIT, key=len, reverse=True)) + ")"

_B = r"(?<![\w'])"  # word start (an apostrophe is part of a Ukrainian word)
_E = r"(?![\w'])"  # word end
_SUFFIX = r"(?:-?(?:го|е|ого|st|nd|rd|th))?"


def _rx(pattern: str) -> re.Pattern[str]:
    # Grouped, so that every alternative starts and ends on a word boundary ("in einer
    # halben Stunde" must not read "h" of "halben" as hours).
    return re.compile(_B + "(?:" + pattern + ")" + _E)


# --- the patterns, tried in this order; each consumes its span ------------------------------

_AND = r"(?:і|й|та|and|und|i|oraz)"
_WEEKDAY_LIST = (
    _WD + r"(?:(?:\s*,\s*|\s+" + _AND + r"\s+|\s*,\s*" + _AND + r"\s+)(?:що)?" + _WD + ")*"
)

_RX_DAILY = _rx(
    r"(?:щодня|щоденно|кожного\s+дня|кожен\s+день|every\s+day|each\s+day|daily|"
    r"täglich|jeden\s+tag|codziennie|co\s+dzień|każdego\s+dnia)"
)
_RX_WORKDAYS = _rx(
    r"(?:щобудня|по\s+буднях|(?:у|в)\s+будні(?:\s+дні)?|(?:у|в)\s+робочі\s+дні|"
    r"every\s+weekday|on\s+weekdays|every\s+working\s+day|"
    r"werktags|an\s+werktagen|jeden\s+werktag|w\s+dni\s+(?:robocze|powszednie))"
)
_RX_WEEKLY_DAYS = _rx(
    r"(?:що|(?:кожного|кожної|кожен|кожну|кожний)\s+|every\s+|each\s+|jeden\s+|co\s+|"
    r"w\s+każd[yą]\s+|każd(?:y|ą|ego)\s+)"
    r"(?P<days>" + _WEEKDAY_LIST + ")"
    r"|(?:по|on|w|we)\s+(?P<plural>" + _WDP + r"(?:(?:\s*,\s*|\s+" + _AND + r"\s+)" + _WDP + ")*)"
    r"|(?P<adverb>" + _WD_ADVERB + r"(?:(?:\s*,\s*|\s+" + _AND + r"\s+)" + _WD_ADVERB + ")*)"
)
_RX_WEEKLY = _rx(
    r"(?:щотижня|щотижнево|кожного\s+тижня|every\s+week|each\s+week|weekly|"
    r"wöchentlich|jede\s+woche|co\s+tydzień|każdego\s+tygodnia)"
)
_RX_MONTHLY = _rx(
    r"(?:щомісяця|щомісячно|кожного\s+місяця|every\s+month|each\s+month|monthly|"
    r"monatlich|jeden\s+monat|co\s+miesiąc|każdego\s+miesiąca)"
)
_RX_YEARLY = _rx(
    r"(?:щороку|щорічно|кожного\s+року|every\s+year|each\s+year|yearly|annually|"
    r"jährlich|jedes\s+jahr|co\s+roku|każdego\s+roku|corocznie)"
)
_RX_DAY_OF_MONTH = _rx(
    r"(?:(?:on\s+)?the\s+(?P<d>\d{1,2})"
    + _SUFFIX
    + r"(?:\s+day)?|(?P<d2>\d{1,2})"
    + _SUFFIX
    + r"\s+числа"
    + r"|am\s+(?P<d3>\d{1,2})\.|(?P<d4>\d{1,2})\.?\s+dnia|dnia\s+(?P<d5>\d{1,2})\.?)"
)

_RX_RELATIVE = _rx(
    r"(?:через|in|za)\s+(?:(?:"
    + _NUM
    + r")\s+)?"
    + _UN
    + r"|(?:через\s+)?(?:пів\s*години|півгодини)|(?:in\s+)?half\s+an\s+hour"
    + r"|in\s+einer\s+halben\s+stunde|za\s+pół\s+godziny"
)

_RX_TIME_UK = _rx(
    r"(?:(?:о|об)\s+(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?"
    r"|(?:в|у|на)\s+(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2})|(?=\s*(?:год|ранку|вечора|дня|ночі))))"
    r"(?:\s*год\.?(?:ині)?)?(?:\s+(?P<part>ранку|вечора|дня|ночі))?"
)
_RX_TIME_EN = _rx(
    r"(?:at\s+)?(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<mer>am|pm|a\.m\.|p\.m\.)"
    r"|at\s+(?P<h2>\d{1,2})(?::(?P<m2>\d{2}))?"
)
_RX_TIME_DE = _rx(
    r"(?:um\s+)?(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*uhr"
    r"|um\s+(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?"
)
_RX_TIME_PL = _rx(r"o\s+(?:godz(?:\.|inie)?\s*)?(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?")
_RX_TIME_BARE = re.compile(r"(?<![\d.:])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:])")
_RX_TIME_WORD = _rx(
    r"(?:at\s+noon|noon|опівдні|ополудні|at\s+midnight|опівночі|"
    r"mittags|um\s+mitternacht|mitternacht|w\s+południe|o\s+północy)"
)
_MIDNIGHT_WORDS = ("ніч", "midnight", "mitternacht", "półn")

_RX_YESTERDAY = _rx(r"(?:вчора|учора|позавчора|yesterday|gestern|vorgestern|wczoraj|przedwczoraj)")
_RX_DAY_WORD = _rx(
    r"(?P<w>сьогодні|завтра|післязавтра|today|tomorrow|(?:the\s+)?day\s+after\s+tomorrow|"
    r"heute|übermorgen|morgen(?:\s+früh)?|dzisiaj|dziś|pojutrze|jutro(?:\s+rano)?)"
)
_DAY_SHIFT = {
    **dict.fromkeys(("сьогодні", "today", "heute", "dzisiaj", "dziś"), 0),
    **dict.fromkeys(("завтра", "tomorrow", "morgen", "morgen früh", "jutro", "jutro rano"), 1),
}  # anything else the pattern finds is the day after tomorrow
_RX_WEEKDAY = _rx(
    r"(?:(?:в|у|во|on|am|w|we)\s+)?"
    r"(?:(?P<q>наступн\w{0,3}|цей|цю|цього|цієї|next|this|coming|nächste[nr]?|kommende[nr]?|"
    r"diese[nr]?|przyszł[yąa]|najbliższ[yąa]|ten|tę)\s+)?"
    r"(?P<wd>" + _WD + ")"
)
_RX_DATE_ISO = _rx(r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})")
_RX_DATE_NUM = re.compile(
    r"(?<![\d.:/])(?P<d>\d{1,2})[./](?P<mo>\d{1,2})(?:[./](?P<y>\d{4}|\d{2}))?(?![\d:/])\.?"
)
_RX_DATE_WORDS = _rx(
    r"(?:on\s+|am\s+)?(?:the\s+)?(?P<d>\d{1,2})"
    + _SUFFIX
    + r"\.?\s+(?:of\s+)?(?P<mon>"
    + _MON
    + r")"
    r"(?:\s+(?P<y>\d{4}))?"
    r"|(?:on\s+)?(?P<mon2>"
    + _MON
    + r")\s+(?:the\s+)?(?P<d2>\d{1,2})"
    + _SUFFIX
    + r"(?:,?\s+(?P<y2>\d{4}))?"
)

_LEADING = re.compile(
    r"^(?:(?:нагадай(?:те)?|нагадати)(?:\s+(?:мені|нам))?(?:\s+(?:про|що|щоб))?|"
    r"remind\s+(?:me|us)(?:\s+(?:to|about|that))?|to|about|що|щоб|про|"
    r"erinnere?\s+(?:mich|uns)(?:\s+(?:an|daran))?|erinnern\s+sie\s+(?:mich|uns)"
    r"(?:\s+(?:an|daran))?|przypomnij(?:cie)?(?:\s+(?:mi|nam))?(?:\s+(?:o|żeby|aby))?)"
    r"(?![\w'])\s*",
    re.IGNORECASE,
)
_EDGE_PUNCT = " \t\n,;:—–-.!"
_DANGLING = re.compile(
    r"(?<![\w'])(?:о|об|в|у|на|at|on|і|та|and|um|am|und|o|w|we|i)\s*$", re.IGNORECASE
)


@dataclass
class _Found:
    spans: list[tuple[int, int]] = field(default_factory=list)
    rule: dict[str, Any] | None = None
    weekdays: list[int] | None = None
    month_day: int | None = None
    day: date | None = None
    year_given: bool = True
    at: time | None = None
    offset: timedelta | None = None
    exact_offset: bool = False  # minutes or hours: the moment itself, no time of day
    relative_day: bool = False  # `через 3 дні` keeps the time of day it was said at
    yearly: bool = False
    monthly: bool = False
    weekly: bool = False

    def free(self, start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in self.spans)


def _normalize(text: str) -> str:
    """Lowercase with one apostrophe, keeping every character's position."""
    out = []
    for char in text:
        lower = char.lower()
        char = lower if len(lower) == 1 else char
        out.append("'" if char in "’ʼ`′" else char)
    return "".join(out)


def _take(found: _Found, rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    for match in rx.finditer(text):
        if match.end() > match.start() and found.free(match.start(), match.end()):
            found.spans.append((match.start(), match.end()))
            return match
    return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _hour(h: int, m: int, part: str | None = None, meridiem: str | None = None) -> time:
    if meridiem:
        if not 1 <= h <= 12:
            raise ScheduleRefused(ScheduleError.INVALID_TIME)
        h = h % 12 + (12 if meridiem.startswith("p") else 0)
    elif part in ("вечора", "дня") and 1 <= h < 12:
        h += 12
    elif part == "ночі" and h == 12:
        h = 0
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise ScheduleRefused(ScheduleError.INVALID_TIME)
    return time(h, m)


def _date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ScheduleRefused(ScheduleError.INVALID_DATE) from None


def _year(raw: str | None, today: date) -> int:
    if raw is None:
        return today.year
    value = int(raw)
    return value + 2000 if value < 100 else value


def _find_recurrence(found: _Found, text: str) -> None:
    if _take(found, _RX_WORKDAYS, text):
        found.rule = {"freq": "weekly", "weekdays": [0, 1, 2, 3, 4]}
    elif _take(found, _RX_DAILY, text):
        found.rule = {"freq": "daily"}
    elif match := _take(found, _RX_WEEKLY_DAYS, text):
        named = match["days"] or match["plural"] or match["adverb"]
        days = sorted({_WEEKDAY[w] for w in re.findall(_WD, named)})
        found.rule = {"freq": "weekly", "weekdays": days}
    elif _take(found, _RX_WEEKLY, text):
        found.weekly = True
    elif _take(found, _RX_MONTHLY, text):
        found.monthly = True
    elif _take(found, _RX_YEARLY, text):
        found.yearly = True
    if found.monthly and (match := _take(found, _RX_DAY_OF_MONTH, text)):
        found.month_day = int(next(match[g] for g in ("d", "d2", "d3", "d4", "d5") if match[g]))
        if not 1 <= found.month_day <= 31:
            raise ScheduleRefused(ScheduleError.INVALID_DATE)


def _find_time(found: _Found, text: str) -> None:
    if match := _take(found, _RX_TIME_WORD, text):
        midnight = any(word in match[0] for word in _MIDNIGHT_WORDS)
        found.at = time(0, 0) if midnight else time(12, 0)
    elif match := _take(found, _RX_TIME_EN, text):
        if match["h"] is not None:
            found.at = _hour(int(match["h"]), int(match["m"] or 0), meridiem=match["mer"])
        else:
            found.at = _hour(int(match["h2"]), int(match["m2"] or 0))
    elif match := _take(found, _RX_TIME_UK, text):
        hour, minute = (match["h"], match["m"]) if match["h"] else (match["h2"], match["m2"])
        found.at = _hour(int(hour), int(minute or 0), part=match["part"])
    elif match := _take(found, _RX_TIME_DE, text):
        hour, minute = (match["h"], match["m"]) if match["h"] else (match["h2"], match["m2"])
        found.at = _hour(int(hour), int(minute or 0))
    elif match := _take(found, _RX_TIME_PL, text):
        found.at = _hour(int(match["h"]), int(match["m"] or 0))
    elif match := _take(found, _RX_TIME_BARE, text):
        found.at = _hour(int(match["h"]), int(match["m"]))


def _find_day(found: _Found, text: str, today: date) -> None:
    if _take(found, _RX_YESTERDAY, text):
        raise ScheduleRefused(ScheduleError.PAST)
    if match := _take(found, _RX_RELATIVE, text):
        if match["unit"] is None:
            found.offset, found.exact_offset = timedelta(minutes=30), True
            return
        n = _number(match["n"]) if match["n"] else 1
        unit = _UNIT[match["unit"]]
        if n <= 0:
            raise ScheduleRefused(ScheduleError.INVALID_DATE)
        found.relative_day = unit not in ("minutes", "hours")
        if unit in ("minutes", "hours"):
            found.offset = timedelta(**{unit: n})
            found.exact_offset = True
        elif unit in ("days", "weeks"):
            found.day = today + timedelta(**{unit: n})
        else:
            months = n * (12 if unit == "years" else 1)
            if months > 12 * 10:
                raise ScheduleRefused(ScheduleError.TOO_FAR)
            year, month = divmod(today.month - 1 + months, 12)
            last = calendar.monthrange(today.year + year, month + 1)[1]
            found.day = date(today.year + year, month + 1, min(today.day, last))
        return
    if match := _take(found, _RX_DAY_WORD, text):
        word = " ".join(match["w"].split())
        found.day = today + timedelta(days=_DAY_SHIFT.get(word, 2))
        return
    if match := _take(found, _RX_DATE_ISO, text):
        found.day = _date(int(match["y"]), int(match["mo"]), int(match["d"]))
        return
    if match := _take(found, _RX_DATE_WORDS, text):
        day = int(match["d"] or match["d2"])
        month = _MONTH[match["mon"] or match["mon2"]]
        raw_year = match["y"] or match["y2"]
        found.year_given = raw_year is not None
        found.day = _date(_year(raw_year, today), month, day)
        return
    if match := _take(found, _RX_DATE_NUM, text):
        found.year_given = match["y"] is not None
        found.day = _date(_year(match["y"], today), int(match["mo"]), int(match["d"]))
        return
    if match := _take(found, _RX_WEEKDAY, text):
        weekday = _WEEKDAY[match["wd"]]
        ahead = (weekday - today.weekday()) % 7 or 7
        found.day = today + timedelta(days=ahead)
        found.weekdays = [weekday]


def _what(original: str, spans: list[tuple[int, int]]) -> str:
    pieces, last = [], 0
    for start, end in sorted(spans):
        pieces.append(original[last:start])
        last = end
    pieces.append(original[last:])
    text = " ".join(" ".join(pieces).split())
    for _ in range(3):
        text = text.strip(_EDGE_PUNCT)
        text = _LEADING.sub("", text)
        text = _DANGLING.sub("", text).strip(_EDGE_PUNCT)
    return text


def _rule_from(found: _Found, start: date) -> dict[str, Any] | None:
    if found.rule is not None:
        return found.rule
    if found.weekly:
        days = found.weekdays or [start.weekday()]
        return {"freq": "weekly", "weekdays": days}
    if found.monthly:
        return {"freq": "monthly", "day": found.month_day or start.day}
    if found.yearly:
        return {"freq": "yearly", "month": start.month, "day": start.day}
    return None


def parse_schedule(text: str, *, now: datetime, tz: str) -> Schedule:
    """What and when from one message; raises `ScheduleRefused` with a reason code."""
    if not text.strip():
        raise ScheduleRefused(ScheduleError.EMPTY)
    if len(text) > MAX_INPUT:
        raise ScheduleRefused(ScheduleError.TOO_LONG)
    zone = ZoneInfo(tz)
    local_now = now.astimezone(zone)
    today = local_now.date()
    normalized = _normalize(text)
    found = _Found()
    _find_recurrence(found, normalized)
    _find_time(found, normalized)
    _find_day(found, normalized, today)
    what = _what(text, found.spans)
    recurring = found.rule is not None or found.weekly or found.monthly or found.yearly

    if recurring:
        if found.offset is not None:
            raise ScheduleRefused(ScheduleError.CONFLICT)
        start = found.day or today
        rule = _rule_from(found, start)
        assert rule is not None
        at = found.at or DEFAULT_TIME
        after = max(now, local_instant(start, time(0, 0), tz)) if found.day else now
        due = first_occurrence(rule, at, tz, after)
        if due is None:
            raise ScheduleRefused(ScheduleError.INVALID_DATE)
        return Schedule(what, due, at.strftime("%H:%M"), tz, rule)

    if found.exact_offset:
        if found.at is not None or found.day is not None:
            raise ScheduleRefused(ScheduleError.CONFLICT)
        assert found.offset is not None
        due = (now + found.offset).replace(second=0, microsecond=0)
        if due <= now:
            due += timedelta(minutes=1)
        at = due.astimezone(zone).time()
        return _checked(Schedule(what, due, at.strftime("%H:%M"), tz), now)

    if found.day is not None:
        day = found.day
        at = found.at or (
            local_now.time().replace(second=0, microsecond=0)
            if found.relative_day
            else DEFAULT_TIME
        )
        due = local_instant(day, at, tz)
        if due <= now and not found.year_given:
            due = local_instant(_date(day.year + 1, day.month, day.day), at, tz)
        return _checked(Schedule(what, due, at.strftime("%H:%M"), tz), now)

    if found.at is not None:
        due = local_instant(today, found.at, tz)
        if due <= now:
            due = local_instant(today + timedelta(days=1), found.at, tz)
        return _checked(Schedule(what, due, found.at.strftime("%H:%M"), tz), now)

    raise ScheduleRefused(ScheduleError.NO_WHEN)


def _checked(schedule: Schedule, now: datetime) -> Schedule:
    if schedule.due_at <= now:
        raise ScheduleRefused(ScheduleError.PAST)
    if schedule.due_at - now > timedelta(days=MAX_AHEAD_DAYS):
        raise ScheduleRefused(ScheduleError.TOO_FAR)
    return schedule
