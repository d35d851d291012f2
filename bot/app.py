"""The composition root: builds the Application and registers every handler, in order."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest, HTTPXRequest
from telegram.warnings import PTBUserWarning

from bot import background, commands
from bot.context import SERVICES_KEY, BotContext
from bot.held_replies import TwinbotBot, hold_replies
from bot.jobs import backup as backup_job
from bot.jobs import reminder_delivery
from bot.jobs.send_limits import LaneRateLimiter
from bot.services import Services
from bot.update_order import MAX_IN_PROGRESS, PerSenderOrder
from handlers import account, aid, offers, reminders, support, twinning, visits
from handlers.offers import digest as offers_digest
from handlers.shared import edits, errors, session
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
    await reminder_delivery.restore(application)
    offers_digest.schedule(application)
    backup_job.schedule(application)


async def launch(application: Application) -> None:  # type: ignore[type-arg]
    """Initialise, run the start hooks, and start processing (the updater is started apart)."""
    await application.initialize()
    await _on_start(application)
    await application.start()
    # The command menus in four languages are sixteen requests to Telegram (and every
    # catalog read): published while the bot already answers, awaited when it stops.
    services: Services = application.bot_data[SERVICES_KEY]
    background.start(
        application, commands.publish(application, services.i18n), name="command menus"
    )


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
    """Every feature, in the order its handlers are matched: the bot's table of contents."""
    # Before anything else: who is writing, and end open flows on a menu button or reset.
    app.add_handler(TypeHandler(Update, session.load_account), group=-2)
    # An edit of an earlier message is never an answer to the question asked now.
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, edits.edited_message), group=-1)
    app.add_handler(TypeHandler(Update, session.end_flows), group=-1)

    account.register(app)  # groups, onboarding, settings, menu, approvals, invitations
    aid.register(app)  # the aid log
    visits.register(app)  # the visit log
    twinning.register(app)  # the twinning guide and /status
    reminders.register(app)  # /remind, the list, the buttons under a reminder
    offers.register(app)  # /find, posting, introductions, CSV import and export
    support.register(app)  # /support: a message to the operators
    account.register_fallbacks(app)  # an old button, an unknown command, stray text

    app.add_error_handler(errors.on_error)
