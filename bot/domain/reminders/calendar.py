"""Reminders, deadlines and visits as an iCalendar (.ics) file for Google Calendar, Outlook and
Apple Calendar: each event with its repetition as an RRULE and an alarm (VALARM).

Built with the `icalendar` library, which writes the time zone definitions (VTIMEZONE) the
events need, folds long lines and escapes text as RFC 5545 asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.domain.reminders.recurrence import local_instant

if TYPE_CHECKING:
    from icalendar import Alarm, vRecur

PRODID = "-//twinbot//reminders//EN"
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class TimedEvent:
    uid: str
    title: str
    start: datetime  # UTC
    tz: str
    rule: dict[str, Any] | None = None
    minutes: int = 15  # how long it shows in the calendar
    description: str = ""


@dataclass(frozen=True)
class DayEvent:
    """A whole-day event such as a visit, with an alarm the day before at 09:00."""

    uid: str
    title: str
    first: date
    last: date
    description: str = ""


def _month_day(day: int) -> dict[str, Any]:
    # Our rules put the 31st on a month's last day when it is shorter; an RRULE would skip
    # those months, so from the 29th on the rule takes the last of the days that exist.
    if day == -1:
        return {"BYMONTHDAY": [-1]}
    if day >= 29:
        return {"BYMONTHDAY": list(range(28, day + 1)), "BYSETPOS": [-1]}
    return {"BYMONTHDAY": [day]}


def rrule(rule: dict[str, Any], tz: str) -> vRecur:
    """The RRULE for one of our recurrence rules (see `bot.domain.reminders.recurrence`)."""
    from icalendar import vRecur

    freq = rule["freq"]
    parts: dict[str, Any] = {"FREQ": [freq.upper()]}
    step = int(rule.get("interval") or 1)
    if step > 1 or freq in ("hourly", "minutely"):
        parts["INTERVAL"] = [step]
    if freq == "weekly":
        parts["BYDAY"] = [_DAYS[d] for d in sorted(rule["weekdays"])]
    elif freq == "monthly" and "nth" in rule:
        parts["BYDAY"] = [f"{int(rule['nth'])}{_DAYS[int(rule['weekday'])]}"]
    elif freq == "monthly":
        parts.update(_month_day(int(rule["day"])))
    elif freq == "yearly":
        parts["BYMONTH"] = [int(rule["month"])]
        parts.update(_month_day(int(rule["day"])) if int(rule["day"]) >= 29 else {})
        parts.setdefault("BYMONTHDAY", [int(rule["day"])])
    if rule.get("until"):
        # With a zoned DTSTART, UNTIL is given in UTC: the end of the last local day.
        parts["UNTIL"] = [local_instant(date.fromisoformat(rule["until"]), time(23, 59, 59), tz)]
    return vRecur(parts)


def _alarm(title: str, before: timedelta) -> Alarm:
    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", -before)
    return alarm


def ics_file(
    events: list[TimedEvent | DayEvent], *, stamp: datetime, name: str | None = None
) -> bytes:
    """One .ics file holding the events."""
    # icalendar (and the time zone code it brings) loads with the first calendar file asked
    # for rather than at every start of the bot.
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.title)
        if item.description:
            event.add("description", item.description)
        if isinstance(item, TimedEvent):
            start = item.start.astimezone(ZoneInfo(item.tz))
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=item.minutes))
            if item.rule:
                event.add("rrule", rrule(item.rule, item.tz))
            event.add_component(_alarm(item.title, timedelta(0)))
        else:
            event.add("dtstart", item.first)
            event.add("dtend", item.last + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            event.add_component(_alarm(item.title, timedelta(hours=15)))
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
