"""The pieces of a step-by-step flow that "Log aid" and "Log visit" share: the draft, the
Cancel row, moving on to the next unanswered step (or back to the summary while editing),
typed text steps, the summary and edit screens, and ending the flow.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.text_input import TextProblem, clean
from handlers.aid.common import draft, drop_draft, text_problem
from handlers.aid.home import home_markup
from handlers.shared.screens import Button, columns, keyboard, show

Step = Callable[[Update, BotContext], Awaitable[object]]
Check = Callable[[str, int], TextProblem | None]


def today(context: BotContext) -> date:
    """Today where the user is: "today" and future-date checks follow their clock."""
    return context.services.clock.now().astimezone(ZoneInfo(context.tz)).date()


class FlowSteps:
    """One flow's prefix, draft and step order; `ask` maps each step to its question."""

    def __init__(
        self, prefix: str, flow: str, order: tuple[str, ...], ask: Mapping[str, Step], summary: Step
    ) -> None:
        self.prefix, self.flow, self.order, self.ask, self.summary = (
            prefix,
            flow,
            order,
            ask,
            summary,
        )

    def draft(self, context: BotContext) -> dict[str, Any]:
        return draft(context, self.flow)

    def nav(self, context: BotContext, *extra: Button) -> list[list[Button]]:
        rows: list[list[Button]] = [list(extra)] if extra else []
        rows.append([(context._("Cancel"), f"{self.prefix}:x")])
        return rows

    async def advance(self, update: Update, context: BotContext, done: str) -> object:
        """The next unanswered step, or the summary while editing."""
        if self.draft(context).get("editing"):
            return await self.summary(update, context)
        at = self.order.index(done) + 1 if done in self.order else 0
        if at < len(self.order):
            return await self.ask[self.order[at]](update, context)
        return await self.summary(update, context)

    async def ask_typed(
        self, update: Update, context: BotContext, text: str, state: str, skip: bool = False
    ) -> str:
        """A question answered by typing, with Skip when the answer is optional."""
        extra: list[Button] = [(context._("Skip"), f"{self.prefix}:skip:{state}")] if skip else []
        await show(update, context, text, keyboard(self.nav(context, *extra)))
        return state

    async def take_typed(
        self, update: Update, context: BotContext, state: str, check: Check, limit: int
    ) -> object:
        """Keep the typed text under the step's name, or say what is wrong and ask again."""
        assert update.message is not None
        text = update.message.text or ""
        problem = check(text, limit)
        if problem is not None:
            await show(update, context, text_problem(context, problem, limit))
            return state
        self.draft(context)[state] = clean(text)
        return await self.advance(update, context, state)

    async def show_summary(self, update: Update, context: BotContext, summary: str) -> None:
        _ = context._
        p = self.prefix
        await show(
            update,
            context,
            _("Please check before saving:") + "\n\n" + summary,
            keyboard(
                [[(_("Confirm"), f"{p}:save")], [(_("Edit"), f"{p}:edit"), (_("Cancel"), f"{p}:x")]]
            ),
        )

    async def show_edit_menu(
        self, update: Update, context: BotContext, fields: list[Button]
    ) -> None:
        _ = context._
        await show(
            update,
            context,
            _("What do you want to change?"),
            keyboard([*columns(fields), [(_("Back to summary"), f"{self.prefix}:sum")]]),
        )

    async def back_to_summary(self, update: Update, context: BotContext) -> object:
        return await self.summary(update, context)

    async def end(self, update: Update, context: BotContext, text: str) -> int:
        """Drop the draft and show the aid and visits home screen under the text."""
        drop_draft(context, self.flow)
        await show(update, context, text, home_markup(context))
        return ConversationHandler.END

    async def cancel(self, update: Update, context: BotContext) -> int:
        return await self.end(update, context, context._("Cancelled. Nothing was saved."))

    async def refuse_stale(
        self, update: Update, context: BotContext, key: str, complete: bool = True
    ) -> bool:
        """A draft of another community (the user switched), from an old button or missing
        a step saves nothing; `key` names the saved item a draft of changes is for."""
        d = self.draft(context)
        mine = d.get("community") == context.community_id
        if complete and mine and (d.get("token") or d.get(key)):
            return False
        await self.end(
            update, context, context._("That draft is no longer valid. Nothing was saved.")
        )
        return True


async def expect_button(update: Update, context: BotContext) -> None:
    await show(update, context, context._("Please use the buttons above, or /cancel to stop."))
