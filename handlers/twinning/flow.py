"""The twinning guide: the community's partnerships, each one's card, and opening a partnership.

Each handler checks the press against the user's community, loads what its screen needs
(`handlers.twinning.screens`) and shows it. Filling in a step lives in `steps`, pausing and
ending in `status`, choosing a new partner in `partner`, group chats in `groups`.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from handlers.shared.screens import show, toast
from handlers.twinning import screens
from handlers.twinning.buttons import Card, Corrections, Details, Guide, History
from handlers.twinning.common import (
    community_name,
    drop_drafts,
    legal,
    names,
    no_community,
    partnership_for,
    update_reminders,
)
from handlers.twinning.proposal_notices import proposal_screen, tell_partner
from storage.partnerships import Partnership

END = ConversationHandler.END


async def show_list(
    update: Update, context: BotContext, page: int = 0, notice: str | None = None
) -> int:
    if context.community_id is None:
        await no_community(update, context)
        return END
    repos = context.repos
    community = await repos.communities.get(context.community_id)
    partnerships = await repos.partnerships.for_community(context.community_id)
    page, pages = screens.page_of(len(partnerships), page)
    shown = []
    for partnership in partnerships[page * screens.PAGE : (page + 1) * screens.PAGE]:
        ours, theirs = await names(repos, partnership, context.lang)
        shown.append(
            (partnership, theirs if partnership.community_id == context.community_id else ours)
        )
    proposals = []
    for proposal in await repos.partnerships.proposals_to(context.community_id):
        proposer = await repos.communities.get(proposal.other_side(context.community_id))
        proposals.append((proposal.id, community_name(proposer, context.lang)))
    title = community_name(community, context.lang)
    screen = screens.guide(context.t, title, shown, page, pages, notice, proposals)
    await show(update, context, *screen)
    return END


async def show_page(update: Update, context: BotContext, press: Guide) -> int:
    return await show_list(update, context, press.page)


async def show_law(update: Update, context: BotContext) -> int:
    await show(update, context, *screens.law(context.t, legal(context)))
    return END


async def show_card(
    update: Update,
    context: BotContext,
    partnership: Partnership,
    notice: str | None = None,
    *,
    full: bool = False,
) -> int:
    repos = context.repos
    records = await repos.partnerships.steps(partnership.id)
    own = partnership.community_id == context.community_id
    reminders = []
    if own and context.account is not None:
        zone = ZoneInfo(context.tz)
        upcoming = await repos.partnerships.upcoming_reminders(partnership.id, context.account.id)
        reminders = [(kind, due.astimezone(zone).date()) for kind, due in upcoming]
    both = await names(repos, partnership, context.lang)
    screen = screens.card(
        context.t,
        partnership,
        both,
        records,
        own=own,
        reminders=reminders,
        notice=notice,
        full=full,
    )
    await show(update, context, *screen)
    return END


async def open_card(update: Update, context: BotContext, press: Card) -> int:
    proposal = await context.repos.partnerships.get(press.partnership)
    if proposal is not None and proposal.awaits(context.community_id):
        # A card button of a proposal (e.g. in a group the proposer linked) shows the proposal.
        drop_drafts(context)
        await show(update, context, *await proposal_screen(context.repos, context.t, proposal))
        return END
    partnership = await partnership_for(update, context, press.partnership, edit=False)
    if partnership is None:
        return END
    drop_drafts(context)
    return await show_card(update, context, partnership)


async def open_details(update: Update, context: BotContext, press: Details) -> int:
    partnership = await partnership_for(update, context, press.partnership, edit=False)
    if partnership is None:
        return END
    drop_drafts(context)
    return await show_card(update, context, partnership, full=True)


async def back_to_card(
    update: Update, context: BotContext, notice: str, partnership_id: int | None
) -> int:
    """Where a form of the guide leaves to: its partnership's card, or the list without one."""
    if partnership_id is None:
        return await show_list(update, context, notice=notice)
    partnership = await partnership_for(update, context, partnership_id, edit=False)
    if partnership is not None:
        await show_card(update, context, partnership, notice or None)
    return END


async def stale(update: Update, context: BotContext) -> int:
    """A button of a screen whose flow is over (finished, cancelled, or another one began)."""
    await toast(update, context._("That screen is out of date."))
    drop_drafts(context)
    return await show_list(update, context)


async def choose_correction(update: Update, context: BotContext, press: Corrections) -> int:
    partnership = await partnership_for(update, context, press.partnership)
    if partnership is None:
        return END
    records = await context.repos.partnerships.steps(partnership.id)
    await show(update, context, *screens.corrections(context.t, partnership.id, records))
    return END


async def show_history(update: Update, context: BotContext, press: History) -> int:
    partnership = await partnership_for(update, context, press.partnership, edit=False)
    if partnership is None:
        return END
    repos = context.repos
    entries = await repos.partnerships.history(partnership.id)
    people: dict[int, str] = {}
    for entry in entries:
        if entry.changed_by and entry.changed_by not in people:
            user = await repos.users.get(entry.changed_by)
            people[entry.changed_by] = user.display_name if user else str(entry.changed_by)
    screen = screens.history(context.t, partnership.id, entries, people, context.tz)
    await show(update, context, *screen)
    return END


async def start_with_partner(update: Update, context: BotContext, partner_community_id: int) -> int:
    """Open (or find) the partnership of the user's community with this foreign community.

    Other features call this, e.g. when an offer of a partner abroad is taken up; it answers
    with the partnership's card, whose buttons lead on through the guide.
    """
    if context.community_id is None:
        await no_community(update, context)
        return END
    assert context.account is not None
    repos = context.repos
    partner = await repos.communities.get(partner_community_id)
    if partner is None or partner.kind != "foreign" or partner.id == context.community_id:
        await toast(update, context._("A partnership needs a municipality abroad as the partner."))
        return END
    existing = await repos.partnerships.between(context.community_id, partner.id)
    if existing is not None and existing.awaits(context.community_id):
        # The partner proposed the same: answer its proposal rather than open a second one.
        screen = await proposal_screen(repos, context.t, existing)
        await show(update, context, *screen)
        return END
    if existing is not None and existing.status != "ended":
        return await show_card(
            update, context, existing, context._("This partnership already exists.")
        )
    partnership = await repos.partnerships.create(
        context.community_id, partner.id, context.account.id, proposed_by=context.community_id
    )
    await repos.audit.record(
        context.account.id, "partnership", partnership.id, "create", {"partner": partner.id}
    )
    await update_reminders(context, partnership.id)
    tell_partner(context, partnership)
    notice = context._(
        "The partnership is created. It is a proposal to {partner} until someone there"
        " accepts it; meanwhile the guide is yours to follow.",
        partner=community_name(partner, context.lang),
    )
    return await show_card(update, context, partnership, notice)
