"""`/remind` and the Reminders menu: which handler answers each button and typed message.

Setting or changing a reminder is one flow (`form.py`, with its phrase step in `phrase.py`),
alive while its draft is; the list, calendar files and the buttons under a delivered
reminder work outside it, so an old message's buttons keep working.
"""

from __future__ import annotations

import secrets
from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    BaseHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from handlers.reminders import calendars, delivered, listing, phrase, screens
from handlers.reminders.buttons import Compose, Edit, ListPage
from handlers.reminders.common import listed, refuse_outsider
from handlers.reminders.form import DATE, FORM, PHRASE, ask_when, targets
from handlers.shared.buttons import pressed
from handlers.shared.flows import flow_conversation
from handlers.shared.navigation import GoTo, Place
from handlers.shared.screens import is_private

END = ConversationHandler.END


async def _fresh(update: Update, context: BotContext) -> tuple[dict[str, Any], dict[str, Any]]:
    """A new reminder's values and meta: it goes to the person unless they choose a group."""
    groups = await targets(context) if is_private(update) else []
    return {"to": None}, {"nonce": secrets.token_hex(4), "groups": groups}


async def remind_command(update: Update, context: BotContext) -> object:
    """`/remind`, or `/remind tomorrow at 9 call Jena` read straight away."""
    if await refuse_outsider(update, context):
        return END
    values, meta = await _fresh(update, context)
    if context.args:
        FORM.open(context, values, meta)
        return await phrase.understand(update, context, " ".join(context.args))
    return await FORM.start(update, context, values, meta)


async def compose(update: Update, context: BotContext, press: Compose) -> object:
    if await refuse_outsider(update, context):
        return END
    return await FORM.start(update, context, *await _fresh(update, context))


async def edit(update: Update, context: BotContext, press: Edit) -> object:
    """Change one's own reminder: its phrase typed again, its text kept unless retyped."""
    reminder = await listing.mine(update, context, press.reminder, automatic=False)
    if reminder is None:
        await listing.show_list(update, context, ListPage())
        return END
    values = {"text": reminder.text, "to": None}
    step = FORM.open(context, values, {"edit": reminder.id, "groups": []})
    now = screens.describe(context.t, await listed(context, reminder))
    return await ask_when(update, context, step, context._("Now: {text}", text=now))


async def menu_entry(update: Update, context: BotContext, press: GoTo) -> None:
    await listing.show_list(update, context, ListPage())


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    typed = filters.TEXT & ~filters.COMMAND
    return flow_conversation(
        app,
        FORM.name,
        entry_points=[CommandHandler("remind", remind_command), pressed(compose), pressed(edit)],
        states={
            PHRASE: [
                MessageHandler(typed, phrase.typed_phrase),
                pressed(phrase.quick),
                pressed(phrase.reading),
                pressed(phrase.retype),
                FORM.press_handler(),
            ],
            DATE: [MessageHandler(typed, phrase.typed_date), FORM.press_handler()],
            **FORM.states(),
        },
    )


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """The list, calendar files and the buttons under a delivered reminder."""
    return [
        GoTo.handler(menu_entry, when=lambda press: press.place is Place.REMINDERS),
        *(
            pressed(callback)
            for callback in (
                listing.show_list,
                listing.view,
                listing.ask_delete,
                listing.delete,
                listing.postpone,
                listing.turn_off,
                calendars.send_reminder,
                calendars.send_partnership,
                delivered.snooze,
                delivered.done,
                delivered.turn_off,
            )
        ),
    ]
