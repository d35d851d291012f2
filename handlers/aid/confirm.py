"""Both sides kept in step: the side that did not write a record is asked to confirm it
(each of its members once, also those who join later), a confirmation from one member's
message updates the copies the others got, a change after the other side confirmed asks it
again, a deletion is told to a side that had confirmed, and the groups linked to the
partnership hear of new and confirmed records in their language. Whoever presses Confirm
must act for the recipient or a donor (re-checked on every press).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from telegram import Message, Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.i18n import Translator
from handlers.aid.buttons import ConfirmRecord
from handlers.aid.common import community_titles, names_of, send_safely
from handlers.aid.render import record_text
from handlers.aid.screens import confirm_request, confirmed_screen, deleted_notice, settled_copy
from handlers.shared.screens import answer, show, toast
from storage.aid import AidRecord, Request
from storage.repositories import Repositories

# More waiting records than this are not sent one by one to someone who joins: the rest
# are in the timeline, each with its Confirm button.
NEWCOMER_REQUESTS = 10


def other_side(side: str) -> str:
    return "donor" if side == "recipient" else "recipient"


async def viewer_for(
    repos: Repositories, user_id: int, record: AidRecord
) -> tuple[str, int] | None:
    """The side a person takes in a record and the community they act for in it."""
    mine = {m.community_id for m in await repos.memberships.for_user(user_id)}
    if record.recipient_id in mine:
        return "recipient", record.recipient_id
    donor = next((d for d in record.donors if d in mine), None)
    return ("donor", donor) if donor is not None else None


async def viewer_of(context: BotContext, record: AidRecord) -> tuple[str, int] | None:
    assert context.account is not None
    return await viewer_for(context.repos, context.account.id, record)


async def side_of(context: BotContext, record: AidRecord) -> str | None:
    found = await viewer_of(context, record)
    return found[0] if found else None


def side_communities(record: AidRecord, side: str) -> list[int]:
    return [record.recipient_id] if side == "recipient" else list(record.donors)


async def _text(context: BotContext, record: AidRecord, lang: str) -> str:
    names = await names_of(context, [record.recipient_id, *record.donors], lang)
    return record_text(context.services.i18n.get(lang), record, names)


async def _send(context: BotContext, chat_id: int, text: str, markup: object) -> Message | None:
    """Tell someone; a person who blocked the bot must not break the sender's flow."""
    try:
        return await context.bot.send_message(chat_id, text, reply_markup=markup)  # type: ignore[arg-type]
    except TelegramError:
        return None


async def _ask(
    context: BotContext,
    record: AidRecord,
    side: str,
    community_id: int,
    user_id: int,
    *,
    changed: bool,
) -> None:
    user = await context.repos.users.get(user_id)
    if user is None or not user.active:
        return
    t = context.services.i18n.get(user.language)
    names = await names_of(context, [record.recipient_id, *record.donors], t.lang)
    text, markup = confirm_request(t, record, names, community_id, changed=changed)
    sent = await _send(context, user.id, text, markup)
    await context.repos.aid.add_request(
        record.id,
        side,
        user.id,
        sent.chat_id if sent else None,
        sent.message_id if sent else None,
    )


async def ask_side(
    context: BotContext, record: AidRecord, side: str, *, changed: bool = False
) -> None:
    """Every member of the side's communities gets the record and a button to confirm it."""
    for community_id in side_communities(record, side):
        for member in await context.repos.memberships.members(community_id):
            await _ask(context, record, side, community_id, member.user_id, changed=changed)


async def ask_new_member(context: BotContext, community_id: int, user_id: int) -> None:
    """Someone now acts for the community: they are asked, once, about each record that
    waits for the community's side."""
    waiting = await context.repos.aid.waiting_for(community_id, user_id)
    for record, side in waiting[:NEWCOMER_REQUESTS]:
        await _ask(context, record, side, community_id, user_id, changed=False)


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
    found = await viewer_of(context, record)
    if found is None:
        recipient = await community_titles(context, [record.recipient_id], context.lang)
        await toast(
            update,
            _(
                "Only people approved for {recipient} or for the donors can confirm this record.",
                recipient=recipient,
            ),
        )
        return
    side, community_id = found
    if record.rejected_by(community_id) is not None:
        await toast(update, _("Your community rejected this record as not yours."))
        return
    confirmed = await context.repos.aid.confirm(record.id, context.account.id, side)
    if confirmed is None:
        await toast(update, _("Already confirmed. Thank you."))
        return
    await answer(update.callback_query, _("Confirmed. Thank you."))
    names = await names_of(context, [confirmed.recipient_id, *confirmed.donors], context.lang)
    await show(update, context, *confirmed_screen(context.t, confirmed, side, names, community_id))
    pressed = update.callback_query.message
    await settle_copies(context, confirmed, side, pressed.message_id if pressed else None)
    await tell_author(context, confirmed)
    await announce(context, confirmed, "confirmed")


async def settle_copies(
    context: BotContext, record: AidRecord, side: str, pressed: int | None
) -> None:
    """The other members' requests now say who confirmed, without the button."""
    assert context.account is not None
    who = context.account.display_name

    async def text_for(t: Translator, user_id: int) -> str:
        found = await viewer_for(context.repos, user_id, record)
        names = await names_of(context, [record.recipient_id, *record.donors], t.lang)
        return settled_copy(t, record, names, found[1] if found else None, who)

    requests = await context.repos.aid.take_requests(record.id, side)
    await rewrite_requests(context, requests, pressed, text_for)


async def rewrite_requests(
    context: BotContext,
    requests: Sequence[Request],
    pressed: int | None,
    text_for: Callable[[Translator, int], Awaitable[str]],
) -> None:
    """Each member's copy of a request is edited to what became of it, in their language
    and without buttons; the presser's own message is the screen that answered them."""
    assert context.account is not None
    for request in requests:
        if request.chat_id is None or request.message_id is None:
            continue
        if request.user_id == context.account.id and request.message_id == pressed:
            continue
        user = await context.repos.users.get(request.user_id)
        if user is None:
            continue
        text = await text_for(context.services.i18n.get(user.language), user.id)
        try:
            await context.bot.edit_message_text(text, request.chat_id, request.message_id)
        except TelegramError:
            continue


async def tell_author(context: BotContext, record: AidRecord) -> None:
    author = await context.repos.users.get(record.created_by)
    if author is None or author.id == (context.account.id if context.account else None):
        return
    t = context.services.i18n.get(author.language)
    found = await viewer_for(context.repos, author.id, record)
    number = record.number(found[1] if found else None)
    text = t._("The other side confirmed record №{id}.", id=number)
    await send_safely(context, author.id, f"{text}\n\n{await _text(context, record, t.lang)}")


async def tell_deleted(context: BotContext, record: AidRecord, side: str) -> None:
    """A side that had confirmed a record hears that the other side deleted it."""
    assert context.account is not None
    other = other_side(side)
    if not record.confirmed_by(other):
        return
    for community_id in side_communities(record, other):
        for member in await context.repos.memberships.members(community_id):
            user = await context.repos.users.get(member.user_id)
            if user is None or not user.active or user.id == context.account.id:
                continue
            t = context.services.i18n.get(user.language)
            names = await names_of(context, [record.recipient_id, *record.donors], t.lang)
            await send_safely(
                context, user.id, deleted_notice(t, record, names, community_id, side)
            )
