"""`/codes`: an operator gives communities saved before the codifier their hromada.

At start every such community whose hromada is certain gets its code by itself (see
`bot.services.assign_codes`); the rest, and Ukrainian communities typed by hand, are listed
here, a button each. A community's screen offers the hromadas of its oblast with its name,
all oblasts one button away, and any other name typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CommandHandler, ConversationHandler, MessageHandler
from telegram.ext import filters as tg_filters

from bot.context import BotContext
from bot.i18n import Translator
from handlers.account.buttons import CodeFor, CodesList
from handlers.shared.flows import FLOW_PREFIX, flow_conversation
from handlers.shared.navigation import HOME
from handlers.shared.place_picker import Picked, PlacePicker, clip_label
from handlers.shared.screens import Button, keyboard, show, toast
from storage.communities import Community

ACTIVE = 1
DRAFT = FLOW_PREFIX + "codes"
PAGE = 8


def _draft(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})


def waiting_screen(
    t: Translator, waiting: Sequence[Community], note: str = ""
) -> tuple[str, InlineKeyboardMarkup]:
    """The communities without a code, a button each (the first page of them)."""
    rows: list[list[Button]] = [
        [(clip_label(community.official(t.lang)), CodeFor(community.id).data())]
        for community in waiting[:PAGE]
    ]
    rows.append([(t._("Main menu"), HOME.data())])
    if waiting:
        text = t.ngettext(
            "{n} Ukrainian community has no KATOTTG code: its name matches no hromada, or"
            " several. Choose it to give it its hromada.",
            "{n} Ukrainian communities have no KATOTTG code: their names match no hromada, or"
            " several. Choose one to give it its hromada.",
            len(waiting),
        )
    else:
        text = t._("Every Ukrainian community has its KATOTTG code.")
    return "\n\n".join(part for part in (note, text) if part), keyboard(rows)


async def show_list(update: Update, context: BotContext, note: str = "") -> int:
    """Every community still without a code, a button each."""
    if not context.is_operator:
        await toast(update, context._("Only an operator can do this."))
        return ConversationHandler.END
    _draft(context).clear()
    waiting = await context.repos.communities.unmatched()
    await show(update, context, *waiting_screen(context.t, waiting, note))
    return ACTIVE


async def open_list(update: Update, context: BotContext, press: CodesList) -> int:
    return await show_list(update, context)


async def open_community(update: Update, context: BotContext, press: CodeFor) -> int:
    community = await context.repos.communities.get(press.community)
    if community is None or community.kind != "ua":
        return await show_list(update, context)
    _draft(context).clear()
    _draft(context)["community"] = community.id
    query = community.name_uk or community.name
    await picker.search(update, context, query, region=community.region_code)
    return ACTIVE


async def _picked(update: Update, context: BotContext, picked: Picked) -> int:
    assert context.account is not None
    community_id = _draft(context).get("community")
    if picked.place is None or community_id is None or not context.is_operator:
        return await show_list(update, context)
    before = await context.repos.communities.get(int(community_id))
    community = await context.repos.communities.set_place(int(community_id), picked.place)
    if before is None or community is None:
        return await show_list(update, context)
    await context.repos.audit.record(
        context.account.id,
        "community",
        community.id,
        "set_code",
        {"before": before.katottg, "after": community.katottg},
    )
    note = context._(
        "{community}: {code}.", community=community.official(context.lang), code=community.katottg
    )
    return await show_list(update, context, note)


picker = PlacePicker(
    "cd",
    state=ACTIVE,
    store=_draft,
    side=lambda context: "ua",
    on_pick=_picked,
    back=lambda context: CodesList().data(),
    manual=lambda context: False,
)


async def take_text(update: Update, context: BotContext) -> int:
    if _draft(context).get("community"):
        return await picker.take_text(update, context)
    return await show_list(update, context)


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    private = tg_filters.ChatType.PRIVATE
    return flow_conversation(
        app,
        "codes",
        entry_points=[
            CommandHandler("codes", show_list, filters=private),
            CodesList.handler(open_list),
            CodeFor.handler(open_community),
        ],
        states={
            ACTIVE: [
                *picker.handlers(),
                MessageHandler(private & tg_filters.TEXT & ~tg_filters.COMMAND, take_text),
            ]
        },
    )
