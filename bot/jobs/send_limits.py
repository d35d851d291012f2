"""Pacing of outgoing messages within Telegram's published limits.

Telegram allows about 30 messages a second in all, one a second in a private chat and
20 a minute in a group. python-telegram-bot's rate limiter is a leaky bucket that lets a
full bucket out at once after a pause, which a sliding one-second window counts as a
flood; bulk senders (reminder delivery) therefore wait here first, with sliding windows
and a small margin, and the rate limiter stays as the second line for everything else.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    overall: int = 28  # per second; 30 is the published limit, the margin absorbs jitter
    private_interval: float = 1.05  # seconds between two messages to one private chat
    group: int = 19  # per minute; 20 is the published limit
    window: float = 1.0
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


class SendPacer:
    """Waits until one more message may go to a chat; FIFO among waiters for the overall slot."""

    def __init__(
        self,
        limits: Limits = Limits(),
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limits = limits
        self._now = now
        self._overall: deque[float] = deque()
        self._chats: dict[int, deque[float]] = {}
        self._lock = asyncio.Lock()
        self._paused_until = 0.0

    def pause(self, seconds: float) -> None:
        """Hold everything back, e.g. after Telegram answered RetryAfter."""
        self._paused_until = max(self._paused_until, self._now() + seconds)

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

    def _overall_wait(self, moment: float) -> float:
        while self._overall and moment - self._overall[0] >= self.limits.window:
            self._overall.popleft()
        wait = max(0.0, self._paused_until - moment)
        if len(self._overall) >= self.limits.overall:
            wait = max(wait, self._overall[0] + self.limits.window - moment)
        return wait

    async def acquire(self, chat_id: int) -> None:
        while (wait := self._chat_wait(chat_id, self._now())) > 0:
            await asyncio.sleep(wait)
        async with self._lock:
            while (wait := self._overall_wait(self._now())) > 0:
                await asyncio.sleep(wait)
            moment = self._now()
            self._overall.append(moment)
            self._chats.setdefault(chat_id, deque()).append(moment)
            if chat_id >= 0:
                # One private chat only needs its latest send.
                while len(self._chats[chat_id]) > 1:
                    self._chats[chat_id].popleft()
