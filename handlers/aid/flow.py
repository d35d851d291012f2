"""The aid log's entry: its conversation (log aid, edit a saved record, add a handover act)
and the buttons and commands outside it. The steps live in `aid_log`, the saved records in
`aid_records`, the confirmations by both sides in `aid_confirm`.
"""

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
from handlers.aid import confirm as aid_confirm
from handlers.aid import home as aid_home
from handlers.aid import log as aid_log
from handlers.aid import records as aid_records
from handlers.aid.common import TEXT
from handlers.aid.steps import expect_button


async def save(update: Update, context: BotContext) -> object:
    """Confirm on the summary: a new record, or the changes to a saved one."""
    if aid_log.draft_of(context).get("record_id"):
        return await aid_records.save_changes(update, context)
    return await aid_log.save(update, context)


def conversation() -> ConversationHandler[BotContext]:
    cancel_button: BaseHandler[Update, BotContext, object] = CallbackQueryHandler(
        aid_log.steps.cancel, pattern=r"^ai:x$"
    )
    return ConversationHandler(
        name="aid",
        persistent=True,
        allow_reentry=True,
        entry_points=[
            CallbackQueryHandler(aid_log.start, pattern=r"^ai:new$"),
            CallbackQueryHandler(aid_records.edit_saved, pattern=r"^ai:ed:\d+$"),
            CallbackQueryHandler(aid_records.ask_act, pattern=r"^ai:act:\d+$"),
        ],
        states={
            **aid_log.picker.states(),
            aid_log.KIND: [CallbackQueryHandler(aid_log.take_kind, pattern=r"^ai:k:")],
            aid_log.SECTOR: [CallbackQueryHandler(aid_log.take_sector, pattern=r"^ai:s:")],
            aid_log.DESCRIPTION: [MessageHandler(TEXT, aid_log.take_description)],
            aid_log.QUANTITY: [
                MessageHandler(TEXT, aid_log.take_quantity),
                CallbackQueryHandler(aid_log.skip, pattern=r"^ai:skip:"),
            ],
            aid_log.UNIT: [CallbackQueryHandler(aid_log.take_unit, pattern=r"^ai:u:")],
            aid_log.VALUE: [
                MessageHandler(TEXT, aid_log.take_value),
                CallbackQueryHandler(aid_log.skip, pattern=r"^ai:skip:"),
            ],
            aid_log.CURRENCY: [CallbackQueryHandler(aid_log.take_currency, pattern=r"^ai:c:")],
            aid_log.STATUS: [CallbackQueryHandler(aid_log.take_status, pattern=r"^ai:st:")],
            aid_log.DATE: [
                MessageHandler(TEXT, aid_log.take_date),
                CallbackQueryHandler(aid_log.take_today, pattern=r"^ai:today$"),
            ],
            aid_log.FACILITY: [
                MessageHandler(TEXT, aid_log.take_facility),
                CallbackQueryHandler(aid_log.skip, pattern=r"^ai:skip:"),
            ],
            aid_log.FILES: [
                MessageHandler(filters.PHOTO | filters.Document.ALL, aid_log.take_file),
                CallbackQueryHandler(aid_log.skip, pattern=r"^ai:skip:"),
            ],
            aid_log.SUMMARY: [
                CallbackQueryHandler(save, pattern=r"^ai:save$"),
                CallbackQueryHandler(aid_log.ask_edit, pattern=r"^ai:edit$"),
            ],
            aid_records.ACT: [
                MessageHandler(filters.PHOTO | filters.Document.ALL, aid_records.take_act),
                CallbackQueryHandler(aid_records.act_done, pattern=r"^ai:r:\d+$"),
            ],
            aid_log.EDIT: [
                CallbackQueryHandler(aid_log.edit_field, pattern=r"^ai:e:"),
                CallbackQueryHandler(aid_log.steps.back_to_summary, pattern=r"^ai:sum$"),
            ],
        },
        fallbacks=[
            cancel_button,
            MessageHandler(filters.ChatType.PRIVATE & TEXT, expect_button),
        ],
    )


def handlers() -> list[Any]:
    """Buttons and commands outside the flow, in the order they are matched."""
    return [
        CommandHandler("aid", aid_home.home, filters=filters.ChatType.PRIVATE),
        CallbackQueryHandler(aid_home.home, pattern=r"^menu:aid$"),
        CallbackQueryHandler(aid_confirm.confirm_record, pattern=r"^ai:cf:"),
        CallbackQueryHandler(aid_records.view_record, pattern=r"^ai:r:"),
        CallbackQueryHandler(aid_records.move_record, pattern=r"^ai:mv:\d+:\w+$"),
        CallbackQueryHandler(aid_records.show_history, pattern=r"^ai:h:"),
        CallbackQueryHandler(aid_records.ask_delete, pattern=r"^ai:del:"),
        CallbackQueryHandler(aid_records.delete_record, pattern=r"^ai:dl:"),
    ]
