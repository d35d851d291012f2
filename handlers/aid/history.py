"""The history screen of an aid record or a visit: when, who, what changed (before → after)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from telegram import InlineKeyboardMarkup, Update

from bot.clock import parse_iso
from bot.context import BotContext
from bot.i18n import N_, Translator
from handlers.shared.screens import keyboard, show
from storage.history import HistoryEntry

ACTIONS = {
    "create": N_("created"),
    "edit": N_("changed"),
    "status": N_("status changed"),
    "confirm": N_("confirmed"),
    "reject": N_("rejected"),
    "outcomes": N_("outcomes added"),
    "delete": N_("deleted"),
}
Readable = Callable[[str, Any], object]


def shown(value: object) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(
            str(item.get("id", item)) if isinstance(item, dict) else str(item) for item in value
        )
    return str(value)


def history_screen(
    t: Translator,
    tz: str,
    title: str,
    entries: list[HistoryEntry],
    actors: Mapping[int, str],
    labels: Mapping[str, str],
    back: str,
    value: Readable = lambda _name, v: v,
) -> tuple[str, InlineKeyboardMarkup]:
    """`actors` name who acted, `labels` the fields; `value` makes a stored value readable."""
    _ = t._
    lines = [title]
    for entry in entries:
        who = actors.get(entry.actor_id, "—") if entry.actor_id else "—"
        when = t.datetime(parse_iso(entry.at), tz, "short")
        detail = ", ".join(
            f"{_(labels.get(name, name))}: {shown(value(name, old))} → {shown(value(name, new))}"
            for name, (old, new) in entry.changes.items()
        )
        action = _(ACTIONS[entry.action]) if entry.action in ACTIONS else entry.action
        lines.append(
            f"{when} · {who} · {action}"
            + (f" ({detail})" if detail and entry.action != "confirm" else "")
        )
    return "\n".join(lines), keyboard([[(_("Back"), back)]])


async def show_history(
    update: Update,
    context: BotContext,
    title: str,
    entries: list[HistoryEntry],
    labels: Mapping[str, str],
    back: str,
    value: Readable = lambda _name, v: v,
) -> None:
    actors: dict[int, str] = {}
    for actor in {e.actor_id for e in entries if e.actor_id}:
        user = await context.repos.users.get(actor)
        if user is not None:
            actors[actor] = user.first_name
    screen = history_screen(context.t, context.tz, title, entries, actors, labels, back, value)
    await show(update, context, *screen)
