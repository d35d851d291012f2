"""The main menu, /menu and /help."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ConversationHandler

from bot.context import BotContext
from bot.i18n import N_
from handlers.common import Button, answer, columns, keyboard, show


@dataclass(frozen=True)
class MenuEntry:
    label: str  # an N_() message, translated when shown
    callback: str  # "menu:<feature>", so that pressing it ends any other flow first
    for_members: bool = True  # needs an approved community membership


# Each feature that exists adds its entry here, in the order the menu shows them.
FEATURES: list[MenuEntry] = [
    MenuEntry(N_("Twinning guide"), "menu:twinning"),
    MenuEntry(N_("Aid and visits"), "menu:aid"),
    MenuEntry(N_("Find partners"), "menu:offers"),
    MenuEntry(N_("Reminders"), "menu:reminders"),
]


async def main_menu_markup(context: BotContext) -> tuple[str, InlineKeyboardMarkup]:
    _ = context._
    buttons: list[Button] = []
    member = context.community_id is not None
    for entry in FEATURES:
        if member or not entry.for_members:
            buttons.append((_(entry.label), entry.callback))
    if context.membership and context.membership.is_admin:
        buttons.append((_("Invite a colleague"), "inv:new"))
    if context.is_operator:
        buttons.append((_("Pending requests"), "op:list"))
        without_code = len(await context.repos.communities.unmatched())
        if without_code:
            buttons.append((_("Codes to assign ({n})", n=without_code), "cd:list"))
    buttons += [(_("Settings"), "set:home"), (_("Help"), "menu:help")]
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
    text, markup = await main_menu_markup(context)
    await show(update, context, text, markup)
    return ConversationHandler.END


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
            _("/cancel — stop what you are doing"),
            _("/help — this message"),
        ]
    )


async def help_command(update: Update, context: BotContext) -> int:
    await show(
        update, context, help_text(context), keyboard([[(context._("Main menu"), "menu:home")]])
    )
    return ConversationHandler.END


async def cancel(update: Update, context: BotContext) -> int:
    """`/cancel` brings the menu back; `end_flows` has already dropped the flow's draft."""
    text, markup = await main_menu_markup(context)
    await show(update, context, context._("Cancelled. Nothing was saved.") + "\n\n" + text, markup)
    return ConversationHandler.END


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
    text, markup = await main_menu_markup(context)
    notice = context._("I do not know this command. /help lists the ones I know.")
    await show(update, context, f"{notice}\n\n{text}", markup)


async def unexpected_text(update: Update, context: BotContext) -> None:
    text, markup = await main_menu_markup(context)
    notice = context._("I did not expect a message here. Choose what you want to do:")
    await show(update, context, f"{notice}\n\n{text}", markup)
