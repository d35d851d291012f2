"""Sending the partnership's draft documents as .docx files in the chat."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.twinning.documents import DOCUMENTS, UKRAINIAN, DocumentFacts
from bot.i18n import LANGUAGE_NAMES, LANGUAGES, N_, document_language
from handlers.shared.screens import show
from handlers.twinning import screens
from handlers.twinning.buttons import Documents, Download
from handlers.twinning.common import community_name, legal, partnership_for
from storage.partnerships import Partnership

END = ConversationHandler.END
LABELS = {
    "letter": N_("Letter of intent to the partner ({languages})"),
    "note": N_("Outline of the explanatory note"),
    "cover": N_("Cover letter to the ministry"),
}


async def menu(update: Update, context: BotContext, press: Documents | Download) -> int:
    partnership = await partnership_for(update, context, press.partnership)
    if partnership is not None:
        await show(update, context, *screens.documents(context.t, partnership.id))
    return END


async def _facts(context: BotContext, partnership: Partnership) -> DocumentFacts:
    repos = context.repos
    community = await repos.communities.get(partnership.community_id)
    partner = await repos.communities.get(partnership.partner_id)
    records = await repos.partnerships.steps(partnership.id)
    return DocumentFacts(
        community={lang: community_name(community, lang) for lang in LANGUAGES},
        partner={lang: community_name(partner, lang) for lang in LANGUAGES},
        facts={code: record.data for code, record in records.items()},
        today=context.services.clock.now().date(),
        official={lang: community.official(lang) for lang in LANGUAGES} if community else {},
        katottg=community.katottg if community else None,
        partner_language=document_language(partner.country_code if partner else None),
    )


async def send(update: Update, context: BotContext, press: Download) -> int:
    partnership = await partnership_for(update, context, press.partnership)
    chat = update.effective_chat
    if partnership is None or chat is None:
        return END
    which = press.document
    wanted = list(DOCUMENTS) if which == "all" else [which] if which in DOCUMENTS else []
    if not wanted:
        return await menu(update, context, press)
    if update.callback_query is not None:
        await update.callback_query.answer(context._("Preparing the documents…"))
    facts = await _facts(context, partnership)
    # Each language by its own name, as the language picker shows it.
    languages = " / ".join(LANGUAGE_NAMES[lang] for lang in (UKRAINIAN, facts.partner_language))
    for key in wanted:
        file_name, build = DOCUMENTS[key]
        data = build(context.services.i18n, facts, legal(context))
        await context.bot.send_document(
            chat.id,
            InputFile(data, filename=file_name),
            caption=context._(LABELS[key], languages=languages),
        )
    return END
