"""Every button of the aid log and of the aid and visits home, declared once: the record it
acts on, the partnership a view is scoped to (None for the whole community). Who may press is
checked on every press."""

from __future__ import annotations

from typing import Literal

from handlers.shared.access import ANYONE, MEMBER, Side, Subject, on
from handlers.shared.buttons import Button, button

Status = Literal["pledged", "shipped", "received"]


@button("ai:new")
class LogAid(Button):
    """Open the log aid form."""

    ACCESS = MEMBER


@button("vi:new")
class LogVisit(Button):
    """Open the log visit form (the home's button; the visit log's own are in its package)."""

    ACCESS = MEMBER


@button("ai:r")
class ViewRecord(Button):
    ACCESS = on(Subject.AID_RECORD, "record")

    record: int


@button("ai:ed")
class EditRecord(Button):
    """Reopen a saved record in the form, at its summary."""

    ACCESS = on(Subject.AID_RECORD, "record")

    record: int


@button("ai:cf")
class ConfirmRecord(Button):
    """The other side confirms the record (receipt, or that it is right)."""

    ACCESS = on(Subject.AID_RECORD, "record")

    record: int


@button("ai:rj")
class AskRejectRecord(Button):
    """A side named in a record says it is not theirs: asked first, with a reason to type."""

    ACCESS = on(Subject.AID_RECORD, "record", side=Side.NAMED)

    record: int


@button("ai:rjx")
class RejectRecord(Button):
    """Reject after the question, without a reason."""

    ACCESS = on(Subject.AID_RECORD, "record", side=Side.NAMED)

    record: int


@button("ai:mv")
class MoveRecord(Button):
    ACCESS = on(Subject.AID_RECORD, "record")

    record: int
    status: Status


@button("ai:h")
class RecordHistory(Button):
    ACCESS = on(Subject.AID_RECORD, "record")

    record: int


@button("ai:del")
class AskDeleteRecord(Button):
    ACCESS = on(Subject.AID_RECORD, "record")

    record: int


@button("ai:dl")
class DeleteRecord(Button):
    """Delete after the question: a second tap answers that it is deleted already."""

    ACCESS = on(Subject.AID_RECORD, "record")

    record: int


@button("ai:act")
class AddAct(Button):
    """Photos or a scan of the handover act for a confirmed record."""

    ACCESS = on(Subject.AID_RECORD, "record")

    record: int


@button("ai:x")
class StopAct(Button):
    """Cancel adding the handover act."""

    ACCESS = ANYONE


@button("ai:tl")
class Timeline(Button):
    ACCESS = on(Subject.PARTNERSHIP, "partnership")

    partnership: int | None
    page: int


@button("ai:tot")
class ShowTotals(Button):
    ACCESS = on(Subject.PARTNERSHIP, "partnership")

    partnership: int | None


@button("ai:csv")
class ExportCsv(Button):
    ACCESS = on(Subject.PARTNERSHIP, "partnership")

    partnership: int | None


@button("ai:ch")
class Chart(Button):
    """The aid values and visits per year, as a picture."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership")

    partnership: int | None


@button("ai:pd")
class PartnersDone(Button):
    """The donors are chosen (the partner step of the form of `flow`, the place picker's key)."""

    ACCESS = ANYONE

    flow: str


@button("ai:xl")
class ExportXlsx(Button):
    """The aid and visits as an Excel workbook."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership")

    partnership: int | None


@button("ai:da")
class DraftAct(Button):
    """Draw up the handover act (.docx) of a record both sides confirmed."""

    ACCESS = on(Subject.AID_RECORD, "record")

    record: int
