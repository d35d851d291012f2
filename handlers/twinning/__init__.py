"""Twinning guide: a partnership's steps, documents, linked groups and workflow reminders."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CommandHandler

from bot.context import services_of
from handlers.twinning import flow, groups, reminders


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Every `tw:` button and typed step input go through the conversation; /status shows a
    # group's linked partnerships.
    app.add_handler(flow.conversation())
    app.add_handler(CommandHandler("status", groups.status))
    reminders.register(services_of(app).reminder_kinds)
