"""A community's admins see who acts for it and end a colleague's membership: an official
who left the office stops seeing the community's records at once, and the links they sent
stop working."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot.context import BotContext
from handlers.account import screens
from handlers.account.buttons import Colleagues, RemoveColleague
from handlers.shared.navigation import HOME
from handlers.shared.screens import keyboard, show, toast

_log = logging.getLogger(__name__)


async def list_colleagues(update: Update, context: BotContext, _press: Colleagues) -> None:
    assert context.membership is not None
    await _show_list(update, context, context.membership.community_id)


async def remove(update: Update, context: BotContext, press: RemoveColleague) -> None:
    assert context.account is not None
    repos, _ = context.repos, context._
    membership = await repos.memberships.get(press.membership)
    assert membership is not None  # the guard loaded it
    if membership.user_id == context.account.id:
        await toast(update, _("You cannot remove yourself here."))
        return
    person = await repos.users.get(membership.user_id)
    community = await repos.communities.get(membership.community_id)
    assert community is not None
    name = person.display_name if person else "—"
    if not membership.approved:
        await toast(update, _("{name} no longer acts for the community.", name=name))
        await _show_list(update, context, community.id)
        return
    if not press.sure:
        await show(
            update,
            context,
            *screens.confirm_removal(context.t, membership.id, name, community.title(context.lang)),
        )
        return
    if await repos.memberships.revoke(membership.user_id, community.id, context.account.id):
        await repos.audit.record(context.account.id, "membership", membership.id, "revoke")
        await toast(update, _("{name} no longer acts for the community.", name=name))
        await _tell_removed(context, membership.user_id, community.id)
    await _show_list(update, context, community.id)


async def _show_list(update: Update, context: BotContext, community_id: int) -> None:
    assert context.account is not None
    repos = context.repos
    community = await repos.communities.get(community_id)
    assert community is not None
    members = []
    for membership in await repos.memberships.members(community_id):
        person = await repos.users.get(membership.user_id)
        members.append(
            (
                membership.id,
                person.display_name if person else "—",
                membership.is_admin,
                membership.user_id == context.account.id,
            )
        )
    await show(
        update, context, *screens.colleagues(context.t, members, community.title(context.lang))
    )


async def _tell_removed(context: BotContext, user_id: int, community_id: int) -> None:
    repos = context.repos
    user = await repos.users.get(user_id)
    community = await repos.communities.get(community_id)
    if user is None or community is None:
        return
    t = context.services.i18n.get(user.language)
    text = t._(
        "An admin of {community} removed you from the community: you no longer act for it."
        " If this is a mistake, ask them or write to /support.",
        community=community.title(user.language),
    )
    try:
        await context.bot.send_message(
            user.id, text, reply_markup=keyboard([[(t._("Main menu"), HOME.data())]])
        )
    except Forbidden:
        await repos.users.set_active(user.id, False)
    except TelegramError as error:
        _log.info("removed member %s not reachable: %s", user.id, error)
