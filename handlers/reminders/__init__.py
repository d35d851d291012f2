"""Reminders: /remind and its flow, the list, and the buttons under a delivered reminder."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, TypeHandler

from handlers.reminders import delivered, flow


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    app.add_handler(flow.conversation())
    for handler in flow.list_handlers():
        app.add_handler(handler)
    app.add_handler(CallbackQueryHandler(delivered.snooze, pattern=r"^rm:sn:\d+:(15|60|am)$"))
    app.add_handler(CallbackQueryHandler(delivered.done, pattern=r"^rm:done:\d+$"))
    app.add_handler(CallbackQueryHandler(delivered.turn_off, pattern=r"^rm:off:\d+$"))
    # Paused reminders resume when their chat comes back.
    app.add_handler(TypeHandler(Update, delivered.resume_paused), group=1)
