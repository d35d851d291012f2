"""The log aid form, declared: partners, kind, sector, the items, their value, status and
date; then, only from Edit on the summary, the facility, the declaration number, the
intended use, the people reached and files. The form engine gives every step Back and
Cancel, Skip where optional, the summary with Confirm / Edit / Cancel, and a draft that
survives a restart.

A typical record takes eight inputs or fewer: the defaults come first and take one tap
(the partnership's areas as the first sectors, the donor country's currency, "received" for
a recipient and "shipped" for a donor, today), and one typed line holds an item with its
quantity and its price or value. Several items are typed one a line; typing at the items
step again adds items, and an item's button removes it.

Answers are JSON: an item is `{"name", "quantity", "unit", "price", "value", "currency",
"approx"}` with decimals as strings; the value typed for the whole record is `{"value",
"currency", "approx"}`; a date is "2022-03-15", or "2022-03" when given as a month.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from telegram import Message

from bot.context import BotContext
from bot.domain.aid.model import (
    KINDS,
    STATUSES,
    UNIT_LABELS,
    AidItem,
    country_currency,
    plain_decimal,
    to_minor,
)
from bot.domain.parsing.amounts import (
    CURRENCIES,
    UNITS,
    AmountError,
    parse_amount,
    parse_quantity,
)
from bot.domain.parsing.dates import DateError, LooseDate, SeasonError, parse_loose_date
from bot.domain.parsing.items import MAX_ITEMS, ItemError, line_value, parse_item_lines
from bot.domain.parsing.numbers import ascii_int
from bot.domain.parsing.text import check_name, check_text
from bot.domain.sectors import OTHER, SECTORS
from bot.i18n import N_
from handlers.aid.answers import amount_problem, date_problem, item_problem, text_field
from handlers.aid.common import today
from handlers.aid.draft import currency_of, money_total, none_valued, typed_currencies
from handlers.aid.render import item_text, items_text, loose_day, month_name, stored_item
from handlers.aid.screens import value_line
from handlers.shared.forms import Field, Option, Refusal, Step, labelled

FACILITY_LIMIT = 200
DECLARATION_LIMIT = 60
USE_LIMIT = 300
MAX_PEOPLE = 10_000_000
# Asked only when chosen from Edit on the summary: a quick record never stops at them.
EXTRAS = ("facility", "declaration", "use", "people", "files")
TODAY = "+today"
STATUS_ORDER = {
    "recipient": ("received" + TODAY, "received", "shipped", "pledged"),
    # A donor never says its own shipment arrived: the recipient confirms receipt.
    "donor": ("shipped" + TODAY, "shipped", "pledged"),
}
STATUS_TODAY = {"received": N_("Received today"), "shipped": N_("Shipped today")}


# --------------------------------------------------------------------------- defaults


async def load_defaults(context: BotContext, meta: dict[str, Any], partners: list[int]) -> None:
    """What the form offers first once the partners are known: the areas of the
    partnership and the currency of the donor's country."""
    own = meta["community"]
    if meta["side"] == "recipient":
        recipient, donors = own, list(partners)
    else:
        recipient, donors = (partners[0] if partners else own), [own]
    areas: list[str] = []
    for donor in donors:
        partnership = await context.repos.partnerships.between(recipient, donor)
        if partnership is not None:
            steps = await context.repos.partnerships.steps(partnership.id)
            chosen = steps["areas"].data.get("sectors", []) if "areas" in steps else []
            areas += [code for code in chosen if code not in areas]
    meta["areas"] = areas
    giver = await context.repos.communities.get(donors[0]) if donors else None
    meta["currency"] = country_currency(giver.country_code if giver else None, today(context))


def _partners_chosen(partners: Field) -> Field:
    async def chosen(value: Any, step: Step) -> Any:
        await load_defaults(step.context, step.meta, list(value or []))
        return value

    return replace(partners, check=chosen)


def _sectors(step: Step) -> list[Option]:
    """The partnership's areas first, then the other sectors, then "Other"."""
    areas = [code for code in step.meta.get("areas") or [] if code != OTHER.code]
    by_code = {sector.code: sector for sector in SECTORS}
    first = [by_code[code] for code in areas if code in by_code]
    rest = [sector for sector in SECTORS if sector.code not in areas]
    return [Option(s.code, step._(s.label), s.label) for s in [*first, *rest, OTHER]]


# --------------------------------------------------------------------------- items


def _item_answer(line: Any) -> dict[str, Any]:
    quantity, price, value = line.quantity, line.unit_price, line.value
    money = price or value
    return {
        "name": line.name,
        "quantity": plain_decimal(quantity.value) if quantity else None,
        "unit": quantity.unit if quantity else None,
        "price": str(price.value) if price else None,
        "value": str(line_value(line)) if money else None,
        "currency": money.currency if money else None,
        "approx": bool(money and money.approximate),
    }


def _parse_items(text: str, step: Step) -> Any:
    try:
        lines = parse_item_lines(text)
    except ItemError as error:
        return Refusal(item_problem(step.context, error))
    return [*(step.values.get("items") or []), *(_item_answer(line) for line in lines)]


def _check_items(items: Any, step: Step) -> Any:
    if not items:
        return Refusal(step._("A record needs at least one item. Type what it is."))
    if len(items) > MAX_ITEMS:
        return Refusal(
            step._("A record holds at most {n} items. Log the rest as another record.", n=MAX_ITEMS)
        )
    value = step.values.get("value") if not _all_valued(items) else None
    if len(typed_currencies(items, value)) > 1:
        return Refusal(
            step._(
                "All amounts of one record are in one currency. Type them again in one"
                " currency, or log the rest as another record."
            )
        )
    return items


def _item_options(step: Step) -> list[Option]:
    items = step.values.get("items") or []
    if len(items) < 2:
        return []
    return [
        Option(
            [other for at, other in enumerate(items) if at != index],
            "✕ " + item_text(step.context.t, item, currency_of(step.values))[:48],
        )
        for index, item in enumerate(items)
    ]


def _ask_items(step: Step) -> str:
    if step.has("items"):
        return step._("Type more items to add them, one per line, or press an item to remove it.")
    return step._(
        "Which items? Type the item with its quantity, and its value if you know it, e.g."
        " “11 t food and hygiene kits” or “Generator 2 pcs at 1 200 EUR”. Several items:"
        " one per line."
    )


def _items_changed(step: Step) -> None:
    step.values.pop("unit", None)


def _needs_unit(step: Step) -> list[dict[str, Any]]:
    return [i for i in step.values.get("items") or [] if i.get("quantity") and not i.get("unit")]


def _fits(value: str, unit: str) -> bool:
    """Counted units take whole numbers only: 1.5 t, but not 1.5 buses."""
    try:
        parse_quantity(f"{value} {unit}")
    except AmountError:
        return False
    return True


def _units(step: Step) -> list[Option]:
    waiting = _needs_unit(step)
    return [
        Option(u, step._(UNIT_LABELS[u]))
        for u in UNITS
        if all(_fits(item["quantity"], u) for item in waiting)
    ]


def _ask_unit(step: Step) -> str:
    waiting = _needs_unit(step)
    return step._("In which unit is “{item}”?", item=waiting[0]["name"] if waiting else "")


def _unit_chosen(step: Step) -> None:
    unit = step.values.pop("unit", None)
    tidy = []
    for item in step.values.get("items") or []:
        if item.get("quantity") and not item.get("unit"):
            number = parse_quantity(f"{item['quantity']} {unit}").value
            item = {**item, "unit": unit, "quantity": plain_decimal(number)}
        tidy.append(item)
    step.values["items"] = tidy


# --------------------------------------------------------------------------- money


def _all_valued(items: list[dict[str, Any]]) -> bool:
    return bool(items) and all(item.get("value") for item in items)


def _none_valued(step: Step) -> bool:
    return not any(item.get("value") for item in step.values.get("items") or [])


def _has_money(step: Step) -> bool:
    value = step.values.get("value") if _none_valued(step) else None
    return bool(value) or not _none_valued(step)


def _needs_currency(step: Step) -> bool:
    value = step.values.get("value") if _none_valued(step) else None
    return _has_money(step) and not typed_currencies(step.values.get("items") or [], value)


def _parse_value(text: str, step: Step) -> Any:
    try:
        amount = parse_amount(text)
    except AmountError as error:
        return Refusal(amount_problem(step.context, error.code))
    return {"value": str(amount.value), "currency": amount.currency, "approx": amount.approximate}


def _check_value(value: Any, step: Step) -> Any:
    if len(typed_currencies(step.values.get("items") or [], value)) > 1:
        return Refusal(
            step._("The items are priced in another currency. Type the value in the same one.")
        )
    return value


def _forget_currency(step: Step) -> None:
    step.values.pop("currency", None)


def _currencies(step: Step) -> list[Option]:
    """The donor country's currency first, then the hryvnia, then the others."""
    first = [code for code in (step.meta.get("currency"), "UAH") if code]
    order = [*dict.fromkeys(first), *(c for c in CURRENCIES if c not in first)]
    return [Option(code, code) for code in order]


def _ask_value(step: Step) -> str:
    """The question, under how the items were read (so 1 bus shows as 1 vehicle)."""
    text = step._(
        "What is it worth in total? Type the value with a currency, e.g. 100 000 EUR,"
        " близько 100 тисяч євро or 3,9 млн грн. Or press Skip."
    )
    items = step.values.get("items")
    if not items:
        return text
    shown = items_text(step.context.t, items, currency_of(step.values))
    return step._("Understood: {quantity}", quantity=shown) + "\n\n" + text


# --------------------------------------------------------------------------- status, date


def _ask_status(step: Step) -> str:
    text = step._("Where is it now?")
    total = money_total(step.values)
    if total is None:
        return text
    shown = value_line(step.context.t, total)
    return step._("Understood: {value}", value=shown) + "\n\n" + text


def _statuses(step: Step) -> list[Option]:
    options = []
    for code in STATUS_ORDER[step.meta["side"]]:
        base = code.removesuffix(TODAY)
        label = STATUS_TODAY[base] if code.endswith(TODAY) else STATUSES[base]
        options.append(Option(code, step._(label)))
    return options


def _check_status(value: Any, step: Step) -> Any:
    """A status given with today's date ("Received today") answers the date as well."""
    if isinstance(value, str) and value.endswith(TODAY):
        step.values["date"] = today(step.context).isoformat()
        return value.removesuffix(TODAY)
    return value


def _no_future_date(step: Step) -> None:
    """Only pledged aid may be dated ahead: a change of status asks a future date again."""
    day = step.values.get("date")
    future = isinstance(day, str) and LooseDate.of(day).day > today(step.context)
    if future and step.values["status"] != "pledged":
        step.values.pop("date")


def _ask_date(step: Step) -> str:
    if step.meta.get("months"):
        return step._("Which month? Press it, or type the date.")
    if step.values.get("status") == "received":
        return step._(
            "When did it arrive? Type the date, e.g. 15.11.2022, or the month, e.g. березень"
            " 2022, or press Today."
        )
    return step._(
        "Which date? Type it, e.g. 15.11.2022, or the month, e.g. March 2022, or press Today."
    )


def _date_options(step: Step) -> list[Option]:
    months = step.meta.get("months")
    if months:
        return [Option(m, month_name(step.context.t, m)) for m in months]
    return [Option(today(step.context).isoformat(), step._("Today"))]


def _date(text: str, step: Step) -> Any:
    step.meta.pop("months", None)
    try:
        found = parse_loose_date(
            text, today=today(step.context), allow_future=step.values.get("status") == "pledged"
        )
    except SeasonError as season:
        step.meta["months"] = [m.isoformat()[:7] for m in season.months]
        return Refusal(step._("A season is three months: which one is it?"))
    except DateError as error:
        return Refusal(date_problem(step.context, error.code))
    return found.text


def _date_taken(step: Step) -> None:
    step.meta.pop("months", None)


# --------------------------------------------------------------------------- extras


def _people(text: str, step: Step) -> Any:
    number = ascii_int(text.strip().replace(" ", "").replace("\u00a0", ""), low=1)
    if number is None or number > MAX_PEOPLE:
        return Refusal(step._("Please type a whole number of people, e.g. 1200."))
    return number


def _file(message: Message, step: Step) -> Any:
    if message.photo:
        return {"id": message.photo[-1].file_id, "type": "photo"}
    assert message.document is not None  # the engine passes photos and documents only
    return {"id": message.document.file_id, "type": "document"}


def fields(partners: Field) -> tuple[Field, ...]:
    """The form's fields after `partners`, the picker's field (donors or the recipient)."""
    return (
        _partners_chosen(partners),
        Field(
            "kind",
            N_("Kind"),
            prompt=lambda s: s._("What is it?"),
            options=labelled(KINDS),
        ),
        Field(
            "sector",
            N_("Sector"),
            prompt=lambda s: s._("Which sector is it for?"),
            options=_sectors,
        ),
        Field(
            "items",
            N_("Items"),
            prompt=_ask_items,
            parse=_parse_items,
            options=_item_options,
            check=_check_items,
            show=lambda v, s: items_text(s.context.t, v or [], currency_of(s.values)),
            changed=_items_changed,
            width=1,
        ),
        Field(
            "unit",
            "unit",
            prompt=_ask_unit,
            options=_units,
            when=lambda s: bool(_needs_unit(s)),
            changed=_unit_chosen,
            width=3,
            in_summary=False,
        ),
        Field(
            "value",
            N_("Value"),
            prompt=_ask_value,
            parse=_parse_value,
            check=_check_value,
            optional=True,
            when=_none_valued,
            show=lambda v, s: value_line(s.context.t, money_total(s.values) or {}) if v else "",
            changed=_forget_currency,
        ),
        Field(
            "currency",
            N_("Currency"),
            prompt=lambda s: s._("In which currency?"),
            options=_currencies,
            when=_needs_currency,
            width=3,
            in_summary=False,
        ),
        Field(
            "status",
            N_("Status"),
            prompt=_ask_status,
            options=_statuses,
            check=_check_status,
            changed=_no_future_date,
            show=lambda v, s: s._(STATUSES[v]) if v in STATUSES else "",
            width=2,
        ),
        Field(
            "date",
            N_("Date"),
            prompt=_ask_date,
            parse=_date,
            options=_date_options,
            show=lambda v, s: loose_day(s.context.t, v),
            changed=_date_taken,
            width=3,
        ),
        text_field(
            "facility",
            N_("Facility"),
            N_("Which facility received it? E.g. the city hospital or the Knyazhychi lyceum."),
            check_name,
            FACILITY_LIMIT,
            optional=True,
        ),
        text_field(
            "declaration",
            N_("Declaration No."),
            N_(
                "If it was imported as humanitarian aid: the number of its declaration, e.g."
                " 12345-2022. Or press Skip."
            ),
            check_text,
            DECLARATION_LIMIT,
            optional=True,
        ),
        text_field(
            "use",
            N_("Intended use"),
            N_("What is it for? E.g. “heating of the hospital during power cuts”. Or press Skip."),
            check_text,
            USE_LIMIT,
            optional=True,
        ),
        Field(
            "people",
            N_("People reached"),
            prompt=lambda s: s._("How many people does it reach? Type a number, or press Skip."),
            parse=_people,
            optional=True,
        ),
        Field(
            "files",
            N_("Files"),
            prompt=lambda s: s._(
                "Send photos or a scan of the handover act, then press Next. Or press Skip."
            ),
            media=_file,
            optional=True,
        ),
    )


# --------------------------------------------------------------------------- saving


def stored_items(values: dict[str, Any]) -> tuple[AidItem, ...]:
    return tuple(
        AidItem(
            item["name"],
            item.get("quantity"),
            item.get("unit"),
            to_minor(Decimal(item["price"])) if item.get("price") else None,
            to_minor(Decimal(item["value"])) if item.get("value") else None,
        )
        for item in values.get("items") or []
    )


def record_values(values: dict[str, Any]) -> dict[str, Any]:
    """The answers as the repository names them (a new record and a change alike)."""
    typed = values.get("value") if none_valued(values) else None
    total = money_total(values)
    day = LooseDate.of(values["date"])
    return {
        "kind": values["kind"],
        "sector": values["sector"],
        "items": stored_items(values),
        "value_minor": to_minor(Decimal(typed["value"])) if typed else None,
        "value_approximate": bool(total and total.get("approx")),
        "currency": currency_of(values) if total else None,
        "status": values["status"],
        "aid_date": day.day.isoformat(),
        "date_precision": day.precision.value,
        "facility": values.get("facility"),
        "declaration": values.get("declaration"),
        "intended_use": values.get("use"),
        "people_reached": values.get("people"),
        "files": tuple(values.get("files") or ()),
    }


def saved_items(items: tuple[AidItem, ...], approx: bool) -> list[dict[str, Any]]:
    """A saved record's items as the form's answers."""
    return [{**stored_item(item), "currency": None, "approx": approx} for item in items]
