"""Operators approve or reject who may act for a community."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardMarkup, Update
from telegram.error import Forbidden, TelegramError

from bot.context import BotContext
from handlers.account.buttons import Begin, Decide, PendingRequests
from handlers.aid import confirm as aid_confirm
from handlers.offers import intro as offers_intro
from handlers.shared.navigation import HOME
from handlers.shared.place_picker import card_lines
from handlers.shared.screens import answer, keyboard, show, toast
from handlers.twinning import common as twinning_common
from handlers.twinning import proposal_notices
from storage.memberships import Membership

_log = logging.getLogger(__name__)
PAGE = 5


async def _claim_text(context: BotContext, membership: Membership, lang: str) -> str:
    t = context.services.i18n.get(lang)
    user = await context.repos.users.get(membership.user_id)
    community = await context.repos.communities.get(membership.community_id)
    assert user is not None and community is not None
    role = t._("admin") if membership.role == "admin" else t._("member")
    who = user.display_name + (f" (@{user.username})" if user.username else "")
    facts = {
        "user": who,
        "community": community.title(lang),
        "country": community.country_code,
        "role": role,
    }
    # A foreign municipality is not a hromada: the operator reads which side is claimed.
    if community.kind == "ua":
        request = t._(
            "Request from {user} to act for a Ukrainian community.\nCommunity: {community}"
            " ({country})\nRole: {role}",
            **facts,
        )
    else:
        request = t._(
            "Request from {user} to act for a partner municipality.\nMunicipality: {community}"
            " ({country})\nRole: {role}",
            **facts,
        )
    return "\n".join([request, *card_lines(t, community, lang)])


def _decision_keyboard(context: BotContext, lang: str, membership_id: int) -> InlineKeyboardMarkup:
    t = context.services.i18n.get(lang)
    return keyboard(
        [
            [
                (t._("Approve"), Decide("ok", membership_id).data()),
                (t._("Reject"), Decide("no", membership_id).data()),
            ]
        ]
    )


async def notify_operators(context: BotContext, membership_id: int) -> None:
    membership = await context.repos.memberships.get(membership_id)
    if membership is None:
        return
    for operator_id in sorted(context.services.settings.operators):
        operator = await context.repos.users.get(operator_id)
        lang = operator.language if operator else "en"
        try:
            await context.bot.send_message(
                operator_id,
                await _claim_text(context, membership, lang),
                reply_markup=_decision_keyboard(context, lang, membership_id),
            )
        except TelegramError as error:
            _log.warning("operator %s not reachable: %s", operator_id, error)


async def list_pending(update: Update, context: BotContext, _press: PendingRequests) -> None:
    pending = await context.repos.memberships.pending()
    if update.callback_query:
        await answer(update.callback_query)
    if not pending:
        await show(
            update,
            context,
            context._("No requests are waiting."),
            keyboard([[(context._("Main menu"), HOME.data())]]),
        )
        return
    await show(
        update,
        context,
        context.ngettext("{n} request is waiting:", "{n} requests are waiting:", len(pending)),
    )
    for membership in pending[:PAGE]:
        assert update.effective_chat is not None
        await context.bot.send_message(
            update.effective_chat.id,
            await _claim_text(context, membership, context.lang),
            reply_markup=_decision_keyboard(context, context.lang, membership.id),
        )


async def decide(update: Update, context: BotContext, press: Decide) -> None:
    assert context.account is not None
    membership = await context.repos.memberships.get(press.membership)
    assert membership is not None  # the guard loaded it
    approve = press.verdict == "ok"
    if not await context.repos.memberships.decide(membership.id, approve, context.account.id):
        await toast(update, context._("This request has already been decided."))
        return
    await context.repos.audit.record(
        context.account.id, "membership", membership.id, "approve" if approve else "reject"
    )
    summary = await _claim_text(context, membership, context.lang)
    verdict_text = (
        context._("Approved by {operator}.", operator=context.account.display_name)
        if approve
        else context._("Rejected by {operator}.", operator=context.account.display_name)
    )
    await show(update, context, f"{summary}\n\n{verdict_text}")
    await _tell_claimant(context, membership, approve)


async def _tell_claimant(context: BotContext, membership: Membership, approved: bool) -> None:
    repos = context.repos
    user = await repos.users.get(membership.user_id)
    community = await repos.communities.get(membership.community_id)
    if user is None or community is None:
        return
    t = context.services.i18n.get(user.language)
    if approved:
        await repos.users.set_current_community(user.id, community.id)
        role = t._("admin") if membership.role == "admin" else t._("member")
        text = t._(
            "Your request was approved: you now act for {community} as {role}.",
            community=community.title(user.language),
            role=role,
        )
        markup = keyboard([[(t._("Main menu"), HOME.data())]])
    else:
        text = t._(
            "Your request to act for {community} was not approved. If this is a mistake, contact"
            " the operator, or send /start to choose again.",
            community=community.title(user.language),
        )
        markup = keyboard([[(t._("Choose another community"), Begin("again").data())]])
    try:
        await context.bot.send_message(user.id, text, reply_markup=markup)
    except Forbidden:
        # The decision stands; they see it in the menu when they come back.
        await repos.users.set_active(user.id, False)
    except TelegramError as error:
        _log.info("claimant %s not reachable: %s", user.id, error)
    if approved:
        await offers_intro.deliver_pending(context, community.id)
        await twinning_common.remind_new_member(context, community.id)
        proposal_notices.tell_new_member(context, community.id, user.id)
        await aid_confirm.ask_new_member(context, community.id, user.id)
