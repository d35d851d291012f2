"""The composition root: builds the Application and registers every handler, in order."""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Callable
from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest
from telegram.warnings import PTBUserWarning

from bot import commands, reminder_delivery
from bot.context import SERVICES_KEY, BotContext
from bot.gazetteer import get_gazetteer
from bot.held_replies import TwinbotBot, hold_replies
from bot.send_limits import LaneRateLimiter
from bot.services import Services
from bot.update_order import MAX_IN_PROGRESS, PerSenderOrder
from handlers import (
    aid,
    aid_views,
    approvals,
    common,
    errors,
    groups,
    invites,
    menu,
    offers,
    offers_digest,
    offers_import,
    onboarding,
    reminders,
    reminders_buttons,
    settings,
    twinning,
    twinning_groups,
    twinning_reminders,
    visits,
)
from storage.persistence import SqlitePersistence

# Flows keep one conversation per user and chat, and their buttons carry their own
# identifiers, so the per-message tracking this warning is about is not wanted.
warnings.filterwarnings("ignore", message=r".*per_message.*", category=PTBUserWarning)
_log = logging.getLogger(__name__)


class TwinbotApplication(Application):  # type: ignore[type-arg]
    """Processes each update to the end, then saves its steps, then shows its replies.

    The conversation states and flow data an update changed are committed in one
    transaction before the replies it held go out (see `bot.held_replies`), so a restart
    never misfiles the person's next answer. The same processing serves Telegram, the
    offline console and the tests.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.after_update: list[Callable[[object], None]] = []

    async def process_update(self, update: object) -> None:
        held = hold_replies(update)
        try:
            await super().process_update(update)
        finally:
            try:
                await self.update_persistence()
            except Exception:
                _log.exception("could not save the steps of update %s", update)
            if held is not None:
                await held.send(lambda error: self.process_error(update, error))
            for hook in self.after_update:
                hook(update)

    async def update_persistence(self) -> None:
        """Hand the changed data to the persistence, then commit it in one transaction."""
        await super().update_persistence()
        if isinstance(self.persistence, SqlitePersistence):
            await self.persistence.commit()


async def _on_start(application: Application) -> None:  # type: ignore[type-arg]
    services: Services = application.bot_data[SERVICES_KEY]
    # Loaded now, in a thread, so the first person to search does not wait for it.
    await asyncio.to_thread(get_gazetteer)
    await commands.publish(application, services.i18n)
    await reminder_delivery.restore(application)
    offers_digest.schedule(application)


async def launch(application: Application) -> None:  # type: ignore[type-arg]
    """Initialise, run the start hooks, and start processing (the updater is started apart)."""
    await application.initialize()
    await _on_start(application)
    await application.start()


def build_application(
    services: Services,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    token: str | None = None,
) -> TwinbotApplication:
    settings_ = services.settings
    base = (settings_.api_url or "https://api.telegram.org/bot").rstrip("/")
    bot = TwinbotBot(
        token or settings_.token or "",
        base_url=base,
        base_file_url=base.replace("/bot", "/file/bot"),
        request=request or HTTPXRequest(connection_pool_size=MAX_IN_PROGRESS),
        get_updates_request=get_updates_request or request or HTTPXRequest(),
        rate_limiter=LaneRateLimiter(),
    )
    builder: ApplicationBuilder = (  # type: ignore[type-arg]
        Application.builder()
        .application_class(TwinbotApplication)
        .bot(bot)
        .context_types(ContextTypes(context=BotContext))
        .persistence(SqlitePersistence(services.db))
        .concurrent_updates(PerSenderOrder())
    )
    application: TwinbotApplication = builder.build()  # type: ignore[assignment]
    application.bot_data[SERVICES_KEY] = services
    register_handlers(application)
    return application


def register_handlers(app: Application) -> None:  # type: ignore[type-arg]
    # Before anything else: who is writing, and end open flows on a menu button or reset.
    app.add_handler(TypeHandler(Update, common.load_account), group=-2)
    app.add_handler(TypeHandler(Update, common.end_flows), group=-1)

    # Groups: joining, leaving, migration to a supergroup.
    app.add_handler(ChatMemberHandler(groups.membership_changed, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, groups.migrated))

    # Flows (conversations), matched before the plain commands below.
    app.add_handler(onboarding.conversation())
    app.add_handler(settings.conversation())

    # Menu, help, cancel; operator approvals; invitations.
    app.add_handler(CommandHandler("menu", menu.menu))
    app.add_handler(CommandHandler("help", menu.help_command))
    app.add_handler(CommandHandler("cancel", menu.cancel))
    app.add_handler(CommandHandler("start", menu.menu))
    app.add_handler(CallbackQueryHandler(menu.menu, pattern=r"^menu:home$"))
    app.add_handler(CallbackQueryHandler(menu.help_command, pattern=r"^menu:help$"))
    app.add_handler(CallbackQueryHandler(approvals.list_pending, pattern=r"^op:list$"))
    app.add_handler(CallbackQueryHandler(approvals.decide, pattern=r"^op:(ok|no):"))
    app.add_handler(CallbackQueryHandler(invites.create_invite, pattern=r"^inv:new$"))

    # Aid and visit log: the two flows, then the home screen, views and confirmations.
    app.add_handler(aid.conversation())
    app.add_handler(visits.conversation())
    for handler in [*aid.handlers(), *aid_views.handlers(), *visits.handlers()]:
        app.add_handler(handler)
    visits.register_reminder_kinds()

    # Twinning guide: every `tw:` button and typed step input go through its conversation;
    # /status shows a group's linked partnerships; the workflow's reminder kinds.
    app.add_handler(twinning.conversation())
    app.add_handler(CommandHandler("status", twinning_groups.status))
    twinning_reminders.register()

    # Reminders: /remind and its flow, the list, the buttons under a delivered reminder,
    # and paused reminders resuming when their chat comes back.
    app.add_handler(reminders.conversation())
    for handler in reminders.list_handlers():
        app.add_handler(handler)
    app.add_handler(
        CallbackQueryHandler(reminders_buttons.snooze, pattern=r"^rm:sn:\d+:(15|60|am)$")
    )
    app.add_handler(CallbackQueryHandler(reminders_buttons.done, pattern=r"^rm:done:\d+$"))
    app.add_handler(CallbackQueryHandler(reminders_buttons.turn_off, pattern=r"^rm:off:\d+$"))
    app.add_handler(TypeHandler(Update, reminders_buttons.resume_paused), group=1)

    # Partner offers and needs: search, posting, introductions (every `of:`, `nd:` and `in:`
    # button and /find go through its conversation); operators' CSV import and export.
    app.add_handler(offers.conversation())
    app.add_handler(CommandHandler("import_offers", offers_import.explain))
    app.add_handler(CommandHandler("export_offers", offers_import.export))
    app.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.Document.FileExtension("csv"),
            offers_import.take_file,
        )
    )

    # Anything else: an old or unknown button, or text nobody expects.
    app.add_handler(CallbackQueryHandler(menu.stale_button))
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, menu.unknown_command)
    )
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.TEXT, menu.unexpected_text))

    app.add_error_handler(errors.on_error)
