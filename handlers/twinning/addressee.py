"""Whom the letter of intent addresses: the partner's head, a form opened from the documents
screen.

The answers are the partner step's details (`Step.details`): kept with the step's facts,
saved compare-and-set like them, never required. Given, the letter names the head in the
dative, with the position, and greets them by name; without them it addresses the partner
itself and «Шановні колеги!».
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.twinning.card import value_text
from bot.domain.twinning.workflow import STEPS
from handlers.shared import forms
from handlers.shared.forms import Form
from handlers.twinning.buttons import Addressee
from handlers.twinning.common import DRAFT_PREFIX, drop_drafts, partnership_for
from handlers.twinning.documents import documents_screen
from handlers.twinning.steps import step_field

END = ConversationHandler.END
PARTNER = next(step for step in STEPS if step.code == "partner")


def _summary(s: forms.Step) -> str:
    t = s.context.t
    return "\n".join(
        f"{t._(fact.label)}: {value_text(fact, s.values.get(fact.key), t)}"
        for fact in PARTNER.active_details(s.values)
    )


async def _leave(update: Update, context: BotContext, notice: str) -> object:
    s = FORM.step(context)
    return await documents_screen(update, context, s.meta.get("partnership") if s else None, notice)


async def open_addressee(update: Update, context: BotContext, press: Addressee) -> object:
    partnership = await partnership_for(update, context, press.partnership)
    if partnership is None:
        return END
    record = (await context.repos.partnerships.steps(partnership.id)).get(PARTNER.code)
    data = record.data if record else {}
    known = {f.key: data[f.key] for f in PARTNER.details if f.key in data}
    meta = {"partnership": partnership.id, "base": record.revision if record else 0}
    drop_drafts(context)  # one flow of the guide at a time
    return await FORM.start(update, context, known, meta, at_summary=bool(known))


async def _save(update: Update, context: BotContext, s: forms.Step) -> object:
    assert context.account is not None
    FORM.drop(context)
    partnership = await partnership_for(update, context, int(s.meta.get("partnership") or 0))
    if partnership is None:
        return END
    repos = context.repos
    record = (await repos.partnerships.steps(partnership.id)).get(PARTNER.code)
    data = dict(record.data) if record else {}
    for fact in PARTNER.details:
        value = s.values.get(fact.key)
        if value in (None, "") or not fact.applies(s.values):
            data.pop(fact.key, None)
        else:
            data[fact.key] = value
    saved = await repos.partnerships.save_step(
        partnership.id,
        PARTNER.code,
        data,
        done=bool(record and record.done),
        base_revision=s.meta.get("base", 0),
        actor_id=context.account.id,
    )
    if not saved:
        notice = context._(
            "A colleague saved this step meanwhile, so the addressee was not saved."
            " Open it again to see what is there now."
        )
        return await documents_screen(update, context, partnership.id, notice)
    await repos.audit.record(
        context.account.id, "partnership", partnership.id, "addressee", s.values
    )
    notice = context._("Addressee saved: the letter of intent now names them.")
    return await documents_screen(update, context, partnership.id, notice)


FORM = Form(
    name=DRAFT_PREFIX + "addr",
    fields=tuple(step_field(PARTNER, fact) for fact in PARTNER.details),
    save=_save,
    leave=_leave,
    summary=_summary,
    heading=lambda s: (
        ""
        if s.values
        else s._(
            "Whom the letter of intent addresses: the partner's head, as the partner writes the"
            " name and in Ukrainian letters, and the position. Skip what you do not know."
        )
    ),
    back_out=True,
    summary_heading=lambda s: s._("Please check the addressee:"),
)
