"""The community's own posts: the list, and what an owner can do to one: edit, pause,
resume, renew, close."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import N_
from handlers.offers import post as posting
from handlers.offers import screens
from handlers.offers.buttons import ChangePost, MyPosts, OwnPost, PostAction
from handlers.offers.common import own_community, present
from handlers.shared.screens import toast
from storage.communities import Community
from storage.offers import Post

DONE: dict[PostAction, str] = {
    "pause": N_("Paused: it is not shown in search until you resume it."),
    "resume": N_("Resumed: it is shown in search again."),
    "renew": N_("Renewed: it is shown again for its full period."),
    "close": N_("Closed: it is no longer shown."),
}


async def my_posts(update: Update, context: BotContext, _press: MyPosts | None = None) -> object:
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    posts = await context.repos.posts.for_community(community.id)
    today = context.services.clock.now().date()
    await present(update, context, screens.my_posts(community, posts, context.t, today))
    return ConversationHandler.END


async def _owned(
    update: Update, context: BotContext, post_id: int
) -> tuple[Community, Post] | None:
    """The community's post, or a refusal (and the list) for anyone else's."""
    community = await own_community(update, context)
    if community is None:
        return None
    post = await context.repos.posts.get(post_id)
    if post is None or post.community_id != community.id:
        await toast(update, context._("This post is not one of your community's."))
        await my_posts(update, context)
        return None
    return community, post


async def open_post(update: Update, context: BotContext, press: OwnPost) -> object:
    owned = await _owned(update, context, press.post)
    if owned is not None:
        await _show(update, context, *owned)
    return ConversationHandler.END


async def _show(
    update: Update, context: BotContext, community: Community, post: Post, notice: str | None = None
) -> None:
    today = context.services.clock.now().date()
    await present(update, context, screens.own_post(post, community, context.t, today, notice))


async def change(update: Update, context: BotContext, press: ChangePost) -> object:
    assert context.account is not None
    owned = await _owned(update, context, press.post)
    if owned is None:
        return ConversationHandler.END
    community, post = owned
    if press.action == "edit" and post.status != "closed":
        return await posting.edit(update, context, post)
    changed = press.action != "edit" and await _apply(context, post, press.action)
    if changed:
        await context.repos.audit.record(context.account.id, "post", post.id, press.action)
    post = await context.repos.posts.get(post.id) or post
    if changed and press.action in ("resume", "renew"):
        posting.match_in_background(context, post)
    notice = (
        context._(DONE[press.action])
        if changed
        else context._("Nothing changed: the post had already changed.")
    )
    await _show(update, context, community, post, notice)
    return ConversationHandler.END


async def _apply(context: BotContext, post: Post, action: PostAction) -> bool:
    """Whether the change took: a post changed meanwhile (e.g. closed) is left as it is."""
    posts = context.repos.posts
    if action == "pause":
        return await posts.set_status(post.id, ["active"], "paused")
    if action == "resume":
        return await posts.set_status(post.id, ["paused"], "active")
    if action == "renew":
        return await posts.renew(post.id) is not None
    return await posts.set_status(post.id, ["active", "paused"], "closed")
