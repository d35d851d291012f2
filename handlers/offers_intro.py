"""Introductions: "I'm interested" on a card, a short message, and the other side's answer.

Telegram usernames are shared only once the other side accepts; a declined introduction
tells the asker no more than that.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import BaseHandler, CallbackQueryHandler, ConversationHandler

from bot.context import BotContext
from bot.i18n import Translator
from bot.offers import OFFER
from bot.offers_render import excerpt, place
from bot.text_input import TextProblem, check_text, clean
from handlers.common import FLOW_PREFIX, answer, keyboard, show
from handlers.offers_common import own_community
from handlers.offers_states import BUTTONS, INTRO
from storage.communities import Community
from storage.offers import Post
from storage.offers_introductions import Introduction
from storage.users import User

DRAFT = FLOW_PREFIX + "offers"
MESSAGE_LIMIT = 500


def _flow(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})


def _id(update: Update) -> int | None:
    assert update.callback_query is not None
    raw = (update.callback_query.data or "").rsplit(":", 1)[-1]
    return int(raw) if raw.isdigit() else None


def contact(user: User | None, t: Translator) -> str:
    if user is None:
        return t._("unknown")
    if user.username:
        return f"{user.display_name} (@{user.username})"
    return t._("{name} (no public Telegram username: ask them to set one)", name=user.display_name)


async def start(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    community = await own_community(update, context)
    post_id = _id(update)
    post = await context.repos.posts.get(post_id) if post_id else None
    if community is None:
        return ConversationHandler.END
    today = context.services.clock.now().date()
    if post is None or not post.visible_on(today) or post.community_id == community.id:
        await answer(update.callback_query, context._("This post is no longer shown."), alert=True)
        return ConversationHandler.END
    existing = await context.repos.introductions.of(post.id, community.id)
    if existing is not None:
        await answer(
            update.callback_query,
            context._("Your community has already sent an introduction about this post."),
            alert=True,
        )
        return ConversationHandler.END
    owner = await context.repos.communities.get(post.community_id)
    _flow(context)["intro"] = {"post_id": post.id, "message": ""}
    # Answering an offer, a Ukrainian community asks for help; answering a need, a partner
    # proposes it.
    if post.side == OFFER:
        text = context._(
            "Type a short message for {partner}: who you are and what your community needs."
            " They will see your name and community; your Telegram contact is shared only if"
            " they accept.",
            partner=place(owner, context.t),
        )
    else:
        text = context._(
            "Type a short message for {partner}: who you are and what you propose. They will"
            " see your name and community; your Telegram contact is shared only if they accept.",
            partner=place(owner, context.t),
        )
    await show(update, context, text, keyboard([[(context._("Cancel"), "in:cancel")]]))
    return INTRO


async def typed_message(update: Update, context: BotContext) -> int:
    assert update.message is not None
    draft = _flow(context).get("intro")
    if draft is None:
        return ConversationHandler.END
    typed = update.message.text or ""
    problem = check_text(typed, MESSAGE_LIMIT)
    if problem is TextProblem.EMPTY:
        await show(update, context, context._("Please type a message: it was empty."))
        return INTRO
    if problem is TextProblem.TOO_LONG:
        await show(
            update,
            context,
            context._("That is too long: please type at most {n} characters.", n=MESSAGE_LIMIT),
        )
        return INTRO
    draft["message"] = clean(typed)
    _ = context._
    await show(
        update,
        context,
        _("Your introduction:\n\n{message}", message=draft["message"]),
        keyboard([[(_("Send"), "in:send")], [(_("Edit"), "in:edit"), (_("Cancel"), "in:cancel")]]),
    )
    return BUTTONS


async def edit(update: Update, context: BotContext) -> int:
    draft = _flow(context).get("intro")
    if draft is None:
        return await _gone(update, context)
    await show(
        update,
        context,
        context._("Type the message again."),
        keyboard([[(context._("Cancel"), "in:cancel")]]),
    )
    return INTRO


async def cancel(update: Update, context: BotContext) -> int:
    _flow(context).pop("intro", None)
    await show(
        update,
        context,
        context._("Cancelled. Nothing was sent."),
        keyboard([[(context._("Back to results"), "of:pg:0")]]),
    )
    return ConversationHandler.END


async def _gone(update: Update, context: BotContext) -> int:
    if update.callback_query is not None:
        await answer(update.callback_query, context._("That button is no longer active."))
    return ConversationHandler.END


async def _recipients(
    context: BotContext, community_id: int, owner_id: int | None, sender_id: int
) -> list[User]:
    ids = [m.user_id for m in await context.repos.memberships.members(community_id)]
    if owner_id is not None and owner_id not in ids:
        ids.append(owner_id)
    users = [await context.repos.users.get(i) for i in ids]
    return [u for u in users if u is not None and u.active and u.id != sender_id]


async def _tell(
    context: BotContext, user: User, text: str, rows: list[list[tuple[str, str]]]
) -> bool:
    try:
        await context.bot.send_message(user.id, text, reply_markup=keyboard(rows) if rows else None)
    except Forbidden:
        await context.repos.users.set_active(user.id, False)
        return False
    return True


async def send(update: Update, context: BotContext) -> int:
    assert context.account is not None
    community = await own_community(update, context)
    draft = _flow(context).pop("intro", None)
    if community is None:
        return ConversationHandler.END
    if draft is None or not draft.get("message"):
        return await _gone(update, context)
    repos, _ = context.repos, context._
    post = await repos.posts.get(int(draft["post_id"]))
    if post is None or not post.visible_on(context.services.clock.now().date()):
        await show(update, context, _("This post is no longer shown."))
        return ConversationHandler.END
    introduction = await repos.introductions.create(
        post.id, context.account.id, community.id, post.community_id, draft["message"]
    )
    if introduction is None:
        await show(
            update, context, _("Your community has already sent an introduction about this post.")
        )
        return ConversationHandler.END
    await repos.audit.record(context.account.id, "introduction", introduction.id, "create")
    owner = await repos.communities.get(post.community_id)
    if await _deliver(context, introduction, post):
        text = _(
            "Sent to {partner}. You will get a message here when they answer.",
            partner=place(owner, context.t),
        )
    else:
        text = _(
            "Nobody from {partner} uses the bot yet. Your introduction is kept and reaches them"
            " as soon as someone from there joins; an operator has been told, so they can reach"
            " the municipality another way meanwhile.",
            partner=place(owner, context.t),
        )
        await _tell_operators(context, introduction, community, owner)
    await show(update, context, text, keyboard([[(_("Back to results"), "of:pg:0")]]))
    return ConversationHandler.END


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
    recipients = await _recipients(
        context, introduction.to_community_id, post.owner_id, introduction.from_user_id
    )
    delivered = 0
    for user in recipients:
        t = context.services.i18n.get(user.language)
        text = _introduction_text(
            t,
            asker.display_name if asker else t._("unknown"),
            asker_community,
            post.side,
            post.description,
            introduction.message,
        )
        rows = [
            [
                (t._("Accept"), f"in:ok:{introduction.id}"),
                (t._("Decline"), f"in:no:{introduction.id}"),
            ]
        ]
        delivered += await _tell(context, user, text, rows)
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
        t = context.services.i18n.get(asker.language)
        own = await repos.communities.get(community_id)
        text = t._(
            "Your introduction has reached {partner}: someone from there uses the bot now."
            " You will get a message here when they answer.",
            partner=place(own, t),
        )
        await _tell(context, asker, text, [])


def _introduction_text(
    t: Translator,
    asker: str,
    community: Community | None,
    side: str,
    description: str,
    message: str,
) -> str:
    about = t._("your offer") if side == OFFER else t._("your community's need")
    return t._(
        "Introduction: {name} of {community} is interested in {about}: “{post}”\n\nTheir"
        " message:\n{message}\n\nIf you accept, you both get each other's Telegram contact.",
        name=asker,
        community=place(community, t),
        about=about,
        post=excerpt(description, 120),
        message=message,
    )


async def _tell_operators(
    context: BotContext, introduction: Introduction, asker: Community, owner: Community | None
) -> None:
    for operator_id in sorted(context.services.settings.operators):
        user = await context.repos.users.get(operator_id)
        if user is None:
            continue
        t = context.services.i18n.get(user.language)
        text = t._(
            "An introduction from {asker} to {partner} is waiting: nobody from {partner} uses"
            " the bot yet.\n\nMessage: {message}",
            asker=place(asker, t),
            partner=place(owner, t),
            message=introduction.message,
        )
        await _tell(context, user, text, [])


async def decide(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None and context.account is not None
    introduction_id = _id(update)
    introduction = (
        await context.repos.introductions.get(introduction_id) if introduction_id else None
    )
    if introduction is None:
        return await _gone(update, context)
    membership = await context.repos.memberships.of(
        context.account.id, introduction.to_community_id
    )
    if membership is None or not membership.approved:
        await answer(
            update.callback_query,
            context._("Only people of the community asked can answer."),
            alert=True,
        )
        return ConversationHandler.END
    accept = (update.callback_query.data or "").startswith("in:ok:")
    if not await context.repos.introductions.decide(introduction.id, accept, context.account.id):
        await answer(
            update.callback_query,
            context._("This introduction has already been answered."),
            alert=True,
        )
        return ConversationHandler.END
    await context.repos.audit.record(
        context.account.id, "introduction", introduction.id, "accept" if accept else "decline"
    )
    repos, _ = context.repos, context._
    asker = await repos.users.get(introduction.from_user_id)
    asker_community = await repos.communities.get(introduction.from_community_id)
    own = await repos.communities.get(introduction.to_community_id)
    partnership = [(_("Start a partnership in the twinning guide"), f"in:ps:{introduction.id}")]
    if accept:
        text = _(
            "Accepted. Contact of {community}: {contact}",
            community=place(asker_community, context.t),
            contact=contact(asker, context.t),
        )
        await show(update, context, text, keyboard([partnership]))
    else:
        await show(update, context, _("Declined. Nothing was shared."))
    if asker is None:
        return ConversationHandler.END
    t = context.services.i18n.get(asker.language)
    if accept:
        answer_text = t._(
            "{partner} accepted your introduction. Their contact: {contact}",
            partner=place(own, t),
            contact=contact(context.account, t),
        )
        await _tell(
            context,
            asker,
            answer_text,
            [[(t._("Start a partnership in the twinning guide"), f"in:ps:{introduction.id}")]],
        )
    else:
        await _tell(
            context, asker, t._("{partner} declined your introduction.", partner=place(own, t)), []
        )
    return ConversationHandler.END


async def start_partnership(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None and context.account is not None
    introduction_id = _id(update)
    introduction = (
        await context.repos.introductions.get(introduction_id) if introduction_id else None
    )
    own_id = context.community_id
    if introduction is None or introduction.status != "accepted" or own_id is None:
        return await _gone(update, context)
    if own_id == introduction.from_community_id:
        other_id = introduction.to_community_id
    elif own_id == introduction.to_community_id:
        other_id = introduction.from_community_id
    else:
        return await _gone(update, context)
    own = await context.repos.communities.get(own_id)
    other = await context.repos.communities.get(other_id)
    if own is None or other is None or own.kind == other.kind:
        await answer(
            update.callback_query,
            context._("A partnership joins a Ukrainian community and a municipality abroad."),
            alert=True,
        )
        return ConversationHandler.END
    if own.kind == "ua":
        from handlers.twinning import start_with_partner

        await start_with_partner(update, context, other.id)
        return ConversationHandler.END
    repos, _ = context.repos, context._
    if await repos.partnerships.between(other.id, own.id) is None:
        created = await repos.partnerships.create(other.id, own.id, context.account.id)
        await repos.audit.record(context.account.id, "partnership", created.id, "create")
        text = _("The partnership with {partner} is created.", partner=place(other, context.t))
    else:
        text = _("The partnership with {partner} already exists.", partner=place(other, context.t))
    await show(update, context, text, keyboard([[(_("Twinning guide"), "menu:twinning")]]))
    return ConversationHandler.END


def handlers() -> list[BaseHandler[Any, BotContext, Any]]:
    return [
        CallbackQueryHandler(start, pattern=r"^in:new:\d+$"),
        CallbackQueryHandler(send, pattern=r"^in:send$"),
        CallbackQueryHandler(edit, pattern=r"^in:edit$"),
        CallbackQueryHandler(cancel, pattern=r"^in:cancel$"),
        CallbackQueryHandler(decide, pattern=r"^in:(ok|no):\d+$"),
        CallbackQueryHandler(start_partnership, pattern=r"^in:ps:\d+$"),
    ]
