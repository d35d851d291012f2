"""What the grammar finds in a phrase: small facts that `compose` turns into a schedule."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from bot.domain.reminders.schedule.outcome import ScheduleError
from bot.domain.reminders.schedule.parts import Part


class Role(StrEnum):
    ON = "on"
    FROM = "from"  # `з понеділка`, `starting 1 December`: when a repetition starts
    UNTIL = "until"  # `до 5 грудня`, `until Friday`: a deadline, or when a repetition ends


@dataclass(frozen=True)
class ClockTime:
    hour: int
    minute: int
    twelve: bool = False  # may be on a 12-hour clock: no a.m./p.m., no leading zero
    part: Part | None = None  # said with it: `о 7 вечора`


@dataclass(frozen=True)
class DayPart:
    part: Part


@dataclass(frozen=True)
class Day:
    """A day of a month; month None: the next such day (`10-го`); year None: the next one."""

    day: int
    month: int | None = None
    year: int | None = None
    month_shift: int = 0  # `5-го наступного місяця`
    role: Role = Role.ON


@dataclass(frozen=True)
class Shift:
    days: int  # today 0, tomorrow 1
    role: Role = Role.ON


@dataclass(frozen=True)
class Weekday:
    weekday: int
    next_week: bool = False  # `наступного тижня у вівторок`: the one in next calendar week
    role: Role = Role.ON


@dataclass(frozen=True)
class MonthEnd:
    role: Role = Role.ON


@dataclass(frozen=True)
class NthWeekday:
    nth: int  # 1-4, -1 the last
    weekday: int
    role: Role = Role.ON


@dataclass(frozen=True)
class Later:
    """`через 2 години`: exact time from now; `через 3 дні`: the same time some days later."""

    exact: timedelta = timedelta(0)
    days: int = 0
    months: int = 0


@dataclass(frozen=True)
class Repeat:
    freq: str | None = None  # None: only "every", the rest comes from other facts
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    day: int | None = None  # day of the month, -1 the last
    nth: tuple[int, int] | None = None  # (nth, weekday)
    month: int | None = None


@dataclass(frozen=True)
class Except:
    weekdays: tuple[int, ...]


@dataclass(frozen=True)
class TimeOrDate:
    """`5.12`: 5 December, or 5:12. Decided by what else the phrase says."""

    time: ClockTime | None
    day: Day | None


@dataclass(frozen=True)
class EitherDay:
    """`12/05`: 12 May or 5 December; the person is asked."""

    days: tuple[Day, ...]


@dataclass(frozen=True)
class Refusal:
    code: ScheduleError


Fact = (
    ClockTime
    | DayPart
    | Day
    | Shift
    | Weekday
    | MonthEnd
    | NthWeekday
    | Later
    | Repeat
    | Except
    | TimeOrDate
    | EitherDay
    | Refusal
)


@dataclass
class Found:
    """A run of tokens the grammar understood, and what it says."""

    start: int
    end: int  # token index after the last
    facts: tuple[Fact, ...]
    # Where in the typed text, filled in by the reader.
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Hit:
    end: int
    facts: tuple[Fact, ...] = field(default=())
