"""The partner picker as one field of a form: the form asks it like any other field (first,
after Back, or from Edit), the picker runs in its own conversation states with its own draft,
and hands the chosen communities back to the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from handlers.aid.common import PartnerPicker, draft, drop_draft
from handlers.shared.forms import Condition, Field, Form, Step


class PartnerStep:
    """`prefix` marks the picker's own buttons; `form` is the form the answer goes back to."""

    def __init__(self, prefix: str, form: Callable[[], Form], *, multi: bool) -> None:
        self.form = form
        self.prefix = prefix
        self.picker = PartnerPicker(prefix, f"{prefix}_pick", multi=multi, done=self._done)

    def field(self, label: str, when: Condition | None = None) -> Field:
        return Field("partners", label, prompt=lambda s: "", outside=self._ask, when=when)

    async def _ask(self, update: Update, context: BotContext, step: Step) -> object:
        drop_draft(context, self.picker.flow)
        draft(context, self.picker.flow).update(
            community=step.meta["community"],
            own_kind=step.meta["own_kind"],
            partners=list(step.values.get("partners") or []),
        )
        return await self.picker.ask(update, context)

    async def _done(self, update: Update, context: BotContext) -> object:
        chosen = list(draft(context, self.picker.flow).get("partners") or [])
        drop_draft(context, self.picker.flow)
        return await self.form().put(update, context, "partners", chosen)

    async def cancel(self, update: Update, context: BotContext) -> object:
        drop_draft(context, self.picker.flow)
        form = self.form()
        form.drop(context)
        return await form.leave(update, context, context._("Cancelled. Nothing was saved."))

    def states(self) -> dict[object, list[Any]]:
        return self.picker.states()

    def cancel_handler(self) -> BaseHandler[Any, Any, Any]:
        """The picker's own Cancel button (its buttons are its own, not typed declarations)."""
        return CallbackQueryHandler(self.cancel, pattern=rf"^{self.prefix}:x$")
