"""Every button of the reminders feature, declared once.

Buttons under a delivered reminder and in the list outlive any flow, so they keep the
callback data they always had (`rm:sn:7:15`, `rm:done:7`, `rm:view:7` ...): messages already
in people's chats keep working. Confirming, editing and cancelling a reminder being set are
the form engine's buttons (`FormPress`).
"""

from __future__ import annotations

from typing import Literal

from handlers.shared.access import ANYONE, Need, Subject, on
from handlers.shared.buttons import Button, button
from handlers.shared.forms import FormPress

# Under a delivered reminder --------------------------------------------------------------

Wait = Literal["15", "60", "am"]


@button("rm:sn")
class Snooze(Button):
    """Bring the delivered reminder again in 15 minutes, an hour, or tomorrow morning."""

    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int
    wait: Wait


@button("rm:done")
class Done(Button):
    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int


@button("rm:off")
class TurnOff(Button):
    """Stop a recurring or automatic reminder for good, from its delivered message."""

    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int


# The list --------------------------------------------------------------------------------


@button("rm:list")
class ListPage(Button):
    """One page of the presser's reminders (0 is the first)."""

    ACCESS = ANYONE

    page: int = 0


@button("rm:view")
class View(Button):
    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int


@button("rm:del")
class AskDelete(Button):
    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int


@button("rm:delok")
class Delete(Button):
    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int


@button("rm:lsn")
class Postpone(Button):
    """Move an automatic reminder a day or a week later, from the list."""

    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int
    days: Literal["1", "7"]


@button("rm:loff")
class TurnOffListed(Button):
    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int


@button("rm:ics")
class Calendar(Button):
    """One reminder as an .ics file."""

    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int


@button("rm:icsp")
class PartnershipCalendar(Button):
    """A partnership's deadlines and visits as an .ics file."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership")

    partnership: int


# Setting a reminder ----------------------------------------------------------------------


@button("rm:new")
class Compose(Button):
    """Set a new reminder."""

    ACCESS = ANYONE


@button("rm:edit")
class Edit(Button):
    """Change a reminder of one's own: its words and time typed again."""

    ACCESS = on(Subject.REMINDER, "reminder", Need.RECIPIENT)

    reminder: int


Quick = Literal["1h", "tm", "mon", "date"]


@button("rm:q")
class QuickTime(Button):
    """A time for a reminder whose time was not understood: in an hour, tomorrow or next
    Monday at 9:00, or a date typed on its own."""

    ACCESS = ANYONE

    choice: Quick


@button("rm:alt")
class Reading(Button):
    """One of the readings of a phrase that can be read in more than one way."""

    ACCESS = ANYONE

    index: int


@button("rm:change")
class Retype(Button):
    """Type the phrase again, when part of it was not understood."""

    ACCESS = ANYONE


# The form's own Cancel and Back to summary, on the steps of the form this feature shows
# itself (the phrase, its readings, a date).
FORM = "reminders"
CANCEL = FormPress(FORM, "x", "")
TO_SUMMARY = FormPress(FORM, "sum", "")
