"""Filling in or correcting one step of a partnership: one form per step of the workflow.

Each step's form is declared from the step's fields in `bot.domain.twinning.workflow` (a
date, a number, free text, one choice, or the areas of cooperation). The draft's `meta` holds
the partnership, the step's revision when the draft began, and whether a done step is being
corrected: saving is compare-and-set on that revision, so an official never overwrites a
colleague's change unseen.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import partial
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.sectors import SECTORS
from bot.domain.twinning.card import fact_lines, step_title, summary_text, value_text
from bot.domain.twinning.workflow import (
    REGISTERED,
    STEPS,
    DateProblem,
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
from bot.domain.twinning.workflow import Field as Fact
from bot.i18n import N_, Translator
from handlers.shared import forms
from handlers.shared.forms import Form, Option, Refusal
from handlers.shared.screens import toast
from handlers.twinning.buttons import OpenStep
from handlers.twinning.common import (
    DRAFT_PREFIX,
    active_with_steps,
    drop_drafts,
    legal,
    partnership_for,
    post_to_groups,
    today,
    update_reminders,
)
from handlers.twinning.flow import back_to_card, show_card
from storage.partnerships import Partnership

END = ConversationHandler.END
TEXT_LIMIT = 1000


# --- what each kind of fact takes -------------------------------------------------------------


def _today_option(s: forms.Step) -> list[Option]:
    return [Option(today(s.context).isoformat(), s._("Today"))]


_DATE_PROBLEMS = {
    DateProblem.INVALID: N_("There is no such date in the calendar. Check the day and the month."),
    DateProblem.TOO_OLD: N_(
        "That year is too long ago. Type a date from 2000 on, e.g. 25.03.2026."
    ),
    DateProblem.FUTURE: N_("That date is in the future. Record a step once it has happened."),
}


def _date_problem(t: Translator, problem: DateProblem, bound: date | None) -> str:
    if problem is DateProblem.BEFORE and bound is not None:
        return t._(
            "That date is before {date}, the date of an earlier fact of this partnership."
            " Check it and type it again.",
            date=t.date(bound),
        )
    if problem is DateProblem.AFTER and bound is not None:
        return t._(
            "That date is after {date}, the date of a later fact of this partnership."
            " Check it and type it again.",
            date=t.date(bound),
        )
    if problem in _DATE_PROBLEMS:
        return t._(_DATE_PROBLEMS[problem])
    return t._("I could not read that date. Type it like 25.03.2026 or 2026-03-25, or press Today.")


def _date(
    text: str, s: forms.Step, earliest: date | None = None, latest: date | None = None
) -> Any:
    day, problem = check_date(text, today=today(s.context), earliest=earliest, latest=latest)
    if problem is not None:
        bound = earliest if problem is DateProblem.BEFORE else latest
        return Refusal(_date_problem(s.context.t, problem, bound))
    assert day is not None
    return day.isoformat()


async def _date_in_order(step: Step, key: str, value: Any, s: forms.Step) -> Any:
    """A date, typed or Today, between the partnership's earlier and later facts."""
    records = await s.context.repos.partnerships.steps(s.meta["partnership"])
    saved = {code: record.data for code, record in records.items()}
    earliest, latest = date_bounds(step.code, key, saved, s.values)
    return _date(str(value), s, earliest, latest)


def _number(text: str, s: forms.Step) -> Any:
    number = check_number(text)
    if number is None:
        return Refusal(
            s._(
                "That does not look like a number of a document. Type it as written on the"
                " document, e.g. 123 or 45-VIII."
            )
        )
    return number


def _areas(s: forms.Step) -> list[Option]:
    return [Option(sector.code, s._(sector.label)) for sector in SECTORS]


def _some_area(value: Any, s: forms.Step) -> Any:
    return value or Refusal(s._("Pick at least one area."))


def _choices(fact: Fact, s: forms.Step) -> list[Option]:
    return [Option(code, s._(label)) for code, label in fact.choices]


def step_field(step: Step, fact: Fact) -> forms.Field:
    """One fact of a step as a question of its form (a detail for the documents too)."""
    field = forms.Field(
        fact.key,
        fact.label,
        prompt=lambda s: s._(fact.prompt),
        optional=fact.optional,
        when=(lambda s: fact.applies(s.values)) if fact.when or fact.unless else None,
        show=lambda value, s: value_text(fact, value, s.context.t),
    )
    by_kind: dict[Kind, dict[str, Any]] = {
        Kind.SECTORS: {"options": _areas, "multi": True, "next_label": N_("Done")},
        Kind.CHOICE: {"options": partial(_choices, fact), "width": 1},
        Kind.DATE: {"options": _today_option, "parse": _date},
        Kind.NUMBER: {"parse": _number},
        Kind.TEXT: {"parse": forms.free_text(TEXT_LIMIT)},
    }
    checks: dict[Kind, forms.Checker] = {
        Kind.SECTORS: _some_area,
        Kind.DATE: partial(_date_in_order, step, fact.key),
    }
    return dataclasses.replace(field, check=checks.get(fact.kind), **by_kind[fact.kind])


# --- the forms ------------------------------------------------------------------------------


def _heading(step: Step, s: forms.Step) -> str:
    _ = s._
    parts = [
        _(
            "Step {number} of {total} · {title}",
            number=step_number(step.code),
            total=total_steps(),
            title=_(step.title),
        )
    ]
    if not s.values:
        # A step opened afresh begins with what it is about.
        facts = legal(s.context)
        lang = s.context.lang
        hint = _(
            step.hint,
            ministry=facts.ministry(lang),
            days=facts.ministry_review_days,
            consulted=facts.text("consulted_ministries", lang),
            register=facts.text("register", lang),
            covered=facts.text("covered_partners", lang),
        )
        parts.append(hint)
    return "\n\n".join(parts)


def _summary(step: Step, s: forms.Step) -> str:
    return summary_text(s.context.t, step, step.clean(s.values))


async def _leave(code: str, update: Update, context: BotContext, notice: str) -> int:
    s = FORMS[code].step(context)
    return await back_to_card(update, context, notice, s.meta["partnership"] if s else None)


def _form(step: Step) -> Form:
    return Form(
        name=DRAFT_PREFIX + step.code,
        fields=tuple(step_field(step, fact) for fact in step.fields),
        save=partial(_save, step),
        leave=partial(_leave, step.code),
        summary=partial(_summary, step),
        heading=partial(_heading, step),
        back_out=True,
        summary_heading=lambda s: "",
    )


async def open_step(update: Update, context: BotContext, press: OpenStep) -> object:
    found = await active_with_steps(update, context, press.partnership)
    if found is None:
        return END
    partnership, records = found
    done = {code: record.done for code, record in records.items()}
    step = step_by_code(press.step)
    if step is None or not can_open(press.step, done):
        needed = (missing_before(press.step, done) or [current_step(done)])[0]
        await toast(
            update, context._("Finish step {step} first.", step=step_title(needed, context.t))
        )
        return END
    record = records.get(step.code)
    values = dict(record.data) if record else {}
    meta = {
        "partnership": partnership.id,
        "base": record.revision if record else 0,
        "correcting": bool(record and record.done),
    }
    form = FORMS[step.code]
    drop_drafts(context)  # one flow of the guide at a time: an older screen's buttons go stale
    if record is not None and record.done:
        # A done step opens at its summary; a skipped optional fact counts as answered.
        skipped = {f.key: None for f in step.active_fields(values) if f.optional}
        return await form.start(update, context, {**skipped, **values}, meta, at_summary=True)
    # An open step with facts (the ministry has not answered yet) asks for the answer.
    if step.done_when is not None:
        values.pop(step.done_when[0], None)
    return await form.start(update, context, values, meta)


async def _save(step: Step, update: Update, context: BotContext, s: forms.Step) -> object:
    """Save the step if nobody else saved it meanwhile; then the card, the groups, reminders."""
    assert context.account is not None
    FORMS[step.code].drop(context)
    partnership = await partnership_for(update, context, s.meta["partnership"])
    if partnership is None:
        return END
    if partnership.status != "active":
        notice = context._("This partnership is paused or ended: resume it first.")
        return await show_card(update, context, partnership, notice)
    values = step.clean(s.values)
    repos = context.repos
    saved = await repos.partnerships.save_step(
        partnership.id,
        step.code,
        values,
        done=step.is_complete(values),
        base_revision=s.meta["base"],
        actor_id=context.account.id,
    )
    if not saved:
        record = (await repos.partnerships.steps(partnership.id)).get(step.code)
        who = await repos.users.get(record.updated_by) if record and record.updated_by else None
        notice = context._(
            "{name} saved this step while you were editing it, so your changes were not saved."
            " Here is the partnership as it is now; correct the step again if needed.",
            name=who.display_name if who else context._("A colleague"),
        )
        return await show_card(update, context, partnership, notice)
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
    await _announce(context, updated, step, values, bool(s.meta.get("correcting")), done)
    # The summary the person confirmed becomes the brief card, with one line of what was saved.
    notice = context._("Saved: {step}", step=step_title(step.code, context.t))
    return await show_card(update, context, updated, notice)


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


FORMS: dict[str, Form] = {step.code: _form(step) for step in STEPS}
