"""Every button of the aid log and of the aid and visits home, declared once: the record it
acts on, the partnership a view is scoped to (None for the whole community). Who may press is
checked on every press."""

from __future__ import annotations

from typing import Literal

from handlers.shared.buttons import Button, button

Status = Literal["pledged", "shipped", "received"]


@button("ai:new")
class LogAid(Button):
    """Open the log aid form."""


@button("vi:new")
class LogVisit(Button):
    """Open the log visit form (the home's button; the visit log's own are in its package)."""


@button("ai:r")
class ViewRecord(Button):
    record: int


@button("ai:ed")
class EditRecord(Button):
    """Reopen a saved record in the form, at its summary."""

    record: int


@button("ai:cf")
class ConfirmRecord(Button):
    """The other side confirms the record (receipt, or that it is right)."""

    record: int


@button("ai:mv")
class MoveRecord(Button):
    record: int
    status: Status


@button("ai:h")
class RecordHistory(Button):
    record: int


@button("ai:del")
class AskDeleteRecord(Button):
    record: int


@button("ai:dl")
class DeleteRecord(Button):
    """Delete after the question: a second tap answers that it is deleted already."""

    record: int


@button("ai:act")
class AddAct(Button):
    """Photos or a scan of the handover act for a confirmed record."""

    record: int


@button("ai:x")
class StopAct(Button):
    """Cancel adding the handover act."""


@button("ai:tl")
class Timeline(Button):
    partnership: int | None
    page: int


@button("ai:tot")
class ShowTotals(Button):
    partnership: int | None


@button("ai:csv")
class ExportCsv(Button):
    partnership: int | None


@button("ai:ch")
class Chart(Button):
    """The aid values and visits per year, as a picture."""

    partnership: int | None


@button("ai:pd")
class PartnersDone(Button):
    """The donors are chosen (the partner step of the form of `flow`, the place picker's key)."""

    flow: str


@button("ai:xl")
class ExportXlsx(Button):
    """The aid and visits as an Excel workbook."""

    partnership: int | None


@button("ai:da")
class DraftAct(Button):
    """Draw up the handover act (.docx) of a record both sides confirmed."""

    record: int
