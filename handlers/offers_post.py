"""Posting an offer (partner municipalities) or a need (Ukrainian communities), and the
owner's list of posts: edit, pause, resume, renew, close.

The draft lives in `user_data["flow:offers"]["post"]`; buttons carry `of:p:` for offers and
`nd:p:` for needs, and a button of the other kind than the draft's is treated as stale.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, ConversationHandler

from bot.context import BotContext
from bot.offers import (
    DEFAULT_DURATION,
    DURATION_DAYS,
    DURATIONS,
    KIND_CODES,
    KINDS,
    LANGUAGE_CODES,
    OFFER,
    STAFF_LANGUAGES,
    URGENCIES,
    URGENCY_CODES,
    known,
    side_for_community,
    valid_sectors,
)
from bot.offers_digest import match_in_background
from bot.offers_render import DraftFields, card, details, duration_text, excerpt, status_text
from bot.parsing.amounts import AmountError, parse_amount
from bot.sectors import SECTORS
from bot.text_input import TextProblem, check_text, clean
from handlers.common import FLOW_PREFIX, Button, answer, columns, keyboard, show
from handlers.offers_common import home, own_community
from handlers.offers_states import BUTTONS, DESCRIPTION, VALUE
from storage.communities import Community
from storage.offers import Post, PostDraft, draft_of

DRAFT = FLOW_PREFIX + "offers"
DESCRIPTION_LIMIT = 2000


def _flow(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data.setdefault(DRAFT, {})


def _draft(context: BotContext) -> dict[str, Any] | None:
    return _flow(context).get("post")


def _prefix(draft: dict[str, Any]) -> str:
    return "of:p" if draft["side"] == OFFER else "nd:p"


def _parts(update: Update) -> tuple[str, str, str]:
    """(side prefix, step, value) of a posting button such as `nd:p:sec:water`."""
    assert update.callback_query is not None
    pieces = (update.callback_query.data or "").split(":", 3)
    return pieces[0], pieces[2] if len(pieces) > 2 else "", pieces[3] if len(pieces) > 3 else ""


async def _stale(update: Update, context: BotContext) -> int:
    if update.callback_query is not None:
        await answer(update.callback_query, context._("That button is no longer active."))
    return await home(update, context)


async def start(update: Update, context: BotContext) -> int:
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    side = side_for_community(community.kind)
    prefix, _step, _value = _parts(update)
    if prefix != ("of" if side == OFFER else "nd"):
        return await _stale(update, context)
    _flow(context)["post"] = {
        "side": side,
        "post_id": None,
        "sectors": [],
        "kinds": [],
        "description": "",
        "languages": [],
        "open_to_several": None,
        "urgency": None,
        "value_amount": None,
        "value_currency": None,
        "partnership": None,
        "duration_days": DEFAULT_DURATION,
    }
    return await ask_sectors(update, context)


def _toggled(selected: list[str], code: str) -> list[str]:
    return [c for c in selected if c != code] if code in selected else [*selected, code]


async def ask_sectors(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    assert draft is not None
    chosen = set(draft["sectors"])
    p = _prefix(draft)
    buttons = [
        (("✓ " if s.code in chosen else "") + context._(s.label), f"{p}:sec:{s.code}")
        for s in SECTORS
    ]
    rows = [
        *columns(buttons),
        [(context._("Next"), f"{p}:kind"), (context._("Cancel"), f"{p}:cancel")],
    ]
    title = context._("New offer") if draft["side"] == OFFER else context._("New need")
    text = title + "\n\n" + context._("Step 1: choose the sectors, then press Next.")
    await show(update, context, text, keyboard(rows))
    return BUTTONS


async def ask_kinds(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    assert draft is not None
    chosen = set(draft["kinds"])
    p = _prefix(draft)
    rows = [
        [(("✓ " if k.code in chosen else "") + context._(k.label), f"{p}:kind:{k.code}")]
        for k in KINDS
    ]
    rows.append([(context._("Next"), f"{p}:desc"), (context._("Back"), f"{p}:sec")])
    if draft["side"] == OFFER:
        text = context._("Step 2: which kinds of support do you offer? Then press Next.")
    else:
        text = context._("Step 2: which kinds of support would help? Then press Next.")
    await show(update, context, text, keyboard(rows))
    return BUTTONS


async def ask_description(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    assert draft is not None
    p = _prefix(draft)
    _ = context._
    text = _(
        "Step 3: describe it in a few sentences, in any language: what, for whom, and what"
        " has been done already."
    )
    rows: list[list[Button]] = []
    if draft["description"]:
        text += "\n\n" + _("Now: {text}", text=excerpt(draft["description"], 300))
        rows.append([(_("Keep it"), f"{p}:keep")])
    rows.append([(_("Back"), f"{p}:kind"), (_("Cancel"), f"{p}:cancel")])
    await show(update, context, text, keyboard(rows))
    return DESCRIPTION


async def typed_description(update: Update, context: BotContext) -> int:
    assert update.message is not None
    draft = _draft(context)
    if draft is None:
        return ConversationHandler.END
    typed = update.message.text or ""
    problem = check_text(typed, DESCRIPTION_LIMIT)
    if problem is TextProblem.EMPTY:
        await show(
            update, context, context._("Please type the description: the message was empty.")
        )
        return DESCRIPTION
    if problem is TextProblem.TOO_LONG:
        await show(
            update,
            context,
            context._("That is too long: please type at most {n} characters.", n=DESCRIPTION_LIMIT),
        )
        return DESCRIPTION
    draft["description"] = clean(typed)
    return await after_description(update, context)


async def after_description(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    assert draft is not None
    if draft["side"] == OFFER:
        return await ask_languages(update, context)
    return await ask_urgency(update, context)


async def ask_languages(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    assert draft is not None
    chosen = set(draft["languages"])
    buttons = [
        (("✓ " if lang.code in chosen else "") + context._(lang.label), f"of:p:lang:{lang.code}")
        for lang in STAFF_LANGUAGES
    ]
    rows = [
        *columns(buttons, 3),
        [(context._("Next"), "of:p:dur"), (context._("Back"), "of:p:desc")],
    ]
    await show(
        update, context, context._("Step 4: which languages does your staff speak?"), keyboard(rows)
    )
    return BUTTONS


async def ask_urgency(update: Update, context: BotContext) -> int:
    rows = [[(context._(u.label), f"nd:p:urg:{u.code}")] for u in URGENCIES]
    rows.append([(context._("Back"), "nd:p:desc")])
    await show(update, context, context._("Step 4: how urgent is it?"), keyboard(rows))
    return BUTTONS


async def ask_value(update: Update, context: BotContext) -> int:
    _ = context._
    await show(
        update,
        context,
        _(
            "Step 5: type the estimated value with its currency, e.g. 3.9 million UAH or"
            " 100 000 EUR, or press Skip."
        ),
        keyboard([[(_("Skip"), "nd:p:val:skip")], [(_("Back"), "nd:p:urgency")]]),
    )
    return VALUE


async def typed_value(update: Update, context: BotContext) -> int:
    assert update.message is not None
    draft = _draft(context)
    if draft is None:
        return ConversationHandler.END
    try:
        amount = parse_amount(update.message.text or "")
    except AmountError:
        amount = None
    if amount is None or amount.currency is None:
        await show(
            update,
            context,
            context._(
                "I could not read an amount with a currency. Type it like 3.9 million UAH or"
                " 100 000 EUR, or press Skip."
            ),
            keyboard([[(context._("Skip"), "nd:p:val:skip")]]),
        )
        return VALUE
    draft["value_amount"], draft["value_currency"] = str(amount.value), amount.currency
    return await ask_partnership(update, context)


async def ask_partnership(update: Update, context: BotContext) -> int:
    _ = context._
    rows = [
        [(_("A lasting partnership"), "nd:p:ps:yes")],
        [(_("One-off help"), "nd:p:ps:no")],
        [(_("Back"), "nd:p:urgency")],
    ]
    await show(
        update,
        context,
        _("Step 6: are you looking for a partnership or one-off help?"),
        keyboard(rows),
    )
    return BUTTONS


async def ask_duration(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    assert draft is not None
    p = _prefix(draft)
    rows = [[(context._(label), f"{p}:dur:{days}")] for days, label in DURATIONS]
    await show(update, context, context._("How long should it be shown?"), keyboard(rows))
    return BUTTONS


async def ask_several(update: Update, context: BotContext) -> int:
    _ = context._
    rows = [
        [(_("Yes, several communities"), "of:p:sev:yes")],
        [(_("No, one community"), "of:p:sev:no")],
    ]
    await show(update, context, _("Is the offer open to several communities?"), keyboard(rows))
    return BUTTONS


async def summary(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    assert draft is not None
    p = _prefix(draft)
    t, _ = context.t, context._
    title = (
        _("Please check your offer:") if draft["side"] == OFFER else _("Please check your need:")
    )
    lines = [
        title,
        "",
        *details(DraftFields.of(draft), t),
        _("Shown for: {duration}", duration=duration_text(int(draft["duration_days"]), t)),
        "",
        draft["description"],
    ]
    rows = [[(_("Confirm"), f"{p}:ok")], [(_("Edit"), f"{p}:edit"), (_("Cancel"), f"{p}:cancel")]]
    await show(update, context, "\n".join(lines), keyboard(rows))
    return BUTTONS


def _post_draft(draft: dict[str, Any], community: Community, owner_id: int) -> PostDraft:
    offer = draft["side"] == OFFER
    return PostDraft(
        side=draft["side"],
        community_id=community.id,
        description=draft["description"],
        sectors=valid_sectors(draft["sectors"]),
        kinds=known(draft["kinds"], KIND_CODES),
        languages=known(draft["languages"], LANGUAGE_CODES) if offer else [],
        open_to_several=bool(draft["open_to_several"]) if offer else None,
        urgency=None if offer else draft["urgency"],
        value_amount=None if offer or not draft["value_amount"] else Decimal(draft["value_amount"]),
        value_currency=None if offer else draft["value_currency"],
        partnership=None if offer else bool(draft["partnership"]),
        duration_days=int(draft["duration_days"]),
        owner_id=owner_id,
    )


async def confirm(update: Update, context: BotContext) -> int:
    assert context.account is not None
    community = await own_community(update, context)
    draft = _draft(context)
    if community is None:
        return ConversationHandler.END
    if draft is None or draft["side"] != side_for_community(community.kind):
        return await _stale(update, context)
    posts, _ = context.repos.posts, context._
    new = _post_draft(draft, community, context.account.id)
    if draft.get("post_id"):
        existing = await posts.get(int(draft["post_id"]))
        if existing is None or existing.community_id != community.id:
            return await _stale(update, context)
        new.owner_id, new.ref, new.demo = existing.owner_id, existing.ref, existing.demo
        post = await posts.update(existing.id, new, community)
        await context.repos.audit.record(context.account.id, "post", existing.id, "edit")
    else:
        post = await posts.create(new, community)
        await context.repos.audit.record(context.account.id, "post", post.id, "create")
    _flow(context).pop("post", None)
    assert post is not None
    text = _("Saved. It is shown in search until the date on the card.")
    if post.status == "active":
        match_in_background(context.application, context.repos, post)
        text += "\n" + _("Matching posts of the other side will be in your daily digest.")
    await show(
        update,
        context,
        text + "\n\n" + card(post, community, context.t, context.services.clock.now().date()),
        keyboard([[(_("My posts"), "of:mine"), (_("Back"), "of:home")]]),
    )
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    _flow(context).pop("post", None)
    await show(update, context, context._("Cancelled. Nothing was saved."))
    return await home(update, context)


async def step(update: Update, context: BotContext) -> int:
    """Every posting button after the first: toggles, choices and moves between steps."""
    query = update.callback_query
    assert query is not None
    prefix, name, value = _parts(update)
    draft = _draft(context)
    if draft is None or prefix + ":p" != _prefix(draft):
        return await _stale(update, context)
    if name == "sec":
        if value:
            draft["sectors"] = valid_sectors(_toggled(draft["sectors"], value))
        return await ask_sectors(update, context)
    if name == "kind":
        if not value and not draft["sectors"]:
            await answer(query, context._("Choose at least one sector."), alert=True)
            return await ask_sectors(update, context)
        if value:
            draft["kinds"] = known(_toggled(draft["kinds"], value), KIND_CODES)
        return await ask_kinds(update, context)
    if name == "desc":
        if draft["side"] == OFFER and not draft["kinds"]:
            await answer(query, context._("Choose at least one kind of support."), alert=True)
            return await ask_kinds(update, context)
        return await ask_description(update, context)
    if name == "keep" and draft["description"]:
        return await after_description(update, context)
    if name == "lang" and draft["side"] == OFFER:
        if value:
            draft["languages"] = known(_toggled(draft["languages"], value), LANGUAGE_CODES)
        return await ask_languages(update, context)
    if name == "urgency":
        return await ask_urgency(update, context)
    if name == "urg" and value in URGENCY_CODES:
        draft["urgency"] = value
        return await ask_value(update, context)
    if name == "val" and value == "skip":
        draft["value_amount"] = draft["value_currency"] = None
        return await ask_partnership(update, context)
    if name == "ps" and value in ("yes", "no"):
        draft["partnership"] = value == "yes"
        return await ask_duration(update, context)
    if name == "dur" and not value:
        return await ask_duration(update, context)
    if name == "dur" and value.isdigit() and int(value) in DURATION_DAYS:
        draft["duration_days"] = int(value)
        return await (
            ask_several(update, context) if draft["side"] == OFFER else summary(update, context)
        )
    if name == "sev" and value in ("yes", "no"):
        draft["open_to_several"] = value == "yes"
        return await summary(update, context)
    if name == "edit":
        return await ask_sectors(update, context)
    if name == "ok" and draft["description"] and draft["sectors"]:
        return await confirm(update, context)
    if name == "cancel":
        return await cancel(update, context)
    return await _stale(update, context)


# ---------------------------------------------------------------- the owner's posts


async def _owned(update: Update, context: BotContext) -> tuple[Community, Post] | None:
    assert update.callback_query is not None
    community = await own_community(update, context)
    raw = (update.callback_query.data or "").rsplit(":", 1)[-1]
    post = await context.repos.posts.get(int(raw)) if raw.isdigit() else None
    if community is None:
        return None
    if post is None or post.community_id != community.id:
        await answer(
            update.callback_query,
            context._("This post is not one of your community's."),
            alert=True,
        )
        await my_posts(update, context)
        return None
    return community, post


async def my_posts(update: Update, context: BotContext) -> int:
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    _, t = context._, context.t
    today = context.services.clock.now().date()
    posts = (await context.repos.posts.for_community(community.id))[:20]
    rows: list[list[Button]] = [
        [(f"{i}. {status_text(p, t, today)} — {excerpt(p.description, 30)}", f"of:own:{p.id}")]
        for i, p in enumerate(posts, start=1)
    ]
    rows.append([(_("Back"), "of:home")])
    text = (
        _("Posts of {community}:", community=community.title(context.lang))
        if posts
        else _("Your community has no posts yet.")
    )
    await show(update, context, text, keyboard(rows))
    return ConversationHandler.END


async def manage(update: Update, context: BotContext, notice: str | None = None) -> int:
    owned = await _owned(update, context)
    if owned is None:
        return ConversationHandler.END
    community, post = owned
    _ = context._
    today = context.services.clock.now().date()
    rows: list[list[Button]] = []
    if post.status != "closed":
        toggle = (
            (_("Pause"), f"of:pause:{post.id}")
            if post.status == "active"
            else (_("Resume"), f"of:resume:{post.id}")
        )
        rows += [
            [(_("Edit"), f"of:edit:{post.id}"), toggle],
            [(_("Renew"), f"of:renew:{post.id}"), (_("Close"), f"of:close:{post.id}")],
        ]
    rows.append([(_("Back"), "of:mine")])
    text = card(post, community, context.t, today)
    await show(update, context, f"{notice}\n\n{text}" if notice else text, keyboard(rows))
    return ConversationHandler.END


async def change(update: Update, context: BotContext) -> int:
    assert update.callback_query is not None and context.account is not None
    owned = await _owned(update, context)
    if owned is None:
        return ConversationHandler.END
    post = owned[1]
    action = (update.callback_query.data or "").split(":")[1]
    posts, _ = context.repos.posts, context._
    notice: str | None = None
    if action == "pause":
        done = await posts.set_status(post.id, ["active"], "paused")
        notice = _("Paused: it is not shown in search until you resume it.") if done else None
    elif action == "resume":
        done = await posts.set_status(post.id, ["paused"], "active")
        notice = _("Resumed: it is shown in search again.") if done else None
    elif action == "renew":
        done = await posts.renew(post.id) is not None
        notice = _("Renewed: it is shown again for its full period.") if done else None
    elif action == "close":
        done = await posts.set_status(post.id, ["active", "paused"], "closed")
        notice = _("Closed: it is no longer shown.") if done else None
    elif action == "edit" and post.status != "closed":
        draft = draft_of(post)
        _flow(context)["post"] = {
            "side": post.side,
            "post_id": post.id,
            "sectors": draft.sectors,
            "kinds": draft.kinds,
            "description": draft.description,
            "languages": draft.languages,
            "open_to_several": draft.open_to_several,
            "urgency": draft.urgency,
            "value_amount": str(draft.value_amount) if draft.value_amount is not None else None,
            "value_currency": draft.value_currency,
            "partnership": draft.partnership,
            "duration_days": draft.duration_days or 0,
        }
        return await ask_sectors(update, context)
    if notice is None:
        notice = _("Nothing changed: the post had already changed.")
    else:
        await context.repos.audit.record(context.account.id, "post", post.id, action)
        if action in ("resume", "renew"):
            refreshed = await posts.get(post.id)
            if refreshed is not None:
                match_in_background(context.application, context.repos, refreshed)
    return await manage(update, context, notice)


def handlers() -> list[BaseHandler[Any, BotContext, Any]]:
    return [
        CallbackQueryHandler(start, pattern=r"^(of|nd):p:new$"),
        CallbackQueryHandler(step, pattern=r"^(of|nd):p:"),
        CallbackQueryHandler(my_posts, pattern=r"^of:mine$"),
        CallbackQueryHandler(manage, pattern=r"^of:own:\d+$"),
        CallbackQueryHandler(change, pattern=r"^of:(pause|resume|renew|close|edit):\d+$"),
    ]
