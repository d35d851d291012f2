"""The visit log: "Log visit", its reminders (stored as rows, so they survive restarts) and
the outcomes prompt after the visit.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, ConversationHandler, MessageHandler, filters

from bot.context import BotContext
from bot.i18n import Translator
from bot.parsing.dates import DateError, parse_date_range
from bot.reminder_kinds import Rendered, register_kind
from bot.sectors import SECTORS, sector_labels
from bot.services import Services
from bot.text_input import check_name, check_text, clean
from bot.visits import DIRECTION_SHORT, DIRECTIONS, reminder_plan
from handlers.aid import home_markup
from handlers.aid_common import (
    TEXT,
    PartnerPicker,
    community_titles,
    data_parts,
    date_problem,
    draft,
    drop_draft,
    format_day,
    text_problem,
)
from handlers.common import Button, columns, keyboard, show, toast
from storage.reminders import NewReminder, Reminder
from storage.visits import NewVisit, Visit

FLOW = "visit"
NOTE_LIMIT = 1000
MAX_DELEGATION = 10_000
DIRECTION, DATES, SIZE, LEADER, SECTORS_STEP, NOTE, SUMMARY, EDIT, OUTCOMES = (
    "direction", "dates", "size", "leader", "sectors", "note", "summary", "edit", "outcomes",
)  # fmt: skip
ORDER = (DATES, SIZE, LEADER, SECTORS_STEP, NOTE)


def _d(context: BotContext) -> dict[str, Any]:
    return draft(context, FLOW)


def _today(context: BotContext) -> date:
    return context.services.clock.now().astimezone(ZoneInfo(context.tz)).date()


def _nav(context: BotContext, *extra: Button) -> list[list[Button]]:
    rows: list[list[Button]] = [list(extra)] if extra else []
    rows.append([(context._("Cancel"), "vi:x")])
    return rows


async def start(update: Update, context: BotContext) -> object:
    if context.community_id is None:
        await show(update, context, context._("Send /start to choose the community you act for."))
        return ConversationHandler.END
    community = await context.repos.communities.get(context.community_id)
    assert community is not None
    drop_draft(context, FLOW)
    _d(context).update(
        token=uuid.uuid4().hex, community=community.id, own_kind=community.kind, partners=[]
    )
    return await ask_direction(update, context)


async def ask_direction(update: Update, context: BotContext) -> str:
    buttons = [[(context._(label), f"vi:dir:{code}")] for code, label in DIRECTIONS.items()]
    await show(
        update, context, context._("What kind of visit?"), keyboard([*buttons, *_nav(context)])
    )
    return DIRECTION


async def take_direction(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    if code not in DIRECTIONS:
        return await ask_direction(update, context)
    d = _d(context)
    d["direction"] = code
    if d.get("editing") and d.get("partners"):
        return await ask_summary(update, context)
    return await picker.ask(update, context)


async def after_partner(update: Update, context: BotContext) -> object:
    return await _advance(update, context, "partner")


async def _advance(update: Update, context: BotContext, done: str) -> object:
    if _d(context).get("editing"):
        return await ask_summary(update, context)
    at = ORDER.index(done) + 1 if done in ORDER else 0
    return (
        await ASK[ORDER[at]](update, context)
        if at < len(ORDER)
        else await ask_summary(update, context)
    )


async def ask_dates(update: Update, context: BotContext) -> str:
    text = context._("When? Type one date or a range, e.g. 12.06.2026 or 12.06.2026–15.06.2026.")
    await show(update, context, text, keyboard(_nav(context)))
    return DATES


async def take_dates(update: Update, context: BotContext) -> object:
    assert update.message is not None
    try:
        start_day, end_day = parse_date_range(update.message.text or "", today=_today(context))
    except DateError as error:
        await show(update, context, date_problem(context, error.code))
        return DATES
    d = _d(context)
    d["start"], d["end"] = start_day.isoformat(), end_day.isoformat()
    return await _advance(update, context, DATES)


async def ask_size(update: Update, context: BotContext) -> str:
    _ = context._
    await show(
        update,
        context,
        _("How many people are in the delegation? Type a number."),
        keyboard(_nav(context, (_("Skip"), "vi:skip:size"))),
    )
    return SIZE


async def take_size(update: Update, context: BotContext) -> object:
    assert update.message is not None
    text = (update.message.text or "").strip()
    if not text.isdigit() or not 0 < int(text) <= MAX_DELEGATION:
        await show(update, context, context._("Please type the number of people, e.g. 5."))
        return SIZE
    _d(context)["size"] = int(text)
    return await _advance(update, context, SIZE)


async def ask_leader(update: Update, context: BotContext) -> str:
    _ = context._
    await show(
        update,
        context,
        _("Who leads the delegation? E.g. Mayor Ihor Sapozhko."),
        keyboard(_nav(context, (_("Skip"), "vi:skip:leader"))),
    )
    return LEADER


async def take_leader(update: Update, context: BotContext) -> object:
    assert update.message is not None
    text = update.message.text or ""
    problem = check_name(text, 200)
    if problem is not None:
        await show(update, context, text_problem(context, problem, 200))
        return LEADER
    _d(context)["leader"] = clean(text)
    return await _advance(update, context, LEADER)


async def ask_sectors(update: Update, context: BotContext) -> str:
    _ = context._
    chosen = set(_d(context).setdefault("sectors", []))
    buttons = [(("✓ " if s.code in chosen else "") + _(s.label), f"vi:s:{s.code}") for s in SECTORS]
    await show(
        update,
        context,
        _("What is the visit about? Choose one or more sectors, then press Done."),
        keyboard([*columns(buttons), *_nav(context, (_("Done"), "vi:sd"))]),
    )
    return SECTORS_STEP


async def toggle_sector(update: Update, context: BotContext) -> object:
    code = data_parts(update)[-1]
    chosen: list[str] = _d(context).setdefault("sectors", [])
    if code in {s.code for s in SECTORS}:
        if code in chosen:
            chosen.remove(code)
        else:
            chosen.append(code)
    return await ask_sectors(update, context)


async def sectors_done(update: Update, context: BotContext) -> object:
    return await _advance(update, context, SECTORS_STEP)


async def ask_note(update: Update, context: BotContext) -> str:
    _ = context._
    await show(
        update,
        context,
        _("Add a note about its purpose, e.g. “energy, housing and economic development”."),
        keyboard(_nav(context, (_("Skip"), "vi:skip:note"))),
    )
    return NOTE


async def take_note(update: Update, context: BotContext) -> object:
    assert update.message is not None
    text = update.message.text or ""
    problem = check_text(text, NOTE_LIMIT)
    if problem is not None:
        await show(update, context, text_problem(context, problem, NOTE_LIMIT))
        return NOTE
    _d(context)["note"] = clean(text)
    return await _advance(update, context, NOTE)


async def skip(update: Update, context: BotContext) -> object:
    field = data_parts(update)[-1]
    if field in ("size", "leader", "note"):
        _d(context)[field] = None
    step = {"size": SIZE, "leader": LEADER, "note": NOTE}.get(field, NOTE)
    return await _advance(update, context, step)


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
    _ = context._
    d = _d(context)
    if not d.get("direction"):
        return await ask_direction(update, context)
    if not d.get("partners"):
        return await picker.ask(update, context)
    for step, key in ((DATES, "start"), (SIZE, "size"), (LEADER, "leader"), (NOTE, "note")):
        if key not in d:
            d.pop("editing", None)
            return await ASK[step](update, context)
    d["editing"] = True
    text = _("Please check before saving:") + "\n\n" + await summary_text(context, d, context.t)
    await show(
        update,
        context,
        text,
        keyboard([[(_("Confirm"), "vi:save")], [(_("Edit"), "vi:edit"), (_("Cancel"), "vi:x")]]),
    )
    return SUMMARY


async def ask_edit(update: Update, context: BotContext) -> str:
    _ = context._
    fields = [
        (_("Kind of visit"), "vi:e:direction"),
        (_("Partner"), "vi:e:partner"),
        (_("Dates"), f"vi:e:{DATES}"),
        (_("Delegation"), f"vi:e:{SIZE}"),
        (_("Leader"), f"vi:e:{LEADER}"),
        (_("Sectors"), f"vi:e:{SECTORS_STEP}"),
        (_("Note"), f"vi:e:{NOTE}"),
    ]
    await show(
        update,
        context,
        _("What do you want to change?"),
        keyboard([*columns(fields), [(_("Back to summary"), "vi:sum")]]),
    )
    return EDIT


async def edit_field(update: Update, context: BotContext) -> object:
    field = data_parts(update)[-1]
    if field == "direction":
        return await ask_direction(update, context)
    if field == "partner":
        return await picker.ask(update, context)
    if field in ASK:
        return await ASK[field](update, context)
    return await ask_summary(update, context)


async def back_to_summary(update: Update, context: BotContext) -> object:
    return await ask_summary(update, context)


async def save(update: Update, context: BotContext) -> int:
    assert context.account is not None
    _ = context._
    d = _d(context)
    if not d.get("token") or d.get("community") != context.community_id or not d.get("partners"):
        drop_draft(context, FLOW)
        await show(
            update,
            context,
            _("That draft is no longer valid. Nothing was saved."),
            home_markup(context),
        )
        return ConversationHandler.END
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
    planned = await schedule_reminders(context, visit) if created else 0
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


async def schedule_reminders(context: BotContext, visit: Visit) -> int:
    """7 days and 1 day before, and an outcomes prompt the day after: rows in the database."""
    assert context.account is not None
    plan = reminder_plan(
        date.fromisoformat(visit.start_date),
        date.fromisoformat(visit.end_date),
        context.services.clock.now(),
        context.tz,
    )
    for what, due in plan:
        await context.repos.reminders.schedule(
            NewReminder(
                chat_id=context.account.id,
                kind=f"visit.{what}",
                due_at=due,
                owner_id=context.account.id,
                community_id=visit.community_id,
                partnership_id=visit.partnership_id,
                payload={"visit_id": visit.id},
                tz=context.tz,
                automatic=True,
                dedupe_key=f"vi:{visit.id}:{what}",
            )
        )
    return len(plan)


async def cancel(update: Update, context: BotContext) -> int:
    drop_draft(context, FLOW)
    await show(update, context, context._("Cancelled. Nothing was saved."), home_markup(context))
    return ConversationHandler.END


async def expect_button(update: Update, context: BotContext) -> None:
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))


# --------------------------------------------------------------------------- outcomes


async def _own_visit(update: Update, context: BotContext) -> Visit | None:
    parts = data_parts(update)
    visit = await context.repos.visits.get(int(parts[2])) if parts[2].isdigit() else None
    mine = context.community_id
    if visit is None or visit.deleted or mine not in (visit.community_id, visit.partner_id):
        await toast(update, context._("This visit is not one of your community's."))
        return None
    return visit


async def ask_outcomes(update: Update, context: BotContext) -> object:
    visit = await _own_visit(update, context)
    if visit is None:
        return ConversationHandler.END
    drop_draft(context, "visit_outcomes")
    draft(context, "visit_outcomes")["visit"] = visit.id
    partner = await community_titles(context, [visit.partner_id], context.lang)
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


async def take_outcomes(update: Update, context: BotContext) -> int:
    assert update.message is not None
    text = update.message.text or ""
    problem = check_text(text, NOTE_LIMIT)
    if problem is not None:
        await show(update, context, text_problem(context, problem, NOTE_LIMIT))
        return OUTCOMES  # type: ignore[return-value]
    visit_id = draft(context, "visit_outcomes").get("visit")
    drop_draft(context, "visit_outcomes")
    visit = await context.repos.visits.get(visit_id) if visit_id else None
    if visit is None or context.community_id not in (visit.community_id, visit.partner_id):
        await show(update, context, context._("This visit is not one of your community's."))
        return ConversationHandler.END
    await context.repos.visits.set_outcomes(visit.id, clean(text))
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
    day = format_day(t, visit.start_date)
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


picker = PartnerPicker("vi", FLOW, multi=False, done=after_partner)


def conversation() -> ConversationHandler[BotContext]:
    return ConversationHandler(
        name="visit",
        persistent=True,
        allow_reentry=True,
        entry_points=[
            CallbackQueryHandler(start, pattern=r"^vi:new$"),
            CallbackQueryHandler(ask_outcomes, pattern=r"^vi:out:"),
        ],
        states={
            DIRECTION: [CallbackQueryHandler(take_direction, pattern=r"^vi:dir:")],
            **picker.states(),
            DATES: [MessageHandler(TEXT, take_dates)],
            SIZE: [
                MessageHandler(TEXT, take_size),
                CallbackQueryHandler(skip, pattern=r"^vi:skip:"),
            ],
            LEADER: [
                MessageHandler(TEXT, take_leader),
                CallbackQueryHandler(skip, pattern=r"^vi:skip:"),
            ],
            SECTORS_STEP: [
                CallbackQueryHandler(toggle_sector, pattern=r"^vi:s:"),
                CallbackQueryHandler(sectors_done, pattern=r"^vi:sd$"),
            ],
            NOTE: [
                MessageHandler(TEXT, take_note),
                CallbackQueryHandler(skip, pattern=r"^vi:skip:"),
            ],
            SUMMARY: [
                CallbackQueryHandler(save, pattern=r"^vi:save$"),
                CallbackQueryHandler(ask_edit, pattern=r"^vi:edit$"),
            ],
            EDIT: [
                CallbackQueryHandler(edit_field, pattern=r"^vi:e:"),
                CallbackQueryHandler(back_to_summary, pattern=r"^vi:sum$"),
            ],
            OUTCOMES: [MessageHandler(TEXT, take_outcomes)],
        },
        fallbacks=[
            CallbackQueryHandler(cancel, pattern=r"^vi:x$"),
            MessageHandler(filters.ChatType.PRIVATE & TEXT, expect_button),
        ],
    )


ASK = {
    DATES: ask_dates,
    SIZE: ask_size,
    LEADER: ask_leader,
    SECTORS_STEP: ask_sectors,
    NOTE: ask_note,
}
