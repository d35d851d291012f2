"""`/settings`: language, the community the user acts for, and the time zone.

In a group, a group admin sets the group's language and time zone; whether the presser is
one is asked at every press, not only when the screen opened.
"""

from __future__ import annotations

import functools
from typing import Any, Protocol
from zoneinfo import available_timezones

from telegram import Update
from telegram.ext import (
    Application,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.i18n import LANGUAGES
from handlers.account import screens
from handlers.account.buttons import ActFor, AskSetting, SetLanguage, SettingsHome, SetZone
from handlers.account.menu import show_menu
from handlers.shared.buttons import Button, pressed
from handlers.shared.flows import draft_key, flow_conversation
from handlers.shared.guard import group_admin
from handlers.shared.navigation import GoTo, Place
from handlers.shared.screens import is_private, show, toast

HOME, TZ_TEXT = range(2)
END = ConversationHandler.END
DRAFT = draft_key("settings")


@functools.cache
def _zones() -> dict[str, str]:
    """Every IANA zone by its name in any case; listing them reads the whole time zone
    database, so it is done when a zone is first typed rather than at start."""
    return {zone.casefold(): zone for zone in available_timezones()}


async def _refused(update: Update, context: BotContext) -> bool:
    """In a group only its admins may change its settings: `/settings` and a typed time zone
    (a press is refused by the guard, asked of Telegram at each press)."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    if is_private(update) or await group_admin(context, chat.id, user.id):
        return False
    notice = context._("Only an admin of this group can change its settings.")
    await toast(update, notice)
    if update.callback_query is None:
        await show(update, context, notice)
    assert context.user_data is not None
    context.user_data.pop(DRAFT, None)
    return True


async def home(update: Update, context: BotContext, _press: Button | None = None) -> object:
    """The settings screen: `/settings`, the main menu's Settings, Back from a setting."""
    if await _refused(update, context):
        return END
    return await _home(update, context)


async def _home(update: Update, context: BotContext) -> object:
    assert context.user_data is not None
    context.user_data[DRAFT] = {}
    private = is_private(update)
    community = (
        await context.repos.communities.get(context.community_id)
        if private and context.community_id is not None
        else None
    )
    await show(update, context, *screens.settings_home(context.t, context.tz, community, private))
    return HOME


async def ask(update: Update, context: BotContext, press: AskSetting) -> object:
    if press.setting == "lang":
        await show(update, context, *screens.language_choice(context.t))
        return HOME
    if press.setting == "tz":
        await show(update, context, *screens.zone_choice(context.t))
        return TZ_TEXT
    if not is_private(update):  # a group acts for no community
        return await _home(update, context)
    assert context.account is not None
    memberships = await context.repos.memberships.for_user(context.account.id)
    communities = await context.repos.communities.list_by_ids([m.community_id for m in memberships])
    choice = screens.community_choice(context.t, communities, context.community_id)
    await show(update, context, *choice)
    return HOME


class _Settable(Protocol):
    """Where settings are kept: the group's chat or the person's account."""

    async def set_language(self, key: int, language: str, /) -> None: ...

    async def set_tz(self, key: int, tz: str, /) -> None: ...


async def _store(where: _Settable, key: int, language: str | None, zone: str | None) -> None:
    if language is not None:
        await where.set_language(key, language)
    if zone is not None:
        await where.set_tz(key, zone)


async def _apply(
    update: Update, context: BotContext, *, language: str | None = None, zone: str | None = None
) -> object:
    """Change the group's settings in a group, else the person's; then show them."""
    assert context.account is not None
    repos = context.repos
    if context.group is not None:
        await _store(repos.chats, context.group.id, language, zone)
        context.group = await repos.chats.get(context.group.id)
    else:
        await _store(repos.users, context.account.id, language, zone)
        context.account = await repos.users.get(context.account.id)
    return await _home(update, context)


async def set_language(update: Update, context: BotContext, press: SetLanguage) -> object:
    return await _apply(update, context, language=press.language)


async def pick_zone(update: Update, context: BotContext, press: SetZone) -> object:
    return await _apply(update, context, zone=press.zone)


async def type_zone(update: Update, context: BotContext) -> object:
    assert update.message is not None
    if await _refused(update, context):
        return END
    typed = (update.message.text or "").strip().replace(" ", "_")
    zone = _zones().get(typed.casefold()) if len(typed) <= 64 else None
    if zone is None:
        await show(update, context, screens.unknown_zone(context.t, typed[:64]))
        return TZ_TEXT
    return await _apply(update, context, zone=zone)


async def act_for(update: Update, context: BotContext, press: ActFor) -> object:
    assert context.account is not None
    membership = await context.repos.memberships.of(context.account.id, press.community)
    assert membership is not None  # the guard found it approved
    await context.repos.users.set_current_community(context.account.id, membership.community_id)
    context.membership = membership
    return await show_menu(update, context)


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    back = SettingsHome.handler(home)
    choose_zone = SetZone.handler(pick_zone, when=lambda press: press.zone in screens.COMMON_ZONES)
    return flow_conversation(
        app,
        "settings",
        entry_points=[
            CommandHandler("settings", home),
            GoTo.handler(home, when=lambda press: press.place is Place.SETTINGS),
            back,
        ],
        states={
            HOME: [
                back,
                pressed(ask),
                SetLanguage.handler(set_language, when=lambda press: press.language in LANGUAGES),
                pressed(act_for),
            ],
            TZ_TEXT: [
                choose_zone,
                back,
                MessageHandler(filters.TEXT & ~filters.COMMAND, type_zone),
            ],
        },
    )
