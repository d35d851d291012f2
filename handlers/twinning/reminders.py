"""How the workflow's reminders read when they come due, in the recipient's language.

Each renderer re-reads the partnership: a reminder whose reason has gone (the ministry
answered, the registration number is in, the step moved, the partnership was paused)
renders as None and is dropped instead of delivered.
"""

from __future__ import annotations

from datetime import date

from telegram import InlineKeyboardButton

from bot.domain.twinning.card import step_title
from bot.domain.twinning.deadlines import (
    KIND_ANNIVERSARY,
    KIND_MINISTRY,
    KIND_REGISTER,
    KIND_STALLED,
    REMINDER_NAMES,
)
from bot.domain.twinning.legal_facts import load_legal_facts
from bot.domain.twinning.workflow import REGISTERED, STALL_DAYS, years_since
from bot.i18n import N_, Translator
from bot.jobs.reminder_kinds import ReminderKinds, Rendered
from bot.services import Services
from handlers.shared.buttons import Button
from handlers.twinning.buttons import Card, OpenStep
from handlers.twinning.common import names
from storage.partnerships import Partnership, StepRecord
from storage.reminders import Reminder


async def _load(
    services: Services, reminder: Reminder
) -> tuple[Partnership, dict[str, StepRecord]] | None:
    repos = services.repos
    partnership = (
        await repos.partnerships.get(reminder.partnership_id) if reminder.partnership_id else None
    )
    if partnership is None or partnership.status != "active":
        return None
    return partnership, await repos.partnerships.steps(partnership.id)


def _button(t: Translator, label: str, press: Button) -> list[list[InlineKeyboardButton]]:
    return [[press.as_button(t._(label))]]


async def render_ministry(services: Services, t: Translator, reminder: Reminder) -> Rendered | None:
    loaded = await _load(services, reminder)
    if loaded is None:
        return None
    partnership, records = loaded
    ministry = records.get("ministry")
    if ministry is None or ministry.done or not ministry.data.get("submitted_date"):
        return None
    facts = load_legal_facts(services.settings.legal_facts)
    community, partner = await names(services.repos, partnership, t.lang)
    text = t._(
        "{days} days have passed since the draft agreement of {community} with {partner} went"
        " to the {ministry} on {date}. If there is no answer yet, follow up with the ministry;"
        " when it comes, record it in the guide.",
        days=facts.ministry_review_days,
        community=community,
        partner=partner,
        ministry=facts.ministry(t.lang),
        date=t.date(date.fromisoformat(ministry.data["submitted_date"])),
    )
    return text, _button(t, N_("Record the answer"), OpenStep(partnership.id, "ministry"))


async def render_register(services: Services, t: Translator, reminder: Reminder) -> Rendered | None:
    loaded = await _load(services, reminder)
    if loaded is None:
        return None
    partnership, records = loaded
    signing, registration = records.get("signing"), records.get("registration")
    if signing is None or not signing.done or (registration is not None and registration.done):
        return None
    facts = load_legal_facts(services.settings.legal_facts)
    community, partner = await names(services.repos, partnership, t.lang)
    text = t._(
        "The agreement of {community} with {partner} was signed on {date} but is not registered"
        " yet. Enter it in {register}, then record the registration number here.",
        community=community,
        partner=partner,
        date=t.date(date.fromisoformat(signing.data["signing_date"])),
        register=facts.text("register", t.lang),
    )
    return text, _button(t, N_("Record the registration"), OpenStep(partnership.id, "registration"))


async def render_stalled(services: Services, t: Translator, reminder: Reminder) -> Rendered | None:
    loaded = await _load(services, reminder)
    if loaded is None:
        return None
    partnership = loaded[0]
    if partnership.step == REGISTERED or partnership.step != reminder.payload.get("step"):
        return None
    community, partner = await names(services.repos, partnership, t.lang)
    text = t.ngettext(
        "The partnership of {community} with {partner} has not moved for {n} day. Next step:"
        " {step}.",
        "The partnership of {community} with {partner} has not moved for {n} days. Next step:"
        " {step}.",
        STALL_DAYS,
        community=community,
        partner=partner,
        step=step_title(partnership.step, t),
    )
    return text, _button(t, N_("Continue"), OpenStep(partnership.id, partnership.step))


async def render_anniversary(
    services: Services, t: Translator, reminder: Reminder
) -> Rendered | None:
    loaded = await _load(services, reminder)
    if loaded is None:
        return None
    partnership, records = loaded
    signing = records.get("signing")
    if signing is None or not signing.done:
        return None
    signed = date.fromisoformat(signing.data["signing_date"])
    community, partner = await names(services.repos, partnership, t.lang)
    years = max(1, years_since(signed, services.clock.now().date()))
    text = t.ngettext(
        "{n} year ago {community} and {partner} signed their agreement. Happy anniversary!",
        "{n} years ago {community} and {partner} signed their agreement. Happy anniversary!",
        years,
        community=community,
        partner=partner,
    )
    return text, _button(t, N_("Open the partnership"), Card(partnership.id))


async def title(services: Services, t: Translator, reminder: Reminder) -> str | None:
    """`follow up with the ministry: Brovary – Jena, Germany` for the reminders list."""
    partnership = (
        await services.repos.partnerships.get(reminder.partnership_id)
        if reminder.partnership_id
        else None
    )
    what = t._(REMINDER_NAMES[reminder.kind])
    if partnership is None:
        return what
    community, partner = await names(services.repos, partnership, t.lang)
    return t._("{what}: {community} – {partner}", what=what, community=community, partner=partner)


ORIGIN = N_("from the twinning guide")


def register(kinds: ReminderKinds) -> None:
    for kind, renderer in (
        (KIND_MINISTRY, render_ministry),
        (KIND_REGISTER, render_register),
        (KIND_STALLED, render_stalled),
        (KIND_ANNIVERSARY, render_anniversary),
    ):
        kinds.add(kind, renderer, origin=ORIGIN, title=title)
