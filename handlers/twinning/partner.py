"""Choosing the partner of a new partnership by name: from the gazetteer, the communities the
bot knows, or typed by hand with its country. When confirmed, the partnership opens.

The search keeps its own draft and waits for typed names in `PICKING`.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.parsing.text import TextProblem, check_name, clean
from bot.domain.twinning.workflow import looks_like_non_authority
from bot.gazetteer import get_gazetteer
from handlers.shared.flows import FLOW_PREFIX
from handlers.shared.screens import Button, keyboard, show
from handlers.twinning.buttons import (
    CreatePartnership,
    Guide,
    KeepTypedName,
    NewPartnership,
    PickCommunity,
    PickCountry,
    PickPlace,
    TypeByHand,
)
from handlers.twinning.common import DRAFT_PREFIX, community_name, no_community
from handlers.twinning.flow import stale, start_with_partner

MAX_RESULTS = 5
DRAFT = FLOW_PREFIX + DRAFT_PREFIX + "partner"
PICKING = 1  # the search waits for a typed name or country


def draft(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})


def clear_draft(context: BotContext) -> None:
    if context.user_data is not None:
        context.user_data.pop(DRAFT, None)


async def ask_partner(update: Update, context: BotContext) -> int:
    if context.community_id is None:
        await no_community(update, context)
        return ConversationHandler.END
    _ = context._
    draft(context).clear()
    draft(context).update(kind="new", expect="name")
    await show(
        update,
        context,
        _(
            "Who is the partner? Type the name of the municipality, district or county abroad,"
            " e.g. Jena or Gniezno County."
        ),
        keyboard([[(_("Back"), Guide().data())]]),
    )
    return PICKING


async def _search_partner(update: Update, context: BotContext, text: str) -> int:
    _ = context._
    repos = context.repos
    places = [
        p for p in get_gazetteer().search(text, limit=MAX_RESULTS * 2) if p.country_code != "UA"
    ]
    rows: list[list[Button]] = []
    seen: set[str] = set()
    for community_id in await repos.partnerships.partner_candidates(clean(text)):
        known = await repos.communities.get(community_id)
        if known is not None:
            seen.add(known.place_key or "")
            rows.append(
                [(community_name(known, context.lang)[:60], PickCommunity(known.id).data())]
            )
    for place in places:
        if place.key not in seen and len(rows) < MAX_RESULTS:
            rows.append([(place.display(context.lang)[:60], PickPlace.of_key(place.key).data())])
    if rows:
        reply = _(
            "Which one is it? If it is not in the list, type the name again or enter it by hand."
        )
    else:
        reply = _(
            "Nothing found for “{query}”. Check the spelling and type it again, or enter it by"
            " hand.",
            query=clean(text)[:60],
        )
    rows.append([(_("Not in the list"), TypeByHand().data())])
    rows.append([(_("Back"), Guide().data())])
    await show(update, context, reply, keyboard(rows))
    return PICKING


async def ask_manual(update: Update, context: BotContext) -> int:
    d = draft(context)
    if d.get("kind") != "new":
        return await stale(update, context)
    _ = context._
    d["expect"] = "manual"
    prompt = _("Type the official name of the partner in Latin script, e.g. Gniezno County.")
    rows: list[list[Button]] = [[(_("Back"), NewPartnership().data())]]
    typed = (d.get("manual") or {}).get("name")
    if typed:
        prompt = "\n\n".join([_("Now: {value}", value=typed), prompt])
        rows.insert(0, [(_("Keep as is"), KeepTypedName().data())])
    await show(update, context, prompt, keyboard(rows))
    return PICKING


async def keep_manual_name(update: Update, context: BotContext) -> int:
    d = draft(context)
    if d.get("kind") != "new" or not d.get("manual"):
        return await stale(update, context)
    return await _ask_country(update, context)


async def _ask_country(update: Update, context: BotContext) -> int:
    draft(context)["expect"] = "country"
    _ = context._
    await show(
        update,
        context,
        _("Type the partner's country, e.g. Poland or Lithuania."),
        keyboard([[(_("Back"), TypeByHand().data())]]),
    )
    return PICKING


async def _take_partner_text(update: Update, context: BotContext, text: str) -> int:
    _ = context._
    d = draft(context)
    problem = check_name(text)
    if problem is not None:
        message = {
            TextProblem.EMPTY: _("Please type a name: the message was empty."),
            TextProblem.TOO_LONG: _("That is too long: please type at most 100 characters."),
        }.get(problem, _("Please type the name in letters."))
        await show(update, context, message)
        return PICKING
    if d.get("expect") == "name":
        return await _search_partner(update, context, text)
    if d.get("expect") == "manual":
        d["manual"] = {"name": clean(text)}
        return await _ask_country(update, context)
    back = [(_("Back"), TypeByHand().data())]
    countries = [c for c in get_gazetteer().find_countries(text) if c.code != "UA"]
    if not countries:
        await show(
            update,
            context,
            _(
                "No country found for “{query}”. Type it again, e.g. Poland.",
                query=clean(text)[:60],
            ),
            keyboard([back]),
        )
        return PICKING
    rows = [[(c.name(context.lang), PickCountry(c.code).data())] for c in countries]
    await show(update, context, _("Which country?"), keyboard([*rows, back]))
    return PICKING


async def pick_partner(
    update: Update, context: BotContext, press: PickPlace | PickCommunity | PickCountry
) -> int:
    d = draft(context)
    if d.get("kind") != "new":
        return await stale(update, context)
    gazetteer = get_gazetteer()
    if isinstance(press, PickPlace) and gazetteer.get(press.key) is not None:
        d["partner"] = {"place": press.key}
    elif isinstance(press, PickCommunity):
        known = await context.repos.communities.get(press.community)
        if known is None or known.kind != "foreign":
            return await ask_partner(update, context)
        d["partner"] = {"community": known.id}
    elif (
        isinstance(press, PickCountry)
        and gazetteer.country(press.country) is not None
        and d.get("manual")
    ):
        d["partner"] = {"name": d["manual"]["name"], "country": press.country.upper()}
    else:
        return await ask_partner(update, context)
    d["expect"] = None
    return await confirm_partner_screen(update, context)


def _partner_title(context: BotContext, partner: dict[str, object]) -> str:
    gazetteer = get_gazetteer()
    if "place" in partner:
        place = gazetteer.get(str(partner["place"]))
        return place.display(context.lang) if place else "—"
    country = gazetteer.country(str(partner.get("country", "")))
    return f"{partner.get('name')}, {country.name(context.lang) if country else ''}"


async def confirm_partner_screen(update: Update, context: BotContext) -> int:
    _ = context._
    partner = draft(context).get("partner") or {}
    if "community" in partner:
        title = community_name(
            await context.repos.communities.get(int(partner["community"])), context.lang
        )
    else:
        title = _partner_title(context, partner)
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
    rows = [
        [(_("Confirm"), CreatePartnership().data())],
        [(_("Edit"), NewPartnership().data()), (_("Cancel"), Guide().data())],
    ]
    await show(update, context, "\n".join(lines), keyboard(rows))
    return PICKING


async def create_partnership(update: Update, context: BotContext) -> int:
    d = draft(context)
    partner = d.get("partner") if d.get("kind") == "new" else None
    if not partner:
        return await stale(update, context)
    if context.community_id is None:
        await no_community(update, context)
        return ConversationHandler.END
    assert context.account is not None
    repos = context.repos
    if "community" in partner:
        partner_community = await repos.communities.get(int(partner["community"]))
    elif "place" in partner:
        place = get_gazetteer().get(partner["place"])
        partner_community = (
            await repos.communities.from_place(place, created_by=context.account.id)
            if place
            else None
        )
    else:
        partner_community = await repos.communities.create(
            kind="foreign",
            name=partner["name"],
            country_code=partner["country"],
            unit_kind="municipality",
            created_by=context.account.id,
        )
    clear_draft(context)
    if partner_community is None:
        return await ask_partner(update, context)
    return await start_with_partner(update, context, partner_community.id)


async def take_text(update: Update, context: BotContext) -> int:
    """A typed name or country, when the search waits for one."""
    assert update.message is not None
    if draft(context).get("kind") == "new" and draft(context).get("expect"):
        return await _take_partner_text(update, context, update.message.text or "")
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))
    return PICKING
