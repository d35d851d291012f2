"""How a saved visit reads for both sides (who hosts whom, when, the delegation, the
purpose), as pure functions of the visit, the names of its sides and a translator; and its
announcement in the groups linked to the partnership, in their language.
"""

from __future__ import annotations

from bot.context import BotContext
from bot.domain.sectors import sector_labels
from bot.domain.visits.model import DIRECTION_SHORT, seen_from
from bot.i18n import Translator
from handlers.aid.common import Names, format_day, names_of, send_safely
from storage.visits import Visit


def days_text(t: Translator, start: str, end: str, sep: str = " – ") -> str:
    days = format_day(t, start)
    return days if end == start else f"{days}{sep}{format_day(t, end)}"


def people(t: Translator, size: int) -> str:
    return t.ngettext("{n} person", "{n} people", size)


def visit_text(t: Translator, visit: Visit, names: Names) -> str:
    _ = t._
    author, partner = names.get(visit.community_id, ""), names.get(visit.partner_id, "")
    if visit.direction == "online":
        head = _("Online meeting: {author} and {partner}", author=author, partner=partner)
    else:
        host, guests = (author, partner) if visit.direction == "incoming" else (partner, author)
        head = _("{host} hosts a delegation from {guests}", host=host, guests=guests)
    lines = [head, _("Dates: {dates}", dates=days_text(t, visit.start_date, visit.end_date))]
    if visit.delegation_size:
        lines.append(_("Delegation: {size}", size=people(t, visit.delegation_size)))
    if visit.leader:
        lines.append(_("Led by: {leader}", leader=visit.leader))
    if visit.sectors:
        lines.append(_("Sectors: {sectors}", sectors=", ".join(sector_labels(visit.sectors, t))))
    if visit.note:
        lines.append(_("Note: {note}", note=visit.note))
    if visit.outcomes:
        lines.append(_("Outcomes: {text}", text=visit.outcomes))
    return "\n".join(lines)


def visit_line(t: Translator, visit: Visit, viewer: int, names: Names) -> str:
    """The visit in a timeline, as the `viewer` community sees it."""
    ours = visit.community_id == viewer
    partner = names.get(visit.partner_id if ours else visit.community_id, "")
    direction = t._(DIRECTION_SHORT[seen_from(visit.direction, ours)])
    days = days_text(t, visit.start_date, visit.end_date, "–")
    head = f"{t._('Visit №{id}', id=visit.id)} · {days} · {direction} · {partner}"
    details = []
    if visit.delegation_size:
        details.append(people(t, visit.delegation_size))
    if visit.leader:
        details.append(t._("led by {leader}", leader=visit.leader))
    if visit.outcomes:
        details.append(t._("outcomes: {text}", text=visit.outcomes[:80]))
    return head + ("\n" + ", ".join(details) if details else "")


async def announce_visit(context: BotContext, visit: Visit, event: str) -> None:
    """A new or changed visit goes to each group linked to its partnership."""
    if visit.partnership_id is None:
        return
    for chat_id in await context.repos.partnerships.linked_chats(visit.partnership_id):
        chat = await context.repos.chats.get(chat_id)
        if chat is None or not chat.active:
            continue
        t = context.services.i18n.get(chat.language)
        names = await names_of(context, [visit.community_id, visit.partner_id], t.lang)
        head = t._("New visit:") if event == "new" else t._("Visit changed:")
        await send_safely(context, chat_id, f"{head}\n\n{visit_text(t, visit, names)}")
