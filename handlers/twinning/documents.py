"""Sending the partnership's draft documents as .docx files in the chat."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import N_
from bot.twinning_document_facts import gather
from bot.twinning_documents import DOCUMENTS, build, file_name
from handlers.shared.screens import keyboard, show
from handlers.twinning.common import legal, partnership_for

LABELS = {
    "letter": N_("Letter of intent to the partner (Ukrainian and the partner's language)"),
    "note": N_("Explanatory note to the draft agreement"),
    "cover": N_("Cover letter to the ministry"),
    "decision": N_("Draft council decision approving the agreement"),
}


async def menu(update: Update, context: BotContext, raw_id: str) -> int:
    partnership = await partnership_for(update, context, raw_id)
    if partnership is None:
        return ConversationHandler.END
    _ = context._
    pid = partnership.id
    rows = [
        [(_("Letter of intent"), f"tw:dd:{pid}:letter")],
        [(_("Explanatory note"), f"tw:dd:{pid}:note")],
        [(_("Cover letter to the ministry"), f"tw:dd:{pid}:cover")],
        [(_("Draft council decision"), f"tw:dd:{pid}:decision")],
        [(_("All documents"), f"tw:dd:{pid}:all")],
        [(_("Back"), f"tw:c:{pid}")],
    ]
    text = _(
        "Documents filled in from what you have recorded, ready to sign: the letter of intent"
        " to the partner (in Ukrainian and the partner's language), the explanatory note, the"
        " cover letter to the ministry and the draft council decision. Blanks mark what is"
        " still missing."
    )
    await show(update, context, text, keyboard(rows))
    return ConversationHandler.END


async def send(update: Update, context: BotContext, raw_id: str, which: str) -> int:
    partnership = await partnership_for(update, context, raw_id)
    chat = update.effective_chat
    if partnership is None or chat is None:
        return ConversationHandler.END
    wanted = list(DOCUMENTS) if which == "all" else [which] if which in DOCUMENTS else []
    if not wanted:
        return await menu(update, context, raw_id)
    if update.callback_query is not None:
        await update.callback_query.answer(context._("Preparing the documents…"))
    facts = await gather(context.repos, partnership, context.services.clock.now().date())
    for key in wanted:
        await context.bot.send_document(
            chat.id,
            InputFile(build(key, facts, legal(context)), filename=file_name(key, facts)),
            caption=context._(LABELS[key]),
        )
    return ConversationHandler.END
