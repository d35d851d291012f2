"""What every handler and job may use: settings, clock, database, repositories, catalogs."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.clock import Clock
from bot.i18n import I18n
from bot.reminder_kinds import ReminderKinds
from bot.settings import Settings
from storage.db import Database
from storage.repositories import Repositories


@dataclass(frozen=True)
class Services:
    settings: Settings
    clock: Clock
    db: Database
    repos: Repositories
    i18n: I18n
    reminder_kinds: ReminderKinds = field(default_factory=ReminderKinds)

    @classmethod
    async def open(cls, settings: Settings, clock: Clock | None = None) -> Services:
        clock = clock or Clock()
        db = await Database.open(settings.database)
        return cls(
            settings=settings,
            clock=clock,
            db=db,
            repos=Repositories.build(db, clock, settings.default_tz),
            i18n=I18n(),
        )

    async def close(self) -> None:
        await self.db.close()
