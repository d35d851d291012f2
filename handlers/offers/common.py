"""What the offers handlers share: showing a screen, the person's own community, the
feature's screen, and the check of typed free text."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, ConversationHandler

from bot.context import BotContext
from bot.domain.offers.model import side_for_community
from bot.domain.parsing.text import TextProblem, check_text, clean
from bot.i18n import Translator
from handlers.offers import screens
from handlers.offers.buttons import OffersHome
from handlers.shared.forms import Refusal
from handlers.shared.navigation import GoTo, Place
from handlers.shared.screens import answer, show
from storage.communities import Community


async def present(update: Update, context: BotContext, screen: screens.Screen) -> None:
    await show(update, context, screen.text, screen.markup)


async def own_community(update: Update, context: BotContext) -> Community | None:
    """The approved community the person acts for, or a refusal shown to them."""
    if context.community_id is not None:
        community = await context.repos.communities.get(context.community_id)
        if community is not None:
            return community
    await present(update, context, screens.not_approved(context.t))
    return None


async def show_home(update: Update, context: BotContext, notice: str | None = None) -> object:
    community = await own_community(update, context)
    if community is not None:
        side = side_for_community(community.kind)
        await present(update, context, screens.home(side, context.t, notice))
    return ConversationHandler.END


async def home(update: Update, context: BotContext, _press: OffersHome | None = None) -> object:
    """The feature's screen, from the main menu or a Back button."""
    return await show_home(update, context)


async def no_longer_active(update: Update, context: BotContext) -> None:
    """Tell the presser of a button whose flow has ended or changed."""
    if update.callback_query is not None:
        await answer(update.callback_query, context._("That button is no longer active."))


def menu_entry() -> CallbackQueryHandler[BotContext, object]:
    """The main menu's button for this feature, declared with the menu and matched here."""
    return GoTo.handler(lambda u, c, _p: home(u, c), when=lambda p: p.place is Place.OFFERS)


def typed_text(typed: str, limit: int, empty: str, t: Translator) -> str | Refusal:
    """Free text as it is kept, or why it is refused; `empty` says what was expected."""
    problem = check_text(typed, limit)
    if problem is TextProblem.EMPTY:
        return Refusal(empty)
    if problem is TextProblem.TOO_LONG:
        return Refusal(t._("That is too long: please type at most {n} characters.", n=limit))
    return clean(typed)
