"""`/start`: language, role, the community (from the gazetteer or typed), and the claim.

A claim waits for an operator; an invitation link skips the wait. The flow's draft lives
in `user_data["flow:onboarding"]`, so a restart in the middle resumes at the same step.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.domain import places
from bot.i18n import LANGUAGES, N_, SPOKEN
from handlers.account.approvals import notify_operators
from handlers.account.invites import redeem_invite
from handlers.account.menu import main_menu_markup
from handlers.shared.flows import FLOW_PREFIX
from handlers.shared.navigation import HOME
from handlers.shared.place_picker import Picked, PlacePicker, Side, community_for
from handlers.shared.screens import columns, keyboard, show
from storage.communities import Community

# MANUAL_NAME and MANUAL_PLACE are steps of the place picker now; flows saved in them go on
# there.
LANGUAGE, ROLE, COMMUNITY, MANUAL_NAME, MANUAL_PLACE, CONFIRM = range(6)
DRAFT = FLOW_PREFIX + "onboarding"


def _draft(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})


async def start(update: Update, context: BotContext) -> int:
    assert context.account is not None
    if context.args:
        return await redeem_invite(update, context, context.args[0])
    if context.community_id is not None:
        text, markup = await main_menu_markup(context)
        await show(update, context, text, markup)
        return ConversationHandler.END
    if context.membership and context.membership.status == "pending":
        community = await context.repos.communities.get(context.membership.community_id)
        assert community is not None
        await show(
            update,
            context,
            context._(
                "Your request to act for {community} is waiting for an operator. You will get a"
                " message here as soon as it is decided.",
                community=community.title(context.lang),
            ),
            keyboard([[(context._("Choose another community"), "ob:again")]]),
        )
        return ConversationHandler.END
    return await ask_language(update, context)


async def ask_language(update: Update, context: BotContext) -> int:
    assert context.account is not None
    _draft(context).clear()
    current = context.account.language
    buttons = [
        (("✓ " if language.code == current else "") + language.name, f"ob:lang:{language.code}")
        for language in SPOKEN
    ]
    await show(
        update,
        context,
        context._(
            "Welcome to Twinbot: a guide for twinning partnerships between Ukrainian communities"
            " and municipalities abroad.\n\nChoose your language:"
        ),
        keyboard(columns(buttons)),
    )
    return LANGUAGE


async def choose_language(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None and context.account is not None
    lang = (update.callback_query.data or "").rsplit(":", 1)[-1]
    if lang not in LANGUAGES:
        return await ask_language(update, context)
    await context.repos.users.set_language(context.account.id, lang)
    context.account = await context.repos.users.get(context.account.id)
    return await ask_role(update, context)


async def ask_role(update: Update, context: BotContext) -> int:
    _ = context._
    await show(
        update,
        context,
        _("Who are you?"),
        keyboard(
            [
                [(_("Official of a Ukrainian community"), "ob:role:official")],
                [(_("Coordinator of a partner municipality abroad"), "ob:role:partner")],
                [(_("Back"), "ob:back:lang")],
            ]
        ),
    )
    return ROLE


async def choose_role(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None and context.account is not None
    role = (update.callback_query.data or "").rsplit(":", 1)[-1]
    if role not in ("official", "partner"):
        return await ask_role(update, context)
    _draft(context)["role"] = role
    await context.repos.users.set_role(context.account.id, role)
    return await ask_community(update, context)


async def ask_community(update: Update, context: BotContext) -> int:
    _ = context._
    picker.reset(context)
    if _draft(context).get("role") == "partner":
        text = _("Type the name of your municipality, district or county, e.g. Jena or Šiauliai.")
    else:
        text = _(
            "Type the name of your community or of its centre, e.g. Броварська громада,"
            " Бровари or Brovary."
        )
    await show(update, context, text, keyboard([[(_("Back"), "ob:back:role")]]))
    return COMMUNITY


def _side(context: BotContext) -> Side:
    return "foreign" if _draft(context).get("role") == "partner" else "ua"


def _name_prompt(context: BotContext) -> str:
    if _side(context) == "foreign":
        return N_("Type the official name of your municipality, district or county.")
    return N_(
        "Type the name of your community as it is officially written, e.g. Долинська міська"
        " територіальна громада."
    )


async def _picked(update: Update, context: BotContext, picked: Picked) -> int:
    draft = _draft(context)
    for key in ("place", "manual", "community"):
        draft.pop(key, None)
    if picked.place is not None:
        draft["place"] = picked.place.key
    elif picked.community_id is not None:
        draft["community"] = picked.community_id
    else:
        draft["manual"] = {"name": picked.name, "country": picked.country, "region": picked.region}
    return await ask_confirm(update, context)


picker = PlacePicker(
    "ob",
    state=COMMUNITY,
    store=_draft,
    side=_side,
    on_pick=_picked,
    back=lambda context: "ob:back:community",
    name_prompt=_name_prompt,
)


async def search_community(update: Update, context: BotContext) -> object:
    return await picker.take_text(update, context)


async def _draft_title(context: BotContext) -> str | None:
    draft = _draft(context)
    if draft.get("place"):
        place = places.get(draft["place"])
        if place is None:
            return None
        if place.katottg is None:
            return place.display(context.lang)
        code = context._("KATOTTG code: {code}", code=place.katottg)
        return f"{place.display(context.lang)}\n{code}"
    if draft.get("community"):
        community = await context.repos.communities.get(int(draft["community"]))
        return community.official(context.lang) if community else None
    manual = draft.get("manual") or {}
    if not manual.get("country") or not manual.get("name"):
        return None
    where: places.Region | places.Country | None = None
    if manual.get("region"):
        where = places.region(manual["region"])
    where = where or places.country(manual["country"])
    return f"{manual['name']}, {where.name(context.lang)}" if where else manual["name"]


async def ask_confirm(update: Update, context: BotContext) -> int:
    _ = context._
    title = await _draft_title(context)
    if title is None:
        return await ask_community(update, context)
    role = _draft(context).get("role")
    role_text = (
        _("Official of a Ukrainian community")
        if role == "official"
        else _("Coordinator of a partner municipality abroad")
    )
    text = _(
        "Please check:\n\nCommunity: {community}\nYou are: {role}\n\nAn operator will confirm"
        " that you act for this community before you can use its data.",
        community=title,
        role=role_text,
    )
    await show(
        update,
        context,
        text,
        keyboard(
            [
                [(_("Confirm"), "ob:confirm")],
                [(_("Edit"), "ob:back:community"), (_("Cancel"), "ob:cancel")],
            ]
        ),
    )
    return CONFIRM


async def _community_from_draft(context: BotContext) -> Community | None:
    assert context.account is not None
    draft = _draft(context)
    if draft.get("place"):
        place = places.get(draft["place"])
        picked = Picked(place=place) if place else None
    elif draft.get("community"):
        picked = Picked(community_id=int(draft["community"]))
    else:
        manual = draft.get("manual") or {}
        picked = Picked(
            name=manual.get("name"), country=manual.get("country"), region=manual.get("region")
        )
    return await community_for(context, picked, context.account.id) if picked else None


async def confirm(update: Update, context: BotContext) -> int:
    assert context.account is not None
    _ = context._
    community = await _community_from_draft(context)
    if community is None:
        return await ask_community(update, context)
    repos = context.repos
    existing = await repos.memberships.of(context.account.id, community.id)
    if existing and existing.approved:
        await repos.users.set_current_community(context.account.id, community.id)
        context.membership = existing
        text, markup = await main_menu_markup(context)
        await show(update, context, text, markup)
        _draft(context).clear()
        return ConversationHandler.END
    has_admin = any(m.role == "admin" for m in await repos.memberships.members(community.id))
    membership = await repos.memberships.claim(
        context.account.id, community.id, "member" if has_admin else "admin"
    )
    await repos.users.set_current_community(context.account.id, community.id)
    await repos.audit.record(context.account.id, "membership", membership.id, "claim")
    context.membership = membership
    _draft(context).clear()
    await show(
        update,
        context,
        _(
            "Thank you. Your request to act for {community} has been sent to an operator. You"
            " will get a message here as soon as it is decided.",
            community=community.title(context.lang),
        ),
        keyboard([[(_("Main menu"), HOME.data())]]),
    )
    await notify_operators(context, membership.id)
    return ConversationHandler.END


async def cancel_onboarding(update: Update, context: BotContext) -> int:
    _draft(context).clear()
    await show(
        update,
        context,
        context._("Cancelled. Nothing was saved. Send /start to begin again."),
    )
    return ConversationHandler.END


async def go_back(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    target = (update.callback_query.data or "").rsplit(":", 1)[-1]
    if target == "lang":
        return await ask_language(update, context)
    if target == "role":
        return await ask_role(update, context)
    return await ask_community(update, context)


async def expect_button(update: Update, context: BotContext) -> int | None:
    """Typed text where a button is expected: say so instead of ignoring the message."""
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))
    return None


def _back() -> BaseHandler[Update, BotContext, object]:
    return CallbackQueryHandler(go_back, pattern=r"^ob:back:")


def conversation() -> ConversationHandler[BotContext]:
    back = _back()
    text = filters.TEXT & ~filters.COMMAND
    place_step = [MessageHandler(text, search_community), *picker.handlers(), back]
    return ConversationHandler(
        name="onboarding",
        persistent=True,
        allow_reentry=True,
        entry_points=[
            CommandHandler("start", start, filters=filters.ChatType.PRIVATE),
            CallbackQueryHandler(ask_language, pattern=r"^ob:(again|new)$"),
        ],
        states={
            LANGUAGE: [CallbackQueryHandler(choose_language, pattern=r"^ob:lang:")],
            ROLE: [CallbackQueryHandler(choose_role, pattern=r"^ob:role:"), back],
            **dict.fromkeys((COMMUNITY, MANUAL_NAME, MANUAL_PLACE), place_step),
            CONFIRM: [
                CallbackQueryHandler(confirm, pattern=r"^ob:confirm$"),
                CallbackQueryHandler(cancel_onboarding, pattern=r"^ob:cancel$"),
                back,
            ],
        },
        fallbacks=[MessageHandler(filters.ChatType.PRIVATE & text, expect_button)],
    )
