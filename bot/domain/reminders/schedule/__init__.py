"""Reminders in people's own words: what to remind about and when, in Ukrainian (Russian and
surzhyk too), English, German or Polish.

`parse_schedule("щопонеділка о 10:00 нарада з Єною", now=..., tz="Europe/Kyiv")`, and as well
`jeden Montag um 10 Uhr Besprechung mit Jena` or `w każdy poniedziałek o 10:00 spotkanie z
Jeną`, finds the parts that say when (a day, a date, a time, an amount of time, a
repetition), takes them out, and what remains is what to remind about. One grammar reads all
four languages: their words share the lexicon's tags, and a phrase may mix them.

Never silently wrong: a phrase is accepted only when every word in it that looks like a
time, date, amount of time or repetition was understood and used. Anything time-like left
over raises `ScheduleUnsure`, naming it, with what was understood; it never ends up in the
reminder's text.

A grammar of its own rather than dateparser: dateparser (tried with uk and en) misses
`в понеділок`, `через тиждень` and every `щопонеділка`, reads a lone `5` as a date in May,
and cannot tell the "when" of a sentence from the "what".
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import TYPE_CHECKING

from bot.domain.reminders.schedule.outcome import (
    Assumption,
    Schedule,
    ScheduleError,
    ScheduleRefused,
    ScheduleUnsure,
)

if TYPE_CHECKING:
    from bot.domain.reminders.schedule.facts import Found

__all__ = [
    "MAX_INPUT",
    "Assumption",
    "Schedule",
    "ScheduleError",
    "ScheduleRefused",
    "ScheduleUnsure",
    "parse_schedule",
]

MAX_INPUT = 500


def _alternatives(
    found: list[Found], what: str, text: str, now: datetime, tz: str
) -> tuple[Schedule, ...]:
    """For `12/05`: one schedule for each day it could be."""
    from bot.domain.reminders.schedule.compose import _Unsure, compose
    from bot.domain.reminders.schedule.facts import EitherDay

    for index, item in enumerate(found):
        either = next((f for f in item.facts if isinstance(f, EitherDay)), None)
        if either is None:
            continue
        options = []
        for day in either.days:
            replaced = dataclasses.replace(
                item, facts=tuple(day if f is either else f for f in item.facts)
            )
            try:
                options.append(
                    compose([*found[:index], replaced, *found[index + 1 :]], what, text, now, tz)
                )
            except (ScheduleRefused, _Unsure):
                continue
        return tuple(options)
    return ()


def parse_schedule(text: str, *, now: datetime, tz: str) -> Schedule:
    """What and when from one message; raises `ScheduleRefused` (or `ScheduleUnsure`)."""
    # The grammar (its lexicon in four languages) loads with the first phrase read, not at
    # every start of the bot.
    from bot.domain.reminders.schedule.compose import _Unsure, compose
    from bot.domain.reminders.schedule.facts import Refusal
    from bot.domain.reminders.schedule.reader import read, remaining_text

    if not text.strip():
        raise ScheduleRefused(ScheduleError.EMPTY)
    if len(text) > MAX_INPUT:
        raise ScheduleRefused(ScheduleError.TOO_LONG)
    reading = read(text)
    tokens = reading.tokens
    unsure = [(tokens[a].start, tokens[b - 1].end) for a, b in reading.unsure]
    understood = [item.span for item in reading.found]
    what = remaining_text(text, understood + unsure)
    stated = next(
        (
            f
            for item in reading.found
            for f in item.facts
            if isinstance(f, Refusal) and f.code is not ScheduleError.UNSURE
        ),
        None,
    )
    if stated is not None:
        raise ScheduleRefused(stated.code)
    try:
        schedule = compose(reading.found, what, text, now, tz)
    except _Unsure as problem:
        unsure.append(problem.span)
        usable = [item for item in reading.found if item.span != problem.span]
        alternatives = _alternatives(reading.found, what, text, now, tz)
        try:
            partial = compose(usable, what, text, now, tz) if usable else None
        except (ScheduleRefused, _Unsure):
            partial = None
        raise ScheduleUnsure(_named(text, unsure), what, partial, alternatives) from None
    except ScheduleRefused:
        if unsure:
            raise ScheduleUnsure(_named(text, unsure), what) from None
        raise
    if unsure:
        raise ScheduleUnsure(_named(text, unsure), what, schedule)
    return schedule


def _named(text: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    return tuple(text[a:b] for a, b in sorted(set(spans)))
