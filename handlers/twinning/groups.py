"""Group chats of a partnership: linking, unlinking, and `/status` for everyone in the group.

Linking needs both: an approved admin of the community, and an admin of the group (asked
from Telegram on every press, since group admins change without the bot being told).
"""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.parsing.numbers import SQLITE_MIN
from bot.twinning_card import card_text
from handlers.shared.screens import Button, button_int, is_private, keyboard, show, toast
from handlers.twinning.common import names, partnership_for, update_reminders
from storage.partnerships import Partnership

_GROUP_ADMINS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


async def _group_admin(context: BotContext, chat_id: int, user_id: int) -> bool:
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except TelegramError:
        return False
    return member.status in _GROUP_ADMINS


async def _may_link(update: Update, context: BotContext) -> bool:
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    if context.membership is None or not context.membership.is_admin:
        await toast(
            update,
            context._("Only an admin of a community approved by an operator can link this group."),
        )
        return False
    if not await _group_admin(context, chat.id, user.id):
        await toast(update, context._("Only an admin of this group can link or unlink it."))
        return False
    return True


async def status(update: Update, context: BotContext) -> int:
    """`/status` in a group: the card of every linked partnership, in the group's language."""
    chat = update.effective_chat
    if chat is None:
        return ConversationHandler.END
    if is_private(update):
        from handlers.twinning.flow import open_guide

        return await open_guide(update, context)
    _ = context._
    linked = await context.repos.partnerships.for_chat(chat.id)
    if not linked:
        await context.bot.send_message(
            chat.id,
            _(
                "This group is not linked to a partnership yet. An admin of this group who is"
                " also an admin of a community can link it."
            ),
            reply_markup=keyboard([[(_("Link this group"), "tw:gl")]]),
        )
        return ConversationHandler.END
    for partnership in linked:
        await context.bot.send_message(chat.id, await _card(context, partnership))
    rows: list[list[Button]] = [[(_("Link this group"), "tw:gl")]]
    for partnership in linked:
        community, partner = await names(context, partnership, context.lang)
        label = _("Unlink: {partnership}", partnership=f"{community} — {partner}")
        rows.append([(label[:60], f"tw:gu:{partnership.id}")])
    await context.bot.send_message(
        chat.id,
        _("Group admins can link another partnership or unlink one."),
        reply_markup=keyboard(rows),
    )
    return ConversationHandler.END


async def _card(context: BotContext, partnership: Partnership) -> str:
    records = await context.repos.partnerships.steps(partnership.id)
    community, partner = await names(context, partnership, context.lang)
    return card_text(context.t, partnership, community, partner, records)


async def route_group(update: Update, context: BotContext, action: str, args: list[str]) -> int:
    if action == "gl" and not args:
        await _choose(update, context)
    elif action == "gl":
        await _link(update, context, args[0])
    elif action == "gu" and args:
        await _unlink_here(update, context, args[0])
    elif action == "c" and args:
        await _show_here(update, context, args[0])
    else:
        await toast(update, context._("Open the bot in a private chat to do this."))
    return ConversationHandler.END


async def _choose(update: Update, context: BotContext) -> None:
    if not await _may_link(update, context):
        return
    chat = update.effective_chat
    assert chat is not None and context.community_id is not None
    _ = context._
    linked = {p.id for p in await context.repos.partnerships.for_chat(chat.id)}
    rows: list[list[Button]] = []
    for partnership in await context.repos.partnerships.for_community(context.community_id):
        if partnership.community_id != context.community_id or partnership.id in linked:
            continue
        if partnership.status == "ended":
            continue
        community, partner = await names(context, partnership, context.lang)
        rows.append([(f"{community} — {partner}"[:60], f"tw:gl:{partnership.id}")])
    if not rows:
        await toast(update, _("Your community has no partnership to link here."))
        return
    await show(update, context, _("Which partnership should this group follow?"), keyboard(rows))


async def _link(update: Update, context: BotContext, raw_id: str) -> None:
    if not await _may_link(update, context):
        return
    partnership = await partnership_for(update, context, raw_id)
    chat, user = update.effective_chat, update.effective_user
    if partnership is None or chat is None or user is None:
        return
    await context.repos.partnerships.link_chat(partnership.id, chat.id, user.id)
    await context.repos.audit.record(
        user.id, "partnership", partnership.id, "link", {"chat": chat.id}
    )
    await update_reminders(context, partnership.id)
    text = context._(
        "This group now follows the partnership. I will post each step change here; /status"
        " shows the card."
    )
    await show(update, context, f"{text}\n\n{await _card(context, partnership)}")


async def _unlink_here(update: Update, context: BotContext, raw_id: str) -> None:
    if not await _may_link(update, context):
        return
    partnership = await partnership_for(update, context, raw_id)
    chat = update.effective_chat
    if partnership is None or chat is None:
        return
    await _unlink(context, partnership, chat.id)
    await show(update, context, context._("This group no longer follows the partnership."))


async def _show_here(update: Update, context: BotContext, raw_id: str) -> None:
    chat = update.effective_chat
    linked = await context.repos.partnerships.for_chat(chat.id) if chat else []
    partnership = next((p for p in linked if str(p.id) == raw_id), None)
    if partnership is None or chat is None:
        await toast(update, context._("This partnership is not linked to this group."))
        return
    await context.bot.send_message(chat.id, await _card(context, partnership))


async def _unlink(context: BotContext, partnership: Partnership, chat_id: int) -> None:
    await context.repos.partnerships.unlink_chat(partnership.id, chat_id)
    key = f"tw:{partnership.id}:anniversary:{chat_id}"
    await context.repos.partnerships.drop_reminders(key, exact=True)
    actor = context.account.id if context.account else None
    await context.repos.audit.record(
        actor, "partnership", partnership.id, "unlink", {"chat": chat_id}
    )


# --- from the private chat ----------------------------------------------------------------


async def manage(update: Update, context: BotContext, raw_id: str) -> int:
    partnership = await partnership_for(update, context, raw_id)
    if partnership is None:
        return ConversationHandler.END
    _ = context._
    rows: list[list[Button]] = []
    for chat_id in await context.repos.partnerships.linked_chats(partnership.id):
        chat = await context.repos.chats.get(chat_id)
        title = chat.title if chat and chat.title else str(chat_id)
        rows.append([(_("Unlink: {group}", group=title)[:60], f"tw:gu:{partnership.id}:{chat_id}")])
    text = _(
        "Linked group chats get a message at each step change, in the group's language, and"
        " /status there shows this card to everyone, the partner's staff included.\n\nTo link"
        " a group: add the bot to it, then send /status in the group. A group admin who is"
        " also an admin of your community can link it."
    )
    if not rows:
        text += "\n\n" + _("No group is linked yet.")
    rows.append([(_("Back"), f"tw:c:{partnership.id}")])
    await show(update, context, text, keyboard(rows))
    return ConversationHandler.END


async def unlink_from_private(
    update: Update, context: BotContext, raw_id: str, raw_chat: str
) -> int:
    partnership = await partnership_for(update, context, raw_id)
    if partnership is None:
        return ConversationHandler.END
    if context.membership is None or not context.membership.is_admin:
        await toast(update, context._("Only an admin of your community can unlink a group."))
        return ConversationHandler.END
    chat_id = button_int(raw_chat, low=SQLITE_MIN) or 0
    if chat_id in await context.repos.partnerships.linked_chats(partnership.id):
        await _unlink(context, partnership, chat_id)
        chat = await context.repos.chats.get(chat_id)
        t = context.services.i18n.get(chat.language if chat else "en")
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(
                chat_id, t._("This group no longer follows the partnership.")
            )
    return await manage(update, context, raw_id)
