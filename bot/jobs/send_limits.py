"""Two lanes for outgoing messages, within Telegram's published limits.

Telegram allows about 30 messages a second in all, one a second in a private chat and
20 a minute in a group. Answers to a person (replies, edits, button answers) go out at
once: the person is waiting. Bulk sends (reminders, digests, posts to many groups) are
paced here, with sliding windows and a small margin, and take only what the answers leave
free within the limits, so a burst never queues an answer behind it and the burst itself
stays within the limits. Code sends in the bulk lane inside `bulk_sends()`; everything
else is the person lane. When Telegram still answers RetryAfter, both lanes wait it out.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

_log = logging.getLogger(__name__)


class Lane(Enum):
    PERSON = "person"
    BULK = "bulk"


_lane: ContextVar[Lane] = ContextVar("send_lane", default=Lane.PERSON)


@contextmanager
def bulk_sends() -> Iterator[None]:
    """Messages sent inside this block (and by tasks it starts) go in the bulk lane."""
    token = _lane.set(Lane.BULK)
    try:
        yield
    finally:
        _lane.reset(token)


@dataclass(frozen=True)
class Limits:
    overall: int = 30  # per second, both lanes: the published limit
    bulk: int = 29  # per second; the margin absorbs jitter, and answers may use it
    private_interval: float = 1.05  # seconds between two messages to one private chat
    group: int = 19  # per minute; 20 is the published limit
    window: float = 1.0
    # Telegram counts a message when it arrives, which can be a little later than when it
    # left: the overall limit, shared with answers, is kept over a slightly longer window.
    overall_window: float = 1.06
    group_window: float = 60.0


def floor_seconds(per_chat: dict[int, int], limits: Limits = Limits()) -> float:
    """The least time Telegram's published limits allow for sending these messages.

    `per_chat` counts messages by chat id (groups have negative ids). The bound is the
    larger of the overall rate and the slowest single chat.
    """
    total = sum(per_chat.values())
    bounds = [total / 30.0]
    for chat_id, count in per_chat.items():
        if chat_id < 0:
            bounds.append(max(0, (count - 1) // 20) * 60.0)
        else:
            bounds.append(float(max(0, count - 1)))
    return max(bounds)


LATE_TOLERANCE = 0.018  # seconds: half a slot


class SendPacer:
    """Sliding windows of what was sent: answers are counted, bulk sends wait for room."""

    def __init__(
        self,
        limits: Limits = Limits(),
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limits = limits
        self._now = now
        self._overall: deque[float] = deque()
        self._bulk: deque[float] = deque()
        self._chats: dict[int, deque[float]] = {}
        self._bulk_turn = asyncio.Lock()
        self._next_bulk = 0.0  # the next slot of the evenly spaced bulk sends
        self._paused_until = 0.0

    def pause(self, seconds: float) -> None:
        """Hold everything back, e.g. after Telegram answered RetryAfter."""
        self._paused_until = max(self._paused_until, self._now() + seconds)

    def _slide(self, moment: float) -> None:
        while self._overall and moment - self._overall[0] >= self.limits.overall_window:
            self._overall.popleft()
        while self._bulk and moment - self._bulk[0] >= self.limits.window:
            self._bulk.popleft()

    def _chat_wait(self, chat_id: int, moment: float) -> float:
        sent = self._chats.get(chat_id)
        if not sent:
            return 0.0
        if chat_id >= 0:
            return max(0.0, sent[-1] + self.limits.private_interval - moment)
        while sent and moment - sent[0] >= self.limits.group_window:
            sent.popleft()
        if len(sent) < self.limits.group:
            return 0.0
        return sent[0] + self.limits.group_window - moment

    def _bulk_wait(self, moment: float) -> float:
        self._slide(moment)
        wait = max(0.0, self._paused_until - moment)
        if len(self._bulk) >= self.limits.bulk:
            wait = max(wait, self._bulk[0] + self.limits.window - moment)
        if len(self._overall) >= self.limits.overall:
            wait = max(wait, self._overall[0] + self.limits.overall_window - moment)
        # Evenly spaced, so the windows never fill in one go and an answer finds room.
        return max(wait, self._next_bulk - moment)

    def _record(self, chat_id: int, moment: float, bulk: bool) -> None:
        self._slide(moment)
        self._overall.append(moment)
        if bulk:
            self._bulk.append(moment)
            # A slot a little late (the wake-up overshoots) keeps the schedule; one missed
            # while the process was busy is not made up, which would crowd the window.
            interval = self.limits.window / self.limits.bulk
            self._next_bulk = max(self._next_bulk, moment - LATE_TOLERANCE) + interval
        sent = self._chats.setdefault(chat_id, deque())
        sent.append(moment)
        if chat_id >= 0:
            # One private chat only needs its latest send.
            while len(sent) > 1:
                sent.popleft()
        else:
            while moment - sent[0] >= self.limits.group_window:
                sent.popleft()

    async def answer(self, chat_id: int) -> None:
        """An answer to a person: goes now (unless Telegram asked to wait), and is counted."""
        while (wait := self._paused_until - self._now()) > 0:
            await asyncio.sleep(wait)
        self._record(chat_id, self._now(), bulk=False)

    async def acquire(self, chat_id: int) -> None:
        """Wait until one more bulk message may go to a chat; first come, first served."""
        while (wait := self._chat_wait(chat_id, self._now())) > 0:
            await asyncio.sleep(wait)
        async with self._bulk_turn:
            while (wait := self._bulk_wait(self._now())) > 0:
                await asyncio.sleep(wait)
            self._record(chat_id, self._now(), bulk=True)


# Methods that put something in a chat, as Telegram counts them.
_COUNTED = ("send", "edit", "copy", "forward", "delete")


def _chat_of(endpoint: str, data: dict[str, Any]) -> int | None:
    if not endpoint.startswith(_COUNTED):
        return None
    try:
        return int(data["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None


class LaneRateLimiter(BaseRateLimiter[None]):
    """python-telegram-bot's rate limiter slot: every request the bot makes passes here."""

    def __init__(self, limits: Limits = Limits(), max_retries: int = 3) -> None:
        self.pacer = SendPacer(limits)
        self.max_retries = max_retries

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        chat_id = _chat_of(endpoint, data)
        bulk = _lane.get() is Lane.BULK
        for attempt in range(self.max_retries + 1):
            if chat_id is not None:
                await (self.pacer.acquire(chat_id) if bulk else self.pacer.answer(chat_id))
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                wait = error.retry_after
                seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                _log.warning("flood control on %s: waiting %.1f s", endpoint, seconds)
                self.pacer.pause(seconds)
                if attempt == self.max_retries:
                    raise
                if chat_id is None:
                    await asyncio.sleep(seconds)
        raise AssertionError("unreachable")
