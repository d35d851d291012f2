"""The job that sends the daily digest of matches (the rules are in `bot.domain.offers.digest`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram.error import Forbidden
from telegram.ext import Application, ContextTypes

from bot.context import SERVICES_KEY
from bot.domain.offers.digest import Link, send_digests
from bot.jobs.send_limits import bulk_sends
from bot.services import Services
from handlers.offers.screens import digest_keyboard

DIGEST_JOB = "offers:digest"
# Often enough that a digest goes out soon after a match or after quiet hours end; the
# daily cap lives in the database, so a run more or less changes nothing.
INTERVAL = timedelta(minutes=15)


async def run(context: ContextTypes.DEFAULT_TYPE) -> int:
    services: Services = context.application.bot_data[SERVICES_KEY]
    bot = context.application.bot

    async def send(chat_id: int, text: str, links: list[Link]) -> bool:
        try:
            await bot.send_message(chat_id, text, reply_markup=digest_keyboard(links))
        except Forbidden:
            await services.repos.users.set_active(chat_id, False)
            return False
        return True

    with bulk_sends():
        return await send_digests(
            services.repos, services.i18n, services.clock.now(), send, services.settings.quiet_hours
        )


def schedule(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    if application.job_queue is not None and not application.job_queue.get_jobs_by_name(DIGEST_JOB):
        application.job_queue.run_repeating(run, INTERVAL, first=60, name=DIGEST_JOB)
