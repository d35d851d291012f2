"""The log aid form, declared: donors (or the community given to), kind, sector, description,
quantity, value, status, date, facility, files. The form engine gives every step Back and
Cancel, Skip where optional, the summary with Confirm / Edit / Cancel, and a draft that
survives a restart.

A quantity or a value typed without its unit or currency asks for it next; the answer keeps
both together (`{"value": "12", "unit": "pcs"}`), since Decimals travel as strings in JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from telegram import Message

from bot.domain.aid.model import KINDS, STATUSES, UNIT_LABELS, to_minor
from bot.domain.parsing.amounts import (
    CURRENCIES,
    UNITS,
    Amount,
    AmountError,
    Quantity,
    parse_amount,
    parse_quantity,
)
from bot.domain.parsing.dates import DateError, parse_date
from bot.domain.parsing.text import check_name, check_text
from bot.domain.sectors import SECTORS
from bot.i18n import N_
from handlers.aid.answers import amount_problem, date_problem, text_field
from handlers.aid.common import format_day, today
from handlers.aid.render import quantity_text
from handlers.aid.screens import quantity_line, value_line
from handlers.shared.forms import (
    Changed,
    Field,
    Option,
    Options,
    Parser,
    Prompt,
    Refusal,
    Step,
)

Tidy = Callable[[dict[str, Any]], dict[str, Any]]

DESCRIPTION_LIMIT = 500
FACILITY_LIMIT = 200
STATUS_ORDER = {
    "recipient": ("received", "shipped", "pledged"),
    "donor": ("shipped", "pledged", "received"),
}


def _amount(read: Callable[[str], Amount | Quantity], part: str) -> Parser:
    """A typed quantity or value: the number (a string, for JSON) and its unit or currency,
    None when typed without one."""

    def parse(text: str, step: Step) -> Any:
        try:
            parsed = read(text)
        except AmountError as error:
            return Refusal(amount_problem(step.context, error.code))
        return {"value": str(parsed.value), part: getattr(parsed, part)}

    return parse


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


def _needs(step: Step, whole: str, part: str) -> bool:
    answer = step.values.get(whole)
    return isinstance(answer, dict) and answer.get(part) is None


def _forget(name: str) -> Changed:
    """A new quantity or value asks its unit or currency again if it came without one."""

    def forget(step: Step) -> None:
        step.values.pop(name, None)

    return forget


def _tidy_quantity(quantity: dict[str, Any]) -> dict[str, Any]:
    """Counted units hold whole numbers: 12.0 pcs reads as 12 pcs."""
    number = parse_quantity(f"{quantity['value']} {quantity['unit']}").value
    return {**quantity, "value": str(number)}


def _part(
    name: str, whole: str, part: str, prompt: Prompt, options: Options, tidy: Tidy = dict
) -> Field:
    """The unit of a quantity or the currency of a value typed without one: asked next, and
    kept inside that answer."""

    def keep(step: Step) -> None:
        step.values[whole] = tidy({**step.values[whole], part: step.values[name]})

    return Field(
        name,
        name,
        prompt=prompt,
        options=options,
        when=lambda s: _needs(s, whole, part),
        changed=keep,
        width=3,
        in_summary=False,
    )


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


FILES = Field(
    "files",
    N_("Files"),
    prompt=lambda s: s._(
        "You may send photos or a scan of the handover act now, then press Next. Or press Skip."
    ),
    media=_file,
    optional=True,
)


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
        text_field(
            "description",
            N_("Description"),
            N_(
                "Describe it in a few words, e.g. “ultrasound scanner and ventilators for the"
                " city hospital”."
            ),
            check_text,
            DESCRIPTION_LIMIT,
        ),
        Field(
            "quantity",
            N_("Quantity"),
            prompt=lambda s: s._(
                "How much? Type the quantity with a unit, e.g. 11 t, 1.5 t, 20 pallets or 1 bus."
            ),
            parse=_amount(parse_quantity, "unit"),
            optional=True,
            show=lambda v, s: quantity_text(s.context.t, v["value"], v.get("unit")) if v else "",
            changed=_forget("unit"),
        ),
        _part("unit", "quantity", "unit", lambda s: s._("In which unit?"), _units, _tidy_quantity),
        Field(
            "value",
            N_("Value"),
            prompt=_ask_value,
            parse=_amount(parse_amount, "currency"),
            optional=True,
            show=lambda v, s: value_line(s.context.t, v) if v else "",
            changed=_forget("currency"),
        ),
        _part(
            "currency",
            "value",
            "currency",
            lambda s: s._("In which currency?"),
            lambda s: [Option(code, code) for code in CURRENCIES],
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
        text_field(
            "facility",
            N_("Facility"),
            N_("Which facility received it? E.g. the city hospital or the Knyazhychi lyceum."),
            check_name,
            FACILITY_LIMIT,
            optional=True,
        ),
        FILES,
    )


def value_minor(values: dict[str, Any]) -> int | None:
    value = values.get("value")
    return to_minor(Decimal(value["value"])) if value else None
