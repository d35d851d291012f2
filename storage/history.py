"""Change history shared by aid records and visits: who changed what (before and after) and
when, so an edit or a deletion never silently loses anything.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, is_dataclass
from typing import Any


@dataclass(frozen=True)
class HistoryEntry:
    actor_id: int | None
    action: str
    changes: dict[str, list[Any]]
    at: str


def plain(value: Any) -> Any:
    """A JSON-friendly form, so history rows compare and store alike."""
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value


def changes_of(before: object, values: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [before, after]} for each value that differs from the saved one."""
    return {
        name: [plain(getattr(before, name)), plain(value)]
        for name, value in values.items()
        if plain(getattr(before, name)) != plain(value)
    }
