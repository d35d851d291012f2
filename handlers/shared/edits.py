"""Edited messages: answered once, politely, and kept away from every flow.

Telegram sends an edit of an earlier message as an update of its own. Flows waiting for
typed text would take it for a new answer to whatever they ask now, although the person
corrected an answer to an earlier question; so an edit is never read as input.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from handlers.shared.screens import is_private


async def edited_message(update: Update, context: BotContext) -> None:
    """In a private chat, say that edits are not read; in groups, stay quiet."""
    message = update.edited_message
    if message is not None and is_private(update):
        await message.reply_text(
            context._(
                "I read only new messages, so this edit changes nothing. To correct an"
                " answer, send it again as a new message."
            )
        )
    raise ApplicationHandlerStop
