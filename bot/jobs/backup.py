"""The daily backup: a dated copy of the database, keeping the newest few.

Settings: TWINBOT_BACKUP_DIR, TWINBOT_BACKUP_KEEP (0 turns it off), TWINBOT_BACKUP_TIME.
The copy is made in a worker thread on a connection of its own, so updates go on being
answered meanwhile. A failed backup raises, so the error handler tells the operators.
"""

from __future__ import annotations

import asyncio
import logging
from zoneinfo import ZoneInfo

from telegram.ext import Application, CallbackContext

from bot.context import SERVICES_KEY
from bot.services import Services
from storage.backup import rotate

JOB_NAME = "daily-backup"
_log = logging.getLogger(__name__)


def schedule(application: Application) -> None:  # type: ignore[type-arg]
    services: Services = application.bot_data[SERVICES_KEY]
    settings = services.settings
    if settings.backup_keep <= 0 or application.job_queue is None:
        return
    at = settings.backup_time.replace(tzinfo=ZoneInfo(settings.default_tz))
    application.job_queue.run_daily(run, time=at, name=JOB_NAME)


async def run(context: CallbackContext) -> None:  # type: ignore[type-arg]
    services: Services = context.application.bot_data[SERVICES_KEY]
    settings = services.settings
    moment = services.clock.now().astimezone(ZoneInfo(settings.default_tz))
    made = await asyncio.to_thread(
        rotate, settings.database, settings.backups, settings.backup_keep, moment
    )
    _log.info("daily backup written to %s", made)
