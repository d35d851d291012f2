"""The aid and visits home screen, and the refusal for people who act for no community."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    ConversationHandler,
)

from bot.context import BotContext
from handlers.shared.screens import keyboard, show


async def refuse_without_community(update: Update, context: BotContext) -> bool:
    if context.community_id is not None:
        return False
    await show(
        update,
        context,
        context._(
            "Only people approved to act for a community can keep its aid log. Send /start to"
            " choose your community."
        ),
        keyboard([[(context._("Main menu"), "menu:home")]]),
    )
    return True


def home_markup(context: BotContext) -> InlineKeyboardMarkup:
    _ = context._
    return keyboard(
        [
            [(_("Log aid"), "ai:new"), (_("Log visit"), "vi:new")],
            [(_("Timeline"), "ai:tl:0:0"), (_("Totals"), "ai:tot:0")],
            [(_("Export CSV"), "ai:csv:0"), (_("Chart"), "ai:ch:0")],
            [(_("Main menu"), "menu:home")],
        ]
    )


async def home(update: Update, context: BotContext) -> int:
    if await refuse_without_community(update, context):
        return ConversationHandler.END
    assert context.community_id is not None
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    records = await context.repos.aid.count(community.id, None)
    text = context._(
        "Aid and visits — {community}\n\nRecord what arrives and who comes, confirm it with"
        " your partners, see totals, export a table or a chart for the council.",
        community=community.title(context.lang),
    )
    text += "\n" + context.ngettext("{n} aid record so far.", "{n} aid records so far.", records)
    await show(update, context, text, home_markup(context))
    return ConversationHandler.END
