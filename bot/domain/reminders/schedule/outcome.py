"""What reading a phrase comes to: a schedule, or a refusal with its reason.

Apart from the grammar, so screens and drafts can name these without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class ScheduleError(StrEnum):
    EMPTY = "empty"
    NO_WHEN = "no_when"
    PAST = "past"
    INVALID_DATE = "invalid_date"
    INVALID_TIME = "invalid_time"
    TOO_FAR = "too_far"
    CONFLICT = "conflict"
    TOO_LONG = "too_long"
    TOO_OFTEN = "too_often"
    UNSURE = "unsure"


class ScheduleRefused(ValueError):
    def __init__(self, code: ScheduleError) -> None:
        super().__init__(code.value)
        self.code = code


@dataclass(frozen=True)
class Assumption:
    """Something the phrase left open that the schedule fills in, stated on the confirmation.

    kind: `no_time` (09:00 when only a day was given), `part` (`вранці` is 09:00) or
    `afternoon` (`о 3` is 15:00).
    """

    kind: str
    said: str
    at: str


@dataclass(frozen=True)
class Schedule:
    text: str  # what to remind about; may be empty when only the time was typed
    due_at: datetime  # first occurrence, UTC
    local_time: str  # HH:MM in `tz`
    tz: str
    recurrence: dict[str, Any] | None = None
    assumptions: tuple[Assumption, ...] = ()
    # `через 2 години`: fires that long after it was asked, to the second.
    offset_seconds: int | None = None


class ScheduleUnsure(ScheduleRefused):
    """Part of the phrase looks like a time but was not understood, or could mean two things."""

    def __init__(
        self,
        unknown: tuple[str, ...],
        text: str,
        partial: Schedule | None = None,
        alternatives: tuple[Schedule, ...] = (),
    ) -> None:
        super().__init__(ScheduleError.UNSURE)
        self.unknown = unknown
        self.text = text
        self.partial = partial
        self.alternatives = alternatives
