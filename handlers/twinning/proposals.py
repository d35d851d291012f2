"""A partnership one community opens is a proposal to the other until someone there accepts.

The partner's members see it apart in their guide with Accept and Decline, and only an
approved member of the partner community can answer; the proposing side goes on with the
guide meanwhile and is told the answer (`proposal_notices`).
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from handlers.shared.screens import show, toast
from handlers.twinning import screens
from handlers.twinning.buttons import AcceptProposal, DeclineProposal, Proposal, ProposeAgain
from handlers.twinning.common import community_name, no_community, update_reminders
from handlers.twinning.flow import show_card, show_list
from handlers.twinning.proposal_notices import proposal_screen, tell_partner, tell_proposer
from storage.partnerships import Partnership

END = ConversationHandler.END


async def _proposal_for(
    update: Update, context: BotContext, partnership_id: int
) -> Partnership | None:
    """The proposal a button names, if it awaits the presser's community; says why not."""
    if context.community_id is None:
        await no_community(update, context)
        return None
    partnership = await context.repos.partnerships.get(partnership_id)
    if partnership is not None and partnership.awaits(context.community_id):
        return partnership
    if (
        partnership is not None
        and partnership.involves(context.community_id)
        and partnership.proposed_by != context.community_id
    ):
        await toast(update, context._("This proposal has already been answered."))
        if partnership.visible_to(context.community_id):
            await show_card(update, context, partnership)
        else:
            await show_list(update, context)
        return None
    # A stranger's press, or the proposing side's own: only the partner answers.
    await toast(update, context._("This proposal is not for your community."))
    await show_list(update, context)
    return None


async def open_proposal(update: Update, context: BotContext, press: Proposal) -> int:
    partnership = await _proposal_for(update, context, press.partnership)
    if partnership is not None:
        await show(update, context, *await proposal_screen(context.repos, context.t, partnership))
    return END


async def accept(update: Update, context: BotContext, press: AcceptProposal) -> int:
    return await _answer(update, context, press.partnership, accept=True)


async def decline(update: Update, context: BotContext, press: DeclineProposal) -> int:
    if press.sure:
        return await _answer(update, context, press.partnership, accept=False)
    partnership = await _proposal_for(update, context, press.partnership)
    if partnership is not None and partnership.proposed_by is not None:
        proposer = await context.repos.communities.get(partnership.proposed_by)
        name = community_name(proposer, context.lang)
        await show(update, context, *screens.decline_question(context.t, partnership.id, name))
    return END


async def _answer(update: Update, context: BotContext, partnership_id: int, *, accept: bool) -> int:
    partnership = await _proposal_for(update, context, partnership_id)
    if partnership is None:
        return END
    assert context.account is not None and context.community_id is not None
    repos = context.repos
    if not await repos.partnerships.answer(
        partnership.id, context.community_id, accept, context.account.id
    ):
        await toast(update, context._("This proposal has already been answered."))
        return await show_list(update, context)
    await repos.audit.record(
        context.account.id, "partnership", partnership.id, "accept" if accept else "decline"
    )
    answered = await repos.partnerships.get(partnership.id)
    assert answered is not None
    await update_reminders(context, answered.id)
    tell_proposer(context, answered, accepted=accept)
    if accept:
        return await show_card(
            update, context, answered, context._("Accepted: the partnership is yours too now.")
        )
    return await show_list(
        update, context, notice=context._("Declined. The proposing community will be told.")
    )


async def propose_again(update: Update, context: BotContext, press: ProposeAgain) -> int:
    """The proposing side puts a declined proposal to the partner once more."""
    if context.community_id is None or context.account is None:
        await no_community(update, context)
        return END
    repos = context.repos
    partnership = await repos.partnerships.get(press.partnership)
    assert partnership is not None  # the guard loaded it
    if not await repos.partnerships.propose_again(
        partnership.id, context.community_id, context.account.id
    ):
        await show_card(update, context, partnership, context._("Nothing to change."))
        return END
    await repos.audit.record(context.account.id, "partnership", partnership.id, "propose again")
    updated = await repos.partnerships.get(partnership.id)
    assert updated is not None
    await update_reminders(context, updated.id)
    tell_partner(context, updated)
    partner = await repos.communities.get(updated.other_side(context.community_id))
    notice = context._(
        "The proposal is sent to {partner} again.", partner=community_name(partner, context.lang)
    )
    await show_card(update, context, updated, notice)
    return END
