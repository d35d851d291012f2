"""Dates, times and date ranges as people type them in Ukrainian or English; German and
Polish day words (heute, wczoraj) too, for partners typing in their own language.

A small hand-written grammar instead of dateparser: dateparser in its default mode
accepts noise ("a" -> the 1st of this month, "5" -> the 5th, "2 days from today" -> today),
and in strict mode refuses "Dec 1" and every bare weekday, so it would need more guarding
than the handful of English forms it adds. Every regex here is anchored, free of nested
quantifiers and only ever sees input capped at `_MAX_INPUT_LEN` characters.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from bot.domain.parsing.numbers import ascii_int

__all__ = [
    "DateError",
    "DateErrorCode",
    "DatePrecision",
    "LooseDate",
    "SeasonError",
    "TimeError",
    "TimeErrorCode",
    "parse_date",
    "parse_date_range",
    "parse_loose_date",
    "parse_time",
]

# Longer than any real date phrase; refusing early keeps hostile input cheap.
_MAX_INPUT_LEN = 80


class DateErrorCode(StrEnum):
    EMPTY = "empty"
    FORMAT = "format"
    INVALID = "invalid"
    TOO_OLD = "too_old"
    TOO_FAR = "too_far"
    FUTURE = "future"
    BEFORE = "before"
    ORDER = "order"
    SEASON = "season"


class TimeErrorCode(StrEnum):
    FORMAT = "format"
    INVALID = "invalid"


class DateError(ValueError):
    """Refused date; `code` is a `DateErrorCode` (a `str`) for the UI layer to translate."""

    def __init__(self, code: DateErrorCode) -> None:
        super().__init__(code.value)
        self.code: DateErrorCode = code


class SeasonError(DateError):
    """A season with its year ("весна 2023"): which month is meant must be asked; `months`
    holds the first day of each month of that season that the limits allow."""

    def __init__(self, months: tuple[date, ...]) -> None:
        super().__init__(DateErrorCode.SEASON)
        self.months = months


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"


@dataclass(frozen=True)
class LooseDate:
    """A date as precisely as it was given: a day, or a month ("березень 2022"), which is
    kept as the first day of that month."""

    day: date
    precision: DatePrecision

    @property
    def text(self) -> str:
        """As stored: "2022-03-15", or "2022-03" for a month."""
        iso = self.day.isoformat()
        return iso[:7] if self.precision is DatePrecision.MONTH else iso

    @classmethod
    def of(cls, text: str) -> LooseDate:
        """The date back from `text`."""
        if len(text) == 7:
            return cls(date.fromisoformat(text + "-01"), DatePrecision.MONTH)
        return cls(date.fromisoformat(text), DatePrecision.DAY)


class TimeError(ValueError):
    """Refused time of day; `code` is a `TimeErrorCode` (a `str`)."""

    def __init__(self, code: TimeErrorCode) -> None:
        super().__init__(code.value)
        self.code: TimeErrorCode = code


# --- vocabulary --------------------------------------------------------------------------

_EN_MONTHS = "january february march april may june july august september october november december"
_EN_MONTH_ABBR = "jan feb mar apr may jun jul aug sep oct nov dec"
_UK_MONTHS_NOM = (
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень"
)
_UK_MONTHS_GEN = (
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
)
_UK_MONTH_ABBR = "січ лют бер квіт трав черв лип серп вер жовт лист груд"


def _numbered(*spaced_lists: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for words in spaced_lists:
        for number, word in enumerate(words.split(), start=1):
            table[word] = number
    return table


_MONTHS = _numbered(_EN_MONTHS, _EN_MONTH_ABBR, _UK_MONTHS_NOM, _UK_MONTHS_GEN, _UK_MONTH_ABBR)
_MONTHS["sept"] = 9
# "у березні 2022": the locative only ever names a month with its year.
_UK_MONTHS_LOC = (
    "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні"
)
_MONTHS_OF_YEAR = {**_MONTHS, **_numbered(_UK_MONTHS_LOC)}
# A season names three months; winter starts with the December before its year's January.
_SEASONS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(("spring", "весна", "навесні", "весною", "весни"), (3, 4, 5)),
    **dict.fromkeys(("summer", "літо", "влітку", "літом", "літа"), (6, 7, 8)),
    **dict.fromkeys(("autumn", "fall", "осінь", "восени", "осінню", "осені"), (9, 10, 11)),
    **dict.fromkeys(("winter", "зима", "взимку", "зимою", "зими"), (0, 1, 2)),
}

_WEEKDAY_FORMS: tuple[str, ...] = (
    "monday mon понеділок понеділка пн",
    "tuesday tue tues вівторок вівторка вт",
    "wednesday wed середа середу середи ср",
    "thursday thu thur thurs четвер четверга чт",
    "friday fri п'ятниця п'ятницю п'ятниці пт",
    "saturday sat субота суботу суботи сб",
    "sunday sun неділя неділю неділі нд",
)
_WEEKDAYS = {form: index for index, forms in enumerate(_WEEKDAY_FORMS) for form in forms.split()}


class _Which(StrEnum):
    BARE = "bare"
    THIS = "this"
    NEXT = "next"
    LAST = "last"


# Adjectives are accepted in every gender and case: agreement with the weekday carries
# no meaning here, and people get it wrong when typing fast.
_WEEKDAY_QUALIFIERS: dict[str, _Which] = {
    **dict.fromkeys(("this", "цей", "ця", "цю", "цього", "цієї", "це"), _Which.THIS),
    **dict.fromkeys(
        (
            "next",
            "coming",
            "наступний",
            "наступна",
            "наступну",
            "наступного",
            "наступної",
            "наступне",
            "найближчий",
            "найближча",
            "найближчу",
            "найближчого",
            "найближчої",
        ),
        _Which.NEXT,
    ),
    **dict.fromkeys(
        (
            "last",
            "past",
            "previous",
            "минулий",
            "минула",
            "минулу",
            "минулого",
            "минулої",
            "минуле",
            "попередній",
            "попередня",
            "попередню",
            "попереднього",
            "попередньої",
        ),
        _Which.LAST,
    ),
}
_WEEKDAY_PREPOSITIONS = frozenset(("on", "в", "у", "на"))

_DAY_WORDS: dict[str, int] = {
    "today": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "the day after tomorrow": 2,
    "day after tomorrow": 2,
    "the day before yesterday": -2,
    "day before yesterday": -2,
    "сьогодні": 0,
    "завтра": 1,
    "вчора": -1,
    "учора": -1,
    "післязавтра": 2,
    "позавчора": -2,
    "heute": 0,
    "morgen": 1,
    "gestern": -1,
    "übermorgen": 2,
    "vorgestern": -2,
    "dziś": 0,
    "dzisiaj": 0,
    "jutro": 1,
    "wczoraj": -1,
    "pojutrze": 2,
    "przedwczoraj": -2,
}


@dataclass(frozen=True)
class _Step:
    days: int = 0
    months: int = 0


_UNITS: dict[str, _Step] = {
    **dict.fromkeys(("day", "days", "день", "дні", "днів", "дня", "доба", "доби", "діб"), _Step(1)),
    **dict.fromkeys(("week", "weeks", "тиждень", "тижні", "тижнів", "тижня"), _Step(7)),
    **dict.fromkeys(("fortnight", "fortnights"), _Step(14)),
    **dict.fromkeys(("month", "months", "місяць", "місяці", "місяців", "місяця"), _Step(months=1)),
    **dict.fromkeys(("year", "years", "рік", "роки", "років", "року"), _Step(months=12)),
    "півроку": _Step(months=6),
}
_COUNT_WORDS: dict[str, int] = {
    **dict.fromkeys(("a", "an", "one", "один", "одна", "одну", "одного", "одної"), 1),
    **dict.fromkeys(("two", "два", "дві", "двох"), 2),
    **dict.fromkeys(("three", "три", "трьох"), 3),
    **dict.fromkeys(("four", "чотири", "чотирьох"), 4),
    **dict.fromkeys(("five", "п'ять"), 5),
    **dict.fromkeys(("six", "шість"), 6),
    **dict.fromkeys(("seven", "сім"), 7),
    **dict.fromkeys(("eight", "вісім"), 8),
    **dict.fromkeys(("nine", "дев'ять"), 9),
    **dict.fromkeys(("ten", "десять"), 10),
}

# --- grammar -----------------------------------------------------------------------------

_WORD = r"[^\W\d_]+(?:'[^\W\d_]+)?"
_YEAR_SUFFIX = r"(?: ?р| року| рік)?"  # Ukrainian writes "25.03.2026 р." / "2026 року"
_ORDINAL = r"(?:st|nd|rd|th|-?го)?"

_RELATIVE_FORWARD = re.compile(rf"(?:in|через) (?:(?P<n>[0-9]{{1,4}}|{_WORD}) )?(?P<unit>{_WORD})")
_RELATIVE_FROM_NOW = re.compile(
    rf"(?:(?P<n>[0-9]{{1,4}}|{_WORD}) )?(?P<unit>{_WORD}) from (?:now|today)"
)
_RELATIVE_BACK = re.compile(rf"(?:(?P<n>[0-9]{{1,4}}|{_WORD}) )?(?P<unit>{_WORD}) (?:ago|тому)")

_NUMERIC_DMY = re.compile(
    r"(?P<d>[0-9]{1,2})(?P<sep>[./-])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4}|[0-9]{2})"
    + _YEAR_SUFFIX
)
_NUMERIC_YMD = re.compile(
    r"(?P<y>[0-9]{4})(?P<sep>[./-])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
)
_NUMERIC_DM = re.compile(r"(?P<d>[0-9]{1,2})[./](?P<m>[0-9]{1,2})")
_DAY_MONTH = re.compile(
    rf"(?:the )?(?P<d>[0-9]{{1,2}}){_ORDINAL}(?: of)? (?P<mon>{_WORD})\.?"
    rf"(?:,? (?P<y>[0-9]{{4}}){_YEAR_SUFFIX})?"
)
_MONTH_DAY = re.compile(
    rf"(?P<mon>{_WORD})\.? (?:the )?(?P<d>[0-9]{{1,2}}){_ORDINAL}(?:,? (?P<y>[0-9]{{4}}))?"
)
# Only meaningful as one end of a range ("12-14.05", "May 12-14, 2026").
_DAY_ONLY = re.compile(rf"(?:the )?(?P<d>[0-9]{{1,2}}){_ORDINAL}(?:,? (?P<y>[0-9]{{4}}))?")

_MONTH_YEAR = re.compile(
    rf"(?:(?:in|у|в) )?(?:the )?(?P<mon>{_WORD})\.?(?: of)?,? (?P<y>[0-9]{{4}}){_YEAR_SUFFIX}"
)
_NUMERIC_MONTH_YEAR = re.compile(r"(?P<m>[0-9]{1,2})[./](?P<y>[0-9]{4})(?: ?р| року)?")
_NUMERIC_YEAR_MONTH = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})")

_RANGE_PREFIX = re.compile(r"(?:from|з|із|зі|від) ")
_RANGE_SEPARATOR = re.compile(r" ?- ?| (?:to|till|until|through|thru|до|по) ")

_WHITESPACE = re.compile(r"\s+")
_WORD_RUN = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_APOSTROPHES = str.maketrans(dict.fromkeys("’ʼ‘`´′ʹ", "'"))
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))


@dataclass(frozen=True)
class _Parts:
    """An absolute date as written, before missing fields are filled in."""

    day: int
    month: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class _Limits:
    today: date
    allow_future: bool
    earliest: date | None
    min_year: int
    max_years_ahead: int


# --- public API --------------------------------------------------------------------------


def parse_date(
    text: str,
    *,
    today: date,
    allow_future: bool = True,
    earliest: date | None = None,
    min_year: int = 2000,
    max_years_ahead: int = 10,
) -> date:
    """One calendar date; missing years mean `today`'s year."""
    limits = _Limits(today, allow_future, earliest, min_year, max_years_ahead)
    found = _parse_single(_prepare_date_text(text), today)
    if found is None:
        raise DateError(DateErrorCode.FORMAT)
    result = found if isinstance(found, date) else _build(found, today)
    _check_limits(result, limits)
    return result


def parse_loose_date(
    text: str,
    *,
    today: date,
    allow_future: bool = True,
    min_year: int = 2000,
    max_years_ahead: int = 10,
) -> LooseDate:
    """A day, or a month with its year ("березень 2022", "March 2022", "03.2022"). A
    season with its year raises `SeasonError` with the months it may mean. A month is
    in the future only when it starts after `today`."""
    limits = _Limits(today, allow_future, None, min_year, max_years_ahead)
    normalized = _prepare_date_text(text)
    month = _parse_month_year(normalized)
    if month is not None:
        _check_limits(month, limits)
        return LooseDate(month, DatePrecision.MONTH)
    season = _parse_season(normalized)
    if season is not None:
        fitting = []
        for first in season:
            try:
                _check_limits(first, limits)
            except DateError:
                continue
            fitting.append(first)
        if not fitting:
            _check_limits(season[0], limits)
        raise SeasonError(tuple(fitting))
    return LooseDate(
        parse_date(
            text,
            today=today,
            allow_future=allow_future,
            min_year=min_year,
            max_years_ahead=max_years_ahead,
        ),
        DatePrecision.DAY,
    )


def _parse_month_year(text: str) -> date | None:
    match = _MONTH_YEAR.fullmatch(text)
    if match is not None:
        number = _MONTHS_OF_YEAR.get(match["mon"])
        return None if number is None else date(int(match["y"]), number, 1)
    match = _NUMERIC_MONTH_YEAR.fullmatch(text) or _NUMERIC_YEAR_MONTH.fullmatch(text)
    if match is None:
        return None
    month = int(match["m"])
    if not 1 <= month <= 12:
        raise DateError(DateErrorCode.INVALID)
    return date(int(match["y"]), month, 1)


def _parse_season(text: str) -> tuple[date, ...] | None:
    match = _MONTH_YEAR.fullmatch(text)
    months = _SEASONS.get(match["mon"]) if match is not None else None
    if match is None or months is None:
        return None
    year = int(match["y"])
    return tuple(date(year - 1, 12, 1) if m == 0 else date(year, m, 1) for m in months)


def parse_date_range(
    text: str,
    *,
    today: date,
    allow_future: bool = True,
    earliest: date | None = None,
    min_year: int = 2000,
    max_years_ahead: int = 10,
) -> tuple[date, date]:
    """Inclusive (start, end); a single date is a one-day range."""
    limits = _Limits(today, allow_future, earliest, min_year, max_years_ahead)
    normalized = _prepare_date_text(text)
    single = _parse_single(normalized, today)
    if single is not None:
        day = single if isinstance(single, date) else _build(single, today)
        _check_limits(day, limits)
        return day, day
    start, end = _parse_range(_RANGE_PREFIX.sub("", normalized, count=1), today)
    _check_limits(start, limits)
    _check_limits(end, limits)
    if end < start:
        raise DateError(DateErrorCode.ORDER)
    return start, end


def parse_time(text: str) -> time:
    """A time of day: 24-hour, am/pm, or Ukrainian "ранку"/"вечора" style."""
    normalized = _prepare_time_text(text)
    if normalized in _TIME_WORDS:
        return _TIME_WORDS[normalized]
    match = _TIME.fullmatch(normalized)
    if match is None:
        raise TimeError(TimeErrorCode.FORMAT)
    minute = int(match["m"]) if match["m"] else 0
    hour = _to_24h(int(match["h"]), match["mer"])
    if hour is None or not 0 <= hour <= 23 or not 0 <= minute <= 59:
        raise TimeError(TimeErrorCode.INVALID)
    return time(hour, minute)


# --- normalization -----------------------------------------------------------------------


def _prepare_date_text(text: str) -> str:
    stripped = text.strip()
    if not stripped:
        raise DateError(DateErrorCode.EMPTY)
    if len(stripped) > _MAX_INPUT_LEN:
        raise DateError(DateErrorCode.FORMAT)
    return _normalize(stripped)


def _prepare_time_text(text: str) -> str:
    stripped = text.strip()
    if not stripped or len(stripped) > _MAX_INPUT_LEN:
        raise TimeError(TimeErrorCode.FORMAT)
    return _normalize(stripped)


def _normalize(text: str) -> str:
    lowered = text.lower().translate(_APOSTROPHES).translate(_DASHES)
    collapsed = _WHITESPACE.sub(" ", lowered)
    if collapsed.endswith("."):
        collapsed = collapsed[:-1].rstrip()
    return _WORD_RUN.sub(_fix_latin_i, collapsed)


def _fix_latin_i(match: re.Match[str]) -> str:
    # Keyboards without a Ukrainian layout make people type Latin "i" for "і".
    word = match.group()
    return word.replace("i", "і") if _CYRILLIC.search(word) else word


# --- single dates ------------------------------------------------------------------------


def _parse_single(text: str, today: date) -> date | _Parts | None:
    relative = _parse_relative(text, today)
    if relative is not None:
        return relative
    parts = _parse_parts(text)
    if parts is None or parts.month is None:
        return None
    return parts


def _parse_relative(text: str, today: date) -> date | None:
    parsers: tuple[Callable[[str, date], date | None], ...] = (
        _parse_day_word,
        _parse_offset,
        _parse_weekday,
    )
    for parser in parsers:
        found = parser(text, today)
        if found is not None:
            return found
    return None


def _parse_day_word(text: str, today: date) -> date | None:
    offset = _DAY_WORDS.get(text)
    return None if offset is None else today + timedelta(days=offset)


def _parse_offset(text: str, today: date) -> date | None:
    for pattern, sign in ((_RELATIVE_FORWARD, 1), (_RELATIVE_FROM_NOW, 1), (_RELATIVE_BACK, -1)):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        step = _UNITS.get(match["unit"])
        count = _count(match["n"])
        if step is None or count is None:
            return None
        return _shift(today, step, sign * count)
    return None


def _count(word: str | None) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return ascii_int(word)
    return _COUNT_WORDS.get(word)


def _shift(start: date, step: _Step, times: int) -> date:
    try:
        moved = start + timedelta(days=step.days * times)
        return _add_months(moved, step.months * times)
    except (OverflowError, ValueError):
        raise DateError(DateErrorCode.TOO_FAR if times > 0 else DateErrorCode.TOO_OLD) from None


def _add_months(start: date, months: int) -> date:
    year, month_index = divmod(start.month - 1 + months, 12)
    year += start.year
    last_day = calendar.monthrange(year, month_index + 1)[1]
    return date(year, month_index + 1, min(start.day, last_day))


def _parse_weekday(text: str, today: date) -> date | None:
    words = text.split(" ")
    if len(words) > 1 and words[0] in _WEEKDAY_PREPOSITIONS:
        words = words[1:]
    if len(words) == 1:
        which: _Which | None = _Which.BARE
    elif len(words) == 2:
        which = _WEEKDAY_QUALIFIERS.get(words[0])
    else:
        return None
    weekday = _WEEKDAYS.get(words[-1])
    if which is None or weekday is None:
        return None
    return _nearest_weekday(today, weekday, which)


def _nearest_weekday(today: date, weekday: int, which: _Which) -> date:
    ahead = (weekday - today.weekday()) % 7
    if which is _Which.LAST:
        return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
    if which is _Which.THIS:
        # "this Sunday" said on a Sunday is today; a bare "Sunday" then means next week.
        return today + timedelta(days=ahead)
    return today + timedelta(days=ahead or 7)


def _parse_parts(text: str) -> _Parts | None:
    for pattern in (_NUMERIC_DMY, _NUMERIC_YMD, _NUMERIC_DM):
        match = pattern.fullmatch(text)
        if match is not None:
            return _Parts(int(match["d"]), int(match["m"]), _year(match.groupdict().get("y")))
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        match = pattern.fullmatch(text)
        if match is not None:
            month = _MONTHS.get(match["mon"])
            if month is None:
                return None
            return _Parts(int(match["d"]), month, _year(match["y"]))
    match = _DAY_ONLY.fullmatch(text)
    if match is not None:
        return _Parts(int(match["d"]), None, _year(match["y"]))
    return None


def _year(digits: str | None) -> int | None:
    if digits is None:
        return None
    year = int(digits)
    # Two-digit years only ever mean this century in a bot started in the 2020s.
    return 2000 + year if len(digits) == 2 else year


def _build(parts: _Parts, today: date) -> date:
    if parts.month is None:
        raise DateError(DateErrorCode.FORMAT)
    try:
        return date(parts.year or today.year, parts.month, parts.day)
    except ValueError:
        raise DateError(DateErrorCode.INVALID) from None


def _check_limits(day: date, limits: _Limits) -> None:
    if day.year < limits.min_year:
        raise DateError(DateErrorCode.TOO_OLD)
    if not limits.allow_future and day > limits.today:
        raise DateError(DateErrorCode.FUTURE)
    if day > _add_years(limits.today, limits.max_years_ahead):
        raise DateError(DateErrorCode.TOO_FAR)
    if limits.earliest is not None and day < limits.earliest:
        raise DateError(DateErrorCode.BEFORE)


def _add_years(start: date, years: int) -> date:
    try:
        return _add_months(start, 12 * years)
    except ValueError:
        return date.max


# --- ranges ------------------------------------------------------------------------------


def _parse_range(text: str, today: date) -> tuple[date, date]:
    # Hyphens also sit inside dates ("2026-05-12"), so try every separator position and
    # keep the first split where both sides read as dates.
    for separator in _RANGE_SEPARATOR.finditer(text):
        left = _parse_end(text[: separator.start()], today)
        right = _parse_end(text[separator.end() :], today)
        if left is not None and right is not None:
            return _complete_range(left, right, today)
    raise DateError(DateErrorCode.FORMAT)


def _parse_end(text: str, today: date) -> _Parts | None:
    if not text:
        return None
    relative = _parse_relative(text, today)
    if relative is not None:
        return _Parts(relative.day, relative.month, relative.year)
    return _parse_parts(text)


def _complete_range(left: _Parts, right: _Parts, today: date) -> tuple[date, date]:
    right_month = right.month or left.month
    right_year = right.year or left.year or today.year
    start = _build(_Parts(left.day, left.month or right_month, left.year or right_year), today)
    end = _build(_Parts(right.day, right_month, right_year), today)
    crosses_new_year = left.month is not None and left.year is None and right.year is not None
    if crosses_new_year and start > end:
        # "28.12-03.01.2027": the year written once belongs to the end of the range.
        start = _build(_Parts(start.day, start.month, start.year - 1), today)
    return start, end


# --- times -------------------------------------------------------------------------------

_TIME = re.compile(
    r"(?:(?:at|о|об|на) )?(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-9]{2}))?"
    r"(?: ?(?:год|годині|година|h|o'clock))?"
    r"(?: ?(?P<mer>am|pm|a\.m|p\.m|ранку|дня|вечора|ночі))?"
)
_TIME_WORDS: dict[str, time] = {
    **dict.fromkeys(("noon", "midday", "опівдні", "полудень"), time(12, 0)),
    **dict.fromkeys(("midnight", "опівночі"), time(0, 0)),
}


def _to_24h(hour: int, meridiem: str | None) -> int | None:
    if meridiem is None:
        return hour
    if not 1 <= hour <= 12:
        return None
    if meridiem in ("am", "a.m", "ранку"):
        return hour % 12
    if meridiem == "ночі":
        # "11 ночі" is 23:00 but "2 ночі" is 02:00.
        return hour % 12 if hour <= 5 or hour == 12 else hour + 12
    return hour % 12 + 12
