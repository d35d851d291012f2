"""Concurrent updates, one person's in order.

Updates of different people are processed at the same time, so one person's slow step
(a round trip to Telegram, a file) never holds up everyone else; the updates of one person
run one after another, in the order they came, whatever chat they come from. A flow's
conversation is keyed by chat and user and its draft lives in the user's data, so both
only ever see one update at a time, as python-telegram-bot's ConversationHandler requires.
Updates without a sender (a channel post) are ordered by their chat.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# Updates in progress at once, waiting ones included; python-telegram-bot reads the next
# ones from Telegram meanwhile.
MAX_IN_PROGRESS = 256


def order_key(update: object) -> Hashable | None:
    """Updates with the same key are processed in the order they came."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    return None


class PerSenderOrder(BaseUpdateProcessor):
    """Runs each update as soon as the previous update with the same key has finished.

    python-telegram-bot starts one task per update in the order updates arrive and lets
    them in here first come, first served, so the order in which `do_process_update` is
    entered is the order of arrival.
    """

    def __init__(self, max_concurrent_updates: int = MAX_IN_PROGRESS) -> None:
        super().__init__(max_concurrent_updates)
        self._last: dict[Hashable, asyncio.Future[None]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = order_key(update)
        if key is None:
            await coroutine
            return
        previous = self._last.get(key)
        mine: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._last[key] = mine
        try:
            if previous is not None:
                try:
                    await asyncio.shield(previous)
                except BaseException:
                    if inspect.iscoroutine(coroutine):
                        coroutine.close()  # stopped while waiting: it never starts
                    raise
            await coroutine
        finally:
            mine.set_result(None)
            if self._last.get(key) is mine:
                del self._last[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release: python-telegram-bot awaits the updates in progress."""
