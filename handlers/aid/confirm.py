"""Cross-side confirmations: the other side is asked to confirm a new record, whoever
presses Confirm must act for the recipient or a donor (re-checked on every press), and the
groups linked to the partnership hear of new and confirmed records in their language.
"""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.i18n import N_
from handlers.aid.common import (
    community_titles,
    data_parts,
    send_safely,
)
from handlers.aid.render import record_text
from handlers.shared.screens import answer, button_int, keyboard, show, toast
from storage.aid import AidRecord


async def side_of(context: BotContext, record: AidRecord) -> str | None:
    assert context.account is not None
    mine = {m.community_id for m in await context.repos.memberships.for_user(context.account.id)}
    if record.recipient_id in mine:
        return "recipient"
    if mine.intersection(record.donors):
        return "donor"
    return None


async def notify_other_side(context: BotContext, record: AidRecord) -> None:
    """Members of the side that did not write the record get a button to confirm it."""
    if record.recipient_confirmed_by is None:
        targets, label, intro = (
            [record.recipient_id],
            N_("Confirm receipt"),
            N_("{community} logged aid for your community. Please confirm when it arrives:"),
        )
    else:
        targets, label, intro = (
            list(record.donors),
            N_("Confirm"),
            N_("{community} logged aid from your municipality. Please confirm that it is right:"),
        )
    author_side = record.donors[0] if record.recipient_confirmed_by is None else record.recipient_id
    for community_id in targets:
        for member in await context.repos.memberships.members(community_id):
            user = await context.repos.users.get(member.user_id)
            if user is None or not user.active:
                continue
            t = context.services.i18n.get(user.language)
            author = await community_titles(context, [author_side], t.lang)
            text = t._(intro, community=author) + "\n\n" + await record_text(context, record, t)
            await send_safely(
                context, user.id, text, keyboard([[(t._(label), f"ai:cf:{record.id}")]])
            )


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
        await send_safely(context, chat_id, f"{head}\n\n{await record_text(context, record, t)}")


async def confirm_record(update: Update, context: BotContext) -> None:
    """`ai:cf:<id>`: whoever presses must act for the recipient or for a donor."""
    assert update.callback_query is not None
    _ = context._
    parts = data_parts(update)
    aid_id = button_int(parts[2] if len(parts) > 2 else None)
    if aid_id is None:
        await toast(update, _("That button is no longer active."))
        return
    record = await context.repos.aid.get(aid_id)
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
    assert context.account is not None
    confirmed = await context.repos.aid.confirm(aid_id, context.account.id, side)
    if confirmed is None:
        await toast(update, _("Already confirmed. Thank you."))
        return
    await answer(update.callback_query, _("Confirmed. Thank you."))
    text = _("Confirmed. Thank you.") + "\n\n" + await record_text(context, confirmed, context.t)
    rows = [[(_("Aid and visits"), "menu:aid")]]
    if side == "recipient":
        rows.insert(0, [(_("Add the handover act"), f"ai:act:{confirmed.id}")])
    await show(update, context, text, keyboard(rows))
    await tell_author(context, confirmed)
    await announce(context, confirmed, "confirmed")


async def tell_author(context: BotContext, record: AidRecord) -> None:
    author = await context.repos.users.get(record.created_by)
    if author is None or author.id == (context.account.id if context.account else None):
        return
    t = context.services.i18n.get(author.language)
    text = t._("The other side confirmed record №{id}.", id=record.id)
    await send_safely(context, author.id, f"{text}\n\n{await record_text(context, record, t)}")
