"""Aid records, their donors and history, and operator exchange rates.

Every change writes a history row in the same transaction: who, what (before and after)
and when. Deleting only marks the record, so nothing is silently lost. Confirmations are
compare-and-set updates, so a double tap confirms once. A community named in a record
may reject it while its side has not confirmed: the record then leaves that community's
lists, totals and exports, and its author keeps it, marked.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from bot.clock import Clock, iso
from bot.domain.aid.model import (
    AidItem,
    Rate,
    TotalsRow,
    YearPartnerRow,
    can_move,
    donor_ids,
    settle,
    sums,
)
from storage.db import Database
from storage.history import HistoryEntry, changes_of

EDITABLE = (
    "donors",
    "kind",
    "sector",
    "items",
    "value_minor",
    "value_approximate",
    "currency",
    "aid_date",
    "date_precision",
    "facility",
    "status",
    "files",
    "partnership_id",
    "declaration",
    "intended_use",
    "people_reached",
)
# Written from the items, never on their own.
_SUMS = ("description", "quantity", "unit", "value_minor")
_DERIVED = frozenset(("description", "quantity", "unit"))
SIDES = ("recipient", "donor")


@dataclass(frozen=True)
class Rejection:
    """A community's word that a record naming it is not theirs."""

    community_id: int
    side: str
    by: int
    at: str
    reason: str | None


@dataclass(frozen=True)
class AidRecord:
    id: int
    recipient_id: int
    donors: tuple[int, ...]
    partnership_id: int | None
    kind: str
    sector: str
    description: str
    quantity: str | None
    unit: str | None
    value_minor: int | None
    currency: str | None
    aid_date: str
    facility: str | None
    status: str
    files: tuple[dict[str, str], ...]
    recipient_confirmed_by: int | None
    donor_confirmed_by: int | None
    created_by: int
    created_at: str
    deleted: bool
    items: tuple[AidItem, ...] = ()
    numbers: Mapping[int, int] = field(default_factory=dict)  # community -> its number
    date_precision: str = "day"
    value_approximate: bool = False
    declaration: str | None = None
    intended_use: str | None = None
    people_reached: int | None = None
    act: Mapping[str, Any] | None = None
    author_side: str | None = None  # None: saved for both sides, or before it was kept
    rejections: tuple[Rejection, ...] = ()

    @property
    def confirmed_by_both(self) -> bool:
        return self.recipient_confirmed_by is not None and self.donor_confirmed_by is not None

    def confirmed_by(self, side: str) -> bool:
        by = self.recipient_confirmed_by if side == "recipient" else self.donor_confirmed_by
        return by is not None

    def rejected_by(self, community_id: int | None) -> Rejection | None:
        return next((r for r in self.rejections if r.community_id == community_id), None)

    def rejected_side(self, side: str) -> bool:
        return any(r.side == side for r in self.rejections)

    def named_sides(self) -> tuple[str, ...]:
        """The sides asked about the record, which may reject it: not its author's."""
        return tuple(side for side in SIDES if side != self.author_side)

    def number(self, community_id: int | None) -> int:
        """The record's number in that community's own sequence (its first record is №1)."""
        return self.numbers.get(community_id, self.id) if community_id is not None else self.id


@dataclass
class NewAid:
    """A record to save. Its `items`; or, for a one-line record, `description` with
    `quantity`, `unit` and `value_minor` make its one item. `value_minor` is the value typed
    for the whole record (the items' values add up to it where they have one)."""

    recipient_id: int
    donors: tuple[int, ...]
    kind: str
    sector: str
    description: str
    aid_date: str
    status: str
    created_by: int
    partnership_id: int | None = None
    quantity: str | None = None
    unit: str | None = None
    value_minor: int | None = None
    currency: str | None = None
    facility: str | None = None
    files: tuple[dict[str, str], ...] = field(default_factory=tuple)
    confirmed_by_recipient: bool = False  # the author acts for the recipient
    confirmed_by_donor: bool = False  # the author acts for a donor
    client_token: str | None = None
    items: tuple[AidItem, ...] = ()
    date_precision: str = "day"
    value_approximate: bool = False
    declaration: str | None = None
    intended_use: str | None = None
    people_reached: int | None = None

    def author_side(self) -> str | None:
        if self.confirmed_by_recipient == self.confirmed_by_donor:
            return None
        return "recipient" if self.confirmed_by_recipient else "donor"

    def all_items(self) -> tuple[AidItem, ...]:
        if self.items:
            return self.items
        return (AidItem(self.description, self.quantity, self.unit, None, None),)


@dataclass(frozen=True)
class ExportRow:
    """A record with the names a spreadsheet needs, in the reader's language."""

    record: AidRecord
    recipient_name: str
    recipient_region: str | None
    donor_names: tuple[str, ...]
    recipient_katottg: str | None = None
    number: int = 0  # in the exporting community's sequence
    donor_countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2


@dataclass(frozen=True)
class Requisites:
    """A community's address and code (ЄДРПОУ, or a registration number abroad)."""

    address: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Request:
    """A message that asked someone to confirm a record for a side."""

    user_id: int
    chat_id: int | None
    message_id: int | None


def _items(rows: list[Any]) -> dict[int, tuple[AidItem, ...]]:
    found: dict[int, list[AidItem]] = {}
    for r in rows:
        found.setdefault(r[0], []).append(AidItem(r[1], r[2], r[3], r[4], r[5]))
    return {aid_id: tuple(items) for aid_id, items in found.items()}


def _numbers(rows: list[Any]) -> dict[int, dict[int, int]]:
    found: dict[int, dict[int, int]] = {}
    for r in rows:
        found.setdefault(r[0], {})[r[1]] = r[2]
    return found


def _record(
    row: Any,
    donors: tuple[int, ...],
    items: tuple[AidItem, ...] = (),
    numbers: Mapping[int, int] | None = None,
    rejections: tuple[Rejection, ...] = (),
) -> AidRecord:
    r = row  # a sqlite3.Row is read by name as it is: copying each one costs an export
    files = r["files"]
    return AidRecord(
        id=r["id"],
        recipient_id=r["recipient_id"],
        donors=donors,
        partnership_id=r["partnership_id"],
        kind=r["kind"],
        sector=r["sector"],
        description=r["description"],
        quantity=r["quantity"],
        unit=r["unit"],
        value_minor=r["value_minor"],
        currency=r["currency"],
        aid_date=r["aid_date"],
        facility=r["facility"],
        status=r["status"],
        files=tuple(json.loads(files)) if files and files != "[]" else (),
        recipient_confirmed_by=r["recipient_confirmed_by"],
        donor_confirmed_by=r["donor_confirmed_by"],
        created_by=r["created_by"],
        created_at=r["created_at"],
        deleted=r["deleted_at"] is not None,
        items=items,
        numbers=numbers or {},
        date_precision=r["date_precision"],
        value_approximate=bool(r["value_approximate"]),
        declaration=r["declaration"],
        intended_use=r["intended_use"],
        people_reached=r["people_reached"],
        act=json.loads(r["act"]) if r["act"] else None,
        author_side=r["author_side"],
        rejections=rejections,
    )


# Not rejected by the community `:c` looks from: a record it rejected is not its own.
_NOT_REJECTED = (
    " AND NOT EXISTS (SELECT 1 FROM aid_rejections j WHERE j.aid_id = a.id AND j.community_id = :c)"
)
# A community's records: those it received and those it gave.
_OF_COMMUNITY = (
    "a.id IN (SELECT id FROM aid WHERE recipient_id = :c AND deleted_at IS NULL"
    " UNION SELECT aid_id FROM aid_donors WHERE community_id = :c) AND a.deleted_at IS NULL"
    + _NOT_REJECTED
)
# A partnership's records: any between its two communities, whichever way, also those
# logged before the partnership was made and gifts shared with other donors.
_OF_PARTNERSHIP = (
    "a.id IN (SELECT d.aid_id FROM partnerships p"
    " JOIN aid_donors d ON d.community_id IN (p.community_id, p.partner_id)"
    " JOIN aid x ON x.id = d.aid_id AND x.recipient_id IN (p.community_id, p.partner_id)"
    " AND x.recipient_id != d.community_id WHERE p.id = :p) AND a.deleted_at IS NULL"
    + _NOT_REJECTED
)
# Confirmed by both sides: totals count these, and show the others apart.
_BOTH = "(a.recipient_confirmed_by IS NOT NULL AND a.donor_confirmed_by IS NOT NULL)"
# The other side as the viewer sees it: a recipient sees its donors, a donor its recipient.
_PARTNER_KEY = (
    "CASE WHEN a.recipient_id = :c THEN a.donor_ids ELSE CAST(a.recipient_id AS TEXT) END"
)


def _sum_values(total: Any) -> tuple[Any, ...]:
    return (total.description, total.quantity, total.unit, total.value_minor)


def _scope(community_id: int, partnership_id: int | None) -> tuple[str, dict[str, int]]:
    if partnership_id:
        return _OF_PARTNERSHIP, {"p": partnership_id, "c": community_id}
    return _OF_COMMUNITY, {"c": community_id}


class AidRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    async def create(self, new: NewAid) -> tuple[AidRecord, bool]:
        """Save a record; (the record, False) when this draft was already saved."""
        if new.client_token:
            existing = await self.db.fetchval(
                "SELECT id FROM aid WHERE client_token = ?", (new.client_token,)
            )
            if existing:
                record = await self.get(existing)
                assert record is not None
                return record, False
        now = iso(self.clock.now())
        items = settle(new.all_items(), new.value_minor)
        total = sums(items, new.value_minor)
        async with self.db.transaction():
            aid_id = await self.db.execute(
                "INSERT INTO aid (recipient_id, partnership_id, kind, sector, description,"
                " quantity, unit, value_minor, currency, aid_date, facility, status, files,"
                " recipient_confirmed_by, recipient_confirmed_at, donor_confirmed_by,"
                " donor_confirmed_at, created_by, created_at, updated_at, client_token,"
                " date_precision, value_approximate, declaration, intended_use, people_reached,"
                " author_side) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new.recipient_id,
                    new.partnership_id,
                    new.kind,
                    new.sector,
                    total.description,
                    total.quantity,
                    total.unit,
                    total.value_minor,
                    new.currency,
                    new.aid_date,
                    new.facility,
                    new.status,
                    json.dumps(list(new.files)),
                    new.created_by if new.confirmed_by_recipient else None,
                    now if new.confirmed_by_recipient else None,
                    new.created_by if new.confirmed_by_donor else None,
                    now if new.confirmed_by_donor else None,
                    new.created_by,
                    now,
                    now,
                    new.client_token,
                    new.date_precision,
                    int(new.value_approximate),
                    new.declaration,
                    new.intended_use,
                    new.people_reached,
                    new.author_side(),
                ),
            )
            await self._set_items(aid_id, items)
            await self._set_donors(aid_id, new.donors)
            await self._number(aid_id, (new.recipient_id, *new.donors))
            await self._history(aid_id, new.created_by, "create", {}, now)
        record = await self.get(aid_id)
        assert record is not None
        return record, True

    async def _set_items(self, aid_id: int, items: tuple[AidItem, ...]) -> None:
        await self.db.execute("DELETE FROM aid_items WHERE aid_id = ?", (aid_id,))
        await self.db.executemany(
            "INSERT INTO aid_items (aid_id, position, name, quantity, unit, unit_price_minor,"
            " value_minor) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (aid_id, at, i.name, i.quantity, i.unit, i.unit_price_minor, i.value_minor)
                for at, i in enumerate(items)
            ],
        )

    async def _set_donors(self, aid_id: int, donors: tuple[int, ...]) -> None:
        await self.db.execute("DELETE FROM aid_donors WHERE aid_id = ?", (aid_id,))
        await self.db.executemany(
            "INSERT INTO aid_donors (aid_id, community_id, position) VALUES (?, ?, ?)",
            [(aid_id, donor, position) for position, donor in enumerate(donors)],
        )
        await self.db.execute(
            "UPDATE aid SET donor_ids = ? WHERE id = ?",
            (",".join(str(donor) for donor in donors), aid_id),
        )

    async def _number(self, aid_id: int, communities: tuple[int, ...]) -> None:
        """The next number of each community that has none for this record yet."""
        for community_id in communities:
            await self.db.execute(
                "INSERT OR IGNORE INTO aid_numbers (aid_id, community_id, number)"
                " SELECT ?, ?, coalesce(max(number), 0) + 1 FROM aid_numbers"
                " WHERE community_id = ?",
                (aid_id, community_id, community_id),
            )

    async def _history(
        self, aid_id: int, actor: int | None, action: str, changes: dict[str, Any], now: str
    ) -> None:
        await self.db.execute(
            "INSERT INTO aid_history (aid_id, actor_id, action, changes, at)"
            " VALUES (?, ?, ?, ?, ?)",
            (aid_id, actor, action, json.dumps(changes, ensure_ascii=False), now),
        )

    async def _load(self, rows: list[Any], where: str, params: Any) -> list[AidRecord]:
        """Records of `rows` with their items and numbers, read by the same scope."""
        if not rows:
            return []
        items = _items(
            await self.db.fetchall(
                "SELECT i.aid_id, i.name, i.quantity, i.unit, i.unit_price_minor,"
                f" i.value_minor FROM aid_items i WHERE i.aid_id IN (SELECT a.id FROM aid a"
                f" WHERE {where}) ORDER BY i.aid_id, i.position",
                params,
            )
        )
        numbers = _numbers(
            await self.db.fetchall(
                "SELECT n.aid_id, n.community_id, n.number FROM aid_numbers n WHERE n.aid_id IN"
                f" (SELECT a.id FROM aid a WHERE {where})",
                params,
            )
        )
        rejections: dict[int, list[Rejection]] = {}
        for r in await self.db.fetchall(
            "SELECT j.aid_id, j.community_id, j.side, j.rejected_by, j.rejected_at, j.reason"
            " FROM aid_rejections j WHERE j.aid_id IN"
            f" (SELECT a.id FROM aid a WHERE {where}) ORDER BY j.rejected_at",
            params,
        ):
            rejections.setdefault(r[0], []).append(Rejection(r[1], r[2], r[3], r[4], r[5]))
        return [
            _record(
                row,
                donor_ids(row["donor_ids"]),
                items.get(row["id"], ()),
                numbers.get(row["id"]),
                tuple(rejections.get(row["id"], ())),
            )
            for row in rows
        ]

    async def get(self, aid_id: int) -> AidRecord | None:
        row = await self.db.fetchone("SELECT a.* FROM aid a WHERE a.id = ?", (aid_id,))
        if row is None:
            return None
        return (await self._load([row], "a.id = :id", {"id": aid_id}))[0]

    async def update(
        self, aid_id: int, actor: int, *, ask_again: str | None = None, **values: Any
    ) -> AidRecord | None:
        """Change fields of a live record, keeping what they were in the history. With
        `ask_again` ('recipient' or 'donor'), that side's confirmation is taken back in the
        same transaction: it must confirm the changed record again."""
        before = await self.get(aid_id)
        if before is None or before.deleted:
            return None
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        if "items" in values or "value_minor" in values:
            items = settle(tuple(values.get("items", before.items)), values.get("value_minor"))
            total = sums(items, values.get("value_minor"))
            values = {**values, "items": items, **dict(zip(_SUMS, _sum_values(total), strict=True))}
        # The history names what was typed; the columns summing the items follow them.
        changes = changes_of(before, {k: v for k, v in values.items() if k not in _DERIVED})
        if not changes:
            return before
        now = iso(self.clock.now())
        columns = {
            k: v
            for k, v in values.items()
            if (k in changes or k in _DERIVED) and k not in ("donors", "items")
        }
        async with self.db.transaction():
            if columns:
                assignments = ", ".join(f"{name} = :{name}" for name in columns)
                params = {
                    name: json.dumps(list(value)) if name == "files" else value
                    for name, value in columns.items()
                }
                await self.db.execute(
                    f"UPDATE aid SET {assignments}, updated_at = :now WHERE id = :id",
                    {**params, "now": now, "id": aid_id},
                )
            if "items" in changes:
                await self._set_items(aid_id, tuple(values["items"]))
            if "donors" in changes:
                await self._set_donors(aid_id, tuple(values["donors"]))
                await self._number(aid_id, tuple(values["donors"]))
            if ask_again in SIDES:
                column = f"{ask_again}_confirmed"
                await self.db.execute(
                    f"UPDATE aid SET {column}_by = NULL, {column}_at = NULL WHERE id = ?",
                    (aid_id,),
                )
                await self.db.execute(
                    "DELETE FROM aid_requests WHERE aid_id = ? AND side = ?", (aid_id, ask_again)
                )
                await self.db.execute(
                    "DELETE FROM aid_rejections WHERE aid_id = ? AND side = ?", (aid_id, ask_again)
                )
            await self._history(aid_id, actor, "edit", changes, now)
        return await self.get(aid_id)

    async def move(self, aid_id: int, actor: int, status: str) -> AidRecord | None:
        """Move the status forward; None when the record is gone or already further on."""
        record = await self.get(aid_id)
        if record is None or record.deleted or not can_move(record.status, status):
            return None
        now = iso(self.clock.now())
        async with self.db.transaction():
            changed = await self.db.execute_changes(
                "UPDATE aid SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                (status, now, aid_id, record.status),
            )
            if changed != 1:
                return None
            await self._history(aid_id, actor, "status", {"status": [record.status, status]}, now)
        return await self.get(aid_id)

    async def confirm(self, aid_id: int, actor: int, side: str) -> AidRecord | None:
        """Confirm for the recipient or the donor side; None if that side already did."""
        column = "recipient_confirmed" if side == "recipient" else "donor_confirmed"
        now = iso(self.clock.now())
        async with self.db.transaction():
            extra = ", status = 'received'" if side == "recipient" else ""
            changed = await self.db.execute_changes(
                f"UPDATE aid SET {column}_by = ?, {column}_at = ?, updated_at = ?{extra}"
                f" WHERE id = ? AND {column}_by IS NULL AND deleted_at IS NULL",
                (actor, now, now, aid_id),
            )
            if changed != 1:
                return None
            await self._history(aid_id, actor, "confirm", {"side": [None, side]}, now)
        return await self.get(aid_id)

    async def reject(
        self, aid_id: int, actor: int, community_id: int, side: str, reason: str | None
    ) -> str:
        """The community rejects the record for its side: 'rejected', or why not ('gone',
        'confirmed': its side confirmed it, 'already': the community rejected it before)."""
        column = "recipient_confirmed_by" if side == "recipient" else "donor_confirmed_by"
        now = iso(self.clock.now())
        async with self.db.transaction():
            row = await self.db.fetchone(
                f"SELECT deleted_at, {column} FROM aid WHERE id = ?", (aid_id,)
            )
            if row is None or row[0] is not None:
                return "gone"
            if row[1] is not None:
                return "confirmed"
            changed = await self.db.execute_changes(
                "INSERT OR IGNORE INTO aid_rejections (aid_id, community_id, side, rejected_by,"
                " rejected_at, reason) VALUES (?, ?, ?, ?, ?, ?)",
                (aid_id, community_id, side, actor, now, reason),
            )
            if changed != 1:
                return "already"
            await self._history(
                aid_id, actor, "reject", {"reason": [None, reason]} if reason else {}, now
            )
            await self.db.execute("UPDATE aid SET updated_at = ? WHERE id = ?", (now, aid_id))
        return "rejected"

    async def add_files(self, aid_id: int, actor: int, files: list[dict[str, str]]) -> None:
        record = await self.get(aid_id)
        if record is None or record.deleted or not files:
            return
        await self.update(aid_id, actor, files=(*record.files, *files))

    async def delete(self, aid_id: int, actor: int) -> bool:
        now = iso(self.clock.now())
        async with self.db.transaction():
            changed = await self.db.execute_changes(
                "UPDATE aid SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                (now, now, aid_id),
            )
            if changed == 1:
                await self._history(aid_id, actor, "delete", {}, now)
        return changed == 1

    async def history(self, aid_id: int) -> list[HistoryEntry]:
        rows = await self.db.fetchall(
            "SELECT actor_id, action, changes, at FROM aid_history WHERE aid_id = ? ORDER BY id",
            (aid_id,),
        )
        return [HistoryEntry(r[0], r[1], json.loads(r[2]), r[3]) for r in rows]

    async def set_act(self, aid_id: int, act: Mapping[str, Any]) -> None:
        """The handover act's details as drawn up, offered again the next time."""
        await self.db.execute(
            "UPDATE aid SET act = ? WHERE id = ?",
            (json.dumps(dict(act), ensure_ascii=False), aid_id),
        )

    # Requests to confirm ----------------------------------------------------------------

    async def add_request(
        self, aid_id: int, side: str, user_id: int, chat_id: int | None, message_id: int | None
    ) -> None:
        await self.db.execute(
            "INSERT OR REPLACE INTO aid_requests (aid_id, side, user_id, chat_id, message_id)"
            " VALUES (?, ?, ?, ?, ?)",
            (aid_id, side, user_id, chat_id, message_id),
        )

    async def take_requests(
        self, aid_id: int, side: str, community_id: int | None = None
    ) -> list[Request]:
        """The messages that asked a side (or, with `community_id`, that community's members
        now) to confirm, forgotten once read (it confirmed, or the community rejected)."""
        among, params = "", [aid_id, side]
        if community_id is not None:
            among = (
                " AND user_id IN (SELECT user_id FROM memberships WHERE community_id = ?"
                " AND status = 'approved')"
            )
            params.append(community_id)
        rows = await self.db.fetchall(
            "SELECT user_id, chat_id, message_id FROM aid_requests WHERE aid_id = ? AND side = ?"
            + among,
            params,
        )
        await self.db.execute(
            "UPDATE aid_requests SET chat_id = NULL, message_id = NULL"
            " WHERE aid_id = ? AND side = ?" + among,
            params,
        )
        return [Request(r[0], r[1], r[2]) for r in rows]

    async def waiting_for(self, community_id: int, user_id: int) -> list[tuple[AidRecord, str]]:
        """Live records that wait for the community's side to confirm and that nobody asked
        this person about yet, oldest first, each with the side it waits for."""
        params = {"c": community_id, "u": user_id}
        where = (
            "a.deleted_at IS NULL" + _NOT_REJECTED + " AND ((a.recipient_id = :c"
            " AND a.recipient_confirmed_by IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM aid_requests r WHERE r.aid_id = a.id"
            " AND r.side = 'recipient' AND r.user_id = :u)) OR (a.donor_confirmed_by IS NULL"
            " AND a.id IN (SELECT aid_id FROM aid_donors WHERE community_id = :c)"
            " AND NOT EXISTS (SELECT 1 FROM aid_requests r WHERE r.aid_id = a.id"
            " AND r.side = 'donor' AND r.user_id = :u)))"
        )
        rows = await self.db.fetchall(
            f"SELECT a.* FROM aid a WHERE {where} ORDER BY a.aid_date, a.id", params
        )
        records = await self._load(rows, where, params)
        return [(r, "recipient" if r.recipient_id == community_id else "donor") for r in records]

    # Requisites ---------------------------------------------------------------------------

    async def requisites(self, community_id: int) -> Requisites:
        row = await self.db.fetchone(
            "SELECT address, code FROM aid_act_requisites WHERE community_id = ?",
            (community_id,),
        )
        return Requisites(row[0], row[1]) if row else Requisites()

    async def set_requisites(
        self, community_id: int, requisites: Requisites, actor: int | None
    ) -> None:
        await self.db.execute(
            "INSERT INTO aid_act_requisites (community_id, address, code, updated_by,"
            " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(community_id) DO UPDATE SET"
            " address = excluded.address, code = excluded.code,"
            " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            (community_id, requisites.address, requisites.code, actor, iso(self.clock.now())),
        )

    # Lists, totals and exports ------------------------------------------------------------

    async def page(
        self, community_id: int, partnership_id: int | None, offset: int, limit: int
    ) -> list[AidRecord]:
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            f"SELECT a.* FROM aid a WHERE {where}"
            " ORDER BY a.aid_date DESC, a.id DESC LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        ids = ",".join(str(row["id"]) for row in rows) or "0"
        return await self._load(rows, f"a.id IN ({ids})", {})

    async def count(self, community_id: int, partnership_id: int | None) -> int:
        where, params = _scope(community_id, partnership_id)
        return int(await self.db.fetchval(f"SELECT count(*) FROM aid a WHERE {where}", params))

    async def totals_rows(self, community_id: int, partnership_id: int | None) -> list[TotalsRow]:
        """Sums per currency, and per partner, year and sector within each currency, the
        people reached and the items' quantities per unit, apart for records confirmed by
        both sides and the others.

        One statement: the community's records are read once into a temporary table, and
        each dimension's GROUP BY returns only its few groups; the sums per currency and the
        people reached come with the years'. Quantities are summed in thousandths of their
        unit, the precision totals show, as whole numbers.
        """
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            f"WITH s AS MATERIALIZED (SELECT a.id, {_PARTNER_KEY} AS partner,"
            " substr(a.aid_date, 1, 4) AS year, a.sector, a.currency, a.value_minor,"
            f" a.people_reached, {_BOTH} AS ok FROM aid a WHERE {where})"
            " SELECT 'year', year, currency, sum(value_minor), count(*), ok,"
            " sum(people_reached) FROM s GROUP BY year, currency, ok"
            " UNION ALL SELECT 'partner', partner, currency, sum(value_minor), count(*), ok,"
            " NULL FROM s GROUP BY partner, currency, ok"
            " UNION ALL SELECT 'sector', sector, currency, sum(value_minor), count(*), ok,"
            " NULL FROM s GROUP BY sector, currency, ok"
            # The items are looked up by their records' ids, confirmed ones and the others
            # apart (a join with the temporary table would build it an index first).
            " UNION ALL SELECT 'unit', i.unit, NULL, sum(round(i.quantity * 1000)), count(*), 1,"
            " NULL FROM aid_items i WHERE i.aid_id IN (SELECT id FROM s WHERE ok)"
            " AND i.unit IS NOT NULL AND i.quantity IS NOT NULL GROUP BY i.unit"
            " UNION ALL SELECT 'unit', i.unit, NULL, sum(round(i.quantity * 1000)), count(*), 0,"
            " NULL FROM aid_items i WHERE i.aid_id IN (SELECT id FROM s WHERE NOT ok)"
            " AND i.unit IS NOT NULL AND i.quantity IS NOT NULL GROUP BY i.unit",
            params,
        )
        return [
            TotalsRow(r[0], r[1], r[2], int(r[3] or 0), r[4], bool(r[5]), r[6] or 0) for r in rows
        ]

    async def year_partner_rows(
        self, community_id: int, partnership_id: int | None
    ) -> list[YearPartnerRow]:
        """Value per partner and year, for the chart, apart for records confirmed by both."""
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            f"SELECT {_PARTNER_KEY}, CAST(substr(a.aid_date, 1, 4) AS INTEGER), a.currency,"
            f" sum(a.value_minor), {_BOTH} FROM aid a WHERE {where}"
            " AND a.value_minor IS NOT NULL GROUP BY 1, 2, a.currency, 5",
            params,
        )
        return [YearPartnerRow(donor_ids(r[0]), r[1], r[2], r[3], bool(r[4])) for r in rows]

    async def export_rows(
        self, community_id: int, partnership_id: int | None, lang: str = "en"
    ) -> list[ExportRow]:
        """Every live record with its items and the names a spreadsheet needs in `lang`,
        oldest first, numbered in the community's own sequence."""
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            f"SELECT a.* FROM aid a WHERE {where} ORDER BY a.aid_date, a.id", params
        )
        records = await self._load(rows, where, params)
        ids = sorted({c for r in records for c in (r.recipient_id, *r.donors)})
        places = await self._places(ids, lang)
        unknown = ("", None, None, None)
        return [
            ExportRow(
                record,
                places.get(record.recipient_id, unknown)[0],
                places.get(record.recipient_id, unknown)[2],
                tuple(places.get(d, (str(d), None, None, None))[0] for d in record.donors),
                places.get(record.recipient_id, unknown)[3],
                record.number(community_id),
                tuple(places.get(d, unknown)[1] or "" for d in record.donors),
            )
            for record in records
        ]

    async def _places(
        self, ids: list[int], lang: str
    ) -> dict[int, tuple[str, str | None, str | None, str | None]]:
        """(name in `lang`, country, oblast, KATOTTG code) of each community."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = await self.db.fetchall(
            "SELECT id, name, name_uk, country_code, region_code, katottg FROM communities"
            f" WHERE id IN ({marks})",
            ids,
        )
        return {r[0]: ((r[2] if lang == "uk" and r[2] else r[1]), r[3], r[4], r[5]) for r in rows}

    async def set_rate(
        self, currency: str, base: str, rate: Decimal, rate_date: date, actor: int
    ) -> None:
        await self.db.execute(
            "INSERT INTO exchange_rates (currency, base, rate, rate_date, set_by, set_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(currency, base) DO UPDATE SET"
            " rate = excluded.rate, rate_date = excluded.rate_date, set_by = excluded.set_by,"
            " set_at = excluded.set_at",
            (currency, base, str(rate), rate_date.isoformat(), actor, iso(self.clock.now())),
        )

    async def rates(self) -> list[Rate]:
        rows = await self.db.fetchall(
            "SELECT currency, base, rate, rate_date FROM exchange_rates ORDER BY base, currency"
        )
        return [Rate(r[0], r[1], Decimal(r[2]), date.fromisoformat(r[3])) for r in rows]
