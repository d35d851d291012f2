"""From the facts a phrase holds to one schedule, or a refusal with its reason.

Facts that disagree (`завтра` and `у п'ятницю` on a Wednesday, two different times) are a
conflict, never a guess; a time of day with no a.m./p.m. between 1 and 6 is read as the
afternoon (`о 3`, `о пів на третю`) and the confirmation says so.
"""

from __future__ import annotations

import calendar
import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.reminders.recurrence import (
    MIN_MINUTES,
    first_occurrence,
    local_instant,
    next_occurrence,
    nth_weekday,
)
from bot.domain.reminders.schedule.clock import with_part
from bot.domain.reminders.schedule.facts import (
    ClockTime,
    Day,
    DayPart,
    EitherDay,
    Except,
    Found,
    Later,
    MonthEnd,
    NthWeekday,
    Refusal,
    Repeat,
    Role,
    ScheduleError,
    Shift,
    TimeOrDate,
    Weekday,
)
from bot.domain.reminders.schedule.outcome import (
    Assumption,
    Schedule,
    ScheduleRefused,
)
from bot.domain.reminders.schedule.parts import PART_HOURS, Part

MAX_AHEAD_DAYS = 5 * 366
DEFAULT_TIME = time(9, 0)

DayFact = Day | Shift | Weekday | MonthEnd | NthWeekday


class _Unsure(Exception):
    """Raised inside composition for a found part that cannot be used; names its span."""

    def __init__(self, span: tuple[int, int]) -> None:
        super().__init__()
        self.span = span


@dataclass
class _Facts:
    times: list[tuple[ClockTime, Found]]
    parts: list[tuple[DayPart, Found]]
    days: list[tuple[DayFact, Found]]
    laters: list[tuple[Later, Found]]
    repeats: list[Repeat]
    excepts: list[Except]
    either: list[tuple[EitherDay, Found]]


def _sort(found: list[Found]) -> _Facts:
    facts = _Facts([], [], [], [], [], [], [])
    undecided: list[tuple[TimeOrDate, Found]] = []
    for item in found:
        for fact in item.facts:
            if isinstance(fact, Refusal):
                if fact.code is ScheduleError.UNSURE:
                    raise _Unsure(item.span)
                raise ScheduleRefused(fact.code)
            if isinstance(fact, ClockTime):
                facts.times.append((fact, item))
            elif isinstance(fact, DayPart):
                facts.parts.append((fact, item))
            elif isinstance(fact, Later):
                facts.laters.append((fact, item))
            elif isinstance(fact, Repeat):
                facts.repeats.append(fact)
            elif isinstance(fact, Except):
                facts.excepts.append(fact)
            elif isinstance(fact, TimeOrDate):
                undecided.append((fact, item))
            elif isinstance(fact, EitherDay):
                facts.either.append((fact, item))
            else:
                facts.days.append((fact, item))
    for fact, item in undecided:
        # `5.12`: a date beside a time, a time beside a day, and a date when alone.
        as_time = fact.time is not None and (
            fact.day is None or (not facts.times and bool(facts.days))
        )
        if as_time:
            assert fact.time is not None
            facts.times.append((fact.time, item))
        else:
            assert fact.day is not None
            facts.days.append((fact.day, item))
    return facts


def _said(text: str, item: Found) -> str:
    return text[item.span[0] : item.span[1]]


@dataclass
class _Clock:
    at: time | None
    assumption: Assumption | None = None


def _clock(facts: _Facts, text: str) -> _Clock:
    part: Part | None = None
    part_item: Found | None = None
    for said_part, item in facts.parts:
        if part is not None and said_part.part is not part:
            raise ScheduleRefused(ScheduleError.CONFLICT)
        part, part_item = said_part.part, item
    if len({(t.hour, t.minute, t.part) for t, _ in facts.times}) > 1:
        raise ScheduleRefused(ScheduleError.CONFLICT)
    chosen: ClockTime | None = None
    chosen_item: Found | None = None
    for fact, item in facts.times:
        if part is not None and fact.part is None:
            adjusted = with_part(fact, part)
            if adjusted is None:
                raise ScheduleRefused(ScheduleError.CONFLICT)
            fact = adjusted
        elif (
            part is not None
            and fact.part is not None
            and fact.part is not part
            and not (part is Part.AFTERNOON and fact.part is Part.EVENING)
        ):
            raise ScheduleRefused(ScheduleError.CONFLICT)
        if chosen is not None and (chosen.hour, chosen.minute) != (fact.hour, fact.minute):
            raise ScheduleRefused(ScheduleError.CONFLICT)
        chosen, chosen_item = fact, item
    if chosen is not None:
        assert chosen_item is not None
        if chosen.twelve and 1 <= chosen.hour <= 6:
            at = time(chosen.hour + 12, chosen.minute)
            said = _said(text, chosen_item)
            return _Clock(at, Assumption("afternoon", said, at.strftime("%H:%M")))
        return _Clock(time(chosen.hour, chosen.minute))
    if part is not None:
        assert part_item is not None
        if part not in PART_HOURS:
            raise _Unsure(part_item.span)
        at = time(PART_HOURS[part], 0)
        return _Clock(at, Assumption("part", _said(text, part_item), at.strftime("%H:%M")))
    return _Clock(None)


def _valid(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ScheduleRefused(ScheduleError.INVALID_DATE) from None


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    last = calendar.monthrange(day.year + year, month + 1)[1]
    return date(day.year + year, month + 1, min(day.day, last))


def _resolve(fact: DayFact, today: date, at: time, tz: str, now: datetime) -> date:
    """The day a fact means, the first one whose moment at `at` is still ahead if it can move."""

    def ahead(day: date) -> bool:
        return local_instant(day, at, tz) > now

    if isinstance(fact, Shift):
        return today + timedelta(days=fact.days)
    if isinstance(fact, Weekday):
        if fact.next_week:
            monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
            return monday + timedelta(days=fact.weekday)
        return today + timedelta(days=(fact.weekday - today.weekday()) % 7 or 7)
    if isinstance(fact, MonthEnd):
        last = date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
        return (
            last
            if ahead(last)
            else _add_months(last.replace(day=1), 1).replace(
                day=calendar.monthrange(*_year_month(_add_months(last.replace(day=1), 1)))[1]
            )
        )
    if isinstance(fact, NthWeekday):
        for months in range(3):
            first = _add_months(today.replace(day=1), months)
            found = nth_weekday(first.year, first.month, fact.weekday, fact.nth)
            if found is not None and found >= today and ahead(found):
                return found
        raise ScheduleRefused(ScheduleError.INVALID_DATE)
    if fact.month is None:
        if fact.month_shift:
            start = _add_months(today.replace(day=1), fact.month_shift)
            return _valid(start.year, start.month, fact.day)
        for months in range(13):
            start = _add_months(today.replace(day=1), months)
            if fact.day <= calendar.monthrange(start.year, start.month)[1]:
                candidate = date(start.year, start.month, fact.day)
                if candidate >= today and ahead(candidate):
                    return candidate
        raise ScheduleRefused(ScheduleError.INVALID_DATE)
    if fact.year is not None:
        return _valid(fact.year, fact.month, fact.day)
    # No year: this year's, or next year's once this year's has passed.
    for year in (today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4):
        try:
            candidate = date(year, fact.month, fact.day)
        except ValueError:
            if not (fact.month == 2 and fact.day == 29):
                raise ScheduleRefused(ScheduleError.INVALID_DATE) from None
            continue
        if ahead(candidate):
            return candidate
    raise ScheduleRefused(ScheduleError.INVALID_DATE)


def _year_month(day: date) -> tuple[int, int]:
    return day.year, day.month


def _one_day(
    facts: _Facts, roles: tuple[Role, ...], today: date, at: time, tz: str, now: datetime
) -> date | None:
    """The day the phrase names with these roles; several must agree.

    A weekday said beside a date (`у понеділок 30 листопада`) only has to be that date's
    weekday; said alone it is the coming one.
    """
    chosen: date | None = None
    named = [f for f, _ in facts.days if f.role in roles]
    dated = any(isinstance(f, Day) and f.month is not None for f in named)
    weekdays = {f.weekday for f in named if isinstance(f, Weekday) and not f.next_week}
    for fact in named:
        if dated and isinstance(fact, Weekday) and not fact.next_week:
            continue
        day = _resolve(fact, today, at, tz, now)
        if chosen is not None and day != chosen:
            raise ScheduleRefused(ScheduleError.CONFLICT)
        chosen = day
    if dated and chosen is not None and weekdays and weekdays != {chosen.weekday()}:
        raise ScheduleRefused(ScheduleError.CONFLICT)
    return chosen


def _merge(repeats: list[Repeat]) -> Repeat:
    merged = repeats[0]
    for other in repeats[1:]:
        values: dict[str, Any] = {}
        for field in ("freq", "weekdays", "day", "nth", "month"):
            mine, theirs = getattr(merged, field), getattr(other, field)
            if mine and theirs and mine != theirs:
                raise ScheduleRefused(ScheduleError.CONFLICT)
            values[field] = mine or theirs
        if merged.interval > 1 and other.interval > 1 and merged.interval != other.interval:
            raise ScheduleRefused(ScheduleError.CONFLICT)
        values["interval"] = max(merged.interval, other.interval)
        merged = Repeat(**values)
    return merged


def _rule(
    facts: _Facts, merged: Repeat, start: date, now: datetime, tz: str, at: time
) -> dict[str, Any]:
    freq = merged.freq or "daily"
    rule: dict[str, Any] = {"freq": freq}
    on_weekdays = sorted(
        {f.weekday for f, _ in facts.days if isinstance(f, Weekday) and f.role is Role.ON}
    )
    day_facts = [f for f, _ in facts.days if f.role is Role.ON]
    if freq != "monthly" and any(isinstance(f, Day) and f.month is None for f in day_facts):
        # `jeden Montag am 5.`: a day of the month fits no weekly rule; never dropped.
        raise ScheduleRefused(ScheduleError.CONFLICT)
    if facts.excepts:
        if freq != "daily":
            raise ScheduleRefused(ScheduleError.CONFLICT)
        excluded = {d for e in facts.excepts for d in e.weekdays}
        freq, rule["freq"] = "weekly", "weekly"
        merged = dataclasses.replace(
            merged, weekdays=tuple(d for d in range(7) if d not in excluded)
        )
    if freq in ("secondly",) or (freq == "minutely" and merged.interval < MIN_MINUTES):
        raise ScheduleRefused(ScheduleError.TOO_OFTEN)
    if freq == "weekly":
        days = sorted(set(merged.weekdays) | set(on_weekdays))
        rule["weekdays"] = days or [start.weekday()]
    elif on_weekdays and freq in ("daily", "hourly", "minutely") and not merged.weekdays:
        if freq != "daily" or len(day_facts) != len(on_weekdays):
            raise ScheduleRefused(ScheduleError.CONFLICT)
        # `alle 14 Tage am Montag` is every other Monday; `every 3 days on Monday` is no rule.
        if merged.interval % 7:
            raise ScheduleRefused(ScheduleError.CONFLICT)
        merged = dataclasses.replace(merged, interval=merged.interval // 7)
        rule = {"freq": "weekly", "weekdays": on_weekdays}
        freq = "weekly"
    elif freq == "monthly":
        ends = [f for f in day_facts if isinstance(f, MonthEnd)]
        nths = [f for f in day_facts if isinstance(f, NthWeekday)]
        numbered = [f for f in day_facts if isinstance(f, Day) and f.month is None]
        if merged.nth or nths:
            nth, weekday = merged.nth or (nths[0].nth, nths[0].weekday)
            rule.update(nth=nth, weekday=weekday)
        elif merged.day or ends or numbered:
            rule["day"] = merged.day or (-1 if ends else numbered[0].day)
        else:
            rule["day"] = start.day
        if on_weekdays:
            raise ScheduleRefused(ScheduleError.CONFLICT)
    elif freq == "yearly":
        dated = [f for f in day_facts if isinstance(f, Day) and f.month is not None]
        if merged.month:
            rule.update(month=merged.month, day=merged.day)
        elif dated:
            rule.update(month=dated[0].month, day=dated[0].day)
        else:
            rule.update(month=start.month, day=start.day)
        _valid(2024, rule["month"], rule["day"])
    if merged.interval > 1:
        rule["interval"] = merged.interval
    if freq in ("hourly", "minutely"):
        rule["interval"] = merged.interval
    return rule


def _anchored(rule: dict[str, Any], at: time, tz: str, after: datetime) -> dict[str, Any]:
    """An interval rule counts its periods from its first occurrence."""
    if rule.get("interval", 1) <= 1 or rule["freq"] in ("hourly", "minutely"):
        return rule
    single = {k: v for k, v in rule.items() if k != "interval"}
    first = next_occurrence(single, at, tz, after)
    if first is None:
        raise ScheduleRefused(ScheduleError.INVALID_DATE)
    return {**rule, "anchor": first.astimezone(ZoneInfo(tz)).date().isoformat()}


def _checked(schedule: Schedule, now: datetime) -> Schedule:
    if schedule.due_at <= now:
        raise ScheduleRefused(ScheduleError.PAST)
    if schedule.due_at - now > timedelta(days=MAX_AHEAD_DAYS):
        raise ScheduleRefused(ScheduleError.TOO_FAR)
    return schedule


def _assumed(clock: _Clock, at: time, said_day: bool) -> tuple[Assumption, ...]:
    if clock.assumption is not None:
        return (clock.assumption,)
    if clock.at is None and said_day:
        return (Assumption("no_time", "", at.strftime("%H:%M")),)
    return ()


def compose(found: list[Found], what: str, typed: str, now: datetime, tz: str) -> Schedule:
    """One schedule from the facts found in `typed`; raises ScheduleRefused or _Unsure."""
    facts = _sort(found)
    if facts.either:
        raise _Unsure(facts.either[0][1].span)
    zone = ZoneInfo(tz)
    local_now = now.astimezone(zone)
    today = local_now.date()
    clock = _clock(facts, typed)

    if facts.repeats:
        merged = _merge(facts.repeats)
        if facts.laters:
            raise ScheduleRefused(ScheduleError.CONFLICT)
        at = clock.at or DEFAULT_TIME
        start = _one_day(facts, (Role.FROM,), today, at, tz, now)
        on_days = [
            f
            for f, _ in facts.days
            if f.role is Role.ON
            and not isinstance(f, Weekday | MonthEnd | NthWeekday)
            and not (isinstance(f, Day) and (f.month is None or merged.freq == "yearly"))
        ]
        if start is None and on_days:
            start = _one_day(
                _Facts(
                    facts.times,
                    facts.parts,
                    [(f, i) for f, i in facts.days if f in on_days],
                    [],
                    [],
                    [],
                    [],
                ),
                (Role.ON,),
                today,
                at,
                tz,
                now,
            )
        until = _one_day(facts, (Role.UNTIL,), today, at, tz, now)
        begin = start or today
        rule = _rule(facts, merged, begin, now, tz, at)
        after = max(now, local_instant(start, time(0), tz)) if start else now
        if until is not None:
            rule["until"] = until.isoformat()
        if rule["freq"] in ("hourly", "minutely"):
            unit = timedelta(hours=1) if rule["freq"] == "hourly" else timedelta(minutes=1)
            first = now + unit * rule["interval"]
            if clock.at is not None:
                first = local_instant(begin, clock.at, tz)
                if first <= now:
                    first = local_instant(begin + timedelta(days=1), clock.at, tz)
            first = first.replace(microsecond=0)
            rule["anchor"] = first.strftime("%Y-%m-%dT%H:%M:%SZ")
            local = first.astimezone(zone).strftime("%H:%M")
            return _checked(Schedule(what, first, local, tz, rule, _assumed(clock, at, False)), now)
        rule = _anchored(rule, at, tz, after)
        due = (
            next_occurrence(rule, at, tz, after)
            if after == now
            else first_occurrence(rule, at, tz, after)
        )
        if due is None:
            raise ScheduleRefused(ScheduleError.INVALID_DATE)
        said_day = rule["freq"] != "daily" or clock.at is None
        return _checked(
            Schedule(what, due, at.strftime("%H:%M"), tz, rule, _assumed(clock, at, said_day)), now
        )

    if facts.laters:
        if len(facts.laters) > 1:
            raise ScheduleRefused(ScheduleError.CONFLICT)
        later = facts.laters[0][0]
        if later.exact:
            if facts.times or facts.days or facts.parts:
                raise ScheduleRefused(ScheduleError.CONFLICT)
            due = now + later.exact
            local = due.astimezone(zone).strftime("%H:%M")
            seconds = int(later.exact.total_seconds())
            return _checked(Schedule(what, due, local, tz, offset_seconds=seconds), now)
        if facts.days:
            raise ScheduleRefused(ScheduleError.CONFLICT)
        if later.months > 12 * 10:
            raise ScheduleRefused(ScheduleError.TOO_FAR)
        day = _add_months(today, later.months) + timedelta(days=later.days)
        at = clock.at or local_now.time().replace(second=0, microsecond=0)
        due = local_instant(day, at, tz)
        return _checked(
            Schedule(what, due, at.strftime("%H:%M"), tz, None, _assumed(clock, at, False)), now
        )

    if facts.days:
        starts = [item for f, item in facts.days if f.role is Role.FROM]
        if starts:
            # `розпорядження від 20 листопада` names a document's date as often as a start.
            raise _Unsure(starts[0].span)
        at = clock.at or DEFAULT_TIME
        on = _one_day(facts, (Role.ON, Role.FROM, Role.UNTIL), today, at, tz, now)
        assert on is not None
        due = local_instant(on, at, tz)
        return _checked(
            Schedule(what, due, at.strftime("%H:%M"), tz, None, _assumed(clock, at, True)), now
        )

    if clock.at is not None:
        due = local_instant(today, clock.at, tz)
        if due <= now:
            due = local_instant(today + timedelta(days=1), clock.at, tz)
        assumed = (clock.assumption,) if clock.assumption else ()
        return _checked(Schedule(what, due, clock.at.strftime("%H:%M"), tz, None, assumed), now)

    raise ScheduleRefused(ScheduleError.NO_WHEN)
