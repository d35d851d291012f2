"""Visit log: delegations, study visits and online meetings, with their reminders."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.context import services_of
from handlers.visits import flow, outcomes


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    app.add_handler(flow.conversation(app))
    for handler in flow.handlers():
        app.add_handler(handler)
    outcomes.register_reminder_kinds(services_of(app).reminder_kinds)
