"""The history screen of an aid record or a visit: when, who, what changed (before → after)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from telegram import Update

from bot.clock import parse_iso
from bot.context import BotContext
from bot.i18n import N_
from handlers.shared.screens import keyboard, show
from storage.history import HistoryEntry

ACTIONS = {
    "create": N_("created"),
    "edit": N_("changed"),
    "status": N_("status changed"),
    "confirm": N_("confirmed"),
    "outcomes": N_("outcomes added"),
    "delete": N_("deleted"),
}


def shown(value: object) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(
            str(item.get("id", item)) if isinstance(item, dict) else str(item) for item in value
        )
    return str(value)


async def show_history(
    update: Update,
    context: BotContext,
    title: str,
    entries: list[HistoryEntry],
    labels: Mapping[str, str],
    back: str,
    value: Callable[[str, Any], object] = lambda _name, v: v,
) -> None:
    """`labels` name the fields; `value` turns a stored value into a readable one."""
    _ = context._
    lines = [title]
    for entry in entries:
        who = await context.repos.users.get(entry.actor_id) if entry.actor_id else None
        when = context.t.datetime(parse_iso(entry.at), context.tz, "short")
        detail = ", ".join(
            f"{_(labels.get(name, name))}: {shown(value(name, old))} → {shown(value(name, new))}"
            for name, (old, new) in entry.changes.items()
        )
        action = _(ACTIONS[entry.action]) if entry.action in ACTIONS else entry.action
        lines.append(
            f"{when} · {who.first_name if who else '—'} · {action}"
            + (f" ({detail})" if detail and entry.action != "confirm" else "")
        )
    await show(update, context, "\n".join(lines), keyboard([[(_("Back"), back)]]))
