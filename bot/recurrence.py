"""Recurring reminders: the next occurrence of a rule, in local wall-clock time.

A rule is a small JSON object stored with the reminder:
  {"freq": "daily"}
  {"freq": "weekly", "weekdays": [0, 2]}      Monday is 0, as in `date.weekday()`
  {"freq": "monthly", "day": 1}               a day past the month's end means its last day
  {"freq": "yearly", "month": 3, "day": 15}   29 February falls on the 28th in other years
The time of day is kept as local wall-clock time in the reminder's zone, so a reminder at
10:00 stays at 10:00 across daylight-saving changes (its UTC instant moves instead).
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

FREQUENCIES = ("daily", "weekly", "monthly", "yearly")
WORKDAYS = [0, 1, 2, 3, 4]


def is_valid(rule: dict[str, Any] | None) -> bool:
    if not rule or rule.get("freq") not in FREQUENCIES:
        return False
    if rule["freq"] == "weekly":
        days = rule.get("weekdays") or []
        return bool(days) and all(isinstance(d, int) and 0 <= d <= 6 for d in days)
    if rule["freq"] in ("monthly", "yearly") and not 1 <= int(rule.get("day", 0)) <= 31:
        return False
    return rule["freq"] != "yearly" or 1 <= int(rule.get("month", 0)) <= 12


def local_instant(day: date, at: time, tz: str) -> datetime:
    """The UTC instant of a wall-clock time; a time skipped by a DST jump moves forward."""
    # fold=0 reads a skipped time (03:30 on the last Sunday of March in Kyiv) with the
    # offset before the jump, i.e. an hour later on the new clock; a repeated time in
    # October is its first occurrence.
    return datetime.combine(day, at, tzinfo=ZoneInfo(tz)).astimezone(UTC)


def _clamp(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _candidates(rule: dict[str, Any], start: date) -> list[date]:
    freq = rule["freq"]
    if freq == "daily":
        return [start + timedelta(days=n) for n in range(3)]
    if freq == "weekly":
        days = set(rule["weekdays"])
        return [
            start + timedelta(days=n)
            for n in range(9)
            if (start + timedelta(days=n)).weekday() in days
        ]
    if freq == "monthly":
        found = []
        year, month = start.year, start.month
        for _ in range(3):
            found.append(_clamp(year, month, int(rule["day"])))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found
    return [_clamp(start.year + n, int(rule["month"]), int(rule["day"])) for n in range(3)]


def next_occurrence(rule: dict[str, Any], at: time, tz: str, after: datetime) -> datetime | None:
    """The first occurrence strictly after `after` (UTC), or None for an invalid rule."""
    if not is_valid(rule):
        return None
    start = after.astimezone(ZoneInfo(tz)).date() - timedelta(days=1)
    for day in _candidates(rule, start):
        if day < start:
            continue
        moment = local_instant(day, at, tz)
        if moment > after:
            return moment
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
