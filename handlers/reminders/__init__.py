"""Reminders: /remind and its flow, the list, and the buttons under a delivered reminder."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import Application, TypeHandler

from bot.context import services_of
from handlers.reminders import delivered, flow, screens


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    app.add_handler(flow.conversation(app))
    for handler in flow.handlers():
        app.add_handler(handler)
    # Delivery puts these buttons under every reminder it sends.
    services_of(app).reminder_kinds.controls = screens.delivered_buttons
    # Paused reminders resume when their chat comes back.
    app.add_handler(TypeHandler(Update, delivered.resume_paused), group=1)
