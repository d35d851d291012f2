"""Buttons of the reminders feature that other features' screens offer."""

from __future__ import annotations

from handlers.shared.buttons import Button, button


@button("rm:icsp")
class PartnershipCalendar(Button):
    """A partnership's deadlines and visits as an .ics file."""

    partnership: int
