"""What the in-process Bot API keeps: the simulated people and chats, the bot's messages, the
calls it answered, and the state both its sides share."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

BOT_ID = 7000000001
BOT_USERNAME = "twinbot_offline_bot"
OFFLINE_TOKEN = f"{BOT_ID}:offline-console-token"


@dataclass
class SimUser:
    id: int
    first_name: str
    language_code: str = "en"
    username: str | None = None
    last_name: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": self.language_code,
        }
        if self.username:
            data["username"] = self.username
        if self.last_name:
            data["last_name"] = self.last_name
        return data


@dataclass
class SimChat:
    id: int
    type: str  # private, group, supergroup
    title: str | None = None
    user: SimUser | None = None

    def as_dict(self) -> dict[str, Any]:
        if self.type == "private" and self.user:
            return {"id": self.id, "type": "private", "first_name": self.user.first_name}
        return {"id": self.id, "type": self.type, "title": self.title or str(self.id)}


@dataclass(eq=False)
class SentMessage:
    """A message in a chat, as the bot's side of the record sees it."""

    chat_id: int
    message_id: int
    text: str | None
    from_bot: bool
    reply_markup: dict[str, Any] | None = None
    document: dict[str, Any] | None = None
    photo: dict[str, Any] | None = None
    caption: str | None = None
    force_reply: bool = False
    edits: int = 0

    @property
    def buttons(self) -> list[dict[str, Any]]:
        if not self.reply_markup:
            return []
        rows = self.reply_markup.get("inline_keyboard") or []
        return [button for row in rows for button in row]

    @property
    def button_labels(self) -> list[str]:
        return [b["text"] for b in self.buttons]

    @property
    def body(self) -> str:
        return self.text if self.text is not None else (self.caption or "")


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


class ApiState:
    """The record both sides read and write: the server answers into it, the people's side
    queues updates and reads what the bot sent."""

    def __init__(self, *, enforce_limits: bool = False, round_trip: float = 0.0) -> None:
        self.bot = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Twinbot",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.calls: list[ApiCall] = []
        self.messages: dict[int, dict[int, SentMessage]] = {}
        self.callback_answers: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.chats: dict[int, SimChat] = {}
        self.chat_admins: dict[int, set[int]] = {}
        self.blocked: set[int] = set()
        self.migrated: dict[int, int] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.descriptions: dict[str, str] = {}
        self.flood_errors = 0
        self.enforce_limits = enforce_limits
        self.round_trip = round_trip  # seconds each call takes before it is answered
        self._send_times: dict[int, deque[float]] = {}
        self._global_times: deque[float] = deque()
        self._pending: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._callback_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._arrived: asyncio.Event | None = None
        self._processed: set[int] = set()
        self._waiting: dict[int, asyncio.Future[None]] = {}
        self.listeners: list[Callable[[SentMessage], None]] = []

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _store_file(self, data: bytes) -> str:
        file_id = f"file-{next(self._file_ids)}"
        self.files[file_id] = data
        return file_id
