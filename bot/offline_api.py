"""An in-process Bot API: the Application talks to it exactly as it would to Telegram.

`OfflineRequest` is a `telegram.request.BaseRequest`; every call the bot makes lands in
`OfflineBotAPI.handle`, which answers like the real server (message ids, edits, callback
answers, files, errors such as a user who blocked the bot or a migrated group) and keeps a
record of everything. The same object plays the people: `send`, `press`, `reply` and
friends put updates in the queue that `getUpdates` serves with real long polling.
Tests and the offline console both use it; benchmarks give it a round trip, the time a
call to Telegram takes over the network.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

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


def _loads(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class OfflineBotAPI:
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

    # ------------------------------------------------------------------ the people's side

    def user(
        self,
        user_id: int,
        first_name: str,
        language_code: str = "en",
        username: str | None = None,
    ) -> SimUser:
        user = SimUser(user_id, first_name, language_code, username)
        self.chats.setdefault(user_id, SimChat(user_id, "private", user=user))
        self.chats[user_id].user = user
        return user

    def group(self, chat_id: int, title: str, admins: tuple[SimUser, ...] = ()) -> SimChat:
        chat = SimChat(chat_id, "group", title)
        self.chats[chat_id] = chat
        self.chat_admins[chat_id] = {a.id for a in admins}
        return chat

    def _chat(self, user: SimUser, chat: SimChat | None) -> SimChat:
        return chat or self.chats.setdefault(user.id, SimChat(user.id, "private", user=user))

    def _new_message(self, user: SimUser, chat: SimChat, **fields: Any) -> dict[str, Any]:
        message_id = self._next_message_id(chat.id)
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat.as_dict(),
            "from": user.as_dict(),
            **fields,
        }
        self.messages.setdefault(chat.id, {})[message_id] = SentMessage(
            chat.id, message_id, fields.get("text"), from_bot=False
        )
        return message

    def send(self, user: SimUser, text: str, chat: SimChat | None = None) -> int:
        chat = self._chat(user, chat)
        fields: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._enqueue({"message": self._new_message(user, chat, **fields)})

    def reply(self, user: SimUser, text: str, to: SentMessage) -> int:
        chat = self.chats[to.chat_id]
        replied = {
            "message_id": to.message_id,
            "date": int(time.time()),
            "chat": chat.as_dict(),
            "from": self.bot if to.from_bot else user.as_dict(),
            "text": to.text or "",
        }
        message = self._new_message(user, chat, text=text, reply_to_message=replied)
        return self._enqueue({"message": message})

    def send_photo(
        self, user: SimUser, data: bytes, chat: SimChat | None = None, caption: str | None = None
    ) -> int:
        chat = self._chat(user, chat)
        file_id = self._store_file(data)
        photo = [{"file_id": file_id, "file_unique_id": file_id, "width": 640, "height": 480}]
        fields: dict[str, Any] = {"photo": photo}
        if caption:
            fields["caption"] = caption
        return self._enqueue({"message": self._new_message(user, chat, **fields)})

    def send_document(
        self, user: SimUser, data: bytes, file_name: str, chat: SimChat | None = None
    ) -> int:
        chat = self._chat(user, chat)
        file_id = self._store_file(data)
        document = {"file_id": file_id, "file_unique_id": file_id, "file_name": file_name}
        return self._enqueue({"message": self._new_message(user, chat, document=document)})

    def press(
        self,
        user: SimUser,
        label: str,
        chat: SimChat | None = None,
        message: SentMessage | None = None,
    ) -> int:
        """Press the button with this label on the newest bot message that has it."""
        chat = self._chat(user, chat)
        target, button = self.find_button(chat.id, label, message)
        query = {
            "id": str(next(self._callback_ids)),
            "from": user.as_dict(),
            "chat_instance": str(chat.id),
            "data": button["callback_data"],
            "message": {
                "message_id": target.message_id,
                "date": int(time.time()),
                "chat": chat.as_dict(),
                "from": self.bot,
                "text": target.text or "",
            },
        }
        return self._enqueue({"callback_query": query})

    def press_data(self, user: SimUser, data: str, message: SentMessage) -> int:
        """Press a button by its raw callback data, e.g. one that a forger made up."""
        chat = self.chats[message.chat_id]
        query = {
            "id": str(next(self._callback_ids)),
            "from": user.as_dict(),
            "chat_instance": str(chat.id),
            "data": data,
            "message": {
                "message_id": message.message_id,
                "date": int(time.time()),
                "chat": chat.as_dict(),
                "from": self.bot,
                "text": message.text or "",
            },
        }
        return self._enqueue({"callback_query": query})

    def find_button(
        self, chat_id: int, label: str, message: SentMessage | None = None
    ) -> tuple[SentMessage, dict[str, Any]]:
        candidates = (
            [message] if message else reversed(list(self.messages.get(chat_id, {}).values()))
        )
        wanted = label.strip().casefold()
        for candidate in candidates:
            if not candidate.from_bot:
                continue
            for button in candidate.buttons:
                if "callback_data" in button and button["text"].strip().casefold() == wanted:
                    return candidate, button
        for candidate in (
            [message] if message else reversed(list(self.messages.get(chat_id, {}).values()))
        ):
            if not candidate.from_bot:
                continue
            for button in candidate.buttons:
                if "callback_data" in button and wanted in button["text"].casefold():
                    return candidate, button
        raise LookupError(f"no button {label!r} in chat {chat_id}")

    def add_bot_to_group(self, user: SimUser, chat: SimChat) -> int:
        update = {
            "my_chat_member": {
                "chat": chat.as_dict(),
                "from": user.as_dict(),
                "date": int(time.time()),
                "old_chat_member": {"status": "left", "user": self.bot},
                "new_chat_member": {"status": "member", "user": self.bot},
            }
        }
        return self._enqueue(update)

    def migrate_group(self, user: SimUser, chat: SimChat, new_id: int) -> int:
        """The group becomes a supergroup: Telegram announces it in the old chat."""
        self.migrated[chat.id] = new_id
        new_chat = SimChat(new_id, "supergroup", chat.title)
        self.chats[new_id] = new_chat
        self.chat_admins[new_id] = set(self.chat_admins.get(chat.id, set()))
        message = self._new_message(user, chat, migrate_to_chat_id=new_id)
        return self._enqueue({"message": message})

    def _enqueue(self, payload: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self._pending.append({"update_id": update_id, **payload})
        if self._arrived is not None:
            self._arrived.set()
        return update_id

    # ------------------------------------------------------------------ reading the record

    def bot_messages(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.messages.get(chat_id, {}).values() if m.from_bot]

    def last(self, chat_id: int) -> SentMessage:
        messages = self.bot_messages(chat_id)
        if not messages:
            raise LookupError(f"the bot has not written in chat {chat_id}")
        return messages[-1]

    def mark_processed(self, update_id: int) -> None:
        self._processed.add(update_id)
        waiter = self._waiting.pop(update_id, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def wait_processed(self, update_id: int, timeout: float = 10.0) -> None:
        if update_id in self._processed:
            return
        waiter = self._waiting.get(update_id)
        if waiter is None:
            waiter = self._waiting[update_id] = asyncio.get_running_loop().create_future()
        try:
            await asyncio.wait_for(asyncio.shield(waiter), timeout)
        except TimeoutError:
            raise TimeoutError(f"update {update_id} was not processed in {timeout} s") from None

    # ------------------------------------------------------------------ the server's side

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _store_file(self, data: bytes) -> str:
        file_id = f"file-{next(self._file_ids)}"
        self.files[file_id] = data
        return file_id

    async def handle(self, method: str, params: dict[str, Any], files: dict[str, Any]) -> Any:
        if self.round_trip:
            await asyncio.sleep(self.round_trip)
        self.calls.append(ApiCall(method, params))
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return True
        return await handler(params, files)

    async def _api_getMe(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return self.bot

    async def _api_getUpdates(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        self._pending = [u for u in self._pending if u["update_id"] >= offset]
        if not self._pending and timeout > 0:
            self._arrived = asyncio.Event()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), timeout)
        return self._pending[:limit]

    def _check_chat(self, chat_id: int) -> None:
        if chat_id in self.migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrated[chat_id]},
            )
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id not in self.chats:
            raise ApiError(400, "Bad Request: chat not found")
        if self.enforce_limits:
            self._check_rate(chat_id)

    def _check_rate(self, chat_id: int) -> None:
        """Telegram's published limits: 30 messages/s overall, 20/min in a group."""
        now = time.monotonic()
        while self._global_times and now - self._global_times[0] >= 1.0:
            self._global_times.popleft()
        window = self._send_times.setdefault(chat_id, deque())
        while window and now - window[0] >= 60.0:
            window.popleft()
        in_group = self.chats[chat_id].type != "private"
        if len(self._global_times) >= 30 or (in_group and len(window) >= 20):
            self.flood_errors += 1
            raise ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        self._global_times.append(now)
        window.append(now)

    def _store_bot_message(self, chat_id: int, **fields: Any) -> SentMessage:
        message = SentMessage(chat_id, self._next_message_id(chat_id), from_bot=True, **fields)
        self.messages.setdefault(chat_id, {})[message.message_id] = message
        for listener in self.listeners:
            listener(message)
        return message

    def _message_json(self, message: SentMessage) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": self.chats[message.chat_id].as_dict(),
            "from": self.bot,
        }
        if message.text is not None:
            data["text"] = message.text
        if message.caption is not None:
            data["caption"] = message.caption
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            data["reply_markup"] = message.reply_markup
        if message.document:
            data["document"] = message.document
        if message.photo:
            data["photo"] = [message.photo]
        return data

    def _markup(self, params: dict[str, Any]) -> dict[str, Any] | None:
        markup = _loads(params.get("reply_markup"))
        return markup if isinstance(markup, dict) else None

    async def _api_sendMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        self._check_chat(chat_id)
        text = str(params.get("text", ""))
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        markup = self._markup(params)
        self._check_markup(markup)
        message = self._store_bot_message(
            chat_id,
            text=text,
            reply_markup=markup,
            force_reply=bool(markup and markup.get("force_reply")),
        )
        return self._message_json(message)

    def _check_markup(self, markup: dict[str, Any] | None) -> None:
        for row in (markup or {}).get("inline_keyboard") or []:
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")

    def _find(self, params: dict[str, Any]) -> SentMessage:
        chat_id = int(params["chat_id"])
        self._check_chat(chat_id)
        message = self.messages.get(chat_id, {}).get(int(params["message_id"]))
        if message is None or not message.from_bot:
            raise ApiError(400, "Bad Request: message to edit not found")
        return message

    async def _api_editMessageText(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        message = self._find(params)
        text = str(params.get("text", ""))
        if len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        markup = self._markup(params)
        self._check_markup(markup)
        if text == message.text and markup == message.reply_markup:
            raise ApiError(400, "Bad Request: message is not modified")
        message.text, message.reply_markup = text, markup
        message.edits += 1
        for listener in self.listeners:
            listener(message)
        return self._message_json(message)

    async def _api_editMessageReplyMarkup(
        self, params: dict[str, Any], files: dict[str, Any]
    ) -> Any:
        message = self._find(params)
        markup = self._markup(params)
        if markup == message.reply_markup:
            raise ApiError(400, "Bad Request: message is not modified")
        message.reply_markup = markup
        message.edits += 1
        return self._message_json(message)

    async def _api_deleteMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        message = self._find(params)
        del self.messages[message.chat_id][message.message_id]
        return True

    async def _api_answerCallbackQuery(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self.callback_answers.append(params)
        return True

    async def _api_sendDocument(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return self._send_file(params, files, "document")

    async def _api_sendPhoto(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return self._send_file(params, files, "photo")

    def _send_file(self, params: dict[str, Any], files: dict[str, Any], kind: str) -> Any:
        chat_id = int(params["chat_id"])
        self._check_chat(chat_id)
        upload = files.get(kind)
        if upload is not None:
            name, content = upload[0], upload[1]
            file_id = self._store_file(content)
        else:
            name, file_id = None, str(params.get(kind))
        info = {"file_id": file_id, "file_unique_id": file_id, "file_name": name or file_id}
        if kind == "photo":
            info.update({"width": 800, "height": 600})
        message = self._store_bot_message(
            chat_id,
            text=None,
            caption=params.get("caption"),
            reply_markup=self._markup(params),
            **{kind: info},
        )
        return self._message_json(message)

    async def _api_getFile(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        file_id = str(params["file_id"])
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": len(self.files[file_id]),
            "file_path": file_id,
        }

    async def _api_getChat(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        chat_id = int(params["chat_id"])
        if chat_id not in self.chats:
            raise ApiError(400, "Bad Request: chat not found")
        return self.chats[chat_id].as_dict()

    async def _api_getChatMember(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        user = self.chats.get(user_id)
        user_json = (
            user.user.as_dict()
            if user and user.user
            else {"id": user_id, "is_bot": False, "first_name": str(user_id)}
        )
        if user_id in self.chat_admins.get(chat_id, set()):
            return {
                "status": "administrator",
                "user": user_json,
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
            }
        return {"status": "member", "user": user_json}

    async def _api_setMyCommands(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        scope = _loads(params.get("scope")) or {"type": "default"}
        key = f"{scope.get('type')}:{params.get('language_code', '')}"
        self.commands[key] = _loads(params.get("commands")) or []
        return True

    async def _api_setMyDescription(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self.descriptions[f"description:{params.get('language_code', '')}"] = str(
            params.get("description", "")
        )
        return True

    async def _api_setMyShortDescription(
        self, params: dict[str, Any], files: dict[str, Any]
    ) -> Any:
        self.descriptions[f"short:{params.get('language_code', '')}"] = str(
            params.get("short_description", "")
        )
        return True

    async def download(self, file_path: str) -> bytes:
        file_id = file_path.rsplit("/", 1)[-1]
        if file_id not in self.files:
            raise ApiError(404, "Not Found")
        return self.files[file_id]


class OfflineRequest(BaseRequest):
    """A `BaseRequest` that answers from an `OfflineBotAPI` instead of the network."""

    def __init__(self, api: OfflineBotAPI) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        """Nothing to open: there is no connection."""

    async def shutdown(self) -> None:
        """Nothing to close: there is no connection."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            try:
                return 200, await self.api.download(url)
            except ApiError as error:
                return error.code, error.description.encode()
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        files = request_data.multipart_data if request_data and request_data.contains_files else {}
        try:
            result = await self.api.handle(endpoint, params, files or {})
        except ApiError as error:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.code,
                "description": error.description,
            }
            if error.parameters:
                body["parameters"] = error.parameters
            return error.code, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()
