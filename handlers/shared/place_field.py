"""The place picker as one field of a form.

The form asks the field like any other (in turn, after Back, or from Edit); the field's
first screen is its question with the form's Back (or Back to summary) and Cancel, and
whatever the flow adds (a community's partners as buttons); typed names go to the shared
picker, whose lists lead back to that first screen. The pick goes back to the form with
`Form.put`; the picker keeps its step in the form's draft, so leaving the form drops it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot.context import BotContext
from bot.i18n import N_
from handlers.shared.forms import Condition, Field, Form, Prompt, Shown, Step
from handlers.shared.place_buttons import StartOver
from handlers.shared.place_picker import Picked, PlacePicker, Side
from handlers.shared.screens import Button, keyboard, show

Rows = list[list[Button]]
Choices = Callable[[Step], Awaitable[Rows]]
OnPick = Callable[[Update, BotContext, Step, Picked], Awaitable[object]]
TEXT = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
NAME_PROMPT = N_("Type the official name of the municipality, district or county.")


async def _no_choices(step: Step) -> Rows:
    return []


class PlaceField:
    """A form's field `name` answered by the place picker of flow `flow`.

    `prompt` is the first screen's question, `choices` the buttons the flow shows above the
    form's own, `side` which places are wanted; by default a pick is the field's value
    (`Picked.value()`), and `on_pick` may do otherwise (several picks, a check, a toggle)
    and then call `put` or `ask`. `opening` runs each time the form asks the field.
    `name_prompt`, the question for a name typed by hand, is a message or picks one from the
    draft."""

    def __init__(
        self,
        flow: str,
        form: Callable[[], Form],
        name: str,
        *,
        state: object,
        prompt: Prompt,
        side: Callable[[Step], Side],
        choices: Choices = _no_choices,
        on_pick: OnPick | None = None,
        opening: Callable[[Step], None] | None = None,
        manual: Callable[[Step], bool] = lambda step: True,
        name_prompt: str | Callable[[Step], str] = NAME_PROMPT,
        country_prompt: str = N_("Type the country, e.g. Germany or Lithuania."),
    ) -> None:
        self.form, self.name, self.state = form, name, state
        self._prompt, self._choices = prompt, choices
        self._on_pick, self._opening = on_pick, opening
        self._name_prompt = name_prompt
        self.picker = PlacePicker(
            flow,
            state=state,
            store=self._store,
            side=lambda context: side(self._step(context)),
            on_pick=self._picked,
            back=lambda context: StartOver(flow).data(),
            manual=lambda context: manual(self._step(context)),
            name_prompt=self._asked_name,
            country_prompt=country_prompt,
        )

    def field(
        self, label: str, *, when: Condition | None = None, show: Shown | None = None
    ) -> Field:
        return Field(self.name, label, prompt=self._prompt, outside=self.open, when=when, show=show)

    def _asked_name(self, context: BotContext) -> str:
        """The message asking for a name typed by hand (it may depend on earlier answers)."""
        asked = self._name_prompt
        return asked(self._step(context)) if callable(asked) else asked

    # --- the form's draft -----------------------------------------------------------------

    def _step(self, context: BotContext) -> Step:
        step = self.form().step(context)
        # Without a draft the picker works on a scratch copy; its pick then finds the form
        # gone and says so (see `Form.put`).
        return step if step is not None else Step(context, {}, {})

    def _store(self, context: BotContext) -> dict[str, Any]:
        return self._step(context).meta

    # --- screens --------------------------------------------------------------------------

    async def open(self, update: Update, context: BotContext, step: Step) -> object:
        """The form asks this field: a fresh picker, and the first screen."""
        self.picker.reset(context)
        if self._opening is not None:
            self._opening(step)
        return await self.ask(update, context, step)

    async def ask(self, update: Update, context: BotContext, step: Step) -> object:
        """The first screen: the question, the flow's buttons, the form's Back and Cancel."""
        nav = self.form().nav_row(step, self.name)
        rows: Sequence[Sequence[Button]] = [*await self._choices(step), nav]
        await show(update, context, self._prompt(step), keyboard(rows))
        return self.state

    async def put(self, update: Update, context: BotContext, value: Any) -> object:
        """The field's answer, back to the form."""
        self.picker.reset(context)
        return await self.form().put(update, context, self.name, value)

    async def _picked(self, update: Update, context: BotContext, picked: Picked) -> object:
        step = self.form().step(context)
        if step is None or self._on_pick is None:
            return await self.put(update, context, picked.value())
        return await self._on_pick(update, context, step, picked)

    async def _start_over(self, update: Update, context: BotContext, press: StartOver) -> object:
        step = self.form().step(context)
        if step is None:
            return await self.put(update, context, None)
        self.picker.reset(context)
        return await self.ask(update, context, step)

    async def _text(self, update: Update, context: BotContext) -> object:
        if self.form().step(context) is None:
            return await self.form().on_text(update, context)
        return await self.picker.take_text(update, context)

    def states(self) -> dict[object, list[BaseHandler[Any, Any, Any]]]:
        """The picker's state: its buttons, Back to the first screen, the form's own buttons
        (Back, Back to summary, Cancel) and typed names."""
        flow = self.picker.flow
        return {
            self.state: [
                *self.picker.handlers(),
                StartOver.handler(self._start_over, when=lambda press: press.flow == flow),
                self.form().press_handler(),
                MessageHandler(TEXT, self._text),
            ]
        }
