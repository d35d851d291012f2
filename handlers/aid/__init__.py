"""Aid log: logging aid, the home screen, record cards, confirmations, totals and exports."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from handlers.aid import flow, views


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    app.add_handler(flow.conversation(app))
    for handler in [*flow.handlers(), *views.handlers()]:
        app.add_handler(handler)
