"""What came of a visit: asked by the reminder the day after it ends, or from its card; and
the visit reminders' texts (the reminders are rows in the database, so they survive
restarts)."""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.parsing.text import check_text, clean
from bot.domain.visits.model import DIRECTION_SHORT, REMINDERS
from bot.i18n import N_, Translator
from bot.jobs.reminder_kinds import ReminderKinds, Rendered
from bot.services import Services
from handlers.aid.common import community_titles, format_day, text_problem
from handlers.aid.screens import home_markup
from handlers.shared.screens import show
from handlers.visits.buttons import AddOutcomes
from handlers.visits.form import NOTE_LIMIT
from handlers.visits.records import reminder_key, visit_of
from handlers.visits.screens import outcomes_prompt
from storage.reminders import Reminder

OUTCOMES = "outcomes"
DRAFT = "flow:visit_outcomes"


async def ask(update: Update, context: BotContext, press: AddOutcomes) -> object:
    visit = await visit_of(update, context, press.visit)
    if visit is None:
        return ConversationHandler.END
    assert context.user_data is not None
    context.user_data[DRAFT] = visit.id
    other = visit.partner_id if visit.community_id == context.community_id else visit.community_id
    partner = await community_titles(context, [other], context.lang)
    await show(update, context, *outcomes_prompt(context.t, partner))
    return OUTCOMES


async def take(update: Update, context: BotContext) -> object:
    assert update.message is not None and context.account is not None
    assert context.user_data is not None
    text = update.message.text or ""
    problem = check_text(text, NOTE_LIMIT)
    if problem is not None:
        await show(update, context, text_problem(context, problem, NOTE_LIMIT))
        return OUTCOMES
    visit_id = context.user_data.pop(DRAFT, None)
    visit = await context.repos.visits.get(visit_id) if isinstance(visit_id, int) else None
    if visit is None or context.community_id not in (visit.community_id, visit.partner_id):
        await show(update, context, context._("This visit is not one of your community's."))
        return ConversationHandler.END
    await context.repos.visits.set_outcomes(visit.id, context.account.id, clean(text))
    await context.repos.reminders.cancel_key(reminder_key(visit.id, "outcomes"))
    await show(update, context, context._("Outcomes saved. Thank you."), home_markup(context.t))
    return ConversationHandler.END


async def _render(services: Services, t: Translator, reminder: Reminder) -> Rendered | None:
    visit_id = reminder.payload.get("visit_id")
    visit = await services.repos.visits.get(int(visit_id)) if visit_id else None
    if visit is None or visit.deleted:
        return None
    what = reminder.kind.removeprefix("visit.")
    partner = await services.repos.communities.get(visit.partner_id)
    name = partner.title(t.lang) if partner else "—"
    kind = t._(DIRECTION_SHORT[visit.direction])
    if what == "outcomes":
        if visit.outcomes:
            return None
        text = t._(
            "How did the {kind} with {partner} go? Record its outcomes while they are fresh.",
            kind=kind,
            partner=name,
        )
        return text, [[AddOutcomes(visit.id).as_button(t._("Add outcomes"))]]
    days = 7 if what == "before7" else 1
    text = t.ngettext(
        "Reminder: the {kind} with {partner} starts in {n} day, on {date}.",
        "Reminder: the {kind} with {partner} starts in {n} days, on {date}.",
        days,
        kind=kind,
        partner=name,
        date=t.date(date.fromisoformat(visit.start_date)),  # a message: the long form
    )
    return text, []


async def _title(services: Services, t: Translator, reminder: Reminder) -> str | None:
    """`incoming visit with Jena, 3 December 2026` for the reminders list."""
    visit_id = reminder.payload.get("visit_id")
    visit = await services.repos.visits.get(int(visit_id)) if visit_id else None
    if visit is None:
        return None
    partner = await services.repos.communities.get(visit.partner_id)
    return t._(
        "{kind} with {partner}, {date}",
        kind=t._(DIRECTION_SHORT[visit.direction]),
        partner=partner.title(t.lang) if partner else "—",
        date=format_day(t, visit.start_date),
    )


def register_reminder_kinds(kinds: ReminderKinds) -> None:
    for what in REMINDERS:
        kinds.add(f"visit.{what}", _render, origin=N_("from the visit log"), title=_title)
