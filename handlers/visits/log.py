"""Log visit: incoming, outgoing or online; the partner, the dates, the delegation, the
purpose; a summary with Confirm / Edit / Cancel; saving a new visit with its reminders.

The draft lives in `user_data["flow:visit"]` (JSON only). Editing a saved visit reuses these
steps and the summary (see `visit_records`).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import Translator
from bot.parsing.dates import DateError, parse_date_range
from bot.parsing.numbers import ascii_int
from bot.sectors import SECTORS, sector_labels
from bot.text_input import check_name, check_text
from bot.visits import DIRECTION_SHORT, DIRECTIONS, reminder_plan
from handlers.aid.common import (
    PartnerPicker,
    community_titles,
    data_parts,
    date_problem,
    draft,
    drop_draft,
    format_day,
)
from handlers.aid.steps import FlowSteps, today
from handlers.shared.screens import columns, keyboard, show
from handlers.visits.render import announce_visit
from storage.reminders import NewReminder
from storage.visits import NewVisit, Visit

FLOW = "visit"
NOTE_LIMIT = 1000
LEADER_LIMIT = 200
MAX_DELEGATION = 10_000
DIRECTION, DATES, SIZE, LEADER, SECTORS_STEP, NOTE, SUMMARY, EDIT = (
    "direction", "dates", "size", "leader", "sectors", "note", "summary", "edit",
)  # fmt: skip
ORDER = (DATES, SIZE, LEADER, SECTORS_STEP, NOTE)


def draft_of(context: BotContext) -> dict[str, Any]:
    return draft(context, FLOW)


async def start(update: Update, context: BotContext) -> object:
    if context.community_id is None:
        await show(update, context, context._("Send /start to choose the community you act for."))
        return ConversationHandler.END
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    drop_draft(context, FLOW)
    draft_of(context).update(
        token=uuid.uuid4().hex, community=community.id, own_kind=community.kind, partners=[]
    )
    return await ask_direction(update, context)


async def ask_direction(update: Update, context: BotContext) -> str:
    buttons = [[(context._(label), f"vi:dir:{code}")] for code, label in DIRECTIONS.items()]
    await show(
        update,
        context,
        context._("What kind of visit?"),
        keyboard([*buttons, *steps.nav(context)]),
    )
    return DIRECTION


async def take_direction(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    if code not in DIRECTIONS:
        return await ask_direction(update, context)
    d = draft_of(context)
    d["direction"] = code
    if d.get("editing") and d.get("partners"):
        return await ask_summary(update, context)
    return await picker.ask(update, context)


async def after_partner(update: Update, context: BotContext) -> object:
    return await steps.advance(update, context, "partner")


async def ask_dates(update: Update, context: BotContext) -> str:
    text = context._("When? Type one date or a range, e.g. 12.06.2026 or 12.06.2026–15.06.2026.")
    return await steps.ask_typed(update, context, text, DATES)


async def take_dates(update: Update, context: BotContext) -> object:
    assert update.message is not None
    try:
        start_day, end_day = parse_date_range(update.message.text or "", today=today(context))
    except DateError as error:
        await show(update, context, date_problem(context, error.code))
        return DATES
    d = draft_of(context)
    d["start"], d["end"] = start_day.isoformat(), end_day.isoformat()
    return await steps.advance(update, context, DATES)


async def ask_size(update: Update, context: BotContext) -> str:
    text = context._("How many people are in the delegation? Type a number.")
    return await steps.ask_typed(update, context, text, SIZE, skip=True)


async def take_size(update: Update, context: BotContext) -> object:
    assert update.message is not None
    text = (update.message.text or "").strip()
    size = ascii_int(text, low=1, high=MAX_DELEGATION)
    if size is None:
        await show(update, context, context._("Please type the number of people, e.g. 5."))
        return SIZE
    draft_of(context)[SIZE] = size
    return await steps.advance(update, context, SIZE)


async def ask_leader(update: Update, context: BotContext) -> str:
    text = context._("Who leads the delegation? E.g. Mayor Ihor Sapozhko.")
    return await steps.ask_typed(update, context, text, LEADER, skip=True)


async def take_leader(update: Update, context: BotContext) -> object:
    return await steps.take_typed(update, context, LEADER, check_name, LEADER_LIMIT)


async def ask_sectors(update: Update, context: BotContext) -> str:
    _ = context._
    chosen = set(draft_of(context).setdefault("sectors", []))
    buttons = [(("✓ " if s.code in chosen else "") + _(s.label), f"vi:s:{s.code}") for s in SECTORS]
    await show(
        update,
        context,
        _("What is the visit about? Choose one or more sectors, then press Done."),
        keyboard([*columns(buttons), *steps.nav(context, (_("Done"), "vi:sd"))]),
    )
    return SECTORS_STEP


async def toggle_sector(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    chosen: list[str] = draft_of(context).setdefault("sectors", [])
    if code in {s.code for s in SECTORS}:
        if code in chosen:
            chosen.remove(code)
        else:
            chosen.append(code)
    return await ask_sectors(update, context)


async def sectors_done(update: Update, context: BotContext) -> object:
    return await steps.advance(update, context, SECTORS_STEP)


async def ask_note(update: Update, context: BotContext) -> str:
    text = context._(
        "Add a note about its purpose, e.g. “energy, housing and economic development”."
    )
    return await steps.ask_typed(update, context, text, NOTE, skip=True)


async def take_note(update: Update, context: BotContext) -> object:
    return await steps.take_typed(update, context, NOTE, check_text, NOTE_LIMIT)


async def skip(update: Update, context: BotContext) -> object:
    field = data_parts(update)[-1]
    if field in (SIZE, LEADER, NOTE):
        draft_of(context)[field] = None
    return await steps.advance(update, context, field if field in (SIZE, LEADER) else NOTE)


async def summary_text(context: BotContext, d: dict[str, Any], t: Translator) -> str:
    _ = t._
    dash = "—"
    partner = await community_titles(context, d.get("partners") or [], t.lang)
    days = format_day(t, d["start"])
    if d["end"] != d["start"]:
        days += f" – {format_day(t, d['end'])}"
    direction_label = DIRECTION_SHORT[d.get("direction", "online")]
    size = t.ngettext("{n} person", "{n} people", d["size"]) if d.get("size") else dash
    return "\n".join(
        [
            _("Visit: {kind}", kind=_(direction_label)),
            _("Partner: {partner}", partner=partner),
            _("Dates: {dates}", dates=days),
            _("Delegation: {size}", size=size),
            _("Led by: {leader}", leader=d.get("leader") or dash),
            _(
                "Sectors: {sectors}",
                sectors=", ".join(sector_labels(d.get("sectors") or [], t)) or dash,
            ),
            _("Note: {note}", note=d.get("note") or dash),
        ]
    )


async def ask_summary(update: Update, context: BotContext) -> object:
    d = draft_of(context)
    if not d.get("direction"):
        return await ask_direction(update, context)
    if not d.get("partners"):
        return await picker.ask(update, context)
    for step, key in ((DATES, "start"), (SIZE, "size"), (LEADER, "leader"), (NOTE, "note")):
        if key not in d:
            d.pop("editing", None)
            return await ASK[step](update, context)
    d["editing"] = True
    await steps.show_summary(update, context, await summary_text(context, d, context.t))
    return SUMMARY


async def ask_edit(update: Update, context: BotContext) -> str:
    _ = context._
    fields = [(_("Kind of visit"), "vi:e:direction")]
    # The partner side of a saved visit cannot move it to another community's log.
    if draft_of(context).get("by_author", True):
        fields.append((_("Partner"), "vi:e:partner"))
    fields += [
        (_("Dates"), f"vi:e:{DATES}"),
        (_("Delegation"), f"vi:e:{SIZE}"),
        (_("Leader"), f"vi:e:{LEADER}"),
        (_("Sectors"), f"vi:e:{SECTORS_STEP}"),
        (_("Note"), f"vi:e:{NOTE}"),
    ]
    await steps.show_edit_menu(update, context, fields)
    return EDIT


async def edit_field(update: Update, context: BotContext) -> object:
    field = data_parts(update)[-1]
    if field == "direction":
        return await ask_direction(update, context)
    if field == "partner" and draft_of(context).get("by_author", True):
        return await picker.ask(update, context)
    if field in ASK:
        return await ASK[field](update, context)
    return await ask_summary(update, context)


async def refuse_stale_draft(update: Update, context: BotContext) -> bool:
    complete = bool(draft_of(context).get("partners"))
    return await steps.refuse_stale(update, context, "visit_id", complete)


async def save(update: Update, context: BotContext) -> int:
    """Confirm on the summary of a new visit: saved once, however often it is pressed."""
    assert context.account is not None
    _ = context._
    if await refuse_stale_draft(update, context):
        return ConversationHandler.END
    d = draft_of(context)
    partner_id = d["partners"][0]
    partnership = await context.repos.partnerships.between(d["community"], partner_id)
    visit, created = await context.repos.visits.create(
        NewVisit(
            community_id=d["community"],
            partner_id=partner_id,
            partnership_id=partnership.id if partnership else None,
            direction=d["direction"],
            start_date=d["start"],
            end_date=d["end"],
            delegation_size=d.get("size"),
            leader=d.get("leader"),
            sectors=tuple(d.get("sectors") or ()),
            note=d.get("note"),
            created_by=context.account.id,
            client_token=d["token"],
        )
    )
    drop_draft(context, FLOW)
    planned = 0
    if created:
        planned = await schedule_reminders(context, visit, context.account.id)
        await announce_visit(context, visit, "new")
    text = _("Saved the visit.")
    if planned:
        text += "\n" + context.ngettext(
            "I will send you {n} reminder about it.",
            "I will send you {n} reminders about it.",
            planned,
        )
    await show(
        update,
        context,
        text,
        keyboard([[(_("Log visit"), "vi:new"), (_("Aid and visits"), "menu:aid")]]),
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
                dedupe_key=f"vi:{visit.id}:{what}",
            )
        )
    return len(plan)


ASK = {
    DATES: ask_dates,
    SIZE: ask_size,
    LEADER: ask_leader,
    SECTORS_STEP: ask_sectors,
    NOTE: ask_note,
}
steps = FlowSteps("vi", FLOW, ORDER, ASK, ask_summary)
picker = PartnerPicker("vi", FLOW, multi=False, done=after_partner)
