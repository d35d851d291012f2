"""How a saved aid record reads, in the reader's language (the user, a partner or a group)."""

from __future__ import annotations

from decimal import Decimal

from bot.aid import KINDS, STATUSES, UNIT_LABELS
from bot.context import BotContext
from bot.i18n import Translator
from bot.parsing.amounts import (
    Quantity,
    format_quantity,
)
from handlers.aid_common import (
    community_titles,
    format_day,
    locale_name,
    money,
)
from storage.aid import AidRecord


def quantity_text(t: Translator, quantity: str, unit: str | None) -> str:
    label = t._(UNIT_LABELS[unit]) if unit in UNIT_LABELS else None
    return format_quantity(Quantity(Decimal(quantity), unit), locale_name(t), label)


async def record_text(context: BotContext, record: AidRecord, t: Translator) -> str:
    _ = t._
    donors = await community_titles(context, record.donors, t.lang)
    recipient = await community_titles(context, [record.recipient_id], t.lang)
    parts = [
        _("{donors} → {recipient}", donors=donors, recipient=recipient),
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


def status_text(t: Translator, record: AidRecord) -> str:
    status = t._(STATUSES.get(record.status, record.status))
    if record.confirmed_by_both:
        return status + " · " + t._("✓✓ confirmed by both sides")
    if record.recipient_confirmed_by is None:
        return status + " · " + t._("waiting for the recipient to confirm")
    return status + " · " + t._("waiting for the donor to confirm")
