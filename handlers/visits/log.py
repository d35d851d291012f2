"""Log visit: opening the form (fresh, or a saved visit at its summary), saving it, and its
reminders (rows in the database, so they survive restarts).

Either side of a visit may change it; the partner side sees the direction from its own side,
cannot move the visit to another community's log, and its changes are stored from the
author's side.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.visits.model import reminder_plan, seen_from
from bot.i18n import N_
from handlers.aid.buttons import LogVisit
from handlers.aid.common import community_titles
from handlers.aid.home import back_home
from handlers.aid.logbook import saving
from handlers.aid.partners import PartnerStep
from handlers.shared.forms import Form, Step
from handlers.shared.screens import show
from handlers.visits.buttons import EditVisit
from handlers.visits.form import fields
from handlers.visits.records import reminder_key, show_visit, visit_of
from handlers.visits.render import announce_visit
from handlers.visits.screens import saved_screen, summary_text
from storage.reminders import NewReminder
from storage.visits import NewVisit, Visit


async def start(update: Update, context: BotContext, press: LogVisit) -> object:
    if context.community_id is None:
        await show(update, context, context._("Send /start to choose the community you act for."))
        return ConversationHandler.END
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    meta = {"community": community.id, "own_kind": community.kind, "token": uuid.uuid4().hex}
    return await FORM.start(update, context, {}, meta)


async def reopen(update: Update, context: BotContext, press: EditVisit) -> object:
    """A saved visit comes back as a draft, straight to its summary."""
    visit = await visit_of(update, context, press.visit)
    if visit is None or context.community_id is None:
        return ConversationHandler.END
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    by_author = visit.community_id == community.id
    other = visit.partner_id if by_author else visit.community_id
    values: dict[str, Any] = {
        "direction": seen_from(visit.direction, by_author),
        "dates": {"start": visit.start_date, "end": visit.end_date},
        "size": visit.delegation_size,
        "leader": visit.leader,
        "sectors": list(visit.sectors),
        "note": visit.note,
    }
    meta = {"community": community.id, "own_kind": community.kind, "visit": visit.id}
    if by_author:
        values["partners"] = [other]
    else:
        meta.update(by_author=False, partner=other)
    return await FORM.start(update, context, values, meta, at_summary=True)


def by_author(step: Step) -> bool:
    return bool(step.meta.get("by_author", True))


def partner_of(step: Step) -> int:
    return int(step.values["partners"][0] if by_author(step) else step.meta["partner"])


async def summary(step: Step) -> str:
    context = step.context
    partner = await community_titles(context, [partner_of(step)], context.lang)
    return summary_text(context.t, step.values, partner)


def answers(step: Step) -> dict[str, Any]:
    """The fields a new visit and a change share, as the repository names them."""
    v = step.values
    return {
        "start_date": v["dates"]["start"],
        "end_date": v["dates"]["end"],
        "delegation_size": v.get("size"),
        "leader": v.get("leader"),
        "sectors": tuple(v.get("sectors") or ()),
        "note": v.get("note"),
    }


async def save_new(update: Update, context: BotContext, step: Step) -> object:
    """A new visit, saved once however often Confirm is pressed."""
    assert context.account is not None
    own, partner = step.meta["community"], partner_of(step)
    partnership = await context.repos.partnerships.between(own, partner)
    visit, created = await context.repos.visits.create(
        NewVisit(
            community_id=own,
            partner_id=partner,
            partnership_id=partnership.id if partnership else None,
            direction=step.values["direction"],
            created_by=context.account.id,
            client_token=step.meta["token"],
            **answers(step),
        )
    )
    FORM.drop(context)
    planned = 0
    if created:
        planned = await schedule_reminders(context, visit, context.account.id)
        await announce_visit(context, visit, "new")
    await show(update, context, *saved_screen(context.t, planned))
    return ConversationHandler.END


async def save_changes(update: Update, context: BotContext, step: Step) -> object:
    """Changed fields, the old values in history; the reminders follow new dates."""
    assert context.account is not None
    _ = context._
    visit = await context.repos.visits.get(step.meta["visit"])
    FORM.drop(context)
    if visit is None or visit.deleted:
        return await back_home(update, context, _("This visit is not one of your community's."))
    values: dict[str, Any] = {
        **answers(step),
        "direction": seen_from(step.values["direction"], by_author(step)),
    }
    if by_author(step):
        partner = partner_of(step)
        partnership = await context.repos.partnerships.between(step.meta["community"], partner)
        values["partner_id"] = partner
        values["partnership_id"] = partnership.id if partnership else None
    updated = await context.repos.visits.update(visit.id, context.account.id, **values)
    assert updated is not None
    if updated != visit:
        if (updated.start_date, updated.end_date) != (visit.start_date, visit.end_date):
            # Whoever logged the visit still gets the reminders.
            await context.repos.reminders.cancel_prefix(reminder_key(visit.id))
            await schedule_reminders(context, updated, visit.created_by)
        await announce_visit(context, updated, "changed")
    await show_visit(
        update, context, updated, _("Changes saved; the history keeps the old values.")
    )
    return ConversationHandler.END


async def schedule_reminders(context: BotContext, visit: Visit, user_id: int) -> int:
    """7 days and 1 day before, and an outcomes prompt the day after: rows in the database."""
    plan = reminder_plan(
        date.fromisoformat(visit.start_date),
        date.fromisoformat(visit.end_date),
        context.services.clock.now(),
        context.tz,
    )
    for what, due in plan:
        await context.repos.reminders.schedule(
            NewReminder(
                chat_id=user_id,
                kind=f"visit.{what}",
                due_at=due,
                owner_id=user_id,
                community_id=visit.community_id,
                partnership_id=visit.partnership_id,
                payload={"visit_id": visit.id},
                tz=context.tz,
                automatic=True,
                dedupe_key=reminder_key(visit.id, what),
            )
        )
    return len(plan)


def form() -> Form:
    return FORM


PARTNER = PartnerStep("vp", form, multi=False)
FORM = Form(
    name="visit",
    fields=fields(PARTNER.field(N_("Partner"), when=by_author)),
    save=saving(form, save_new, save_changes, "visit"),
    leave=back_home,
    summary=summary,
)
