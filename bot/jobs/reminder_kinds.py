"""How each kind of reminder is worded: features register a renderer for their kinds.

Delivery looks the renderer up by `Reminder.kind` in the services' registry. A renderer
returns the text and optional extra buttons in the recipient's language, or None when the
reminder has become pointless (e.g. the registration number it asks for has been entered)
and is to be dropped. A kind may also say where it comes from and give a one-line title,
for the reminders list. The buttons under every delivered reminder (snooze, done, turn off)
come from the reminders feature too, registered here as its `controls`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton

from bot.i18n import Translator
from storage.reminders import Reminder

if TYPE_CHECKING:
    from bot.services import Services

Rendered = tuple[str, list[list[InlineKeyboardButton]]]
Renderer = Callable[["Services", Translator, Reminder], Awaitable[Rendered | None]]
Titler = Callable[["Services", Translator, Reminder], Awaitable[str | None]]
# The buttons under a delivered reminder; the flag says whether it may be turned off.
Controls = Callable[[Translator, Reminder, bool], list[list[InlineKeyboardButton]]]


@dataclass(frozen=True)
class ReminderKind:
    render: Renderer
    origin: str | None = None  # an N_() message: `from the twinning guide`
    title: Titler | None = None


class ReminderKinds:
    """The kinds of one running bot, filled by the features' `register(app)`."""

    def __init__(self) -> None:
        self._kinds: dict[str, ReminderKind] = {}
        self.controls: Controls | None = None

    def add(
        self,
        kind: str,
        renderer: Renderer,
        *,
        origin: str | None = None,
        title: Titler | None = None,
    ) -> None:
        self._kinds[kind] = ReminderKind(renderer, origin, title)

    def get(self, kind: str) -> Renderer | None:
        found = self._kinds.get(kind)
        return found.render if found else None

    def kind(self, kind: str) -> ReminderKind | None:
        return self._kinds.get(kind)
