from __future__ import annotations

import time as clock
from datetime import date, time

import pytest

from bot.domain.parsing.dates import (
    DateError,
    DateErrorCode,
    TimeError,
    TimeErrorCode,
    parse_date,
    parse_date_range,
    parse_time,
)

TODAY = date(2026, 11, 22)  # a Sunday


def test_today_is_a_sunday() -> None:
    assert TODAY.weekday() == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numeric
        ("25.03.2026", date(2026, 3, 25)),
        ("25.03.26", date(2026, 3, 25)),
        ("25/03/2026", date(2026, 3, 25)),
        ("25-03-2026", date(2026, 3, 25)),
        ("5.3.2026", date(2026, 3, 5)),
        ("25.03", date(2026, 3, 25)),
        ("25/03", date(2026, 3, 25)),
        ("2026-03-25", date(2026, 3, 25)),
        ("2026.03.25", date(2026, 3, 25)),
        ("25.03.2026 р.", date(2026, 3, 25)),
        ("25.03.2026р", date(2026, 3, 25)),
        ("29.02.2028", date(2028, 2, 29)),
        # day words
        ("today", date(2026, 11, 22)),
        ("yesterday", date(2026, 11, 21)),
        ("tomorrow", date(2026, 11, 23)),
        ("the day after tomorrow", date(2026, 11, 24)),
        ("day before yesterday", date(2026, 11, 20)),
        ("сьогодні", date(2026, 11, 22)),
        ("вчора", date(2026, 11, 21)),
        ("учора", date(2026, 11, 21)),
        ("завтра", date(2026, 11, 23)),
        ("позавчора", date(2026, 11, 20)),
        ("післязавтра", date(2026, 11, 24)),
        # weekdays: bare and "next" mean the next occurrence after today
        ("next Monday", date(2026, 11, 23)),
        ("last Friday", date(2026, 11, 20)),
        ("Monday", date(2026, 11, 23)),
        ("on Friday", date(2026, 11, 27)),
        ("Sunday", date(2026, 11, 29)),
        ("next Sunday", date(2026, 11, 29)),
        ("last Sunday", date(2026, 11, 15)),
        ("this Sunday", date(2026, 11, 22)),
        ("this Friday", date(2026, 11, 27)),
        ("fri", date(2026, 11, 27)),
        ("в понеділок", date(2026, 11, 23)),
        ("у понеділок", date(2026, 11, 23)),
        ("понеділок", date(2026, 11, 23)),
        ("наступного понеділка", date(2026, 11, 23)),
        ("в наступний понеділок", date(2026, 11, 23)),
        ("у середу", date(2026, 11, 25)),
        ("минулої п'ятниці", date(2026, 11, 20)),
        ("минулої п’ятниці", date(2026, 11, 20)),
        ("минулої пʼятниці", date(2026, 11, 20)),
        ("в минулу середу", date(2026, 11, 18)),
        ("минулої неділі", date(2026, 11, 15)),
        ("цієї неділі", date(2026, 11, 22)),
        ("пт", date(2026, 11, 27)),
        # offsets
        ("in 3 days", date(2026, 11, 25)),
        ("in a week", date(2026, 11, 29)),
        ("in two weeks", date(2026, 12, 6)),
        ("in a month", date(2026, 12, 22)),
        ("3 days ago", date(2026, 11, 19)),
        ("a fortnight ago", date(2026, 11, 8)),
        ("2 days from now", date(2026, 11, 24)),
        ("через 3 дні", date(2026, 11, 25)),
        ("через тиждень", date(2026, 11, 29)),
        ("через 2 тижні", date(2026, 12, 6)),
        ("через місяць", date(2026, 12, 22)),
        ("через п'ять днів", date(2026, 11, 27)),
        ("через півроку", date(2027, 5, 22)),
        ("2 дні тому", date(2026, 11, 20)),
        ("тиждень тому", date(2026, 11, 15)),
        ("місяць тому", date(2026, 10, 22)),
        # month names
        ("March 25", date(2026, 3, 25)),
        ("Mar 25", date(2026, 3, 25)),
        ("March 25th, 2026", date(2026, 3, 25)),
        ("25 March 2026", date(2026, 3, 25)),
        ("25 Mar 2026", date(2026, 3, 25)),
        ("the 25th of March", date(2026, 3, 25)),
        ("25 березня", date(2026, 3, 25)),
        ("25 березня 2026", date(2026, 3, 25)),
        ("25 березня 2026 року", date(2026, 3, 25)),
        ("25 березня 2026 р.", date(2026, 3, 25)),
        ("25-го березня", date(2026, 3, 25)),
        ("1 січень 2027", date(2027, 1, 1)),
        ("3 лют. 2027", date(2027, 2, 3)),
        # case, whitespace, trailing period, Latin "i" typed for Cyrillic "і"
        ("  ЗАВТРА  ", date(2026, 11, 23)),
        ("Today.", date(2026, 11, 22)),
        ("25.03.2026.", date(2026, 3, 25)),
        ("25\u00a0березня", date(2026, 3, 25)),
        ("сьогоднi", date(2026, 11, 22)),
    ],
)
def test_parse_date_accepts(text: str, expected: date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", DateErrorCode.EMPTY),
        ("   ", DateErrorCode.EMPTY),
        ("garbage", DateErrorCode.FORMAT),
        ("📅", DateErrorCode.FORMAT),
        ("25.03.2026 📅", DateErrorCode.FORMAT),
        (".", DateErrorCode.FORMAT),
        ("25", DateErrorCode.FORMAT),
        ("2026", DateErrorCode.FORMAT),
        ("25 foo 2026", DateErrorCode.FORMAT),
        ("in 3 bananas", DateErrorCode.FORMAT),
        ("next never", DateErrorCode.FORMAT),
        ("25.03.2026 extra", DateErrorCode.FORMAT),
        ("25.03-2026", DateErrorCode.FORMAT),
        ("25.03.202", DateErrorCode.FORMAT),
        ("١٢.٠٣.٢٠٢٦", DateErrorCode.FORMAT),
        ("x" * 10_000, DateErrorCode.FORMAT),
        ("31.02.2026", DateErrorCode.INVALID),
        ("29.02.2027", DateErrorCode.INVALID),
        ("32.01.2026", DateErrorCode.INVALID),
        ("25.13.2026", DateErrorCode.INVALID),
        ("0.01.2026", DateErrorCode.INVALID),
        ("31 квітня", DateErrorCode.INVALID),
        ("1900-01-01", DateErrorCode.TOO_OLD),
        ("31.12.1999", DateErrorCode.TOO_OLD),
        ("9999 years ago", DateErrorCode.TOO_OLD),
        ("01.01.2040", DateErrorCode.TOO_FAR),
        ("in 9999 years", DateErrorCode.TOO_FAR),
    ],
)
def test_parse_date_refuses(text: str, code: DateErrorCode) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text, today=TODAY)
    assert caught.value.code == code
    assert caught.value.code == code.value  # plain-string comparison works for the UI layer


def test_future_refused_when_not_allowed() -> None:
    assert parse_date("today", today=TODAY, allow_future=False) == TODAY
    with pytest.raises(DateError) as caught:
        parse_date("tomorrow", today=TODAY, allow_future=False)
    assert caught.value.code == "future"


def test_earliest_bound() -> None:
    earliest = date(2026, 11, 1)
    assert parse_date("01.11.2026", today=TODAY, earliest=earliest) == earliest
    with pytest.raises(DateError) as caught:
        parse_date("25.10.2026", today=TODAY, earliest=earliest)
    assert caught.value.code == "before"


def test_year_bounds_are_configurable() -> None:
    assert parse_date("01.01.1995", today=TODAY, min_year=1990) == date(1995, 1, 1)
    assert parse_date("22.11.2036", today=TODAY) == date(2036, 11, 22)
    with pytest.raises(DateError) as caught:
        parse_date("23.11.2036", today=TODAY)
    assert caught.value.code == "too_far"
    with pytest.raises(DateError) as caught:
        parse_date("01.01.2028", today=TODAY, max_years_ahead=1)
    assert caught.value.code == "too_far"


def test_leap_day_today_does_not_break_the_max_date() -> None:
    assert parse_date("28.02.2034", today=date(2024, 2, 29)) == date(2034, 2, 28)


@pytest.mark.parametrize(
    "text",
    ["x" * 10_000, "1" * 10_000, "1." * 5_000, "in " * 3_000 + "days", "-" * 10_000],
)
def test_long_input_is_refused_fast(text: str) -> None:
    started = clock.perf_counter()
    with pytest.raises(DateError):
        parse_date(text, today=TODAY)
    with pytest.raises(DateError):
        parse_date_range(text, today=TODAY)
    with pytest.raises(TimeError):
        parse_time(text)
    assert clock.perf_counter() - started < 0.05


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:00", time(9, 0)),
        ("09:00", time(9, 0)),
        ("9.30", time(9, 30)),
        ("9am", time(9, 0)),
        ("9 pm", time(21, 0)),
        ("9:30 p.m.", time(21, 30)),
        ("12 am", time(0, 0)),
        ("12 pm", time(12, 0)),
        ("21:15", time(21, 15)),
        ("0:05", time(0, 5)),
        ("о 9", time(9, 0)),
        ("о 9:30", time(9, 30)),
        ("об 11", time(11, 0)),
        ("о 9 годині", time(9, 0)),
        ("at 9", time(9, 0)),
        ("at 9 o'clock", time(9, 0)),
        ("9 ранку", time(9, 0)),
        ("3 дня", time(15, 0)),
        ("9 вечора", time(21, 0)),
        ("11 ночі", time(23, 0)),
        ("2 ночі", time(2, 0)),
        ("noon", time(12, 0)),
        ("опівночі", time(0, 0)),
        (" AT 9 PM ", time(21, 0)),
    ],
)
def test_parse_time_accepts(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", TimeErrorCode.FORMAT),
        ("abc", TimeErrorCode.FORMAT),
        ("9:5", TimeErrorCode.FORMAT),
        ("9:000", TimeErrorCode.FORMAT),
        ("9 30", TimeErrorCode.FORMAT),
        ("🕘", TimeErrorCode.FORMAT),
        ("25:00", TimeErrorCode.INVALID),
        ("24:00", TimeErrorCode.INVALID),
        ("9:60", TimeErrorCode.INVALID),
        ("13 pm", TimeErrorCode.INVALID),
        ("0 am", TimeErrorCode.INVALID),
    ],
)
def test_parse_time_refuses(text: str, code: TimeErrorCode) -> None:
    with pytest.raises(TimeError) as caught:
        parse_time(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("12.05.2026–14.05.2026", date(2026, 5, 12), date(2026, 5, 14)),
        ("12.05.2026—14.05.2026", date(2026, 5, 12), date(2026, 5, 14)),
        ("12-14.05.2026", date(2026, 5, 12), date(2026, 5, 14)),
        ("12.05-14.05.2026", date(2026, 5, 12), date(2026, 5, 14)),
        ("12.05.2026 - 14.05.2026", date(2026, 5, 12), date(2026, 5, 14)),
        ("12.05.2026-14.05.2026", date(2026, 5, 12), date(2026, 5, 14)),
        ("12.05 - 14.05", date(2026, 5, 12), date(2026, 5, 14)),
        ("2026-05-12 - 2026-05-14", date(2026, 5, 12), date(2026, 5, 14)),
        ("12.05.2026", date(2026, 5, 12), date(2026, 5, 12)),
        ("2026-05-12", date(2026, 5, 12), date(2026, 5, 12)),
        ("tomorrow", date(2026, 11, 23), date(2026, 11, 23)),
        ("12–14 травня 2026", date(2026, 5, 12), date(2026, 5, 14)),
        ("12 травня - 3 червня 2026", date(2026, 5, 12), date(2026, 6, 3)),
        ("з 12 по 14 травня", date(2026, 5, 12), date(2026, 5, 14)),
        ("з 12 до 14 травня 2026 р.", date(2026, 5, 12), date(2026, 5, 14)),
        ("12-го - 14-го травня", date(2026, 5, 12), date(2026, 5, 14)),
        ("May 12-14, 2026", date(2026, 5, 12), date(2026, 5, 14)),
        ("from 12.05 to 14.05.2026", date(2026, 5, 12), date(2026, 5, 14)),
        ("28.12-03.01.2027", date(2026, 12, 28), date(2027, 1, 3)),
        ("today - in 3 days", date(2026, 11, 22), date(2026, 11, 25)),
        ("з понеділка по п'ятницю", date(2026, 11, 23), date(2026, 11, 27)),
    ],
)
def test_parse_date_range_accepts(text: str, start: date, end: date) -> None:
    assert parse_date_range(text, today=TODAY) == (start, end)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", DateErrorCode.EMPTY),
        ("12-", DateErrorCode.FORMAT),
        ("-", DateErrorCode.FORMAT),
        ("12-14", DateErrorCode.FORMAT),
        ("1-2-3", DateErrorCode.FORMAT),
        ("12.05.2026 - garbage", DateErrorCode.FORMAT),
        ("14.05.2026-12.05.2026", DateErrorCode.ORDER),
        ("14-12.05.2026", DateErrorCode.ORDER),
        ("12.05-31.02.2026", DateErrorCode.INVALID),
        ("31.02.2026", DateErrorCode.INVALID),
        ("01.01.1999-05.01.1999", DateErrorCode.TOO_OLD),
        ("01.01.2026-01.01.2040", DateErrorCode.TOO_FAR),
    ],
)
def test_parse_date_range_refuses(text: str, code: DateErrorCode) -> None:
    with pytest.raises(DateError) as caught:
        parse_date_range(text, today=TODAY)
    assert caught.value.code == code


def test_parse_date_range_applies_bounds_to_both_ends() -> None:
    with pytest.raises(DateError) as caught:
        parse_date_range("20.11.2026-25.11.2026", today=TODAY, allow_future=False)
    assert caught.value.code == "future"
    with pytest.raises(DateError) as caught:
        parse_date_range("20.11.2026-25.11.2026", today=TODAY, earliest=date(2026, 11, 21))
    assert caught.value.code == "before"
