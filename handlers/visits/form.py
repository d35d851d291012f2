"""The log visit form, declared: incoming, outgoing or online; the partner; the dates; the
delegation and who leads it; the sectors; a note on its purpose."""

from __future__ import annotations

from typing import Any

from bot.domain.parsing.dates import DateError, parse_date_range
from bot.domain.parsing.text import check_name, check_text
from bot.domain.sectors import SECTORS
from bot.domain.visits.model import DIRECTIONS
from bot.i18n import N_
from handlers.aid.answers import date_problem, text_field
from handlers.aid.common import today
from handlers.shared.forms import Field, Option, Refusal, Step, labelled
from handlers.visits.render import days_text, people

NOTE_LIMIT = 1000
LEADER_LIMIT = 200
MAX_DELEGATION = 10_000


def _dates(text: str, step: Step) -> Any:
    try:
        start, end = parse_date_range(text, today=today(step.context))
    except DateError as error:
        return Refusal(date_problem(step.context, error.code))
    return {"start": start.isoformat(), "end": end.isoformat()}


def _size(text: str, step: Step) -> Any:
    text = text.strip()
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= MAX_DELEGATION:
        return Refusal(step._("Please type the number of people, e.g. 5."))
    return int(text)


def fields(partner: Field) -> tuple[Field, ...]:
    """The form's fields around `partner`, the picker's field."""
    return (
        Field(
            "direction",
            N_("Kind of visit"),
            prompt=lambda s: s._("What kind of visit?"),
            options=labelled(DIRECTIONS),
            width=1,
        ),
        partner,
        Field(
            "dates",
            N_("Dates"),
            prompt=lambda s: s._(
                "When? Type one date or a range, e.g. 12.06.2026 or 12.06.2026–15.06.2026."
            ),
            parse=_dates,
            show=lambda v, s: days_text(s.context.t, v["start"], v["end"]),
        ),
        Field(
            "size",
            N_("Delegation"),
            prompt=lambda s: s._("How many people are in the delegation? Type a number."),
            parse=_size,
            optional=True,
            show=lambda v, s: people(s.context.t, v) if v else "",
        ),
        text_field(
            "leader",
            N_("Leader"),
            N_("Who leads the delegation? E.g. Mayor Ihor Sapozhko."),
            check_name,
            LEADER_LIMIT,
            optional=True,
        ),
        Field(
            "sectors",
            N_("Sectors"),
            prompt=lambda s: s._(
                "What is the visit about? Choose one or more sectors, then press Next."
            ),
            options=lambda s: [Option(x.code, s._(x.label)) for x in SECTORS],
            multi=True,
        ),
        text_field(
            "note",
            N_("Note"),
            N_("Add a note about its purpose, e.g. “energy, housing and economic development”."),
            check_text,
            NOTE_LIMIT,
            optional=True,
        ),
    )
