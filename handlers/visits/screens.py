"""The visit log's screens: pure functions from loaded data and a translator to the text and
the buttons."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.domain.sectors import sector_labels
from bot.domain.visits.model import DIRECTION_SHORT
from bot.i18n import Translator
from handlers.aid.buttons import LogVisit, Timeline
from handlers.aid.common import Names
from handlers.aid.screens import AID_HOME, Screen
from handlers.shared.screens import keyboard
from handlers.visits.buttons import (
    AddOutcomes,
    AskDeleteVisit,
    DeleteVisit,
    EditVisit,
    StopOutcomes,
    ViewVisit,
    VisitHistory,
)
from handlers.visits.render import days_text, people, visit_text
from storage.visits import Visit


def visit_card(t: Translator, visit: Visit, names: Names, note: str = "") -> Screen:
    _ = t._
    rows = [
        [(_("Edit"), EditVisit(visit.id).data()), (_("History"), VisitHistory(visit.id).data())],
        [
            (_("Add outcomes"), AddOutcomes(visit.id).data()),
            (_("Delete"), AskDeleteVisit(visit.id).data()),
        ],
        [(_("Timeline"), Timeline(None, 0).data()), (_("Aid and visits"), AID_HOME)],
    ]
    head = _("Visit №{id}", id=visit.id)
    if note:
        head = f"{note}\n\n{head}"
    return f"{head}\n\n{visit_text(t, visit, names)}", keyboard(rows)


def delete_question(t: Translator, visit_id: int) -> Screen:
    _ = t._
    text = _(
        "Delete visit №{id}? It disappears from the timeline and totals; its history is kept.",
        id=visit_id,
    )
    buttons = [(_("Delete"), DeleteVisit(visit_id).data()), (_("Back"), ViewVisit(visit_id).data())]
    return text, keyboard([buttons])


def saved_screen(t: Translator, reminders: int) -> Screen:
    _ = t._
    promise = t.ngettext(
        "I will send you {n} reminder about it.",
        "I will send you {n} reminders about it.",
        reminders,
    )
    text = _("Saved the visit.") + (f"\n{promise}" if reminders else "")
    markup = keyboard([[(_("Log visit"), LogVisit().data()), (_("Aid and visits"), AID_HOME)]])
    return text, markup


def outcomes_prompt(t: Translator, partner: str) -> Screen:
    text = t._(
        "What came out of the visit with {partner}? Type the outcomes: agreements,"
        " projects, next steps.",
        partner=partner,
    )
    return text, keyboard([[(t._("Cancel"), StopOutcomes().data())]])


def summary_text(t: Translator, values: Mapping[str, Any], partner: str) -> str:
    """The log visit form's summary."""
    _ = t._
    dash = "—"
    dates, size = values["dates"], values.get("size")
    sectors = ", ".join(sector_labels(values.get("sectors") or [], t)) or dash
    direction = DIRECTION_SHORT[values["direction"]]
    return "\n".join(
        [
            _("Visit: {kind}", kind=_(direction)),
            _("Partner: {partner}", partner=partner),
            _("Dates: {dates}", dates=days_text(t, dates["start"], dates["end"])),
            _("Delegation: {size}", size=people(t, size) if size else dash),
            _("Led by: {leader}", leader=values.get("leader") or dash),
            _("Sectors: {sectors}", sectors=sectors),
            _("Note: {note}", note=values.get("note") or dash),
        ]
    )
