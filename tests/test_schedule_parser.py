"""The plain-language parser: Ukrainian and English phrases with the times they mean."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.domain.reminders.recurrence import local_instant, next_occurrence
from bot.domain.reminders.schedule import ScheduleError, ScheduleRefused, parse_schedule

KYIV = "Europe/Kyiv"
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)  # Sunday, 12:00 in Kyiv

PHRASES = [
    # (typed, local due time in Kyiv, what, recurrence)
    ("завтра о 9:00 зателефонувати в Єну", "2026-11-23 09:00", "зателефонувати в Єну", None),
    ("через 3 дні надіслати звіт", "2026-11-25 12:00", "надіслати звіт", None),
    ("щопонеділка о 10:00 нарада", "2026-11-23 10:00", "нарада",
     {"freq": "weekly", "weekdays": [0]}),
    ("щопонеділка о 10:00 нарада з Єною", "2026-11-23 10:00", "нарада з Єною",
     {"freq": "weekly", "weekdays": [0]}),
    ("15.03 о 14:00 делегація", "2027-03-15 14:00", "делегація", None),
    ("in 2 hours call Erlangen", "2026-11-22 14:00", "call Erlangen", None),
    ("every month on the 1st send the report", "2026-12-01 09:00", "send the report",
     {"freq": "monthly", "day": 1}),
    ("next Friday 9am", "2026-11-27 09:00", "", None),
    ("в понеділок подзвонити в Ерланген", "2026-11-23 09:00", "подзвонити в Ерланген", None),
    ("через тиждень перевірити відповідь міністерства", "2026-11-29 12:00",
     "перевірити відповідь міністерства", None),
    ("нагадай мені завтра о 18:30 про звіт", "2026-11-23 18:30", "звіт", None),
    ("every day at 8:30 check mail", "2026-11-23 08:30", "check mail", {"freq": "daily"}),
    ("щодня о 8:30 пошта", "2026-11-23 08:30", "пошта", {"freq": "daily"}),
    ("по буднях о 9 планерка", "2026-11-23 09:00", "планерка",
     {"freq": "weekly", "weekdays": [0, 1, 2, 3, 4]}),
    ("every weekday at 9am standup", "2026-11-23 09:00", "standup",
     {"freq": "weekly", "weekdays": [0, 1, 2, 3, 4]}),
    ("щомісяця 15-го числа звіт", "2026-12-15 09:00", "звіт", {"freq": "monthly", "day": 15}),
    ("1-го числа кожного місяця звіт", "2026-12-01 09:00", "звіт", {"freq": "monthly", "day": 1}),
    ("every month on the 31st pay the fee", "2026-11-30 09:00", "pay the fee",
     {"freq": "monthly", "day": 31}),
    ("щороку 24 серпня привітати партнерів", "2027-08-24 09:00", "привітати партнерів",
     {"freq": "yearly", "month": 8, "day": 24}),
    ("every year on March 15 anniversary", "2027-03-15 09:00", "anniversary",
     {"freq": "yearly", "month": 3, "day": 15}),
    ("every Monday and Thursday at 10:00 call", "2026-11-23 10:00", "call",
     {"freq": "weekly", "weekdays": [0, 3]}),
    ("щопонеділка і четверга о 10 дзвінок", "2026-11-23 10:00", "дзвінок",
     {"freq": "weekly", "weekdays": [0, 3]}),
    ("по понеділках і середах о 9:30 планерка", "2026-11-23 09:30", "планерка",
     {"freq": "weekly", "weekdays": [0, 2]}),
    ("on Mondays at 10 call", "2026-11-23 10:00", "call", {"freq": "weekly", "weekdays": [0]}),
    ("кожного понеділка о 10:00 нарада", "2026-11-23 10:00", "нарада",
     {"freq": "weekly", "weekdays": [0]}),
    ("щоп'ятниці о 16:00 підсумки", "2026-11-27 16:00", "підсумки",
     {"freq": "weekly", "weekdays": [4]}),
    ("tomorrow at 3pm meet the delegation from Jena", "2026-11-23 15:00",
     "meet the delegation from Jena", None),
    ("через 30 хвилин кава", "2026-11-22 12:30", "кава", None),
    ("через годину обід", "2026-11-22 13:00", "обід", None),
    ("in 15 minutes tea", "2026-11-22 12:15", "tea", None),
    ("on Friday send the draft", "2026-11-27 09:00", "send the draft", None),
    ("25.12.2026 о 10:00 привітання", "2026-12-25 10:00", "привітання", None),
    ("2026-12-25 10:00 greetings", "2026-12-25 10:00", "greetings", None),
    ("3 грудня о 15:00 відеозустріч з Гнєзно", "2026-12-03 15:00", "відеозустріч з Гнєзно", None),
    ("December 3 at 3pm online meeting", "2026-12-03 15:00", "online meeting", None),
    ("о 14:00 зателефонувати", "2026-11-22 14:00", "зателефонувати", None),
    ("at 11:00 call Sundbyberg", "2026-11-23 11:00", "call Sundbyberg", None),
    ("у п'ятницю о 7 вечора вечеря", "2026-11-27 19:00", "вечеря", None),
    ("завтра провести нараду в 2 етапи", "2026-11-23 09:00", "провести нараду в 2 етапи", None),
    ("нарада в 9.30 завтра", "2026-11-23 09:30", "нарада", None),
    ("у середу в 10 год нарада", "2026-11-25 10:00", "нарада", None),
    ("через 2 тижні подати документи", "2026-12-06 12:00", "подати документи", None),
    ("через місяць перевірити", "2026-12-22 12:00", "перевірити", None),
    ("in a week follow up with Kekava", "2026-11-29 12:00", "follow up with Kekava", None),
    ("the day after tomorrow at 10:00 call", "2026-11-24 10:00", "call", None),
    ("післязавтра о 10 дзвінок", "2026-11-24 10:00", "дзвінок", None),
    ("щорічно 24.08 привітання", "2027-08-24 09:00", "привітання",
     {"freq": "yearly", "month": 8, "day": 24}),
    ("remind me to call San Sebastián tomorrow at noon", "2026-11-23 12:00",
     "call San Sebastián", None),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "due", "what", "rule"), PHRASES)
def test_phrase(typed: str, due: str, what: str, rule: dict[str, object] | None) -> None:
    schedule = parse_schedule(typed, now=NOW, tz=KYIV)
    assert schedule.due_at.astimezone(ZoneInfo(KYIV)).strftime("%Y-%m-%d %H:%M") == due
    assert schedule.text == what
    assert schedule.recurrence == rule


REFUSED = [
    ("", ScheduleError.EMPTY),
    ("зателефонувати в Єну", ScheduleError.NO_WHEN),
    ("call the ministry", ScheduleError.NO_WHEN),
    ("вчора о 9 звіт", ScheduleError.PAST),
    ("yesterday at 9 report", ScheduleError.PAST),
    ("сьогодні о 8:00 кава", ScheduleError.PAST),
    ("32.13 о 10:00 щось", ScheduleError.INVALID_DATE),
    ("30 лютого о 10:00 щось", ScheduleError.INVALID_DATE),
    ("завтра о 25:00 щось", ScheduleError.INVALID_TIME),
    ("tomorrow at 13pm lunch", ScheduleError.INVALID_TIME),
    ("через 500 років щось", ScheduleError.TOO_FAR),
    ("2035-01-01 о 10:00 щось", ScheduleError.TOO_FAR),
    ("через 2 години завтра о 10 щось", ScheduleError.CONFLICT),
    ("x" * 600 + " завтра", ScheduleError.TOO_LONG),
]


@pytest.mark.parametrize(("typed", "code"), REFUSED)
def test_refused(typed: str, code: ScheduleError) -> None:
    with pytest.raises(ScheduleRefused) as refused:
        parse_schedule(typed, now=NOW, tz=KYIV)
    assert refused.value.code is code


def test_time_zone_of_the_person_is_used() -> None:
    schedule = parse_schedule("tomorrow at 9:00 call Brovary", now=NOW, tz="Europe/Berlin")
    assert schedule.due_at == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def test_weekly_keeps_local_time_across_spring_dst_in_kyiv() -> None:
    monday = {"freq": "weekly", "weekdays": [0]}
    before = next_occurrence(monday, time(10), KYIV, datetime(2027, 3, 20, tzinfo=UTC))
    after = next_occurrence(monday, time(10), KYIV, before)  # type: ignore[arg-type]
    assert before == datetime(2027, 3, 22, 8, 0, tzinfo=UTC)  # UTC+2
    assert after == datetime(2027, 3, 29, 7, 0, tzinfo=UTC)  # UTC+3 after 28 March


def test_daily_keeps_local_time_across_autumn_dst_in_kyiv() -> None:
    daily = {"freq": "daily"}
    saturday = next_occurrence(daily, time(9), KYIV, datetime(2026, 10, 24, 0, tzinfo=UTC))
    sunday = next_occurrence(daily, time(9), KYIV, saturday)  # type: ignore[arg-type]
    assert saturday == datetime(2026, 10, 24, 6, 0, tzinfo=UTC)  # UTC+3
    assert sunday == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)  # UTC+2 after 25 October


def test_skipped_and_repeated_hours_in_kyiv() -> None:
    # 03:30 does not exist on 29 March 2026 (03:00 -> 04:00): it moves an hour on.
    skipped = local_instant(datetime(2026, 3, 29).date(), time(3, 30), KYIV)
    assert skipped.astimezone(ZoneInfo(KYIV)).strftime("%H:%M") == "04:30"
    # 03:30 happens twice on 25 October 2026: the first one is meant.
    repeated = local_instant(datetime(2026, 10, 25).date(), time(3, 30), KYIV)
    assert repeated == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_monthly_on_the_31st_and_yearly_on_29_february() -> None:
    monthly = {"freq": "monthly", "day": 31}
    after_april = next_occurrence(monthly, time(9), KYIV, datetime(2027, 4, 1, tzinfo=UTC))
    assert after_april is not None and after_april.astimezone(ZoneInfo(KYIV)).day == 30
    yearly = {"freq": "yearly", "month": 2, "day": 29}
    next_year = next_occurrence(yearly, time(9), KYIV, datetime(2027, 1, 1, tzinfo=UTC))
    assert next_year is not None and next_year.astimezone(ZoneInfo(KYIV)).date().day == 28
