"""The composition root: builds the Application and registers every handler, in order."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest
from telegram.warnings import PTBUserWarning

from bot import commands
from bot.context import SERVICES_KEY, BotContext
from bot.jobs import backup as backup_job
from bot.jobs import reminder_delivery
from bot.services import Services
from handlers import account, aid, offers, reminders, support, twinning, visits
from handlers.offers import digest as offers_digest
from handlers.shared import edits, errors, session
from storage.persistence import SqlitePersistence

# Flows keep one conversation per user and chat, and their buttons carry their own
# identifiers, so the per-message tracking this warning is about is not wanted.
warnings.filterwarnings("ignore", message=r".*per_message.*", category=PTBUserWarning)


class TwinbotApplication(Application):  # type: ignore[type-arg]
    """Writes the persistence after every update, so a restart never loses a step."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.after_update: list[Callable[[object], None]] = []

    async def process_update(self, update: object) -> None:
        try:
            await super().process_update(update)
        finally:
            await self.update_persistence()
            for hook in self.after_update:
                hook(update)


async def _on_start(application: Application) -> None:  # type: ignore[type-arg]
    services: Services = application.bot_data[SERVICES_KEY]
    await commands.publish(application, services.i18n)
    await reminder_delivery.restore(application)
    offers_digest.schedule(application)
    backup_job.schedule(application)


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
    rate_limited: bool = True,
) -> TwinbotApplication:
    settings_ = services.settings
    builder: ApplicationBuilder = (  # type: ignore[type-arg]
        Application.builder()
        .application_class(TwinbotApplication)
        .token(token or settings_.token or "")
        .context_types(ContextTypes(context=BotContext))
        .persistence(SqlitePersistence(services.db))
    )
    if rate_limited:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    if request is not None:
        builder = builder.request(request).get_updates_request(get_updates_request or request)
    if settings_.api_url:
        base = settings_.api_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.replace("/bot", "/file/bot"))
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
