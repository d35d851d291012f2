"""Choosing the partner of a new partnership: a form of one question answered by the shared
place picker (places abroad, the communities the bot knows, or a name typed with its
country). Its summary names both sides and warns when the partner does not look like a
local or regional authority; confirmed, the partnership opens."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.twinning.workflow import looks_like_non_authority
from bot.i18n import N_
from handlers.shared.forms import Form, Step
from handlers.shared.place_field import PlaceField
from handlers.shared.place_picker import Picked, community_for, picked_title
from handlers.twinning.common import DRAFT_PREFIX, community_name, drop_drafts, no_community
from handlers.twinning.flow import show_list, start_with_partner

PICKING = 1  # the picker's state: typed names and its buttons


async def ask_partner(update: Update, context: BotContext) -> object:
    """The guide's New partnership: the form opens at its question."""
    if context.community_id is None:
        await no_community(update, context)
        return ConversationHandler.END
    drop_drafts(context)
    return await FORM.start(update, context)


async def _summary(step: Step) -> str:
    context, _ = step.context, step._
    picked = Picked.of_value(step.values.get("partner"))
    title = (await picked_title(context, picked) if picked else None) or "—"
    community = await context.repos.communities.get(context.community_id or 0)
    lines = [
        _(
            "New partnership: {community} — {partner}.",
            community=community_name(community, context.lang),
            partner=title,
        )
    ]
    if looks_like_non_authority(title):
        lines += [
            "",
            _(
                "⚠️ “{partner}” does not look like a local or regional authority. Companies and"
                " international organisations are not covered by the law on international"
                " cooperation of communities: such an agreement cannot be registered.",
                partner=title,
            ),
        ]
    return "\n".join(lines)


async def _create(update: Update, context: BotContext, step: Step) -> object:
    picked = Picked.of_value(step.values.get("partner"))
    FORM.drop(context)
    if context.community_id is None:
        await no_community(update, context)
        return ConversationHandler.END
    assert context.account is not None
    partner = await community_for(context, picked, context.account.id) if picked else None
    if partner is None:
        return await ask_partner(update, context)
    return await start_with_partner(update, context, partner.id)


async def _leave(update: Update, context: BotContext, notice: str) -> int:
    return await show_list(update, context, notice=notice or None)


def _form() -> Form:
    return FORM


PARTNER = PlaceField(
    "tw",
    _form,
    "partner",
    state=PICKING,
    prompt=lambda s: s._(
        "Who is the partner? Type the name of the municipality, district or county abroad,"
        " e.g. Jena or Gniezno County."
    ),
    side=lambda s: "foreign",
    name_prompt=N_("Type the official name of the partner in Latin script, e.g. Gniezno County."),
    country_prompt=N_("Type the partner's country, e.g. Poland or Lithuania."),
)
FORM = Form(
    name=DRAFT_PREFIX + "new",
    fields=(PARTNER.field(N_("Partner")),),
    save=_create,
    leave=_leave,
    summary=_summary,
    summary_heading=lambda s: "",
    back_out=True,
    edit_menu=False,
)
