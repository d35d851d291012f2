"""Account: onboarding, settings, the menu, operator approvals, invitations, group membership."""

from __future__ import annotations

from typing import Any

from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from handlers.account import (
    approvals,
    codes,
    colleagues,
    groups,
    invites,
    menu,
    onboarding,
    settings,
)
from handlers.account.buttons import (
    Colleagues,
    Decide,
    Invitations,
    NewInvite,
    PendingRequests,
    RemoveColleague,
    RevokeInvite,
)
from handlers.shared.navigation import GoTo


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Groups: joining, leaving, migration to a supergroup.
    app.add_handler(ChatMemberHandler(groups.membership_changed, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, groups.migrated))
    # Flows, matched before the plain commands below.
    app.add_handler(onboarding.conversation(app))
    app.add_handler(settings.conversation(app))
    # Menu, help, cancel; operator approvals; invitations and colleagues.
    app.add_handler(CommandHandler("menu", menu.menu))
    app.add_handler(CommandHandler("help", menu.help_command))
    app.add_handler(CommandHandler("cancel", menu.cancel))
    app.add_handler(CommandHandler("start", menu.menu))
    app.add_handler(GoTo.handler(menu.go_to, when=lambda press: press.place in menu.PLACES))
    # Operators give communities saved before the codifier their hromada: /codes.
    app.add_handler(codes.conversation(app))
    app.add_handler(PendingRequests.handler(approvals.list_pending))
    app.add_handler(Decide.handler(approvals.decide))
    app.add_handler(NewInvite.handler(invites.create_invite))
    app.add_handler(Invitations.handler(invites.list_invitations))
    app.add_handler(RevokeInvite.handler(invites.revoke))
    app.add_handler(Colleagues.handler(colleagues.list_colleagues))
    app.add_handler(RemoveColleague.handler(colleagues.remove))


def register_fallbacks(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Anything no feature took: an old or unknown button, or text nobody expects."""
    app.add_handler(CallbackQueryHandler(menu.stale_button))
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, menu.unknown_command)
    )
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.TEXT, menu.unexpected_text))
