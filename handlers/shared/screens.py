"""Screens and keyboards every feature shows: one message edited in place, inline buttons."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from telegram import (
    CallbackQuery,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot.context import BotContext
from bot.domain.button_width import fit, pack
from bot.domain.parsing.numbers import SQLITE_MAX, ascii_int

_log = logging.getLogger(__name__)

Button = tuple[str, str]
MAX_TEXT = 4096


def keyboard(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup:
    """Build an inline keyboard from rows of (label, callback data); a label too long for
    its row (a long name) is cut after a whole word rather than mid-word by Telegram."""
    return _keyboard(tuple(tuple(row) for row in rows))


@functools.lru_cache(maxsize=4096)
def _keyboard(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup:
    # Most screens are the same for everyone who reads a language, and a markup cannot
    # be changed once made, so each is built (and its labels fitted) once.
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(fit(label, len(row)), callback_data=data) for label, data in row]
            for row in rows
        ]
    )


def columns(buttons: Sequence[Button], width: int = 2) -> list[list[Button]]:
    """Up to `width` buttons a row; a label too wide to share a row gets one of its own."""
    rows, start = [], 0
    for size in pack([label for label, _data in buttons], width):
        rows.append(list(buttons[start : start + size]))
        start += size
    return rows


def button_int(raw: str | None, *, low: int = 0, high: int = SQLITE_MAX) -> int | None:
    """A number carried in callback data, or None for whatever a forged button holds
    (other scripts' digits, superscripts, ids SQLite cannot store)."""
    return ascii_int(raw or "", low=low, high=high)


def clip(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def show(
    update: Update,
    context: BotContext,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Show a screen: edit the bot's message in place after a button, else send a new one."""
    text = clip(text)
    query = update.callback_query
    if query is not None:
        await answer(query)
        if query.message is not None and isinstance(query.message, Message) and query.message.text:
            try:
                edited = await query.message.edit_text(text, reply_markup=markup)
            except BadRequest as error:
                if "not modified" in str(error).lower():
                    return query.message
                raise
            return edited if isinstance(edited, Message) else None
    chat = update.effective_chat
    if chat is None:
        return None
    return await context.bot.send_message(chat.id, text, reply_markup=markup)


async def ask_reply(
    update: Update, context: BotContext, text: str, placeholder: str | None = None
) -> Message | None:
    """A question in a group chat: a new message that opens a reply to it, since a bot in a
    group sees only replies to its own messages and commands."""
    if update.callback_query is not None:
        await answer(update.callback_query)
    chat = update.effective_chat
    if chat is None:
        return None
    markup = ForceReply(selective=True, input_field_placeholder=placeholder)
    return await context.bot.send_message(chat.id, clip(text), reply_markup=markup)


async def answer(query: CallbackQuery, text: str | None = None, alert: bool = False) -> None:
    """Answer a button press once; a second answer to the same press is harmless."""
    try:
        await query.answer(text, show_alert=alert)
    except BadRequest as error:
        _log.debug("callback answer refused: %s", error)


async def toast(update: Update, text: str) -> None:
    if update.callback_query is not None:
        await answer(update.callback_query, text, alert=True)


def is_private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE
