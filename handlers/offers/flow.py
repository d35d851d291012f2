"""The one conversation of partner search: every button of the feature is an entry point, so
any of them works whatever step the person was at; the state only says which typed text is
expected (search words, an introduction, the posting form's answers)."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from handlers.offers import intro, mine, search
from handlers.offers.buttons import (
    Answer,
    ChangePost,
    DropIntroduction,
    Interested,
    MyPosts,
    NewPost,
    NewSearch,
    NoticeSettings,
    OffersHome,
    OpenCard,
    OwnPost,
    PartnershipFromIntroduction,
    ResultsPage,
    RewriteIntroduction,
    SearchKind,
    SearchScreen,
    SearchSector,
    SendIntroduction,
    TurnNotices,
)
from handlers.offers.common import home
from handlers.offers.post import FORM
from handlers.offers.post import start as start_post
from handlers.offers.states import INTRO, SEARCH, WAITING
from handlers.shared.screens import show

# The main menu's entry for this feature (the menu's buttons are declared with the menu).
MENU_ENTRY = r"^menu:offers$"


async def expect_button(update: Update, context: BotContext) -> object:
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))
    return None


def conversation() -> ConversationHandler[BotContext]:
    text = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
    entry_points: list[BaseHandler[Any, Any, Any]] = [
        CallbackQueryHandler(home, pattern=MENU_ENTRY),
        OffersHome.handler(home),
        CommandHandler("find", search.find_command, filters=filters.ChatType.PRIVATE),
        NewSearch.handler(search.new_search),
        SearchScreen.handler(search.search_screen),
        SearchSector.handler(search.pick_sector),
        SearchKind.handler(search.pick_kind),
        ResultsPage.handler(search.results_page),
        OpenCard.handler(search.open_card),
        NoticeSettings.handler(search.notice_settings),
        TurnNotices.handler(search.turn_notices),
        NewPost.handler(start_post),
        FORM.press_handler(),
        MyPosts.handler(mine.my_posts),
        OwnPost.handler(mine.open_post),
        ChangePost.handler(mine.change),
        Interested.handler(intro.start),
        SendIntroduction.handler(intro.send),
        RewriteIntroduction.handler(intro.rewrite),
        DropIntroduction.handler(intro.drop),
        Answer.handler(intro.decide),
        PartnershipFromIntroduction.handler(intro.start_partnership),
    ]
    return ConversationHandler(
        name="offers",
        persistent=True,
        allow_reentry=True,
        entry_points=entry_points,
        states={
            SEARCH: [MessageHandler(text, search.typed_words)],
            INTRO: [MessageHandler(text, intro.typed_message)],
            WAITING: [],
            **FORM.states(),
        },
        fallbacks=[MessageHandler(text, expect_button)],
    )
