"""Delivery of due reminders: exactly once, in order, within Telegram's limits.

The database is the source of truth. `deliver_due` claims each due row (pending -> sending,
compare-and-set), renders it in the recipient's language, sends it with the buttons the
reminders feature registered (Snooze / Done) in the bulk lane (paced within Telegram's
limits, behind any answer to a person; see `bot.jobs.send_limits`) and finishes it (done,
or pending at its next occurrence). A row left 'sending' by a stop in the middle counts as
delivered at the next start (`restore`), so a restart never sends a reminder twice. The
job queue only wakes delivery up: one job at the next due time, and a periodic tick in case
a row was written by something that did not say so.
"""

from __future__ import annotations

import asyncio
import logging
import time as clock_time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.ext import Application, ContextTypes

from bot.context import SERVICES_KEY
from bot.domain.reminders.recurrence import in_quiet_hours, next_occurrence, quiet_hours_end
from bot.domain.reminders.text import late_notice, user_reminder_text
from bot.i18n import Translator
from bot.jobs.send_limits import bulk_sends
from bot.services import Services
from storage.reminders import Reminder

_log = logging.getLogger(__name__)

USER_KIND = "user"
TICK_SECONDS = 30.0
WAKE_JOB, TICK_JOB = "reminders:wake", "reminders:tick"
LATE_AFTER = timedelta(minutes=1)  # due longer ago than this at start: delivered as late
RETRY_LATER = timedelta(minutes=1)  # after a network failure
UNKNOWN_KIND_RETRY = timedelta(hours=1)  # a kind whose feature is not loaded (yet)
MAX_ATTEMPTS = 5
# A reminder written as due now waits this long for its wake-up, so a caller that goes on
# to call `deliver_due` itself (a feature's test after scheduling) is not raced by the job.
SCHEDULED_WAKE_DELAY = 2.0
BATCH = 5000
# Chats served at once. A reminder is claimed just before its turn to be sent, so a stop in
# the middle of a burst leaves at most this many claimed (counted as delivered at start).
CHATS_AT_ONCE = 64

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


@dataclass
class _State:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    wake_at: datetime | None = None


_STATES: weakref.WeakKeyDictionary[AnyApplication, _State] = weakref.WeakKeyDictionary()


def _state(application: AnyApplication) -> _State:
    state = _STATES.get(application)
    if state is None:
        state = _STATES[application] = _State()
    return state


def _services(application: AnyApplication) -> Services:
    return application.bot_data[SERVICES_KEY]  # type: ignore[no-any-return]


class Outcome(Enum):
    SENT = "sent"
    SKIPPED = "skipped"  # postponed, dropped, or claimed by someone else
    RETRY = "retry"
    BLOCKED = "blocked"


@dataclass
class Recipient:
    chat_id: int
    lang: str
    tz: str


def next_due(reminder: Reminder, now: datetime) -> datetime | None:
    """When a recurring reminder comes next after this delivery; None for a one-off."""
    if not reminder.recurrence:
        return None
    zone = ZoneInfo(reminder.tz)
    at = (
        time.fromisoformat(reminder.local_time)
        if reminder.local_time
        else reminder.due_at.astimezone(zone).time()
    )
    return next_occurrence(reminder.recurrence, at, reminder.tz, max(now, reminder.due_at))


async def recipient_of(services: Services, chat_id: int, fallback_tz: str) -> Recipient:
    repos = services.repos
    if chat_id > 0:
        user = await repos.users.get(chat_id)
        if user is not None:
            return Recipient(chat_id, user.language, user.tz)
    else:
        chat = await repos.chats.get(chat_id)
        if chat is not None:
            return Recipient(chat_id, chat.language, chat.tz)
    return Recipient(chat_id, "en", fallback_tz or services.settings.default_tz)


async def render(
    services: Services, t: Translator, reminder: Reminder, tz: str
) -> tuple[str, list[list[InlineKeyboardButton]]] | None:
    """The message for a reminder, or None when its feature says it is no longer needed."""
    extra: list[list[InlineKeyboardButton]]
    if reminder.kind == USER_KIND:
        text, extra = (
            user_reminder_text(t, reminder.text, reminder.recurrence, reminder.local_time),
            [],
        )
    else:
        renderer = services.reminder_kinds.get(reminder.kind)
        if renderer is None:
            raise LookupError(f"no renderer for reminder kind {reminder.kind!r}")
        rendered = await renderer(services, t, reminder)
        if rendered is None:
            return None
        text, extra = rendered
    if reminder.late:
        text = f"{text}\n\n{late_notice(t, reminder.due_at, tz)}"
    source = reminder
    if reminder.snoozed_from is not None:
        source = await services.repos.reminders.get(reminder.snoozed_from) or reminder
    controls = services.reminder_kinds.controls
    offer_off = source.automatic or source.recurring
    return text, [*extra, *(controls(t, reminder, offer_off) if controls else [])]


async def _send(
    application: AnyApplication,
    recipient: Recipient,
    text: str,
    rows: list[list[InlineKeyboardButton]],
) -> None:
    """Send in the bulk lane (which waits out RetryAfter); follow a group that became a
    supergroup."""

    async def send() -> None:
        with bulk_sends():
            await application.bot.send_message(
                recipient.chat_id, text, reply_markup=InlineKeyboardMarkup(rows)
            )

    try:
        await send()
    except ChatMigrated as error:
        services = _services(application)
        old, new = recipient.chat_id, error.new_chat_id
        _log.info("group %s became supergroup %s", old, new)
        await services.repos.chats.migrate(old, new)
        await services.repos.partnerships.migrate_chat(old, new)
        recipient.chat_id = new
        await send()


async def _mark_unreachable(services: Services, chat_id: int) -> None:
    repos = services.repos
    if chat_id > 0:
        await repos.users.set_active(chat_id, False)
    else:
        await repos.chats.set_active(chat_id, False)
    await repos.reminders.pause_chat(chat_id)


async def deliver_one(
    application: AnyApplication,
    reminder: Reminder,
    recipient: Recipient,
    now: datetime,
) -> Outcome:
    services = _services(application)
    repo = services.repos.reminders
    quiet = services.settings.quiet_hours
    if reminder.automatic and in_quiet_hours(now, recipient.tz, quiet):
        await repo.postpone(reminder.id, quiet_hours_end(now, recipient.tz, quiet))
        return Outcome.SKIPPED
    if not await repo.claim(reminder.id):
        return Outcome.SKIPPED
    t = services.i18n.get(recipient.lang)
    try:
        rendered = await render(services, t, reminder, recipient.tz)
    except LookupError:
        _log.error("reminder %s: no renderer for kind %r", reminder.id, reminder.kind)
        await repo.release(reminder.id, now + UNKNOWN_KIND_RETRY)
        return Outcome.RETRY
    except Exception:
        _log.exception("reminder %s could not be rendered", reminder.id)
        await _give_up_or_retry(services, reminder, now)
        return Outcome.RETRY
    if rendered is None:
        await repo.set_status(reminder.id, "cancelled")
        return Outcome.SKIPPED
    text, rows = rendered
    try:
        await _send(application, recipient, text, rows)
    except Forbidden:
        _log.info(
            "chat %s blocked the bot or removed it: its reminders are paused", recipient.chat_id
        )
        await repo.set_status(reminder.id, "paused")
        await _mark_unreachable(services, recipient.chat_id)
        return Outcome.BLOCKED
    except BadRequest as error:
        if "chat not found" in str(error).lower():
            await repo.set_status(reminder.id, "paused")
            await _mark_unreachable(services, recipient.chat_id)
            return Outcome.BLOCKED
        _log.exception("reminder %s refused by Telegram", reminder.id)
        await _give_up_or_retry(services, reminder, now)
        return Outcome.RETRY
    except (RetryAfter, NetworkError):
        _log.warning("reminder %s: Telegram unreachable, retrying later", reminder.id)
        await repo.release(reminder.id, now + RETRY_LATER)
        return Outcome.RETRY
    await repo.finish(reminder.id, next_due(reminder, now))
    return Outcome.SENT


async def _give_up_or_retry(services: Services, reminder: Reminder, now: datetime) -> None:
    repo = services.repos.reminders
    if reminder.attempts + 1 >= MAX_ATTEMPTS:
        _log.error("reminder %s dropped after %s attempts", reminder.id, MAX_ATTEMPTS)
        await repo.set_status(reminder.id, "cancelled")
    else:
        await repo.release(reminder.id, now + RETRY_LATER * (reminder.attempts + 1))


async def _deliver_chat(
    application: AnyApplication,
    chat_id: int,
    reminders: list[Reminder],
    now: datetime,
) -> int:
    services = _services(application)
    recipient = await recipient_of(services, chat_id, reminders[0].tz)
    sent = 0
    for reminder in reminders:
        try:
            outcome = await deliver_one(application, reminder, recipient, now)
        except Exception:
            _log.exception("reminder %s: delivery failed", reminder.id)
            continue
        if outcome is Outcome.SENT:
            sent += 1
        elif outcome is Outcome.BLOCKED:
            break
    return sent


async def deliver_due(application: AnyApplication) -> int:
    """Deliver every pending reminder that is due now; returns how many were sent.

    Safe to call at any time and from anywhere (a job, a test after moving the clock):
    runs are serialised, and each row is claimed before it is sent.
    """
    services = _services(application)
    state = _state(application)
    repo = services.repos.reminders
    sent = 0
    turns = asyncio.Semaphore(CHATS_AT_ONCE)

    async def deliver_chat(chat: int, items: list[Reminder], now: datetime) -> int:
        async with turns:
            return await _deliver_chat(application, chat, items, now)

    async with state.lock:
        now = services.clock.now()
        seen: set[int] = set()
        while True:
            batch = [r for r in await repo.due(now, limit=BATCH + len(seen)) if r.id not in seen]
            if not batch:
                break
            seen.update(r.id for r in batch)
            by_chat: dict[int, list[Reminder]] = {}
            for reminder in batch:
                by_chat.setdefault(reminder.chat_id, []).append(reminder)
            # Who gets them, read at once rather than one query per chat.
            await services.repos.users.get_many([chat for chat in by_chat if chat > 0])
            await services.repos.chats.get_many([chat for chat in by_chat if chat < 0])
            results = await asyncio.gather(
                *(deliver_chat(chat, items, now) for chat, items in by_chat.items())
            )
            sent += sum(results)
    await rearm(application)
    return sent


# ---------------------------------------------------------------------- waking up


async def _wake(context: ContextTypes.DEFAULT_TYPE) -> None:
    await deliver_due(context.application)


def _wake_at(application: AnyApplication, due: datetime, min_delay: float = 0.0) -> None:
    queue = application.job_queue
    if queue is None:
        return
    state = _state(application)
    for job in queue.get_jobs_by_name(WAKE_JOB):
        job.schedule_removal()
    delay = (due - _services(application).clock.now()).total_seconds()
    queue.run_once(_wake, when=max(min_delay, min(delay, TICK_SECONDS)), name=WAKE_JOB)
    state.wake_at = due


async def rearm(application: AnyApplication, min_delay: float = 0.0) -> None:
    """Put the wake-up job at the next due time (the tick covers anything further away)."""
    due = await _services(application).repos.reminders.next_due_at()
    if due is not None:
        _wake_at(application, due, min_delay)


def _scheduled_listener(application: AnyApplication) -> Callable[[Reminder], None]:
    app_ref = weakref.ref(application)

    def on_scheduled(reminder: Reminder) -> None:
        app = app_ref()
        if app is None or app.job_queue is None:
            return
        state = _state(app)
        if state.wake_at is None or reminder.due_at < state.wake_at:
            _wake_at(app, reminder.due_at, min_delay=SCHEDULED_WAKE_DELAY)

    on_scheduled.reminder_wake = True  # type: ignore[attr-defined]
    return on_scheduled


@dataclass(frozen=True)
class RestoreReport:
    pending: int
    stranded: int
    late: int
    seconds: float


async def restore(application: AnyApplication) -> RestoreReport:
    """At start: settle rows a stop left mid-delivery, flag late ones, and arm the job queue."""
    started = clock_time.perf_counter()
    services = _services(application)
    repo = services.repos.reminders
    now = services.clock.now()
    stranded = await repo.stranded()
    for reminder in stranded:
        # It may have reached the chat before the stop: never send it twice.
        await repo.finish(reminder.id, next_due(reminder, now))
    pending = await repo.count_pending()
    late = await repo.mark_late(now - LATE_AFTER)
    repo.listeners[:] = [
        listener for listener in repo.listeners if not getattr(listener, "reminder_wake", False)
    ]
    repo.listeners.append(_scheduled_listener(application))
    queue = application.job_queue
    if queue is not None:
        for job in queue.get_jobs_by_name(TICK_JOB):
            job.schedule_removal()
        queue.run_repeating(_wake, interval=TICK_SECONDS, first=TICK_SECONDS, name=TICK_JOB)
    # The job queue starts right after the start hooks; a moment's delay lets it run
    # the overdue ones instead of treating them as misfired.
    await rearm(application, min_delay=0.5)
    report = RestoreReport(pending, len(stranded), late, clock_time.perf_counter() - started)
    _log.info(
        "reminders restored: %s pending (%s late), %s settled after a stop, in %.3f s",
        report.pending,
        report.late,
        report.stranded,
        report.seconds,
    )
    return report
