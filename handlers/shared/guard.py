"""The one check before every press: the button's declared rule (`handlers.shared.access`)
against the presser as they are now.

It loads the object the press names and the presser's approved memberships at the moment of
the press, and in a group asks Telegram whether the presser is an admin of it now. A refused
press gets one toast and nothing else: no handler runs, nothing is saved, and the toast is
the same whether the object is someone else's or does not exist, so a forger learns nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from bot.context import BotContext
from handlers.shared.access import InGroup, Need, Rule, Side, Subject
from handlers.shared.screens import toast
from storage.memberships import Membership
from storage.repositories import Repositories

_GROUP_ADMINS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)

Loader = Callable[[Repositories, int], Awaitable[Any]]

_LOADERS: dict[Subject, Loader] = {
    Subject.COMMUNITY: lambda r, i: r.communities.get(i),
    Subject.PARTNERSHIP: lambda r, i: r.partnerships.get(i),
    Subject.AID_RECORD: lambda r, i: r.aid.get(i),
    Subject.VISIT: lambda r, i: r.visits.get(i),
    Subject.POST: lambda r, i: r.posts.get(i),
    Subject.INTRODUCTION: lambda r, i: r.introductions.get(i),
    Subject.REMINDER: lambda r, i: r.reminders.get(i),
    Subject.INVITE: lambda r, i: r.invites.get(i),
    Subject.CLAIM: lambda r, i: r.memberships.get(i),
}


def sides(subject: Subject, thing: Any, side: Side) -> set[int]:
    """The communities of an object that count as its `side`."""
    if subject is Subject.COMMUNITY:
        return {thing.id}
    if subject is Subject.PARTNERSHIP:
        both = {thing.community_id, thing.partner_id}
        return {thing.community_id} if side is Side.UKRAINIAN else both
    if subject is Subject.AID_RECORD:
        return {thing.recipient_id, *thing.donors}
    if subject is Subject.VISIT:
        return {thing.community_id, thing.partner_id}
    if subject is Subject.INTRODUCTION:
        asked = {thing.to_community_id}
        return asked if side is Side.ASKED else asked | {thing.from_community_id}
    if subject is Subject.REMINDER:
        return {thing.community_id} if thing.community_id is not None else set()
    # A post, an invite and a membership claim belong to one community.
    return {thing.community_id}


async def group_admin(context: BotContext, chat_id: int, user_id: int) -> bool:
    """Whether the person is an admin of the group now; asked of Telegram at each press."""
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except TelegramError:
        return False
    return member.status in _GROUP_ADMINS


async def allowed(update: Update, context: BotContext, rule: Rule, press: object) -> bool:
    """Whether the rule lets the presser act on the object the press names."""
    user, chat = context.account, update.effective_chat
    if user is None or chat is None:
        return False
    ident = getattr(press, rule.field) if rule.field is not None else None
    if chat.type in (ChatType.GROUP, ChatType.SUPERGROUP) and rule.in_group is not InGroup.SAME:
        if rule.in_group is InGroup.LINKED:
            linked = await context.repos.partnerships.for_chat(chat.id)
            return any(p.id == ident for p in linked)
        if not await group_admin(context, chat.id, user.id):
            return False
        if rule.in_group is InGroup.ONLY_ADMIN:
            return True
    if rule.need is Need.OPERATOR:
        return context.is_operator
    mine = {m.community_id: m for m in await context.repos.memberships.for_user(user.id)}
    if ident is None:
        # No object, or an optional one left out (a view of the whole own community).
        return _without_object(rule.need, mine, context.membership)
    thing = await _LOADERS[rule.subject](context.repos, ident)
    if thing is None:
        return False
    if rule.need is Need.ANYONE:
        return True
    if rule.need is Need.RECIPIENT:
        return bool(thing.owner_id == user.id or thing.chat_id == chat.id)
    if rule.need is Need.MEMBER and rule.subject is not Subject.COMMUNITY:
        return bool(mine)
    theirs = sides(rule.subject, thing, rule.side) & mine.keys()
    if rule.need is Need.ADMIN:
        return any(mine[c].is_admin for c in theirs)
    return bool(theirs)


def _without_object(need: Need, mine: dict[int, Membership], current: Membership | None) -> bool:
    if need is Need.ANYONE:
        return True
    if need is Need.ADMIN:
        return current is not None and current.is_admin
    return bool(mine)


async def admitted(update: Update, context: BotContext, rule: Rule, press: object) -> bool:
    """Check a press before its handler; a refused one gets one toast and changes nothing."""
    if await allowed(update, context, rule, press):
        return True
    await toast(update, context._("This button is not available to you."))
    return False
