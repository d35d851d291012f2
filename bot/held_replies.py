"""Replies go out after the step is saved.

A handler answers a person and then returns the flow's next state; python-telegram-bot
records that state after the handler returns. Were the reply sent at once, a restart
between the reply and the save would leave the person looking at the next question while
the database still expects the previous answer, which their next message would then fill.
So while an update is processed, what the bot shows in that update's own chat (messages,
edits, the answer to the button press) is held, and sent, in order, once the update's
conversation states and flow data are committed (see `bot.app.TwinbotApplication`).

A held send returns at once with the message as it will look, its text (a new message
has no id until Telegram assigns one, so it reports message id 0); a held edit returns
True, as the Bot API does for edits it does not echo. Messages to other chats, and
reads such as a file download, are not held.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ExtBot
from telegram.request import BaseRequest

_log = logging.getLogger(__name__)

SHOWN = {
    "sendMessage",
    "sendDocument",
    "sendPhoto",
    "editMessageText",
    "editMessageCaption",
    "editMessageReplyMarkup",
    "deleteMessage",
}
ANSWER = "answerCallbackQuery"

Result = bool | dict[str, Any] | list[dict[str, Any]]


@dataclass
class HeldReplies:
    """The replies of one update, in the order its handlers made them."""

    update: Update
    task: asyncio.Task[Any] | None
    calls: list[tuple[str, Callable[[], Awaitable[Result]]]] = field(default_factory=list)
    open: bool = True
    sent: asyncio.Event = field(default_factory=asyncio.Event)

    def takes(self, endpoint: str, data: dict[str, Any]) -> bool:
        if not self.open or asyncio.current_task() is not self.task:
            return False  # e.g. work the update started in the background
        if endpoint == ANSWER:
            query = self.update.callback_query
            return query is not None and data.get("callback_query_id") == query.id
        chat = self.update.effective_chat
        return endpoint in SHOWN and chat is not None and str(data.get("chat_id")) == str(chat.id)

    def hold(
        self, endpoint: str, data: dict[str, Any], send: Callable[[], Awaitable[Result]]
    ) -> Result:
        self.calls.append((endpoint, send))
        if not endpoint.startswith("send"):
            return True
        chat = self.update.effective_chat
        assert chat is not None
        shown: dict[str, Any] = {
            "message_id": 0,
            "date": int(time.time()),
            "chat": {"id": chat.id, "type": chat.type},
        }
        for name in ("text", "caption"):
            if isinstance(data.get(name), str):
                shown[name] = data[name]
        return shown

    async def send(self, on_error: Callable[[Exception], Awaitable[object]]) -> None:
        """Send what was held, in order; a failure ends the rest (the chat is unreachable)."""
        self.open = False
        calls, self.calls = self.calls, []
        try:
            for endpoint, call in calls:
                try:
                    await call()
                except BadRequest as error:
                    if "not modified" in str(error).lower():
                        continue  # the screen already shows this
                    if endpoint == ANSWER:
                        # A press answered too late, or twice: the screen still follows.
                        _log.debug("callback answer refused: %s", error)
                        continue
                    await on_error(error)
                    return
                except Exception as error:
                    await on_error(error)
                    return
        finally:
            self.sent.set()


_held: ContextVar[HeldReplies | None] = ContextVar("held_replies", default=None)


def hold_replies(update: object) -> HeldReplies | None:
    """Start holding the replies of an update processed by the current task."""
    if not isinstance(update, Update):
        return None
    held = HeldReplies(update, asyncio.current_task())
    _held.set(held)
    return held


def replies_sent() -> asyncio.Event | None:
    """Set once the replies of the update the current task processes have gone out."""
    held = _held.get()
    if held is None or held.task is not asyncio.current_task():
        return None
    return held.sent


class TwinbotBot(ExtBot[None]):
    """The bot: holds the replies of the update being processed (see the module's note)."""

    async def _do_post(
        self,
        endpoint: str,
        data: dict[str, Any],
        *,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> Result:
        send = partial(
            super()._do_post,
            endpoint,
            data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        held = _held.get()
        if held is not None and held.takes(endpoint, data):
            return held.hold(endpoint, data, send)
        return await send()
