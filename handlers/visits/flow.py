"""The visit log's wiring: its conversation (log a visit, edit a saved one, add outcomes)
and the buttons outside it."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, ConversationHandler, MessageHandler

from handlers.aid.buttons import LogVisit
from handlers.aid.common import TEXT
from handlers.aid.logbook import log_conversation, stop_typing
from handlers.visits import buttons, log, outcomes, records


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    return log_conversation(
        app,
        "visit",
        log.PARTNER,
        [
            LogVisit.handler(log.start),
            buttons.EditVisit.handler(log.reopen),
            buttons.AddOutcomes.handler(outcomes.ask),
        ],
        {outcomes.OUTCOMES: [MessageHandler(TEXT, outcomes.take)]},
        [buttons.StopOutcomes.handler(stop_typing(outcomes.DRAFT))],
    )


def handlers() -> list[Any]:
    """Buttons outside the flow: a saved visit's card, history and deletion."""
    return [
        buttons.ViewVisit.handler(records.view),
        buttons.VisitHistory.handler(records.history),
        buttons.AskDeleteVisit.handler(records.ask_delete),
        buttons.DeleteVisit.handler(records.delete),
    ]
