"""Partner offers and needs: the feature's screen, search, result pages and cards.

Ukrainian communities search the offers of partner municipalities; partner municipalities
search the needs of Ukrainian communities. Every `of:`/`nd:`/`in:` button is an entry point
of one conversation, so any of them works whatever step the person was at; the state only
says which typed text is expected (search words, a description, a value, a message).
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.offers import (
    KIND_CODES,
    KINDS,
    OFFER,
    known,
    other_side,
    side_for_community,
    valid_sectors,
)
from bot.offers_render import card, labels, list_line, sectors_text
from bot.offers_search import query_tokens
from bot.sectors import SECTORS
from handlers.offers import intro as offers_intro
from handlers.offers import post as offers_post
from handlers.offers.common import home, own_community
from handlers.offers.states import BUTTONS, DESCRIPTION, INTRO, SEARCH, VALUE
from handlers.shared.flows import FLOW_PREFIX
from handlers.shared.screens import Button, answer, button_int, button_page, columns, keyboard, show

DRAFT = FLOW_PREFIX + "offers"
PAGE_SIZE = 5


def search_draft(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    flow = context.user_data.setdefault(DRAFT, {})
    return flow.setdefault("search", {"q": "", "sectors": [], "kinds": [], "page": 0})


async def find_command(update: Update, context: BotContext) -> int:
    """`/find words`: search straight away; `/find` alone opens the search screen."""
    if await own_community(update, context) is None:
        return ConversationHandler.END
    draft = search_draft(context)
    draft.update(q="", sectors=[], kinds=[], page=0)
    if context.args:
        draft["q"] = " ".join(context.args)[:1000]
        return await results(update, context)
    return await search_screen(update, context)


async def new_search(update: Update, context: BotContext) -> int:
    search_draft(context).update(q="", sectors=[], kinds=[], page=0)
    return await search_screen(update, context)


async def search_screen(update: Update, context: BotContext) -> int:
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    _, t = context._, context.t
    draft = search_draft(context)
    looking_for = (
        _("Find offers of partner municipalities.")
        if side_for_community(community.kind) != OFFER
        else _("Find needs of Ukrainian communities.")
    )
    any_ = _("any")
    text = "\n".join(
        [
            looking_for,
            _("Type words in any language, or choose sectors and kinds of support below."),
            "",
            _(
                "Sectors: {sectors}",
                sectors=sectors_text(draft["sectors"], t) if draft["sectors"] else any_,
            ),
            _(
                "Kind of support: {kinds}",
                kinds=labels(KINDS, draft["kinds"], t) if draft["kinds"] else any_,
            ),
        ]
    )
    rows = [
        [(_("Sectors"), "of:sec"), (_("Kind of support"), "of:kind")],
        [(_("Show results"), "of:go")],
        [(_("Back"), "of:home")],
    ]
    await show(update, context, text, keyboard(rows))
    return SEARCH


def _toggled(selected: list[str], code: str) -> list[str]:
    return [c for c in selected if c != code] if code in selected else [*selected, code]


async def pick_sectors(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    draft = search_draft(context)
    code = (update.callback_query.data or "").removeprefix("of:sec").lstrip(":")
    if code:
        draft["sectors"] = valid_sectors(_toggled(draft["sectors"], code))
    chosen = set(draft["sectors"])
    buttons = [
        (("✓ " if s.code in chosen else "") + context._(s.label), f"of:sec:{s.code}")
        for s in SECTORS
    ]
    await show(
        update,
        context,
        context._("Choose one or more sectors, then press Done."),
        keyboard([*columns(buttons), [(context._("Done"), "of:back")]]),
    )
    return SEARCH


async def pick_kinds(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    draft = search_draft(context)
    code = (update.callback_query.data or "").removeprefix("of:kind").lstrip(":")
    if code:
        draft["kinds"] = known(_toggled(draft["kinds"], code), KIND_CODES)
    chosen = set(draft["kinds"])
    rows = [
        [(("✓ " if k.code in chosen else "") + context._(k.label), f"of:kind:{k.code}")]
        for k in KINDS
    ]
    await show(
        update,
        context,
        context._("Choose the kinds of support, then press Done."),
        keyboard([*rows, [(context._("Done"), "of:back")]]),
    )
    return SEARCH


async def typed_words(update: Update, context: BotContext) -> int:
    assert update.message is not None
    draft = search_draft(context)
    draft["q"] = (update.message.text or "")[:1000]
    draft["page"] = 0
    return await results(update, context)


async def go(update: Update, context: BotContext) -> int:
    search_draft(context)["page"] = 0
    return await results(update, context)


async def page(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    raw = (update.callback_query.data or "").rsplit(":", 1)[-1]
    search_draft(context)["page"] = button_page(raw)
    return await results(update, context)


async def results(update: Update, context: BotContext) -> int:
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    _, t = context._, context.t
    draft = search_draft(context)
    tokens = query_tokens(draft["q"])
    side = other_side(side_for_community(community.kind))
    boost = await context.repos.posts.open_sectors(community.id)
    number = int(draft.get("page", 0))
    found = await context.repos.posts.search(
        side,
        tokens,
        valid_sectors(draft["sectors"]),
        known(draft["kinds"], KIND_CODES),
        boost,
        limit=PAGE_SIZE,
        offset=number * PAGE_SIZE,
    )
    if found.total and not found.posts:  # a page past the end, e.g. an old button
        draft["page"] = number = max(0, (found.total - 1) // PAGE_SIZE)
        return await results(update, context)
    back = [(_("Change the search"), "of:find:keep"), (_("Back"), "of:home")]
    if not found.posts:
        text = _("Nothing found. Try fewer or shorter words, another language, or fewer sectors.")
        await show(update, context, text, keyboard([back]))
        return SEARCH
    pages = (found.total + PAGE_SIZE - 1) // PAGE_SIZE
    communities = {
        c.id: c
        for c in await context.repos.communities.list_by_ids([p.community_id for p in found.posts])
    }
    head = context.ngettext("{n} post found.", "{n} posts found.", found.total)
    if pages > 1:
        head += " " + _("Page {page} of {pages}.", page=number + 1, pages=pages)
    lines = [
        list_line(number * PAGE_SIZE + i, p, communities.get(p.community_id), t)
        for i, p in enumerate(found.posts, start=1)
    ]
    buttons: list[list[Button]] = [
        [
            (
                f"{number * PAGE_SIZE + i}. "
                + (
                    communities[p.community_id].title(context.lang)
                    if p.community_id in communities
                    else ""
                )[:40],
                f"of:card:{p.id}",
            )
        ]
        for i, p in enumerate(found.posts, start=1)
    ]
    nav: list[Button] = []
    if number > 0:
        nav.append((_("◀ Previous"), f"of:pg:{number - 1}"))
    if number + 1 < pages:
        nav.append((_("Next ▶"), f"of:pg:{number + 1}"))
    if nav:
        buttons.append(nav)
    buttons.append(back)
    await show(update, context, "\n\n".join([head, *lines]), keyboard(buttons))
    return SEARCH


async def open_card(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    raw = (update.callback_query.data or "").rsplit(":", 1)[-1]
    post_id = button_int(raw)
    post = await context.repos.posts.get(post_id) if post_id is not None else None
    today = context.services.clock.now().date()
    if post is None or (not post.visible_on(today) and post.community_id != context.community_id):
        await answer(update.callback_query, context._("This post is no longer shown."), alert=True)
        return SEARCH
    community = await context.repos.communities.get(post.community_id)
    _ = context._
    rows: list[list[Button]] = []
    if context.community_id is not None and post.community_id != context.community_id:
        rows.append([(_("I'm interested"), f"in:new:{post.id}")])
    rows.append([(_("Back to results"), "of:pg:" + str(search_draft(context).get("page", 0)))])
    await show(update, context, card(post, community, context.t, today), keyboard(rows))
    return SEARCH


async def notice_settings(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None and context.account is not None
    data = update.callback_query.data or ""
    notices = context.repos.notices
    if data in ("of:notice:on", "of:notice:off"):
        await notices.set_enabled(context.account.id, data.endswith(":on"))
    enabled = await notices.enabled(context.account.id)
    _ = context._
    text = "\n".join(
        [
            _(
                "When a new offer matches your community's needs (or a new need matches your"
                " offers), you get one digest a day at most."
            ),
            "",
            _("Match notices: on") if enabled else _("Match notices: off"),
        ]
    )
    toggle = (_("Turn off"), "of:notice:off") if enabled else (_("Turn on"), "of:notice:on")
    await show(update, context, text, keyboard([[toggle], [(_("Back"), "of:home")]]))
    return ConversationHandler.END


async def keep_search(update: Update, context: BotContext) -> int:
    return await search_screen(update, context)


async def expect_button(update: Update, context: BotContext) -> int | None:
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))
    return None


def conversation() -> ConversationHandler[BotContext]:
    text = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
    private = filters.ChatType.PRIVATE
    entry_points: list[Any] = [
        CallbackQueryHandler(home, pattern=r"^(menu:offers|of:home)$"),
        CommandHandler("find", find_command, filters=private),
        CallbackQueryHandler(new_search, pattern=r"^of:find$"),
        CallbackQueryHandler(keep_search, pattern=r"^of:(find:keep|back)$"),
        CallbackQueryHandler(pick_sectors, pattern=r"^of:sec(:[a-z_]+)?$"),
        CallbackQueryHandler(pick_kinds, pattern=r"^of:kind(:[a-z_]+)?$"),
        CallbackQueryHandler(go, pattern=r"^of:go$"),
        CallbackQueryHandler(page, pattern=r"^of:pg:\d+$"),
        CallbackQueryHandler(open_card, pattern=r"^of:card:\d+$"),
        CallbackQueryHandler(notice_settings, pattern=r"^of:notice(:on|:off)?$"),
        *offers_post.handlers(),
        *offers_intro.handlers(),
    ]
    return ConversationHandler(
        name="offers",
        persistent=True,
        allow_reentry=True,
        entry_points=entry_points,
        states={
            SEARCH: [MessageHandler(text, typed_words)],
            DESCRIPTION: [MessageHandler(text, offers_post.typed_description)],
            VALUE: [MessageHandler(text, offers_post.typed_value)],
            INTRO: [MessageHandler(text, offers_intro.typed_message)],
            BUTTONS: [],
        },
        fallbacks=[MessageHandler(text, expect_button)],
    )
