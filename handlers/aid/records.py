"""Saved aid records: one record's card, moving its status, its history, adding the handover
act, and deleting it (history kept). Whoever presses must act for the recipient or a donor,
checked on every press; editing a record reopens the log aid form (see `log`).
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.aid.model import from_minor
from bot.i18n import N_
from handlers.aid.buttons import (
    AddAct,
    AskDeleteRecord,
    DeleteRecord,
    MoveRecord,
    RecordHistory,
    ViewRecord,
)
from handlers.aid.common import names_of
from handlers.aid.confirm import tell_deleted, viewer_of
from handlers.aid.history import show_history
from handlers.aid.screens import act_added, act_prompt, delete_question, home_markup, record_card
from handlers.shared.screens import show, toast
from storage.aid import AidRecord

ACT = "act"
ACT_DRAFT = "flow:aid_act"

FIELD_LABELS = {
    "donors": N_("Partners"),
    "kind": N_("Kind"),
    "sector": N_("Sector"),
    "items": N_("Items"),
    "description": N_("Description"),
    "quantity": N_("Quantity"),
    "unit": N_("Unit"),
    "value_minor": N_("Value"),
    "currency": N_("Currency"),
    "aid_date": N_("Date"),
    "facility": N_("Facility"),
    "status": N_("Status"),
    "files": N_("Files"),
    "date_precision": N_("Date"),
    "value_approximate": N_("Approximate value"),
    "declaration": N_("Declaration No."),
    "intended_use": N_("Intended use"),
    "people_reached": N_("People reached"),
    "reason": N_("Reason"),
}


async def record_of(
    update: Update, context: BotContext, record_id: int, *, live: bool = True
) -> tuple[AidRecord, str] | None:
    """The record and the presser's side of it, if their community has one.

    With `live`, a deleted record counts as gone; history and a second delete still see it.
    """
    record = await context.repos.aid.get(record_id)
    found = await viewer_of(context, record) if record is not None else None
    if record is None or found is None or (live and record.deleted):
        await toast(update, context._("This record no longer exists."))
        return None
    return record, found[0]


async def show_record(
    update: Update, context: BotContext, record: AidRecord, note: str = ""
) -> None:
    found = await viewer_of(context, record)
    if record.deleted or found is None:
        await toast(update, context._("This record no longer exists."))
        return
    side, viewer = found
    if record.rejected_by(viewer) is not None:
        await toast(update, context._("Your community rejected this record as not yours."))
        return
    names = await names_of(context, [record.recipient_id, *record.donors], context.lang)
    await show(update, context, *record_card(context.t, record, side, names, note, viewer))


async def view(update: Update, context: BotContext, press: ViewRecord) -> None:
    record = await context.repos.aid.get(press.record)
    if record is None:
        await toast(update, context._("This record no longer exists."))
        return
    await show_record(update, context, record)


async def move(update: Update, context: BotContext, press: MoveRecord) -> None:
    assert context.account is not None
    found = await record_of(update, context, press.record, live=False)
    if found is None:
        return
    record, side = found
    if side == "donor" and press.status == "received":
        # Receipt is the recipient's to confirm.
        await toast(update, context._("Only the recipient can confirm receipt."))
        return
    moved = await context.repos.aid.move(record.id, context.account.id, press.status)
    if moved is None:
        await toast(update, context._("The status has already changed."))
        moved = await context.repos.aid.get(record.id)
    assert moved is not None
    await show_record(update, context, moved)


async def history(update: Update, context: BotContext, press: RecordHistory) -> None:
    found = await record_of(update, context, press.record, live=False)
    if found is None:
        return
    record_id = found[0].id
    viewer = await viewer_of(context, found[0])
    number = found[0].number(viewer[1] if viewer else None)
    title = context._("History of record №{id}", id=number)
    entries = await context.repos.aid.history(record_id)
    back = ViewRecord(record_id).data()
    await show_history(update, context, title, entries, FIELD_LABELS, back, readable)


def readable(name: str, value: Any) -> object:
    if name == "value_minor" and value:
        return from_minor(value)
    if name == "items" and isinstance(value, list):
        return "; ".join(_item(item) for item in value if isinstance(item, dict))
    return value


def _item(item: dict[str, Any]) -> str:
    """An item as the history shows it: "Generator 2 pcs 2400.00"."""
    parts = [str(item.get("name", ""))]
    if item.get("quantity"):
        parts.append(f"{item['quantity']} {item.get('unit') or ''}".strip())
    if item.get("value_minor"):
        parts.append(str(from_minor(item["value_minor"])))
    return " ".join(parts)


async def ask_delete(update: Update, context: BotContext, press: AskDeleteRecord) -> None:
    found = await record_of(update, context, press.record)
    if found is not None:
        viewer = await viewer_of(context, found[0])
        number = found[0].number(viewer[1] if viewer else None)
        await show(update, context, *delete_question(context.t, found[0].id, number))


async def delete(update: Update, context: BotContext, press: DeleteRecord) -> None:
    assert context.account is not None
    _ = context._
    found = await record_of(update, context, press.record, live=False)
    if found is None:
        return
    record, side = found
    viewer = await viewer_of(context, record)
    number = record.number(viewer[1] if viewer else None)
    if not await context.repos.aid.delete(record.id, context.account.id):
        # A second tap: the screen already says it was deleted.
        await toast(update, _("Record №{id} has been deleted.", id=number))
        return
    await show(update, context, _("Record №{id} deleted.", id=number), home_markup(context.t))
    await tell_deleted(context, record, side)


# --------------------------------------------------------------------------- handover act


async def ask_act(update: Update, context: BotContext, press: AddAct) -> object:
    """Photos or a scan of the handover act, added to a confirmed record."""
    found = await record_of(update, context, press.record)
    if found is None:
        return ConversationHandler.END
    assert context.user_data is not None
    context.user_data[ACT_DRAFT] = found[0].id
    viewer = await viewer_of(context, found[0])
    await show(
        update, context, *act_prompt(context.t, found[0].number(viewer[1] if viewer else None))
    )
    return ACT


async def take_act(update: Update, context: BotContext) -> object:
    assert context.account is not None and update.message is not None
    assert context.user_data is not None
    message = update.message
    record_id = context.user_data.get(ACT_DRAFT)
    record = await context.repos.aid.get(record_id) if isinstance(record_id, int) else None
    if record is None or await viewer_of(context, record) is None:
        context.user_data.pop(ACT_DRAFT, None)
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
    await show(update, context, *act_added(context.t, record.id, len(updated.files)))
    return ACT


async def act_done(update: Update, context: BotContext, press: ViewRecord) -> int:
    if context.user_data is not None:
        context.user_data.pop(ACT_DRAFT, None)
    await view(update, context, press)
    return ConversationHandler.END
