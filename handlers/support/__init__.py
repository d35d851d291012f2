"""Support: a person writes to the operators who run the bot."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from handlers.support import flow


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    app.add_handler(flow.conversation(app))
