"""The one check before every press: the button's declared rule (`handlers.shared.access`)
against the presser as they are now.

It loads the object the press names and the presser's approved memberships at the moment of
the press, and in a group asks Telegram whether the presser is an admin of it now. A refused
press gets one toast and nothing else: no handler runs, nothing is saved, and the toast is
the same whether the object is someone else's or does not exist, so a forger learns nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError

from bot.context import BotContext
from bot.i18n import N_, Translator
from handlers.shared.access import InGroup, Need, Rule, Side, Subject
from handlers.shared.screens import toast
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
        if side is Side.ASKED:  # the community a proposal was made to, answered or not
            proposer = thing.proposed_by
            return {thing.other_side(proposer)} if proposer is not None else set()
        # A proposal is the partner's to answer, not yet its partnership to open.
        both = {c for c in (thing.community_id, thing.partner_id) if thing.visible_to(c)}
        return both & {thing.community_id} if side is Side.UKRAINIAN else both
    if subject is Subject.AID_RECORD:
        if side is Side.NAMED:
            named = thing.named_sides()
            return ({thing.recipient_id} if "recipient" in named else set()) | (
                set(thing.donors) if "donor" in named else set()
            )
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


class Refusal(Enum):
    NOT_YOURS = "not yours"  # someone else's, or nothing at all: the same answer
    NO_COMMUNITY = "no community"
    NOT_ADMIN = "not admin"
    NOT_GROUP_ADMIN = "not group admin"
    NOT_OPERATOR = "not operator"


async def refusal(update: Update, context: BotContext, rule: Rule, press: object) -> Refusal | None:
    """Why the rule does not let the presser act on the object the press names, if so."""
    user, chat = context.account, update.effective_chat
    if user is None or chat is None:
        return Refusal.NOT_YOURS
    ident = getattr(press, rule.field) if rule.field is not None else None
    in_group = chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)
    if in_group and rule.in_group is InGroup.LINKED:
        linked = await context.repos.partnerships.for_chat(chat.id)
        return None if any(p.id == ident for p in linked) else Refusal.NOT_YOURS
    if not (in_group and rule.in_group is InGroup.ONLY_ADMIN):
        why = await _refusal(context, rule, ident, user.id, chat.id)
        if why is not None:
            return why
    # Asked last, and of Telegram: the one check that costs a request.
    admin_asked = in_group and rule.in_group is not InGroup.SAME
    if admin_asked and not await group_admin(context, chat.id, user.id):
        return Refusal.NOT_GROUP_ADMIN
    return None


async def _refusal(
    context: BotContext, rule: Rule, ident: int | None, user_id: int, chat_id: int
) -> Refusal | None:
    if rule.need is Need.OPERATOR:
        return None if context.is_operator else Refusal.NOT_OPERATOR
    mine = {m.community_id: m for m in await context.repos.memberships.for_user(user_id)}
    if rule.need not in (Need.ANYONE, Need.RECIPIENT) and not mine:
        return Refusal.NO_COMMUNITY
    if ident is None:
        # No object, or an optional one left out (a view of the whole own community).
        admin = context.membership is not None and context.membership.is_admin
        return Refusal.NOT_ADMIN if rule.need is Need.ADMIN and not admin else None
    thing = await _LOADERS[rule.subject](context.repos, ident)
    if thing is None:
        return Refusal.NOT_YOURS
    if rule.need is Need.RECIPIENT:
        ours = thing.owner_id == user_id or thing.chat_id == chat_id
        return None if ours else Refusal.NOT_YOURS
    if rule.need in (Need.ANYONE, Need.MEMBER) and rule.subject is not Subject.COMMUNITY:
        return None
    theirs = sides(rule.subject, thing, rule.side) & mine.keys()
    if not theirs:
        return Refusal.NOT_YOURS
    if rule.need is Need.ADMIN and not any(mine[c].is_admin for c in theirs):
        return Refusal.NOT_ADMIN
    return None


def explain(t: Translator, why: Refusal, rule: Rule) -> str:
    if why is Refusal.NO_COMMUNITY:
        return t._(
            "This is for officials of a community approved by an operator."
            " Send /start to choose your community."
        )
    if why is Refusal.NOT_ADMIN:
        return t._("Only an admin of a community approved by an operator can do this.")
    if why is Refusal.NOT_GROUP_ADMIN:
        return t._("Only an admin of this group can do this.")
    if why is Refusal.NOT_OPERATOR:
        return t._("Only an operator can do this.")
    if rule.side is Side.ASKED:
        return t._("Only people of the community asked can answer.")
    if rule.side is Side.NAMED:
        return t._("Only the community this record names can reject it.")
    return t._(_NOT_YOURS.get(rule.subject, N_("This button is not available to you.")))


_NOT_YOURS = {
    Subject.PARTNERSHIP: N_("This partnership is not available to you."),
    Subject.AID_RECORD: N_("This record no longer exists."),
    Subject.VISIT: N_("This visit is not one of your community's."),
    Subject.POST: N_("This post is no longer shown."),
    Subject.REMINDER: N_("This reminder no longer exists."),
    Subject.INVITE: N_("This invitation link is not available to you."),
}


async def admitted(update: Update, context: BotContext, rule: Rule, press: object) -> bool:
    """Check a press before its handler; a refused one gets one toast and changes nothing."""
    why = await refusal(update, context, rule, press)
    if why is None:
        return True
    await toast(update, explain(context.t, why, rule))
    return False
