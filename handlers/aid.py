"""The aid log: the home screen, "Log aid" with its summary, and confirmations by both sides.

The flow's draft lives in `user_data["flow:aid"]` (JSON only), so a restart resumes at the
same step. The author's own side is confirmed on saving; the other side's members get a
button to confirm, which re-checks their membership on every press.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.aid import KINDS, STATUSES, UNIT_LABELS, can_move, from_minor, next_statuses, to_minor
from bot.clock import parse_iso
from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.parsing.amounts import (
    CURRENCIES,
    UNITS,
    AmountError,
    Quantity,
    format_quantity,
    parse_amount,
    parse_quantity,
)
from bot.parsing.dates import DateError, parse_date
from bot.sectors import SECTORS, sector_label
from bot.text_input import check_name, check_text, clean
from handlers.aid_common import (
    TEXT,
    PartnerPicker,
    amount_problem,
    community_titles,
    data_parts,
    date_problem,
    draft,
    drop_draft,
    format_day,
    locale_name,
    money,
    send_safely,
    text_problem,
)
from handlers.common import Button, answer, columns, keyboard, show, toast
from storage.aid import AidRecord, NewAid

FLOW = "aid"
DESCRIPTION_LIMIT = 500
(KIND, SECTOR, DESCRIPTION, QUANTITY, UNIT, VALUE, CURRENCY, STATUS, DATE, FACILITY, FILES,
 SUMMARY, EDIT) = (
    "kind", "sector", "description", "quantity", "unit", "value", "currency", "status", "date",
    "facility", "files", "summary", "edit",
)  # fmt: skip
ORDER = (KIND, SECTOR, DESCRIPTION, QUANTITY, VALUE, STATUS, DATE, FACILITY, FILES)
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


def _d(context: BotContext) -> dict[str, Any]:
    return draft(context, FLOW)


async def _refuse_without_community(update: Update, context: BotContext) -> bool:
    if context.community_id is not None:
        return False
    await show(
        update,
        context,
        context._(
            "Only people approved to act for a community can keep its aid log. Send /start to"
            " choose your community."
        ),
        keyboard([[(context._("Main menu"), "menu:home")]]),
    )
    return True


# --------------------------------------------------------------------------- home screen


def home_markup(context: BotContext) -> InlineKeyboardMarkup:
    _ = context._
    return keyboard(
        [
            [(_("Log aid"), "ai:new"), (_("Log visit"), "vi:new")],
            [(_("Timeline"), "ai:tl:0:0"), (_("Totals"), "ai:tot:0")],
            [(_("Export CSV"), "ai:csv:0"), (_("Chart"), "ai:ch:0")],
            [(_("Main menu"), "menu:home")],
        ]
    )


async def home(update: Update, context: BotContext) -> int:
    if await _refuse_without_community(update, context):
        return ConversationHandler.END
    assert context.community_id is not None
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    records = await context.repos.aid.count(community.id, None)
    text = context._(
        "Aid and visits — {community}\n\nRecord what arrives and who comes, confirm it with"
        " your partners, see totals, export a table or a chart for the council.",
        community=community.title(context.lang),
    )
    text += "\n" + context.ngettext("{n} aid record so far.", "{n} aid records so far.", records)
    await show(update, context, text, home_markup(context))
    return ConversationHandler.END


# --------------------------------------------------------------------------- the flow


async def start(update: Update, context: BotContext) -> object:
    if await _refuse_without_community(update, context):
        return ConversationHandler.END
    assert context.community_id is not None
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    drop_draft(context, FLOW)
    d = _d(context)
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
    return await _advance(update, context, "partners")


async def _advance(update: Update, context: BotContext, done: str) -> object:
    """The next unanswered step, or the summary while editing."""
    d = _d(context)
    if d.get("editing"):
        return await ask_summary(update, context)
    at = ORDER.index(done) + 1 if done in ORDER else 0
    return (
        await ASK[ORDER[at]](update, context)
        if at < len(ORDER)
        else await ask_summary(update, context)
    )


def _nav(context: BotContext, *extra: Button) -> list[list[Button]]:
    rows: list[list[Button]] = [list(extra)] if extra else []
    rows.append([(context._("Cancel"), "ai:x")])
    return rows


async def ask_kind(update: Update, context: BotContext) -> str:
    buttons = [(context._(label), f"ai:k:{code}") for code, label in KINDS.items()]
    await show(
        update, context, context._("What is it?"), keyboard([*columns(buttons), *_nav(context)])
    )
    return KIND


async def take_kind(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    if code not in KINDS:
        return await ask_kind(update, context)
    _d(context)["kind"] = code
    return await _advance(update, context, KIND)


async def ask_sector(update: Update, context: BotContext) -> str:
    buttons = [(context._(s.label), f"ai:s:{s.code}") for s in SECTORS]
    await show(
        update,
        context,
        context._("Which sector is it for?"),
        keyboard([*columns(buttons), *_nav(context)]),
    )
    return SECTOR


async def take_sector(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    if code not in {s.code for s in SECTORS}:
        return await ask_sector(update, context)
    _d(context)["sector"] = code
    return await _advance(update, context, SECTOR)


async def ask_description(update: Update, context: BotContext) -> str:
    await show(
        update,
        context,
        context._(
            "Describe it in a few words, e.g. “ultrasound scanner and ventilators for the city"
            " hospital”."
        ),
        keyboard(_nav(context)),
    )
    return DESCRIPTION


async def take_description(update: Update, context: BotContext) -> object:
    assert update.message is not None
    text = update.message.text or ""
    problem = check_text(text, DESCRIPTION_LIMIT)
    if problem is not None:
        await show(update, context, text_problem(context, problem, DESCRIPTION_LIMIT))
        return DESCRIPTION
    _d(context)["description"] = clean(text)
    return await _advance(update, context, DESCRIPTION)


async def ask_quantity(update: Update, context: BotContext, note: str = "") -> str:
    _ = context._
    text = _("How much? Type the quantity with a unit, e.g. 11 t, 1.5 t, 20 pallets or 1 bus.")
    await show(
        update,
        context,
        f"{note}\n\n{text}".strip(),
        keyboard(_nav(context, (_("Skip"), "ai:skip:quantity"))),
    )
    return QUANTITY


def _quantity_text(t: Translator, quantity: str, unit: str | None) -> str:
    label = t._(UNIT_LABELS[unit]) if unit in UNIT_LABELS else None
    return format_quantity(Quantity(Decimal(quantity), unit), locale_name(t), label)


async def take_quantity(update: Update, context: BotContext) -> object:
    assert update.message is not None
    try:
        quantity = parse_quantity(update.message.text or "")
    except AmountError as error:
        await show(update, context, amount_problem(context, error.code))
        return QUANTITY
    d = _d(context)
    d["quantity"], d["unit"] = str(quantity.value), quantity.unit
    if quantity.unit is None:
        return await ask_unit(update, context)
    return await _advance(update, context, QUANTITY)


async def ask_unit(update: Update, context: BotContext) -> str:
    buttons = [(context._(UNIT_LABELS[u]), f"ai:u:{u}") for u in UNITS]
    await show(
        update,
        context,
        context._("In which unit?"),
        keyboard([*columns(buttons, 3), *_nav(context)]),
    )
    return UNIT


async def take_unit(update: Update, context: BotContext) -> object:
    unit = data_parts(update)[-1]
    d = _d(context)
    if unit not in UNITS or not d.get("quantity"):
        return await ask_quantity(update, context)
    try:
        quantity = parse_quantity(f"{d['quantity']} {unit}")
    except AmountError as error:
        return await ask_quantity(update, context, amount_problem(context, error.code))
    d["quantity"], d["unit"] = str(quantity.value), quantity.unit
    return await _advance(update, context, QUANTITY)


async def ask_value(update: Update, context: BotContext, note: str = "") -> str:
    _ = context._
    d = _d(context)
    if not note and d.get("quantity"):
        note = _(
            "Understood: {quantity}",
            quantity=_quantity_text(context.t, d["quantity"], d.get("unit")),
        )
    text = _(
        "What is it worth? Type the value with a currency, e.g. 3 900 000 UAH, 3,9 млн грн,"
        " 100k EUR or 100 тис. євро."
    )
    await show(
        update,
        context,
        f"{note}\n\n{text}".strip(),
        keyboard(_nav(context, (_("Skip"), "ai:skip:value"))),
    )
    return VALUE


async def take_value(update: Update, context: BotContext) -> object:
    assert update.message is not None
    try:
        amount = parse_amount(update.message.text or "")
    except AmountError as error:
        await show(update, context, amount_problem(context, error.code))
        return VALUE
    d = _d(context)
    d["value"], d["currency"] = str(amount.value), amount.currency
    if amount.currency is None:
        return await ask_currency(update, context)
    return await _advance(update, context, VALUE)


async def ask_currency(update: Update, context: BotContext) -> str:
    buttons = [(code, f"ai:c:{code}") for code in CURRENCIES]
    await show(
        update,
        context,
        context._("In which currency?"),
        keyboard([*columns(buttons, 3), *_nav(context)]),
    )
    return CURRENCY


async def take_currency(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    d = _d(context)
    if code not in CURRENCIES or not d.get("value"):
        return await ask_value(update, context)
    d["currency"] = code
    return await _advance(update, context, VALUE)


async def ask_status(update: Update, context: BotContext) -> str:
    _ = context._
    note = ""
    d = _d(context)
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
    await show(update, context, f"{note}\n\n{text}".strip(), keyboard([buttons, *_nav(context)]))
    return STATUS


async def take_status(update: Update, context: BotContext) -> object:
    status = data_parts(update)[-1]
    if status not in STATUSES:
        return await ask_status(update, context)
    d = _d(context)
    d["status"] = status
    if d.get("date") and status != "pledged" and d["date"] > _today(context).isoformat():
        d.pop("date")
        return await ask_date(update, context)
    return await _advance(update, context, STATUS)


def _today(context: BotContext) -> date:
    from zoneinfo import ZoneInfo

    return context.services.clock.now().astimezone(ZoneInfo(context.tz)).date()


async def ask_date(update: Update, context: BotContext) -> str:
    _ = context._
    status = _d(context).get("status")
    text = (
        _("When did it arrive? Type the date, e.g. 15.11.2022, or press Today.")
        if status == "received"
        else _("Which date? Type it, e.g. 15.11.2022, or press Today.")
    )
    await show(update, context, text, keyboard(_nav(context, (_("Today"), "ai:today"))))
    return DATE


async def take_date(update: Update, context: BotContext) -> object:
    assert update.message is not None
    d = _d(context)
    try:
        day = parse_date(
            update.message.text or "",
            today=_today(context),
            allow_future=d.get("status") == "pledged",
        )
    except DateError as error:
        await show(update, context, date_problem(context, error.code))
        return DATE
    d["date"] = day.isoformat()
    return await _advance(update, context, DATE)


async def take_today(update: Update, context: BotContext) -> object:
    _d(context)["date"] = _today(context).isoformat()
    return await _advance(update, context, DATE)


async def ask_facility(update: Update, context: BotContext) -> str:
    _ = context._
    await show(
        update,
        context,
        _("Which facility received it? E.g. the city hospital or the Knyazhychi lyceum."),
        keyboard(_nav(context, (_("Skip"), "ai:skip:facility"))),
    )
    return FACILITY


async def take_facility(update: Update, context: BotContext) -> object:
    assert update.message is not None
    text = update.message.text or ""
    problem = check_name(text, 200)
    if problem is not None:
        await show(update, context, text_problem(context, problem, 200))
        return FACILITY
    _d(context)["facility"] = clean(text)
    return await _advance(update, context, FACILITY)


async def ask_files(update: Update, context: BotContext, note: str = "") -> str:
    _ = context._
    text = _(
        "You may send photos or a scan of the handover act now, then press Done. Or press Skip."
    )
    label = _("Done") if _d(context).get("files") else _("Skip")
    await show(
        update,
        context,
        f"{note}\n\n{text}".strip(),
        keyboard(_nav(context, (label, "ai:skip:files"))),
    )
    return FILES


async def take_file(update: Update, context: BotContext) -> str:
    message = update.message
    assert message is not None
    files: list[dict[str, str]] = _d(context).setdefault("files", [])
    if message.photo:
        files.append({"id": message.photo[-1].file_id, "type": "photo"})
    elif message.document:
        files.append({"id": message.document.file_id, "type": "document"})
    note = context.ngettext("{n} file attached.", "{n} files attached.", len(files))
    return await ask_files(update, context, note)


async def skip(update: Update, context: BotContext) -> object:
    field = data_parts(update)[-1]
    d = _d(context)
    if field == "quantity":
        d["quantity"] = d["unit"] = None
        return await _advance(update, context, QUANTITY)
    if field == "value":
        d["value"] = d["currency"] = None
        return await _advance(update, context, VALUE)
    if field == "facility":
        d["facility"] = None
        return await _advance(update, context, FACILITY)
    return await _advance(update, context, FILES)


async def summary_text(context: BotContext, d: dict[str, Any], t: Translator | None = None) -> str:
    t = t or context.t
    _ = t._
    dash = "—"
    own = await community_titles(context, [d["community"]], t.lang)
    others = await community_titles(context, d.get("partners") or [], t.lang)
    donors, recipient = (others, own) if d["side"] == "recipient" else (own, others)
    value = money(t, to_minor(Decimal(d["value"])), d.get("currency")) if d.get("value") else dash
    quantity = _quantity_text(t, d["quantity"], d.get("unit")) if d.get("quantity") else dash
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
        t.ngettext("{n} file attached.", "{n} files attached.", len(d.get("files") or [])),
    ]
    return "\n".join(lines)


async def ask_summary(update: Update, context: BotContext) -> str:
    _ = context._
    d = _d(context)
    if not d.get("partners"):
        d.pop("editing", None)
        return await picker.ask(update, context)
    missing = [step for step in ORDER if step not in (FILES,) and _missing(d, step)]
    if missing:
        d.pop("editing", None)
        return await ASK[missing[0]](update, context)  # type: ignore[no-any-return]
    d["editing"] = True
    text = _("Please check before saving:") + "\n\n" + await summary_text(context, d)
    await show(
        update,
        context,
        text,
        keyboard(
            [
                [(_("Confirm"), "ai:save")],
                [(_("Edit"), "ai:edit"), (_("Cancel"), "ai:x")],
            ]
        ),
    )
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
    await show(
        update,
        context,
        _("What do you want to change?"),
        keyboard([*columns(fields), [(_("Back to summary"), "ai:sum")]]),
    )
    return EDIT


async def edit_field(update: Update, context: BotContext) -> object:
    field = data_parts(update)[-1]
    if field == "partners":
        return await picker.ask(update, context)
    if field in ASK:
        if field == FILES:
            _d(context)["files"] = []
        return await ASK[field](update, context)
    return await ask_summary(update, context)


async def back_to_summary(update: Update, context: BotContext) -> object:
    return await ask_summary(update, context)


async def save(update: Update, context: BotContext) -> int:
    assert context.account is not None
    _ = context._
    d = _d(context)
    if not (d.get("token") or d.get("record_id")) or d.get("community") != context.community_id:
        drop_draft(context, FLOW)
        await show(
            update,
            context,
            _("That draft is no longer valid. Nothing was saved."),
            home_markup(context),
        )
        return ConversationHandler.END
    own, others = d["community"], tuple(d["partners"])
    recipient, donors = (own, others) if d["side"] == "recipient" else (others[0], (own,))
    partnership = await context.repos.partnerships.between(recipient, donors[0])
    for donor in donors[1:]:
        partnership = partnership or await context.repos.partnerships.between(recipient, donor)
    if d.get("record_id"):
        return await _save_edit(update, context, d, donors, partnership.id if partnership else None)
    record, created = await context.repos.aid.create(
        NewAid(
            recipient_id=recipient,
            donors=donors,
            partnership_id=partnership.id if partnership else None,
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
        await _notify_other_side(context, record)
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


async def edit_saved(update: Update, context: BotContext) -> object:
    """`ai:ed:<id>`: the saved record comes back as a draft, straight to its summary."""
    parts = data_parts(update)
    record = await context.repos.aid.get(int(parts[2])) if parts[2].isdigit() else None
    side = await _side_of(context, record) if record is not None else None
    if record is None or record.deleted or side is None or context.community_id is None:
        await toast(update, context._("This record no longer exists."))
        return ConversationHandler.END
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    drop_draft(context, FLOW)
    _d(context).update(
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


async def _save_edit(
    update: Update,
    context: BotContext,
    d: dict[str, Any],
    donors: tuple[int, ...],
    partnership_id: int | None,
) -> object:
    assert context.account is not None
    _ = context._
    record = await context.repos.aid.get(d["record_id"])
    if record is None or record.deleted:
        drop_draft(context, FLOW)
        await show(update, context, _("This record no longer exists."), home_markup(context))
        return ConversationHandler.END
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
    parts = data_parts(update)
    record = await context.repos.aid.get(int(parts[2])) if parts[2].isdigit() else None
    if record is None or record.deleted or await _side_of(context, record) is None:
        await toast(update, context._("This record no longer exists."))
        return ConversationHandler.END
    drop_draft(context, FLOW)
    _d(context)["act_for"] = record.id
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
    aid_id = _d(context).get("act_for")
    record = await context.repos.aid.get(aid_id) if aid_id else None
    if record is None or await _side_of(context, record) is None:
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


async def cancel(update: Update, context: BotContext) -> int:
    drop_draft(context, FLOW)
    await show(update, context, context._("Cancelled. Nothing was saved."), home_markup(context))
    return ConversationHandler.END


async def expect_button(update: Update, context: BotContext) -> None:
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))


# --------------------------------------------------------------------------- both sides


async def record_text(context: BotContext, record: AidRecord, t: Translator) -> str:
    _ = t._
    donors = await community_titles(context, record.donors, t.lang)
    recipient = await community_titles(context, [record.recipient_id], t.lang)
    parts = [
        _("{donors} → {recipient}", donors=donors, recipient=recipient),
        f"{_(KINDS.get(record.kind, record.kind))}: {record.description}",
    ]
    if record.quantity:
        parts.append(_quantity_text(t, record.quantity, record.unit))
    if record.value_minor:
        parts.append(money(t, record.value_minor, record.currency))
    if record.facility:
        parts.append(record.facility)
    parts.append(f"{format_day(t, record.aid_date)} · {status_text(t, record)}")
    return "\n".join(parts)


def status_text(t: Translator, record: AidRecord) -> str:
    status = t._(STATUSES.get(record.status, record.status))
    if record.confirmed_by_both:
        return status + " · " + t._("✓✓ confirmed by both sides")
    if record.recipient_confirmed_by is None:
        return status + " · " + t._("waiting for the recipient to confirm")
    return status + " · " + t._("waiting for the donor to confirm")


async def _notify_other_side(context: BotContext, record: AidRecord) -> None:
    """Members of the side that did not write the record get a button to confirm it."""
    if record.recipient_confirmed_by is None:
        targets, label, intro = (
            [record.recipient_id],
            N_("Confirm receipt"),
            N_("{community} logged aid for your community. Please confirm when it arrives:"),
        )
    else:
        targets, label, intro = (
            list(record.donors),
            N_("Confirm"),
            N_("{community} logged aid from your municipality. Please confirm that it is right:"),
        )
    author_side = record.donors[0] if record.recipient_confirmed_by is None else record.recipient_id
    for community_id in targets:
        for member in await context.repos.memberships.members(community_id):
            user = await context.repos.users.get(member.user_id)
            if user is None or not user.active:
                continue
            t = context.services.i18n.get(user.language)
            author = await community_titles(context, [author_side], t.lang)
            text = t._(intro, community=author) + "\n\n" + await record_text(context, record, t)
            await send_safely(
                context, user.id, text, keyboard([[(t._(label), f"ai:cf:{record.id}")]])
            )


async def announce(context: BotContext, record: AidRecord, event: str) -> None:
    """Each new or confirmed record goes to the groups linked to its partnership."""
    if record.partnership_id is None:
        return
    for chat_id in await context.repos.partnerships.linked_chats(record.partnership_id):
        chat = await context.repos.chats.get(chat_id)
        if chat is None or not chat.active:
            continue
        t = context.services.i18n.get(chat.language)
        head = t._("New aid record:") if event == "new" else t._("Aid record confirmed:")
        await send_safely(context, chat_id, f"{head}\n\n{await record_text(context, record, t)}")


async def confirm_record(update: Update, context: BotContext) -> None:
    """`ai:cf:<id>`: whoever presses must act for the recipient or for a donor."""
    assert update.callback_query is not None
    _ = context._
    try:
        aid_id = int(data_parts(update)[2])
    except (IndexError, ValueError):
        await toast(update, _("That button is no longer active."))
        return
    record = await context.repos.aid.get(aid_id)
    if record is None or record.deleted:
        await toast(update, _("This record no longer exists."))
        return
    side = await _side_of(context, record)
    if side is None:
        recipient = await community_titles(context, [record.recipient_id], context.lang)
        await toast(
            update,
            _(
                "Only people approved for {recipient} or for the donors can confirm this record.",
                recipient=recipient,
            ),
        )
        return
    assert context.account is not None
    confirmed = await context.repos.aid.confirm(aid_id, context.account.id, side)
    if confirmed is None:
        await toast(update, _("Already confirmed. Thank you."))
        return
    await answer(update.callback_query, _("Confirmed. Thank you."))
    text = _("Confirmed. Thank you.") + "\n\n" + await record_text(context, confirmed, context.t)
    rows = [[(_("Aid and visits"), "menu:aid")]]
    if side == "recipient":
        rows.insert(0, [(_("Add the handover act"), f"ai:act:{confirmed.id}")])
    await show(update, context, text, keyboard(rows))
    await _tell_author(context, confirmed)
    await announce(context, confirmed, "confirmed")


async def _side_of(context: BotContext, record: AidRecord) -> str | None:
    assert context.account is not None
    mine = {m.community_id for m in await context.repos.memberships.for_user(context.account.id)}
    if record.recipient_id in mine:
        return "recipient"
    if mine.intersection(record.donors):
        return "donor"
    return None


async def _tell_author(context: BotContext, record: AidRecord) -> None:
    author = await context.repos.users.get(record.created_by)
    if author is None or author.id == (context.account.id if context.account else None):
        return
    t = context.services.i18n.get(author.language)
    text = t._("The other side confirmed record №{id}.", id=record.id)
    await send_safely(context, author.id, f"{text}\n\n{await record_text(context, record, t)}")


# --------------------------------------------------------------------------- one record


async def view_record(
    update: Update, context: BotContext, record: AidRecord | None = None, note: str = ""
) -> None:
    _ = context._
    if record is None:
        try:
            aid_id = int(data_parts(update)[2])
        except (IndexError, ValueError):
            await toast(update, _("That button is no longer active."))
            return
        record = await context.repos.aid.get(aid_id)
    if record is None or record.deleted or await _side_of(context, record) is None:
        await toast(update, _("This record no longer exists."))
        return
    rows: list[list[Button]] = [
        [(_(MOVE_LABELS[s]), f"ai:mv:{record.id}:{s}")] for s in next_statuses(record.status)
    ]
    side = await _side_of(context, record)
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
    files = context.ngettext("{n} file attached.", "{n} files attached.", len(record.files))
    await show(
        update,
        context,
        f"{head}\n\n{await record_text(context, record, context.t)}\n{files}",
        keyboard(rows),
    )


async def move_record(update: Update, context: BotContext) -> None:
    assert context.account is not None
    parts = data_parts(update)
    record = await context.repos.aid.get(int(parts[2])) if parts[2].isdigit() else None
    if record is None or await _side_of(context, record) is None:
        await toast(update, context._("This record no longer exists."))
        return
    moved = await context.repos.aid.move(record.id, context.account.id, parts[3])
    if moved is None:
        await toast(update, context._("The status has already changed."))
        moved = await context.repos.aid.get(record.id)
    await view_record(update, context, moved)


async def show_history(update: Update, context: BotContext) -> None:
    _ = context._
    parts = data_parts(update)
    record = await context.repos.aid.get(int(parts[2])) if parts[2].isdigit() else None
    if record is None or await _side_of(context, record) is None:
        await toast(update, _("This record no longer exists."))
        return
    lines = [_("History of record №{id}", id=record.id)]
    actions = {
        "create": _("created"),
        "edit": _("changed"),
        "status": _("status changed"),
        "confirm": _("confirmed"),
        "delete": _("deleted"),
    }
    for entry in await context.repos.aid.history(record.id):
        who = await context.repos.users.get(entry.actor_id) if entry.actor_id else None
        when = context.t.datetime(parse_iso(entry.at), context.tz, "short")
        changes = {
            name: [from_minor(v) if name == "value_minor" and v else v for v in pair]
            for name, pair in entry.changes.items()
        }
        detail = ", ".join(
            f"{_(FIELD_LABELS.get(name, name))}: {_shown(before)} → {_shown(after)}"
            for name, (before, after) in changes.items()
        )
        lines.append(
            f"{when} · {who.first_name if who else '—'} · {actions.get(entry.action, entry.action)}"
            + (f" ({detail})" if detail and entry.action != "confirm" else "")
        )
    await show(update, context, "\n".join(lines), keyboard([[(_("Back"), f"ai:r:{record.id}")]]))


def _shown(value: object) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(
            str(item.get("id", item)) if isinstance(item, dict) else str(item) for item in value
        )
    return str(value)


async def ask_delete(update: Update, context: BotContext) -> None:
    _ = context._
    parts = data_parts(update)
    record = await context.repos.aid.get(int(parts[2])) if parts[2].isdigit() else None
    if record is None or record.deleted or await _side_of(context, record) is None:
        await toast(update, _("This record no longer exists."))
        return
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
    parts = data_parts(update)
    record = await context.repos.aid.get(int(parts[2])) if parts[2].isdigit() else None
    if record is None or await _side_of(context, record) is None:
        await toast(update, _("This record no longer exists."))
        return
    deleted = await context.repos.aid.delete(record.id, context.account.id)
    text = (
        _("Record №{id} deleted.", id=record.id) if deleted else _("This record no longer exists.")
    )
    await show(update, context, text, home_markup(context))


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

picker = PartnerPicker("ai", FLOW, multi=True, done=after_partners)


def conversation() -> ConversationHandler[BotContext]:
    cancel_button = CallbackQueryHandler(cancel, pattern=r"^ai:x$")
    return ConversationHandler(
        name="aid",
        persistent=True,
        allow_reentry=True,
        entry_points=[
            CallbackQueryHandler(start, pattern=r"^ai:new$"),
            CallbackQueryHandler(edit_saved, pattern=r"^ai:ed:\d+$"),
            CallbackQueryHandler(ask_act, pattern=r"^ai:act:\d+$"),
        ],
        states={
            **picker.states(),
            KIND: [CallbackQueryHandler(take_kind, pattern=r"^ai:k:")],
            SECTOR: [CallbackQueryHandler(take_sector, pattern=r"^ai:s:")],
            DESCRIPTION: [MessageHandler(TEXT, take_description)],
            QUANTITY: [
                MessageHandler(TEXT, take_quantity),
                CallbackQueryHandler(skip, pattern=r"^ai:skip:"),
            ],
            UNIT: [CallbackQueryHandler(take_unit, pattern=r"^ai:u:")],
            VALUE: [
                MessageHandler(TEXT, take_value),
                CallbackQueryHandler(skip, pattern=r"^ai:skip:"),
            ],
            CURRENCY: [CallbackQueryHandler(take_currency, pattern=r"^ai:c:")],
            STATUS: [CallbackQueryHandler(take_status, pattern=r"^ai:st:")],
            DATE: [
                MessageHandler(TEXT, take_date),
                CallbackQueryHandler(take_today, pattern=r"^ai:today$"),
            ],
            FACILITY: [
                MessageHandler(TEXT, take_facility),
                CallbackQueryHandler(skip, pattern=r"^ai:skip:"),
            ],
            FILES: [
                MessageHandler(filters.PHOTO | filters.Document.ALL, take_file),
                CallbackQueryHandler(skip, pattern=r"^ai:skip:"),
            ],
            SUMMARY: [
                CallbackQueryHandler(save, pattern=r"^ai:save$"),
                CallbackQueryHandler(ask_edit, pattern=r"^ai:edit$"),
            ],
            ACT: [
                MessageHandler(filters.PHOTO | filters.Document.ALL, take_act),
                CallbackQueryHandler(act_done, pattern=r"^ai:r:\d+$"),
            ],
            EDIT: [
                CallbackQueryHandler(edit_field, pattern=r"^ai:e:"),
                CallbackQueryHandler(back_to_summary, pattern=r"^ai:sum$"),
            ],
        },
        fallbacks=[
            cancel_button,
            MessageHandler(filters.ChatType.PRIVATE & TEXT, expect_button),
        ],
    )


def handlers() -> list[Any]:
    """Buttons and commands outside the flow, in the order they are matched."""
    return [
        CommandHandler("aid", home, filters=filters.ChatType.PRIVATE),
        CallbackQueryHandler(home, pattern=r"^menu:aid$"),
        CallbackQueryHandler(confirm_record, pattern=r"^ai:cf:"),
        CallbackQueryHandler(view_record, pattern=r"^ai:r:"),
        CallbackQueryHandler(move_record, pattern=r"^ai:mv:\d+:\w+$"),
        CallbackQueryHandler(show_history, pattern=r"^ai:h:"),
        CallbackQueryHandler(ask_delete, pattern=r"^ai:del:"),
        CallbackQueryHandler(delete_record, pattern=r"^ai:dl:"),
    ]
