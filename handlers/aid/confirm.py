"""Cross-side confirmations: the other side is asked to confirm a new record, whoever
presses Confirm must act for the recipient or a donor (re-checked on every press), and the
groups linked to the partnership hear of new and confirmed records in their language.
"""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from handlers.aid.buttons import ConfirmRecord
from handlers.aid.common import community_titles, names_of, send_safely
from handlers.aid.render import record_text
from handlers.aid.screens import confirm_request, confirmed_screen
from handlers.shared.screens import answer, show, toast
from storage.aid import AidRecord


async def side_of(context: BotContext, record: AidRecord) -> str | None:
    assert context.account is not None
    mine = {m.community_id for m in await context.repos.memberships.for_user(context.account.id)}
    if record.recipient_id in mine:
        return "recipient"
    if mine.intersection(record.donors):
        return "donor"
    return None


async def _text(context: BotContext, record: AidRecord, lang: str) -> str:
    names = await names_of(context, [record.recipient_id, *record.donors], lang)
    return record_text(context.services.i18n.get(lang), record, names)


async def notify_other_side(context: BotContext, record: AidRecord) -> None:
    """Members of the side that did not write the record get a button to confirm it."""
    waiting = record.recipient_confirmed_by is None
    targets = [record.recipient_id] if waiting else list(record.donors)
    for community_id in targets:
        for member in await context.repos.memberships.members(community_id):
            user = await context.repos.users.get(member.user_id)
            if user is None or not user.active:
                continue
            t = context.services.i18n.get(user.language)
            names = await names_of(context, [record.recipient_id, *record.donors], t.lang)
            await send_safely(context, user.id, *confirm_request(t, record, names))


async def announce(context: BotContext, record: AidRecord, event: str) -> None:
    """Each new or confirmed record goes to the groups linked to a partnership between the
    recipient and any of its donors (Jena's group and Erlangen's hear of their shared gift)."""
    chats: list[int] = []
    for donor in record.donors:
        partnership = await context.repos.partnerships.between(record.recipient_id, donor)
        if partnership is not None:
            linked = await context.repos.partnerships.linked_chats(partnership.id)
            chats += [chat_id for chat_id in linked if chat_id not in chats]
    for chat_id in chats:
        chat = await context.repos.chats.get(chat_id)
        if chat is None or not chat.active:
            continue
        t = context.services.i18n.get(chat.language)
        head = t._("New aid record:") if event == "new" else t._("Aid record confirmed:")
        await send_safely(context, chat_id, f"{head}\n\n{await _text(context, record, t.lang)}")


async def confirm(update: Update, context: BotContext, press: ConfirmRecord) -> None:
    """Whoever presses must act for the recipient or for a donor."""
    assert update.callback_query is not None and context.account is not None
    _ = context._
    record = await context.repos.aid.get(press.record)
    if record is None or record.deleted:
        await toast(update, _("This record no longer exists."))
        return
    side = await side_of(context, record)
    if side is None:
        recipient = await community_titles(context, [record.recipient_id], context.lang)
        await toast(
            update,
            _(
                "Only people approved for {recipient} or for the donors can confirm this record.",
                recipient=recipient,
            ),
        )
        return
    confirmed = await context.repos.aid.confirm(record.id, context.account.id, side)
    if confirmed is None:
        await toast(update, _("Already confirmed. Thank you."))
        return
    await answer(update.callback_query, _("Confirmed. Thank you."))
    names = await names_of(context, [confirmed.recipient_id, *confirmed.donors], context.lang)
    await show(update, context, *confirmed_screen(context.t, confirmed, side, names))
    await tell_author(context, confirmed)
    await announce(context, confirmed, "confirmed")


async def tell_author(context: BotContext, record: AidRecord) -> None:
    author = await context.repos.users.get(record.created_by)
    if author is None or author.id == (context.account.id if context.account else None):
        return
    t = context.services.i18n.get(author.language)
    text = t._("The other side confirmed record №{id}.", id=record.id)
    await send_safely(context, author.id, f"{text}\n\n{await _text(context, record, t.lang)}")
