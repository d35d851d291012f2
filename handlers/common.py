"""Helpers every feature's handlers share: the account loader, screens and keyboards."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import language_for

_log = logging.getLogger(__name__)

Button = tuple[str, str]
MAX_TEXT = 4096


def keyboard(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup:
    """Build an inline keyboard from rows of (label, callback data)."""
    return _keyboard(tuple(tuple(row) for row in rows))


@functools.lru_cache(maxsize=4096)
def _keyboard(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup:
    # Most screens are the same for everyone who reads a language, and a markup cannot
    # be changed once made, so each is built once.
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


def columns(buttons: Sequence[Button], width: int = 2) -> list[list[Button]]:
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def clip(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def load_account(update: Update, context: BotContext) -> None:
    """First handler group: record who wrote and in which chat, before any feature runs."""
    repos = context.repos
    user = update.effective_user
    if user is not None and not user.is_bot:
        context.account, known = await repos.users.seen(
            user.id,
            user.first_name,
            user.last_name,
            user.username,
            language_for(user.language_code),
        )
        context.came_back = known is not None and not known.active
        # A pending claim counts as the current membership too, so the menu can say it waits;
        # `context.community_id` stays None until an operator approves it.
        memberships = [
            m
            for m in await repos.memberships.for_user(user.id, status=None)
            if m.status in ("approved", "pending")
        ]
        current = context.account.current_community_id
        context.membership = next(
            (m for m in memberships if m.community_id == current),
            next((m for m in memberships if m.approved), memberships[0] if memberships else None),
        )
    chat = update.effective_chat
    if chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP):
        context.group = await repos.chats.get(chat.id)
        if context.group is None:
            language = context.account.language if context.account else "en"
            context.group = await repos.chats.upsert(chat.id, chat.type, chat.title or "", language)


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


FLOW_PREFIX = "flow:"
_RESET_COMMANDS = ("/start", "/menu", "/cancel", "/help", "/settings")


def _is_reset(update: Update) -> bool:
    if update.callback_query is not None:
        return (update.callback_query.data or "").startswith("menu:")
    message = update.effective_message
    text = (message.text or "") if message is not None else ""
    command = text.split(maxsplit=1)[0].split("@", 1)[0] if text.startswith("/") else ""
    return command in _RESET_COMMANDS


async def end_flows(update: Update, context: BotContext) -> None:
    """Second handler group: a menu button or a reset command ends every open flow.

    Without this, a flow left waiting for typed input would catch the text meant for the
    feature the user moved to. python-telegram-bot has no public call to end a
    conversation from outside it, hence the two private members used here.
    """
    if not _is_reset(update):
        return
    for handlers in context.application.handlers.values():
        for handler in handlers:
            if isinstance(handler, ConversationHandler):
                key = handler._get_key(update)
                if key in handler._conversations:
                    handler._update_state(ConversationHandler.END, key)
    if context.user_data:
        for name in [k for k in context.user_data if k.startswith(FLOW_PREFIX)]:
            context.user_data.pop(name, None)
