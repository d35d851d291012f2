"""Setting or changing a reminder, on the form engine.

The form's fields: `when` (the phrase, read by the feature's own step in `phrase.py`, which
may also give the text), `text` (asked only when the phrase had none), and `to`, who gets
it: the person, or the group of one of their community's partnerships (private chats, new
reminders). The draft's `meta` holds the reminder being changed (`edit`), a nonce so that
Confirm pressed twice saves once, the partnership groups offered, and the readings of a
phrase that reads two ways. In a group the bot sees only commands and replies to itself,
so there the questions are messages to reply to.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.parsing.text import TextProblem, check_text, clean
from bot.domain.reminders.schedule import ScheduleError
from bot.i18n import N_
from handlers.reminders import screens
from handlers.reminders.buttons import FORM as NAME
from handlers.reminders.common import partner_title
from handlers.reminders.drafts import When
from handlers.reminders.screens import Screen
from handlers.shared import forms
from handlers.shared.forms import Field, Form, Option, Refusal
from handlers.shared.screens import ask_reply, is_private, show, toast
from storage.reminders import NewReminder

END = ConversationHandler.END
PHRASE = "reminders:phrase"  # a phrase typed, or a reading or a usual time pressed
DATE = "reminders:date"  # a date and time typed, after Pick a date
TEXT_LIMIT = 1000

TEXT_PROBLEMS = {
    TextProblem.TOO_LONG: N_("That is too long: keep it under {n} characters."),
    TextProblem.EMPTY: N_("The reminder needs some text: what should I remind about?"),
}


async def say(
    update: Update, context: BotContext, screen: Screen, placeholder: str | None = None
) -> None:
    """A question the next message answers: a screen in private, a reply request in a group."""
    if is_private(update):
        await show(update, context, *screen)
    else:
        await ask_reply(update, context, screen[0], placeholder)


async def ask_when(
    update: Update, context: BotContext, step: forms.Step, lead: str | None = None
) -> object:
    """Ask for what and when in one message; changed from the summary, say what it is now."""
    t = context.t
    current = step.values.get("when")
    if lead is None and current is not None:
        lead = t._("Now: {text}", text=screens.when_line(t, When.from_json(current)))
    if update.callback_query is not None and not is_private(update):
        await toast(update, t._("Reply to my message with what and when."))
    # From the summary (everything else answered) it can go back there unchanged.
    back = current is not None and "text" in step.values
    await say(update, context, screens.prompt(t, lead, back=back), t._("what and when"))
    return PHRASE


async def targets(context: BotContext) -> list[tuple[int, str]]:
    """Partnerships of the person's community that have a linked group: (id, partner)."""
    if context.community_id is None:
        return []
    found = []
    for partnership in await context.repos.partnerships.for_community(context.community_id):
        if await context.repos.partnerships.linked_chats(partnership.id):
            name = await partner_title(context, partnership)
            found.append((partnership.id, name or str(partnership.id)))
    return found


def _what(s: forms.Step) -> str:
    when = s.values.get("when")
    return screens.what(s.context.t, When.from_json(when) if when else None)


def _text(typed: str, s: forms.Step) -> Any:
    problem = check_text(typed, TEXT_LIMIT)
    return clean(typed) if problem is None else Refusal(s._(TEXT_PROBLEMS[problem], n=TEXT_LIMIT))


def _who(s: forms.Step) -> str:
    return s._("Who gets this reminder?")


def _groups(s: forms.Step) -> list[Option]:
    t = s.context.t
    groups = [Option(pid, screens.group_choice(t, name)) for pid, name in s.meta["groups"]]
    return [Option(None, s._("Only me")), *groups]


async def _still_linked(value: Any, s: forms.Step) -> Any:
    """A group unlinked since the choice was offered: the reminder goes to the person."""
    return value if value in {pid for pid, _name in await targets(s.context)} else None


def _summary(s: forms.Step) -> str:
    chosen = s.values.get("to")
    group = next((name for pid, name in s.meta["groups"] if pid == chosen), "") if chosen else None
    return screens.confirmation(
        s.context.t, s.values["text"], When.from_json(s.values["when"]), group
    )


async def _save(update: Update, context: BotContext, s: forms.Step) -> object:
    assert context.account is not None and update.effective_chat is not None
    when = When.from_json(s.values["when"])
    due = when.settled(context.services.clock.now())
    if due is None:
        # The summary waited past the time itself.
        s.values.pop("when")
        return await ask_when(update, context, s, context._(screens.REFUSALS[ScheduleError.PAST]))
    repo = context.repos.reminders
    text = s.values["text"]
    if s.meta.get("edit") is not None:
        existing = await repo.get(s.meta["edit"])
        if existing is None or existing.owner_id != context.account.id:
            FORM.drop(context)
            await show(update, context, context._("This reminder no longer exists."))
            return END
        await repo.update(
            existing.id,
            text=text,
            due_at=due,
            local_time=when.local_time,
            tz=when.tz,
            recurrence=when.rule,
        )
    else:
        partnership = s.values.get("to")
        chats = [update.effective_chat.id]
        if partnership:
            chats = await context.repos.partnerships.linked_chats(partnership) or chats
        for chat_id in chats:
            await repo.schedule(
                NewReminder(
                    chat_id=chat_id,
                    kind="user",
                    due_at=due,
                    text=text,
                    owner_id=context.account.id,
                    community_id=context.community_id,
                    partnership_id=partnership,
                    local_time=when.local_time,
                    tz=when.tz,
                    recurrence=when.rule,
                    # Confirm pressed twice writes one reminder, not two.
                    dedupe_key=f"user:{context.account.id}:{s.meta['nonce']}:{chat_id}",
                )
            )
    FORM.drop(context)
    await show(update, context, *screens.saved(context.t, due, when, private=is_private(update)))
    return END


async def _leave(update: Update, context: BotContext, notice: str) -> object:
    await show(update, context, *screens.left(context.t, notice))
    return END


FORM = Form(
    name=NAME,
    summary=_summary,
    summary_heading=lambda s: "",
    groups=True,
    fields=(
        Field("when", N_("When"), prompt=lambda s: "", outside=ask_when),
        Field("text", N_("Reminder"), prompt=_what, parse=_text),
        Field(
            "to",
            N_("Who gets it"),
            _who,
            options=_groups,
            when=lambda s: bool(s.meta.get("groups")),
            check=_still_linked,
            width=1,
            on_summary=True,
        ),
    ),
    save=_save,
    leave=_leave,
)
