"""Typed answers in the aid and visit forms: free-text fields, and what the person is told
when an amount, a date or a text is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.context import BotContext
from bot.domain.parsing.amounts import AmountErrorCode
from bot.domain.parsing.dates import DateErrorCode
from bot.domain.parsing.items import MAX_NAME, ItemError, ItemErrorCode
from bot.domain.parsing.text import TextProblem, clean
from bot.i18n import N_
from handlers.aid.common import text_problem
from handlers.shared.forms import Field, Parser, Refusal, Step

AMOUNT_PROBLEMS = {
    AmountErrorCode.NEGATIVE: N_(
        "The amount cannot be negative. Type it again, e.g. 3 900 000 UAH."
    ),
    AmountErrorCode.ZERO: N_("The amount must be more than zero. Type it again, e.g. 1.5 t."),
    AmountErrorCode.TOO_LARGE: N_("That number is too large. Please check it and type it again."),
    AmountErrorCode.EMPTY: N_("Please type a number."),
}
UNREADABLE_AMOUNT = N_(
    "I could not read that number. Type digits, e.g. 3 900 000, 3,9 млн, 100k or 100 тис. євро."
)
DATE_PROBLEMS = {
    DateErrorCode.INVALID: N_("That date does not exist. Please check the day and the month."),
    DateErrorCode.FUTURE: N_(
        "Received aid cannot have a date in the future. Type the date it arrived."
    ),
    DateErrorCode.TOO_OLD: N_("That date is too far in the past. Please check the year."),
    DateErrorCode.BEFORE: N_("That date is too far in the past. Please check the year."),
    DateErrorCode.TOO_FAR: N_("That date is too far in the future. Please check the year."),
    DateErrorCode.ORDER: N_("The visit cannot end before it starts. Type the dates again."),
}
UNREADABLE_DATE = N_("I could not read that date. Type it like 25.03.2026, 2026-03-25 or “today”.")
ITEM_EXAMPLE = N_("For example: “11 t food and hygiene kits” or “Generator 2 pcs at 1 200 EUR”.")
ITEM_PROBLEMS = {
    ItemErrorCode.EMPTY: N_("The message was empty. Please type the item."),
    ItemErrorCode.NO_NAME: N_("Line {line}: please say what it is, not only how much."),
    ItemErrorCode.TOO_MANY: N_("That is too many items for one record: log the rest as another."),
    ItemErrorCode.TOO_LONG: N_(
        "Line {line} is too long: please keep a name under {limit} characters."
    ),
}


def amount_problem(context: BotContext, code: AmountErrorCode) -> str:
    return context._(AMOUNT_PROBLEMS.get(code, UNREADABLE_AMOUNT))


def item_problem(context: BotContext, error: ItemError) -> str:
    """What is wrong with a typed item line, and the example."""
    if error.code is ItemErrorCode.AMOUNT and error.amount is not None:
        problem = (
            context._("Line {line}:", line=error.line) + " " + amount_problem(context, error.amount)
        )
    else:
        problem = context._(ITEM_PROBLEMS[error.code], line=error.line, limit=MAX_NAME)
    return problem + "\n" + context._(ITEM_EXAMPLE)


def date_problem(context: BotContext, code: DateErrorCode) -> str:
    return context._(DATE_PROBLEMS.get(code, UNREADABLE_DATE))


def typed_text(check: Callable[[str, int], TextProblem | None], limit: int) -> Parser:
    """A parser for free text (a description, a name): cleaned, or what is wrong with it."""

    def parse(text: str, step: Step) -> Any:
        problem = check(text, limit)
        if problem is not None:
            return Refusal(text_problem(step.context, problem, limit))
        return clean(text)

    return parse


def text_field(
    name: str,
    label: str,
    question: str,
    check: Callable[[str, int], TextProblem | None],
    limit: int,
    *,
    optional: bool = False,
) -> Field:
    """A field answered by typing text; `label` and `question` are marked with N_."""
    return Field(
        name,
        label,
        prompt=lambda s: s._(question),
        parse=typed_text(check, limit),
        optional=optional,
    )
