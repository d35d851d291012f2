"""The texts of the twinning guide: a partnership's card, step summaries and its history.

Shared by the private chat, linked groups (in the group's language) and reminders.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.domain.sectors import sector_labels
from bot.domain.twinning.workflow import (
    REGISTERED,
    STEPS,
    Field,
    Kind,
    Step,
    step_by_code,
    step_number,
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
    return [
        f"{t._(f.label)}: {value_text(f, values.get(f.key), t)}"
        for f in step.active_fields(values)
        if values.get(f.key) not in (None, "", []) or not f.optional
    ]


def step_title(code: str, t: Translator) -> str:
    step = step_by_code(code)
    if step is None:
        return code
    return t._("{number}. {title}", number=step_number(code), title=t._(step.title))


def status_line(partnership: Partnership, t: Translator) -> str | None:
    if partnership.status == "paused":
        return t._("Paused: {reason}", reason=partnership.status_reason or "—")
    if partnership.status == "ended":
        return t._("Ended: {reason}", reason=partnership.status_reason or "—")
    return None


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
        if record is not None and record.done:
            mark = "✅"
        elif step.code == partnership.step:
            mark = "▶️"
        else:
            mark = "⬜"
        lines.append(f"{mark} {step_title(step.code, t)}")
        if record is not None and record.data:
            lines += ["    " + line for line in fact_lines(step, record.data, t)]
    lines.append("")
    if partnership.step == REGISTERED:
        lines.append(t._("The agreement is registered. The partnership is established."))
    elif partnership.status == "active":
        lines.append(t._("Next: {step}", step=step_title(partnership.step, t)))
    return "\n".join(lines)


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
