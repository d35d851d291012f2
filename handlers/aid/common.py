"""What the aid and visit screens share: drafts, the partner picker, names and messages.

The partner picker lists the community's partners as buttons; typing a name goes to the
shared place picker (search, oblast filter, "Not in the list" by name and country). The aid
form lets a Ukrainian community pick several donors; the visit form picks one partner (see
`partners`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.context import BotContext
from bot.domain.parsing.amounts import Amount, format_amount
from bot.domain.parsing.text import TextProblem
from bot.i18n import Translator
from handlers.shared.flows import FLOW_PREFIX
from handlers.shared.place_picker import Picked, PlacePicker, community_for
from handlers.shared.screens import Button, button_int, columns, keyboard, show
from storage.communities import Community

PICK, MANUAL_NAME, MANUAL_COUNTRY = "pick", "manual_name", "manual_country"
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
        self.places = PlacePicker(
            prefix,
            state=PICK,
            store=self._draft,
            side=lambda context: "foreign" if self.foreign_wanted(context) else "ua",
            on_pick=self._picked,
            back=lambda context: f"{prefix}:pk",
            manual=self.foreign_wanted,
        )

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
        community_id = button_int(parts[2] if len(parts) > 2 else None)
        if community_id is None:
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

    async def _picked(self, update: Update, context: BotContext, picked: Picked) -> object:
        assert context.account is not None
        community = await community_for(context, picked, context.account.id)
        if community is None or (community.kind == "foreign") != self.foreign_wanted(context):
            return await self.ask(update, context)
        return await self._choose(update, context, community.id)

    async def back_to_pick(self, update: Update, context: BotContext) -> object:
        self.places.reset(context)
        return await self.ask(update, context)

    def states(self) -> dict[object, list[Any]]:
        p = self.prefix
        back = CallbackQueryHandler(self.back_to_pick, pattern=rf"^{p}:pk$")
        pick = [
            CallbackQueryHandler(self.toggle, pattern=rf"^{p}:d:"),
            CallbackQueryHandler(self.finish, pattern=rf"^{p}:dn$"),
            *self.places.handlers(),
            back,
            MessageHandler(TEXT, self.places.take_text),
        ]
        # The name and country of a place by hand are steps of the place picker now; flows
        # saved in their old states go on there.
        return dict.fromkeys((PICK, MANUAL_NAME, MANUAL_COUNTRY), pick)
