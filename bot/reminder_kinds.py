"""How each kind of reminder is worded: features register a renderer for their kinds.

Delivery looks the renderer up by `Reminder.kind`. A renderer returns the text and
optional extra buttons in the recipient's language, or None when the reminder has become
pointless (e.g. the registration number it asks for has been entered) and is to be dropped.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardButton

from bot.i18n import Translator
from bot.services import Services
from storage.reminders import Reminder

Rendered = tuple[str, list[list[InlineKeyboardButton]]]
Renderer = Callable[[Services, Translator, Reminder], Awaitable[Rendered | None]]

_RENDERERS: dict[str, Renderer] = {}


def register_kind(kind: str, renderer: Renderer) -> None:
    _RENDERERS[kind] = renderer


def renderer_for(kind: str) -> Renderer | None:
    return _RENDERERS.get(kind)
