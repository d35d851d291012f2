"""Offers and needs (one table, `posts`) and their full-text index, kept in step here.

Ranking happens in SQL so that only one page of rows ever leaves the database; the weights
and the meaning of each signal are defined in `bot.domain.offers.search.Ranking`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from bot.clock import Clock, iso
from bot.domain.offers.model import valid_until
from bot.domain.offers.search import (
    RANKING,
    Ranking,
    index_body,
    index_tags,
    match_expression,
)
from storage.communities import Community
from storage.db import Database


def _codes(value: str) -> tuple[str, ...]:
    return tuple(value.split())


def _stored(codes: Iterable[str]) -> str:
    return " " + " ".join(codes) + " "


@dataclass(frozen=True)
class Post:
    id: int
    side: str  # 'offer' or 'need'
    community_id: int
    owner_id: int | None
    sectors: tuple[str, ...]
    kinds: tuple[str, ...]
    description: str
    languages: tuple[str, ...]
    open_to_several: bool | None
    urgency: str | None
    value_amount: Decimal | None
    value_currency: str | None
    partnership: bool | None
    valid_until: date | None
    duration_days: int | None
    status: str  # 'active', 'paused', 'closed'
    ref: str | None
    demo: bool
    created_at: str
    fresh_at: str

    def visible_on(self, today: date) -> bool:
        return self.status == "active" and (self.valid_until is None or self.valid_until >= today)


@dataclass
class PostDraft:
    """What a person or an import provides; the rest is filled in when it is saved."""

    side: str
    community_id: int
    description: str
    sectors: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    open_to_several: bool | None = None
    urgency: str | None = None
    value_amount: Decimal | None = None
    value_currency: str | None = None
    partnership: bool | None = None
    duration_days: int = 180
    valid_until: date | None = None  # set from duration_days when None and duration > 0
    owner_id: int | None = None
    ref: str | None = None
    demo: bool = False


def _post(row: Any) -> Post:
    r = dict(row)
    return Post(
        id=r["id"],
        side=r["side"],
        community_id=r["community_id"],
        owner_id=r["owner_id"],
        sectors=_codes(r["sectors"]),
        kinds=_codes(r["kinds"]),
        description=r["description"],
        languages=_codes(r["languages"]),
        open_to_several=None if r["open_to_several"] is None else bool(r["open_to_several"]),
        urgency=r["urgency"],
        value_amount=Decimal(r["value_amount"]) if r["value_amount"] else None,
        value_currency=r["value_currency"],
        partnership=None if r["partnership"] is None else bool(r["partnership"]),
        valid_until=date.fromisoformat(r["valid_until"]) if r["valid_until"] else None,
        duration_days=r["duration_days"],
        status=r["status"],
        ref=r["ref"],
        demo=bool(r["demo"]),
        created_at=r["created_at"],
        fresh_at=r["fresh_at"],
    )


@dataclass(frozen=True)
class MatchCandidate:
    """What matching needs of a post of the other side."""

    id: int
    community_id: int
    owner_id: int | None
    sectors: tuple[str, ...]
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class SearchPage:
    posts: list[Post]
    total: int


_COLUMNS = (
    "side, community_id, owner_id, sectors, kinds, description, languages, open_to_several,"
    " urgency, value_amount, value_currency, partnership, valid_until, duration_days, ref, demo"
)


def _values(draft: PostDraft, today: date) -> tuple[Any, ...]:
    until = draft.valid_until or valid_until(today, draft.duration_days)
    return (
        draft.side,
        draft.community_id,
        draft.owner_id,
        _stored(draft.sectors),
        _stored(draft.kinds),
        draft.description,
        _stored(draft.languages),
        None if draft.open_to_several is None else int(draft.open_to_several),
        draft.urgency,
        None if draft.value_amount is None else str(draft.value_amount),
        draft.value_currency,
        None if draft.partnership is None else int(draft.partnership),
        until.isoformat() if until else None,
        draft.duration_days,
        draft.ref,
        int(draft.demo),
    )


class PostRepository:
    def __init__(self, db: Database, clock: Clock, ranking: Ranking = RANKING) -> None:
        self.db, self.clock, self.ranking = db, clock, ranking

    def _today(self) -> date:
        return self.clock.now().date()

    async def get(self, post_id: int) -> Post | None:
        row = await self.db.fetchone("SELECT * FROM posts WHERE id = ?", (post_id,))
        return _post(row) if row else None

    async def by_ref(self, ref: str) -> Post | None:
        row = await self.db.fetchone("SELECT * FROM posts WHERE ref = ?", (ref,))
        return _post(row) if row else None

    async def count(self, side: str | None = None) -> int:
        if side is None:
            return int(await self.db.fetchval("SELECT COUNT(*) FROM posts"))
        return int(await self.db.fetchval("SELECT COUNT(*) FROM posts WHERE side = ?", (side,)))

    async def create(self, draft: PostDraft, community: Community) -> Post:
        now = iso(self.clock.now())
        async with self.db.transaction():
            post_id = await self.db.execute(
                f"INSERT INTO posts ({_COLUMNS}, created_at, updated_at, fresh_at)"
                f" VALUES ({', '.join('?' * 16)}, ?, ?, ?)",
                (*_values(draft, self._today()), now, now, now),
            )
            await self._index(post_id, draft, community)
        post = await self.get(post_id)
        assert post is not None
        return post

    async def update(self, post_id: int, draft: PostDraft, community: Community) -> Post | None:
        """Replace what the owner can edit; the post keeps its id, status and freshness."""
        assignments = ", ".join(f"{name.strip()} = ?" for name in _COLUMNS.split(","))
        async with self.db.transaction():
            changed = await self.db.execute_changes(
                f"UPDATE posts SET {assignments}, updated_at = ? WHERE id = ?",
                (*_values(draft, self._today()), iso(self.clock.now()), post_id),
            )
            if changed:
                await self._index(post_id, draft, community)
        return await self.get(post_id) if changed else None

    async def _index(self, post_id: int, draft: PostDraft, community: Community) -> None:
        names = [community.name, community.name_uk or ""]
        await self.db.execute("DELETE FROM post_search WHERE rowid = ?", (post_id,))
        await self.db.execute(
            "INSERT INTO post_search (rowid, body, tags) VALUES (?, ?, ?)",
            (
                post_id,
                index_body(draft.description, names, community.country_code),
                index_tags(draft.sectors, draft.kinds),
            ),
        )

    async def set_status(self, post_id: int, expected: Iterable[str], status: str) -> bool:
        """Compare-and-set: False when the post was not in one of the expected states."""
        states = list(expected)
        marks = ",".join("?" * len(states))
        changed = await self.db.execute_changes(
            f"UPDATE posts SET status = ?, updated_at = ? WHERE id = ? AND status IN ({marks})",
            (status, iso(self.clock.now()), post_id, *states),
        )
        return changed == 1

    async def renew(self, post_id: int) -> Post | None:
        """Show it again for its duration from today, and count it as fresh."""
        post = await self.get(post_id)
        if post is None or post.status == "closed":
            return None
        until = valid_until(self._today(), post.duration_days or 0)
        now = iso(self.clock.now())
        await self.db.execute(
            "UPDATE posts SET valid_until = ?, status = 'active', fresh_at = ?, updated_at = ?"
            " WHERE id = ? AND status != 'closed'",
            (until.isoformat() if until else None, now, now, post_id),
        )
        return await self.get(post_id)

    async def for_community(self, community_id: int, include_closed: bool = False) -> list[Post]:
        rows = await self.db.fetchall(
            "SELECT * FROM posts WHERE community_id = ?"
            + ("" if include_closed else " AND status != 'closed'")
            + " ORDER BY id DESC",
            (community_id,),
        )
        return [_post(row) for row in rows]

    async def open_sectors(self, community_id: int) -> list[str]:
        """Sectors of a community's visible posts: what its search results are boosted by."""
        rows = await self.db.fetchall(
            "SELECT sectors FROM posts WHERE community_id = ? AND status = 'active'"
            " AND (valid_until IS NULL OR valid_until >= ?)",
            (community_id, self._today().isoformat()),
        )
        return sorted({code for row in rows for code in _codes(row[0])})

    async def all(self) -> list[Post]:
        return [_post(row) for row in await self.db.fetchall("SELECT * FROM posts ORDER BY id")]

    async def match_candidates(
        self, side: str, sectors: Iterable[str], after_id: int, limit: int
    ) -> list[MatchCandidate]:
        """Visible posts of one side sharing a sector, by id after `after_id`: one batch."""
        codes = list(sectors)
        if not codes:
            return []
        clause = " OR ".join("instr(sectors, ?) > 0" for _ in codes)
        rows = await self.db.fetchall(
            f"SELECT id, community_id, owner_id, sectors, kinds FROM posts"
            f" WHERE side = ? AND status = 'active' AND id > ?"
            f" AND (valid_until IS NULL OR valid_until >= ?) AND ({clause}) ORDER BY id LIMIT ?",
            (side, after_id, self._today().isoformat(), *(f" {c} " for c in codes), limit),
        )
        return [MatchCandidate(r[0], r[1], r[2], _codes(r[3]), _codes(r[4])) for r in rows]

    async def search(
        self,
        side: str,
        tokens: list[str],
        sectors: list[str],
        kinds: list[str],
        boost: list[str],
        *,
        limit: int = 5,
        offset: int = 0,
    ) -> SearchPage:
        """Visible posts of one side, best first; all typed words must match, or else any."""
        if not tokens and not sectors and not kinds:
            return await self._browse(side, boost, limit, offset)
        page = await self._search(side, tokens, sectors, kinds, boost, limit, offset, every=True)
        if page.total == 0 and len(tokens) > 1:
            page = await self._search(
                side, tokens, sectors, kinds, boost, limit, offset, every=False
            )
        return page

    def _score_sql(self, boost: list[str], text: bool) -> tuple[str, list[Any]]:
        w = self.ranking
        shared = "(" + (" + ".join("(instr(p.sectors, ?) > 0)" for _ in boost) or "0") + ")"
        count = "(length(p.sectors) - length(replace(p.sectors, ' ', '')) - 1)"
        overlap = f"COALESCE({shared} * 1.0 / NULLIF({count} + ? - {shared}, 0), 0)"
        relevance = "COALESCE(h.r / NULLIF(MIN(h.r) OVER (), 0), 0)" if text else "0"
        sql = (
            f"? * {relevance} + ? * {overlap}"
            " + ? / (1.0 + (julianday(?) - julianday(p.fresh_at)) / ?)"
        )
        codes = [f" {c} " for c in boost]
        params: list[Any] = [w.text, w.sectors, *codes, len(boost), *codes]
        params += [w.fresh, self.clock.now().strftime("%Y-%m-%dT%H:%M:%S"), w.half_life_days]
        return sql, params

    async def _search(
        self,
        side: str,
        tokens: list[str],
        sectors: list[str],
        kinds: list[str],
        boost: list[str],
        limit: int,
        offset: int,
        *,
        every: bool,
    ) -> SearchPage:
        score, score_params = self._score_sql(boost, bool(tokens))
        rows = await self.db.fetchall(
            "WITH h AS (SELECT rowid AS id, bm25(post_search, ?, ?) AS r"
            " FROM post_search WHERE post_search MATCH ? ORDER BY rowid DESC LIMIT ?)"
            f" SELECT p.*, {score} AS score, COUNT(*) OVER () AS total"
            " FROM h JOIN posts p ON p.id = h.id"
            " WHERE p.side = ? AND p.status = 'active'"
            " AND (p.valid_until IS NULL OR p.valid_until >= ?)"
            " ORDER BY score DESC, p.id DESC LIMIT ? OFFSET ?",
            (
                self.ranking.body_weight,
                self.ranking.tag_weight,
                match_expression(tokens, sectors, kinds, every=every),
                self.ranking.candidates,
                *score_params,
                side,
                self._today().isoformat(),
                limit,
                offset,
            ),
        )
        return SearchPage([_post(row) for row in rows], rows[0]["total"] if rows else 0)

    async def _browse(self, side: str, boost: list[str], limit: int, offset: int) -> SearchPage:
        score, score_params = self._score_sql(boost, False)
        rows = await self.db.fetchall(
            f"SELECT p.*, {score} AS score, COUNT(*) OVER () AS total FROM posts p"
            " WHERE p.side = ? AND p.status = 'active'"
            " AND (p.valid_until IS NULL OR p.valid_until >= ?)"
            " ORDER BY score DESC, p.id DESC LIMIT ? OFFSET ?",
            (*score_params, side, self._today().isoformat(), limit, offset),
        )
        return SearchPage([_post(row) for row in rows], rows[0]["total"] if rows else 0)
