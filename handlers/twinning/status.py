"""Pausing, resuming and ending a partnership. Pausing and ending ask for the reason (a form of
one field, whose summary asks to confirm); the linked groups are told."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.parsing.text import check_text, clean
from bot.i18n import N_, Translator
from handlers.shared.forms import Field, Form, Refusal, Step
from handlers.twinning.buttons import End, Pause, Resume
from handlers.twinning.common import (
    DRAFT_PREFIX,
    drop_drafts,
    partnership_for,
    post_to_groups,
    update_reminders,
)
from handlers.twinning.flow import back_to_card, show_card

END = ConversationHandler.END
REASON_LIMIT = 300


def _ask(s: Step) -> str:
    if s.meta["status"] == "paused":
        return s._("Why is the partnership paused? Type the reason in a few words.")
    return s._("Why does the partnership end? Type the reason in a few words.")


def _reason(text: str, s: Step) -> Any:
    if check_text(text, limit=REASON_LIMIT) is not None:
        return Refusal(
            s._("Please type the reason in at most {limit} characters.", limit=REASON_LIMIT)
        )
    return clean(text)


def _question(s: Step) -> str:
    reason = s.values["reason"]
    if s.meta["status"] == "paused":
        return s._("Pause the partnership? Reason: {reason}", reason=reason)
    return s._("End the partnership? This cannot be undone. Reason: {reason}", reason=reason)


async def _save(update: Update, context: BotContext, s: Step) -> object:
    FORM.drop(context)
    return await change(
        update, context, s.meta["partnership"], s.meta["status"], s.values["reason"]
    )


async def _leave(update: Update, context: BotContext, notice: str) -> int:
    s = FORM.step(context)
    return await back_to_card(update, context, notice, s.meta["partnership"] if s else None)


FORM = Form(
    name=DRAFT_PREFIX + "status",
    fields=(Field("reason", N_("Reason"), prompt=_ask, parse=_reason),),
    save=_save,
    leave=_leave,
    summary=_question,
    summary_heading=lambda s: "",
)


async def ask_reason(update: Update, context: BotContext, press: Pause | End) -> object:
    partnership = await partnership_for(update, context, press.partnership)
    if partnership is None:
        return END
    status = "paused" if isinstance(press, Pause) else "ended"
    drop_drafts(context)
    return await FORM.start(update, context, meta={"partnership": partnership.id, "status": status})


async def resume(update: Update, context: BotContext, press: Resume) -> int:
    return await change(update, context, press.partnership, "active", None)


async def change(
    update: Update, context: BotContext, partnership_id: int, status: str, reason: str | None
) -> int:
    partnership = await partnership_for(update, context, partnership_id)
    if partnership is None:
        return END
    assert context.account is not None
    expected = "paused" if status == "active" else partnership.status
    if partnership.status == "ended" or partnership.status == status:
        return await show_card(update, context, partnership, context._("Nothing to change."))
    changed = await context.repos.partnerships.set_status(
        partnership.id, status, reason, context.account.id, expected=expected
    )
    updated = await context.repos.partnerships.get(partnership.id)
    assert updated is not None
    if not changed:
        return await show_card(update, context, updated, context._("Nothing to change."))
    await update_reminders(context, partnership.id)
    who = context.account.display_name

    def render(t: Translator, community: str, partner: str) -> str:
        head = {
            "paused": t._(
                "{name} paused the partnership. Reason: {reason}", name=who, reason=reason
            ),
            "ended": t._("{name} ended the partnership. Reason: {reason}", name=who, reason=reason),
        }.get(status, t._("{name} resumed the partnership.", name=who))
        return f"{community} — {partner}\n{head}"

    await post_to_groups(context, updated, render)
    done = {
        "paused": context._("The partnership is paused."),
        "ended": context._("The partnership is ended."),
    }.get(status, context._("The partnership is resumed."))
    return await show_card(update, context, updated, done)
