"""The form's first question, asked by the feature itself: what and when in one message.

A phrase understood gives the form its time (and its text, when it has one). A phrase with
a part that looks like a time but was not understood, or that reads two ways, sets nothing:
the person changes it, picks a reading, or picks one of the usual times; text without a
time gets the usual times too, and Pick a date asks for a date and time on their own.
"""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.domain.parsing.text import check_text, clean
from bot.domain.reminders.schedule import (
    ScheduleError,
    ScheduleRefused,
    ScheduleUnsure,
    parse_schedule,
)
from handlers.reminders import screens
from handlers.reminders.buttons import QuickTime, Reading, Retype
from handlers.reminders.drafts import When
from handlers.reminders.form import DATE, FORM, PHRASE, TEXT_LIMIT, ask_when, say
from handlers.shared import forms
from handlers.shared.screens import show


def _step(context: BotContext) -> forms.Step:
    step = FORM.step(context)
    assert step is not None  # the flow's states take updates only while its draft exists
    return step


async def _take(update: Update, context: BotContext, when: When, text: str | None = None) -> object:
    step = _step(context)
    step.meta.pop("readings", None)
    if text:
        step.values["text"] = text
    return await FORM.put(update, context, "when", when.json())


async def _unsure(update: Update, context: BotContext, doubt: ScheduleUnsure) -> object:
    step = _step(context)
    step.meta["readings"] = [When.of(option).json() for option in doubt.alternatives]
    await show(update, context, *screens.unsure(context.t, doubt, step.values.get("text")))
    return PHRASE


async def understand(update: Update, context: BotContext, typed: str) -> object:
    """Read a phrase; set its time and text, or say what is unclear."""
    try:
        schedule = parse_schedule(typed, now=context.services.clock.now(), tz=context.tz)
    except ScheduleUnsure as doubt:
        step = _step(context)
        if doubt.text:
            step.values["text"] = clean(doubt.text)
        else:
            step.values.pop("text", None)
        return await _unsure(update, context, doubt)
    except ScheduleRefused as refused:
        if refused.code is ScheduleError.NO_WHEN and check_text(typed, TEXT_LIMIT) is None:
            _step(context).values["text"] = clean(typed)
            await show(update, context, *screens.no_time(context.t))
            return PHRASE
        await say(update, context, screens.refused(context.t, refused.code))
        return PHRASE
    return await _take(update, context, When.of(schedule), schedule.text)


async def typed_phrase(update: Update, context: BotContext) -> object:
    assert update.effective_message is not None
    return await understand(update, context, update.effective_message.text or "")


async def quick(update: Update, context: BotContext, press: QuickTime) -> object:
    if press.choice == "date":
        await show(update, context, *screens.pick_date(context.t))
        return DATE
    now = context.services.clock.now()
    return await _take(update, context, When.quick(press.choice, now, context.tz))


async def reading(update: Update, context: BotContext, press: Reading) -> object:
    readings = _step(context).meta.get("readings") or []
    if press.index >= len(readings):
        return await ask_when(update, context, _step(context))
    return await _take(update, context, When.from_json(readings[press.index]))


async def retype(update: Update, context: BotContext, press: Retype) -> object:
    return await ask_when(update, context, _step(context))


async def typed_date(update: Update, context: BotContext) -> object:
    """A date and time on their own: any words beside them do not change the text."""
    assert update.effective_message is not None
    typed = update.effective_message.text or ""
    try:
        schedule = parse_schedule(typed, now=context.services.clock.now(), tz=context.tz)
    except ScheduleUnsure as doubt:
        return await _unsure(update, context, doubt)
    except ScheduleRefused as refused:
        problem = context._(screens.REFUSALS[refused.code])
        await show(update, context, *screens.pick_date(context.t, problem))
        return DATE
    return await _take(update, context, When.of(schedule))
