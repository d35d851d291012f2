"""What every handler and job may use: settings, clock, database, repositories, catalogs."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.clock import Clock
from bot.i18n import I18n
from bot.reminder_kinds import ReminderKinds
from bot.settings import Settings
from storage.db import Database
from storage.repositories import Repositories
from storage.startup_checks import InstanceLock, check_integrity


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
            db = await Database.open(settings.database)
        except BaseException:
            lock.release()
            raise
        return cls(
            settings=settings,
            clock=clock,
            db=db,
            repos=Repositories.build(db, clock, settings.default_tz),
            i18n=I18n(),
            lock=lock,
        )

    async def close(self) -> None:
        await self.db.close()
        if self.lock is not None:
            self.lock.release()
