"""Aid records, their donors and history, and operator exchange rates.

Every change writes a history row in the same transaction: who, what (before and after)
and when. Deleting only marks the record, so nothing is silently lost. Confirmations are
compare-and-set updates, so a double tap confirms once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from bot.clock import Clock, iso
from bot.domain.aid.model import Rate, TotalsRow, YearPartnerRow, can_move, donor_ids
from storage.db import Database
from storage.history import HistoryEntry, changes_of

EDITABLE = (
    "donors",
    "kind",
    "sector",
    "description",
    "quantity",
    "unit",
    "value_minor",
    "currency",
    "aid_date",
    "facility",
    "status",
    "files",
    "partnership_id",
)


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

    @property
    def confirmed_by_both(self) -> bool:
        return self.recipient_confirmed_by is not None and self.donor_confirmed_by is not None


@dataclass
class NewAid:
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


@dataclass(frozen=True)
class ExportRow:
    record: AidRecord
    recipient_name: str
    recipient_region: str | None
    donor_names: tuple[str, ...]
    recipient_katottg: str | None = None


def _record(row: Any, donors: tuple[int, ...]) -> AidRecord:
    r = dict(row)
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
        files=tuple(json.loads(r["files"] or "[]")),
        recipient_confirmed_by=r["recipient_confirmed_by"],
        donor_confirmed_by=r["donor_confirmed_by"],
        created_by=r["created_by"],
        created_at=r["created_at"],
        deleted=r["deleted_at"] is not None,
    )


# A community's records: those it received and those it gave.
_OF_COMMUNITY = (
    "a.id IN (SELECT id FROM aid WHERE recipient_id = :c AND deleted_at IS NULL"
    " UNION SELECT aid_id FROM aid_donors WHERE community_id = :c) AND a.deleted_at IS NULL"
)
# A partnership's records: any between its two communities, whichever way, also those
# logged before the partnership was made and gifts shared with other donors.
_OF_PARTNERSHIP = (
    "a.id IN (SELECT d.aid_id FROM partnerships p"
    " JOIN aid_donors d ON d.community_id IN (p.community_id, p.partner_id)"
    " JOIN aid x ON x.id = d.aid_id AND x.recipient_id IN (p.community_id, p.partner_id)"
    " AND x.recipient_id != d.community_id WHERE p.id = :p) AND a.deleted_at IS NULL"
)
# The other side as the viewer sees it: a recipient sees its donors, a donor its recipient.
_PARTNER_KEY = (
    "CASE WHEN a.recipient_id = :c THEN a.donor_ids ELSE CAST(a.recipient_id AS TEXT) END"
)


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
        async with self.db.transaction():
            aid_id = await self.db.execute(
                "INSERT INTO aid (recipient_id, partnership_id, kind, sector, description,"
                " quantity, unit, value_minor, currency, aid_date, facility, status, files,"
                " recipient_confirmed_by, recipient_confirmed_at, donor_confirmed_by,"
                " donor_confirmed_at, created_by, created_at, updated_at, client_token)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new.recipient_id,
                    new.partnership_id,
                    new.kind,
                    new.sector,
                    new.description,
                    new.quantity,
                    new.unit,
                    new.value_minor,
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
                ),
            )
            await self._set_donors(aid_id, new.donors)
            await self._history(aid_id, new.created_by, "create", {}, now)
        record = await self.get(aid_id)
        assert record is not None
        return record, True

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

    async def _history(
        self, aid_id: int, actor: int | None, action: str, changes: dict[str, Any], now: str
    ) -> None:
        await self.db.execute(
            "INSERT INTO aid_history (aid_id, actor_id, action, changes, at)"
            " VALUES (?, ?, ?, ?, ?)",
            (aid_id, actor, action, json.dumps(changes, ensure_ascii=False), now),
        )

    async def get(self, aid_id: int) -> AidRecord | None:
        row = await self.db.fetchone("SELECT a.* FROM aid a WHERE a.id = ?", (aid_id,))
        return _record(row, donor_ids(row["donor_ids"])) if row else None

    async def update(self, aid_id: int, actor: int, **values: Any) -> AidRecord | None:
        """Change fields of a live record, keeping what they were in the history."""
        before = await self.get(aid_id)
        if before is None or before.deleted:
            return None
        unknown = set(values) - set(EDITABLE)
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        changes = changes_of(before, values)
        if not changes:
            return before
        now = iso(self.clock.now())
        columns = {k: v for k, v in values.items() if k in changes and k != "donors"}
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
            if "donors" in changes:
                await self._set_donors(aid_id, tuple(values["donors"]))
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

    async def page(
        self, community_id: int, partnership_id: int | None, offset: int, limit: int
    ) -> list[AidRecord]:
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            f"SELECT a.* FROM aid a WHERE {where}"
            " ORDER BY a.aid_date DESC, a.id DESC LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [_record(row, donor_ids(row["donor_ids"])) for row in rows]

    async def count(self, community_id: int, partnership_id: int | None) -> int:
        where, params = _scope(community_id, partnership_id)
        return int(await self.db.fetchval(f"SELECT count(*) FROM aid a WHERE {where}", params))

    async def totals_rows(self, community_id: int, partnership_id: int | None) -> list[TotalsRow]:
        """Sums per currency, and per partner, year and sector within each currency.

        One statement: the community's records are read once into a temporary table, and
        each dimension's GROUP BY returns only its few groups.
        """
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            f"WITH s AS MATERIALIZED (SELECT {_PARTNER_KEY} AS partner,"
            " substr(a.aid_date, 1, 4) AS year,"
            f" a.sector, a.currency, a.value_minor FROM aid a WHERE {where})"
            " SELECT 'currency', '', currency, sum(value_minor), count(*) FROM s"
            " GROUP BY currency"
            " UNION ALL SELECT 'partner', partner, currency, sum(value_minor), count(*)"
            " FROM s GROUP BY partner, currency"
            " UNION ALL SELECT 'year', year, currency, sum(value_minor), count(*) FROM s"
            " GROUP BY year, currency"
            " UNION ALL SELECT 'sector', sector, currency, sum(value_minor), count(*) FROM s"
            " GROUP BY sector, currency",
            params,
        )
        return [TotalsRow(r[0], r[1], r[2], r[3] or 0, r[4]) for r in rows]

    async def year_partner_rows(
        self, community_id: int, partnership_id: int | None
    ) -> list[YearPartnerRow]:
        """Value per partner and year, for the chart."""
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            f"SELECT {_PARTNER_KEY}, CAST(substr(a.aid_date, 1, 4) AS INTEGER), a.currency,"
            f" sum(a.value_minor) FROM aid a WHERE {where} AND a.value_minor IS NOT NULL"
            " GROUP BY 1, 2, a.currency",
            params,
        )
        return [YearPartnerRow(donor_ids(r[0]), r[1], r[2], r[3]) for r in rows]

    async def export_rows(self, community_id: int, partnership_id: int | None) -> list[ExportRow]:
        """Every live record with the names a spreadsheet needs, oldest first."""
        where, params = _scope(community_id, partnership_id)
        rows = await self.db.fetchall(
            "SELECT a.*, r.name AS r_name, r.name_uk AS r_name_uk, r.region_code AS r_region,"
            " r.katottg AS r_katottg FROM aid a JOIN communities r ON r.id = a.recipient_id"
            f" WHERE {where} ORDER BY a.aid_date, a.id",
            params,
        )
        records = [(_record(row, donor_ids(row["donor_ids"])), dict(row)) for row in rows]
        donors = {donor for record, _ in records for donor in record.donors}
        names = await self.community_names(sorted(donors))
        return [
            ExportRow(
                record,
                row["r_name"],
                row["r_region"],
                tuple(names.get(donor, str(donor)) for donor in record.donors),
                row["r_katottg"],
            )
            for record, row in records
        ]

    async def community_names(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = await self.db.fetchall(
            f"SELECT id, name FROM communities WHERE id IN ({marks})", ids
        )
        return {row[0]: row[1] for row in rows}

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
