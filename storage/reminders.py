"""Reminders: the database is the source of truth; the job queue only wakes delivery up.

Delivery claims a row by moving it from 'pending' to 'sending' with a compare-and-set
update, so a reminder is never handed out twice, and rows still 'sending' at start are
treated as delivered (a restart during delivery must not send it again).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.clock import Clock, iso, parse_iso
from storage.db import Database


@dataclass(frozen=True)
class Reminder:
    id: int
    chat_id: int
    owner_id: int | None
    community_id: int | None
    partnership_id: int | None
    kind: str
    text: str
    payload: dict[str, Any]
    due_at: datetime
    local_time: str | None
    tz: str
    recurrence: dict[str, Any] | None
    automatic: bool
    dedupe_key: str | None
    status: str
    attempts: int
    late: bool = False  # came due while the bot was down
    snoozed_from: int | None = None  # the reminder whose message was snoozed

    @property
    def recurring(self) -> bool:
        return self.recurrence is not None


@dataclass
class NewReminder:
    chat_id: int
    kind: str
    due_at: datetime
    text: str = ""
    owner_id: int | None = None
    community_id: int | None = None
    partnership_id: int | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    local_time: str | None = None
    tz: str = "Europe/Kyiv"
    recurrence: dict[str, Any] | None = None
    automatic: bool = False
    dedupe_key: str | None = None
    snoozed_from: int | None = None


def _reminder(row: object) -> Reminder:
    r = dict(row)  # type: ignore[call-overload]
    return Reminder(
        id=r["id"],
        chat_id=r["chat_id"],
        owner_id=r["owner_id"],
        community_id=r["community_id"],
        partnership_id=r["partnership_id"],
        kind=r["kind"],
        text=r["text"],
        payload=json.loads(r["payload"] or "{}"),
        due_at=parse_iso(r["due_at"]),
        local_time=r["local_time"],
        tz=r["tz"],
        recurrence=json.loads(r["recurrence"]) if r["recurrence"] else None,
        automatic=bool(r["automatic"]),
        dedupe_key=r["dedupe_key"],
        status=r["status"],
        attempts=r["attempts"],
        late=bool(r.get("late", 0)),
        snoozed_from=r.get("snoozed_from"),
    )


class ReminderRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock
        # Called with every reminder scheduled, so delivery can wake up earlier for it.
        self.listeners: list[Callable[[Reminder], None]] = []

    async def schedule(self, new: NewReminder) -> Reminder:
        """Insert a reminder; with a dedupe key, an existing one is moved instead of doubled."""
        now = iso(self.clock.now())
        values = (
            new.chat_id,
            new.owner_id,
            new.community_id,
            new.partnership_id,
            new.kind,
            new.text,
            json.dumps(new.payload, ensure_ascii=False),
            iso(new.due_at),
            new.local_time,
            new.tz,
            json.dumps(new.recurrence) if new.recurrence else None,
            int(new.automatic),
            new.dedupe_key,
            new.snoozed_from,
            now,
            now,
        )
        reminder_id = await self.db.execute(
            "INSERT INTO reminders (chat_id, owner_id, community_id, partnership_id, kind, text,"
            " payload, due_at, local_time, tz, recurrence, automatic, dedupe_key, snoozed_from,"
            " status, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)"
            " ON CONFLICT(dedupe_key) DO UPDATE SET chat_id = excluded.chat_id,"
            " text = excluded.text, payload = excluded.payload, due_at = excluded.due_at,"
            " local_time = excluded.local_time, tz = excluded.tz, recurrence = excluded.recurrence,"
            " status = 'pending', late = 0, updated_at = excluded.updated_at",
            values,
        )
        if new.dedupe_key:
            row = await self.db.fetchone(
                "SELECT * FROM reminders WHERE dedupe_key = ?", (new.dedupe_key,)
            )
        else:
            row = await self.db.fetchone("SELECT * FROM reminders WHERE id = ?", (reminder_id,))
        assert row is not None
        reminder = _reminder(row)
        for listener in self.listeners:
            listener(reminder)
        return reminder

    async def get(self, reminder_id: int) -> Reminder | None:
        row = await self.db.fetchone("SELECT * FROM reminders WHERE id = ?", (reminder_id,))
        return _reminder(row) if row else None

    async def cancel_key(self, dedupe_key: str) -> None:
        await self.db.execute(
            "UPDATE reminders SET status = 'cancelled', updated_at = ?"
            " WHERE dedupe_key = ? AND status IN ('pending', 'paused')",
            (iso(self.clock.now()), dedupe_key),
        )

    async def cancel_prefix(self, prefix: str) -> None:
        """Cancel every pending reminder whose dedupe key starts with a prefix."""
        await self.db.execute(
            "UPDATE reminders SET status = 'cancelled', updated_at = ?"
            " WHERE dedupe_key >= ? AND dedupe_key < ? AND status IN ('pending', 'paused')",
            (iso(self.clock.now()), prefix, prefix + "\uffff"),
        )

    async def due(self, until: datetime, limit: int = 1000) -> list[Reminder]:
        rows = await self.db.fetchall(
            "SELECT * FROM reminders WHERE status = 'pending' AND due_at <= ?"
            " ORDER BY due_at, id LIMIT ?",
            (iso(until), limit),
        )
        return [_reminder(row) for row in rows]

    async def pending(self) -> list[Reminder]:
        rows = await self.db.fetchall(
            "SELECT * FROM reminders WHERE status = 'pending' ORDER BY due_at, id"
        )
        return [_reminder(row) for row in rows]

    async def next_due_at(self) -> datetime | None:
        value = await self.db.fetchval("SELECT min(due_at) FROM reminders WHERE status = 'pending'")
        return parse_iso(value) if value else None

    async def claim(self, reminder_id: int) -> bool:
        changed = await self.db.execute_changes(
            "UPDATE reminders SET status = 'sending', attempts = attempts + 1, updated_at = ?"
            " WHERE id = ? AND status = 'pending'",
            (iso(self.clock.now()), reminder_id),
        )
        return changed == 1

    async def release(self, reminder_id: int, due_at: datetime) -> None:
        """Put a claimed reminder back, e.g. after a flood-control answer from Telegram."""
        await self.db.execute(
            "UPDATE reminders SET status = 'pending', due_at = ?, updated_at = ? WHERE id = ?",
            (iso(due_at), iso(self.clock.now()), reminder_id),
        )

    async def finish(self, reminder_id: int, next_due: datetime | None) -> None:
        """Mark a delivered reminder done, or pending again at its next occurrence."""
        now = iso(self.clock.now())
        if next_due is None:
            await self.db.execute(
                "UPDATE reminders SET status = 'done', late = 0, last_sent_at = ?, updated_at = ?"
                " WHERE id = ?",
                (now, now, reminder_id),
            )
        else:
            await self.db.execute(
                "UPDATE reminders SET status = 'pending', due_at = ?, late = 0, last_sent_at = ?,"
                " updated_at = ? WHERE id = ?",
                (iso(next_due), now, now, reminder_id),
            )

    async def stranded(self) -> list[Reminder]:
        """Reminders left 'sending' by a stop in the middle of delivery."""
        rows = await self.db.fetchall("SELECT * FROM reminders WHERE status = 'sending'")
        return [_reminder(row) for row in rows]

    async def set_status(self, reminder_id: int, status: str) -> None:
        await self.db.execute(
            "UPDATE reminders SET status = ?, updated_at = ? WHERE id = ?",
            (status, iso(self.clock.now()), reminder_id),
        )

    async def pause_chat(self, chat_id: int) -> None:
        await self.db.execute(
            "UPDATE reminders SET status = 'paused', updated_at = ?"
            " WHERE chat_id = ? AND status = 'pending'",
            (iso(self.clock.now()), chat_id),
        )

    async def resume_chat(self, chat_id: int) -> None:
        await self.db.execute(
            "UPDATE reminders SET status = 'pending', updated_at = ?"
            " WHERE chat_id = ? AND status = 'paused'",
            (iso(self.clock.now()), chat_id),
        )

    async def mark_late(self, before: datetime) -> int:
        """Flag pending reminders that came due before a moment (the bot was down then)."""
        return await self.db.execute_changes(
            "UPDATE reminders SET late = 1 WHERE status = 'pending' AND due_at < ? AND late = 0",
            (iso(before),),
        )

    async def count_pending(self) -> int:
        return int(
            await self.db.fetchval("SELECT count(*) FROM reminders WHERE status = 'pending'")
        )

    async def postpone(self, reminder_id: int, due_at: datetime) -> bool:
        """Move a pending reminder later (quiet hours) without claiming it."""
        changed = await self.db.execute_changes(
            "UPDATE reminders SET due_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'",
            (iso(due_at), iso(self.clock.now()), reminder_id),
        )
        return changed == 1

    async def for_owner(self, owner_id: int, offset: int = 0, limit: int = 10) -> list[Reminder]:
        """Reminders a person set (in any chat), soonest first, one page."""
        rows = await self.db.fetchall(
            "SELECT * FROM reminders WHERE owner_id = ? AND kind = 'user'"
            " AND status IN ('pending', 'paused') AND snoozed_from IS NULL"
            " ORDER BY due_at, id LIMIT ? OFFSET ?",
            (owner_id, limit, offset),
        )
        return [_reminder(row) for row in rows]

    # A person's reminders: the ones they set, in any chat, and the ones the guide and the visit
    # log set for them in their private chat.
    _PERSON = (
        "((owner_id = ? AND kind = 'user') OR (chat_id = ? AND automatic = 1))"
        " AND status IN ('pending', 'paused') AND snoozed_from IS NULL"
    )

    async def for_person(self, user_id: int, offset: int = 0, limit: int = 10) -> list[Reminder]:
        """Every reminder a person set or gets from the workflow, soonest first, one page."""
        rows = await self.db.fetchall(
            f"SELECT * FROM reminders WHERE {self._PERSON} ORDER BY due_at, id LIMIT ? OFFSET ?",
            (user_id, user_id, limit, offset),
        )
        return [_reminder(row) for row in rows]

    async def count_for_person(self, user_id: int) -> int:
        value = await self.db.fetchval(
            f"SELECT count(*) FROM reminders WHERE {self._PERSON}", (user_id, user_id)
        )
        return int(value)

    async def workflow_of(self, partnership_id: int) -> list[Reminder]:
        """The guide's pending reminders of a partnership, for every recipient."""
        rows = await self.db.fetchall(
            "SELECT * FROM reminders WHERE partnership_id = ? AND kind LIKE 'twinning.%'"
            " AND status = 'pending' AND snoozed_from IS NULL ORDER BY due_at, id",
            (partnership_id,),
        )
        return [_reminder(row) for row in rows]

    async def count_for_owner(self, owner_id: int) -> int:
        value = await self.db.fetchval(
            "SELECT count(*) FROM reminders WHERE owner_id = ? AND kind = 'user'"
            " AND status IN ('pending', 'paused') AND snoozed_from IS NULL",
            (owner_id,),
        )
        return int(value)

    async def update(
        self,
        reminder_id: int,
        *,
        text: str,
        due_at: datetime,
        local_time: str | None,
        tz: str,
        recurrence: dict[str, Any] | None,
    ) -> bool:
        changed = await self.db.execute_changes(
            "UPDATE reminders SET text = ?, due_at = ?, local_time = ?, tz = ?, recurrence = ?,"
            " late = 0, updated_at = ? WHERE id = ? AND status IN ('pending', 'paused')",
            (
                text,
                iso(due_at),
                local_time,
                tz,
                json.dumps(recurrence) if recurrence else None,
                iso(self.clock.now()),
                reminder_id,
            ),
        )
        return changed == 1

    async def cancel(self, reminder_id: int) -> bool:
        """Cancel one reminder (and any snoozed copy of it still waiting)."""
        now = iso(self.clock.now())
        changed = await self.db.execute_changes(
            "UPDATE reminders SET status = 'cancelled', updated_at = ?"
            " WHERE id = ? AND status IN ('pending', 'paused', 'done')",
            (now, reminder_id),
        )
        await self.db.execute(
            "UPDATE reminders SET status = 'cancelled', updated_at = ?"
            " WHERE snoozed_from = ? AND status IN ('pending', 'paused')",
            (now, reminder_id),
        )
        return changed == 1
