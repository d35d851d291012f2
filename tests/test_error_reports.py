"""Operators hear of each kind of failure once per window, with a count of its repeats."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from telegram import Update
from telegram.ext import CommandHandler

from bot.context import BotContext
from bot.error_reports import ErrorThrottle, signature
from handlers.shared.errors import REPEATS_JOB
from tests.harness import OPERATOR_ID, BotHarness


async def _broken(update: Update, context: BotContext) -> None:
    # The message differs per user; the failure is the same one.
    raise RuntimeError(f"disk on fire for {update.update_id}")


async def _other(update: Update, context: BotContext) -> None:
    raise KeyError("missing")


async def _damaged(update: Update, context: BotContext) -> None:
    raise sqlite3.DatabaseError("database disk image is malformed")


def _reports(bot: BotHarness) -> list[str]:
    return [m.text or "" for m in bot.api.bot_messages(OPERATOR_ID)]


async def test_a_repeated_failure_is_reported_once_then_counted(bot: BotHarness) -> None:
    bot.operator()
    assert bot.app is not None
    bot.app.add_handler(CommandHandler("broken", _broken), group=5)
    bot.app.add_handler(CommandHandler("other", _other), group=5)
    users = [bot.user(400 + n, f"User {n}", "uk") for n in range(5)]
    for user in users:
        reply = await bot.send(user, "/broken")
        assert any("сталася помилка" in m.text.lower() for m in reply.to(user.id))
    reports = _reports(bot)
    assert len(reports) == 1 and "RuntimeError" in reports[0]
    # Another kind of failure is news: reported at once.
    await bot.send(users[0], "/other")
    assert len(_reports(bot)) == 2 and "KeyError" in _reports(bot)[1]
    # When the window ends, the four repeats arrive as one number.
    assert bot.app.job_queue is not None
    key = signature_of_job(bot, "RuntimeError")
    for job in bot.app.job_queue.get_jobs_by_name(REPEATS_JOB + key):
        await job.run(bot.app)
    assert len(_reports(bot)) == 3
    assert "happened 4 more times in the 10 minutes" in _reports(bot)[2]
    # The KeyError did not come back: its window ends without a word.
    for job in bot.app.job_queue.get_jobs_by_name(REPEATS_JOB + signature_of_job(bot, "KeyError")):
        await job.run(bot.app)
    assert len(_reports(bot)) == 3
    # After the window the same failure is reported again.
    bot.clock.advance(timedelta(minutes=11))
    await bot.send(users[0], "/broken")
    assert len(_reports(bot)) == 4 and "RuntimeError" in _reports(bot)[3]


def signature_of_job(bot: BotHarness, kind: str) -> str:
    assert bot.app is not None and bot.app.job_queue is not None
    names = [job.name or "" for job in bot.app.job_queue.jobs()]
    return next(n for n in names if n.startswith(REPEATS_JOB + kind)).removeprefix(REPEATS_JOB)


async def test_a_damaged_database_is_reported_plainly(bot: BotHarness) -> None:
    bot.operator()
    user = bot.user(410, "Ivan", "en")
    assert bot.app is not None
    bot.app.add_handler(CommandHandler("read", _damaged), group=5)
    reply = await bot.send(user, "/read")
    apology = reply.to(user.id)[-1].text or ""
    assert "cannot read its records" in apology and "Nothing you saved" not in apology
    assert "twinbot restore" in _reports(bot)[0]


def test_repeats_of_a_window_nobody_closed_travel_with_the_next_report() -> None:
    throttle = ErrorThrottle(timedelta(minutes=10))
    start = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    assert throttle.note("E at x.py:1", start) == 0
    assert throttle.note("E at x.py:1", start + timedelta(minutes=1)) is None
    assert throttle.note("E at x.py:1", start + timedelta(minutes=2)) is None
    assert throttle.note("E at x.py:2", start + timedelta(minutes=2)) == 0
    assert throttle.note("E at x.py:1", start + timedelta(minutes=12)) == 2
    assert throttle.close("E at x.py:1") == 0


def test_the_signature_names_the_kind_and_the_place_not_the_message() -> None:
    def fail(value: str) -> None:
        int(value)

    errors = []
    for value in ("²", "٣x"):
        try:
            fail(value)
        except ValueError as error:
            errors.append(error)
    assert signature(errors[0]) == signature(errors[1])
    assert signature(errors[0]).startswith("ValueError at ")
