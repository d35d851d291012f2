"""The workflow's own reminders, kept in the reminders table so they survive restarts.

After every change of a partnership, `reschedule` works out which reminders it needs now
(the ministry's review deadline, the registration prompt, the stalled-step nudge, the
signing anniversary, the day each planned step is planned for) and writes or cancels
them. Each reminder records the fact it was set for (`payload.basis`): one already delivered
or switched off is left alone until that fact changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.twinning.legal_facts import LegalFacts
from bot.domain.twinning.workflow import (
    REGISTER_PROMPT_DAYS,
    REGISTERED,
    STALL_DAYS,
    STEP_CODES,
    ministry_follow_up,
    next_anniversary,
    planned_day,
    planned_steps,
)
from bot.i18n import N_
from storage.partnerships import Partnership, StepRecord, WorkflowReminder
from storage.reminders import NewReminder
from storage.repositories import Repositories

KIND_MINISTRY = "twinning.ministry"
KIND_REGISTER = "twinning.register"
KIND_STALLED = "twinning.stalled"
KIND_ANNIVERSARY = "twinning.anniversary"
KIND_PLANNED = "twinning.planned"
REMIND_AT = time(9, 0)
# What each reminder is for, in a word: the card's list, the reminders list, the calendar.
REMINDER_NAMES = {
    KIND_MINISTRY: N_("follow up with the ministry"),
    KIND_REGISTER: N_("register the agreement"),
    KIND_STALLED: N_("nudge if nothing moves"),
    KIND_ANNIVERSARY: N_("signing anniversary"),
    KIND_PLANNED: N_("a planned step"),
}


@dataclass(frozen=True)
class Recipient:
    chat_id: int
    tz: str


@dataclass(frozen=True)
class Wanted:
    what: str
    kind: str
    basis: str
    due_at: datetime
    recipients: list[Recipient]
    recurrence: dict[str, Any] | None = None
    at_local: bool = True  # due at REMIND_AT on the day, in each recipient's time zone
    step: str | None = None  # the step a plan's reminder is about


def plan_key(step: str) -> str:
    return f"plan-{step}"


def key_prefix(partnership_id: int, what: str | None = None) -> str:
    return f"tw:{partnership_id}:" + (f"{what}:" if what else "")


def _on_day(day: date, tz: str) -> datetime:
    return datetime.combine(day, REMIND_AT, tzinfo=ZoneInfo(tz))


async def _members(repos: Repositories, community_id: int, default_tz: str) -> list[Recipient]:
    recipients = []
    for membership in await repos.memberships.members(community_id):
        user = await repos.users.get(membership.user_id)
        if user is not None and user.active:
            recipients.append(Recipient(user.id, user.tz or default_tz))
    return recipients


async def _groups(repos: Repositories, partnership_id: int, default_tz: str) -> list[Recipient]:
    recipients = []
    for chat_id in await repos.partnerships.linked_chats(partnership_id):
        chat = await repos.chats.get(chat_id)
        if chat is not None and chat.active:
            recipients.append(Recipient(chat.id, chat.tz or default_tz))
    return recipients


async def reschedule(
    repos: Repositories,
    legal: LegalFacts,
    partnership: Partnership,
    records: dict[str, StepRecord],
    now: datetime,
    default_tz: str = "Europe/Kyiv",
) -> list[str]:
    """Bring the partnership's reminders in line with its facts; returns the kinds wanted."""
    unanswered = not partnership.visible_to(partnership.community_id)
    if partnership.status != "active" or unanswered or partnership.answer == "declined":
        # A proposal the community has not accepted reminds it of nothing, nor does one the
        # partner declined remind the proposing side.
        await repos.partnerships.drop_reminders(key_prefix(partnership.id))
        return []
    members = await _members(repos, partnership.community_id, default_tz)
    wanted: list[Wanted] = []
    data = {code: record.data for code, record in records.items()}
    done = {code: record.done for code, record in records.items()}

    planned = planned_steps(data, done)
    if partnership.step != REGISTERED and partnership.step not in planned:
        # A planned step has its own deadline; nudging about it before then would nag.
        moved = partnership.updated_at or now
        wanted.append(
            Wanted(
                "stalled",
                KIND_STALLED,
                f"{partnership.step}|{moved.isoformat()}",
                moved + timedelta(days=STALL_DAYS),
                members,
                at_local=False,
            )
        )
    for code in planned:
        day = planned_day(data.get(code))
        if day is not None:
            wanted.append(
                Wanted(plan_key(code), KIND_PLANNED, f"{code}|{day}", _day(day), members, step=code)
            )
    ministry = data.get("ministry", {})
    answered = ministry.get("outcome") == "remarks"  # back with the community until resent
    if ministry.get("submitted_date") and not done.get("ministry") and not answered:
        submitted = date.fromisoformat(ministry["submitted_date"])
        follow_up = ministry_follow_up(submitted, legal.ministry_review_days)
        wanted.append(
            Wanted("ministry", KIND_MINISTRY, submitted.isoformat(), _day(follow_up), members)
        )
    signing = data.get("signing", {})
    if done.get("signing") and signing.get("signing_date"):
        signed = date.fromisoformat(signing["signing_date"])
        if not done.get("registration"):
            prompt = max(
                signed + timedelta(days=REGISTER_PROMPT_DAYS), now.date() + timedelta(days=1)
            )
            wanted.append(
                Wanted(
                    "register",
                    KIND_REGISTER,
                    signed.isoformat(),
                    _day(prompt),
                    members,
                    {"freq": "weekly", "weekdays": [prompt.weekday()]},
                )
            )
        partner_side = await _members(repos, partnership.partner_id, default_tz)
        groups = await _groups(repos, partnership.id, default_tz)
        anniversary = next_anniversary(signed, now.date())
        wanted.append(
            Wanted(
                "anniversary",
                KIND_ANNIVERSARY,
                signed.isoformat(),
                _day(anniversary),
                members + partner_side + groups,
                {"freq": "yearly", "month": signed.month, "day": signed.day},
            )
        )

    existing = await repos.partnerships.reminder_states(partnership.id)
    kinds = ("stalled", "ministry", "register", "anniversary", *map(plan_key, STEP_CODES))
    for what in kinds:
        if not any(w.what == what for w in wanted):
            await repos.partnerships.drop_reminders(key_prefix(partnership.id, what))
    for item in wanted:
        prefix = key_prefix(partnership.id, item.what)
        same_fact = [
            r for k, r in existing.items() if k.startswith(prefix) and r.basis == item.basis
        ]
        for recipient in item.recipients:
            key = prefix + str(recipient.chat_id)
            if key in existing and existing[key].basis == item.basis:
                continue
            timing = _timing(item, recipient, same_fact)
            if timing is None:
                continue
            due, recurrence = timing
            await repos.reminders.schedule(
                NewReminder(
                    chat_id=recipient.chat_id,
                    kind=item.kind,
                    due_at=max(due, now),
                    community_id=partnership.community_id,
                    partnership_id=partnership.id,
                    payload={"basis": item.basis, "step": item.step or partnership.step},
                    local_time=REMIND_AT.strftime("%H:%M") if item.at_local else None,
                    tz=recipient.tz,
                    recurrence=recurrence,
                    automatic=True,
                    dedupe_key=key,
                )
            )
    return [item.kind for item in wanted]


def _timing(
    item: Wanted, recipient: Recipient, same_fact: list[WorkflowReminder]
) -> tuple[datetime, dict[str, Any] | None] | None:
    """When a recipient's reminder is first due and how it repeats.

    `same_fact` are the reminders others already have for the same fact. A one-off whose
    colleagues' copies were all delivered is not sent to someone who joined since (None);
    a repeating one starts in step with the colleagues' next occurrence.
    """
    waiting = sorted((r for r in same_fact if r.waiting), key=lambda r: r.due_at)
    if same_fact and not waiting and item.recurrence is None:
        return None
    if waiting and item.recurrence is not None:
        first = waiting[0]
        if not item.at_local:
            return first.due_at, first.recurrence
        day = first.due_at.astimezone(ZoneInfo(first.tz)).date()
        return _on_day(day, recipient.tz), first.recurrence
    due = _on_day(item.due_at.date(), recipient.tz) if item.at_local else item.due_at
    return due, item.recurrence


def _day(day: date) -> datetime:
    """A calendar day carried in a datetime until each recipient's time zone is applied."""
    return datetime.combine(day, time(0, 0))
