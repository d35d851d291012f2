"""Recurring reminders across the clock changes of Europe/Kyiv and Europe/Berlin.

Calendar repetitions keep their wall-clock time (10:00 stays 10:00, so its UTC instant moves);
a time the spring change skips comes an hour later on the new clock, a time the autumn change
repeats comes once; "every 2 hours" stays two real hours apart.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.domain.reminders.recurrence import next_occurrence
from bot.domain.reminders.schedule import parse_schedule

KYIV, BERLIN = "Europe/Kyiv", "Europe/Berlin"
# 2027: both change on the last Sunday of March (28th) and of October (31st); Kyiv at 03:00
# and 04:00 local, Berlin at 02:00 and 03:00 local.
SPRING, AUTUMN = date(2027, 3, 28), date(2027, 10, 31)


def run(rule: dict[str, Any], at: time, tz: str, start: datetime, count: int) -> list[datetime]:
    moments, after = [], start
    for _ in range(count):
        moment = next_occurrence(rule, at, tz, after)
        assert moment is not None
        moments.append(moment)
        after = moment
    return moments


def local(moments: list[datetime], tz: str) -> list[str]:
    return [m.astimezone(ZoneInfo(tz)).strftime("%a %d %H:%M") for m in moments]


@pytest.mark.parametrize(("tz", "winter", "summer"), [(KYIV, 2, 3), (BERLIN, 1, 2)])
def test_daily_keeps_its_wall_clock_time_across_both_changes(
    tz: str, winter: int, summer: int
) -> None:
    spring = run({"freq": "daily"}, time(10), tz, datetime(2027, 3, 26, tzinfo=UTC), 4)
    assert local(spring, tz) == ["Fri 26 10:00", "Sat 27 10:00", "Sun 28 10:00", "Mon 29 10:00"]
    assert [m.hour for m in spring] == [10 - winter, 10 - winter, 10 - summer, 10 - summer]
    autumn = run({"freq": "daily"}, time(10), tz, datetime(2027, 10, 29, tzinfo=UTC), 4)
    assert local(autumn, tz) == ["Fri 29 10:00", "Sat 30 10:00", "Sun 31 10:00", "Mon 01 10:00"]
    assert [m.hour for m in autumn] == [10 - summer, 10 - summer, 10 - winter, 10 - winter]


@pytest.mark.parametrize(
    ("tz", "skipped", "shown"), [(KYIV, time(3, 30), "04:30"), (BERLIN, time(2, 30), "03:30")]
)
def test_a_time_the_spring_change_skips_comes_an_hour_later_that_day_only(
    tz: str, skipped: time, shown: str
) -> None:
    moments = run({"freq": "daily"}, skipped, tz, datetime(2027, 3, 27, tzinfo=UTC), 3)
    wall = skipped.strftime("%H:%M")
    assert local(moments, tz) == [f"Sat 27 {wall}", f"Sun 28 {shown}", f"Mon 29 {wall}"]


@pytest.mark.parametrize(("tz", "repeated"), [(KYIV, time(3, 30)), (BERLIN, time(2, 30))])
def test_a_time_the_autumn_change_repeats_comes_once(tz: str, repeated: time) -> None:
    moments = run({"freq": "daily"}, repeated, tz, datetime(2027, 10, 30, tzinfo=UTC), 3)
    days = [m.astimezone(ZoneInfo(tz)).date() for m in moments]
    assert days == [date(2027, 10, 30), AUTUMN, date(2027, 11, 1)]
    # The first 03:30 of the long night, still on summer time: 24 hours after the day before.
    assert moments[1] - moments[0] == timedelta(hours=24)
    assert moments[2] - moments[1] == timedelta(hours=25)


@pytest.mark.parametrize("tz", [KYIV, BERLIN])
def test_every_other_week_and_last_day_of_month_across_the_change(tz: str) -> None:
    fortnightly = {"freq": "weekly", "weekdays": [0], "interval": 2, "anchor": "2027-03-15"}
    moments = run(fortnightly, time(9), tz, datetime(2027, 3, 1, tzinfo=UTC), 3)
    assert local(moments, tz) == ["Mon 15 09:00", "Mon 29 09:00", "Mon 12 09:00"]
    last = run({"freq": "monthly", "day": -1}, time(18), tz, datetime(2027, 2, 1, tzinfo=UTC), 3)
    assert local(last, tz) == ["Sun 28 18:00", "Wed 31 18:00", "Fri 30 18:00"]


@pytest.mark.parametrize("tz", [KYIV, BERLIN])
def test_every_two_hours_stays_two_real_hours_apart(tz: str) -> None:
    asked = datetime(2027, 3, 27, 21, 0, tzinfo=UTC)
    schedule = parse_schedule("every 2 hours check the generator", now=asked, tz=tz)
    assert schedule.recurrence is not None
    moments = [schedule.due_at]
    for _ in range(4):
        nxt = next_occurrence(schedule.recurrence, time(0), tz, moments[-1])
        assert nxt is not None
        moments.append(nxt)
    assert all(b - a == timedelta(hours=2) for a, b in itertools.pairwise(moments))


@pytest.mark.parametrize(("tz", "utc_hour"), [(KYIV, 7), (BERLIN, 8)])
def test_a_phrase_set_in_winter_fires_at_summer_time_after_the_change(
    tz: str, utc_hour: int
) -> None:
    asked = datetime(2027, 3, 20, 12, 0, tzinfo=UTC)
    schedule = parse_schedule("щопонеділка о 10:00 нарада", now=asked, tz=tz)
    assert schedule.recurrence is not None
    after_change = next_occurrence(schedule.recurrence, time(10), tz, schedule.due_at)
    assert after_change == datetime(2027, 3, 29, utc_hour, 0, tzinfo=UTC)
