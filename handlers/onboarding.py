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
from bot.gazetteer import Place, get_gazetteer
from bot.i18n import LANGUAGES
from bot.text_input import TextProblem, check_name, clean
from handlers.approvals import notify_operators
from handlers.common import FLOW_PREFIX, Button, columns, keyboard, show
from handlers.invites import redeem_invite
from handlers.menu import main_menu_markup
from storage.communities import Community
from storage.memberships import Membership

LANGUAGE, ROLE, COMMUNITY, MANUAL_NAME, MANUAL_PLACE, CONFIRM = range(6)
DRAFT = FLOW_PREFIX + "onboarding"
# Each language by its own name, the same for every reader (a picker must be readable by
# someone who does not read the current language), so these are never translated.
LANGUAGE_NAMES = {"uk": "Українська", "en": "English"}
MAX_RESULTS = 5


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
        (("✓ " if lang == current else "") + LANGUAGE_NAMES[lang], f"ob:lang:{lang}")
        for lang in LANGUAGES
    ]
    await show(
        update,
        context,
        context._(
            "Welcome to Twinbot: a guide for twinning partnerships between Ukrainian communities"
            " and municipalities abroad.\n\nChoose your language:"
        ),
        keyboard([buttons]),
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
    if _draft(context).get("role") == "partner":
        text = _("Type the name of your municipality, district or county, e.g. Jena or Šiauliai.")
    else:
        text = _("Type the name of your community, e.g. Бровари or Brovary.")
    await show(update, context, text, keyboard([[(_("Back"), "ob:back:role")]]))
    return COMMUNITY


def _place_label(place: Place, lang: str) -> str:
    return place.display(lang)[:60]


async def search_community(update: Update, context: BotContext) -> int:
    assert update.message is not None
    _ = context._
    text = update.message.text or ""
    problem = check_name(text)
    if problem is not None:
        await show(update, context, _problem_text(context, problem))
        return COMMUNITY
    partner = _draft(context).get("role") == "partner"
    places = [
        p
        for p in get_gazetteer().search(text, limit=MAX_RESULTS * 2)
        if (p.country_code != "UA") == partner
    ][:MAX_RESULTS]
    _draft(context)["typed"] = text.strip()
    buttons: list[list[Button]] = [
        [(_place_label(p, context.lang), f"ob:place:{p.key}")] for p in places
    ]
    buttons.append([(_("Not in the list"), "ob:manual")])
    buttons.append([(_("Back"), "ob:back:role")])
    if places:
        reply = _(
            "Which one is it? If it is not in the list, type the name again or enter it by hand."
        )
    else:
        reply = _(
            "Nothing found for “{query}”. Check the spelling and type it again, or enter it"
            " by hand.",
            query=text.strip()[:60],
        )
    await show(update, context, reply, keyboard(buttons))
    return COMMUNITY


async def pick_place(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    key = (update.callback_query.data or "").split(":", 2)[-1]
    place = get_gazetteer().get(key)
    if place is None:
        return await ask_community(update, context)
    _draft(context)["place"] = key
    _draft(context).pop("manual", None)
    return await ask_confirm(update, context)


async def ask_manual_name(update: Update, context: BotContext) -> int:
    _ = context._
    await show(
        update,
        context,
        _("Type the official name of your community, district or county in Latin script."),
        keyboard([[(_("Back"), "ob:back:community")]]),
    )
    return MANUAL_NAME


async def take_manual_name(update: Update, context: BotContext) -> int:
    assert update.message is not None
    problem = check_name(update.message.text or "")
    if problem is not None:
        await show(update, context, _problem_text(context, problem))
        return MANUAL_NAME
    _draft(context)["manual"] = {"name": clean(update.message.text or "")}
    _draft(context).pop("place", None)
    return await ask_manual_place(update, context)


async def ask_manual_place(update: Update, context: BotContext) -> int:
    _ = context._
    gazetteer = get_gazetteer()
    if _draft(context).get("role") == "partner":
        await show(
            update,
            context,
            _("Type the country, e.g. Germany or Lithuania."),
            keyboard([[(_("Back"), "ob:back:community")]]),
        )
        return MANUAL_PLACE
    regions = [
        (r.name(context.lang)[:40], f"ob:region:{r.code}")
        for r in gazetteer.ukrainian_regions(context.lang)
    ]
    await show(
        update,
        context,
        _("Choose the oblast:"),
        keyboard([*columns(regions), [(_("Back"), "ob:back:community")]]),
    )
    return MANUAL_PLACE


async def search_country(update: Update, context: BotContext) -> int:
    assert update.message is not None
    _ = context._
    text = update.message.text or ""
    problem = check_name(text)
    if problem is not None:
        await show(update, context, _problem_text(context, problem))
        return MANUAL_PLACE
    countries = [c for c in get_gazetteer().find_countries(text) if c.code != "UA"]
    if not countries:
        await show(
            update,
            context,
            _(
                "No country found for “{query}”. Type it again, e.g. Poland.",
                query=text.strip()[:60],
            ),
        )
        return MANUAL_PLACE
    buttons = [[(c.name(context.lang), f"ob:country:{c.code}")] for c in countries]
    await show(update, context, _("Which country?"), keyboard(buttons))
    return MANUAL_PLACE


async def pick_region(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None
    data = update.callback_query.data or ""
    kind, _sep, code = data.removeprefix("ob:").partition(":")
    gazetteer = get_gazetteer()
    manual = _draft(context).get("manual")
    if manual is None:
        return await ask_manual_name(update, context)
    if kind == "region" and gazetteer.region(code) is not None:
        manual.update(country="UA", region=code)
    elif kind == "country" and gazetteer.country(code) is not None:
        manual.update(country=code, region=None)
    else:
        return await ask_manual_place(update, context)
    return await ask_confirm(update, context)


def _draft_title(context: BotContext) -> str | None:
    draft = _draft(context)
    gazetteer = get_gazetteer()
    if draft.get("place"):
        place = gazetteer.get(draft["place"])
        return place.display(context.lang) if place else None
    manual = draft.get("manual") or {}
    if not manual.get("country"):
        return None
    if manual.get("region"):
        region = gazetteer.region(manual["region"])
        return f"{manual['name']}, {region.name(context.lang) if region else manual['region']}"
    country = gazetteer.country(manual["country"])
    return f"{manual['name']}, {country.name(context.lang) if country else manual['country']}"


async def ask_confirm(update: Update, context: BotContext) -> int:
    _ = context._
    title = _draft_title(context)
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
    repos = context.repos
    if draft.get("place"):
        place = get_gazetteer().get(draft["place"])
        if place is None:
            return None
        return await repos.communities.from_place(place, created_by=context.account.id)
    manual = draft.get("manual") or {}
    if not manual.get("country"):
        return None
    return await repos.communities.create(
        kind="ua" if manual["country"] == "UA" else "foreign",
        name=manual["name"],
        country_code=manual["country"],
        region_code=manual.get("region"),
        unit_kind="municipality",
        created_by=context.account.id,
    )


async def confirm(update: Update, context: BotContext) -> int:
    assert context.account is not None
    # The community, the claim, the switch to it and the audit entry are saved together.
    async with context.services.db.transaction():
        community = await _community_from_draft(context)
        if community is None:
            return await ask_community(update, context)
        membership = await _claim(update, context, community)
    if membership is not None:
        await notify_operators(context, membership.id)
    return ConversationHandler.END


async def _claim(update: Update, context: BotContext, community: Community) -> Membership | None:
    """Save the claim and show its screen; None when there is no new claim to announce."""
    assert context.account is not None
    _ = context._
    repos = context.repos
    existing = await repos.memberships.of(context.account.id, community.id)
    if existing and existing.approved:
        await repos.users.set_current_community(context.account.id, community.id)
        context.membership = existing
        text, markup = await main_menu_markup(context)
        await show(update, context, text, markup)
        _draft(context).clear()
        return None
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
        keyboard([[(_("Main menu"), "menu:home")]]),
    )
    return membership


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


def _problem_text(context: BotContext, problem: TextProblem) -> str:
    _ = context._
    if problem is TextProblem.EMPTY:
        return _("Please type a name: the message was empty.")
    if problem is TextProblem.TOO_LONG:
        return _("That is too long: please type at most 100 characters.")
    return _("Please type the name in letters.")


def _back() -> BaseHandler[Update, BotContext, object]:
    return CallbackQueryHandler(go_back, pattern=r"^ob:back:")


def conversation() -> ConversationHandler[BotContext]:
    back = _back()
    text = filters.TEXT & ~filters.COMMAND
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
            COMMUNITY: [
                MessageHandler(text, search_community),
                CallbackQueryHandler(pick_place, pattern=r"^ob:place:"),
                CallbackQueryHandler(ask_manual_name, pattern=r"^ob:manual$"),
                back,
            ],
            MANUAL_NAME: [MessageHandler(text, take_manual_name), back],
            MANUAL_PLACE: [
                MessageHandler(text, search_country),
                CallbackQueryHandler(pick_region, pattern=r"^ob:(region|country):"),
                back,
            ],
            CONFIRM: [
                CallbackQueryHandler(confirm, pattern=r"^ob:confirm$"),
                CallbackQueryHandler(cancel_onboarding, pattern=r"^ob:cancel$"),
                back,
            ],
        },
        fallbacks=[MessageHandler(filters.ChatType.PRIVATE & text, expect_button)],
    )
