"""Twinning guide: a partnership's steps, documents, linked groups and workflow reminders."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.context import services_of
from handlers.twinning import conversation, reminders


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Every guide button, typed step input and /twinning and /status (in groups the linked
    # partnerships' cards) go through one conversation.
    app.add_handler(conversation.conversation(app))
    reminders.register(services_of(app).reminder_kinds)
