"""The community's requisites for the documents, a form opened from the documents screen.

Kept per community (`storage.requisites`): filled in once, every document of every
partnership carries them. A first visit asks each requisite in turn (Skip for the optional
ones); later visits open at the summary of what is stored, where Edit changes one with Keep
as is beside it.
"""

from __future__ import annotations

import re
from typing import Any

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain.grammar.persons import parse_person
from bot.domain.twinning.document_facts import REQUISITE_FIELDS
from bot.domain.twinning.workflow import Field as Fact
from bot.domain.twinning.workflow import Kind
from handlers.shared import forms
from handlers.shared.forms import Form, Refusal
from handlers.twinning.buttons import Requisites
from handlers.twinning.common import DRAFT_PREFIX, drop_drafts, partnership_for
from handlers.twinning.documents import documents_screen

END = ConversationHandler.END
TEXT_LIMIT = 300
PEOPLE = ("head_name", "executor_name")
_text = forms.free_text(TEXT_LIMIT)


def _person(text: str, s: forms.Step) -> Any:
    value = _text(text, s)
    if isinstance(value, Refusal):
        return value
    person = parse_person(value)
    if person is None or not person.family:
        return Refusal(
            s._(
                "Type the first name and the surname, e.g. Іван Дирів: the documents print"
                " «Іван ДИРІВ»."
            )
        )
    return value


def _phone(text: str, s: forms.Step) -> Any:
    value = _text(text, s)
    if isinstance(value, Refusal):
        return value
    if len(re.sub(r"\D", "", value)) < 6:
        return Refusal(
            s._(
                "That does not look like a phone number. Type it with its code, e.g."
                " +380 3477 2 12 34."
            )
        )
    return value


def _edrpou(text: str, s: forms.Step) -> Any:
    digits = re.sub(r"\s", "", text)
    if not re.fullmatch(r"[0-9]{8}", digits):
        return Refusal(s._("An EDRPOU code has 8 digits, e.g. 04054002."))
    return digits


def _parser(fact: Fact) -> forms.Parser:
    if fact.key in PEOPLE:
        return _person
    if fact.key == "executor_phone":
        return _phone
    if fact.kind is Kind.NUMBER:
        return _edrpou
    return _text


def _field(fact: Fact) -> forms.Field:
    return forms.Field(
        fact.key,
        fact.label,
        prompt=lambda s: s._(fact.prompt),
        parse=_parser(fact),
        optional=fact.optional,
        show=lambda value, s: _shown(fact.key, value),
    )


def _shown(key: str, value: Any) -> str:
    """A requisite as the documents print it: a person as «Іван ДИРІВ»."""
    if value in (None, ""):
        return "—"
    person = parse_person(str(value)) if key in PEOPLE else None
    return (person.official() if person else None) or str(value)


def _summary(s: forms.Step) -> str:
    return "\n".join(
        f"{s._(fact.label)}: {_shown(fact.key, s.values.get(fact.key))}"
        for fact in REQUISITE_FIELDS
    )


def _heading(s: forms.Step) -> str:
    if s.values:
        return ""  # said once, above the first question
    return s._(
        "Requisites of your community for the documents: who signs, who prepared them, the"
        " letterhead. Given once, they are in every document of every partnership."
    )


async def _leave(update: Update, context: BotContext, notice: str) -> object:
    s = FORM.step(context)
    partnership_id = s.meta.get("partnership") if s else None
    return await documents_screen(update, context, partnership_id, notice)


async def open_requisites(update: Update, context: BotContext, press: Requisites) -> object:
    partnership = await partnership_for(update, context, press.partnership)
    if partnership is None:
        return END
    stored = await context.repos.requisites.get(partnership.community_id)
    known = {f.key: stored.get(f.key) for f in REQUISITE_FIELDS if f.key in stored}
    drop_drafts(context)  # one flow of the guide at a time
    meta = {"partnership": partnership.id}
    return await FORM.start(update, context, known, meta, at_summary=bool(known))


async def _save(update: Update, context: BotContext, s: forms.Step) -> object:
    assert context.account is not None
    partnership_id = s.meta.get("partnership")
    FORM.drop(context)
    partnership = await partnership_for(update, context, int(partnership_id or 0))
    if partnership is None:
        return END
    repos = context.repos
    stored = await repos.requisites.get(partnership.community_id)
    # What the form does not ask (a person's grammatical gender) stays as it was.
    data = {**stored, **{f.key: s.values.get(f.key) for f in REQUISITE_FIELDS}}
    for person in PEOPLE:
        if data.get(person) != stored.get(person):
            data.pop(person.replace("_name", "_gender"), None)
    await repos.requisites.save(partnership.community_id, data, context.account.id)
    await repos.audit.record(
        context.account.id, "community", partnership.community_id, "requisites", data
    )
    notice = context._("Requisites saved: the documents now carry them.")
    return await documents_screen(update, context, partnership.id, notice)


FORM = Form(
    name=DRAFT_PREFIX + "req",
    fields=tuple(_field(fact) for fact in REQUISITE_FIELDS),
    save=_save,
    leave=_leave,
    summary=_summary,
    heading=_heading,
    back_out=True,
    summary_heading=lambda s: s._("Please check the requisites:"),
)
