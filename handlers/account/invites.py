"""Admins invite colleagues with single-use, expiring deep links, see the links not yet used
and revoke them. A link dies with its author's membership, checked when it is used."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from handlers.account import screens
from handlers.account.buttons import Begin, Invitations, NewInvite, RevokeInvite
from handlers.account.menu import show_menu
from handlers.aid import confirm as aid_confirm
from handlers.offers import intro as offers_intro
from handlers.shared.navigation import HOME
from handlers.shared.screens import keyboard, show, toast
from handlers.twinning import common as twinning_common
from handlers.twinning import proposal_notices
from storage.invites import INVITE_TTL, InviteStatus


async def create_invite(update: Update, context: BotContext, _press: NewInvite) -> None:
    assert context.account is not None and context.membership is not None
    _ = context._
    community = await context.repos.communities.get(context.membership.community_id)
    assert community is not None
    token = await context.repos.invites.create(community.id, context.account.id)
    await context.repos.audit.record(context.account.id, "invite", community.id, "create")
    link = f"https://t.me/{context.bot.username}?start={token}"
    days = INVITE_TTL.days
    text = "\n\n".join(
        [
            _(
                "Send this link to one colleague. It lets them act for {community} as a member.",
                community=community.title(context.lang),
            ),
            link,
            context.ngettext(
                "It works once and expires in {n} day.",
                "It works once and expires in {n} days.",
                days,
            ),
        ]
    )
    rows = [[(_("Unused links"), Invitations().data())], [(_("Main menu"), HOME.data())]]
    await show(update, context, text, keyboard(rows))


async def list_invitations(update: Update, context: BotContext, _press: Invitations) -> None:
    assert context.membership is not None
    await _show_list(update, context, context.membership.community_id)


async def revoke(update: Update, context: BotContext, press: RevokeInvite) -> None:
    assert context.account is not None
    invite = await context.repos.invites.get(press.invite)
    assert invite is not None  # the guard loaded it
    if await context.repos.invites.revoke(invite.id, context.account.id):
        await context.repos.audit.record(context.account.id, "invite", invite.id, "revoke")
        await toast(update, context._("The link is revoked."))
    else:
        await toast(update, context._("That link was used or revoked already."))
    await _show_list(update, context, invite.community_id)


async def _show_list(update: Update, context: BotContext, community_id: int) -> None:
    repos, t = context.repos, context.t
    community = await repos.communities.get(community_id)
    assert community is not None
    links = []
    for invite in await repos.invites.outstanding(community_id):
        author = await repos.users.get(invite.created_by)
        links.append(
            (
                invite.id,
                author.display_name if author else "—",
                t.datetime(invite.created_at, context.tz, "short"),
                t.datetime(invite.expires_at, context.tz, "short"),
            )
        )
    await show(update, context, *screens.invitations(t, links, community.title(context.lang)))


async def redeem_invite(update: Update, context: BotContext, token: str) -> int:
    assert context.account is not None
    _ = context._
    repos = context.repos
    redemption = await repos.invites.redeem(token[:64], context.account.id)
    if redemption.status is not InviteStatus.OK or redemption.community_id is None:
        message = {
            InviteStatus.USED: _("This invitation link has already been used. Ask for a new one."),
            InviteStatus.EXPIRED: _("This invitation link has expired. Ask for a new one."),
            InviteStatus.REVOKED: _(
                "This invitation link was revoked by an admin of the community. Ask for a new one."
            ),
            InviteStatus.AUTHOR_LEFT: _(
                "This invitation link no longer works: the person who sent it no longer acts for"
                " the community. Ask another colleague for a new one."
            ),
        }.get(redemption.status, _("This invitation link is not valid. Ask for a new one."))
        await show(update, context, message, keyboard([[(_("Start"), Begin("new").data())]]))
        return ConversationHandler.END
    community = await repos.communities.get(redemption.community_id)
    assert community is not None
    membership = await repos.memberships.join_by_invite(
        context.account.id, community.id, redemption.inviter_id or 0
    )
    await repos.users.set_current_community(context.account.id, community.id)
    await repos.users.set_role(
        context.account.id, "official" if community.kind == "ua" else "partner"
    )
    await repos.audit.record(context.account.id, "membership", membership.id, "join_by_invite")
    context.membership = membership
    welcome = _("Welcome! You now act for {community}.", community=community.title(context.lang))
    await show_menu(update, context, welcome)
    await offers_intro.deliver_pending(context, community.id)
    await twinning_common.remind_new_member(context, community.id)
    proposal_notices.tell_new_member(context, community.id, context.account.id)
    await aid_confirm.ask_new_member(context, community.id, context.account.id)
    return ConversationHandler.END
