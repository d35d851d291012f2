"""Log aid: opening the form (fresh, or a saved record at its summary) and saving it.

The author's own side is confirmed on saving a new record; the other side is asked to
confirm. A record's changes keep the old values in its history.
"""

from __future__ import annotations

import uuid
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.aid.model import can_move, from_minor
from bot.i18n import N_
from handlers.aid.buttons import EditRecord, LogAid
from handlers.aid.common import names_of
from handlers.aid.confirm import announce, ask_side, other_side
from handlers.aid.form import EXTRAS, fields, load_defaults, record_values, saved_items
from handlers.aid.home import back_home, refuse_without_community
from handlers.aid.logbook import saving
from handlers.aid.partners import PartnerStep
from handlers.aid.records import record_of, show_record
from handlers.aid.screens import saved_screen, summary_text
from handlers.shared.forms import Form, Step
from handlers.shared.screens import show, toast
from storage.aid import AidRecord, NewAid


async def start(update: Update, context: BotContext, press: LogAid) -> object:
    if await refuse_without_community(update, context):
        return ConversationHandler.END
    assert context.community_id is not None
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    side = "recipient" if community.kind == "ua" else "donor"
    meta = {"community": community.id, "own_kind": community.kind, "side": side}
    # The extras are asked only when chosen from Edit: a quick record skips them.
    values: dict[str, Any] = dict.fromkeys(EXTRAS)
    return await FORM.start(update, context, values, {**meta, "token": uuid.uuid4().hex})


async def reopen(update: Update, context: BotContext, press: EditRecord) -> object:
    """A saved record comes back as a draft, straight to its summary."""
    found = await record_of(update, context, press.record)
    if found is None or context.community_id is None:
        return ConversationHandler.END
    record, side = found
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    meta: dict[str, Any] = {"community": community.id, "own_kind": community.kind, "side": side}
    values = saved_values(record, side)
    await load_defaults(context, meta, values["partners"])
    return await FORM.start(update, context, values, {**meta, "record": record.id}, at_summary=True)


def saved_values(record: AidRecord, side: str) -> dict[str, Any]:
    """A saved record as the form's answers, seen from `side`."""
    items = saved_items(record.items, record.value_approximate)
    if len(items) == 1 and not items[0]["price"]:
        # One item's value is the record's: it is changed where it was typed.
        items[0]["value"] = None
    unitemized = all(not item["value"] for item in items) and record.value_minor
    value = (
        {
            "value": str(from_minor(record.value_minor or 0)),
            "currency": None,
            "approx": record.value_approximate,
        }
        if unitemized
        else None
    )
    return {
        "partners": list(record.donors) if side == "recipient" else [record.recipient_id],
        "kind": record.kind,
        "sector": record.sector,
        "items": items,
        "value": value,
        "currency": record.currency,
        "status": record.status,
        "date": record.aid_date[:7] if record.date_precision == "month" else record.aid_date,
        "facility": record.facility,
        "declaration": record.declaration,
        "use": record.intended_use,
        "people": record.people_reached,
        "files": list(record.files),
    }


async def summary(step: Step) -> str:
    own = step.meta["community"]
    context = step.context
    names = await names_of(context, [own, *(step.values.get("partners") or [])], context.lang)
    return summary_text(context.t, step.values, step.meta["side"], own, names)


async def parties(context: BotContext, step: Step) -> tuple[int, tuple[int, ...], int | None]:
    """(recipient, donors, partnership) of the draft, seen from the author's side."""
    own, others = step.meta["community"], tuple(step.values["partners"])
    recipient, donors = (own, others) if step.meta["side"] == "recipient" else (others[0], (own,))
    partnership = await context.repos.partnerships.between(recipient, donors[0])
    for donor in donors[1:]:
        partnership = partnership or await context.repos.partnerships.between(recipient, donor)
    return recipient, donors, partnership.id if partnership else None


async def save_new(update: Update, context: BotContext, step: Step) -> object:
    """A new record, saved once however often Confirm is pressed."""
    assert context.account is not None
    recipient, donors, partnership_id = await parties(context, step)
    side = step.meta["side"]
    values = record_values(step.values)
    items = values.pop("items")
    record, created = await context.repos.aid.create(
        NewAid(
            recipient_id=recipient,
            donors=donors,
            partnership_id=partnership_id,
            created_by=context.account.id,
            confirmed_by_recipient=side == "recipient",
            confirmed_by_donor=side == "donor",
            client_token=step.meta["token"],
            description=items[0].name,
            items=items,
            **values,
        )
    )
    FORM.drop(context)
    if created:
        await ask_side(context, record, other_side(side))
        await announce(context, record, "new")
    number = record.number(step.meta["community"])
    await show(update, context, *saved_screen(context.t, number, created))
    return ConversationHandler.END


async def save_changes(update: Update, context: BotContext, step: Step) -> object:
    """The changes, kept in the history. When the other side had confirmed the record, or
    rejected it, it is asked to confirm the changed record again."""
    assert context.account is not None
    _ = context._
    record = await context.repos.aid.get(step.meta["record"])
    if record is None or record.deleted:
        FORM.drop(context)
        return await back_home(update, context, _("This record no longer exists."))
    status = step.values["status"]
    if status != record.status and not can_move(record.status, status):
        step.values["status"] = record.status
        await toast(update, _("Aid moves only forward: pledged, shipped, received."))
        return await FORM.start(update, context, step.values, step.meta, at_summary=True)
    side = step.meta["side"]
    _recipient, donors, partnership_id = await parties(context, step)
    values = {**record_values(step.values), "partnership_id": partnership_id}
    if side == "recipient":
        values["donors"] = donors
    other = other_side(side)
    again = other if record.confirmed_by(other) or record.rejected_side(other) else None
    updated = await context.repos.aid.update(
        record.id, context.account.id, ask_again=again, **values
    )
    FORM.drop(context)
    assert updated is not None
    note = _("Changes saved; the history keeps the old values.")
    # Nothing changed keeps a rejection: the other side is asked about a change only.
    if again is not None and not updated.confirmed_by(again) and not updated.rejected_side(again):
        await ask_side(context, updated, again, changed=True)
        note += "\n" + _("The other side is asked to confirm the changed record.")
    await show_record(update, context, updated, note)
    return ConversationHandler.END


def form() -> Form:
    return FORM


PARTNERS = PartnerStep("ap", form, multi=True)
FORM = Form(
    name="aid",
    fields=fields(PARTNERS.field(N_("Partners"))),
    save=saving(form, save_new, save_changes, "record"),
    leave=back_home,
    summary=summary,
)
