"""Telling a proposal's two sides: the partner of a new proposal, the proposer of the answer.

Each message goes out after the person's answer, in the bulk lane, to every approved member
in their own language.
"""

from __future__ import annotations

import logging

from telegram.error import Forbidden, TelegramError

from bot import background
from bot.context import BotContext
from bot.domain.twinning.card import value_text
from bot.domain.twinning.workflow import step_by_code
from bot.i18n import Translator
from handlers.twinning import screens
from handlers.twinning.common import community_name
from storage.partnerships import Partnership
from storage.repositories import Repositories

_log = logging.getLogger(__name__)


async def proposal_screen(
    repos: Repositories, t: Translator, partnership: Partnership, notice: str | None = None
) -> screens.Screen:
    """The short card of a proposal, in the reader's language."""
    proposer_id = partnership.proposed_by or partnership.community_id
    proposer = community_name(await repos.communities.get(proposer_id), t.lang)
    areas_step = step_by_code("areas")
    sectors = areas_step.field("sectors") if areas_step else None
    data = (await repos.partnerships.steps(partnership.id)).get("areas")
    areas = value_text(sectors, data.data.get("sectors"), t) if sectors and data else "—"
    if areas == "—":
        areas = t._("not chosen yet")
    author = await repos.users.get(partnership.created_by) if partnership.created_by else None
    contact = "—"
    if author is not None:
        contact = author.display_name + (f" (@{author.username})" if author.username else "")
    return screens.proposal(t, partnership.id, proposer, areas, contact, notice)


# --- telling the other side, after the answer and in the bulk lane ----------------------------


def tell_partner(context: BotContext, partnership: Partnership) -> None:
    """The members of the community a proposal awaits get its card with Accept and Decline."""
    answering = partnership.answering
    if answering is None:
        return
    background.start(
        context.application,
        _tell_members(context, partnership, answering, proposal=True),
        name=f"twinning:proposal:{partnership.id}",
        bulk=True,
    )


def tell_proposer(context: BotContext, partnership: Partnership, *, accepted: bool) -> None:
    if partnership.proposed_by is None:
        return
    background.start(
        context.application,
        _tell_members(context, partnership, partnership.proposed_by, accepted=accepted),
        name=f"twinning:answer:{partnership.id}",
        bulk=True,
    )


async def _tell_members(
    context: BotContext,
    partnership: Partnership,
    community_id: int,
    *,
    proposal: bool = False,
    accepted: bool = False,
) -> None:
    repos = context.repos
    actor = context.account.id if context.account else None
    other = await repos.communities.get(partnership.other_side(community_id))
    for membership in await repos.memberships.members(community_id):
        user = await repos.users.get(membership.user_id)
        if user is None or not user.active or user.id == actor:
            continue
        t = context.services.i18n.get(user.language)
        if proposal:
            text, markup = await proposal_screen(repos, t, partnership)
        else:
            partner = community_name(other, t.lang)
            text, markup = screens.answered(t, partnership.id, partner, accepted)
        try:
            await context.bot.send_message(user.id, text, reply_markup=markup)
        except Forbidden:
            await repos.users.set_active(user.id, False)
        except TelegramError as error:
            _log.warning(
                "could not tell %s about partnership %s: %s", user.id, partnership.id, error
            )


def tell_new_member(context: BotContext, community_id: int, user_id: int) -> None:
    """Someone was approved or invited: the proposals awaiting their community come to them,
    as they came to their colleagues."""
    background.start(
        context.application,
        _tell_new_member(context, community_id, user_id),
        name=f"twinning:proposals:{user_id}",
        bulk=True,
    )


async def _tell_new_member(context: BotContext, community_id: int, user_id: int) -> None:
    repos = context.repos
    user = await repos.users.get(user_id)
    if user is None or not user.active:
        return
    t = context.services.i18n.get(user.language)
    for partnership in await repos.partnerships.proposals_to(community_id):
        text, markup = await proposal_screen(repos, t, partnership)
        try:
            await context.bot.send_message(user.id, text, reply_markup=markup)
        except Forbidden:
            await repos.users.set_active(user.id, False)
            return
        except TelegramError as error:
            _log.warning(
                "could not tell %s about partnership %s: %s", user.id, partnership.id, error
            )
