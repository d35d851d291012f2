"""Finding the other side's posts: the search screen, typed words, sectors and kinds,
result pages, a post's card, and the match-notice settings.

Ukrainian communities search the offers of partner municipalities; partner municipalities
search the needs of Ukrainian communities.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.offers.model import other_side, side_for_community
from bot.domain.offers.search import query_tokens
from handlers.offers import screens
from handlers.offers.buttons import (
    NewSearch,
    NoticeSettings,
    OpenCard,
    ResultsPage,
    SearchPick,
    SearchScreen,
    TurnNotices,
)
from handlers.offers.common import own_community, present
from handlers.offers.drafts import Filters
from handlers.offers.states import SEARCH
from handlers.shared.screens import toast
from storage.communities import Community
from storage.offers import SearchPage


async def find_command(update: Update, context: BotContext) -> object:
    """`/find words`: search straight away; `/find` alone opens the search screen."""
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    filters = Filters(words=" ".join(context.args or []))
    filters.store(context)
    if filters.words:
        return await _results(update, context, community, filters)
    return await _search_screen(update, context, community, filters)


async def new_search(update: Update, context: BotContext, _press: NewSearch) -> object:
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    filters = Filters()
    filters.store(context)
    return await _search_screen(update, context, community, filters)


async def search_screen(update: Update, context: BotContext, _press: SearchScreen) -> object:
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    return await _search_screen(update, context, community, Filters.load(context))


async def _search_screen(
    update: Update, context: BotContext, community: Community, filters: Filters
) -> object:
    side = side_for_community(community.kind)
    await present(update, context, screens.search(side, filters, context.t))
    return SEARCH


async def pick(update: Update, context: BotContext, press: SearchPick) -> object:
    filters = Filters.load(context)
    if press.code:
        filters.toggle(press.among, press.code)
        filters.store(context)
    chosen = filters.chosen(press.among)
    await present(update, context, screens.picker(press.among, chosen, context.t))
    return SEARCH


async def typed_words(update: Update, context: BotContext) -> object:
    assert update.message is not None
    filters = Filters.load(context)
    filters.words, filters.page = update.message.text or "", 0
    return await _stored_results(update, context, filters)


async def results_page(update: Update, context: BotContext, press: ResultsPage) -> object:
    filters = Filters.load(context)
    filters.page = press.page
    return await _stored_results(update, context, filters)


async def _stored_results(update: Update, context: BotContext, filters: Filters) -> object:
    filters.store(context)
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    return await _results(update, context, community, filters)


async def _search(context: BotContext, community: Community, filters: Filters) -> SearchPage:
    side = other_side(side_for_community(community.kind))
    return await context.repos.posts.search(
        side,
        query_tokens(filters.words),
        filters.sectors,
        filters.kinds,
        await context.repos.posts.open_sectors(community.id),
        limit=screens.PAGE_SIZE,
        offset=filters.page * screens.PAGE_SIZE,
    )


async def _results(
    update: Update, context: BotContext, community: Community, filters: Filters
) -> object:
    found = await _search(context, community, filters)
    if found.total and not found.posts:  # a page past the end, e.g. an old button
        filters.page = (found.total - 1) // screens.PAGE_SIZE
        filters.store(context)
        found = await _search(context, community, filters)
    if not found.posts:
        await present(update, context, screens.nothing_found(context.t))
        return SEARCH
    owners = await context.repos.communities.list_by_ids([p.community_id for p in found.posts])
    communities = {c.id: c for c in owners}
    screen = screens.results(found.posts, found.total, filters.page, communities, context.t)
    await present(update, context, screen)
    return SEARCH


async def open_card(update: Update, context: BotContext, press: OpenCard) -> object:
    post = await context.repos.posts.get(press.post)
    today = context.services.clock.now().date()
    own = context.community_id
    if post is None or (not post.visible_on(today) and post.community_id != own):
        await toast(update, context._("This post is no longer shown."))
        return SEARCH
    community = await context.repos.communities.get(post.community_id)
    can_ask = own is not None and post.community_id != own
    page = Filters.load(context).page
    screen = screens.post_card(post, community, context.t, today, can_ask=can_ask, page=page)
    await present(update, context, screen)
    return SEARCH


async def notice_settings(update: Update, context: BotContext, _press: NoticeSettings) -> object:
    assert context.account is not None
    enabled = await context.repos.notices.enabled(context.account.id)
    await present(update, context, screens.notice_settings(enabled, context.t))
    return ConversationHandler.END


async def turn_notices(update: Update, context: BotContext, press: TurnNotices) -> object:
    assert context.account is not None
    await context.repos.notices.set_enabled(context.account.id, press.on)
    await present(update, context, screens.notice_settings(press.on, context.t))
    return ConversationHandler.END
