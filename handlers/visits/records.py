"""Saved visits: one visit's card, its history, and deleting it (history kept). Whoever
presses must act for one of the visit's two sides; editing reopens the log visit form."""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot.context import BotContext
from bot.domain.sectors import sector_labels
from bot.domain.visits.model import DIRECTIONS
from bot.i18n import N_
from handlers.aid.common import names_of
from handlers.aid.history import show_history
from handlers.aid.screens import home_markup
from handlers.shared.screens import show, toast
from handlers.visits.buttons import AskDeleteVisit, DeleteVisit, ViewVisit, VisitHistory
from handlers.visits.screens import delete_question, visit_card
from storage.visits import Visit

FIELD_LABELS = {
    "community_id": N_("Community"),
    "partner_id": N_("Partner"),
    "direction": N_("Kind of visit"),
    "start_date": N_("First day"),
    "end_date": N_("Last day"),
    "delegation_size": N_("Delegation"),
    "leader": N_("Leader"),
    "sectors": N_("Sectors"),
    "note": N_("Note"),
    "outcomes": N_("Outcomes"),
}


def reminder_key(visit_id: int, what: str = "") -> str:
    """A visit's reminder rows (`what` one of them; empty, the prefix of them all)."""
    return f"vi:{visit_id}:{what}"


async def visit_of(update: Update, context: BotContext, visit_id: int) -> Visit | None:
    """The live visit if the presser's community is one of its sides; tells them otherwise."""
    visit = await context.repos.visits.get(visit_id)
    if visit is None or context.community_id not in (visit.community_id, visit.partner_id):
        await toast(update, context._("This visit is not one of your community's."))
        return None
    if visit.deleted:
        await toast(update, context._("Visit №{id} has been deleted.", id=visit.id))
        return None
    return visit


async def show_visit(update: Update, context: BotContext, visit: Visit, note: str = "") -> None:
    names = await names_of(context, [visit.community_id, visit.partner_id], context.lang)
    await show(update, context, *visit_card(context.t, visit, names, note))


async def view(update: Update, context: BotContext, press: ViewVisit) -> None:
    visit = await visit_of(update, context, press.visit)
    if visit is not None:
        await show_visit(update, context, visit)


async def history(update: Update, context: BotContext, press: VisitHistory) -> None:
    visit = await visit_of(update, context, press.visit)
    if visit is None:
        return
    t = context.t
    known = await names_of(context, [visit.community_id, visit.partner_id], t.lang)

    def readable(name: str, value: Any) -> object:
        if name == "direction" and value in DIRECTIONS:
            return t._(DIRECTIONS[value])
        if name == "sectors" and isinstance(value, list):
            return ", ".join(sector_labels(value, t)) or None
        if name in ("community_id", "partner_id"):
            return known.get(value, value)
        return value

    title = context._("History of visit №{id}", id=visit.id)
    entries = await context.repos.visits.history(visit.id)
    await show_history(
        update, context, title, entries, FIELD_LABELS, ViewVisit(visit.id).data(), readable
    )


async def ask_delete(update: Update, context: BotContext, press: AskDeleteVisit) -> None:
    visit = await visit_of(update, context, press.visit)
    if visit is not None:
        await show(update, context, *delete_question(context.t, visit.id))


async def delete(update: Update, context: BotContext, press: DeleteVisit) -> None:
    assert context.account is not None
    visit = await visit_of(update, context, press.visit)
    if visit is None:
        return
    if await context.repos.visits.delete(visit.id, context.account.id):
        await context.repos.reminders.cancel_prefix(reminder_key(visit.id))
    text = context._("Visit №{id} deleted.", id=visit.id)
    await show(update, context, text, home_markup(context.t))
