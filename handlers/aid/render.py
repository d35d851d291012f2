"""How a saved aid record reads, in the reader's language (the user, a partner or a group):
pure functions of the record, the names of its sides and a translator."""

from __future__ import annotations

from decimal import Decimal

from bot.domain.aid.model import KINDS, STATUSES, UNIT_LABELS
from bot.domain.parsing.amounts import (
    Quantity,
    format_quantity,
)
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


def record_text(t: Translator, record: AidRecord, names: Names) -> str:
    _ = t._
    parts = [
        _(
            "{donors} → {recipient}",
            donors=joined(names, record.donors),
            recipient=joined(names, [record.recipient_id]),
        ),
        f"{_(KINDS.get(record.kind, record.kind))}: {record.description}",
    ]
    if record.quantity:
        parts.append(quantity_text(t, record.quantity, record.unit))
    if record.value_minor:
        parts.append(money(t, record.value_minor, record.currency))
    if record.facility:
        parts.append(record.facility)
    parts.append(f"{format_day(t, record.aid_date)} · {status_text(t, record)}")
    return "\n".join(parts)


def files_text(t: Translator, n: int) -> str:
    if not n:
        return t._("No photos or handover act attached.")
    return t.ngettext("{n} file attached.", "{n} files attached.", n)


def status_text(t: Translator, record: AidRecord) -> str:
    status = t._(STATUSES.get(record.status, record.status))
    if record.confirmed_by_both:
        return status + " · " + t._("✓✓ confirmed by both sides")
    if record.recipient_confirmed_by is None:
        return status + " · " + t._("waiting for the recipient to confirm")
    return status + " · " + t._("waiting for the donor to confirm")
