"""The aid log's screens: pure functions from loaded data and a translator to the text and
the buttons. Handlers load the record, the names of its sides and the presser's side, then
show what these return; tests call them without the Application.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

from telegram import InlineKeyboardMarkup

from bot.domain.aid.model import KINDS, STATUSES, next_statuses, to_minor
from bot.domain.sectors import sector_label
from bot.i18n import N_, Translator
from handlers.aid.buttons import (
    AddAct,
    AskDeleteRecord,
    Chart,
    ConfirmRecord,
    DeleteRecord,
    EditRecord,
    ExportCsv,
    LogAid,
    LogVisit,
    MoveRecord,
    RecordHistory,
    ShowTotals,
    Status,
    StopAct,
    Timeline,
    ViewRecord,
)
from handlers.aid.common import Names, format_day, joined, money
from handlers.aid.render import files_text, quantity_text, record_text
from handlers.shared.navigation import HOME, GoTo, Place
from handlers.shared.screens import keyboard
from storage.aid import AidRecord

Screen = tuple[str, InlineKeyboardMarkup]
# The main menu and the aid and visits home belong to the menu, which has not declared them.
MAIN_MENU, AID_HOME = HOME.data(), GoTo(Place.AID).data()

MOVE_LABELS = {
    "pledged": N_("Mark as pledged"),
    "shipped": N_("Mark as shipped"),
    "received": N_("Mark as received"),
}


def home_markup(t: Translator) -> InlineKeyboardMarkup:
    _ = t._
    return keyboard(
        [
            [(_("Log aid"), LogAid().data()), (_("Log visit"), LogVisit().data())],
            [(_("Timeline"), Timeline(None, 0).data()), (_("Totals"), ShowTotals(None).data())],
            [(_("Export CSV"), ExportCsv(None).data()), (_("Chart"), Chart(None).data())],
            [(_("Main menu"), MAIN_MENU)],
        ]
    )


def home_screen(t: Translator, community: str, records: int) -> Screen:
    text = t._(
        "Aid and visits — {community}\n\nRecord what arrives and who comes, confirm it with"
        " your partners, see totals, export a table or a chart for the council.",
        community=community,
    )
    text += "\n" + t.ngettext("{n} aid record so far.", "{n} aid records so far.", records)
    return text, home_markup(t)


def no_community_screen(t: Translator) -> Screen:
    return (
        t._(
            "Only people approved to act for a community can keep its aid log. Send /start to"
            " choose your community."
        ),
        keyboard([[(t._("Main menu"), MAIN_MENU)]]),
    )


def record_card(
    t: Translator, record: AidRecord, side: str, names: Names, note: str = ""
) -> Screen:
    """One record as its recipient or a donor sees it, with what that side may do next."""
    _ = t._
    rows = [
        [(_(MOVE_LABELS[s]), MoveRecord(record.id, cast(Status, s)).data())]
        for s in next_statuses(record.status)
    ]
    if (side == "recipient" and record.recipient_confirmed_by is None) or (
        side == "donor" and record.donor_confirmed_by is None
    ):
        rows.append([(_("Confirm"), ConfirmRecord(record.id).data())])
    if side == "recipient":
        rows.append([(_("Add the handover act"), AddAct(record.id).data())])
    rows.append(
        [(_("Edit"), EditRecord(record.id).data()), (_("History"), RecordHistory(record.id).data())]
    )
    rows.append([(_("Delete"), AskDeleteRecord(record.id).data())])
    rows.append([(_("Timeline"), Timeline(None, 0).data()), (_("Aid and visits"), AID_HOME)])
    head = _("Record №{id}", id=record.id)
    if note:
        head = f"{note}\n\n{head}"
    body = record_text(t, record, names)
    return f"{head}\n\n{body}\n{files_text(t, len(record.files))}", keyboard(rows)


def delete_question(t: Translator, record_id: int) -> Screen:
    _ = t._
    return (
        _(
            "Delete record №{id}? It disappears from lists and totals; its history is kept.",
            id=record_id,
        ),
        keyboard(
            [
                [
                    (_("Delete"), DeleteRecord(record_id).data()),
                    (_("Back"), ViewRecord(record_id).data()),
                ]
            ]
        ),
    )


def saved_screen(t: Translator, record_id: int, created: bool) -> Screen:
    _ = t._
    text = _("Saved as record №{id}.", id=record_id)
    if created:
        text += "\n" + _("The other side is asked to confirm it.")
    return text, keyboard([[(_("Log aid"), LogAid().data()), (_("Aid and visits"), AID_HOME)]])


def confirmed_screen(t: Translator, record: AidRecord, side: str, names: Names) -> Screen:
    _ = t._
    text = _("Confirmed. Thank you.") + "\n\n" + record_text(t, record, names)
    rows = [[(_("Aid and visits"), AID_HOME)]]
    if side == "recipient":
        rows.insert(0, [(_("Add the handover act"), AddAct(record.id).data())])
    return text, keyboard(rows)


def confirm_request(t: Translator, record: AidRecord, names: Names) -> Screen:
    """What the side that did not write the record gets: the record and a button to confirm."""
    author_side = record.donors[0] if record.recipient_confirmed_by is None else record.recipient_id
    if record.recipient_confirmed_by is None:
        label = N_("Confirm receipt")
        intro = N_("{community} logged aid for your community. Please confirm when it arrives:")
    else:
        label = N_("Confirm")
        intro = N_(
            "{community} logged aid from your municipality. Please confirm that it is right:"
        )
    text = (
        t._(intro, community=joined(names, [author_side])) + "\n\n" + record_text(t, record, names)
    )
    return text, keyboard([[(t._(label), ConfirmRecord(record.id).data())]])


def act_prompt(t: Translator, record_id: int) -> Screen:
    return (
        t._("Send photos or a scan of the handover act for record №{id}.", id=record_id),
        keyboard([[(t._("Cancel"), StopAct().data())]]),
    )


def act_added(t: Translator, record_id: int, files: int) -> Screen:
    note = t.ngettext("{n} file attached.", "{n} files attached.", files)
    return (
        note + " " + t._("Send more, or press Done."),
        keyboard([[(t._("Done"), ViewRecord(record_id).data())]]),
    )


def summary_text(
    t: Translator, values: Mapping[str, Any], side: str, own: int, names: Names
) -> str:
    """The log aid form's summary: the draft as the saved record will read."""
    _ = t._
    dash = "—"
    others = joined(names, values.get("partners") or [])
    donors, recipient = (
        (others, names.get(own, "")) if side == "recipient" else (names.get(own, ""), others)
    )
    quantity, value = values.get("quantity"), values.get("value")
    kind, status = KINDS[values["kind"]], STATUSES[values["status"]]
    lines = [
        _("From: {donors}", donors=donors),
        _("To: {recipient}", recipient=recipient),
        _("What: {kind}", kind=_(kind)),
        _("Sector: {sector}", sector=sector_label(values["sector"], t)),
        _("Description: {text}", text=values["description"]),
        _("Quantity: {quantity}", quantity=quantity_line(t, quantity) if quantity else dash),
        _("Value: {value}", value=value_line(t, value) if value else dash),
        _("Status: {status}", status=_(status)),
        _("Date: {date}", date=format_day(t, values["date"])),
        _("Facility: {facility}", facility=values.get("facility") or dash),
        files_text(t, len(values.get("files") or [])),
    ]
    return "\n".join(lines)


def quantity_line(t: Translator, quantity: Mapping[str, Any]) -> str:
    return quantity_text(t, quantity["value"], quantity.get("unit"))


def value_line(t: Translator, value: Mapping[str, Any]) -> str:
    return money(t, to_minor(Decimal(value["value"])), value.get("currency"))
