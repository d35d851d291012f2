"""The error handler: log, apologise to the user, tell the operators (grouped, throttled)."""

from __future__ import annotations

import html
import logging
import sqlite3
from collections.abc import Callable

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import CallbackContext

from bot.context import SERVICES_KEY, BotContext
from bot.error_reports import ErrorThrottle, signature
from bot.i18n import Translator
from handlers.shared.session import load_account

_log = logging.getLogger(__name__)
THROTTLE_KEY = "error_throttle"
REPEATS_JOB = "error-repeats:"


def _damaged_database(error: BaseException | None) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlite3.DatabaseError) and (
        "malformed" in text or "not a database" in text
    )


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    if isinstance(error, Forbidden) and isinstance(update, Update) and update.effective_chat:
        # The user blocked the bot: stop writing to them until they come back.
        await context.repos.users.set_active(update.effective_chat.id, False)
        await context.repos.reminders.pause_chat(update.effective_chat.id)
        return
    _log.error("error while handling an update", exc_info=error)
    damaged = _damaged_database(error)
    if isinstance(update, Update):
        # The error handler gets a fresh context: load who wrote, to answer in their language.
        try:
            await load_account(update, context)
        except Exception:
            _log.exception("could not load the account for the apology")
    if isinstance(update, Update) and update.effective_chat is not None:
        apology = (
            context._(
                "Sorry, the bot cannot read its records right now. The operators have been"
                " told; please try again later."
            )
            if damaged
            else context._(
                "Sorry, something went wrong on our side. Nothing you saved before is lost;"
                " please try again, or send /menu."
            )
        )
        try:
            await context.bot.send_message(update.effective_chat.id, apology)
        except TelegramError:
            _log.warning("could not apologise in chat %s", update.effective_chat.id)
    key = signature(error)
    throttle = context.bot_data.setdefault(THROTTLE_KEY, ErrorThrottle())
    earlier = throttle.note(key, context.services.clock.now())
    if earlier is None:
        return  # counted; reported with the others when the window ends
    kind = type(error).__name__ if error else "?"
    detail = html.escape(str(error))[:500]
    update_id = update.update_id if isinstance(update, Update) else None

    def report(t: Translator) -> str:
        if damaged:
            text = t._(
                "The database is damaged ({detail}). Stop the bot and restore the latest"
                " backup with: twinbot restore PATH",
                detail=detail,
            )
        else:
            text = t._(
                "Error report: {kind}: {detail} (update {update})",
                kind=kind,
                detail=detail,
                update=update_id,
            )
        if earlier:
            text += "\n" + _repeats(t, earlier, key, throttle)
        return text

    await _tell_operators(context, report)
    if context.job_queue is not None:
        context.job_queue.run_once(
            _report_repeats, throttle.window, data=key, name=REPEATS_JOB + key
        )


def _repeats(t: Translator, count: int, key: str, throttle: ErrorThrottle) -> str:
    return t.ngettext(
        "The same error ({error}) happened once more in the {minutes} minutes after it was"
        " reported.",
        "The same error ({error}) happened {n} more times in the {minutes} minutes after it"
        " was reported.",
        count,
        error=key,
        minutes=int(throttle.window.total_seconds() // 60),
    )


async def _report_repeats(context: CallbackContext) -> None:  # type: ignore[type-arg]
    """At the end of a window: how often the reported error came back during it."""
    throttle: ErrorThrottle = context.bot_data.setdefault(THROTTLE_KEY, ErrorThrottle())
    assert context.job is not None
    key = str(context.job.data)
    count = throttle.close(key)
    if count:
        await _tell_operators(context, lambda t: _repeats(t, count, key, throttle))


async def _tell_operators(
    context: CallbackContext,  # type: ignore[type-arg]
    text: Callable[[Translator], str],
) -> None:
    services = context.application.bot_data[SERVICES_KEY]
    settings = services.settings
    targets = settings.operator_targets
    for chat_id in targets:
        t = services.i18n.get("en")
        try:
            operator = await services.repos.users.get(chat_id) if chat_id > 0 else None
        except sqlite3.Error:
            operator = None  # a damaged database must not keep the report from going out
        if operator:
            t = services.i18n.get(operator.language)
        try:
            await context.bot.send_message(chat_id, text(t))
        except TelegramError:
            _log.warning("could not report the error to %s", chat_id)
