"""What the aid log and the visit log share in their conversations: a form whose partner
step is the picker, saving a new item or the changes to a saved one, the way out of a
one-step typed input (a handover act, a visit's outcomes), and the answer to stray text."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from telegram import Update
from telegram.ext import Application, BaseHandler, ConversationHandler, MessageHandler, filters

from bot.context import BotContext
from handlers.aid.common import TEXT
from handlers.aid.home import back_home
from handlers.aid.partners import PartnerStep
from handlers.aid.screens import home_markup
from handlers.shared.flows import flow_conversation
from handlers.shared.forms import Form, Save, Step
from handlers.shared.screens import show

Handlers = Sequence[BaseHandler[Any, Any, Any]]


def saving(form: Callable[[], Form], new: Save, changes: Save, saved: str) -> Save:
    """Confirm on the summary: the changes to the saved item whose id is `meta[saved]`, or a
    new item. A draft of another community than the one the person now acts for (they
    switched meanwhile) saves nothing."""

    async def save(update: Update, context: BotContext, step: Step) -> object:
        if step.meta.get("community") != context.community_id:
            form().drop(context)
            text = context._("That draft is no longer valid. Nothing was saved.")
            return await back_home(update, context, text)
        return await (changes if step.meta.get(saved) else new)(update, context, step)

    return save


async def expect_button(update: Update, context: BotContext) -> None:
    """Text where a step of the aid or visit log waits for a button."""
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))


def log_conversation(
    app: Application[Any, Any, Any, Any, Any, Any],
    name: str,
    partners: PartnerStep,
    entry_points: Handlers,
    states: dict[object, list[Any]],
    fallbacks: Handlers,
) -> ConversationHandler[Any]:
    """The form of `partners` and that partner step, with the log's other states, as a flow
    that lives while any of its drafts (`flow:<name>...`) does."""
    return flow_conversation(
        app,
        name,
        entry_points=list(entry_points),
        states={**partners.form().states(), **partners.states(), **states},
        fallbacks=[
            *fallbacks,
            MessageHandler(filters.ChatType.PRIVATE & TEXT, expect_button),
        ],
    )


def stop_typing(draft: str) -> Callable[[Update, BotContext, object], Awaitable[int]]:
    """Cancel of a one-step typed input whose draft is `user_data[draft]`."""

    async def stop(update: Update, context: BotContext, press: object) -> int:
        if context.user_data is not None:
            context.user_data.pop(draft, None)
        await show(
            update, context, context._("Cancelled. Nothing was saved."), home_markup(context.t)
        )
        return ConversationHandler.END

    return stop
