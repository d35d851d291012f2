"""What the twinning guide's handlers share: access checks, names, reminders and group posts."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot import background
from bot.context import BotContext
from bot.domain import places
from bot.domain.twinning.deadlines import reschedule
from bot.domain.twinning.legal_facts import LegalFacts, load_legal_facts
from bot.i18n import Translator
from handlers.shared.flows import FLOW_PREFIX
from handlers.shared.screens import answer, is_private, show, toast
from handlers.twinning import screens
from storage.communities import Community
from storage.partnerships import Partnership, StepRecord
from storage.repositories import Repositories

_log = logging.getLogger(__name__)

# Every draft of the guide (the partner search, the step forms, the pause or end reason) has
# a name that begins with this, so leaving for another screen of the guide drops them all.
DRAFT_PREFIX = "tw"


def drop_drafts(context: BotContext) -> None:
    if context.user_data is not None:
        for key in [k for k in context.user_data if k.startswith(FLOW_PREFIX + DRAFT_PREFIX)]:
            context.user_data.pop(key, None)


def legal(context: BotContext) -> LegalFacts:
    return load_legal_facts(context.services.settings.legal_facts)


def today(context: BotContext) -> date:
    return context.services.clock.now().astimezone(ZoneInfo(context.tz)).date()


def community_name(community: Community | None, lang: str) -> str:
    """A community's name; a foreign one with its country, so partners are unambiguous."""
    if community is None:
        return "—"
    if community.kind == "foreign":
        country = places.country(community.country_code)
        if country is not None:
            return f"{community.title(lang)}, {country.name(lang)}"
    return community.title(lang)


async def names(repos: Repositories, partnership: Partnership, lang: str) -> tuple[str, str]:
    """The names of the partnership's two sides: the Ukrainian community, then the partner."""
    return (
        community_name(await repos.communities.get(partnership.community_id), lang),
        community_name(await repos.communities.get(partnership.partner_id), lang),
    )


async def refuse(update: Update, context: BotContext, text: str) -> None:
    """Say why a press or command cannot be done, with a way back to the guide."""
    if update.callback_query is not None:
        await answer(update.callback_query, text, alert=True)
    if is_private(update):
        await show(update, context, text, screens.back_home(context.t))


async def no_community(update: Update, context: BotContext) -> None:
    await refuse(
        update,
        context,
        context._(
            "The twinning guide is for officials of a community approved by an operator."
            " Send /start to choose your community."
        ),
    )


async def partnership_for(
    update: Update, context: BotContext, partnership_id: int, *, edit: bool = True
) -> Partnership | None:
    """The partnership a button names, if the user's community may see (or edit) it."""
    if context.community_id is None:
        await no_community(update, context)
        return None
    partnership = await context.repos.partnerships.get(partnership_id)
    allowed = (
        partnership is not None
        and partnership.visible_to(context.community_id)
        and (partnership.community_id == context.community_id or not edit)
    )
    if not allowed:
        await refuse(update, context, context._("This partnership is not available to you."))
        return None
    return partnership


async def active_with_steps(
    update: Update, context: BotContext, partnership_id: int
) -> tuple[Partnership, dict[str, StepRecord]] | None:
    """The partnership a button names and its steps' records, if the user's community leads
    it and it is active; says why not."""
    partnership = await partnership_for(update, context, partnership_id)
    if partnership is None:
        return None
    if partnership.status != "active":
        await toast(update, context._("This partnership is paused or ended: resume it first."))
        return None
    return partnership, await context.repos.partnerships.steps(partnership.id)


async def update_reminders(context: BotContext, partnership_id: int) -> None:
    repos = context.repos
    partnership = await repos.partnerships.get(partnership_id)
    if partnership is None:
        return
    await reschedule(
        repos,
        legal(context),
        partnership,
        await repos.partnerships.steps(partnership_id),
        context.services.clock.now(),
        context.services.settings.default_tz,
    )


async def remind_new_member(context: BotContext, community_id: int) -> None:
    """Someone was approved or invited: they get the reminders of the active partnerships.

    Rescheduling only adds what is missing; colleagues' reminders stay as they are, and a
    one-off reminder already delivered to the community is not sent to the newcomer.
    """
    for partnership in await context.repos.partnerships.for_community(community_id):
        if partnership.status == "active":
            await update_reminders(context, partnership.id)


async def post_to_groups(
    context: BotContext, partnership: Partnership, render: Callable[[Translator, str, str], str]
) -> None:
    """Post to every group linked to the partnership, each in the group's own language,
    after the person's answer and in the bulk lane."""
    background.start(
        context.application,
        _post_to_groups(context, partnership, render),
        name=f"twinning:groups:{partnership.id}",
        bulk=True,
    )


async def _post_to_groups(
    context: BotContext, partnership: Partnership, render: Callable[[Translator, str, str], str]
) -> None:
    repos = context.repos
    for chat_id in await repos.partnerships.linked_chats(partnership.id):
        chat = await repos.chats.get(chat_id)
        if chat is None or not chat.active:
            continue
        t = context.services.i18n.get(chat.language)
        community, partner = await names(repos, partnership, chat.language)
        try:
            await context.bot.send_message(chat_id, render(t, community, partner))
        except Forbidden:
            await repos.chats.set_active(chat_id, False)
        except TelegramError as error:
            _log.warning("could not post to group %s: %s", chat_id, error)
