"""Introductions: "I'm interested" on a card, a short message, and the other side's answer.

Telegram usernames are shared only once the other side accepts; a declined introduction
tells the asker no more than that.
"""

from __future__ import annotations

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import Translator
from handlers.offers import screens
from handlers.offers.buttons import (
    Answer,
    DropIntroduction,
    Interested,
    PartnershipFromIntroduction,
    RewriteIntroduction,
    SendIntroduction,
)
from handlers.offers.common import no_longer_active, own_community, present, typed_text
from handlers.offers.drafts import IntroDraft
from handlers.offers.states import INTRO, WAITING
from handlers.shared.screens import show, toast
from handlers.twinning.flow import start_with_partner
from handlers.twinning.proposal_notices import proposal_screen, tell_partner
from storage.communities import Community
from storage.offers import Post
from storage.offers_introductions import Introduction
from storage.users import User

MESSAGE_LIMIT = 500


async def start(update: Update, context: BotContext, press: Interested) -> object:
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    post = await context.repos.posts.get(press.post)
    today = context.services.clock.now().date()
    if post is None or not post.visible_on(today) or post.community_id == community.id:
        await toast(update, context._("This post is no longer shown."))
        return ConversationHandler.END
    if await context.repos.introductions.of(post.id, community.id) is not None:
        await toast(
            update, context._("Your community has already sent an introduction about this post.")
        )
        return ConversationHandler.END
    owner = await context.repos.communities.get(post.community_id)
    IntroDraft(post.id).store(context)
    await present(update, context, screens.write_introduction(owner, context.t, post.side))
    return INTRO


async def typed_message(update: Update, context: BotContext) -> object:
    assert update.message is not None
    draft = IntroDraft.load(context)
    if draft is None:
        return ConversationHandler.END
    empty = context._("Please type a message: it was empty.")
    message = typed_text(update.message.text or "", MESSAGE_LIMIT, empty, context.t)
    if not isinstance(message, str):
        await show(update, context, message.message)
        return INTRO
    draft.message = message
    draft.store(context)
    await present(update, context, screens.introduction_preview(message, context.t))
    return WAITING


async def rewrite(update: Update, context: BotContext, _press: RewriteIntroduction) -> object:
    if IntroDraft.load(context) is None:
        return await _gone(update, context)
    await present(update, context, screens.rewrite_introduction(context.t))
    return INTRO


async def drop(update: Update, context: BotContext, _press: DropIntroduction) -> object:
    IntroDraft.drop(context)
    cancelled = context._("Cancelled. Nothing was sent.")
    await present(update, context, screens.after_introduction(cancelled, context.t))
    return ConversationHandler.END


async def _gone(update: Update, context: BotContext) -> object:
    await no_longer_active(update, context)
    return ConversationHandler.END


async def send(update: Update, context: BotContext, _press: SendIntroduction) -> object:
    assert context.account is not None
    community = await own_community(update, context)
    draft = IntroDraft.load(context)
    IntroDraft.drop(context)
    if community is None:
        return ConversationHandler.END
    if draft is None or not draft.message:
        return await _gone(update, context)
    repos, _ = context.repos, context._
    post = await repos.posts.get(draft.post)
    if post is None or not post.visible_on(context.services.clock.now().date()):
        await show(update, context, _("This post is no longer shown."))
        return ConversationHandler.END
    introduction = await repos.introductions.create(
        post.id, context.account.id, community.id, post.community_id, draft.message
    )
    if introduction is None:
        await show(
            update, context, _("Your community has already sent an introduction about this post.")
        )
        return ConversationHandler.END
    await repos.audit.record(context.account.id, "introduction", introduction.id, "create")
    owner = await repos.communities.get(post.community_id)
    delivered = await _deliver(context, introduction, post)
    if not delivered:
        await _tell_operators(context, introduction, community, owner)
    await present(update, context, screens.introduction_sent(owner, bool(delivered), context.t))
    return ConversationHandler.END


# Delivery ---------------------------------------------------------------------------------


async def _tell(context: BotContext, user: User, screen: screens.Screen) -> bool:
    try:
        await context.bot.send_message(user.id, screen.text, reply_markup=screen.markup)
    except Forbidden:
        await context.repos.users.set_active(user.id, False)
        return False
    return True


def _translator(context: BotContext, user: User) -> Translator:
    return context.services.i18n.get(user.language)


async def _recipients(context: BotContext, introduction: Introduction, post: Post) -> list[User]:
    """Who can answer for the community asked: the people who act for it now (the post's
    author among them only while they still do)."""
    members = await context.repos.memberships.members(introduction.to_community_id)
    users = [await context.repos.users.get(m.user_id) for m in members]
    return [u for u in users if u is not None and u.active and u.id != introduction.from_user_id]


async def _deliver(context: BotContext, introduction: Introduction, post: Post) -> int:
    """Send an introduction to everyone who can answer for the community asked, only once.

    Returns how many people it reached; with nobody reached it waits for someone to be
    approved or invited there (`deliver_pending`).
    """
    repos = context.repos
    if not await repos.introductions.claim_delivery(introduction.id):
        return 0
    asker = await repos.users.get(introduction.from_user_id)
    asker_community = await repos.communities.get(introduction.from_community_id)
    delivered = 0
    for user in await _recipients(context, introduction, post):
        t = _translator(context, user)
        name = asker.display_name if asker else t._("unknown")
        screen = screens.introduction(
            introduction.id, name, asker_community, post, introduction.message, t
        )
        delivered += await _tell(context, user, screen)
    if not delivered:
        await repos.introductions.release_delivery(introduction.id)
    return delivered


async def deliver_pending(context: BotContext, community_id: int) -> None:
    """Someone can now answer for a community: hand them the introductions that waited.

    Called when an operator approves a claim and when a colleague joins by invitation.
    Each asker hears that their introduction has arrived.
    """
    repos = context.repos
    for introduction in await repos.introductions.undelivered(community_id):
        post = await repos.posts.get(introduction.post_id)
        if post is None or not await _deliver(context, introduction, post):
            continue
        asker = await repos.users.get(introduction.from_user_id)
        if asker is None or not asker.active:
            continue
        own = await repos.communities.get(community_id)
        await _tell(context, asker, screens.introduction_arrived(own, _translator(context, asker)))


async def _tell_operators(
    context: BotContext, introduction: Introduction, asker: Community, owner: Community | None
) -> None:
    for operator_id in sorted(context.services.settings.operators):
        user = await context.repos.users.get(operator_id)
        if user is None:
            continue
        t = _translator(context, user)
        await _tell(
            context, user, screens.introduction_waits(asker, owner, introduction.message, t)
        )


# The answer -------------------------------------------------------------------------------


async def decide(update: Update, context: BotContext, press: Answer) -> object:
    assert context.account is not None
    repos = context.repos
    introduction = await repos.introductions.get(press.introduction)
    assert introduction is not None  # the guard found it, written to the presser's community
    if not await repos.introductions.decide(introduction.id, press.accept, context.account.id):
        await toast(update, context._("This introduction has already been answered."))
        return ConversationHandler.END
    action = "accept" if press.accept else "decline"
    await repos.audit.record(context.account.id, "introduction", introduction.id, action)
    asker = await repos.users.get(introduction.from_user_id)
    if press.accept:
        asker_community = await repos.communities.get(introduction.from_community_id)
        screen = screens.accepted(
            introduction.id, asker_community, asker, context.t, by_reader=True
        )
    else:
        screen = screens.Screen(context._("Declined. Nothing was shared."))
    await present(update, context, screen)
    if asker is not None:
        await _answer_asker(context, introduction, asker, press.accept)
    return ConversationHandler.END


async def _answer_asker(
    context: BotContext, introduction: Introduction, asker: User, accepted: bool
) -> None:
    assert context.account is not None
    own = await context.repos.communities.get(introduction.to_community_id)
    t = _translator(context, asker)
    screen = (
        screens.accepted(introduction.id, own, context.account, t, by_reader=False)
        if accepted
        else screens.declined_for_asker(own, t)
    )
    await _tell(context, asker, screen)


async def start_partnership(
    update: Update, context: BotContext, press: PartnershipFromIntroduction
) -> object:
    """After an accepted introduction either side opens the partnership of the two."""
    assert context.account is not None
    repos = context.repos
    introduction = await repos.introductions.get(press.introduction)
    own_id = context.community_id
    if introduction is None or introduction.status != "accepted" or own_id is None:
        return await _gone(update, context)
    if own_id not in (introduction.from_community_id, introduction.to_community_id):
        return await _gone(update, context)
    other_id = (
        introduction.to_community_id
        if own_id == introduction.from_community_id
        else introduction.from_community_id
    )
    own = await repos.communities.get(own_id)
    other = await repos.communities.get(other_id)
    if own is None or other is None or own.kind == other.kind:
        await toast(
            update,
            context._("A partnership joins a Ukrainian community and a municipality abroad."),
        )
        return ConversationHandler.END
    if own.kind == "ua":
        await start_with_partner(update, context, other.id)
        return ConversationHandler.END
    existing = await repos.partnerships.between(other.id, own.id)
    if existing is not None and existing.awaits(own.id):
        await show(update, context, *await proposal_screen(repos, context.t, existing))
        return ConversationHandler.END
    created = existing is None
    if created:
        partnership = await repos.partnerships.create(
            other.id, own.id, context.account.id, proposed_by=own.id
        )
        await repos.audit.record(context.account.id, "partnership", partnership.id, "create")
        tell_partner(context, partnership)
    await present(update, context, screens.partnership_opened(other, created, context.t))
    return ConversationHandler.END
