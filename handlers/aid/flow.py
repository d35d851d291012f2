"""The aid log's wiring: its conversation (log aid, edit a saved record, add a handover act)
and the buttons and commands outside it, in the order they are matched."""

from __future__ import annotations

from typing import Any

from telegram.ext import (
    Application,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from handlers.aid import act, confirm, home, log, records, reject
from handlers.aid.buttons import (
    AddAct,
    AskDeleteRecord,
    AskRejectRecord,
    ConfirmRecord,
    DeleteRecord,
    DraftAct,
    EditRecord,
    LogAid,
    MoveRecord,
    RecordHistory,
    RejectRecord,
    StopAct,
    ViewRecord,
)
from handlers.aid.common import TEXT
from handlers.aid.logbook import log_conversation, stop_typing
from handlers.shared.navigation import GoTo, Place

FILES = filters.PHOTO | filters.Document.ALL


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    opened_by = [LogAid.handler(log.start), EditRecord.handler(log.reopen)]
    scans = [MessageHandler(FILES, records.take_act), ViewRecord.handler(records.act_done)]
    reason = [
        MessageHandler(filters.ChatType.PRIVATE & TEXT, reject.take_reason),
        RejectRecord.handler(reject.without_reason),
        ViewRecord.handler(reject.back),
    ]
    rejecting = AskRejectRecord.handler(reject.ask)
    return log_conversation(
        app,
        "aid",
        log.PARTNERS,
        entry_points=[
            *opened_by,
            AddAct.handler(records.ask_act),
            DraftAct.handler(act.start),
            rejecting,
        ],
        states={records.ACT: scans, reject.REASON: reason, **act.FORM.states()},
        fallbacks=[StopAct.handler(stop_typing(records.ACT_DRAFT))],
    )


def handlers() -> list[Any]:
    """Buttons and commands outside the flow, in the order they are matched."""
    return [
        CommandHandler("aid", home.home, filters=filters.ChatType.PRIVATE),
        # The menu's own button for this screen, not yet a typed declaration of the menu.
        GoTo.handler(lambda u, c, _p: home.home(u, c), when=lambda p: p.place is Place.AID),
        ConfirmRecord.handler(confirm.confirm),
        # Pressed on a question left from an earlier conversation.
        RejectRecord.handler(reject.without_reason),
        ViewRecord.handler(records.view),
        MoveRecord.handler(records.move),
        RecordHistory.handler(records.history),
        AskDeleteRecord.handler(records.ask_delete),
        DeleteRecord.handler(records.delete),
    ]
