"""The visit log's entry: its conversation (log a visit, edit a saved one, add outcomes), the
buttons outside it, and the visit reminders (stored as rows, so they survive restarts).
The steps live in `visit_log`, the saved visits in `visit_records`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, ConversationHandler, MessageHandler, filters

from bot.context import BotContext
from bot.i18n import Translator
from bot.reminder_kinds import Rendered, register_kind
from bot.services import Services
from bot.text_input import check_text, clean
from bot.visits import DIRECTION_SHORT
from handlers import visit_log, visit_records
from handlers.aid_common import TEXT, community_titles, draft, drop_draft, text_problem
from handlers.aid_home import home_markup
from handlers.aid_steps import expect_button
from handlers.common import keyboard, show
from storage.reminders import Reminder

OUTCOMES = "outcomes"
OUTCOMES_DRAFT = "visit_outcomes"


async def save(update: Update, context: BotContext) -> object:
    """Confirm on the summary: a new visit, or the changes to a saved one."""
    if visit_log.draft_of(context).get("visit_id"):
        return await visit_records.save_changes(update, context)
    return await visit_log.save(update, context)


# --------------------------------------------------------------------------- outcomes


async def ask_outcomes(update: Update, context: BotContext) -> object:
    visit = await visit_records.visit_of(update, context)
    if visit is None:
        return ConversationHandler.END
    drop_draft(context, OUTCOMES_DRAFT)
    draft(context, OUTCOMES_DRAFT)["visit"] = visit.id
    other = visit.partner_id if visit.community_id == context.community_id else visit.community_id
    partner = await community_titles(context, [other], context.lang)
    await show(
        update,
        context,
        context._(
            "What came out of the visit with {partner}? Type the outcomes: agreements,"
            " projects, next steps.",
            partner=partner,
        ),
        keyboard([[(context._("Cancel"), "vi:x")]]),
    )
    return OUTCOMES


async def take_outcomes(update: Update, context: BotContext) -> object:
    assert update.message is not None and context.account is not None
    text = update.message.text or ""
    problem = check_text(text, visit_log.NOTE_LIMIT)
    if problem is not None:
        await show(update, context, text_problem(context, problem, visit_log.NOTE_LIMIT))
        return OUTCOMES
    visit_id = draft(context, OUTCOMES_DRAFT).get("visit")
    drop_draft(context, OUTCOMES_DRAFT)
    visit = await context.repos.visits.get(visit_id) if visit_id else None
    if visit is None or context.community_id not in (visit.community_id, visit.partner_id):
        await show(update, context, context._("This visit is not one of your community's."))
        return ConversationHandler.END
    await context.repos.visits.set_outcomes(visit.id, context.account.id, clean(text))
    await context.repos.reminders.cancel_key(f"vi:{visit.id}:outcomes")
    await show(update, context, context._("Outcomes saved. Thank you."), home_markup(context))
    return ConversationHandler.END


# --------------------------------------------------------------------------- reminders


async def _render(services: Services, t: Translator, reminder: Reminder) -> Rendered | None:
    visit_id = reminder.payload.get("visit_id")
    visit = await services.repos.visits.get(int(visit_id)) if visit_id else None
    if visit is None or visit.deleted:
        return None
    what = reminder.kind.removeprefix("visit.")
    partner = await services.repos.communities.get(visit.partner_id)
    name = partner.title(t.lang) if partner else "—"
    kind = t._(DIRECTION_SHORT[visit.direction])
    day = t.date(date.fromisoformat(visit.start_date))  # a message: the long form
    if what == "outcomes":
        if visit.outcomes:
            return None
        text = t._(
            "How did the {kind} with {partner} go? Record its outcomes while they are fresh.",
            kind=kind,
            partner=name,
        )
        button = InlineKeyboardButton(t._("Add outcomes"), callback_data=f"vi:out:{visit.id}")
        return text, [[button]]
    days = 7 if what == "before7" else 1
    text = t.ngettext(
        "Reminder: the {kind} with {partner} starts in {n} day, on {date}.",
        "Reminder: the {kind} with {partner} starts in {n} days, on {date}.",
        days,
        kind=kind,
        partner=name,
        date=day,
    )
    return text, []


def register_reminder_kinds() -> None:
    for what in ("before7", "before1", "outcomes"):
        register_kind(f"visit.{what}", _render)


def conversation() -> ConversationHandler[BotContext]:
    log = visit_log
    skip = CallbackQueryHandler(log.skip, pattern=r"^vi:skip:")
    return ConversationHandler(
        name="visit",
        persistent=True,
        allow_reentry=True,
        entry_points=[
            CallbackQueryHandler(log.start, pattern=r"^vi:new$"),
            CallbackQueryHandler(visit_records.edit_saved, pattern=r"^vi:ed:\d+$"),
            CallbackQueryHandler(ask_outcomes, pattern=r"^vi:out:"),
        ],
        states={
            log.DIRECTION: [CallbackQueryHandler(log.take_direction, pattern=r"^vi:dir:")],
            **log.picker.states(),
            log.DATES: [MessageHandler(TEXT, log.take_dates)],
            log.SIZE: [MessageHandler(TEXT, log.take_size), skip],
            log.LEADER: [MessageHandler(TEXT, log.take_leader), skip],
            log.SECTORS_STEP: [
                CallbackQueryHandler(log.toggle_sector, pattern=r"^vi:s:"),
                CallbackQueryHandler(log.sectors_done, pattern=r"^vi:sd$"),
            ],
            log.NOTE: [MessageHandler(TEXT, log.take_note), skip],
            log.SUMMARY: [
                CallbackQueryHandler(save, pattern=r"^vi:save$"),
                CallbackQueryHandler(log.ask_edit, pattern=r"^vi:edit$"),
            ],
            log.EDIT: [
                CallbackQueryHandler(log.edit_field, pattern=r"^vi:e:"),
                CallbackQueryHandler(log.steps.back_to_summary, pattern=r"^vi:sum$"),
            ],
            OUTCOMES: [MessageHandler(TEXT, take_outcomes)],
        },
        fallbacks=[
            CallbackQueryHandler(log.steps.cancel, pattern=r"^vi:x$"),
            MessageHandler(filters.ChatType.PRIVATE & TEXT, expect_button),
        ],
    )


def handlers() -> list[Any]:
    """Buttons outside the flow: a saved visit's card, history and deletion."""
    return [
        CallbackQueryHandler(visit_records.view_visit, pattern=r"^vi:r:\d+$"),
        CallbackQueryHandler(visit_records.show_history, pattern=r"^vi:h:\d+$"),
        CallbackQueryHandler(visit_records.ask_delete, pattern=r"^vi:del:\d+$"),
        CallbackQueryHandler(visit_records.delete_visit, pattern=r"^vi:dl:\d+$"),
    ]
