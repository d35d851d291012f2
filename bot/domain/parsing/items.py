"""Items of a shipment as people type them, one a line:

    11 t food and hygiene kits
    Генератор 2 шт по 1 200 євро
    Ultrasound scanner, 1 pc, 45 000 EUR
    Ліки

Each line is a name with, optionally, a quantity and its unit anywhere in it, and at its
end either a unit price (after "по", "at", "@", "×", or with "each" / "за шт") or the
line's value (an amount with its currency, or after "=", "за", "worth", "на суму"). A
number in the name that no unit follows ("Ліцей №5", "School 5") stays in the name unless
it ends the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.domain.parsing.amounts import (
    Amount,
    AmountError,
    AmountErrorCode,
    Quantity,
    is_approximate,
    parse_amount,
    parse_quantity,
    unit_of,
)

__all__ = ["ItemError", "ItemErrorCode", "ItemLine", "parse_item_lines"]

MAX_ITEMS = 40
MAX_NAME = 200
_MAX_LINE = 300

_PRICE_MARKERS = frozenset(("по", "at", "@", "×", "x", "х", "*", "à"))
_VALUE_MARKERS = frozenset(("=", "на", "за", "for", "worth", "вартістю", "value", "total", "разом"))
_VALUE_PHRASES = (("на", "суму"), ("на", "загальну", "суму"), ("in", "total"))
_EACH = (
    ("each",),
    ("apiece",),
    ("per", "piece"),
    ("per", "unit"),
    ("за", "шт"),
    ("за", "од"),
    ("за", "штуку"),
    ("за", "одиницю"),
    ("кожен",),
    ("кожна",),
    ("/шт",),
    ("/pc",),
)
_BULLET = re.compile(r"^(?:[-–—•*·]|[0-9]{1,2}[.)])\s+")
_EDGES = " ,;:–—-·|"
_LEADING_LINKS = ("of ", "з ", "із ", "зі ")
_NUMBER = re.compile(r"[0-9][0-9.,']*")
_GROUP = re.compile(r"[0-9]{3}")
_NEGATIVE = re.compile(r"(?:^|\s)[-−–][0-9]")


class ItemErrorCode(StrEnum):
    EMPTY = "empty"
    NO_NAME = "no_name"
    AMOUNT = "amount"  # see `amount`
    TOO_MANY = "too_many"
    TOO_LONG = "too_long"


class ItemError(ValueError):
    """A line that is not an item; `line` counts from 1, `amount` says what was wrong with
    its number when that was the problem."""

    def __init__(
        self, code: ItemErrorCode, line: int = 0, amount: AmountErrorCode | None = None
    ) -> None:
        super().__init__(code.value)
        self.code, self.line, self.amount = code, line, amount


@dataclass(frozen=True)
class ItemLine:
    name: str
    quantity: Quantity | None = None
    unit_price: Amount | None = None
    value: Amount | None = None  # the line's value as typed (not quantity × price)


def parse_item_lines(text: str) -> list[ItemLine]:
    """Every non-empty line of `text` as an item."""
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    items = []
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        try:
            items.append(_item(line))
        except ItemError as error:
            error.line = number
            raise
        except AmountError as error:
            raise ItemError(ItemErrorCode.AMOUNT, number, error.code) from None
    if not items:
        raise ItemError(ItemErrorCode.EMPTY)
    if len(items) > MAX_ITEMS:
        raise ItemError(ItemErrorCode.TOO_MANY)
    return items


def _item(line: str) -> ItemLine:
    if len(line) > _MAX_LINE:
        raise ItemError(ItemErrorCode.TOO_LONG)
    line = _BULLET.sub("", line)
    if _NEGATIVE.search(line):
        raise AmountError(AmountErrorCode.NEGATIVE)
    tokens = line.split()
    head, price, value = _money_tail(tokens)
    name_tokens, quantity = _quantity(head)
    name = _name(name_tokens)
    if not name:
        raise ItemError(ItemErrorCode.NO_NAME)
    if len(name) > MAX_NAME:
        raise ItemError(ItemErrorCode.TOO_LONG)
    return ItemLine(name, quantity, price, value)


def _money_tail(tokens: list[str]) -> tuple[list[str], Amount | None, Amount | None]:
    """(the rest, unit price, value): the longest end of the line that reads as money."""
    for start in range(1, len(tokens)):
        tail = tokens[start:]
        lowered = [t.lower().strip(",;") for t in tail]
        price, lowered = _strip_each(lowered)
        marker = lowered[0] if lowered else ""
        if marker in _PRICE_MARKERS:
            price, lowered = True, lowered[1:]
        elif marker in _VALUE_MARKERS:
            lowered = lowered[1:]
        else:
            for phrase in _VALUE_PHRASES:
                if tuple(lowered[: len(phrase)]) == phrase:
                    lowered = lowered[len(phrase) :]
                    break
        marked = len(lowered) < len(tail) or price
        if not lowered or not any(ch.isdigit() for ch in lowered[0] + "".join(lowered[1:2])):
            continue
        try:
            amount = parse_amount(" ".join(lowered))
        except AmountError as error:
            if marked and error.code is not AmountErrorCode.FORMAT:
                raise
            continue
        if amount.currency is None and not marked:
            continue  # a bare number at the end is a quantity, not money
        head = tokens[:start]
        return (head, amount, None) if price else (head, None, amount)
    return tokens, None, None


def _strip_each(tokens: list[str]) -> tuple[bool, list[str]]:
    for phrase in _EACH:
        if tuple(tokens[-len(phrase) :]) == phrase and len(tokens) > len(phrase):
            return True, tokens[: -len(phrase)]
    return False, tokens


def _quantity(tokens: list[str]) -> tuple[list[str], Quantity | None]:
    """The name's words and the quantity: a number with the unit after it, else a number
    that ends the line."""
    for at, token in enumerate(tokens):
        if not _NUMBER.match(token):
            continue
        for width in _number_widths(tokens, at):
            for unit_width in (3, 2, 1):
                unit_words = tokens[at + width : at + width + unit_width]
                if len(unit_words) < unit_width:
                    continue
                unit_text = " ".join(unit_words).strip(_EDGES).rstrip(".")
                if unit_of(unit_text) is None:
                    continue
                number = " ".join(tokens[at : at + width]).strip(_EDGES)
                quantity = parse_quantity(f"{number} {unit_text}")
                before = tokens[:at]
                if before and is_approximate(before[-1]):
                    before = before[:-1]
                    quantity = Quantity(quantity.value, quantity.unit, True)
                return [*before, *tokens[at + width + unit_width :]], quantity
    for at in range(len(tokens) - 1, 0, -1):
        if not _NUMBER.match(tokens[at]):
            continue
        for width in _number_widths(tokens, at):
            if at + width == len(tokens):
                number = " ".join(tokens[at:]).strip(_EDGES)
                return tokens[:at], parse_quantity(number)
        break
    return tokens, None


def _number_widths(tokens: list[str], at: int) -> list[int]:
    """How many tokens from `at` may form one number, longest first: "1 000 000" is three."""
    widths = [1]
    if len(tokens[at]) <= 3 and tokens[at].isdigit():
        end = at + 1
        while end < len(tokens) and _GROUP.fullmatch(tokens[end].strip(",;")):
            end += 1
            widths.append(end - at)
    return widths[::-1]


def _name(tokens: list[str]) -> str:
    name = " ".join(tokens).strip(_EDGES)
    lowered = name.lower()
    for link in _LEADING_LINKS:
        if lowered.startswith(link):
            name = name[len(link) :].strip(_EDGES)
            break
    return name[:1].upper() + name[1:]


def line_value(item: ItemLine) -> Decimal | None:
    """What the line is worth: its value, or quantity × unit price (a price alone, without
    a quantity, is the value of the one thing named)."""
    if item.value is not None:
        return item.value.value
    if item.unit_price is None:
        return None
    if item.quantity is None:
        return item.unit_price.value
    return item.quantity.value * item.unit_price.value
