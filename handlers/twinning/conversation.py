"""The guide's conversation: which handler answers each of its buttons, in which chat.

Every button of the guide is an entry point, so a press works from any screen and after a
restart, and each handler checks it against the user's community again. The states are the
partner's place picker (typed names) and the forms (a new partner, a step's facts, a reason
to pause or end).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import Application, BaseHandler, CommandHandler, ConversationHandler

from bot.context import BotContext
from handlers.shared.buttons import Button
from handlers.shared.flows import flow_conversation
from handlers.shared.navigation import GoTo, Place
from handlers.shared.screens import is_private, toast
from handlers.twinning import (
    addressee,
    buttons,
    documents,
    flow,
    groups,
    partner,
    plans,
    proposals,
    requisites,
    status,
    steps,
)
from handlers.twinning.common import DRAFT_PREFIX, drop_drafts

END = ConversationHandler.END
Callback = Callable[[Update, BotContext, Any], Awaitable[object]]
Plain = Callable[[Update, BotContext], Awaitable[object]]
FORMS = (
    *steps.FORMS.values(),
    plans.FORM,
    requisites.FORM,
    addressee.FORM,
    status.FORM,
    partner.FORM,
)


async def open_guide(update: Update, context: BotContext) -> object:
    """`/twinning`, `/status` and the menu button: the guide in private, the cards in a group."""
    if not is_private(update):
        return await groups.status(update, context)
    drop_drafts(context)
    return await flow.show_list(update, context)


async def open_card(update: Update, context: BotContext, card: buttons.Card) -> object:
    if is_private(update):
        return await flow.open_card(update, context, card)
    return await groups.show_here(update, context, card)


async def open_details(update: Update, context: BotContext, details: buttons.Details) -> object:
    if is_private(update):
        return await flow.open_details(update, context, details)
    return await groups.show_here(update, context, details)


def private(callback: Callback) -> Callback:
    """A button that works only in the private chat; in a group it says so."""

    async def run(update: Update, context: BotContext, press: Any) -> object:
        if not is_private(update):
            await toast(update, context._("Open the bot in a private chat to do this."))
            return END
        return await callback(update, context, press)

    return run


def in_group(callback: Callback) -> Callback:
    """A button of a group's screens; pressed in the private chat, it is out of date there."""

    async def run(update: Update, context: BotContext, press: Any) -> object:
        if is_private(update):
            return await flow.stale(update, context)
        return await callback(update, context, press)

    return run


def plain(callback: Plain) -> Callback:
    """A button whose handler needs no more than that it was pressed."""

    async def run(update: Update, context: BotContext, press: Any) -> object:
        return await callback(update, context)

    return run


# Each button of the guide and who answers it.
PRIVATE: dict[type[Button], Callback] = {
    buttons.Guide: flow.show_page,
    buttons.Law: plain(flow.show_law),
    buttons.OpenStep: steps.open_step,
    buttons.Plan: plans.open_plan,
    buttons.PlanSteps: plans.choose_step,
    buttons.Requisites: requisites.open_requisites,
    buttons.Addressee: addressee.open_addressee,
    buttons.Corrections: flow.choose_correction,
    buttons.History: flow.show_history,
    buttons.Documents: documents.menu,
    buttons.Download: documents.send,
    buttons.Pause: status.ask_reason,
    buttons.End: status.ask_reason,
    buttons.Resume: status.resume,
    buttons.Groups: groups.manage,
    buttons.UnlinkGroup: groups.unlink_from_private,
    # A new partnership: its partner is a form of one question (see `partner`).
    buttons.NewPartnership: plain(partner.ask_partner),
    buttons.Proposal: proposals.open_proposal,
    buttons.AcceptProposal: proposals.accept,
    buttons.DeclineProposal: proposals.decline,
    buttons.ProposeAgain: proposals.propose_again,
}
IN_GROUP: dict[type[Button], Callback] = {
    buttons.ChooseToLink: groups.choose,
    buttons.LinkHere: groups.link,
    buttons.UnlinkHere: groups.unlink_here,
}


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    return [
        GoTo.handler(plain(open_guide), when=lambda press: press.place is Place.TWINNING),
        buttons.Card.handler(open_card),
        buttons.Details.handler(open_details),
        *(kind.handler(private(callback)) for kind, callback in PRIVATE.items()),
        *(kind.handler(in_group(callback)) for kind, callback in IN_GROUP.items()),
        # A form's buttons after its draft is gone still get an answer.
        *(form.press_handler() for form in FORMS),
    ]


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    states: dict[object, list[BaseHandler[Any, Any, Any]]] = {**partner.PARTNER.states()}
    for form in FORMS:
        states.update(form.states())
    return flow_conversation(
        app,
        "twinning",
        drafts=(DRAFT_PREFIX,),
        entry_points=[CommandHandler(("twinning", "status"), open_guide), *handlers()],
        states=states,
    )
