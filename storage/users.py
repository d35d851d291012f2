"""Users and group chats the bot knows.

Every update needs its sender (and its group), so both repositories keep the rows they read
in memory and replace them with what their own writes return. Every write to these tables
goes through them; a rolled-back transaction empties the copies.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, iso
from storage.db import Database

MAX_IDS = 500  # ids per query


@dataclass(frozen=True)
class User:
    id: int
    first_name: str
    last_name: str | None
    username: str | None
    language: str
    language_chosen: bool
    tz: str
    role: str | None
    current_community_id: int | None
    active: bool

    @property
    def display_name(self) -> str:
        name = " ".join(part for part in (self.first_name, self.last_name) if part)
        return name or (f"@{self.username}" if self.username else str(self.id))


@dataclass(frozen=True)
class Chat:
    id: int
    type: str
    title: str
    language: str
    tz: str
    active: bool


def _user(row: object) -> User:
    r = dict(row)  # type: ignore[call-overload]
    return User(
        id=r["id"],
        first_name=r["first_name"],
        last_name=r["last_name"],
        username=r["username"],
        language=r["language"],
        language_chosen=bool(r["language_chosen"]),
        tz=r["tz"],
        role=r["role"],
        current_community_id=r["current_community_id"],
        active=bool(r["active"]),
    )


class UserRepository:
    def __init__(self, db: Database, clock: Clock, default_tz: str) -> None:
        self.db, self.clock, self.default_tz = db, clock, default_tz
        self._known: dict[int, User] = {}
        db.on_rollback.append(self._known.clear)

    def _keep(self, row: object) -> User:
        user = _user(row)
        self._known[user.id] = user
        return user

    async def upsert(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        language: str,
    ) -> User:
        """Record a user seen in an update; a language the user chose is never overwritten."""
        user, _known = await self.seen(user_id, first_name, last_name, username, language)
        return user

    async def seen(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        language: str,
    ) -> tuple[User, User | None]:
        """Like `upsert`, also returning the user as known before this update, if at all."""
        known = await self.get(user_id)
        if (
            known is not None
            and known.active
            and (known.first_name, known.last_name, known.username)
            == (first_name, last_name, username)
            and (known.language_chosen or known.language == language)
        ):
            return known, known  # nothing changed: most updates come from people the bot knows
        now = iso(self.clock.now())
        row = await self.db.fetchone(
            "INSERT INTO users (id, first_name, last_name, username, language, tz, active,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET first_name=excluded.first_name,"
            " last_name=excluded.last_name, username=excluded.username, active=1,"
            " language=CASE WHEN users.language_chosen THEN users.language"
            " ELSE excluded.language END, updated_at=excluded.updated_at RETURNING *",
            (user_id, first_name, last_name, username, language, self.default_tz, now, now),
        )
        return self._keep(row), known

    async def get(self, user_id: int) -> User | None:
        known = self._known.get(user_id)
        if known is not None:
            return known
        row = await self.db.fetchone("SELECT * FROM users WHERE id = ?", (user_id,))
        return self._keep(row) if row else None

    async def get_many(self, user_ids: list[int]) -> dict[int, User]:
        """Users by id, read in one query for those not in memory yet."""
        missing = sorted({i for i in user_ids if i not in self._known})
        for start in range(0, len(missing), MAX_IDS):
            part = missing[start : start + MAX_IDS]
            marks = ",".join("?" * len(part))
            for row in await self.db.fetchall(f"SELECT * FROM users WHERE id IN ({marks})", part):
                self._keep(row)
        return {i: self._known[i] for i in user_ids if i in self._known}

    async def set_language(self, user_id: int, language: str) -> None:
        await self._set(user_id, "language = ?, language_chosen = 1", language)

    async def set_tz(self, user_id: int, tz: str) -> None:
        """A zone the person chose: their community's no longer replaces it."""
        await self._set(user_id, "tz = ?, tz_chosen = 1", tz)

    async def set_role(self, user_id: int, role: str) -> None:
        await self._set(user_id, "role = ?", role)

    async def set_current_community(self, user_id: int, community_id: int | None) -> None:
        """Act for this community; a time zone nobody chose becomes the community's."""
        row = await self.db.fetchone(
            "UPDATE users SET current_community_id = ?, tz = CASE WHEN tz_chosen THEN tz"
            " ELSE coalesce((SELECT tz FROM communities WHERE id = ?), tz) END, updated_at = ?"
            " WHERE id = ? RETURNING *",
            (community_id, community_id, iso(self.clock.now()), user_id),
        )
        if row is not None:
            self._keep(row)

    async def set_active(self, user_id: int, active: bool) -> None:
        await self._set(user_id, "active = ?", int(active))

    async def _set(self, user_id: int, assignment: str, value: object) -> None:
        row = await self.db.fetchone(
            f"UPDATE users SET {assignment}, updated_at = ? WHERE id = ? RETURNING *",
            (value, iso(self.clock.now()), user_id),
        )
        if row is not None:
            self._keep(row)


class ChatRepository:
    def __init__(self, db: Database, clock: Clock, default_tz: str) -> None:
        self.db, self.clock, self.default_tz = db, clock, default_tz
        self._known: dict[int, Chat] = {}
        db.on_rollback.append(self._known.clear)

    def _keep(self, row: object) -> Chat:
        r = dict(row)  # type: ignore[call-overload]
        chat = Chat(r["id"], r["type"], r["title"], r["language"], r["tz"], bool(r["active"]))
        self._known[chat.id] = chat
        return chat

    async def upsert(
        self, chat_id: int, chat_type: str, title: str, language: str, by: int | None = None
    ) -> Chat:
        """Record a group; a new one starts in the time zone of the community of ``by``, the
        person who brought the bot in, if they act for one."""
        row = await self.db.fetchone(
            "INSERT INTO chats (id, type, title, language, tz, active, created_at)"
            " VALUES (?, ?, ?, ?, coalesce((SELECT c.tz FROM users u JOIN communities c"
            " ON c.id = u.current_community_id WHERE u.id = ?), ?), 1, ?)"
            " ON CONFLICT(id) DO UPDATE SET type=excluded.type, title=excluded.title, active=1"
            " RETURNING *",
            (chat_id, chat_type, title, language, by, self.default_tz, iso(self.clock.now())),
        )
        return self._keep(row)

    async def get(self, chat_id: int) -> Chat | None:
        known = self._known.get(chat_id)
        if known is not None:
            return known
        row = await self.db.fetchone("SELECT * FROM chats WHERE id = ?", (chat_id,))
        return self._keep(row) if row else None

    async def get_many(self, chat_ids: list[int]) -> dict[int, Chat]:
        """Chats by id, read in one query for those not in memory yet."""
        missing = sorted({i for i in chat_ids if i not in self._known})
        for start in range(0, len(missing), MAX_IDS):
            part = missing[start : start + MAX_IDS]
            marks = ",".join("?" * len(part))
            for row in await self.db.fetchall(f"SELECT * FROM chats WHERE id IN ({marks})", part):
                self._keep(row)
        return {i: self._known[i] for i in chat_ids if i in self._known}

    async def set_language(self, chat_id: int, language: str) -> None:
        await self._set(chat_id, "language = ?", language)

    async def set_tz(self, chat_id: int, tz: str) -> None:
        await self._set(chat_id, "tz = ?, tz_chosen = 1", tz)

    async def set_active(self, chat_id: int, active: bool) -> None:
        await self._set(chat_id, "active = ?", int(active))

    async def _set(self, chat_id: int, assignment: str, value: object) -> None:
        row = await self.db.fetchone(
            f"UPDATE chats SET {assignment} WHERE id = ? RETURNING *", (value, chat_id)
        )
        if row is not None:
            self._keep(row)

    async def migrate(self, old_id: int, new_id: int) -> None:
        """A group that became a supergroup keeps its settings under the new id."""
        await self.db.execute(
            "INSERT OR IGNORE INTO chats (id, type, title, language, tz, tz_chosen, active,"
            " created_at) SELECT ?, 'supergroup', title, language, tz, tz_chosen, active,"
            " created_at FROM chats"
            " WHERE id = ?",
            (new_id, old_id),
        )
        await self.db.execute(
            "UPDATE reminders SET chat_id = ? WHERE chat_id = ?", (new_id, old_id)
        )
        await self.set_active(old_id, False)
        self._known.pop(new_id, None)
