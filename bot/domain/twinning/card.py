"""The texts of the twinning guide: a partnership's card, step summaries and its history.

Shared by the private chat, linked groups (in the group's language) and reminders. The
brief card (`brief_text`) fits a phone screen: where the partnership is and what comes
next; the full card (`card_text`) lists every step with its facts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.domain.sectors import sector_labels
from bot.domain.twinning.workflow import (
    INFERRED,
    NOT_YET,
    PLANNED,
    REGISTERED,
    STEPS,
    Field,
    Kind,
    Step,
    current_step,
    ministry_rounds,
    nearest_plan,
    planned_day,
    planned_steps,
    step_by_code,
    step_number,
    total_steps,
)
from bot.i18n import Translator
from storage.partnerships import HistoryEntry, Partnership, StepRecord


def value_text(field: Field, value: Any, t: Translator) -> str:
    if value in (None, "", []):
        return "—"
    if field.kind is Kind.DATE:
        return t.date(date.fromisoformat(value))
    if field.kind is Kind.SECTORS:
        return ", ".join(sector_labels(value, t))
    if field.kind is Kind.CHOICE:
        label = field.choice_label(value)
        return t._(label) if label else str(value)
    return str(value)


def fact_lines(step: Step, values: dict[str, Any], t: Translator) -> list[str]:
    """The step's facts, then the details given for the documents and earlier rounds."""
    if values.get(INFERRED):
        return [t._("Recorded before this step was part of the guide.")]
    lines = [
        f"{t._(f.label)}: {value_text(f, values.get(f.key), t)}"
        for f in step.active_fields(values)
        if values.get(f.key) not in (None, "", []) or not f.optional
    ]
    lines += [
        f"{t._(f.label)}: {value_text(f, values.get(f.key), t)}"
        for f in step.active_details(values)
        if values.get(f.key) not in (None, "", [])
    ]
    for past in ministry_rounds(values)[:-1]:
        lines.append(
            t._(
                "Round {number}: sent {sent}, returned with remarks {returned}: {remarks}",
                number=past.number,
                sent=t.date(past.submitted) if past.submitted else "—",
                returned=t.date(past.returned) if past.returned else "—",
                remarks=past.remarks or "—",
            )
        )
    return lines


def plan_text(values: dict[str, Any] | None, t: Translator) -> str | None:
    """«Planned for 15 December 2026», «Planned: not yet»; None when the step is not planned."""
    plan = (values or {}).get(PLANNED)
    if not plan:
        return None
    if plan == NOT_YET:
        return t._("Planned: not yet, no date")
    day = planned_day(values)
    return t._("Planned for {date}", date=t.date(day)) if day else None


def step_title(code: str, t: Translator) -> str:
    step = step_by_code(code)
    if step is None:
        return code
    return t._("{number}. {title}", number=step_number(code), title=t._(step.title))


def status_line(partnership: Partnership, t: Translator) -> str | None:
    """The partner's answer to a proposal, then a pause or an end, as one or two lines."""
    lines = []
    if partnership.answer == "awaiting" and partnership.status != "ended":
        lines.append(t._("⏳ Awaiting the partner's answer"))
    elif partnership.answer == "declined" and partnership.status != "ended":
        lines.append(t._("✖️ Declined by the partner"))
    if partnership.status == "paused":
        lines.append(t._("Paused: {reason}", reason=partnership.status_reason or "—"))
    elif partnership.status == "ended":
        lines.append(t._("Ended: {reason}", reason=partnership.status_reason or "—"))
    return "\n".join(lines) or None


def card_text(
    t: Translator,
    partnership: Partnership,
    community: str,
    partner: str,
    records: dict[str, StepRecord],
) -> str:
    lines = [t._("Partnership {community} — {partner}", community=community, partner=partner)]
    status = status_line(partnership, t)
    if status:
        lines.append(status)
    lines.append("")
    for step in STEPS:
        record = records.get(step.code)
        plan = plan_text(record.data, t) if record is not None and not record.done else None
        if record is not None and record.done:
            mark = "✅"
        elif plan is not None:
            mark = "🗓"
        elif step.code == partnership.step:
            mark = "▶️"
        else:
            mark = "⬜"
        lines.append(f"{mark} {step_title(step.code, t)}")
        if plan is not None:
            lines.append("    " + plan)
        if record is not None and record.data:
            lines += ["    " + line for line in fact_lines(step, record.data, t)]
    lines.append("")
    if partnership.step == REGISTERED:
        lines.append(t._("The agreement is registered. The partnership is established."))
    elif partnership.status == "active":
        lines.append(t._("Next: {step}", step=step_title(partnership.step, t)))
    return "\n".join(lines)


BRIEF_LINES = 12  # a phone screen, with the buttons still visible


def brief_text(
    t: Translator,
    partnership: Partnership,
    community: str,
    partner: str,
    records: dict[str, StepRecord],
    limit: int = BRIEF_LINES,
) -> str:
    """Where the partnership is and the next action, in at most `limit` lines (fewer than
    BRIEF_LINES where a line of what was just saved comes above it)."""
    data = {code: record.data for code, record in records.items()}
    done = {code: record.done for code, record in records.items()}
    planned = planned_steps(data, done)
    lines = [t._("Partnership {community} — {partner}", community=community, partner=partner)]
    status = status_line(partnership, t)
    if status:
        lines.append(" ".join(status.split()))  # a reason typed on several lines, on one
    finished = sum(1 for step in STEPS if done.get(step.code))
    lines.append(
        t._("Steps done: {done} of {total}", done=finished, total=total_steps())
        + (" · " + t._("planned: {count}", count=len(planned)) if planned else "")
    )
    current = current_step(done, planned)
    if current == REGISTERED:
        lines.append(t._("The agreement is registered. The partnership is established."))
    else:
        lines.append(t._("Next: {step}", step=step_title(current, t)))
        plan = plan_text(data.get(current), t)
        if plan:
            lines.append(plan)
        ministry = ministry_rounds(data.get("ministry", {}))
        if current == "ministry" and ministry:
            latest = ministry[-1]
            if latest.outcome == "remarks":
                lines.append(t._("The draft came back with remarks: revise it and send it again."))
            elif latest.submitted is not None:
                lines.append(
                    t._(
                        "Sent to the ministry on {date} (round {number})",
                        date=t.date(latest.submitted),
                        number=latest.number,
                    )
                )
    soonest = nearest_plan(data, done)
    if soonest is not None and soonest[0] != current:
        lines.append(
            t._(
                "Planned: {step} — {date}",
                step=step_title(soonest[0], t),
                date=t.date(soonest[1]),
            )
        )
    # A typed reason may hold line breaks: the limit is on the lines a phone shows.
    return "\n".join("\n".join(lines).splitlines()[: max(limit, 1)])


def summary_text(t: Translator, step: Step, values: dict[str, Any]) -> str:
    lines = [
        t._("Please check step {step}:", step=step_title(step.code, t)),
        "",
        *fact_lines(step, values, t),
    ]
    if not step.is_complete(values):
        lines += ["", t._("The step stays open until it is complete.")]
    return "\n".join(lines)


def history_text(t: Translator, entries: list[HistoryEntry], names: dict[int, str], tz: str) -> str:
    if not entries:
        return t._("No changes yet.")
    lines = [t._("Latest changes:")]
    for entry in entries:
        who = names.get(entry.changed_by or 0, "—")
        when = t.datetime(entry.changed_at, tz, fmt="short")
        if entry.step == "status":
            status, reason = (entry.new_value or [None, None])[:2]
            what = t._(
                "status: {status} ({reason})", status=_status_name(status, t), reason=reason or "—"
            )
        elif entry.step == "answer":
            accepted = entry.new_value == "accepted"
            what = t._("accepted the proposal") if accepted else t._("declined the proposal")
        elif entry.field == PLANNED and step_by_code(entry.step) is not None:
            what = t._(
                "{step}: plan {old} → {new}",
                step=step_title(entry.step, t),
                old=_plan_value(entry.old_value, t),
                new=_plan_value(entry.new_value, t),
            )
        else:
            step = step_by_code(entry.step)
            field = step.field(entry.field) if step else None
            if step is None or field is None:
                continue
            what = t._(
                "{field}: {old} → {new}",
                field=t._(field.label),
                old=value_text(field, entry.old_value, t),
                new=value_text(field, entry.new_value, t),
            )
        lines.append(f"{when}, {who}: {what}")
    return "\n".join(lines)


def _status_name(status: str | None, t: Translator) -> str:
    return {
        "active": t._("active"),
        "paused": t._("paused"),
        "ended": t._("ended"),
    }.get(status or "", status or "—")


def _plan_value(value: Any, t: Translator) -> str:
    if not value:
        return "—"
    if value == NOT_YET:
        return t._("not yet")
    return t.date(date.fromisoformat(value))
