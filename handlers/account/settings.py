"""`/settings`: language, the community the user acts for, and the time zone.

In a group, a group admin sets the group's language and time zone.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from telegram import Update
from telegram.constants import ChatMemberStatus
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.i18n import LANGUAGE_NAMES, LANGUAGES, SPOKEN
from handlers.account.menu import main_menu_markup
from handlers.shared.flows import draft_key, flow_conversation
from handlers.shared.navigation import HOME as MAIN_MENU
from handlers.shared.place_picker import card_lines
from handlers.shared.screens import button_int, columns, is_private, keyboard, show, toast

HOME, TZ_TEXT = range(2)
COMMON_ZONES = (
    "Europe/Kyiv",
    "Europe/Warsaw",
    "Europe/Berlin",
    "Europe/Vilnius",
    "Europe/Riga",
    "Europe/Stockholm",
    "Europe/Madrid",
    "Europe/Budapest",
    "Europe/London",
    "UTC",
)
_ZONES = {zone.casefold(): zone for zone in available_timezones()}


async def _group_admin(update: Update, context: BotContext) -> bool:
    assert update.effective_chat is not None and update.effective_user is not None
    member = await context.bot.get_chat_member(update.effective_chat.id, update.effective_user.id)
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


async def home(update: Update, context: BotContext) -> int:
    _ = context._
    if not is_private(update) and not await _group_admin(update, context):
        await toast(update, _("Only an admin of this group can change its settings."))
        if update.callback_query is None:
            await show(update, context, _("Only an admin of this group can change its settings."))
        return ConversationHandler.END
    assert context.user_data is not None
    context.user_data[draft_key("settings")] = {}
    rows = [[(_("Language"), "set:lang")], [(_("Time zone"), "set:tz")]]
    if is_private(update):
        rows.insert(1, [(_("Community"), "set:community")])
        rows.append([(_("Main menu"), MAIN_MENU.data())])
    lang_name = LANGUAGE_NAMES[context.lang]
    text = _("Settings\n\nLanguage: {language}\nTime zone: {tz}", language=lang_name, tz=context.tz)
    community = (
        await context.repos.communities.get(context.community_id)
        if is_private(update) and context.community_id is not None
        else None
    )
    if community is not None:
        card = "\n".join(card_lines(context, community, context.lang))
        text += "\n\n" + _("Community:") + "\n" + card
    await show(update, context, text, keyboard(rows))
    return HOME


async def ask_language(update: Update, context: BotContext) -> int:
    buttons = [
        (
            ("✓ " if language.code == context.lang else "") + language.name,
            f"set:lang:{language.code}",
        )
        for language in SPOKEN
    ]
    await show(update, context, context._("Choose the language:"), keyboard(columns(buttons)))
    return HOME


async def set_language(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None and context.account is not None
    lang = (update.callback_query.data or "").rsplit(":", 1)[-1]
    if lang in LANGUAGES:
        if context.group is not None:
            await context.repos.chats.set_language(context.group.id, lang)
            context.group = await context.repos.chats.get(context.group.id)
        else:
            await context.repos.users.set_language(context.account.id, lang)
            context.account = await context.repos.users.get(context.account.id)
    return await home(update, context)


async def ask_tz(update: Update, context: BotContext) -> int:
    _ = context._
    buttons = [(zone, f"set:tz:{zone}") for zone in COMMON_ZONES]
    await show(
        update,
        context,
        _("Choose the time zone, or type one such as Europe/Prague:"),
        keyboard([*columns(buttons), [(_("Back"), "set:home")]]),
    )
    return TZ_TEXT


async def _apply_tz(context: BotContext, zone: str) -> None:
    assert context.account is not None
    if context.group is not None:
        await context.repos.chats.set_tz(context.group.id, zone)
        context.group = await context.repos.chats.get(context.group.id)
    else:
        await context.repos.users.set_tz(context.account.id, zone)
        context.account = await context.repos.users.get(context.account.id)


async def set_tz_button(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    zone = (update.callback_query.data or "").split(":", 2)[-1]
    if zone in COMMON_ZONES:
        await _apply_tz(context, zone)
    return await home(update, context)


async def set_tz_text(update: Update, context: BotContext) -> int:
    assert update.message is not None
    typed = (update.message.text or "").strip().replace(" ", "_")
    zone = _ZONES.get(typed.casefold()) if len(typed) <= 64 else None
    if zone is None:
        await show(
            update,
            context,
            context._(
                "“{zone}” is not a time zone I know. Type one like Europe/Berlin, or pick a"
                " button.",
                zone=typed[:64],
            ),
        )
        return TZ_TEXT
    ZoneInfo(zone)
    await _apply_tz(context, zone)
    return await home(update, context)


async def ask_community(update: Update, context: BotContext) -> int:
    assert context.account is not None
    _ = context._
    memberships = await context.repos.memberships.for_user(context.account.id)
    communities = await context.repos.communities.list_by_ids([m.community_id for m in memberships])
    current = context.community_id
    rows = [
        [(("✓ " if c.id == current else "") + c.title(context.lang), f"set:community:{c.id}")]
        for c in communities
    ]
    rows.append([(_("Add another community"), "ob:new")])
    rows.append([(_("Back"), "set:home")])
    await show(update, context, _("Which community do you act for now?"), keyboard(rows))
    return HOME


async def set_community(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None and context.account is not None
    raw = (update.callback_query.data or "").rsplit(":", 1)[-1]
    community_id = button_int(raw)
    membership = (
        await context.repos.memberships.of(context.account.id, community_id)
        if community_id is not None
        else None
    )
    if membership is None or not membership.approved:
        await toast(update, context._("You do not act for this community."))
        return HOME
    await context.repos.users.set_current_community(context.account.id, membership.community_id)
    context.membership = membership
    text, markup = await main_menu_markup(context)
    await show(update, context, text, markup)
    return ConversationHandler.END


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    return flow_conversation(
        app,
        "settings",
        entry_points=[
            CommandHandler("settings", home),
            CallbackQueryHandler(home, pattern=r"^set:home$"),
        ],
        states={
            HOME: [
                CallbackQueryHandler(home, pattern=r"^set:home$"),
                CallbackQueryHandler(ask_language, pattern=r"^set:lang$"),
                CallbackQueryHandler(set_language, pattern=r"^set:lang:"),
                CallbackQueryHandler(ask_tz, pattern=r"^set:tz$"),
                CallbackQueryHandler(ask_community, pattern=r"^set:community$"),
                CallbackQueryHandler(set_community, pattern=r"^set:community:"),
            ],
            TZ_TEXT: [
                CallbackQueryHandler(set_tz_button, pattern=r"^set:tz:"),
                CallbackQueryHandler(home, pattern=r"^set:home$"),
                MessageHandler(filters.TEXT & ~filters.COMMAND, set_tz_text),
            ],
        },
    )
