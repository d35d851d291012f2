"""Writing to the operators: a topic and a message, checked on the summary, then sent to the
people who run the bot with who wrote it, so they can answer."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler, ConversationHandler, filters

from bot.context import BotContext
from bot.i18n import N_
from handlers.shared.flows import flow_conversation
from handlers.shared.forms import Field, Form, Step, free_text, labelled
from handlers.shared.navigation import HOME, GoTo, Place
from handlers.shared.screens import keyboard, show

MESSAGE_LIMIT = 2000
TOPICS = {
    "question": N_("Question"),
    "problem": N_("Problem"),
    "correction": N_("Data correction"),
    "other": N_("Other topic"),
}


async def _send(update: Update, context: BotContext, step: Step) -> object:
    settings = context.services.settings
    account = context.account
    assert account is not None
    community = (
        await context.repos.communities.get(context.membership.community_id)
        if context.membership
        else None
    )
    topic = TOPICS[step.values["topic"]]
    delivered = 0
    for target in settings.operator_targets:
        operator = await context.repos.users.get(target)
        t = context.services.i18n.get(operator.language if operator else None)
        text = t._(
            "Message from {name} ({who}), {community}\nTopic: {topic}\n\n{message}",
            name=account.display_name,
            who=f"@{account.username}" if account.username else f"id {account.id}",
            community=community.title(t.lang) if community else t._("no community yet"),
            topic=t._(topic),
            message=step.values["message"],
        )
        try:
            await context.bot.send_message(target, text)
            delivered += 1
        except TelegramError:
            continue
    FORM.drop(context)
    if delivered:
        notice = context._("Sent. The operators will answer you here or by Telegram.")
    else:
        notice = context._("The operators cannot be reached right now. Please try again later.")
    return await _leave(update, context, notice)


async def _leave(update: Update, context: BotContext, text: str) -> object:
    await show(update, context, text, keyboard([[(context._("Main menu"), HOME.data())]]))
    return ConversationHandler.END


FORM = Form(
    name="support",
    fields=(
        Field(
            "topic",
            N_("Topic"),
            prompt=lambda s: s._("What is it about?"),
            options=labelled(TOPICS),
        ),
        Field(
            "message",
            N_("Message"),
            prompt=lambda s: s._(
                "Type your message to the operators who run the bot, in any language."
            ),
            parse=free_text(MESSAGE_LIMIT, N_("Please type your message: this one was empty.")),
        ),
    ),
    save=_send,
    leave=_leave,
)


async def start(update: Update, context: BotContext, _press: GoTo | None = None) -> object:
    return await FORM.start(update, context)


def conversation(app: Application[Any, Any, Any, Any, Any, Any]) -> ConversationHandler[Any]:
    return flow_conversation(
        app,
        FORM.name,
        entry_points=[
            CommandHandler("support", start, filters=filters.ChatType.PRIVATE),
            GoTo.handler(start, when=lambda press: press.place is Place.SUPPORT),
        ],
        states=FORM.states(),
    )
