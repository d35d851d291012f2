"""Visits: directions, and when a planned visit's reminders fall due.

Reminders go out at a fixed local hour: seven days and one day before the visit starts,
and the day after it ends to ask for its outcomes. Moments already past are skipped.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.i18n import N_

DIRECTIONS: dict[str, str] = {
    "incoming": N_("Incoming (a delegation comes to us)"),
    "outgoing": N_("Outgoing (our delegation goes abroad)"),
    "online": N_("Online meeting"),
}
DIRECTION_SHORT: dict[str, str] = {
    "incoming": N_("incoming visit"),
    "outgoing": N_("outgoing visit"),
    "online": N_("online meeting"),
}

REMINDER_HOUR = time(9, 0)
# what -> (days relative to the anchor date, whether the anchor is the start or the end)
REMINDERS: dict[str, tuple[int, str]] = {
    "before7": (-7, "start"),
    "before1": (-1, "start"),
    "outcomes": (1, "end"),
}


def reminder_plan(start: date, end: date, now: datetime, tz: str) -> list[tuple[str, datetime]]:
    """(what, when in UTC) for each reminder still ahead of `now`."""
    zone = ZoneInfo(tz)
    plan: list[tuple[str, datetime]] = []
    for what, (days, anchor) in REMINDERS.items():
        day = (start if anchor == "start" else end) + timedelta(days=days)
        due = datetime.combine(day, REMINDER_HOUR, tzinfo=zone).astimezone(UTC)
        if due > now:
            plan.append((what, due))
    return plan


# A visit logged by the partner reads the other way round from the partner's side.
_SEEN_FROM_PARTNER = {"incoming": "outgoing", "outgoing": "incoming", "online": "online"}


def seen_from(direction: str, by_author: bool) -> str:
    """The direction as the reader's community sees it, given who logged the visit."""
    return direction if by_author else _SEEN_FROM_PARTNER[direction]
