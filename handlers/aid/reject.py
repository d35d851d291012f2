"""A community named in an aid record says it is not theirs. Asked first, with a one-line
reason to type or to skip; then the record leaves that community's lists, totals and
exports, the requests its other members got say who rejected it, and each member of the
author's side hears of it in their language, with the reason. Only the side the author did
not log the record for may reject (the guard's rule), and only until that side confirms.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import Translator
from handlers.aid.buttons import AskRejectRecord, RejectRecord, ViewRecord
from handlers.aid.common import names_of, send_safely
from handlers.aid.confirm import (
    other_side,
    rewrite_requests,
    side_communities,
    viewer_for,
    viewer_of,
)
from handlers.aid.records import view
from handlers.aid.screens import (
    home_markup,
    reject_question,
    rejected_copy,
    rejected_screen,
    rejection_notice,
)
from handlers.shared.screens import show, toast
from storage.aid import AidRecord

REASON = "reject"
REASON_DRAFT = "flow:aid_reject"
REASON_LIMIT = 200


async def _say(update: Update, context: BotContext, text: str) -> None:
    """A refusal: a toast under a button, a message after typed text."""
    if update.callback_query is not None:
        await toast(update, text)
    else:
        await show(update, context, text, home_markup(context.t))


async def _rejectable(
    update: Update, context: BotContext, record_id: int
) -> tuple[AidRecord, str, int] | None:
    """The record, the presser's side and community, if they may reject it now."""
    _ = context._
    record = await context.repos.aid.get(record_id)
    if record is None or record.deleted:
        await _say(update, context, _("This record no longer exists."))
        return None
    found = await viewer_of(context, record)
    if found is None or found[0] not in record.named_sides():
        await _say(update, context, _("Only the community this record names can reject it."))
        return None
    side, community_id = found
    if record.rejected_by(community_id) is not None:
        await _say(update, context, _("Your community has already rejected this record."))
        return None
    if record.confirmed_by(side):
        await _say(update, context, _confirmed_already(context))
        return None
    return record, side, community_id


def _confirmed_already(context: BotContext) -> str:
    return context._(
        "Your side has already confirmed this record, so it cannot reject it. If something"
        " in it is wrong, ask its author to correct it."
    )


async def ask(update: Update, context: BotContext, press: AskRejectRecord) -> object:
    checked = await _rejectable(update, context, press.record)
    if checked is None:
        return ConversationHandler.END
    record, _side, community_id = checked
    assert context.user_data is not None
    context.user_data[REASON_DRAFT] = record.id
    names = await names_of(context, [record.recipient_id, *record.donors], context.lang)
    await show(update, context, *reject_question(context.t, record, names, community_id))
    return REASON


async def take_reason(update: Update, context: BotContext) -> object:
    assert update.message is not None and context.user_data is not None
    reason = " ".join((update.message.text or "").split())
    if "\n" in (update.message.text or "").strip() or not reason or len(reason) > REASON_LIMIT:
        await show(
            update,
            context,
            context._(
                "Please type the reason in one line of up to {limit} characters, or press"
                " Reject without reason.",
                limit=REASON_LIMIT,
            ),
        )
        return REASON
    record_id = context.user_data.pop(REASON_DRAFT, None)
    if isinstance(record_id, int):
        await reject(update, context, record_id, reason)
    return ConversationHandler.END


async def without_reason(update: Update, context: BotContext, press: RejectRecord) -> object:
    if context.user_data is not None:
        context.user_data.pop(REASON_DRAFT, None)
    await reject(update, context, press.record, None)
    return ConversationHandler.END


async def back(update: Update, context: BotContext, press: ViewRecord) -> object:
    if context.user_data is not None:
        context.user_data.pop(REASON_DRAFT, None)
    await view(update, context, press)
    return ConversationHandler.END


async def reject(update: Update, context: BotContext, record_id: int, reason: str | None) -> None:
    assert context.account is not None
    _ = context._
    checked = await _rejectable(update, context, record_id)
    if checked is None:
        return
    record, side, community_id = checked
    outcome = await context.repos.aid.reject(
        record.id, context.account.id, community_id, side, reason
    )
    if outcome != "rejected":
        # Someone else of the community was quicker, or the author deleted it meanwhile.
        answers = {
            "gone": _("This record no longer exists."),
            "already": _("Your community has already rejected this record."),
        }
        await _say(update, context, answers.get(outcome) or _confirmed_already(context))
        return
    rejected = await context.repos.aid.get(record.id)
    assert rejected is not None
    names = await names_of(context, [record.recipient_id, *record.donors], context.lang)
    number = rejected.number(community_id)
    await show(update, context, *rejected_screen(context.t, number, names[community_id]))
    pressed = update.callback_query.message if update.callback_query else None
    await settle_copies(
        context, rejected, side, community_id, pressed.message_id if pressed else None
    )
    await tell_author_side(context, rejected, side, community_id)


async def settle_copies(
    context: BotContext, record: AidRecord, side: str, community_id: int, pressed: int | None
) -> None:
    """The requests the community's members got now say who rejected it, without buttons."""
    assert context.account is not None
    who = context.account.display_name

    async def text_for(t: Translator, _user_id: int) -> str:
        names = await names_of(context, [record.recipient_id, *record.donors], t.lang)
        return rejected_copy(t, record, names, community_id, who)

    requests = await context.repos.aid.take_requests(record.id, side, community_id)
    await rewrite_requests(context, requests, pressed, text_for)


async def tell_author_side(
    context: BotContext, record: AidRecord, side: str, community_id: int
) -> None:
    """Each member of the side that logged the record, in their language, with the reason."""
    assert context.account is not None
    told: set[int] = {context.account.id}
    for author_community in side_communities(record, record.author_side or other_side(side)):
        for member in await context.repos.memberships.members(author_community):
            user = await context.repos.users.get(member.user_id)
            if user is None or not user.active or user.id in told:
                continue
            told.add(user.id)
            t = context.services.i18n.get(user.language)
            found = await viewer_for(context.repos, user.id, record)
            names = await names_of(context, [record.recipient_id, *record.donors], t.lang)
            text, markup = rejection_notice(
                t, record, names, found[1] if found else None, community_id
            )
            await send_safely(context, user.id, text, markup)
