"""What the offers screens share: the person's own community, and the feature's home screen."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.offers import OFFER, side_for_community
from handlers.shared.screens import Button, keyboard, show
from storage.communities import Community


async def own_community(update: Update, context: BotContext) -> Community | None:
    """The approved community the person acts for, or a refusal shown to them."""
    if context.community_id is not None:
        community = await context.repos.communities.get(context.community_id)
        if community is not None:
            return community
    await show(
        update,
        context,
        context._(
            "Partner search is open to people whose community an operator has approved."
            " Send /start to choose your community."
        ),
        keyboard([[(context._("Main menu"), "menu:home")]]),
    )
    return None


async def home(update: Update, context: BotContext) -> int:
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    _ = context._
    rows: list[list[Button]] = [[(_("Find partners"), "of:find")]]
    if side_for_community(community.kind) == OFFER:
        rows.append([(_("Post an offer"), "of:p:new")])
        text = _(
            "Partner search. Find Ukrainian communities whose needs your municipality can help"
            " with, or post an offer of help or cooperation."
        )
    else:
        rows.append([(_("Post a need"), "nd:p:new")])
        text = _(
            "Partner search. Find municipalities abroad that offer help or cooperation, or post"
            " what your community needs."
        )
    rows += [
        [(_("My posts"), "of:mine"), (_("Notice settings"), "of:notice")],
        [(_("Main menu"), "menu:home")],
    ]
    await show(update, context, text, keyboard(rows))
    return ConversationHandler.END
