"""Every button of the visit log, declared once; each carries the visit it acts on, and
whoever presses must act for one of the visit's two sides."""

from __future__ import annotations

from handlers.shared.access import ANYONE, Subject, on
from handlers.shared.buttons import Button, button


@button("vi:r")
class ViewVisit(Button):
    ACCESS = on(Subject.VISIT, "visit")

    visit: int


@button("vi:ed")
class EditVisit(Button):
    """Reopen a saved visit in the form, at its summary."""

    ACCESS = on(Subject.VISIT, "visit")

    visit: int


@button("vi:out")
class AddOutcomes(Button):
    """What came of the visit: asked by the reminder the day after it ends."""

    ACCESS = on(Subject.VISIT, "visit")

    visit: int


@button("vi:x")
class StopOutcomes(Button):
    """Cancel typing the outcomes."""

    ACCESS = ANYONE


@button("vi:h")
class VisitHistory(Button):
    ACCESS = on(Subject.VISIT, "visit")

    visit: int


@button("vi:del")
class AskDeleteVisit(Button):
    ACCESS = on(Subject.VISIT, "visit")

    visit: int


@button("vi:dl")
class DeleteVisit(Button):
    """Delete after the question: a second tap answers that it is deleted already."""

    ACCESS = on(Subject.VISIT, "visit")

    visit: int
