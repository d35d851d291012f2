"""python-telegram-bot persistence in the bot's own SQLite file.

Conversation states and per-user flow data are gathered while python-telegram-bot hands
them over and written by `commit`, in one transaction, only where they changed (an empty
draft counts as none). The application commits after each update and before its replies
go out (see `bot.app`), so a restart in the middle of a flow resumes it at the step the
user last saw. Updates that finish while a commit is being written share the next one
(a group commit): one transaction per update at most, often fewer. Nothing keeps data per
chat, and callback data is plain strings, so neither is stored.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from storage.db import Database

# Commits happen per update; python-telegram-bot's own periodic run only catches data
# marked outside an update, which nothing does today.
SAFETY_INTERVAL = 60.0

Write = tuple[str, tuple[object, ...]]


class SqlitePersistence(BasePersistence[dict[str, Any], dict[str, Any], dict[str, Any]]):
    def __init__(self, db: Database) -> None:
        super().__init__(
            store_data=PersistenceInput(bot_data=False, chat_data=False, callback_data=False),
            update_interval=SAFETY_INTERVAL,
        )
        self.db = db
        # What was last written, so an update that changed nothing writes nothing.
        self._written: dict[tuple[str, object], str] = {}
        self._pending: dict[tuple[str, object], Write] = {}
        self._staged = 0  # how many hand-overs there have been
        self._committed = 0  # how many of them are in the database
        self._writing: asyncio.Future[None] | None = None

    def _stage(self, table: str, key: object, encoded: str | None, write: Write) -> None:
        if encoded is not None and self._written.get((table, key)) == encoded:
            return
        if encoded is None:
            self._written.pop((table, key), None)
        else:
            self._written[(table, key)] = encoded
        self._pending[(table, key)] = write
        self._staged += 1

    async def commit(self) -> None:
        """Return once everything handed over so far is in the database."""
        wanted = self._staged
        while self._committed < wanted:
            if self._writing is None:
                self._writing = asyncio.ensure_future(self._write_pending())
            await asyncio.shield(self._writing)

    async def _write_pending(self) -> None:
        pending, self._pending = self._pending, {}
        upto = self._staged
        try:
            by_statement: dict[str, list[tuple[object, ...]]] = {}
            for sql, params in pending.values():
                by_statement.setdefault(sql, []).append(params)
            if len(pending) == 1:
                [(sql, params)] = pending.values()
                await self.db.execute(sql, params)
            elif pending:
                async with self.db.transaction() as db:
                    for sql, rows in by_statement.items():
                        await db.executemany(sql, rows)
        except Exception:
            # Written next time, whatever it is then.
            for key in pending:
                self._written.pop(key, None)
            raise
        finally:
            self._committed = max(self._committed, upto)
            self._writing = None

    async def get_conversations(self, name: str) -> ConversationDict:
        rows = await self.db.fetchall(
            "SELECT key, state FROM ptb_conversations WHERE name = ?", (name,)
        )
        for r in rows:
            self._written[(name, r["key"])] = r["state"]
        return {tuple(json.loads(r["key"])): json.loads(r["state"]) for r in rows}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        encoded_key = json.dumps(list(key))
        if new_state is None:
            if (name, encoded_key) not in self._written:
                return  # nothing stored for it, or its removal is already staged
            self._stage(
                name,
                encoded_key,
                None,
                (
                    "DELETE FROM ptb_conversations WHERE name = ? AND key = ?",
                    (name, encoded_key),
                ),
            )
            return
        encoded = json.dumps(new_state)
        self._stage(
            name,
            encoded_key,
            encoded,
            (
                "INSERT INTO ptb_conversations (name, key, state) VALUES (?, ?, ?)"
                " ON CONFLICT(name, key) DO UPDATE SET state = excluded.state",
                (name, encoded_key, encoded),
            ),
        )

    async def get_user_data(self) -> dict[int, dict[str, Any]]:
        rows = await self.db.fetchall("SELECT user_id, data FROM ptb_user_data")
        data = {r["user_id"]: json.loads(r["data"]) for r in rows}
        for user_id, value in data.items():
            self._written[("ptb_user_data", user_id)] = _encode(value)
        return data

    async def update_user_data(self, user_id: int, data: dict[str, Any]) -> None:
        encoded = _encode(data)
        if encoded == "{}" and ("ptb_user_data", user_id) not in self._written:
            return  # most people never start a flow: no row for them
        self._stage(
            "ptb_user_data",
            user_id,
            encoded,
            (
                "INSERT INTO ptb_user_data (user_id, data) VALUES (?, ?)"
                " ON CONFLICT(user_id) DO UPDATE SET data = excluded.data",
                (user_id, encoded),
            ),
        )

    async def drop_user_data(self, user_id: int) -> None:
        self._stage(
            "ptb_user_data",
            user_id,
            None,
            ("DELETE FROM ptb_user_data WHERE user_id = ?", (user_id,)),
        )

    async def get_chat_data(self) -> dict[int, dict[str, Any]]:
        return {}

    async def update_chat_data(self, chat_id: int, data: dict[str, Any]) -> None:
        """Chat data is not kept: no feature uses it."""

    async def drop_chat_data(self, chat_id: int) -> None:
        """Chat data is not kept: no feature uses it."""

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[str, Any]) -> None:
        """Chat data is not kept: no feature uses it."""

    async def get_bot_data(self) -> dict[str, Any]:
        return {}

    async def update_bot_data(self, data: dict[str, Any]) -> None:
        """Bot-wide data is not persisted: it holds the service objects only."""

    async def refresh_bot_data(self, bot_data: dict[str, Any]) -> None:
        """Nothing to refresh: see update_bot_data."""

    async def refresh_user_data(self, user_id: int, user_data: dict[str, Any]) -> None:
        """The in-memory copy is always the newest: it is written through after each update."""

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def update_callback_data(self, data: CDCData) -> None:
        """Callback data are plain strings in the buttons; nothing to store."""

    async def flush(self) -> None:
        """At stop, after python-telegram-bot's last hand-over."""
        await self.commit()


def _encode(data: dict[str, Any]) -> str:
    # A flow opened and left leaves an empty draft behind: the same as no draft.
    kept = {key: value for key, value in data.items() if value != {}}
    return json.dumps(kept, ensure_ascii=False, default=str)
