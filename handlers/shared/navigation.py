"""The buttons every screen may show to leave for a feature's home: the main menu entries.

Pressing one is a reset: it ends any open flow first (see `session.end_flows`)."""

from __future__ import annotations

from enum import StrEnum

from handlers.shared.access import ANYONE
from handlers.shared.buttons import Button, button


class Place(StrEnum):
    HOME = "home"
    HELP = "help"
    TWINNING = "twinning"
    AID = "aid"
    OFFERS = "offers"
    REMINDERS = "reminders"
    SUPPORT = "support"
    SETTINGS = "settings"


@button("menu")
class GoTo(Button):
    ACCESS = ANYONE

    place: Place


HOME = GoTo(Place.HOME)
