"""How a saved aid record reads, in the reader's language (the user, a partner or a group):
pure functions of the record, the names of its sides and a translator."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from bot.domain.aid.model import KINDS, STATUSES, UNIT_LABELS, AidItem, from_minor, to_minor
from bot.domain.parsing.amounts import (
    Quantity,
    format_quantity,
)
from bot.domain.parsing.dates import DatePrecision, LooseDate
from bot.i18n import Translator
from handlers.aid.common import Names, format_day, joined, locale_name, money
from storage.aid import AidRecord


def quantity_text(t: Translator, quantity: str, unit: str | None) -> str:
    value = Decimal(quantity)
    if unit in ("pallets", "vehicles", "people"):
        number = format_quantity(Quantity(value, unit), locale_name(t), None)
        return counted(t, unit, number, plural_count(value))
    label = t._(UNIT_LABELS[unit]) if unit in UNIT_LABELS else None
    return format_quantity(Quantity(value, unit), locale_name(t), label)


def plural_count(value: Decimal) -> int:
    """The count that picks a word's form: a fraction reads like a few (1.5 pallets,
    1,5 палети)."""
    return int(value) if value == value.to_integral_value() else 2


def counted(t: Translator, unit: str, number: str, n: int) -> str:
    """Counted units agree with their number (1 pallet, 2 палети, 5 палет); t, kg and pcs
    are abbreviations that do not."""
    if unit == "pallets":
        return t.ngettext("{quantity}\u00a0pallet", "{quantity}\u00a0pallets", n, quantity=number)
    if unit == "vehicles":
        return t.ngettext("{quantity}\u00a0vehicle", "{quantity}\u00a0vehicles", n, quantity=number)
    return t.ngettext("{quantity}\u00a0person", "{quantity}\u00a0people", n, quantity=number)


def month_name(t: Translator, month: str) -> str:
    """A month as people say it: "березень 2022", "March 2022" (from 2022-03)."""
    from babel.dates import format_date  # see bot.i18n: not at every start

    return format_date(date.fromisoformat(month[:7] + "-01"), "LLLL y", locale=t.locale)


def loose_day(t: Translator, text: str | None) -> str:
    """A date as precisely as it was given: 15.11.2022, or березень 2022."""
    if not text:
        return ""
    day = LooseDate.of(text)
    if day.precision is DatePrecision.MONTH:
        return month_name(t, text)
    return format_day(t, day.day)


def record_day(t: Translator, record: AidRecord) -> str:
    return loose_day(
        t, record.aid_date[:7] if record.date_precision == "month" else record.aid_date
    )


def amount_text(t: Translator, value: Decimal, currency: str | None, approx: bool = False) -> str:
    shown = money(t, to_minor(value), currency)
    return f"≈\u00a0{shown}" if approx else shown


def item_text(t: Translator, item: Mapping[str, Any], currency: str | None) -> str:
    """One item of the form or of a record: "Generator — 2 pcs × €1,200.00 = €2,400.00"."""
    parts = [str(item["name"])]
    if item.get("quantity"):
        parts.append(quantity_text(t, item["quantity"], item.get("unit")))
    price, value = item.get("price"), item.get("value")
    approx = bool(item.get("approx"))
    if price and item.get("quantity"):
        parts[-1] += " × " + amount_text(t, Decimal(price), currency)
        if value:
            parts[-1] += " = " + amount_text(t, Decimal(value), currency, approx)
    elif value:
        parts.append(amount_text(t, Decimal(value), currency, approx))
    return " — ".join(parts)


def items_text(t: Translator, items: Sequence[Mapping[str, Any]], currency: str | None) -> str:
    """One item on its line; several numbered, one a line."""
    if len(items) == 1:
        return item_text(t, items[0], currency)
    return "\n" + "\n".join(
        f"{at}. {item_text(t, item, currency)}" for at, item in enumerate(items, start=1)
    )


def stored_item(item: AidItem) -> dict[str, Any]:
    return {
        "name": item.name,
        "quantity": item.quantity,
        "unit": item.unit,
        "price": str(from_minor(item.unit_price_minor)) if item.unit_price_minor else None,
        "value": str(from_minor(item.value_minor)) if item.value_minor else None,
    }


def record_text(t: Translator, record: AidRecord, names: Names) -> str:
    _ = t._
    parts = [
        _(
            "{donors} → {recipient}",
            donors=joined(names, record.donors),
            recipient=joined(names, [record.recipient_id]),
        ),
    ]
    kind = _(KINDS.get(record.kind, record.kind))
    items = [stored_item(item) for item in record.items]
    if len(items) > 1:
        parts.append(f"{kind}:{items_text(t, items, record.currency)}")
    else:
        parts.append(f"{kind}: {record.description}")
        if record.quantity:
            parts.append(quantity_text(t, record.quantity, record.unit))
    if record.value_minor:
        shown = money(t, record.value_minor, record.currency)
        if len(items) > 1:
            shown = _("Total: {value}", value=shown)
        parts.append(f"≈\u00a0{shown}" if record.value_approximate else shown)
    if record.facility:
        parts.append(record.facility)
    parts.append(f"{record_day(t, record)} · {status_text(t, record, names)}")
    return "\n".join(parts)


def files_text(t: Translator, n: int) -> str:
    if not n:
        return t._("No photos or handover act attached.")
    return t.ngettext("{n} file attached.", "{n} files attached.", n)


def status_text(t: Translator, record: AidRecord, names: Names) -> str:
    status = t._(STATUSES.get(record.status, record.status))
    if record.rejections:
        by = joined(names, [r.community_id for r in record.rejections])
        return status + " · " + t._("✗ rejected by {community}", community=by)
    if record.confirmed_by_both:
        return status + " · " + t._("✓✓ confirmed by both sides")
    if record.recipient_confirmed_by is None:
        return status + " · " + t._("waiting for the recipient to confirm")
    return status + " · " + t._("waiting for the donor to confirm")
