"""The main menu, /menu and /help."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import N_
from handlers.account.buttons import (
    CodesList,
    Colleagues,
    Invitations,
    NewInvite,
    PendingRequests,
)
from handlers.shared.navigation import HOME, GoTo, Place
from handlers.shared.screens import Button, answer, columns, is_private, keyboard, show


@dataclass(frozen=True)
class MenuEntry:
    label: str  # an N_() message, translated when shown
    place: Place
    for_members: bool = True  # needs an approved community membership


# Each feature that exists adds its entry here, in the order the menu shows them.
FEATURES: list[MenuEntry] = [
    MenuEntry(N_("Twinning guide"), Place.TWINNING),
    MenuEntry(N_("Aid and visits"), Place.AID),
    MenuEntry(N_("Find partners"), Place.OFFERS),
    MenuEntry(N_("Reminders"), Place.REMINDERS),
]


async def main_menu_markup(context: BotContext) -> tuple[str, InlineKeyboardMarkup]:
    _ = context._
    buttons: list[Button] = []
    member = context.community_id is not None
    for entry in FEATURES:
        if member or not entry.for_members:
            buttons.append((_(entry.label), GoTo(entry.place).data()))
    if context.membership and context.membership.is_admin:
        buttons.append((_("Invite a colleague"), NewInvite().data()))
        waiting = len(await context.repos.invites.outstanding(context.membership.community_id))
        if waiting:
            buttons.append((_("Unused links ({n})", n=waiting), Invitations().data()))
        buttons.append((_("Colleagues"), Colleagues().data()))
    if context.is_operator:
        buttons.append((_("Pending requests"), PendingRequests().data()))
        without_code = len(await context.repos.communities.unmatched())
        if without_code:
            buttons.append((_("Codes to assign ({n})", n=without_code), CodesList().data()))
    buttons += [(_("Settings"), GoTo(Place.SETTINGS).data()), (_("Help"), GoTo(Place.HELP).data())]
    community = (
        await context.repos.communities.get(context.membership.community_id)
        if context.membership
        else None
    )
    if community and member:
        text = _("Main menu — {community}", community=community.title(context.lang))
    elif community:
        text = _(
            "Your request to act for {community} is waiting for an operator. Meanwhile you can"
            " change your settings.",
            community=community.title(context.lang),
        )
    else:
        text = _("Main menu. Send /start to choose the community you act for.")
    return text, keyboard(columns(buttons))


async def menu(update: Update, context: BotContext) -> int:
    return await show_menu(update, context)


async def show_menu(update: Update, context: BotContext, notice: str = "") -> int:
    """The main menu, under a line that says what just happened (if anything did)."""
    text, markup = await main_menu_markup(context)
    await show(update, context, f"{notice}\n\n{text}" if notice else text, markup)
    return ConversationHandler.END


async def go_to(update: Update, context: BotContext, press: GoTo) -> int:
    return await PLACES[press.place](update, context)


def help_text(context: BotContext) -> str:
    _ = context._
    return "\n".join(
        [
            _("Twinbot helps Ukrainian communities and their partner municipalities abroad."),
            "",
            _("/start — choose your language and the community you act for"),
            _("/menu — the main menu"),
            _("/twinning — the twinning guide: each partnership step by step, with documents"),
            _("/aid — log aid and visits, see totals, download a table or a chart"),
            _("/find — find partner offers and community needs"),
            _("/remind — a reminder in your own words, e.g. “tomorrow at 9:00 call Jena”"),
            _("/status — in a group: the linked partnership's progress"),
            _("/settings — language, community and time zone"),
            _("/support — write to the operators who run the bot"),
            _("/cancel — stop what you are doing"),
            _("/help — this message"),
        ]
    )


async def help_command(update: Update, context: BotContext) -> int:
    rows = [[(context._("Main menu"), HOME.data())]]
    if is_private(update):
        rows.insert(0, [(context._("Write to the operators"), GoTo(Place.SUPPORT).data())])
    await show(update, context, help_text(context), keyboard(rows))
    return ConversationHandler.END


PLACES = {Place.HOME: menu, Place.HELP: help_command}


async def cancel(update: Update, context: BotContext) -> int:
    """`/cancel` brings the menu back; `end_flows` has already dropped the flow's draft."""
    return await show_menu(update, context, context._("Cancelled. Nothing was saved."))


async def stale_button(update: Update, context: BotContext) -> None:
    """A button from an old message, e.g. of a flow that has ended: show the menu instead."""
    text, markup = await main_menu_markup(context)
    notice = context._("That button is no longer active.")
    chat = update.effective_chat
    if update.callback_query is not None:
        await answer(update.callback_query, notice)
    if chat is not None:
        await context.bot.send_message(chat.id, f"{notice}\n\n{text}", reply_markup=markup)


async def unknown_command(update: Update, context: BotContext) -> None:
    notice = context._("I do not know this command. /help lists the ones I know.")
    await show_menu(update, context, notice)


async def unexpected_text(update: Update, context: BotContext) -> None:
    notice = context._("I did not expect a message here. Choose what you want to do:")
    await show_menu(update, context, notice)
