"""The one conversation of partner search: every button of the feature is an entry point, so
any of them works whatever step the person was at; the state only says which typed text is
expected (search words, an introduction, the posting form's answers)."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    BaseHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from handlers.offers import intro, mine, post, search
from handlers.offers.common import home, menu_entry
from handlers.offers.states import INTRO, SEARCH, WAITING
from handlers.shared.buttons import pressed
from handlers.shared.flows import flow_conversation
from handlers.shared.screens import show

# Every handler of a button: each takes its press, typed, as its third parameter.
PRESSED = (
    home,
    search.new_search,
    search.search_screen,
    search.pick,
    search.results_page,
    search.open_card,
    search.notice_settings,
    search.turn_notices,
    post.start,
    mine.my_posts,
    mine.open_post,
    mine.change,
    intro.start,
    intro.send,
    intro.rewrite,
    intro.drop,
    intro.decide,
    intro.start_partnership,
)


async def expect_button(update: Update, context: BotContext) -> object:
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))
    return None


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    text = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
    entry_points: list[BaseHandler[Any, Any, Any]] = [
        menu_entry(),
        CommandHandler("find", search.find_command, filters=filters.ChatType.PRIVATE),
        post.FORM.press_handler(),
        *(pressed(callback) for callback in PRESSED),
    ]
    return flow_conversation(
        app,
        "offers",
        drafts=("offers", post.FORM.name),
        entry_points=entry_points,
        states={
            SEARCH: [MessageHandler(text, search.typed_words)],
            INTRO: [MessageHandler(text, intro.typed_message)],
            WAITING: [],
            **post.FORM.states(),
        },
        fallbacks=[MessageHandler(text, expect_button)],
    )
