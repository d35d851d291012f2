"""Partnerships between a Ukrainian community and a foreign one, and their linked groups."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.clock import Clock, iso, parse_iso
from storage.db import Database


@dataclass(frozen=True)
class Partnership:
    id: int
    community_id: int  # the Ukrainian side
    partner_id: int  # the foreign side
    step: str
    status: str
    status_reason: str | None
    updated_at: datetime | None = None
    answer: str = "accepted"  # the other side's answer to a proposal: awaiting, declined
    proposed_by: int | None = None  # the community that opened it, when it was a proposal
    created_by: int | None = None

    def involves(self, community_id: int | None) -> bool:
        return community_id is not None and community_id in (self.community_id, self.partner_id)

    def other_side(self, community_id: int) -> int:
        return self.partner_id if community_id == self.community_id else self.community_id

    @property
    def answering(self) -> int | None:
        """The community whose answer the proposal waits for (or got)."""
        if self.answer == "accepted" or self.proposed_by is None:
            return None
        return self.other_side(self.proposed_by)

    def visible_to(self, community_id: int | None) -> bool:
        """The proposing side sees its partnership at once; the other side once it accepts."""
        return self.involves(community_id) and community_id != self.answering

    def awaits(self, community_id: int | None) -> bool:
        """A proposal this community has yet to answer."""
        return (
            self.answer == "awaiting" and self.status != "ended" and community_id == self.answering
        )


def _partnership(row: object) -> Partnership:
    r = dict(row)  # type: ignore[call-overload]
    return Partnership(
        r["id"],
        r["community_id"],
        r["partner_id"],
        r["step"],
        r["status"],
        r["status_reason"],
        parse_iso(r["updated_at"]) if r.get("updated_at") else None,
        r.get("answer") or "accepted",
        r.get("proposed_by"),
        r.get("created_by"),
    )


@dataclass(frozen=True)
class StepRecord:
    """The facts of one workflow step of a partnership, as last saved."""

    step: str
    data: dict[str, Any] = field(default_factory=dict)
    done: bool = False
    revision: int = 0  # 0: never saved
    updated_by: int | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class HistoryEntry:
    step: str
    field: str
    old_value: Any
    new_value: Any
    changed_by: int | None
    changed_at: datetime


@dataclass(frozen=True)
class WorkflowReminder:
    """One reminder the workflow set: the fact it is about, and where it stands."""

    basis: str | None
    status: str
    due_at: datetime
    tz: str
    recurrence: dict[str, Any] | None

    @property
    def waiting(self) -> bool:
        return self.status in ("pending", "paused")


def _loads(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def _dumps(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


class PartnershipRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    async def create(
        self,
        community_id: int,
        partner_id: int,
        created_by: int | None,
        *,
        proposed_by: int | None = None,
    ) -> Partnership:
        """A partnership; with `proposed_by` (one of the two) it awaits the other side."""
        now = iso(self.clock.now())
        answer = "accepted" if proposed_by is None else "awaiting"
        partnership_id = await self.db.execute(
            "INSERT INTO partnerships (community_id, partner_id, created_by, created_at,"
            " updated_at, answer, proposed_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (community_id, partner_id, created_by, now, now, answer, proposed_by),
        )
        created = await self.get(partnership_id)
        assert created is not None
        return created

    async def get(self, partnership_id: int) -> Partnership | None:
        row = await self.db.fetchone("SELECT * FROM partnerships WHERE id = ?", (partnership_id,))
        return _partnership(row) if row else None

    async def for_community(self, community_id: int) -> list[Partnership]:
        """Partnerships a community takes part in, on either side, as far as it sees them:
        a proposal to it shows only once it accepts (see `proposals_to`)."""
        rows = await self.db.fetchall(
            "SELECT * FROM partnerships WHERE community_id = ? OR partner_id = ? ORDER BY id",
            (community_id, community_id),
        )
        found = [_partnership(row) for row in rows]
        return [p for p in found if p.visible_to(community_id)]

    async def proposals_to(self, community_id: int) -> list[Partnership]:
        """Proposals awaiting this community's answer, oldest first."""
        rows = await self.db.fetchall(
            "SELECT * FROM partnerships WHERE answer = 'awaiting' AND status != 'ended'"
            " AND (community_id = ? OR partner_id = ?) ORDER BY id",
            (community_id, community_id),
        )
        return [p for p in map(_partnership, rows) if p.awaits(community_id)]

    async def answer(
        self, partnership_id: int, community_id: int, accept: bool, actor_id: int
    ) -> bool:
        """Accept or decline a proposal for the community it awaits; False if it no longer
        awaits that community's answer (answered meanwhile, withdrawn, not theirs)."""
        partnership = await self.get(partnership_id)
        if partnership is None or not partnership.awaits(community_id):
            return False
        now = iso(self.clock.now())
        answer = "accepted" if accept else "declined"
        changed = await self.db.execute_changes(
            "UPDATE partnerships SET answer = ?, answered_by = ?, answered_at = ?, updated_at = ?"
            " WHERE id = ? AND answer = 'awaiting'",
            (answer, actor_id, now, now, partnership_id),
        )
        if changed == 1:
            await self._log(partnership_id, "answer", "awaiting", answer, actor_id, now)
        return changed == 1

    async def propose_again(self, partnership_id: int, community_id: int, actor_id: int) -> bool:
        """Put a declined proposal to the partner once more; False unless this community
        made it and it stands declined."""
        now = iso(self.clock.now())
        changed = await self.db.execute_changes(
            "UPDATE partnerships SET answer = 'awaiting', answered_by = NULL, answered_at = NULL,"
            " updated_at = ? WHERE id = ? AND answer = 'declined' AND proposed_by = ?"
            " AND status != 'ended'",
            (now, partnership_id, community_id),
        )
        if changed == 1:
            await self._log(partnership_id, "answer", "declined", "awaiting", actor_id, now)
        return changed == 1

    async def _log(
        self, partnership_id: int, what: str, old: Any, new: Any, actor_id: int | None, now: str
    ) -> None:
        """A history row for a change of the partnership itself (its answer or status)."""
        await self.db.execute(
            "INSERT INTO partnership_history (partnership_id, step, field, old_value,"
            " new_value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (partnership_id, what, what, _dumps(old), _dumps(new), actor_id, now),
        )

    async def between(self, community_id: int, partner_id: int) -> Partnership | None:
        row = await self.db.fetchone(
            "SELECT * FROM partnerships WHERE (community_id = ? AND partner_id = ?)"
            " OR (community_id = ? AND partner_id = ?) ORDER BY id DESC LIMIT 1",
            (community_id, partner_id, partner_id, community_id),
        )
        return _partnership(row) if row else None

    async def link_chat(self, partnership_id: int, chat_id: int, user_id: int) -> None:
        await self.db.execute(
            "INSERT OR IGNORE INTO partnership_chats"
            " (partnership_id, chat_id, linked_by, linked_at)"
            " VALUES (?, ?, ?, ?)",
            (partnership_id, chat_id, user_id, iso(self.clock.now())),
        )

    async def unlink_chat(self, partnership_id: int, chat_id: int) -> None:
        await self.db.execute(
            "DELETE FROM partnership_chats WHERE partnership_id = ? AND chat_id = ?",
            (partnership_id, chat_id),
        )

    async def linked_chats(self, partnership_id: int) -> list[int]:
        rows = await self.db.fetchall(
            "SELECT chat_id FROM partnership_chats WHERE partnership_id = ? ORDER BY chat_id",
            (partnership_id,),
        )
        return [row[0] for row in rows]

    async def for_chat(self, chat_id: int) -> list[Partnership]:
        rows = await self.db.fetchall(
            "SELECT p.* FROM partnerships p JOIN partnership_chats c ON c.partnership_id = p.id"
            " WHERE c.chat_id = ? ORDER BY p.id",
            (chat_id,),
        )
        return [_partnership(row) for row in rows]

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        await self.db.execute(
            "UPDATE OR IGNORE partnership_chats SET chat_id = ? WHERE chat_id = ?", (new_id, old_id)
        )

    # ------------------------------------------------------------------ workflow steps

    async def steps(self, partnership_id: int) -> dict[str, StepRecord]:
        rows = await self.db.fetchall(
            "SELECT * FROM partnership_steps WHERE partnership_id = ?", (partnership_id,)
        )
        return {
            row["step"]: StepRecord(
                step=row["step"],
                data=json.loads(row["data"] or "{}"),
                done=bool(row["done"]),
                revision=row["revision"],
                updated_by=row["updated_by"],
                updated_at=parse_iso(row["updated_at"]),
            )
            for row in rows
        }

    async def save_step(
        self,
        partnership_id: int,
        step: str,
        data: dict[str, Any],
        *,
        done: bool,
        base_revision: int,
        actor_id: int | None,
    ) -> bool:
        """Save a step's facts if nobody saved it since `base_revision`; False otherwise.

        The compare-and-set comes first, in one statement, so two officials confirming the
        same step at once cannot both win; the history rows follow only for the winner.
        """
        now = iso(self.clock.now())
        before = (await self.steps(partnership_id)).get(step)
        encoded = json.dumps(data, ensure_ascii=False, sort_keys=True)
        if base_revision == 0:
            changed = await self.db.execute_changes(
                "INSERT INTO partnership_steps (partnership_id, step, data, done, revision,"
                " updated_by, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)"
                " ON CONFLICT(partnership_id, step) DO NOTHING",
                (partnership_id, step, encoded, int(done), actor_id, now),
            )
        else:
            changed = await self.db.execute_changes(
                "UPDATE partnership_steps SET data = ?, done = ?, revision = revision + 1,"
                " updated_by = ?, updated_at = ?"
                " WHERE partnership_id = ? AND step = ? AND revision = ?",
                (encoded, int(done), actor_id, now, partnership_id, step, base_revision),
            )
        if changed != 1:
            return False
        old = before.data if before else {}
        rows = [
            (partnership_id, step, key, _dumps(old.get(key)), _dumps(data.get(key)), actor_id, now)
            for key in sorted(set(old) | set(data))
            if old.get(key) != data.get(key)
        ]
        await self.db.executemany(
            "INSERT INTO partnership_history (partnership_id, step, field, old_value, new_value,"
            " changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return True

    async def set_step(self, partnership_id: int, step: str) -> None:
        """Record the step the partnership is at; `updated_at` tells when it last moved."""
        await self.db.execute(
            "UPDATE partnerships SET step = ?, updated_at = ? WHERE id = ?",
            (step, iso(self.clock.now()), partnership_id),
        )

    async def set_status(
        self,
        partnership_id: int,
        status: str,
        reason: str | None,
        actor_id: int | None,
        *,
        expected: str,
    ) -> bool:
        """Pause, resume or end a partnership if it is still in the `expected` status."""
        now = iso(self.clock.now())
        changed = await self.db.execute_changes(
            "UPDATE partnerships SET status = ?, status_reason = ?, updated_at = ?"
            " WHERE id = ? AND status = ?",
            (status, reason, now, partnership_id, expected),
        )
        if changed == 1:
            await self._log(partnership_id, "status", expected, [status, reason], actor_id, now)
        return changed == 1

    async def history(self, partnership_id: int, limit: int = 20) -> list[HistoryEntry]:
        """The newest changes first."""
        rows = await self.db.fetchall(
            "SELECT * FROM partnership_history WHERE partnership_id = ? ORDER BY id DESC LIMIT ?",
            (partnership_id, limit),
        )
        return [
            HistoryEntry(
                row["step"],
                row["field"],
                _loads(row["old_value"]),
                _loads(row["new_value"]),
                row["changed_by"],
                parse_iso(row["changed_at"]),
            )
            for row in rows
        ]

    async def partner_candidates(self, query: str, limit: int = 5) -> list[int]:
        """Ids of foreign communities the bot already knows whose name contains `query`."""
        rows = await self.db.fetchall(
            "SELECT id FROM communities WHERE kind = 'foreign' AND instr(lower(name), lower(?)) > 0"
            " ORDER BY id LIMIT ?",
            (query.strip(), limit),
        )
        return [row[0] for row in rows]

    async def reminder_states(self, partnership_id: int) -> dict[str, WorkflowReminder]:
        """The workflow's reminders of a partnership, by dedupe key.

        Lets the workflow leave a delivered or switched-off reminder alone when the fact it
        is about has not changed, and give a newcomer what colleagues are still waiting for.
        """
        prefix = f"tw:{partnership_id}:"
        rows = await self.db.fetchall(
            "SELECT dedupe_key, payload, status, due_at, tz, recurrence FROM reminders"
            " WHERE dedupe_key >= ? AND dedupe_key < ?",
            (prefix, prefix + "\uffff"),
        )
        return {
            row[0]: WorkflowReminder(
                basis=json.loads(row[1] or "{}").get("basis"),
                status=row[2],
                due_at=parse_iso(row[3]),
                tz=row[4],
                recurrence=json.loads(row[5]) if row[5] else None,
            )
            for row in rows
        }

    async def drop_reminders(self, prefix: str, *, exact: bool = False) -> None:
        """Cancel the workflow's pending reminders under a key prefix and forget their facts.

        Unlike a reminder someone switched off, one the workflow dropped (the partnership
        was paused, the ministry answered) comes back if its reason returns.
        """
        await self.db.execute(
            "UPDATE reminders SET status = 'cancelled', updated_at = ?,"
            " payload = json_remove(payload, '$.basis')"
            " WHERE dedupe_key >= ? AND dedupe_key < ? AND status IN ('pending', 'paused')",
            (iso(self.clock.now()), prefix, prefix + ("\x00" if exact else "\uffff")),
        )

    async def upcoming_reminders(
        self, partnership_id: int, chat_id: int
    ) -> list[tuple[str, datetime]]:
        """The workflow's pending reminders of a partnership for one chat: (kind, due)."""
        rows = await self.db.fetchall(
            "SELECT kind, due_at FROM reminders WHERE partnership_id = ? AND chat_id = ?"
            " AND status = 'pending' AND kind LIKE 'twinning.%' ORDER BY due_at",
            (partnership_id, chat_id),
        )
        return [(row[0], parse_iso(row[1])) for row in rows]
