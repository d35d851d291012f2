"""Recurring reminders: the next occurrence of a rule, in local wall-clock time.

A rule is a small JSON object stored with the reminder:
  {"freq": "daily"}
  {"freq": "daily", "interval": 2, "anchor": "2026-11-23"}      every other day from the anchor
  {"freq": "weekly", "weekdays": [0, 2]}      Monday is 0, as in `date.weekday()`
  {"freq": "weekly", "weekdays": [2], "interval": 2, "anchor": "2026-11-25"}
  {"freq": "monthly", "day": 1}               a day past the month's end means its last day
  {"freq": "monthly", "day": -1}              the last day of every month
  {"freq": "monthly", "weekday": 0, "nth": 1} the first Monday of every month (-1: the last)
  {"freq": "yearly", "month": 3, "day": 15}   29 February falls on the 28th in other years
  {"freq": "hourly", "interval": 2, "anchor": "2026-11-22T12:00:00Z"}   elapsed time
  {"freq": "minutely", "interval": 30, "anchor": "..."}
Any rule may end with "until": "YYYY-MM-DD" (the last local day it may fire on).
For the calendar rules the time of day is kept as local wall-clock time in the reminder's
zone, so a reminder at 10:00 stays at 10:00 across daylight-saving changes (its UTC instant
moves instead); hourly and minutely rules count elapsed time from their anchor instant, so
"every 2 hours" stays two real hours apart across a change of the clocks.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

FREQUENCIES = ("minutely", "hourly", "daily", "weekly", "monthly", "yearly")
WORKDAYS = [0, 1, 2, 3, 4]
WEEKEND = [5, 6]
MIN_MINUTES = 5  # a reminder more often than this is a flood, not a reminder
# How far ahead the calendar rules look for their next day: enough for any interval the
# parser accepts (every 12 months, every 52 weeks) with room to spare.
_HORIZON_DAYS = 3 * 366


def interval(rule: dict[str, Any]) -> int:
    return int(rule.get("interval") or 1)


def is_valid(rule: dict[str, Any] | None) -> bool:
    if not rule or rule.get("freq") not in FREQUENCIES:
        return False
    try:
        step = interval(rule)
        if step < 1 or step > 1000:
            return False
        if rule.get("until") is not None:
            date.fromisoformat(rule["until"])
        freq = rule["freq"]
        if freq in ("minutely", "hourly"):
            _anchor_instant(rule)
            return freq == "hourly" or step >= MIN_MINUTES
        if step > 1:
            date.fromisoformat(rule["anchor"])
        if freq == "weekly":
            days = rule.get("weekdays") or []
            return bool(days) and all(isinstance(d, int) and 0 <= d <= 6 for d in days)
        if freq == "monthly":
            if "nth" in rule:
                return int(rule["nth"]) in (1, 2, 3, 4, -1) and 0 <= int(rule["weekday"]) <= 6
            day = int(rule.get("day", 0))
            return day == -1 or 1 <= day <= 31
        if freq == "yearly":
            return 1 <= int(rule.get("month", 0)) <= 12 and 1 <= int(rule.get("day", 0)) <= 31
    except (KeyError, TypeError, ValueError):
        return False
    return True


def local_instant(day: date, at: time, tz: str) -> datetime:
    """The UTC instant of a wall-clock time; a time skipped by a DST jump moves forward."""
    # fold=0 reads a skipped time (03:30 on the last Sunday of March in Kyiv) with the
    # offset before the jump, i.e. an hour later on the new clock; a repeated time in
    # October is its first occurrence.
    return datetime.combine(day, at, tzinfo=ZoneInfo(tz)).astimezone(UTC)


def _clamp(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _anchor_instant(rule: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(str(rule["anchor"]).replace("Z", "+00:00")).astimezone(UTC)


def _anchor_day(rule: dict[str, Any], fallback: date) -> date:
    return date.fromisoformat(rule["anchor"]) if rule.get("anchor") else fallback


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The nth (1-4, or -1 for the last) given weekday of a month."""
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    if nth == -1:
        return days[-1]
    return days[nth - 1] if nth <= len(days) else None


def _month_day(rule: dict[str, Any], year: int, month: int) -> date | None:
    if "nth" in rule:
        return nth_weekday(year, month, int(rule["weekday"]), int(rule["nth"]))
    day = int(rule["day"])
    return _clamp(year, month, 31 if day == -1 else day)


def _days(rule: dict[str, Any], start: date) -> Iterator[date]:
    """The days a calendar rule fires on, from `start` on, in order; never before its anchor."""
    freq, step = rule["freq"], interval(rule)
    if rule.get("anchor"):
        start = max(start, date.fromisoformat(rule["anchor"]))
    if freq == "daily":
        anchor = _anchor_day(rule, start)
        offset = (start - anchor).days % step
        day = start + timedelta(days=(step - offset) % step)
        while True:
            yield day
            day += timedelta(days=step)
    elif freq == "weekly":
        days = set(rule["weekdays"])
        anchor = _anchor_day(rule, start)
        anchor_week = anchor - timedelta(days=anchor.weekday())
        for n in range(_HORIZON_DAYS):
            day = start + timedelta(days=n)
            weeks = (day - anchor_week).days // 7
            if day.weekday() in days and weeks % step == 0:
                yield day
    elif freq == "monthly":
        anchor = _anchor_day(rule, start)
        year, month = start.year, start.month
        for _ in range(12 * step + 24):
            months = (year - anchor.year) * 12 + month - anchor.month
            found = _month_day(rule, year, month) if months % step == 0 else None
            if found is not None and found >= start:
                yield found
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        for n in range(step * 4 + 2):
            anchor = _anchor_day(rule, start)
            year = start.year + n
            if (year - anchor.year) % step == 0:
                found = _clamp(year, int(rule["month"]), int(rule["day"]))
                if found >= start:
                    yield found


def next_occurrence(rule: dict[str, Any], at: time, tz: str, after: datetime) -> datetime | None:
    """The first occurrence strictly after `after` (UTC); None for an invalid or ended rule."""
    if not is_valid(rule):
        return None
    until = date.fromisoformat(rule["until"]) if rule.get("until") else None
    zone = ZoneInfo(tz)
    if rule["freq"] in ("minutely", "hourly"):
        unit = timedelta(hours=1) if rule["freq"] == "hourly" else timedelta(minutes=1)
        step = unit * interval(rule)
        anchor = _anchor_instant(rule)
        count = 0 if after < anchor else (after - anchor) // step + 1
        moment = anchor + step * count
        if until is not None and moment.astimezone(zone).date() > until:
            return None
        return moment
    start = after.astimezone(zone).date() - timedelta(days=1)
    for day in _days(rule, start):
        if until is not None and day > until:
            return None
        moment = local_instant(day, at, tz)
        if moment > after:
            return moment
        if day > start + timedelta(days=_HORIZON_DAYS):
            break
    return None


def first_occurrence(rule: dict[str, Any], at: time, tz: str, now: datetime) -> datetime | None:
    """The first occurrence from now on (a rule set at 09:59 for 10:00 fires at 10:00 today)."""
    return next_occurrence(rule, at, tz, now - timedelta(microseconds=1))


def in_quiet_hours(moment: datetime, tz: str, hours: tuple[int, int]) -> bool:
    """Whether a UTC instant falls in quiet hours (start-end, local hours, may wrap midnight)."""
    start, end = hours
    if start == end:
        return False
    hour = moment.astimezone(ZoneInfo(tz)).hour
    return start <= hour < end if start < end else hour >= start or hour < end


def quiet_hours_end(moment: datetime, tz: str, hours: tuple[int, int]) -> datetime:
    """The first instant after quiet hours that contain `moment`."""
    local = moment.astimezone(ZoneInfo(tz))
    day = local.date() if local.hour < hours[1] else local.date() + timedelta(days=1)
    return local_instant(day, time(hours[1]), tz)


def next_morning(moment: datetime, tz: str, hour: int = 9) -> datetime:
    """Tomorrow at `hour` local time (a snooze until tomorrow morning)."""
    day = moment.astimezone(ZoneInfo(tz)).date() + timedelta(days=1)
    return local_instant(day, time(hour), tz)
