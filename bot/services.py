"""What every handler and job may use: settings, clock, database, repositories, catalogs."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from bot.clock import Clock
from bot.domain import places
from bot.domain.places.matching import certain_hromada
from bot.i18n import I18n
from bot.jobs.reminder_kinds import ReminderKinds
from bot.settings import Settings
from storage.db import Database
from storage.repositories import Repositories
from storage.startup_checks import InstanceLock, check_integrity

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Services:
    settings: Settings
    clock: Clock
    db: Database
    repos: Repositories
    i18n: I18n
    reminder_kinds: ReminderKinds = field(default_factory=ReminderKinds)
    lock: InstanceLock | None = None

    @classmethod
    async def open(cls, settings: Settings, clock: Clock | None = None) -> Services:
        """Raises `StartupError` when another bot runs on the database, or when it is
        read-only or damaged."""
        clock = clock or Clock()
        lock = InstanceLock.acquire(settings.database)
        try:
            check_integrity(settings.database, settings.backups)
            places.use_file(settings.places_file)
            # Built (seconds) at the first start and after an upgrade that changes it, before
            # anyone waits on a search; otherwise read from its file when first searched.
            if not places.is_current(settings.places_file):
                await asyncio.to_thread(places.current)
            db = await Database.open(settings.database)
        except BaseException:
            lock.release()
            raise
        repos = Repositories.build(db, clock, settings.default_tz)
        await assign_codes(repos)
        return cls(
            settings=settings,
            clock=clock,
            db=db,
            repos=repos,
            i18n=I18n(),
            lock=lock,
        )

    async def close(self) -> None:
        await self.db.close()
        if self.lock is not None:
            self.lock.release()


async def assign_codes(repos: Repositories) -> None:
    """Give communities saved before the codifier their hromada's code where it is certain;
    the others wait for an operator (``/codes``). Each community is looked at once."""
    for community in await repos.communities.unchecked():
        # The index is read here only when there is a community to look up.
        index = places.current()
        place = certain_hromada(index, (community.name_uk, community.name), community.region_code)
        if place is None:
            await repos.communities.mark_unmatched(community.id)
        else:
            await repos.communities.set_place(community.id, place)
            _log.info("community %s is hromada %s", community.id, place.key)
    await repos.communities.fill_time_zones()
