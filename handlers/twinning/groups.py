"""Group chats of a partnership: linking, unlinking, and `/status` for everyone in the group.

Linking needs both: an approved admin of the community, and an admin of the group (asked
from Telegram on every press, since group admins change without the bot being told); the
buttons' rules say so and the guard checks them.
"""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.twinning.deadlines import key_prefix
from handlers.shared.screens import show, toast
from handlers.twinning import screens
from handlers.twinning.buttons import (
    Card,
    ChooseToLink,
    Details,
    Groups,
    LinkHere,
    UnlinkGroup,
    UnlinkHere,
)
from handlers.twinning.common import names, partnership_for, update_reminders
from storage.partnerships import Partnership

END = ConversationHandler.END


async def _title(context: BotContext, partnership: Partnership) -> str:
    community, partner = await names(context.repos, partnership, context.lang)
    return f"{community} — {partner}"


async def _card(
    context: BotContext, partnership: Partnership, *, full: bool = False
) -> screens.Screen:
    records = await context.repos.partnerships.steps(partnership.id)
    both = await names(context.repos, partnership, context.lang)
    return screens.group_card(context.t, partnership, both, records, full=full)


# --- in the group -----------------------------------------------------------------------------


async def status(update: Update, context: BotContext) -> int:
    """`/status` in a group: the card of every linked partnership, in the group's language."""
    chat = update.effective_chat
    if chat is None:
        return END
    linked = await context.repos.partnerships.for_chat(chat.id)
    if not linked:
        text, markup = screens.group_not_linked(context.t)
        await context.bot.send_message(chat.id, text, reply_markup=markup)
        return END
    for partnership in linked:
        text, markup = await _card(context, partnership)
        await context.bot.send_message(chat.id, text, reply_markup=markup)
    titles = [(partnership.id, await _title(context, partnership)) for partnership in linked]
    text, markup = screens.group_admin_actions(context.t, titles)
    await context.bot.send_message(chat.id, text, reply_markup=markup)
    return END


async def choose(update: Update, context: BotContext, press: ChooseToLink) -> int:
    chat = update.effective_chat
    assert chat is not None and context.community_id is not None
    linked = {p.id for p in await context.repos.partnerships.for_chat(chat.id)}
    choices = [
        (partnership.id, await _title(context, partnership))
        for partnership in await context.repos.partnerships.for_community(context.community_id)
        if partnership.community_id == context.community_id
        and partnership.id not in linked
        and partnership.status != "ended"
    ]
    if not choices:
        await toast(update, context._("Your community has no partnership to link here."))
        return END
    await show(update, context, *screens.link_choices(context.t, choices))
    return END


async def link(update: Update, context: BotContext, press: LinkHere) -> int:
    partnership = await partnership_for(update, context, press.partnership)
    chat, user = update.effective_chat, update.effective_user
    if partnership is None or chat is None or user is None:
        return END
    await context.repos.partnerships.link_chat(partnership.id, chat.id, user.id)
    await context.repos.audit.record(
        user.id, "partnership", partnership.id, "link", {"chat": chat.id}
    )
    await update_reminders(context, partnership.id)
    text = context._(
        "This group now follows the partnership. I will post each step change here; /status"
        " shows the card."
    )
    card, markup = await _card(context, partnership)
    await show(update, context, f"{text}\n\n{card}", markup)
    return END


async def unlink_here(update: Update, context: BotContext, press: UnlinkHere) -> int:
    partnership = await partnership_for(update, context, press.partnership)
    chat = update.effective_chat
    if partnership is None or chat is None:
        return END
    await _unlink(context, partnership, chat.id)
    await show(update, context, context._("This group no longer follows the partnership."))
    return END


async def show_here(update: Update, context: BotContext, press: Card | Details) -> int:
    """A card's button in the group: the brief card, or the full one, in place."""
    chat = update.effective_chat
    linked = await context.repos.partnerships.for_chat(chat.id) if chat else []
    partnership = next((p for p in linked if p.id == press.partnership), None)
    if partnership is None or chat is None:
        await toast(update, context._("This partnership is not linked to this group."))
        return END
    await show(update, context, *await _card(context, partnership, full=isinstance(press, Details)))
    return END


async def _unlink(context: BotContext, partnership: Partnership, chat_id: int) -> None:
    await context.repos.partnerships.unlink_chat(partnership.id, chat_id)
    key = key_prefix(partnership.id, "anniversary") + str(chat_id)
    await context.repos.partnerships.drop_reminders(key, exact=True)
    actor = context.account.id if context.account else None
    await context.repos.audit.record(
        actor, "partnership", partnership.id, "unlink", {"chat": chat_id}
    )


# --- from the private chat --------------------------------------------------------------------


async def manage(update: Update, context: BotContext, press: Groups | UnlinkGroup) -> int:
    partnership = await partnership_for(update, context, press.partnership)
    if partnership is None:
        return END
    chats = []
    for chat_id in await context.repos.partnerships.linked_chats(partnership.id):
        chat = await context.repos.chats.get(chat_id)
        chats.append((chat_id, chat.title if chat and chat.title else str(chat_id)))
    await show(update, context, *screens.linked_groups(context.t, partnership.id, chats))
    return END


async def unlink_from_private(update: Update, context: BotContext, press: UnlinkGroup) -> int:
    partnership = await partnership_for(update, context, press.partnership)
    if partnership is None:
        return END
    chat_id = press.chat_id
    if chat_id in await context.repos.partnerships.linked_chats(partnership.id):
        await _unlink(context, partnership, chat_id)
        chat = await context.repos.chats.get(chat_id)
        t = context.services.i18n.get(chat.language if chat else "en")
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(
                chat_id, t._("This group no longer follows the partnership.")
            )
    return await manage(update, context, press)
