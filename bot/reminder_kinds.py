"""How each kind of reminder is worded: features register a renderer for their kinds.

Delivery looks the renderer up by `Reminder.kind`. A renderer returns the text and
optional extra buttons in the recipient's language, or None when the reminder has become
pointless (e.g. the registration number it asks for has been entered) and is to be dropped.
A kind may also say where it comes from and give a one-line title, for the reminders list.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import InlineKeyboardButton

from bot.i18n import Translator
from bot.services import Services
from storage.reminders import Reminder

Rendered = tuple[str, list[list[InlineKeyboardButton]]]
Renderer = Callable[[Services, Translator, Reminder], Awaitable[Rendered | None]]
Titler = Callable[[Services, Translator, Reminder], Awaitable[str | None]]


@dataclass(frozen=True)
class ReminderKind:
    render: Renderer
    origin: str | None = None  # an N_() message: `from the twinning guide`
    title: Titler | None = None


_KINDS: dict[str, ReminderKind] = {}


def register_kind(
    kind: str, renderer: Renderer, *, origin: str | None = None, title: Titler | None = None
) -> None:
    _KINDS[kind] = ReminderKind(renderer, origin, title)


def renderer_for(kind: str) -> Renderer | None:
    found = _KINDS.get(kind)
    return found.render if found else None


def kind_of(kind: str) -> ReminderKind | None:
    return _KINDS.get(kind)
