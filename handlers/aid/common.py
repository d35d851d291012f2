"""What the aid and visit screens share: names, dates, amounts and messages (the partner
picker is in `partners`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from telegram.error import TelegramError
from telegram.ext import filters

from bot.context import BotContext
from bot.domain.parsing.amounts import Amount, format_amount
from bot.domain.parsing.text import TextProblem
from bot.i18n import Translator

TEXT = filters.TEXT & ~filters.COMMAND


def locale_name(context: BotContext | Translator) -> str:
    t = context.t if isinstance(context, BotContext) else context
    return str(t.locale)


def money(t: Translator, minor: int, currency: str | None) -> str:
    return format_amount(Amount(Decimal(minor) / 100, currency), locale_name(t))


def format_day(t: Translator, day: str | date) -> str:
    return t.numeric_date(date.fromisoformat(day) if isinstance(day, str) else day)


Names = Mapping[int, str]


async def names_of(context: BotContext, ids: Iterable[int], lang: str) -> dict[int, str]:
    """Community titles in `lang`, loaded once for a screen that names several sides."""
    found = await context.repos.communities.list_by_ids(list(dict.fromkeys(ids)))
    return {c.id: c.title(lang) for c in found}


def joined(names: Names, ids: Iterable[int], sep: str = ", ") -> str:
    return sep.join(names[i] for i in ids if i in names)


async def community_titles(context: BotContext, ids: list[int] | tuple[int, ...], lang: str) -> str:
    return joined(await names_of(context, ids, lang), ids)


def today(context: BotContext) -> date:
    """Today where the user is: "today" and future-date checks follow their clock."""
    return context.services.clock.now().astimezone(ZoneInfo(context.tz)).date()


def text_problem(context: BotContext, problem: TextProblem, limit: int) -> str:
    _ = context._
    if problem is TextProblem.EMPTY:
        return _("The message was empty. Please type the text.")
    if problem is TextProblem.TOO_LONG:
        return _("That is too long: please type at most {limit} characters.", limit=limit)
    return _("Please type it in letters.")


async def send_safely(context: BotContext, chat_id: int, text: str, markup: Any = None) -> bool:
    """Tell someone else; a person who blocked the bot must not break the sender's flow."""
    try:
        await context.bot.send_message(chat_id, text, reply_markup=markup)
    except TelegramError:
        return False
    return True
