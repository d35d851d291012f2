"""python-telegram-bot persistence in the bot's own SQLite file.

Conversation states and per-user and per-chat flow data are written as soon as they
change (the composition root flushes after every update), so a restart in the middle of a
flow resumes it. Callback data is plain strings, so there is nothing to store for it.
"""

from __future__ import annotations

import json
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from storage.db import Database


class SqlitePersistence(BasePersistence[dict[str, Any], dict[str, Any], dict[str, Any]]):
    def __init__(self, db: Database) -> None:
        super().__init__(
            store_data=PersistenceInput(bot_data=False, callback_data=False),
            update_interval=1,
        )
        self.db = db
        # What was last written, so an update that changed nothing writes nothing.
        self._written: dict[tuple[str, object], str] = {}

    def _unchanged(self, table: str, key: object, encoded: str) -> bool:
        if self._written.get((table, key)) == encoded:
            return True
        self._written[(table, key)] = encoded
        return False

    async def get_conversations(self, name: str) -> ConversationDict:
        rows = await self.db.fetchall(
            "SELECT key, state FROM ptb_conversations WHERE name = ?", (name,)
        )
        return {tuple(json.loads(r["key"])): json.loads(r["state"]) for r in rows}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        encoded_key = json.dumps(list(key))
        if self._unchanged(name, encoded_key, json.dumps(new_state)):
            return
        if new_state is None:
            await self.db.execute(
                "DELETE FROM ptb_conversations WHERE name = ? AND key = ?", (name, encoded_key)
            )
            return
        await self.db.execute(
            "INSERT INTO ptb_conversations (name, key, state) VALUES (?, ?, ?)"
            " ON CONFLICT(name, key) DO UPDATE SET state = excluded.state",
            (name, encoded_key, json.dumps(new_state)),
        )

    async def get_user_data(self) -> dict[int, dict[str, Any]]:
        rows = await self.db.fetchall("SELECT user_id, data FROM ptb_user_data")
        return {r["user_id"]: json.loads(r["data"]) for r in rows}

    async def get_chat_data(self) -> dict[int, dict[str, Any]]:
        rows = await self.db.fetchall("SELECT chat_id, data FROM ptb_chat_data")
        return {r["chat_id"]: json.loads(r["data"]) for r in rows}

    async def update_user_data(self, user_id: int, data: dict[str, Any]) -> None:
        await self._upsert("ptb_user_data", "user_id", user_id, data)

    async def update_chat_data(self, chat_id: int, data: dict[str, Any]) -> None:
        await self._upsert("ptb_chat_data", "chat_id", chat_id, data)

    async def _upsert(self, table: str, column: str, key: int, data: dict[str, Any]) -> None:
        encoded = json.dumps(data, ensure_ascii=False, default=str)
        if self._unchanged(table, key, encoded):
            return
        await self.db.execute(
            f"INSERT INTO {table} ({column}, data) VALUES (?, ?)"
            f" ON CONFLICT({column}) DO UPDATE SET data = excluded.data",
            (key, encoded),
        )

    async def drop_user_data(self, user_id: int) -> None:
        self._written.pop(("ptb_user_data", user_id), None)
        await self.db.execute("DELETE FROM ptb_user_data WHERE user_id = ?", (user_id,))

    async def drop_chat_data(self, chat_id: int) -> None:
        self._written.pop(("ptb_chat_data", chat_id), None)
        await self.db.execute("DELETE FROM ptb_chat_data WHERE chat_id = ?", (chat_id,))

    async def get_bot_data(self) -> dict[str, Any]:
        return {}

    async def update_bot_data(self, data: dict[str, Any]) -> None:
        """Bot-wide data is not persisted: it holds the service objects only."""

    async def refresh_bot_data(self, bot_data: dict[str, Any]) -> None:
        """Nothing to refresh: see update_bot_data."""

    async def refresh_user_data(self, user_id: int, user_data: dict[str, Any]) -> None:
        """The in-memory copy is always the newest: it is written through after each update."""

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[str, Any]) -> None:
        """The in-memory copy is always the newest: it is written through after each update."""

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def update_callback_data(self, data: CDCData) -> None:
        """Callback data are plain strings in the buttons; nothing to store."""

    async def flush(self) -> None:
        """Every write is already committed."""
