"""The money of a log aid draft: the record's currency and value, read from its items and
the value typed for the whole record (see `form` for the shape of the answers)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def typed_currencies(items: list[dict[str, Any]], value: dict[str, Any] | None) -> set[str]:
    found = {item["currency"] for item in items if item.get("currency")}
    if value and value.get("currency"):
        found.add(value["currency"])
    return found


def currency_of(values: dict[str, Any]) -> str | None:
    """The record's currency: as typed with an amount, else as chosen."""
    value = values.get("value")
    typed = typed_currencies(values.get("items") or [], value if none_valued(values) else None)
    return next(iter(typed), None) or values.get("currency")


def none_valued(values: dict[str, Any]) -> bool:
    return not any(item.get("value") for item in values.get("items") or [])


def money_total(values: dict[str, Any]) -> dict[str, Any] | None:
    """The record's value as the summary shows it: the items' values added up, else the
    value typed for the whole record."""
    items = values.get("items") or []
    currency = currency_of(values)
    if not none_valued(values):
        total = sum((Decimal(i["value"]) for i in items if i.get("value")), Decimal(0))
        approx = any(i.get("approx") for i in items)
        return {"value": str(total), "currency": currency, "approx": approx}
    value = values.get("value")
    if not value:
        return None
    return {**value, "currency": currency}
