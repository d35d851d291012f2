"""Planning a step not yet done: a day ahead (a deadline with its reminder) or "not yet".

A community with no council decision yet plans step 1 and goes on; the plan is kept in the
step's facts (`with_plan`), so it is saved compare-and-set like any fact of the step.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.twinning.card import plan_text, step_title
from bot.domain.twinning.workflow import (
    NOT_YET,
    PLANNED,
    DateProblem,
    can_plan,
    check_plan_date,
    plannable_steps,
    position,
    step_by_code,
    with_plan,
)
from bot.i18n import N_
from handlers.shared import forms
from handlers.shared.forms import Form, Option, Refusal
from handlers.shared.screens import show, toast
from handlers.twinning import screens
from handlers.twinning.buttons import Plan, PlanSteps
from handlers.twinning.common import (
    DRAFT_PREFIX,
    active_with_steps,
    drop_drafts,
    partnership_for,
    today,
    update_reminders,
)
from handlers.twinning.flow import back_to_card, show_card

END = ConversationHandler.END

_PROBLEMS = {
    DateProblem.INVALID: N_("There is no such date in the calendar. Check the day and the month."),
    DateProblem.PAST: N_(
        "That day has passed. A plan needs today or a day ahead. If the step has taken place,"
        " record it as done with Continue on the card."
    ),
    DateProblem.FUTURE: N_("That is too far ahead. Plan within the next few years."),
}


def _day(text: str, s: forms.Step) -> Any:
    day, problem = check_plan_date(text, today=today(s.context))
    if problem is not None:
        message = _PROBLEMS.get(
            problem, N_("I could not read that date. Type it like 25.03.2026 or 2026-03-25.")
        )
        return Refusal(s._(message))
    assert day is not None
    return day.isoformat()


def _not_yet(s: forms.Step) -> list[Option]:
    return [Option(NOT_YET, s._("Not yet, no date"))]


def _prompt(s: forms.Step) -> str:
    title = step_title(s.meta["step"], s.context.t)
    return s._(
        "When do you plan step {step}? Type a day ahead, e.g. 15.12.2026: on that day"
        " the guide reminds you. Or plan it without a date for now.",
        step=title,
    )


def _summary(s: forms.Step) -> str:
    t = s.context.t
    plan = plan_text({PLANNED: s.values.get("day")}, t) or ""
    return f"{step_title(s.meta['step'], t)}\n{plan}"


async def _leave(update: Update, context: BotContext, notice: str) -> object:
    s = FORM.step(context)
    return await back_to_card(update, context, notice, s.meta["partnership"] if s else None)


async def open_plan(update: Update, context: BotContext, press: Plan) -> object:
    found = await active_with_steps(update, context, press.partnership)
    if found is None:
        return END
    partnership, records = found
    done = {code: record.done for code, record in records.items()}
    if step_by_code(press.step) is None or not can_plan(press.step, done):
        await toast(update, context._("This step is done: there is nothing to plan."))
        return await show_card(update, context, partnership)
    record = records.get(press.step)
    meta = {
        "partnership": partnership.id,
        "step": press.step,
        "base": record.revision if record else 0,
    }
    drop_drafts(context)  # one flow of the guide at a time
    return await FORM.start(update, context, {}, meta)


async def _save(update: Update, context: BotContext, s: forms.Step) -> object:
    assert context.account is not None
    FORM.drop(context)
    partnership = await partnership_for(update, context, s.meta["partnership"])
    if partnership is None:
        return END
    if partnership.status != "active":
        notice = context._("This partnership is paused or ended: resume it first.")
        return await show_card(update, context, partnership, notice)
    repos = context.repos
    code = s.meta["step"]
    record = (await repos.partnerships.steps(partnership.id)).get(code)
    chosen = s.values.get("day")
    day = None if chosen in (None, NOT_YET) else date.fromisoformat(str(chosen))
    saved = record is None or not record.done
    if saved:
        saved = await repos.partnerships.save_step(
            partnership.id,
            code,
            with_plan(record.data if record else {}, day),
            done=False,
            base_revision=s.meta["base"],
            actor_id=context.account.id,
        )
    if not saved:
        notice = context._(
            "A colleague saved this step meanwhile, so the plan was not saved."
            " Here is the partnership as it is now."
        )
        return await show_card(update, context, partnership, notice)
    records = await repos.partnerships.steps(partnership.id)
    await repos.partnerships.set_step(
        partnership.id,
        position({c: r.data for c, r in records.items()}, {c: r.done for c, r in records.items()}),
    )
    await repos.audit.record(
        context.account.id, "partnership", partnership.id, "plan", {"step": code, PLANNED: chosen}
    )
    await update_reminders(context, partnership.id)
    updated = await repos.partnerships.get(partnership.id)
    assert updated is not None
    notice = context._("Plan saved: {step}", step=step_title(code, context.t))
    return await show_card(update, context, updated, notice)


async def choose_step(update: Update, context: BotContext, press: PlanSteps) -> object:
    """The steps to plan besides the current one (which the card plans with its own button)."""
    found = await active_with_steps(update, context, press.partnership)
    if found is None:
        return END
    partnership, records = found
    done = {code: record.done for code, record in records.items()}
    codes = plannable_steps(partnership.step, done)
    if not codes:
        return await show_card(update, context, partnership)
    drop_drafts(context)
    await show(update, context, *screens.plan_choices(context.t, partnership.id, codes, records))
    return END


FORM = Form(
    name=DRAFT_PREFIX + "plan",
    fields=(
        forms.Field(
            "day",
            N_("Planned for"),
            prompt=_prompt,
            options=_not_yet,
            parse=_day,
            show=lambda value, s: plan_text({PLANNED: value}, s.context.t) or "",
        ),
    ),
    save=_save,
    leave=_leave,
    summary=_summary,
    back_out=True,
    edit_menu=False,
    summary_heading=lambda s: s._("Please check the plan:"),
)
