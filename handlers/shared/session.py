"""What runs before every feature: who is writing, and ending open flows on a reset."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType

from bot.context import BotContext
from bot.i18n import language_for
from handlers.shared.flows import end_all
from handlers.shared.navigation import GoTo


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
            context.group = await repos.chats.upsert(
                chat.id, chat.type, chat.title or "", language, by=user.id if user else None
            )


_RESET_COMMANDS = ("/start", "/menu", "/cancel", "/help", "/settings")


def _is_reset(update: Update) -> bool:
    if update.callback_query is not None:
        return GoTo.parse(update.callback_query.data) is not None
    message = update.effective_message
    text = (message.text or "") if message is not None else ""
    command = text.split(maxsplit=1)[0].split("@", 1)[0] if text.startswith("/") else ""
    return command in _RESET_COMMANDS


async def end_flows(update: Update, context: BotContext) -> None:
    """Second handler group: a menu button or a reset command ends every open flow.

    Every flow is a `flow_conversation`, whose states take updates only while its draft
    exists: dropping the person's drafts ends them all, so the update goes on to what the
    person asked for.
    """
    if _is_reset(update):
        end_all(context.user_data)
