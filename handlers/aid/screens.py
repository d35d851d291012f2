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
    AskRejectRecord,
    Chart,
    ConfirmRecord,
    DeleteRecord,
    DraftAct,
    EditRecord,
    ExportCsv,
    ExportXlsx,
    LogAid,
    LogVisit,
    MoveRecord,
    RecordHistory,
    RejectRecord,
    ShowTotals,
    Status,
    StopAct,
    Timeline,
    ViewRecord,
)
from handlers.aid.common import Names, joined, money
from handlers.aid.draft import currency_of, money_total
from handlers.aid.render import files_text, items_text, loose_day, record_text
from handlers.shared.navigation import HOME, GoTo, Place
from handlers.shared.screens import keyboard
from storage.aid import AidRecord, Rejection

# A side named in a record says it is not theirs.
NOT_OURS = N_("Not ours")

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
            [
                (_("Excel (.xlsx)"), ExportXlsx(None).data()),
                (_("Export CSV"), ExportCsv(None).data()),
            ],
            [(_("Chart"), Chart(None).data())],
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
    t: Translator,
    record: AidRecord,
    side: str,
    names: Names,
    note: str = "",
    viewer: int | None = None,
) -> Screen:
    """One record as its recipient or a donor sees it, with what that side may do next."""
    _ = t._
    # A donor never marks its own shipment received: the recipient confirms receipt.
    moves = [s for s in next_statuses(record.status) if side == "recipient" or s != "received"]
    rows = [[(_(MOVE_LABELS[s]), MoveRecord(record.id, cast(Status, s)).data())] for s in moves]
    answer: list[tuple[str, str]] = []
    if not record.confirmed_by(side):
        answer.append((_("Confirm"), ConfirmRecord(record.id).data()))
    if may_reject(record, side, viewer):
        answer.append((_(NOT_OURS), AskRejectRecord(record.id).data()))
    if answer:
        rows.append(answer)
    if record.confirmed_by_both:
        rows.append([(_("Handover act (.docx)"), DraftAct(record.id).data())])
    if side == "recipient":
        rows.append([(_("Add the handover act"), AddAct(record.id).data())])
    rows.append(
        [(_("Edit"), EditRecord(record.id).data()), (_("History"), RecordHistory(record.id).data())]
    )
    rows.append([(_("Delete"), AskDeleteRecord(record.id).data())])
    rows.append([(_("Timeline"), Timeline(None, 0).data()), (_("Aid and visits"), AID_HOME)])
    head = _("Record №{id}", id=record.number(viewer))
    if note:
        head = f"{note}\n\n{head}"
    body = record_text(t, record, names)
    extras = [
        (N_("Declaration No."), record.declaration),
        (N_("Intended use"), record.intended_use),
        (N_("People reached"), t.number(record.people_reached) if record.people_reached else None),
    ]
    lines = [f"{_(label)}: {shown}" for label, shown in extras if shown]
    lines.append(files_text(t, len(record.files)))
    lines += [rejection_line(t, r, names) for r in record.rejections]
    return f"{head}\n\n{body}\n" + "\n".join(lines), keyboard(rows)


def may_reject(record: AidRecord, side: str, viewer: int | None) -> bool:
    """A side the record names may reject it until it confirms; once per community."""
    return (
        side in record.named_sides()
        and not record.confirmed_by(side)
        and record.rejected_by(viewer) is None
    )


def rejection_line(t: Translator, rejection: Rejection, names: Names) -> str:
    community = joined(names, [rejection.community_id])
    if rejection.reason:
        return t._(
            "Rejected by {community}: {reason}", community=community, reason=rejection.reason
        )
    return t._("Rejected by {community} (no reason given).", community=community)


def reject_question(t: Translator, record: AidRecord, names: Names, viewer: int) -> Screen:
    """Asked before rejecting: what it does, and a reason to type or to skip."""
    _ = t._
    author = record.donors if record.recipient_id == viewer else (record.recipient_id,)
    text = _(
        "Reject record №{number} as not yours? It disappears from the log, totals and exports"
        " of {community}; {author} is told.\n\nType the reason in one line, or reject"
        " without a reason.",
        number=record.number(viewer),
        community=joined(names, [viewer]),
        author=joined(names, author),
    )
    rows = [
        [(_("Reject without reason"), RejectRecord(record.id).data())],
        [(_("Back"), ViewRecord(record.id).data())],
    ]
    return f"{text}\n\n{record_text(t, record, names)}", keyboard(rows)


def rejected_screen(t: Translator, number: int, community: str) -> Screen:
    text = t._(
        "Record №{number} rejected. It no longer appears for {community}; its author is told.",
        number=number,
        community=community,
    )
    return text, keyboard([[(t._("Aid and visits"), AID_HOME)]])


def rejected_copy(
    t: Translator, record: AidRecord, names: Names, viewer: int | None, who: str
) -> str:
    """A request another member answered by rejecting: who, and the record, without buttons."""
    community = joined(names, [viewer]) if viewer is not None else ""
    head = t._(
        "Record №{number}: {name} rejected it for {community}.",
        number=record.number(viewer),
        name=who,
        community=community,
    )
    return f"{head}\n\n{record_text(t, record, names)}"


def rejection_notice(
    t: Translator, record: AidRecord, names: Names, viewer: int | None, by: int
) -> Screen:
    """The author's side hears that a community it named rejected the record."""
    _ = t._
    head = _(
        "{community} rejected record №{number}: it is not theirs. It stays in your log, marked,"
        " and counts for them nowhere. Edit it if something was wrong (they are asked again),"
        " or delete it.",
        community=joined(names, [by]),
        number=record.number(viewer),
    )
    rejection = record.rejected_by(by)
    reason = f"\n{rejection_line(t, rejection, names)}" if rejection else ""
    rows = [
        [
            (_("Edit"), EditRecord(record.id).data()),
            (_("Delete"), AskDeleteRecord(record.id).data()),
        ]
    ]
    return f"{head}{reason}\n\n{record_text(t, record, names)}", keyboard(rows)


def delete_question(t: Translator, record_id: int, number: int) -> Screen:
    _ = t._
    return (
        _(
            "Delete record №{id}? It disappears from lists and totals; its history is kept.",
            id=number,
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


def saved_screen(t: Translator, number: int, created: bool) -> Screen:
    _ = t._
    text = _("Saved as record №{id}.", id=number)
    if created:
        text += "\n" + _("The other side is asked to confirm it.")
    return text, keyboard([[(_("Log aid"), LogAid().data()), (_("Aid and visits"), AID_HOME)]])


def confirmed_screen(
    t: Translator, record: AidRecord, side: str, names: Names, viewer: int | None = None
) -> Screen:
    _ = t._
    head = _("Record №{id}", id=record.number(viewer))
    text = _("Confirmed. Thank you.") + f"\n\n{head}\n" + record_text(t, record, names)
    rows = [[(_("Aid and visits"), AID_HOME)]]
    if side == "recipient":
        rows.insert(0, [(_("Add the handover act"), AddAct(record.id).data())])
    if record.confirmed_by_both:
        rows.insert(0, [(_("Handover act (.docx)"), DraftAct(record.id).data())])
    return text, keyboard(rows)


def confirm_request(
    t: Translator, record: AidRecord, names: Names, viewer: int, *, changed: bool = False
) -> Screen:
    """What a side that has not confirmed gets: the record and a button to confirm it."""
    asks_recipient = record.recipient_confirmed_by is None
    author = record.donors[0] if asks_recipient else record.recipient_id
    number = record.number(viewer)
    if changed:
        label = N_("Confirm receipt") if asks_recipient else N_("Confirm")
        intro = N_("{community} changed record №{number}. Please confirm it again:")
    elif asks_recipient:
        label = N_("Confirm receipt")
        intro = N_(
            "{community} logged aid for your community (record №{number}). Please confirm when"
            " it arrives:"
        )
    else:
        label = N_("Confirm")
        intro = N_(
            "{community} logged aid from your municipality (record №{number}). Please confirm"
            " that it is right:"
        )
    text = (
        t._(intro, community=joined(names, [author]), number=number)
        + "\n\n"
        + record_text(t, record, names)
    )
    rows = [[(t._(label), ConfirmRecord(record.id).data())]]
    asked = "recipient" if asks_recipient else "donor"
    if may_reject(record, asked, viewer):
        rows.append([(t._(NOT_OURS), AskRejectRecord(record.id).data())])
    return text, keyboard(rows)


def settled_copy(
    t: Translator, record: AidRecord, names: Names, viewer: int | None, who: str
) -> str:
    """A request another member answered: who confirmed, and the record, without the button."""
    head = t._("Record №{number}: {name} confirmed it.", number=record.number(viewer), name=who)
    return f"{head}\n\n{record_text(t, record, names)}"


def deleted_notice(t: Translator, record: AidRecord, names: Names, viewer: int, side: str) -> str:
    """The side that had confirmed a record hears that the other side deleted it."""
    by = record.recipient_id if side == "recipient" else record.donors[0]
    head = t._(
        "{community} deleted record №{number}, which you had confirmed. Its history is kept.",
        community=joined(names, [by]),
        number=record.number(viewer),
    )
    return f"{head}\n\n{record_text(t, record, names)}"


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
    """The log aid form's summary: the draft as the saved record will read, and what Edit
    can add."""
    _ = t._
    dash = "—"
    others = joined(names, values.get("partners") or [])
    donors, recipient = (
        (others, names.get(own, "")) if side == "recipient" else (names.get(own, ""), others)
    )
    total = money_total(dict(values))
    kind, status = KINDS[values["kind"]], STATUSES[values["status"]]
    items = values.get("items") or []
    lines = [
        _("From: {donors}", donors=donors),
        _("To: {recipient}", recipient=recipient),
        _("What: {kind}", kind=_(kind)),
        _("Sector: {sector}", sector=sector_label(values["sector"], t)),
        _("Items: {items}", items=items_text(t, items, currency_of(dict(values)))),
        _("Value: {value}", value=value_line(t, total) if total else dash),
        _("Status: {status}", status=_(status)),
        _("Date: {date}", date=loose_day(t, values["date"])),
    ]
    extras = [
        (N_("Facility"), values.get("facility")),
        (N_("Declaration No."), values.get("declaration")),
        (N_("Intended use"), values.get("use")),
        (N_("People reached"), t.number(values["people"]) if values.get("people") else None),
    ]
    lines += [f"{_(label)}: {shown}" for label, shown in extras if shown]
    lines.append(files_text(t, len(values.get("files") or [])))
    if not all(shown for _label, shown in extras):
        lines += [
            "",
            _(
                "Edit adds the facility, the declaration number, the intended use, the people"
                " reached or files."
            ),
        ]
    return "\n".join(lines)


def value_line(t: Translator, value: Mapping[str, Any]) -> str:
    if not value:
        return ""
    shown = money(t, to_minor(Decimal(value["value"])), value.get("currency"))
    return f"≈\u00a0{shown}" if value.get("approx") else shown
