"""What the aid and visit screens share: drafts, the partner picker, names and messages.

The partner picker lists the community's partners as buttons; typing a name searches the
gazetteer, and "Not in the list" takes a name and a country. The aid flow (prefix `ai`)
lets a Ukrainian community pick several donors; the visit flow (prefix `vi`) picks one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from decimal import Decimal
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.context import BotContext
from bot.gazetteer import get_gazetteer
from bot.i18n import Translator
from bot.parsing.amounts import Amount, AmountErrorCode, format_amount
from bot.parsing.dates import DateErrorCode
from bot.text_input import TextProblem, check_name, clean
from handlers.common import FLOW_PREFIX, Button, columns, keyboard, show
from storage.communities import Community

PICK, MANUAL_NAME, MANUAL_COUNTRY = "pick", "manual_name", "manual_country"
MAX_RESULTS = 5
TEXT = filters.TEXT & ~filters.COMMAND

Step = Callable[[Update, BotContext], Awaitable[object]]


def draft(context: BotContext, name: str) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(FLOW_PREFIX + name, {})


def drop_draft(context: BotContext, name: str) -> None:
    if context.user_data is not None:
        context.user_data.pop(FLOW_PREFIX + name, None)


def data_parts(update: Update) -> list[str]:
    assert update.callback_query is not None
    return (update.callback_query.data or "").split(":")


def locale_name(context: BotContext | Translator) -> str:
    t = context.t if isinstance(context, BotContext) else context
    return str(t.locale)


def money(t: Translator, minor: int, currency: str | None) -> str:
    return format_amount(Amount(Decimal(minor) / 100, currency), locale_name(t))


def format_day(t: Translator, day: str | date) -> str:
    return t.numeric_date(date.fromisoformat(day) if isinstance(day, str) else day)


async def community_titles(context: BotContext, ids: list[int] | tuple[int, ...], lang: str) -> str:
    communities = {c.id: c for c in await context.repos.communities.list_by_ids(list(ids))}
    return ", ".join(communities[i].title(lang) for i in ids if i in communities)


async def partners_of(context: BotContext, community_id: int) -> list[Community]:
    """The other side of each partnership, in the order they were made."""
    partnerships = await context.repos.partnerships.for_community(community_id)
    ids: list[int] = []
    for p in partnerships:
        other = p.partner_id if p.community_id == community_id else p.community_id
        if other not in ids:
            ids.append(other)
    found = {c.id: c for c in await context.repos.communities.list_by_ids(ids)}
    return [found[i] for i in ids if i in found]


def amount_problem(context: BotContext, code: AmountErrorCode) -> str:
    _ = context._
    if code is AmountErrorCode.NEGATIVE:
        return _("The amount cannot be negative. Type it again, e.g. 3 900 000 UAH.")
    if code is AmountErrorCode.ZERO:
        return _("The amount must be more than zero. Type it again, e.g. 1.5 t.")
    if code is AmountErrorCode.TOO_LARGE:
        return _("That number is too large. Please check it and type it again.")
    if code is AmountErrorCode.EMPTY:
        return _("Please type a number.")
    return _(
        "I could not read that number. Type digits, e.g. 3 900 000, 3,9 млн, 100k or 100 тис. євро."
    )


def date_problem(context: BotContext, code: DateErrorCode) -> str:
    _ = context._
    if code is DateErrorCode.INVALID:
        return _("That date does not exist. Please check the day and the month.")
    if code is DateErrorCode.FUTURE:
        return _("Received aid cannot have a date in the future. Type the date it arrived.")
    if code in (DateErrorCode.TOO_OLD, DateErrorCode.BEFORE):
        return _("That date is too far in the past. Please check the year.")
    if code is DateErrorCode.TOO_FAR:
        return _("That date is too far in the future. Please check the year.")
    if code is DateErrorCode.ORDER:
        return _("The visit cannot end before it starts. Type the dates again.")
    return _("I could not read that date. Type it like 25.03.2026, 2026-03-25 or “today”.")


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


class PartnerPicker:
    """The partner step of a flow, parameterised by the flow's prefix and draft."""

    def __init__(self, prefix: str, flow: str, multi: bool, done: Step) -> None:
        self.prefix, self.flow, self.multi, self.done = prefix, flow, multi, done

    def _draft(self, context: BotContext) -> dict[str, Any]:
        return draft(context, self.flow)

    def _multi(self, context: BotContext) -> bool:
        """Several donors may give together; a partner logs its own gift to one community."""
        return self.multi and self.foreign_wanted(context)

    def foreign_wanted(self, context: BotContext) -> bool:
        """Ukrainian communities pick foreign partners, and the other way round."""
        return bool(self._draft(context).get("own_kind") == "ua")

    async def ask(self, update: Update, context: BotContext, note: str = "") -> str:
        _ = context._
        d = self._draft(context)
        chosen: list[int] = d.setdefault("partners", [])
        partners = await partners_of(context, d["community"])
        extra = await context.repos.communities.list_by_ids(
            [c for c in chosen if c not in {p.id for p in partners}]
        )
        buttons: list[Button] = [
            (
                ("✓ " if c.id in chosen else "") + c.title(context.lang)[:40],
                f"{self.prefix}:d:{c.id}",
            )
            for c in [*partners, *extra]
        ]
        rows = columns(buttons)
        if self._multi(context) and chosen:
            rows.append([(_("Done"), f"{self.prefix}:dn")])
        rows.append([(_("Cancel"), f"{self.prefix}:x")])
        if self._multi(context):
            text = _(
                "Who gave it? Choose one or more partners, then press Done. To add another,"
                " type its name, e.g. Jena."
            )
        elif self.foreign_wanted(context):
            text = _("Which partner? Choose one, or type the name of the municipality, e.g. Jena.")
        else:
            text = _("Which community? Choose one, or type its name, e.g. Бровари or Brovary.")
        await show(update, context, f"{note}\n\n{text}".strip(), keyboard(rows))
        return PICK

    async def toggle(self, update: Update, context: BotContext) -> object:
        parts = data_parts(update)
        try:
            community_id = int(parts[2])
        except (IndexError, ValueError):
            return await self.ask(update, context)
        return await self._choose(update, context, community_id)

    async def _choose(self, update: Update, context: BotContext, community_id: int) -> object:
        d = self._draft(context)
        community = await context.repos.communities.get(community_id)
        if community is None or community_id == d["community"]:
            return await self.ask(update, context)
        chosen: list[int] = d.setdefault("partners", [])
        if not self._multi(context):
            d["partners"] = [community_id]
            return await self.done(update, context)
        if community_id in chosen:
            chosen.remove(community_id)
        else:
            chosen.append(community_id)
        return await self.ask(update, context)

    async def finish(self, update: Update, context: BotContext) -> object:
        if not self._draft(context).get("partners"):
            return await self.ask(update, context)
        return await self.done(update, context)

    async def search(self, update: Update, context: BotContext) -> str:
        assert update.message is not None
        _ = context._
        text = update.message.text or ""
        problem = check_name(text)
        if problem is not None:
            await show(update, context, text_problem(context, problem, 100))
            return PICK
        foreign = self.foreign_wanted(context)
        places = [
            p
            for p in get_gazetteer().search(text, limit=MAX_RESULTS * 3)
            if (p.country_code != "UA") == foreign
        ][:MAX_RESULTS]
        rows: list[list[Button]] = [
            [(p.display(context.lang)[:60], f"{self.prefix}:pl:{p.key}")] for p in places
        ]
        if foreign:
            rows.append([(_("Not in the list"), f"{self.prefix}:man")])
        rows.append([(_("Back"), f"{self.prefix}:pk")])
        if places:
            reply = _("Which one is it? If it is not in the list, type the name again.")
        else:
            reply = _(
                "Nothing found for “{query}”. Check the spelling and type it again.",
                query=clean(text)[:60],
            )
        await show(update, context, reply, keyboard(rows))
        return PICK

    async def pick_place(self, update: Update, context: BotContext) -> object:
        assert context.account is not None
        key = ":".join(data_parts(update)[2:])
        place = get_gazetteer().get(key)
        if place is None or (place.country_code != "UA") != self.foreign_wanted(context):
            return await self.ask(update, context)
        community = await context.repos.communities.from_place(place, created_by=context.account.id)
        return await self._choose(update, context, community.id)

    async def ask_manual_name(self, update: Update, context: BotContext) -> str:
        _ = context._
        await show(
            update,
            context,
            _("Type the official name of the municipality, district or county in Latin script."),
            keyboard([[(_("Back"), f"{self.prefix}:pk")]]),
        )
        return MANUAL_NAME

    async def take_manual_name(self, update: Update, context: BotContext) -> str:
        assert update.message is not None
        text = update.message.text or ""
        problem = check_name(text)
        if problem is not None:
            await show(update, context, text_problem(context, problem, 100))
            return MANUAL_NAME
        self._draft(context)["manual_name"] = clean(text)
        await show(
            update,
            context,
            context._("Type the country, e.g. Germany or Lithuania."),
            keyboard([[(context._("Back"), f"{self.prefix}:pk")]]),
        )
        return MANUAL_COUNTRY

    async def take_country(self, update: Update, context: BotContext) -> str:
        assert update.message is not None
        _ = context._
        text = update.message.text or ""
        countries = [c for c in get_gazetteer().find_countries(text) if c.code != "UA"]
        if not countries:
            await show(
                update,
                context,
                _(
                    "No country found for “{query}”. Type it again, e.g. Poland.",
                    query=clean(text)[:60],
                ),
            )
            return MANUAL_COUNTRY
        rows = [[(c.name(context.lang), f"{self.prefix}:cty:{c.code}")] for c in countries]
        rows.append([(_("Back"), f"{self.prefix}:pk")])
        await show(update, context, _("Which country?"), keyboard(rows))
        return MANUAL_COUNTRY

    async def pick_country(self, update: Update, context: BotContext) -> object:
        assert context.account is not None
        code = data_parts(update)[-1]
        name = self._draft(context).get("manual_name")
        if not name or get_gazetteer().country(code) is None or code == "UA":
            return await self.ask(update, context)
        community = await context.repos.communities.create(
            kind="foreign",
            name=name,
            country_code=code,
            unit_kind="municipality",
            created_by=context.account.id,
        )
        return await self._choose(update, context, community.id)

    async def back_to_pick(self, update: Update, context: BotContext) -> object:
        return await self.ask(update, context)

    def states(self) -> dict[object, list[Any]]:
        p = self.prefix
        back = CallbackQueryHandler(self.back_to_pick, pattern=rf"^{p}:pk$")
        return {
            PICK: [
                CallbackQueryHandler(self.toggle, pattern=rf"^{p}:d:"),
                CallbackQueryHandler(self.finish, pattern=rf"^{p}:dn$"),
                CallbackQueryHandler(self.pick_place, pattern=rf"^{p}:pl:"),
                CallbackQueryHandler(self.ask_manual_name, pattern=rf"^{p}:man$"),
                back,
                MessageHandler(TEXT, self.search),
            ],
            MANUAL_NAME: [back, MessageHandler(TEXT, self.take_manual_name)],
            MANUAL_COUNTRY: [
                CallbackQueryHandler(self.pick_country, pattern=rf"^{p}:cty:"),
                back,
                MessageHandler(TEXT, self.take_country),
            ],
        }
