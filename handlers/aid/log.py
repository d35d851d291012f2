"""Log aid: the steps from the donor to the files, the summary with Confirm / Edit / Cancel,
and saving a new record.

The flow's draft lives in `user_data["flow:aid"]` (JSON only), so a restart resumes at the
same step. The author's own side is confirmed on saving; the other side is asked to confirm.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from telegram import Update
from telegram.ext import (
    ConversationHandler,
)

from bot.aid import KINDS, STATUSES, UNIT_LABELS, to_minor
from bot.context import BotContext
from bot.i18n import Translator
from bot.parsing.amounts import (
    CURRENCIES,
    UNITS,
    AmountError,
    parse_amount,
    parse_quantity,
)
from bot.parsing.dates import DateError, parse_date
from bot.sectors import SECTORS, sector_label
from bot.text_input import check_name, check_text
from handlers.aid.common import (
    PartnerPicker,
    amount_problem,
    community_titles,
    data_parts,
    date_problem,
    draft,
    drop_draft,
    format_day,
    money,
)
from handlers.aid.confirm import announce, notify_other_side
from handlers.aid.home import refuse_without_community
from handlers.aid.render import files_text, quantity_text
from handlers.aid.steps import FlowSteps, today
from handlers.shared.screens import columns, keyboard, show
from storage.aid import NewAid

FLOW = "aid"
DESCRIPTION_LIMIT = 500
FACILITY_LIMIT = 200
(KIND, SECTOR, DESCRIPTION, QUANTITY, UNIT, VALUE, CURRENCY, STATUS, DATE, FACILITY, FILES,
 SUMMARY, EDIT) = (
    "kind", "sector", "description", "quantity", "unit", "value", "currency", "status", "date",
    "facility", "files", "summary", "edit",
)  # fmt: skip
ORDER = (KIND, SECTOR, DESCRIPTION, QUANTITY, VALUE, STATUS, DATE, FACILITY, FILES)


def draft_of(context: BotContext) -> dict[str, Any]:
    return draft(context, FLOW)


async def start(update: Update, context: BotContext) -> object:
    if await refuse_without_community(update, context):
        return ConversationHandler.END
    assert context.community_id is not None
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    drop_draft(context, FLOW)
    d = draft_of(context)
    d.update(
        token=uuid.uuid4().hex,
        community=community.id,
        own_kind=community.kind,
        side="recipient" if community.kind == "ua" else "donor",
        partners=[],
        files=[],
    )
    return await picker.ask(update, context)


async def after_partners(update: Update, context: BotContext) -> object:
    return await steps.advance(update, context, "partners")


async def ask_kind(update: Update, context: BotContext) -> str:
    buttons = [(context._(label), f"ai:k:{code}") for code, label in KINDS.items()]
    await show(
        update,
        context,
        context._("What is it?"),
        keyboard([*columns(buttons), *steps.nav(context)]),
    )
    return KIND


async def take_kind(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    if code not in KINDS:
        return await ask_kind(update, context)
    draft_of(context)["kind"] = code
    return await steps.advance(update, context, KIND)


async def ask_sector(update: Update, context: BotContext) -> str:
    buttons = [(context._(s.label), f"ai:s:{s.code}") for s in SECTORS]
    await show(
        update,
        context,
        context._("Which sector is it for?"),
        keyboard([*columns(buttons), *steps.nav(context)]),
    )
    return SECTOR


async def take_sector(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    if code not in {s.code for s in SECTORS}:
        return await ask_sector(update, context)
    draft_of(context)["sector"] = code
    return await steps.advance(update, context, SECTOR)


async def ask_description(update: Update, context: BotContext) -> str:
    text = context._(
        "Describe it in a few words, e.g. “ultrasound scanner and ventilators for the city"
        " hospital”."
    )
    return await steps.ask_typed(update, context, text, DESCRIPTION)


async def take_description(update: Update, context: BotContext) -> object:
    return await steps.take_typed(update, context, DESCRIPTION, check_text, DESCRIPTION_LIMIT)


async def ask_quantity(update: Update, context: BotContext, note: str = "") -> str:
    _ = context._
    text = _("How much? Type the quantity with a unit, e.g. 11 t, 1.5 t, 20 pallets or 1 bus.")
    await show(
        update,
        context,
        f"{note}\n\n{text}".strip(),
        keyboard(steps.nav(context, (_("Skip"), "ai:skip:quantity"))),
    )
    return QUANTITY


async def take_quantity(update: Update, context: BotContext) -> object:
    assert update.message is not None
    try:
        quantity = parse_quantity(update.message.text or "")
    except AmountError as error:
        await show(update, context, amount_problem(context, error.code))
        return QUANTITY
    d = draft_of(context)
    d["quantity"], d["unit"] = str(quantity.value), quantity.unit
    if quantity.unit is None:
        return await ask_unit(update, context)
    return await steps.advance(update, context, QUANTITY)


async def ask_unit(update: Update, context: BotContext) -> str:
    buttons = [(context._(UNIT_LABELS[u]), f"ai:u:{u}") for u in UNITS]
    await show(
        update,
        context,
        context._("In which unit?"),
        keyboard([*columns(buttons, 3), *steps.nav(context)]),
    )
    return UNIT


async def take_unit(update: Update, context: BotContext) -> object:
    unit = data_parts(update)[-1]
    d = draft_of(context)
    if unit not in UNITS or not d.get("quantity"):
        return await ask_quantity(update, context)
    try:
        quantity = parse_quantity(f"{d['quantity']} {unit}")
    except AmountError as error:
        return await ask_quantity(update, context, amount_problem(context, error.code))
    d["quantity"], d["unit"] = str(quantity.value), quantity.unit
    return await steps.advance(update, context, QUANTITY)


async def ask_value(update: Update, context: BotContext, note: str = "") -> str:
    _ = context._
    d = draft_of(context)
    if not note and d.get("quantity"):
        note = _(
            "Understood: {quantity}",
            quantity=quantity_text(context.t, d["quantity"], d.get("unit")),
        )
    text = _(
        "What is it worth? Type the value with a currency, e.g. 3 900 000 UAH, 3,9 млн грн,"
        " 100k EUR or 100 тис. євро."
    )
    await show(
        update,
        context,
        f"{note}\n\n{text}".strip(),
        keyboard(steps.nav(context, (_("Skip"), "ai:skip:value"))),
    )
    return VALUE


async def take_value(update: Update, context: BotContext) -> object:
    assert update.message is not None
    try:
        amount = parse_amount(update.message.text or "")
    except AmountError as error:
        await show(update, context, amount_problem(context, error.code))
        return VALUE
    d = draft_of(context)
    d["value"], d["currency"] = str(amount.value), amount.currency
    if amount.currency is None:
        return await ask_currency(update, context)
    return await steps.advance(update, context, VALUE)


async def ask_currency(update: Update, context: BotContext) -> str:
    buttons = [(code, f"ai:c:{code}") for code in CURRENCIES]
    await show(
        update,
        context,
        context._("In which currency?"),
        keyboard([*columns(buttons, 3), *steps.nav(context)]),
    )
    return CURRENCY


async def take_currency(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    d = draft_of(context)
    if code not in CURRENCIES or not d.get("value"):
        return await ask_value(update, context)
    d["currency"] = code
    return await steps.advance(update, context, VALUE)


async def ask_status(update: Update, context: BotContext) -> str:
    _ = context._
    note = ""
    d = draft_of(context)
    if d.get("value") and d.get("currency"):
        note = _(
            "Understood: {value}",
            value=money(context.t, to_minor(Decimal(d["value"])), d["currency"]),
        )
    order = (
        ("received", "shipped", "pledged")
        if d["side"] == "recipient"
        else ("shipped", "pledged", "received")
    )
    buttons = [(_(STATUSES[s]), f"ai:st:{s}") for s in order]
    text = _("Where is it now?")
    await show(
        update, context, f"{note}\n\n{text}".strip(), keyboard([buttons, *steps.nav(context)])
    )
    return STATUS


async def take_status(update: Update, context: BotContext) -> object:
    status = data_parts(update)[-1]
    if status not in STATUSES:
        return await ask_status(update, context)
    d = draft_of(context)
    d["status"] = status
    if d.get("date") and status != "pledged" and d["date"] > today(context).isoformat():
        d.pop("date")
        return await ask_date(update, context)
    return await steps.advance(update, context, STATUS)


async def ask_date(update: Update, context: BotContext) -> str:
    _ = context._
    status = draft_of(context).get("status")
    text = (
        _("When did it arrive? Type the date, e.g. 15.11.2022, or press Today.")
        if status == "received"
        else _("Which date? Type it, e.g. 15.11.2022, or press Today.")
    )
    await show(update, context, text, keyboard(steps.nav(context, (_("Today"), "ai:today"))))
    return DATE


async def take_date(update: Update, context: BotContext) -> object:
    assert update.message is not None
    d = draft_of(context)
    try:
        day = parse_date(
            update.message.text or "",
            today=today(context),
            allow_future=d.get("status") == "pledged",
        )
    except DateError as error:
        await show(update, context, date_problem(context, error.code))
        return DATE
    d["date"] = day.isoformat()
    return await steps.advance(update, context, DATE)


async def take_today(update: Update, context: BotContext) -> object:
    draft_of(context)["date"] = today(context).isoformat()
    return await steps.advance(update, context, DATE)


async def ask_facility(update: Update, context: BotContext) -> str:
    text = context._("Which facility received it? E.g. the city hospital or the Knyazhychi lyceum.")
    return await steps.ask_typed(update, context, text, FACILITY, skip=True)


async def take_facility(update: Update, context: BotContext) -> object:
    return await steps.take_typed(update, context, FACILITY, check_name, FACILITY_LIMIT)


async def ask_files(update: Update, context: BotContext, note: str = "") -> str:
    _ = context._
    text = _(
        "You may send photos or a scan of the handover act now, then press Done. Or press Skip."
    )
    label = _("Done") if draft_of(context).get("files") else _("Skip")
    await show(
        update,
        context,
        f"{note}\n\n{text}".strip(),
        keyboard(steps.nav(context, (label, "ai:skip:files"))),
    )
    return FILES


async def take_file(update: Update, context: BotContext) -> str:
    message = update.message
    assert message is not None
    files: list[dict[str, str]] = draft_of(context).setdefault("files", [])
    if message.photo:
        files.append({"id": message.photo[-1].file_id, "type": "photo"})
    elif message.document:
        files.append({"id": message.document.file_id, "type": "document"})
    note = context.ngettext("{n} file attached.", "{n} files attached.", len(files))
    return await ask_files(update, context, note)


async def skip(update: Update, context: BotContext) -> object:
    field = data_parts(update)[-1]
    d = draft_of(context)
    if field == "quantity":
        d["quantity"] = d["unit"] = None
        return await steps.advance(update, context, QUANTITY)
    if field == "value":
        d["value"] = d["currency"] = None
        return await steps.advance(update, context, VALUE)
    if field == "facility":
        d["facility"] = None
        return await steps.advance(update, context, FACILITY)
    return await steps.advance(update, context, FILES)


async def summary_text(context: BotContext, d: dict[str, Any], t: Translator | None = None) -> str:
    t = t or context.t
    _ = t._
    dash = "—"
    own = await community_titles(context, [d["community"]], t.lang)
    others = await community_titles(context, d.get("partners") or [], t.lang)
    donors, recipient = (others, own) if d["side"] == "recipient" else (own, others)
    value = money(t, to_minor(Decimal(d["value"])), d.get("currency")) if d.get("value") else dash
    quantity = quantity_text(t, d["quantity"], d.get("unit")) if d.get("quantity") else dash
    kind_label, status_label = KINDS[d.get("kind", "other")], STATUSES[d.get("status", "pledged")]
    lines = [
        _("From: {donors}", donors=donors),
        _("To: {recipient}", recipient=recipient),
        _("What: {kind}", kind=_(kind_label)),
        _("Sector: {sector}", sector=sector_label(d["sector"], t)),
        _("Description: {text}", text=d["description"]),
        _("Quantity: {quantity}", quantity=quantity),
        _("Value: {value}", value=value),
        _("Status: {status}", status=_(status_label)),
        _("Date: {date}", date=format_day(t, d["date"])),
        _("Facility: {facility}", facility=d.get("facility") or dash),
        files_text(t, len(d.get("files") or [])),
    ]
    return "\n".join(lines)


async def ask_summary(update: Update, context: BotContext) -> str:
    d = draft_of(context)
    if not d.get("partners"):
        d.pop("editing", None)
        return await picker.ask(update, context)
    missing = [step for step in ORDER if step not in (FILES,) and _missing(d, step)]
    if missing:
        d.pop("editing", None)
        return await ASK[missing[0]](update, context)  # type: ignore[no-any-return]
    d["editing"] = True
    await steps.show_summary(update, context, await summary_text(context, d))
    return SUMMARY


def _missing(d: dict[str, Any], step: str) -> bool:
    keys = {VALUE: "value", QUANTITY: "quantity", FACILITY: "facility"}
    if step in keys:
        return keys[step] not in d
    return not d.get(step)


async def ask_edit(update: Update, context: BotContext) -> str:
    _ = context._
    fields = [
        (_("Partners"), "ai:e:partners"),
        (_("Kind"), f"ai:e:{KIND}"),
        (_("Sector"), f"ai:e:{SECTOR}"),
        (_("Description"), f"ai:e:{DESCRIPTION}"),
        (_("Quantity"), f"ai:e:{QUANTITY}"),
        (_("Value"), f"ai:e:{VALUE}"),
        (_("Status"), f"ai:e:{STATUS}"),
        (_("Date"), f"ai:e:{DATE}"),
        (_("Facility"), f"ai:e:{FACILITY}"),
        (_("Files"), f"ai:e:{FILES}"),
    ]
    await steps.show_edit_menu(update, context, fields)
    return EDIT


async def edit_field(update: Update, context: BotContext) -> object:
    field = data_parts(update)[-1]
    if field == "partners":
        return await picker.ask(update, context)
    if field in ASK:
        if field == FILES:
            draft_of(context)["files"] = []
        return await ASK[field](update, context)
    return await ask_summary(update, context)


async def refuse_stale_draft(update: Update, context: BotContext) -> bool:
    return await steps.refuse_stale(update, context, "record_id")


async def draft_parties(
    context: BotContext, d: dict[str, Any]
) -> tuple[int, tuple[int, ...], int | None]:
    """(recipient, donors, partnership) of the draft, seen from the author's side."""
    own, others = d["community"], tuple(d["partners"])
    recipient, donors = (own, others) if d["side"] == "recipient" else (others[0], (own,))
    partnership = await context.repos.partnerships.between(recipient, donors[0])
    for donor in donors[1:]:
        partnership = partnership or await context.repos.partnerships.between(recipient, donor)
    return recipient, donors, partnership.id if partnership else None


async def save(update: Update, context: BotContext) -> int:
    """Confirm on the summary of a new record: saved once, however often it is pressed."""
    assert context.account is not None
    _ = context._
    if await refuse_stale_draft(update, context):
        return ConversationHandler.END
    d = draft_of(context)
    recipient, donors, partnership_id = await draft_parties(context, d)
    record, created = await context.repos.aid.create(
        NewAid(
            recipient_id=recipient,
            donors=donors,
            partnership_id=partnership_id,
            kind=d["kind"],
            sector=d["sector"],
            description=d["description"],
            quantity=d.get("quantity"),
            unit=d.get("unit"),
            value_minor=to_minor(Decimal(d["value"])) if d.get("value") else None,
            currency=d.get("currency"),
            aid_date=d["date"],
            facility=d.get("facility"),
            status=d["status"],
            files=tuple(d.get("files") or ()),
            created_by=context.account.id,
            confirmed_by_recipient=d["side"] == "recipient",
            confirmed_by_donor=d["side"] == "donor",
            client_token=d["token"],
        )
    )
    drop_draft(context, FLOW)
    if created:
        await notify_other_side(context, record)
        await announce(context, record, "new")
    text = _("Saved as record №{id}.", id=record.id)
    if created:
        text += "\n" + _("The other side is asked to confirm it.")
    await show(
        update,
        context,
        text,
        keyboard([[(_("Log aid"), "ai:new"), (_("Aid and visits"), "menu:aid")]]),
    )
    return ConversationHandler.END


ASK = {
    KIND: ask_kind,
    SECTOR: ask_sector,
    DESCRIPTION: ask_description,
    QUANTITY: ask_quantity,
    VALUE: ask_value,
    STATUS: ask_status,
    DATE: ask_date,
    FACILITY: ask_facility,
    FILES: ask_files,
}


steps = FlowSteps("ai", FLOW, ORDER, ASK, ask_summary)
picker = PartnerPicker("ai", FLOW, multi=True, done=after_partners)
