"""Sending the partnership's draft documents as .docx files in the chat."""

from __future__ import annotations

from babel import Locale
from telegram import InputFile, Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import N_
from handlers.shared.screens import show
from handlers.twinning import screens
from handlers.twinning.buttons import Documents, Download
from handlers.twinning.common import legal, partnership_for
from handlers.twinning.flow import show_list

END = ConversationHandler.END
LABELS = {
    "letter": N_("Letter of intent to the partner ({languages})"),
    "note": N_("Explanatory note to the draft agreement"),
    "cover": N_("Cover letter to the ministry"),
    "decision": N_("Draft council decision approving the agreement"),
}


def _languages(country_code: str) -> str:
    """The letter's two languages, each by its own name: «Українська / Deutsch»."""
    from bot.domain.twinning.document_facts import partner_language

    names = []
    for code in ("uk", partner_language(country_code)):
        name = Locale.parse(code).get_display_name(code) or code
        names.append(name[:1].upper() + name[1:])
    return " / ".join(names)


async def documents_screen(
    update: Update, context: BotContext, partnership_id: int | None, notice: str | None = None
) -> int:
    """The documents screen, saying which requisites are still missing; where a form of it
    left without its draft (gone stale), the list of partnerships."""
    from bot.domain.twinning.document_facts import missing_requisites

    if partnership_id is None:
        return await show_list(update, context, notice=notice)
    partnership = await partnership_for(update, context, partnership_id)
    if partnership is None:
        return END
    stored = await context.repos.requisites.get(partnership.community_id)
    missing = [context._(f.label) for f in missing_requisites(stored)]
    await show(update, context, *screens.documents(context.t, partnership.id, missing, notice))
    return END


async def menu(update: Update, context: BotContext, press: Documents | Download) -> int:
    return await documents_screen(update, context, press.partnership)


async def send(update: Update, context: BotContext, press: Download) -> int:
    # The documents' templates, declension and python-docx load with the first document
    # asked for, not at every start of the bot.
    from bot.domain.twinning.document_facts import gather, missing_requisites
    from bot.domain.twinning.documents import DOCUMENTS, build, file_name

    partnership = await partnership_for(update, context, press.partnership)
    chat = update.effective_chat
    if partnership is None or chat is None:
        return END
    which = press.document
    wanted = list(DOCUMENTS) if which == "all" else [which] if which in DOCUMENTS else []
    if not wanted:
        return await menu(update, context, press)
    if update.callback_query is not None:
        stored = await context.repos.requisites.get(partnership.community_id)
        preparing = context._("Preparing the documents…")
        if missing_requisites(stored):
            # The screen above lists them; the toast says what that means for these files.
            preparing += " " + context._("Requisites not given yet are lines to fill in by hand.")
        await update.callback_query.answer(preparing)
    facts = await gather(context.repos, partnership, context.services.clock.now().date())
    for key in wanted:
        await context.bot.send_document(
            chat.id,
            InputFile(build(key, facts, legal(context)), filename=file_name(key, facts)),
            caption=context._(LABELS[key], languages=_languages(facts.partner.country_code)),
        )
    return END
