"""Saved aid records: one record's card, moving its status, its history, editing it
through the log flow's summary, adding the handover act, and deleting it (history kept).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from telegram import Update
from telegram.ext import (
    ConversationHandler,
)

from bot.aid import can_move, from_minor, next_statuses, to_minor
from bot.context import BotContext
from bot.i18n import N_
from handlers.aid.common import (
    data_parts,
    drop_draft,
)
from handlers.aid.confirm import side_of
from handlers.aid.history import show_history as history_screen
from handlers.aid.home import home_markup
from handlers.aid.log import (
    FLOW,
    ask_summary,
    draft_of,
    draft_parties,
    refuse_stale_draft,
    steps,
)
from handlers.aid.render import files_text, record_text
from handlers.shared.screens import Button, button_int, keyboard, show, toast
from storage.aid import AidRecord

ACT = "act"


MOVE_LABELS = {
    "pledged": N_("Mark as pledged"),
    "shipped": N_("Mark as shipped"),
    "received": N_("Mark as received"),
}


FIELD_LABELS = {
    "donors": N_("Partners"),
    "kind": N_("Kind"),
    "sector": N_("Sector"),
    "description": N_("Description"),
    "quantity": N_("Quantity"),
    "unit": N_("Unit"),
    "value_minor": N_("Value"),
    "currency": N_("Currency"),
    "aid_date": N_("Date"),
    "facility": N_("Facility"),
    "status": N_("Status"),
    "files": N_("Files"),
}


async def view_record(
    update: Update, context: BotContext, record: AidRecord | None = None, note: str = ""
) -> None:
    _ = context._
    if record is None:
        parts = data_parts(update)
        aid_id = button_int(parts[2] if len(parts) > 2 else None)
        if aid_id is None:
            await toast(update, _("That button is no longer active."))
            return
        record = await context.repos.aid.get(aid_id)
    side = await side_of(context, record) if record is not None else None
    if record is None or record.deleted or side is None:
        await toast(update, _("This record no longer exists."))
        return
    rows: list[list[Button]] = [
        [(_(MOVE_LABELS[s]), f"ai:mv:{record.id}:{s}")] for s in next_statuses(record.status)
    ]
    if (side == "recipient" and record.recipient_confirmed_by is None) or (
        side == "donor" and record.donor_confirmed_by is None
    ):
        rows.append([(_("Confirm"), f"ai:cf:{record.id}")])
    if side == "recipient":
        rows.append([(_("Add the handover act"), f"ai:act:{record.id}")])
    rows.append([(_("Edit"), f"ai:ed:{record.id}"), (_("History"), f"ai:h:{record.id}")])
    rows.append([(_("Delete"), f"ai:del:{record.id}")])
    rows.append([(_("Timeline"), "ai:tl:0:0"), (_("Aid and visits"), "menu:aid")])
    head = _("Record №{id}", id=record.id)
    if note:
        head = f"{note}\n\n{head}"
    files = files_text(context.t, len(record.files))
    await show(
        update,
        context,
        f"{head}\n\n{await record_text(context, record, context.t)}\n{files}",
        keyboard(rows),
    )


async def record_of(
    update: Update, context: BotContext, *, live: bool = True
) -> tuple[AidRecord, str] | None:
    """`ai:<action>:<id>`: the record and the presser's side of it, if their community has one.

    With `live`, a deleted record counts as gone; history and a second delete still see it.
    """
    parts = data_parts(update)
    raw = parts[2] if len(parts) > 2 else ""
    aid_id = button_int(raw)
    record = await context.repos.aid.get(aid_id) if aid_id is not None else None
    side = await side_of(context, record) if record is not None else None
    if record is None or side is None or (live and record.deleted):
        await toast(update, context._("This record no longer exists."))
        return None
    return record, side


async def move_record(update: Update, context: BotContext) -> None:
    assert context.account is not None
    found = await record_of(update, context, live=False)
    if found is None:
        return
    record = found[0]
    moved = await context.repos.aid.move(record.id, context.account.id, data_parts(update)[3])
    if moved is None:
        await toast(update, context._("The status has already changed."))
        moved = await context.repos.aid.get(record.id)
    await view_record(update, context, moved)


async def show_history(update: Update, context: BotContext) -> None:
    found = await record_of(update, context, live=False)
    if found is None:
        return
    record = found[0]
    await history_screen(
        update,
        context,
        context._("History of record №{id}", id=record.id),
        await context.repos.aid.history(record.id),
        FIELD_LABELS,
        f"ai:r:{record.id}",
        lambda name, v: from_minor(v) if name == "value_minor" and v else v,
    )


async def ask_delete(update: Update, context: BotContext) -> None:
    _ = context._
    found = await record_of(update, context)
    if found is None:
        return
    record = found[0]
    await show(
        update,
        context,
        _(
            "Delete record №{id}? It disappears from lists and totals; its history is kept.",
            id=record.id,
        ),
        keyboard([[(_("Delete"), f"ai:dl:{record.id}"), (_("Back"), f"ai:r:{record.id}")]]),
    )


async def delete_record(update: Update, context: BotContext) -> None:
    assert context.account is not None
    _ = context._
    found = await record_of(update, context, live=False)
    if found is None:
        return
    record = found[0]
    if not await context.repos.aid.delete(record.id, context.account.id):
        # A second tap: the screen already says it was deleted.
        await toast(update, _("Record №{id} has been deleted.", id=record.id))
        return
    await show(update, context, _("Record №{id} deleted.", id=record.id), home_markup(context))


async def edit_saved(update: Update, context: BotContext) -> object:
    """`ai:ed:<id>`: the saved record comes back as a draft, straight to its summary."""
    found = await record_of(update, context)
    if found is None or context.community_id is None:
        return ConversationHandler.END
    record, side = found
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    drop_draft(context, FLOW)
    draft_of(context).update(
        record_id=record.id,
        community=context.community_id,
        own_kind=community.kind,
        side=side,
        partners=list(record.donors) if side == "recipient" else [record.recipient_id],
        kind=record.kind,
        sector=record.sector,
        description=record.description,
        quantity=record.quantity,
        unit=record.unit,
        value=str(from_minor(record.value_minor)) if record.value_minor else None,
        currency=record.currency,
        status=record.status,
        date=record.aid_date,
        facility=record.facility,
        files=list(record.files),
    )
    return await ask_summary(update, context)


async def save_changes(update: Update, context: BotContext) -> object:
    """Confirm on the summary of a saved record: changed fields, the old values in history."""
    assert context.account is not None
    _ = context._
    if await refuse_stale_draft(update, context):
        return ConversationHandler.END
    d = draft_of(context)
    _recipient, donors, partnership_id = await draft_parties(context, d)
    record = await context.repos.aid.get(d["record_id"])
    if record is None or record.deleted:
        return await steps.end(update, context, _("This record no longer exists."))
    if d["status"] != record.status and not can_move(record.status, d["status"]):
        d["status"] = record.status
        await toast(update, _("Aid moves only forward: pledged, shipped, received."))
        return await ask_summary(update, context)
    values: dict[str, Any] = {
        "kind": d["kind"],
        "sector": d["sector"],
        "description": d["description"],
        "quantity": d.get("quantity"),
        "unit": d.get("unit"),
        "value_minor": to_minor(Decimal(d["value"])) if d.get("value") else None,
        "currency": d.get("currency"),
        "status": d["status"],
        "aid_date": d["date"],
        "facility": d.get("facility"),
        "files": tuple(d.get("files") or ()),
        "partnership_id": partnership_id,
    }
    if d["side"] == "recipient":
        values["donors"] = donors
    updated = await context.repos.aid.update(record.id, context.account.id, **values)
    drop_draft(context, FLOW)
    assert updated is not None
    await view_record(
        update, context, updated, _("Changes saved; the history keeps the old values.")
    )
    return ConversationHandler.END


async def ask_act(update: Update, context: BotContext) -> object:
    """`ai:act:<id>`: photos or a scan of the handover act, added to a confirmed record."""
    found = await record_of(update, context)
    if found is None:
        return ConversationHandler.END
    record = found[0]
    drop_draft(context, FLOW)
    draft_of(context)["act_for"] = record.id
    await show(
        update,
        context,
        context._("Send photos or a scan of the handover act for record №{id}.", id=record.id),
        keyboard([[(context._("Cancel"), "ai:x")]]),
    )
    return ACT


async def take_act(update: Update, context: BotContext) -> object:
    assert context.account is not None and update.message is not None
    message = update.message
    aid_id = draft_of(context).get("act_for")
    record = await context.repos.aid.get(aid_id) if aid_id else None
    if record is None or await side_of(context, record) is None:
        drop_draft(context, FLOW)
        await show(update, context, context._("This record no longer exists."))
        return ConversationHandler.END
    if message.photo:
        added = {"id": message.photo[-1].file_id, "type": "photo"}
    else:
        assert message.document is not None
        added = {"id": message.document.file_id, "type": "document"}
    await context.repos.aid.add_files(record.id, context.account.id, [added])
    updated = await context.repos.aid.get(record.id)
    assert updated is not None
    note = context.ngettext("{n} file attached.", "{n} files attached.", len(updated.files))
    await show(
        update,
        context,
        note + " " + context._("Send more, or press Done."),
        keyboard([[(context._("Done"), f"ai:r:{record.id}")]]),
    )
    return ACT


async def act_done(update: Update, context: BotContext) -> int:
    drop_draft(context, FLOW)
    await view_record(update, context)
    return ConversationHandler.END
