"""When a reminder being set comes, as the form's draft keeps it (JSON), typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from bot.clock import iso, parse_iso
from bot.domain.reminders.recurrence import first_occurrence, local_instant
from bot.domain.reminders.schedule import Assumption, Schedule

QuickChoice = Literal["1h", "tm", "mon"]


@dataclass(frozen=True)
class When:
    """The first time a reminder comes, its wall-clock time and zone, its repetition, what
    the bot filled in, and for `in 2 hours` the wait it counts from the confirmation."""

    due: datetime
    local_time: str
    tz: str
    rule: dict[str, Any] | None = None
    assumed: tuple[Assumption, ...] = ()
    offset: int | None = None

    @classmethod
    def of(cls, schedule: Schedule) -> When:
        return cls(
            schedule.due_at,
            schedule.local_time,
            schedule.tz,
            schedule.recurrence,
            schedule.assumptions,
            schedule.offset_seconds,
        )

    @classmethod
    def quick(cls, choice: QuickChoice, now: datetime, tz: str) -> When:
        """In an hour, tomorrow at 9:00, or next Monday at 9:00."""
        today = now.astimezone(ZoneInfo(tz)).date()
        offset = None
        if choice == "1h":
            offset = 3600
            due = now + timedelta(seconds=offset)
        elif choice == "mon":
            due = local_instant(today + timedelta(days=(7 - today.weekday()) or 7), time(9), tz)
        else:
            due = local_instant(today + timedelta(days=1), time(9), tz)
        local = due.astimezone(ZoneInfo(tz)).strftime("%H:%M")
        return cls(due, local, tz, offset=offset)

    def json(self) -> dict[str, Any]:
        return {
            "due": iso(self.due),
            "local_time": self.local_time,
            "tz": self.tz,
            "rule": self.rule,
            "assumed": [[a.kind, a.said, a.at] for a in self.assumed],
            "offset": self.offset,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> When:
        return cls(
            parse_iso(raw["due"]),
            raw["local_time"],
            raw["tz"],
            raw.get("rule"),
            tuple(Assumption(*item) for item in raw.get("assumed") or ()),
            raw.get("offset"),
        )

    def settled(self, now: datetime) -> datetime | None:
        """When it comes, confirmed at `now`: `in 1 minute` counts from the confirmation, a
        repetition whose first time has passed meanwhile starts at the next one; None for a
        one-off whose time has passed."""
        due = self.due
        if self.offset and due <= now:
            due = now + timedelta(seconds=self.offset)
        if due > now:
            return due
        if self.rule:
            at = time.fromisoformat(self.local_time)
            return first_occurrence(self.rule, at, self.tz, now) or due
        return None
