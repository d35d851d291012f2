"""How each kind of reminder is worded: features register a renderer for their kinds.

Delivery looks the renderer up by `Reminder.kind` in the services' registry. A renderer
returns the text and optional extra buttons in the recipient's language, or None when the
reminder has become pointless (e.g. the registration number it asks for has been entered)
and is to be dropped.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton

from bot.i18n import Translator
from storage.reminders import Reminder

if TYPE_CHECKING:
    from bot.services import Services

Rendered = tuple[str, list[list[InlineKeyboardButton]]]
Renderer = Callable[["Services", Translator, Reminder], Awaitable[Rendered | None]]


class ReminderKinds:
    """The renderers of one running bot, filled by the features' `register(app)`."""

    def __init__(self) -> None:
        self._renderers: dict[str, Renderer] = {}

    def add(self, kind: str, renderer: Renderer) -> None:
        self._renderers[kind] = renderer

    def get(self, kind: str) -> Renderer | None:
        return self._renderers.get(kind)
