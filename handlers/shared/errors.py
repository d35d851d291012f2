"""The error handler: log, apologise to the user, tell the operators."""

from __future__ import annotations

import html
import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot.context import BotContext
from handlers.shared.session import load_account

_log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    if isinstance(error, Forbidden) and isinstance(update, Update) and update.effective_chat:
        # The user blocked the bot: stop writing to them until they come back.
        await context.repos.users.set_active(update.effective_chat.id, False)
        await context.repos.reminders.pause_chat(update.effective_chat.id)
        return
    _log.error("error while handling an update", exc_info=error)
    if isinstance(update, Update):
        # The error handler gets a fresh context: load who wrote, to answer in their language.
        try:
            await load_account(update, context)
        except Exception:
            _log.exception("could not load the account for the apology")
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(
                update.effective_chat.id,
                context._(
                    "Sorry, something went wrong on our side. Nothing you saved before is lost;"
                    " please try again, or send /menu."
                ),
            )
        except TelegramError:
            _log.warning("could not apologise in chat %s", update.effective_chat.id)
    settings = context.services.settings
    targets = [settings.operator_chat] if settings.operator_chat else sorted(settings.operators)
    kind = type(error).__name__ if error else "?"
    update_id = update.update_id if isinstance(update, Update) else None
    for chat_id in targets:
        t = context.services.i18n.get("en")
        operator = await context.repos.users.get(chat_id) if chat_id > 0 else None
        if operator:
            t = context.services.i18n.get(operator.language)
        try:
            await context.bot.send_message(
                chat_id,
                t._(
                    "Error report: {kind}: {detail} (update {update})",
                    kind=kind,
                    detail=html.escape(str(error))[:500],
                    update=update_id,
                ),
            )
        except TelegramError:
            _log.warning("could not report the error to %s", chat_id)
