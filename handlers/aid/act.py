"""Drawing up the handover act of a record both sides confirmed: a short form that opens at
its summary, filled from the record, the communities' requisites and the act drawn up
last time (number, date, place, recipient and its ЄДРПОУ code, balance holder, donor's
address and registration number, basis, who handed over and who accepted); Confirm sends
the .docx. What is left empty is printed as a line to fill in by hand. The requisites
typed here are kept for the community's next act."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any

from telegram import InputFile, Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.domain import places
from bot.domain.aid.act import (
    ActFacts,
    Named,
    act_file_name,
    act_language,
    build_act,
    centre_of,
    council_of,
    donors_named,
    edrpou_valid,
    person_of,
    typed_place,
)
from bot.domain.parsing.dates import DateError, parse_date
from bot.domain.parsing.text import check_name, check_text
from bot.i18n import N_
from handlers.aid.answers import date_problem, text_field
from handlers.aid.buttons import DraftAct
from handlers.aid.common import format_day, today
from handlers.aid.confirm import viewer_of
from handlers.aid.home import back_home
from handlers.aid.screens import home_markup
from handlers.shared.forms import Field, Form, Option, Refusal, Step
from handlers.shared.screens import toast
from storage.aid import AidRecord, Requisites
from storage.communities import Community

LIMIT = 200


def _edrpou(text: str, step: Step) -> Any:
    code = "".join(text.split())
    if not edrpou_valid(code):
        return Refusal(
            step._("An ЄДРПОУ code is 8 digits with a check digit, e.g. 04054866. Please check it.")
        )
    return code


def _act_date(text: str, step: Step) -> Any:
    try:
        day = parse_date(text, today=today(step.context), allow_future=False)
    except DateError as error:
        return Refusal(date_problem(step.context, error.code))
    return day.isoformat()


def _text(name: str, label: str, question: str, check: Callable[..., Any] = check_text) -> Field:
    return text_field(name, label, question, check, LIMIT, optional=True)


FIELDS = (
    text_field(
        "number",
        N_("Act No."),
        N_("The act's number, e.g. 1 or 12/2022."),
        check_text,
        20,
    ),
    Field(
        "date",
        N_("Date of the act"),
        prompt=lambda s: s._("The act's date? Type it, e.g. 01.04.2022, or press Today."),
        parse=_act_date,
        options=lambda s: [Option(today(s.context).isoformat(), s._("Today"))],
        show=lambda v, s: format_day(s.context.t, v) if v else "",
    ),
    text_field(
        "place",
        N_("Place"),
        N_("Where is it drawn up? E.g. м. Долина."),
        check_name,
        100,
    ),
    text_field(
        "recipient",
        N_("Recipient"),
        N_("Who receives it: the council or its institution, e.g. Долинська міська рада."),
        check_name,
        LIMIT,
    ),
    Field(
        "code",
        N_("EDRPOU code"),
        prompt=lambda s: s._("The recipient's ЄДРПОУ code (8 digits)? Or press Skip."),
        parse=_edrpou,
        optional=True,
    ),
    _text(
        "holder",
        N_("Balance holder"),
        N_("Whose balance takes it, if not the recipient's? E.g. КНП «Долинська лікарня»."),
        check_name,
    ),
    _text("donor_address", N_("Donor's address"), N_("The donor's address? Or press Skip.")),
    _text(
        "donor_code",
        N_("Donor's registration number"),
        N_("The donor's registration number? Or press Skip."),
    ),
    _text(
        "basis",
        N_("Basis"),
        N_(
            "On what basis is it given? E.g. the donor's letter of 15.03.2022 No. 12, or the"
            " partnership agreement. Or press Skip."
        ),
    ),
    _text(
        "handed_by",
        N_("Handed over by"),
        N_(
            "Who hands it over? Type the name, then the position, e.g. Rasa Petrauskienė, head"
            " of the international relations division. Or press Skip."
        ),
    ),
    _text(
        "received_by",
        N_("Accepted by"),
        N_(
            "Who accepts it? Type the name, then the position, e.g. Марія Петренко, міська"
            " голова. Or press Skip."
        ),
    ),
)


def _named_place(community: Community, language: str) -> tuple[Named, Named | None]:
    """Where the act is drawn up and the council, from the hromada's codifier entry; the
    second name in `language`."""
    place = places.get(community.katottg) if community.katottg else None
    if place is None:
        return Named(community.title("uk"), community.title(language)), None
    centre = centre_of(place.name_uk, place.hromada_kind, place.name)
    return centre, council_of(place.hromada_uk, place.hromada_kind, place.name, language)


async def start(update: Update, context: BotContext, press: DraftAct) -> object:
    _ = context._
    record = await context.repos.aid.get(press.record)
    found = await viewer_of(context, record) if record is not None else None
    if record is None or record.deleted or found is None:
        await toast(update, _("This record no longer exists."))
        return ConversationHandler.END
    if not record.confirmed_by_both:
        await toast(update, _("The act is drawn up once both sides have confirmed the record."))
        return ConversationHandler.END
    recipient = await context.repos.communities.get(record.recipient_id)
    assert recipient is not None
    # The form offers the Ukrainian names; the donor's column is named when the act is drawn up.
    place, council = _named_place(recipient, "en")
    own = await context.repos.aid.requisites(recipient.id)
    donor = await context.repos.aid.requisites(record.donors[0])
    day = record.aid_date if record.date_precision == "day" else today(context).isoformat()
    values: dict[str, Any] = {
        "number": str(record.number(recipient.id)),
        "date": day,
        "place": place.uk,
        "recipient": council.uk if council else recipient.title("uk"),
        "code": own.code,
        "holder": None,
        "donor_address": donor.address,
        "donor_code": donor.code,
        "basis": None,
        "handed_by": None,
        "received_by": None,
    }
    values.update({k: v for k, v in (record.act or {}).items() if k in values})
    meta = {"record": record.id, "viewer": found[1]}
    return await FORM.start(update, context, values, meta, at_summary=True)


async def draw_up(update: Update, context: BotContext, step: Step) -> object:
    """Confirm: the .docx, and the requisites kept for the next act."""
    assert context.account is not None and update.effective_chat is not None
    record = await context.repos.aid.get(step.meta["record"])
    FORM.drop(context)
    if record is None or record.deleted or await viewer_of(context, record) is None:
        return await back_home(update, context, context._("This record no longer exists."))
    values = dict(step.values)
    await context.repos.aid.set_act(record.id, values)
    await context.repos.aid.set_requisites(
        record.recipient_id,
        Requisites(
            (await context.repos.aid.requisites(record.recipient_id)).address, values["code"]
        ),
        context.account.id,
    )
    await context.repos.aid.set_requisites(
        record.donors[0],
        Requisites(values["donor_address"], values["donor_code"]),
        context.account.id,
    )
    language, facts = await act_facts(context, record, values)
    i18n = context.services.i18n
    data = build_act(facts, i18n.get("uk"), i18n.get(language))
    name = act_file_name(facts.number, record.number(step.meta["viewer"]), facts.day, language)
    await context.bot.send_document(
        update.effective_chat.id,
        InputFile(io.BytesIO(data), filename=name),
        caption=context._(
            "Handover act No. {number}, ready to print and sign.", number=facts.number
        ),
    )
    await context.bot.send_message(
        update.effective_chat.id, context._("What next?"), reply_markup=home_markup(context.t)
    )
    return ConversationHandler.END


async def act_facts(
    context: BotContext, record: AidRecord, values: dict[str, Any]
) -> tuple[str, ActFacts]:
    """The language of the act's second column, and everything the act prints."""
    found = {
        c.id: c
        for c in await context.repos.communities.list_by_ids([*record.donors, record.recipient_id])
    }
    donors = [found[d] for d in record.donors if d in found]
    return facts_of(record, donors, found[record.recipient_id], values)


def facts_of(
    record: AidRecord, donors: list[Community], recipient: Community, values: dict[str, Any]
) -> tuple[str, ActFacts]:
    """The act's second language, by the donors' countries, and the act's facts from the
    record and the form's answers, every name of that column in that language."""
    language = act_language([d.country_code for d in donors])
    place, council = _named_place(recipient, language)
    typed = values["place"]
    # Donors of one country name it once.
    countries = [places.country(code) for code in dict.fromkeys(d.country_code for d in donors)]
    recipient_name = values["recipient"]
    recipient_named = (
        council if council is not None and recipient_name == council.uk else Named(recipient_name)
    )
    return language, ActFacts(
        number=values["number"],
        day=date.fromisoformat(values["date"]),
        place=place if typed == place.uk else typed_place(typed),
        donor=donors_named([Named(d.title("uk"), d.title(language)) for d in donors]),
        donor_country=donors_named(
            [Named(c.name("uk"), c.name(language)) for c in countries if c is not None]
        ),
        recipient=recipient_named,
        items=record.items,
        currency=record.currency or "",
        value_minor=record.value_minor,
        donor_address=values.get("donor_address") or "",
        donor_code=values.get("donor_code") or "",
        recipient_code=values.get("code") or "",
        katottg=recipient.katottg or "",
        holder=Named(values["holder"]) if values.get("holder") else None,
        basis=values.get("basis") or "",
        declaration=record.declaration or "",
        intended_use=record.intended_use or "",
        handed_by=person_of(values.get("handed_by") or ""),
        received_by=person_of(values.get("received_by") or ""),
    )


def _heading(step: Step) -> str:
    return step._(
        "The handover act will read as below. Edit what to change; empty lines are printed to"
        " fill in by hand. Confirm sends the .docx."
    )


FORM = Form(
    name="aid_act_form",
    fields=FIELDS,
    save=draw_up,
    leave=back_home,
    summary_heading=_heading,
)
