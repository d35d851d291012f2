"""The server's side of the in-process Bot API: every call the bot makes lands in `handle`,
which answers like Telegram (message ids, edits, callback answers, files, errors such as a
user who blocked the bot or a migrated group); `OfflineRequest` carries the calls there."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import deque
from typing import Any

from telegram.request import BaseRequest, RequestData

from bot.offline.records import ApiCall, ApiError, ApiState, SentMessage


def _loads(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class BotApiServer(ApiState):
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
    """A `BaseRequest` that answers from an `BotApiServer` instead of the network."""

    def __init__(self, api: BotApiServer) -> None:
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
