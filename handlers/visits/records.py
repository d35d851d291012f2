"""Saved visits: one visit's card, editing it through the log flow's summary, its history,
and deleting it (history kept). Either side of the visit may change it; the partner side
sees the direction from its own side, and its changes are stored from the author's side.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import N_
from bot.sectors import sector_labels
from bot.visits import DIRECTIONS, seen_from
from handlers.aid.common import data_parts, drop_draft
from handlers.aid.history import show_history as history_screen
from handlers.aid.home import home_markup
from handlers.shared.screens import Button, button_int, keyboard, show, toast
from handlers.visits.log import (
    FLOW,
    ask_summary,
    draft_of,
    refuse_stale_draft,
    schedule_reminders,
    steps,
)
from handlers.visits.render import announce_visit, visit_text
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


async def visit_of(update: Update, context: BotContext) -> Visit | None:
    """`vi:<action>:<id>`: the live visit if the presser's community is one of its sides."""
    parts = data_parts(update)
    raw = parts[2] if len(parts) > 2 else ""
    visit_id = button_int(raw)
    visit = await context.repos.visits.get(visit_id) if visit_id is not None else None
    mine = context.community_id
    if visit is None or mine not in (visit.community_id, visit.partner_id):
        await toast(update, context._("This visit is not one of your community's."))
        return None
    if visit.deleted:
        await toast(update, context._("Visit №{id} has been deleted.", id=visit.id))
        return None
    return visit


async def view_visit(
    update: Update, context: BotContext, visit: Visit | None = None, note: str = ""
) -> None:
    _ = context._
    visit = visit or await visit_of(update, context)
    if visit is None:
        return
    rows: list[list[Button]] = [
        [(_("Edit"), f"vi:ed:{visit.id}"), (_("History"), f"vi:h:{visit.id}")],
        [(_("Add outcomes"), f"vi:out:{visit.id}"), (_("Delete"), f"vi:del:{visit.id}")],
        [(_("Timeline"), "ai:tl:0:0"), (_("Aid and visits"), "menu:aid")],
    ]
    head = _("Visit №{id}", id=visit.id)
    if note:
        head = f"{note}\n\n{head}"
    await show(
        update, context, f"{head}\n\n{await visit_text(context, visit, context.t)}", keyboard(rows)
    )


async def edit_saved(update: Update, context: BotContext) -> object:
    """`vi:ed:<id>`: the saved visit comes back as a draft, straight to its summary."""
    visit = await visit_of(update, context)
    if visit is None or context.community_id is None:
        return ConversationHandler.END
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    by_author = visit.community_id == community.id
    drop_draft(context, FLOW)
    draft_of(context).update(
        visit_id=visit.id,
        by_author=by_author,
        community=community.id,
        own_kind=community.kind,
        partners=[visit.partner_id if by_author else visit.community_id],
        direction=seen_from(visit.direction, by_author),
        start=visit.start_date,
        end=visit.end_date,
        size=visit.delegation_size,
        leader=visit.leader,
        sectors=list(visit.sectors),
        note=visit.note,
    )
    return await ask_summary(update, context)


async def save_changes(update: Update, context: BotContext) -> object:
    """Confirm on the summary of a saved visit: changed fields, the old values in history."""
    assert context.account is not None
    _ = context._
    if await refuse_stale_draft(update, context):
        return ConversationHandler.END
    d = draft_of(context)
    visit = await context.repos.visits.get(d["visit_id"])
    if visit is None or visit.deleted:
        return await steps.end(update, context, _("This visit is not one of your community's."))
    values: dict[str, Any] = {
        "direction": seen_from(d["direction"], d["by_author"]),
        "start_date": d["start"],
        "end_date": d["end"],
        "delegation_size": d.get("size"),
        "leader": d.get("leader"),
        "sectors": tuple(d.get("sectors") or ()),
        "note": d.get("note"),
    }
    if d["by_author"]:
        partnership = await context.repos.partnerships.between(d["community"], d["partners"][0])
        values["partner_id"] = d["partners"][0]
        values["partnership_id"] = partnership.id if partnership else None
    updated = await context.repos.visits.update(visit.id, context.account.id, **values)
    drop_draft(context, FLOW)
    assert updated is not None
    if updated != visit:
        if (updated.start_date, updated.end_date) != (visit.start_date, visit.end_date):
            # The reminders follow the new dates; whoever logged the visit still gets them.
            await context.repos.reminders.cancel_prefix(f"vi:{visit.id}:")
            await schedule_reminders(context, updated, visit.created_by)
        await announce_visit(context, updated, "changed")
    await view_visit(
        update, context, updated, _("Changes saved; the history keeps the old values.")
    )
    return ConversationHandler.END


async def show_history(update: Update, context: BotContext) -> None:
    visit = await visit_of(update, context)
    if visit is None:
        return
    t = context.t
    ids = [visit.community_id, visit.partner_id]
    known = {c.id: c.title(t.lang) for c in await context.repos.communities.list_by_ids(ids)}

    def readable(name: str, value: Any) -> object:
        if name == "direction" and value in DIRECTIONS:
            return t._(DIRECTIONS[value])
        if name == "sectors" and isinstance(value, list):
            return ", ".join(sector_labels(value, t)) or None
        if name in ("community_id", "partner_id"):
            return known.get(value, value)
        return value

    await history_screen(
        update,
        context,
        context._("History of visit №{id}", id=visit.id),
        await context.repos.visits.history(visit.id),
        FIELD_LABELS,
        f"vi:r:{visit.id}",
        readable,
    )


async def ask_delete(update: Update, context: BotContext) -> None:
    _ = context._
    visit = await visit_of(update, context)
    if visit is None:
        return
    await show(
        update,
        context,
        _(
            "Delete visit №{id}? It disappears from the timeline and totals; its history is kept.",
            id=visit.id,
        ),
        keyboard([[(_("Delete"), f"vi:dl:{visit.id}"), (_("Back"), f"vi:r:{visit.id}")]]),
    )


async def delete_visit(update: Update, context: BotContext) -> None:
    assert context.account is not None
    visit = await visit_of(update, context)
    if visit is None:
        return
    deleted = await context.repos.visits.delete(visit.id, context.account.id)
    if deleted:
        await context.repos.reminders.cancel_prefix(f"vi:{visit.id}:")
    text = context._("Visit №{id} deleted.", id=visit.id)
    await show(update, context, text, home_markup(context))
