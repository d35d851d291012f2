"""The visit log's wiring: its conversation (log a visit, edit a saved one, add outcomes)
and the buttons outside it."""

from __future__ import annotations

from typing import Any

from telegram.ext import ConversationHandler, MessageHandler, filters

from bot.context import BotContext
from handlers.aid.buttons import LogVisit
from handlers.aid.common import TEXT
from handlers.aid.home import expect_button
from handlers.visits import log, outcomes, records
from handlers.visits.buttons import (
    AddOutcomes,
    AskDeleteVisit,
    DeleteVisit,
    EditVisit,
    StopOutcomes,
    ViewVisit,
    VisitHistory,
)


def conversation() -> ConversationHandler[BotContext]:
    return ConversationHandler(
        name="visit",
        persistent=True,
        allow_reentry=True,
        entry_points=[
            LogVisit.handler(log.start),
            EditVisit.handler(log.reopen),
            AddOutcomes.handler(outcomes.ask),
        ],
        states={
            **log.FORM.states(),
            **log.PARTNER.states(),
            outcomes.OUTCOMES: [MessageHandler(TEXT, outcomes.take)],
        },
        fallbacks=[
            log.PARTNER.cancel_handler(),
            StopOutcomes.handler(outcomes.stop),
            MessageHandler(filters.ChatType.PRIVATE & TEXT, expect_button),
        ],
    )


def handlers() -> list[Any]:
    """Buttons outside the flow: a saved visit's card, history and deletion."""
    return [
        ViewVisit.handler(records.view),
        VisitHistory.handler(records.history),
        AskDeleteVisit.handler(records.ask_delete),
        DeleteVisit.handler(records.delete),
    ]
