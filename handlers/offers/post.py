"""Posting an offer (partner municipalities) or a need (Ukrainian communities): one form whose
fields apply by side, and the save that creates the post or updates the one being edited.

The form's meta holds the side, the community it was opened for and, when editing, the post.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot import background
from bot.context import BotContext
from bot.domain.offers.digest import record_matches
from bot.domain.offers.model import (
    DEFAULT_DURATION,
    DURATION_DAYS,
    DURATIONS,
    KIND_CODES,
    KINDS,
    LANGUAGE_CODES,
    NEED,
    OFFER,
    STAFF_LANGUAGES,
    URGENCIES,
    URGENCY_CODES,
    Choice,
    known,
    side_for_community,
    valid_sectors,
)
from bot.domain.offers.render import details, duration_text, excerpt, value_text
from bot.domain.parsing.amounts import AmountError, parse_amount
from bot.domain.sectors import SECTORS, Sector
from bot.i18n import N_
from handlers.offers import screens
from handlers.offers.buttons import NewPost
from handlers.offers.common import no_longer_active, own_community, present, show_home, typed_text
from handlers.shared.forms import Condition, Field, Form, Option, Options, Prompt, Refusal, Step
from storage.offers import Post, PostDraft

DESCRIPTION_LIMIT = 2000


def _offering(step: Step) -> bool:
    return step.meta.get("side") == OFFER


def _needing(step: Step) -> bool:
    return not _offering(step)


def _choices(choices: Sequence[Choice | Sector]) -> Options:
    def options(step: Step) -> list[Option]:
        return [Option(choice.code, step._(choice.label)) for choice in choices]

    return options


def _answers(yes: str, no: str) -> Options:
    """Two buttons for a yes-or-no field, labelled by the answer they give."""
    return lambda step: [Option(True, step._(yes)), Option(False, step._(no))]


_PARTNERSHIP = _answers(N_("A lasting partnership"), N_("One-off help"))
_SEVERAL = _answers(N_("Yes, several communities"), N_("No, one community"))


def _durations(step: Step) -> list[Option]:
    return [Option(days, step._(label)) for days, label in DURATIONS]


def _sectors_prompt(step: Step) -> str:
    title = step._("New offer") if _offering(step) else step._("New need")
    return title + "\n\n" + step._("Step 1: choose the sectors, then press Next.")


def _kinds_prompt(step: Step) -> str:
    if _offering(step):
        return step._("Step 2: which kinds of support do you offer? Then press Next.")
    return step._("Step 2: which kinds of support would help? Then press Next.")


def _some_sector(value: Any, step: Step) -> Any:
    return value if value else Refusal(step._("Choose at least one sector."))


def _some_kind(value: Any, step: Step) -> Any:
    """An offer names what it gives; a need naming no kind takes any kind of support."""
    if value or not _offering(step):
        return value
    return Refusal(step._("Choose at least one kind of support."))


def _description(text: str, step: Step) -> str | Refusal:
    empty = step._("Please type the description: the message was empty.")
    return typed_text(text, DESCRIPTION_LIMIT, empty, step.context.t)


def _excerpt(value: Any, step: Step) -> str:
    return excerpt(str(value or ""), 300)


def _value(text: str, step: Step) -> dict[str, str] | Refusal:
    """An estimated value with its currency, kept as JSON: {"amount": "3900000", ...}."""
    try:
        amount = parse_amount(text)
    except AmountError:
        amount = None
    if amount is None or amount.currency is None:
        return Refusal(
            step._(
                "I could not read an amount with a currency. Type it like 3.9 million UAH or"
                " 100 000 EUR, or press Skip."
            )
        )
    return {"amount": str(amount.value), "currency": amount.currency}


def _value_shown(value: Any, step: Step) -> str:
    amount, currency = _amount(value)
    return value_text(amount, currency, step.context.t)


def _amount(value: Any) -> tuple[Decimal | None, str | None]:
    if not isinstance(value, dict) or not value.get("amount"):
        return None, None
    return Decimal(str(value["amount"])), value.get("currency") or None


def _flag(value: Any) -> bool | None:
    return None if value is None else bool(value)


def post_draft(values: Mapping[str, Any], meta: Mapping[str, Any]) -> PostDraft:
    """The post a form's values describe; fields of the other side are left empty."""
    offer = meta.get("side") == OFFER
    amount, currency = _amount(values.get("value")) if not offer else (None, None)
    duration = values.get("duration")
    urgency = values.get("urgency")
    return PostDraft(
        side=OFFER if offer else NEED,
        community_id=int(meta.get("community") or 0),
        description=str(values.get("description") or ""),
        sectors=valid_sectors(values.get("sectors") or []),
        kinds=known(values.get("kinds") or [], KIND_CODES),
        languages=known(values.get("languages") or [], LANGUAGE_CODES) if offer else [],
        open_to_several=_flag(values.get("several")) if offer else None,
        urgency=urgency if not offer and urgency in URGENCY_CODES else None,
        value_amount=amount,
        value_currency=currency,
        partnership=None if offer else _flag(values.get("partnership")),
        duration_days=duration if duration in DURATION_DAYS else DEFAULT_DURATION,
    )


def form_values(post: Post) -> dict[str, Any]:
    """A saved post as the form's values, to edit it from the summary."""
    values: dict[str, Any] = {
        "sectors": list(post.sectors),
        "kinds": list(post.kinds),
        "description": post.description,
        "duration": post.duration_days or 0,
    }
    if post.side == OFFER:
        values.update(languages=list(post.languages), several=post.open_to_several)
    else:
        value = None
        if post.value_amount is not None:
            value = {"amount": str(post.value_amount), "currency": post.value_currency}
        values.update(urgency=post.urgency, value=value, partnership=post.partnership)
    return values


def _summary_heading(step: Step) -> str:
    if _offering(step):
        return step._("Please check your offer:")
    return step._("Please check your need:")


def summary(step: Step) -> str:
    """The post as its card will read, with how long it is shown and its description."""
    t = step.context.t
    draft = post_draft(step.values, step.meta)
    shown_for = t._("Shown for: {duration}", duration=duration_text(draft.duration_days, t))
    return "\n".join([*details(draft, t), shown_for, "", draft.description])


async def save(update: Update, context: BotContext, step: Step) -> object:
    assert context.account is not None
    community = await own_community(update, context)
    if community is None:
        FORM.drop(context)
        return ConversationHandler.END
    if step.meta.get("community") != community.id:  # the person now acts for another one
        return await _stale(update, context)
    draft = post_draft(step.values, step.meta)
    draft.owner_id = context.account.id
    repos = context.repos
    if step.meta.get("post"):
        existing = await repos.posts.get(int(step.meta["post"]))
        if existing is None or existing.community_id != community.id:
            return await _stale(update, context)
        draft.owner_id, draft.ref, draft.demo = existing.owner_id, existing.ref, existing.demo
        post = await repos.posts.update(existing.id, draft, community)
        await repos.audit.record(context.account.id, "post", existing.id, "edit")
    else:
        post = await repos.posts.create(draft, community)
        await repos.audit.record(context.account.id, "post", post.id, "create")
    FORM.drop(context)
    assert post is not None
    if post.status == "active":
        match_in_background(context, post)
    today = context.services.clock.now().date()
    await present(update, context, screens.saved(post, community, context.t, today))
    return ConversationHandler.END


def match_in_background(context: BotContext, post: Post) -> None:
    """Record the matches of a post just published, after its author's answer: with tens
    of thousands of posts of the other side this takes a while."""
    background.start(
        context.application,
        record_matches(context.repos, post),
        name=f"offers:match:{post.id}",
    )


async def _stale(update: Update, context: BotContext) -> object:
    FORM.drop(context)
    await no_longer_active(update, context)
    return await leave(
        update, context, context._("That draft is no longer valid. Nothing was saved.")
    )


async def leave(update: Update, context: BotContext, text: str) -> object:
    return await show_home(update, context, text)


# What the fields ask whatever the side (sectors and kinds ask by side, above).
QUESTIONS = {
    "description": N_(
        "Step 3: describe it in a few sentences, in any language: what, for whom, and what"
        " has been done already."
    ),
    "languages": N_("Step 4: which languages does your staff speak?"),
    "urgency": N_("Step 4: how urgent is it?"),
    "value": N_(
        "Step 5: type the estimated value with its currency, e.g. 3.9 million UAH or"
        " 100 000 EUR, or press Skip."
    ),
    "partnership": N_("Step 6: are you looking for a partnership or one-off help?"),
    "duration": N_("How long should it be shown?"),
    "several": N_("Is the offer open to several communities?"),
}


def _asks(name: str) -> Prompt:
    return lambda step: step._(QUESTIONS[name])


def _one_of(name: str, label: str, options: Options, when: Condition | None = None) -> Field:
    return Field(name, label, _asks(name), options=options, width=1, when=when)


FORM = Form(
    name="post",
    fields=(
        Field(
            "sectors",
            N_("Sectors"),
            _sectors_prompt,
            options=_choices(SECTORS),
            multi=True,
            check=_some_sector,
        ),
        Field(
            "kinds",
            N_("Kind of support"),
            _kinds_prompt,
            options=_choices(KINDS),
            multi=True,
            width=1,
            check=_some_kind,
        ),
        Field(
            "description",
            N_("Description"),
            _asks("description"),
            parse=_description,
            show=_excerpt,
        ),
        Field(
            "languages",
            N_("Staff languages"),
            _asks("languages"),
            options=_choices(STAFF_LANGUAGES),
            multi=True,
            width=2,
            when=_offering,
        ),
        _one_of("urgency", N_("Urgency"), _choices(URGENCIES), _needing),
        Field(
            "value",
            N_("Estimated value"),
            _asks("value"),
            parse=_value,
            optional=True,
            show=_value_shown,
            when=_needing,
        ),
        _one_of("partnership", N_("Looking for"), _PARTNERSHIP, _needing),
        _one_of("duration", N_("Shown for"), _durations),
        _one_of("several", N_("Open to several communities"), _SEVERAL, _offering),
    ),
    save=save,
    leave=leave,
    summary=summary,
    summary_heading=_summary_heading,
)


async def start(update: Update, context: BotContext, press: NewPost) -> object:
    """Open the form for the side the person's community posts on."""
    community = await own_community(update, context)
    if community is None:
        return ConversationHandler.END
    side = side_for_community(community.kind)
    if press.side != side:  # a button shown before the person switched community
        await no_longer_active(update, context)
        return await show_home(update, context)
    return await FORM.start(update, context, meta={"side": side, "community": community.id})


async def edit(update: Update, context: BotContext, post: Post) -> object:
    """Reopen a saved post in the form, at its summary."""
    meta = {"side": post.side, "community": post.community_id, "post": post.id}
    return await FORM.start(update, context, form_values(post), meta, at_summary=True)
