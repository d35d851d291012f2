"""`/start`: language, role, the community (the shared place picker), and the claim.

A form of three questions: the language is applied as soon as it is chosen, so the rest is
asked in it; the community is picked among Ukrainian hromadas by an official and among
places abroad by a partner coordinator. Confirmed, the claim waits for an operator; an
invitation link (`/start <token>`) skips all of it. The draft lives in the form's
`user_data` entry, so a restart in the middle resumes at the same step.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import Application, CommandHandler, ConversationHandler, filters

from bot.context import BotContext
from bot.i18n import LANGUAGE_NAMES, N_
from handlers.account import screens
from handlers.account.approvals import notify_operators
from handlers.account.buttons import Begin
from handlers.account.invites import redeem_invite
from handlers.account.menu import show_menu
from handlers.shared.buttons import pressed
from handlers.shared.flows import flow_conversation
from handlers.shared.forms import Field, Form, Option, Step
from handlers.shared.place_field import PlaceField
from handlers.shared.place_picker import Picked, Side, community_for, picked_title
from handlers.shared.screens import show
from storage.communities import Community
from storage.memberships import Membership

END = ConversationHandler.END
PICKING = "onboarding:place"  # the picker's state: typed names and its buttons


async def start(update: Update, context: BotContext) -> object:
    """`/start`: an invitation, the menu of a member, a claim that waits, or onboarding."""
    if context.args:
        return await redeem_invite(update, context, context.args[0])
    if context.community_id is not None:
        return await show_menu(update, context)
    if context.membership and context.membership.status == "pending":
        community = await context.repos.communities.get(context.membership.community_id)
        assert community is not None
        await show(
            update, context, *screens.claim_waiting(context.t, community.title(context.lang))
        )
        return END
    return await FORM.start(update, context)


async def begin(update: Update, context: BotContext, press: Begin) -> object:
    return await FORM.start(update, context)


# The questions -----------------------------------------------------------------------------


def _languages(step: Step) -> list[Option]:
    return [Option(code, label) for code, label in screens.languages(step.context.lang)]


async def _speak(step: Step) -> None:
    """The language chosen is the person's from now on: the next questions are asked in it."""
    context = step.context
    assert context.account is not None
    await context.repos.users.set_language(context.account.id, step.values["language"])
    context.account = await context.repos.users.get(context.account.id)


def _roles(step: Step) -> list[Option]:
    return [Option(role, step._(label)) for role, label in screens.ROLES.items()]


def _side(step: Step) -> Side:
    return "foreign" if step.values.get("role") == "partner" else "ua"


def _asked_side(step: Step) -> None:
    """Remember which side the community is asked for: a role changed later keeps a pick of
    the same side."""
    step.meta["side"] = _side(step)


def _role_changed(step: Step) -> None:
    """A community of the other side is no longer the answer: it is asked again."""
    if step.meta.get("side") != _side(step):
        step.values.pop("community", None)


def _form() -> Form:
    return FORM


COMMUNITY = PlaceField(
    "ob",
    _form,
    "community",
    state=PICKING,
    prompt=lambda s: screens.community_question(s.context.t, s.values.get("role")),
    side=_side,
    opening=_asked_side,
    name_prompt=lambda s: screens.name_question(s.values.get("role")),
)


async def _summary(step: Step) -> str:
    picked = Picked.of_value(step.values.get("community"))
    title = await picked_title(step.context, picked) if picked else None
    code = picked.place.katottg if picked and picked.place else None
    return screens.claim_summary(step.context.t, title or "—", code, str(step.values["role"]))


# Confirmed or left -------------------------------------------------------------------------


async def _claim(update: Update, context: BotContext, step: Step) -> object:
    """Confirm: the person acts for the community at once if they already may, else their
    claim goes to the operators."""
    assert context.account is not None
    picked = Picked.of_value(step.values.get("community"))
    existing: Membership | None = None
    # The community, the role, the claim, the switch to it and the audit entry are saved
    # together: a failure in the middle leaves none of them.
    async with context.services.db.transaction():
        community = await community_for(context, picked, context.account.id) if picked else None
        if community is not None:
            await context.repos.users.set_role(context.account.id, step.values["role"])
            existing = await context.repos.memberships.of(context.account.id, community.id)
            if existing and existing.approved:
                await context.repos.users.set_current_community(context.account.id, community.id)
                context.membership = existing
            else:
                context.membership = await _claim_membership(context, community)
    if community is None:
        # What was picked is gone (a place no longer in the index): pick again.
        values = {k: v for k, v in step.values.items() if k != "community"}
        return await FORM.start(update, context, values)
    FORM.drop(context)
    if existing and existing.approved:
        return await show_menu(update, context)
    assert context.membership is not None
    await show(update, context, *screens.claim_sent(context.t, community.title(context.lang)))
    await notify_operators(context, context.membership.id)
    return END


async def _claim_membership(context: BotContext, community: Community) -> Membership:
    """The first claimant of a community becomes its admin once approved; later ones members."""
    assert context.account is not None
    repos = context.repos
    has_admin = any(m.role == "admin" for m in await repos.memberships.members(community.id))
    membership = await repos.memberships.claim(
        context.account.id, community.id, "member" if has_admin else "admin"
    )
    await repos.users.set_current_community(context.account.id, community.id)
    await repos.audit.record(context.account.id, "membership", membership.id, "claim")
    return membership


async def _leave(update: Update, context: BotContext, notice: str) -> int:
    return await show_menu(update, context, notice)


FORM = Form(
    name="onboarding",
    fields=(
        Field(
            "language",
            N_("Language"),
            prompt=lambda s: screens.language_question(s.context.t, first=not s.has("language")),
            options=_languages,
            show=lambda value, s: LANGUAGE_NAMES.get(value, ""),
            changed=_speak,
        ),
        Field(
            "role",
            N_("Role"),
            prompt=lambda s: s._("Who are you?"),
            options=_roles,
            width=1,
            changed=_role_changed,
        ),
        COMMUNITY.field(N_("Community")),
    ),
    save=_claim,
    leave=_leave,
    summary=_summary,
    summary_heading=lambda s: "",
)


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    command = CommandHandler("start", start, filters=filters.ChatType.PRIVATE)
    states = {**FORM.states(), **COMMUNITY.states()}
    return flow_conversation(app, FORM.name, entry_points=[command, pressed(begin)], states=states)
