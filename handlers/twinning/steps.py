"""Filling in or correcting one step of a partnership: a field at a time, then a summary.

The draft (`user_data["flow:twinning"]`) holds the partnership, the step, the values typed
so far, which fields were asked, and the step's revision when the draft began: saving is
compare-and-set on that revision, so an official never overwrites a colleague's change
unseen.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import Translator
from bot.sectors import SECTOR_CODES, SECTORS
from bot.text_input import TextProblem, check_text, clean
from bot.twinning import (
    REGISTERED,
    DateProblem,
    Field,
    Kind,
    Step,
    can_open,
    check_date,
    check_number,
    current_step,
    date_bounds,
    missing_before,
    position,
    step_by_code,
    step_number,
    total_steps,
)
from bot.twinning_card import fact_lines, step_title, summary_text, value_text
from handlers.shared.screens import Button, columns, keyboard, show, toast
from handlers.twinning.common import (
    ACTIVE,
    clear_draft,
    draft,
    legal,
    partnership_for,
    post_to_groups,
    update_reminders,
)
from storage.partnerships import Partnership

TEXT_LIMIT = 1000


def _today(context: BotContext) -> date:
    return context.services.clock.now().astimezone(ZoneInfo(context.tz)).date()


def _step(context: BotContext) -> Step | None:
    d = draft(context)
    return step_by_code(d.get("step", "")) if d.get("kind") == "step" else None


async def open_step(update: Update, context: BotContext, raw_id: str, code: str) -> int:
    partnership = await partnership_for(update, context, raw_id)
    if partnership is None:
        return ConversationHandler.END
    if partnership.status != "active":
        await toast(update, context._("This partnership is paused or ended: resume it first."))
        return ConversationHandler.END
    records = await context.repos.partnerships.steps(partnership.id)
    done = {c: r.done for c, r in records.items()}
    step = step_by_code(code)
    if step is None or not can_open(code, done):
        needed = (missing_before(code, done) or [current_step(done)])[0]
        await toast(
            update, context._("Finish step {step} first.", step=step_title(needed, context.t))
        )
        return ConversationHandler.END
    record = records.get(code)
    values = dict(record.data) if record else {}
    if record is not None and record.done:
        asked = [f.key for f in step.fields]
    else:
        # An open step with facts (the ministry has not answered yet) asks for the answer.
        pending = step.done_when[0] if step.done_when else None
        asked = [k for k in values if k != pending]
        values.pop(pending or "", None)
    draft(context).clear()
    draft(context).update(
        kind="step",
        pid=partnership.id,
        step=code,
        values=values,
        asked=asked,
        base=record.revision if record else 0,
        correcting=bool(record and record.done),
    )
    return await advance(update, context, intro=not values)


async def advance(update: Update, context: BotContext, intro: bool = False) -> int:
    """Ask the next field that needs an answer, or show the summary when none does."""
    step = _step(context)
    if step is None:
        return await stale(update, context)
    d = draft(context)
    nxt = step.next_field(d["values"], d["asked"])
    if nxt is None:
        return await show_summary(update, context)
    return await ask(update, context, nxt, intro=intro)


def _header(context: BotContext, step: Step) -> str:
    return context._(
        "Step {number} of {total} · {title}",
        number=step_number(step.code),
        total=total_steps(),
        title=context._(step.title),
    )


def _hint(context: BotContext, step: Step) -> str:
    facts = legal(context)
    lang = context.lang
    return context._(
        step.hint,
        ministry=facts.ministry(lang),
        days=facts.ministry_review_days,
        consulted=facts.text("consulted_ministries", lang),
        register=facts.text("register", lang),
        covered=facts.text("covered_partners", lang),
    )


async def ask(update: Update, context: BotContext, field: Field, intro: bool = False) -> int:
    step = _step(context)
    assert step is not None
    _ = context._
    d = draft(context)
    d["field"] = field.key
    d["await"] = field.kind in (Kind.DATE, Kind.NUMBER, Kind.TEXT)
    parts = [_header(context, step)]
    if intro:
        parts.append(_hint(context, step))
    current = d["values"].get(field.key)
    has_value = current not in (None, "", [])
    if has_value and field.kind is not Kind.SECTORS:
        parts.append(_("Now: {value}", value=value_text(field, current, context.t)))
    parts.append(_(field.prompt))
    rows: list[list[Button]] = []
    if field.kind is Kind.SECTORS:
        chosen = set(d["values"].get(field.key) or [])
        rows += columns(
            [(("✓ " if s.code in chosen else "") + _(s.label), f"tw:fx:{s.code}") for s in SECTORS]
        )
        rows.append([(_("Done"), "tw:fd")])
    elif field.kind is Kind.CHOICE:
        rows += [[(_(label), f"tw:fc:{code}")] for code, label in field.choices]
    elif field.kind is Kind.DATE:
        rows.append([(_("Today"), "tw:ft")])
    if has_value and d["await"]:
        rows.append([(_("Keep as is"), "tw:fk")])
    if field.optional:
        rows.append([(_("Skip"), "tw:fs")])
    # Back never drops what was typed: to an earlier field, the edit menu, or (when
    # nothing has been typed yet) the card.
    can_go_back = (
        d.get("from_edit")
        or step.previous_field(d["values"], field.key) is not None
        or not d["values"]
    )
    rows.append(([(_("Back"), "tw:fb")] if can_go_back else []) + [(_("Cancel"), "tw:x")])
    await show(update, context, "\n\n".join(parts), keyboard(rows))
    return ACTIVE


async def _current_field(update: Update, context: BotContext) -> Field | None:
    step = _step(context)
    key = draft(context).get("field")
    field = step.field(key) if step and key else None
    if field is None:
        await stale(update, context)
    return field


async def _answered(update: Update, context: BotContext, field: Field, value: Any) -> int:
    d = draft(context)
    d["values"][field.key] = value
    if field.key not in d["asked"]:
        d["asked"].append(field.key)
    d["await"] = False
    return await advance(update, context)


async def toggle_sector(update: Update, context: BotContext, code: str) -> int:
    field = await _current_field(update, context)
    if field is None or field.kind is not Kind.SECTORS or code not in SECTOR_CODES:
        return ConversationHandler.END if field is None else ACTIVE
    chosen: list[str] = draft(context)["values"].setdefault(field.key, [])
    if code in chosen:
        chosen.remove(code)
    else:
        chosen.append(code)
    return await ask(update, context, field)


async def sectors_done(update: Update, context: BotContext) -> int:
    field = await _current_field(update, context)
    if field is None:
        return ConversationHandler.END
    chosen = draft(context)["values"].get(field.key) or []
    if not chosen:
        await toast(update, context._("Pick at least one area."))
        return ACTIVE
    return await _answered(update, context, field, chosen)


async def pick_choice(update: Update, context: BotContext, code: str) -> int:
    field = await _current_field(update, context)
    if field is None:
        return ConversationHandler.END
    if field.choice_label(code) is None:
        return await ask(update, context, field)
    return await _answered(update, context, field, code)


async def skip(update: Update, context: BotContext) -> int:
    field = await _current_field(update, context)
    if field is None:
        return ConversationHandler.END
    if not field.optional:
        return await ask(update, context, field)
    d = draft(context)
    d["values"].pop(field.key, None)
    if field.key not in d["asked"]:
        d["asked"].append(field.key)
    return await advance(update, context)


async def keep(update: Update, context: BotContext) -> int:
    """Leave a field as it is after going back to it, and go on."""
    field = await _current_field(update, context)
    if field is None:
        return ConversationHandler.END
    current = draft(context)["values"].get(field.key)
    if current in (None, "", []):
        return await ask(update, context, field)
    return await _answered(update, context, field, current)


async def back(update: Update, context: BotContext) -> int:
    """The screen before the field being asked, with everything typed so far kept."""
    from handlers.twinning.flow import show_card

    step = _step(context)
    if step is None:
        return await stale(update, context)
    d = draft(context)
    if d.get("from_edit"):
        return await edit_menu(update, context)
    previous = step.previous_field(d["values"], d.get("field"))
    if previous is not None:
        return await ask(update, context, previous)
    if d["values"]:
        return await ask(update, context, step.active_fields(d["values"])[0])
    partnership = await partnership_for(update, context, str(d.get("pid", "")), edit=False)
    clear_draft(context)
    if partnership is not None:
        await show_card(update, context, partnership)
    return ConversationHandler.END


async def today(update: Update, context: BotContext) -> int:
    field = await _current_field(update, context)
    if field is None:
        return ConversationHandler.END
    return await _take_date(update, context, field, "today")


async def take_text(update: Update, context: BotContext) -> int:
    """Typed text for the field being asked: a date, a number or free text."""
    assert update.message is not None
    field = await _current_field(update, context)
    if field is None:
        return ConversationHandler.END
    text = update.message.text or ""
    _ = context._
    if field.kind is Kind.DATE:
        return await _take_date(update, context, field, text)
    if field.kind is Kind.NUMBER:
        number = check_number(text)
        if number is None:
            await show(
                update,
                context,
                _(
                    "That does not look like a number of a document. Type it as written on the"
                    " document, e.g. 123 or 45-VIII."
                ),
            )
            return ACTIVE
        return await _answered(update, context, field, number)
    if field.kind is Kind.TEXT:
        problem = check_text(text, limit=TEXT_LIMIT)
        if problem is TextProblem.EMPTY:
            await show(update, context, _("The message was empty: please type the text."))
            return ACTIVE
        if problem is TextProblem.TOO_LONG:
            await show(
                update,
                context,
                _("That is too long: please keep it under {limit} characters.", limit=TEXT_LIMIT),
            )
            return ACTIVE
        return await _answered(update, context, field, clean(text))
    await show(update, context, _("Please use the buttons above, or /cancel to stop."))
    return ACTIVE


def _date_problem(context: BotContext, problem: DateProblem, bound: date | None) -> str:
    _ = context._
    if problem is DateProblem.INVALID:
        return _("There is no such date in the calendar. Check the day and the month.")
    if problem is DateProblem.TOO_OLD:
        return _("That year is too long ago. Type a date from 2000 on, e.g. 25.03.2026.")
    if problem is DateProblem.FUTURE:
        return _("That date is in the future. Record a step once it has happened.")
    if problem is DateProblem.BEFORE and bound is not None:
        return _(
            "That date is before {date}, the date of an earlier fact of this partnership."
            " Check it and type it again.",
            date=context.t.date(bound),
        )
    if problem is DateProblem.AFTER and bound is not None:
        return _(
            "That date is after {date}, the date of a later fact of this partnership."
            " Check it and type it again.",
            date=context.t.date(bound),
        )
    return _("I could not read that date. Type it like 25.03.2026 or 2026-03-25, or press Today.")


async def _take_date(update: Update, context: BotContext, field: Field, text: str) -> int:
    d = draft(context)
    saved = {c: r.data for c, r in (await context.repos.partnerships.steps(d["pid"])).items()}
    earliest, latest = date_bounds(d["step"], field.key, saved, d["values"])
    day, problem = check_date(text, today=_today(context), earliest=earliest, latest=latest)
    if problem is not None:
        bound = earliest if problem is DateProblem.BEFORE else latest
        await show(update, context, _date_problem(context, problem, bound))
        return ACTIVE
    assert day is not None
    return await _answered(update, context, field, day.isoformat())


async def show_summary(update: Update, context: BotContext) -> int:
    step = _step(context)
    if step is None:
        return await stale(update, context)
    _ = context._
    d = draft(context)
    d["await"], d["field"], d["from_edit"] = False, None, False
    text = summary_text(context.t, step, step.clean(d["values"]))
    rows = [
        [(_("Confirm"), "tw:ok")],
        [(_("Edit"), "tw:ed"), (_("Cancel"), "tw:x")],
    ]
    await show(update, context, text, keyboard(rows))
    return ACTIVE


async def edit_menu(update: Update, context: BotContext) -> int:
    step = _step(context)
    if step is None:
        return await stale(update, context)
    _ = context._
    d = draft(context)
    rows = [[(_(f.label), f"tw:ef:{f.key}")] for f in step.active_fields(d["values"])]
    rows.append([(_("Back"), "tw:sm")])
    await show(update, context, _("What do you want to change?"), keyboard(rows))
    return ACTIVE


async def edit_field(update: Update, context: BotContext, key: str) -> int:
    step = _step(context)
    field = step.field(key) if step else None
    if step is None or field is None or not field.applies(draft(context)["values"]):
        return await stale(update, context)
    draft(context).update(field=key, from_edit=True)
    return await ask(update, context, field)


async def confirm(update: Update, context: BotContext) -> int:
    """Save the step if nobody else saved it meanwhile; then the card, the groups, reminders."""
    from handlers.twinning.flow import show_card

    step = _step(context)
    if step is None:
        return await stale(update, context)
    assert context.account is not None
    d = draft(context)
    partnership = await partnership_for(update, context, str(d["pid"]))
    if partnership is None:
        clear_draft(context)
        return ConversationHandler.END
    if partnership.status != "active":
        clear_draft(context)
        await show_card(
            update,
            context,
            partnership,
            context._("This partnership is paused or ended: resume it first."),
        )
        return ConversationHandler.END
    values = step.clean(d["values"])
    repos = context.repos
    saved = await repos.partnerships.save_step(
        partnership.id,
        step.code,
        values,
        done=step.is_complete(values),
        base_revision=d["base"],
        actor_id=context.account.id,
    )
    clear_draft(context)
    if not saved:
        record = (await repos.partnerships.steps(partnership.id)).get(step.code)
        who = await repos.users.get(record.updated_by) if record and record.updated_by else None
        notice = context._(
            "{name} saved this step while you were editing it, so your changes were not saved."
            " Here is the partnership as it is now; correct the step again if needed.",
            name=who.display_name if who else context._("A colleague"),
        )
        await show_card(update, context, partnership, notice)
        return ConversationHandler.END
    records = await repos.partnerships.steps(partnership.id)
    done = {c: r.done for c, r in records.items()}
    await repos.partnerships.set_step(
        partnership.id, position({c: r.data for c, r in records.items()}, done)
    )
    await repos.audit.record(
        context.account.id, "partnership", partnership.id, "step", {"step": step.code, **values}
    )
    await update_reminders(context, partnership.id)
    updated = await repos.partnerships.get(partnership.id)
    assert updated is not None
    await _announce(context, updated, step, values, bool(d.get("correcting")), done)
    await show_card(update, context, updated, context._("Saved."))
    return ConversationHandler.END


async def _announce(
    context: BotContext,
    partnership: Partnership,
    step: Step,
    values: dict[str, Any],
    correcting: bool,
    done: dict[str, bool],
) -> None:
    assert context.account is not None
    who = context.account.display_name

    def render(t: Translator, community: str, partner: str) -> str:
        title = step_title(step.code, t)
        if correcting:
            head = t._("{name} corrected step {step}.", name=who, step=title)
        elif done.get(step.code):
            head = t._("Step {step} is done.", step=title)
        else:
            head = t._("Step {step} was updated by {name}.", step=title, name=who)
        lines = [f"{community} — {partner}", head, *fact_lines(step, values, t)]
        if partnership.step == REGISTERED:
            lines.append(t._("The agreement is registered. The partnership is established."))
        elif partnership.step != step.code:
            lines.append(t._("Next: {step}", step=step_title(partnership.step, t)))
        return "\n".join(lines)

    await post_to_groups(context, partnership, render)


async def cancel(update: Update, context: BotContext) -> int:
    from handlers.twinning.flow import show_card

    pid = draft(context).get("pid")
    clear_draft(context)
    partnership = await partnership_for(update, context, str(pid or ""), edit=False)
    if partnership is not None:
        await show_card(update, context, partnership, context._("Cancelled. Nothing was saved."))
    return ConversationHandler.END


async def stale(update: Update, context: BotContext) -> int:
    """A button of a step screen whose draft is gone (finished, cancelled, or another flow)."""
    from handlers.twinning.flow import show_list

    await toast(update, context._("That screen is out of date."))
    clear_draft(context)
    await show_list(update, context)
    return ConversationHandler.END
