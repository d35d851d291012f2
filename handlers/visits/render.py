"""How a saved visit reads for both sides (who hosts whom, when, the delegation, the
purpose), and its announcement in the groups linked to the partnership, in their language.
"""

from __future__ import annotations

from bot.context import BotContext
from bot.i18n import Translator
from bot.sectors import sector_labels
from handlers.aid.common import community_titles, format_day, send_safely
from storage.visits import Visit


async def visit_text(context: BotContext, visit: Visit, t: Translator) -> str:
    _ = t._
    author = await community_titles(context, [visit.community_id], t.lang)
    partner = await community_titles(context, [visit.partner_id], t.lang)
    if visit.direction == "online":
        head = _("Online meeting: {author} and {partner}", author=author, partner=partner)
    else:
        host, guests = (author, partner) if visit.direction == "incoming" else (partner, author)
        head = _("{host} hosts a delegation from {guests}", host=host, guests=guests)
    days = format_day(t, visit.start_date)
    if visit.end_date != visit.start_date:
        days += f" – {format_day(t, visit.end_date)}"
    lines = [head, _("Dates: {dates}", dates=days)]
    if visit.delegation_size:
        size = t.ngettext("{n} person", "{n} people", visit.delegation_size)
        lines.append(_("Delegation: {size}", size=size))
    if visit.leader:
        lines.append(_("Led by: {leader}", leader=visit.leader))
    if visit.sectors:
        lines.append(_("Sectors: {sectors}", sectors=", ".join(sector_labels(visit.sectors, t))))
    if visit.note:
        lines.append(_("Note: {note}", note=visit.note))
    if visit.outcomes:
        lines.append(_("Outcomes: {text}", text=visit.outcomes))
    return "\n".join(lines)


async def announce_visit(context: BotContext, visit: Visit, event: str) -> None:
    """A new or changed visit goes to each group linked to its partnership."""
    if visit.partnership_id is None:
        return
    for chat_id in await context.repos.partnerships.linked_chats(visit.partnership_id):
        chat = await context.repos.chats.get(chat_id)
        if chat is None or not chat.active:
            continue
        t = context.services.i18n.get(chat.language)
        head = t._("New visit:") if event == "new" else t._("Visit changed:")
        await send_safely(context, chat_id, f"{head}\n\n{await visit_text(context, visit, t)}")
