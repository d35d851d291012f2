"""The bot in group chats: the introduction when added, leaving, and supergroup migration."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatMemberStatus

from bot.context import BotContext
from bot.i18n import language_for


async def membership_changed(update: Update, context: BotContext) -> None:
    change = update.my_chat_member
    if change is None or change.chat.type == "private":
        return
    repos = context.repos
    status = change.new_chat_member.status
    if status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
        await repos.chats.set_active(change.chat.id, False)
        return
    was_in = change.old_chat_member.status not in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
    if was_in:
        return
    language = language_for(change.from_user.language_code)
    chat = await repos.chats.upsert(
        change.chat.id, change.chat.type, change.chat.title or "", language
    )
    context.group = chat
    _ = context._
    text = "\n\n".join(
        [
            _(
                "Hello! I am Twinbot, the assistant for twinning partnerships between Ukrainian"
                " communities and municipalities abroad."
            ),
            _(
                "An admin of this group who also acts for a community can link this group to a"
                " partnership. I will then post step changes, logged aid and visits, and reminders"
                " here."
            ),
            _("Group admins: /settings sets this group's language and time zone. Everyone: /help."),
        ]
    )
    await context.bot.send_message(change.chat.id, text)


async def migrated(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or message.migrate_to_chat_id is None:
        return
    await context.repos.chats.migrate(message.chat.id, message.migrate_to_chat_id)
    await context.repos.partnerships.migrate_chat(message.chat.id, message.migrate_to_chat_id)
