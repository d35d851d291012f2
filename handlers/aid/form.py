"""The log aid form, declared: donors (or the community given to), kind, sector, description,
quantity, value, status, date, facility, files. The form engine gives every step Back and
Cancel, Skip where optional, the summary with Confirm / Edit / Cancel, and a draft that
survives a restart.

A quantity or a value typed without its unit or currency asks for it next; the answer keeps
both together (`{"value": "12", "unit": "pcs"}`), since Decimals travel as strings in JSON.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from telegram import Message

from bot.aid import KINDS, STATUSES, UNIT_LABELS, to_minor
from bot.i18n import N_
from bot.parsing.amounts import CURRENCIES, UNITS, AmountError, parse_amount, parse_quantity
from bot.parsing.dates import DateError, parse_date
from bot.sectors import SECTORS
from bot.text_input import check_name, check_text
from handlers.aid.common import (
    amount_problem,
    date_problem,
    format_day,
    today,
    typed_text,
)
from handlers.aid.render import quantity_text
from handlers.aid.screens import quantity_line, value_line
from handlers.shared.forms import Field, Option, Refusal, Step

DESCRIPTION_LIMIT = 500
FACILITY_LIMIT = 200
STATUS_ORDER = {
    "recipient": ("received", "shipped", "pledged"),
    "donor": ("shipped", "pledged", "received"),
}


def _quantity(text: str, step: Step) -> Any:
    try:
        quantity = parse_quantity(text)
    except AmountError as error:
        return Refusal(amount_problem(step.context, error.code))
    return {"value": str(quantity.value), "unit": quantity.unit}


def _fits(value: str, unit: str) -> bool:
    """Counted units take whole numbers only: 1.5 t, but not 1.5 buses."""
    try:
        parse_quantity(f"{value} {unit}")
    except AmountError:
        return False
    return True


def _units(step: Step) -> list[Option]:
    value = step.values["quantity"]["value"]
    return [Option(u, step._(UNIT_LABELS[u])) for u in UNITS if _fits(value, u)]


def _needs(step: Step, name: str, part: str) -> bool:
    answer = step.values.get(name)
    return isinstance(answer, dict) and answer.get(part) is None


def _with_unit(step: Step) -> None:
    unit = step.values["unit"]
    number = parse_quantity(f"{step.values['quantity']['value']} {unit}").value
    step.values["quantity"] = {"value": str(number), "unit": unit}


def _drop_unit(step: Step) -> None:
    step.values.pop("unit", None)


def _value(text: str, step: Step) -> Any:
    try:
        amount = parse_amount(text)
    except AmountError as error:
        return Refusal(amount_problem(step.context, error.code))
    return {"value": str(amount.value), "currency": amount.currency}


def _with_currency(step: Step) -> None:
    step.values["value"] = {**step.values["value"], "currency": step.values["currency"]}


def _drop_currency(step: Step) -> None:
    step.values.pop("currency", None)


def _ask_value(step: Step) -> str:
    """The question, under how the quantity was read (so 1 bus shows as 1 vehicle)."""
    text = step._(
        "What is it worth? Type the value with a currency, e.g. 3 900 000 UAH, 3,9 млн грн,"
        " 100k EUR or 100 тис. євро."
    )
    quantity = step.values.get("quantity")
    if not quantity:
        return text
    shown = quantity_line(step.context.t, quantity)
    return step._("Understood: {quantity}", quantity=shown) + "\n\n" + text


def _ask_status(step: Step) -> str:
    text = step._("Where is it now?")
    value = step.values.get("value")
    if not value or not value.get("currency"):
        return text
    shown = value_line(step.context.t, value)
    return step._("Understood: {value}", value=shown) + "\n\n" + text


def _statuses(step: Step) -> list[Option]:
    return [Option(s, step._(STATUSES[s])) for s in STATUS_ORDER[step.meta["side"]]]


def _no_future_date(step: Step) -> None:
    """Only pledged aid may be dated ahead: a change of status asks a future date again."""
    day = step.values.get("date")
    if day and step.values["status"] != "pledged" and day > today(step.context).isoformat():
        step.values.pop("date")


def _ask_date(step: Step) -> str:
    if step.values.get("status") == "received":
        return step._("When did it arrive? Type the date, e.g. 15.11.2022, or press Today.")
    return step._("Which date? Type it, e.g. 15.11.2022, or press Today.")


def _date(text: str, step: Step) -> Any:
    try:
        day = parse_date(
            text, today=today(step.context), allow_future=step.values.get("status") == "pledged"
        )
    except DateError as error:
        return Refusal(date_problem(step.context, error.code))
    return day.isoformat()


def _file(message: Message, step: Step) -> Any:
    if message.photo:
        return {"id": message.photo[-1].file_id, "type": "photo"}
    assert message.document is not None  # the engine passes photos and documents only
    return {"id": message.document.file_id, "type": "document"}


def fields(partners: Field) -> tuple[Field, ...]:
    """The form's fields after `partners`, the picker's field (donors or the recipient)."""
    return (
        partners,
        Field(
            "kind",
            N_("Kind"),
            prompt=lambda s: s._("What is it?"),
            options=lambda s: [Option(code, s._(label)) for code, label in KINDS.items()],
        ),
        Field(
            "sector",
            N_("Sector"),
            prompt=lambda s: s._("Which sector is it for?"),
            options=lambda s: [Option(x.code, s._(x.label)) for x in SECTORS],
        ),
        Field(
            "description",
            N_("Description"),
            prompt=lambda s: s._(
                "Describe it in a few words, e.g. “ultrasound scanner and ventilators for the"
                " city hospital”."
            ),
            parse=typed_text(check_text, DESCRIPTION_LIMIT),
        ),
        Field(
            "quantity",
            N_("Quantity"),
            prompt=lambda s: s._(
                "How much? Type the quantity with a unit, e.g. 11 t, 1.5 t, 20 pallets or 1 bus."
            ),
            parse=_quantity,
            optional=True,
            show=lambda v, s: quantity_text(s.context.t, v["value"], v.get("unit")) if v else "",
            changed=_drop_unit,
        ),
        Field(
            "unit",
            N_("Unit"),
            prompt=lambda s: s._("In which unit?"),
            options=_units,
            when=lambda s: _needs(s, "quantity", "unit"),
            changed=_with_unit,
            width=3,
            in_summary=False,
        ),
        Field(
            "value",
            N_("Value"),
            prompt=_ask_value,
            parse=_value,
            optional=True,
            show=lambda v, s: value_line(s.context.t, v) if v else "",
            changed=_drop_currency,
        ),
        Field(
            "currency",
            N_("Currency"),
            prompt=lambda s: s._("In which currency?"),
            options=lambda s: [Option(code, code) for code in CURRENCIES],
            when=lambda s: _needs(s, "value", "currency"),
            changed=_with_currency,
            width=3,
            in_summary=False,
        ),
        Field(
            "status",
            N_("Status"),
            prompt=_ask_status,
            options=_statuses,
            changed=_no_future_date,
            width=3,
        ),
        Field(
            "date",
            N_("Date"),
            prompt=_ask_date,
            parse=_date,
            options=lambda s: [Option(today(s.context).isoformat(), s._("Today"))],
            show=lambda v, s: format_day(s.context.t, v),
        ),
        Field(
            "facility",
            N_("Facility"),
            prompt=lambda s: s._(
                "Which facility received it? E.g. the city hospital or the Knyazhychi lyceum."
            ),
            parse=typed_text(check_name, FACILITY_LIMIT),
            optional=True,
        ),
        Field(
            "files",
            N_("Files"),
            prompt=lambda s: s._(
                "You may send photos or a scan of the handover act now, then press Next."
                " Or press Skip."
            ),
            media=_file,
            optional=True,
        ),
    )


def value_minor(values: dict[str, Any]) -> int | None:
    value = values.get("value")
    return to_minor(Decimal(value["value"])) if value else None
