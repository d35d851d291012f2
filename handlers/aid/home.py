"""The aid and visits home screen, the refusal for people who act for no community, and
the way out of the aid and visit forms (back to the home screen under a message)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from handlers.aid.screens import home_markup, home_screen, no_community_screen
from handlers.shared.screens import show


async def refuse_without_community(update: Update, context: BotContext) -> bool:
    if context.community_id is not None:
        return False
    await show(update, context, *no_community_screen(context.t))
    return True


async def home(update: Update, context: BotContext) -> int:
    if await refuse_without_community(update, context):
        return ConversationHandler.END
    assert context.community_id is not None
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    records = await context.repos.aid.count(community.id, None)
    await show(update, context, *home_screen(context.t, community.title(context.lang), records))
    return ConversationHandler.END


async def back_home(update: Update, context: BotContext, text: str) -> object:
    """Leave a form (cancelled, or its draft no longer valid): the text above the home menu."""
    await show(update, context, text, home_markup(context.t))
    return ConversationHandler.END
