"""Heavy work after the answer: matching, exports, posts to many chats.

A handler starts such work here and answers the person at once; the work runs afterwards
as a task of the application (python-telegram-bot awaits it when the bot stops), once the
update's own replies have gone out, so whatever it sends comes after them. Its errors go
to the error handler. Work that writes to many chats runs in the bulk lane.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Coroutine
from typing import Any

from telegram.ext import Application

from bot.held_replies import replies_sent
from bot.jobs.send_limits import bulk_sends

AnyApplication = Application[Any, Any, Any, Any, Any, Any]

_RUNNING: weakref.WeakKeyDictionary[AnyApplication, set[asyncio.Task[Any]]] = (
    weakref.WeakKeyDictionary()
)


def start(
    application: AnyApplication,
    work: Coroutine[Any, Any, object],
    *,
    name: str,
    bulk: bool = False,
) -> None:
    """Run `work` after the current update's replies, in the bulk lane if `bulk`."""
    after = replies_sent()

    async def run() -> object:
        if after is not None:
            await after.wait()
        if bulk:
            with bulk_sends():
                return await work
        return await work

    task = application.create_task(run(), name=name)
    running = _RUNNING.setdefault(application, set())
    running.add(task)
    task.add_done_callback(running.discard)


async def settle(application: AnyApplication) -> None:
    """Wait until no background work is left (work may start more work)."""
    while running := _RUNNING.get(application):
        await asyncio.gather(*running, return_exceptions=True)
