"""Settings, read from environment variables only (documented in the README and `--help`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

from bot.domain.parsing.numbers import ascii_int
from bot.domain.places import index_file_for

ENVIRONMENT_HELP: tuple[tuple[str, str], ...] = (
    ("TELEGRAM_BOT_TOKEN", "bot token from @BotFather; without it the offline console opens"),
    ("WEBHOOK_URL", "public HTTPS URL for a webhook; without it the bot uses long polling"),
    (
        "WEBHOOK_SECRET",
        "secret token Telegram sends with each webhook request (required with WEBHOOK_URL)",
    ),
    ("WEBHOOK_LISTEN", "address the webhook server binds to (default 0.0.0.0)"),
    ("WEBHOOK_PORT", "port the webhook server binds to (default 8443)"),
    (
        "TELEGRAM_API_URL",
        "base URL of a self-hosted Bot API server, e.g. http://localhost:8081/bot",
    ),
    ("TWINBOT_DB", "path of the SQLite database file (default twinbot.sqlite3)"),
    (
        "TWINBOT_PLACES",
        "path of the place index file, built once (default: next to the database, .places)",
    ),
    ("TWINBOT_OPERATORS", "comma-separated Telegram user ids of operators"),
    ("TWINBOT_OPERATOR_CHAT", "chat id that receives error reports (default: every operator)"),
    (
        "TWINBOT_DEFAULT_TZ",
        "time zone of new users and groups until they have a community (default Europe/Kyiv)",
    ),
    ("TWINBOT_QUIET_HOURS", "quiet hours for automatic reminders, local time (default 22-8)"),
    (
        "TWINBOT_LEGAL_FACTS",
        "path of an operator-edited legal facts file (default: the packaged one)",
    ),
    ("TWINBOT_LOG_LEVEL", "logging level (default INFO)"),
    (
        "TWINBOT_BACKUP_DIR",
        "folder of the daily backups (default: backups/ beside the database)",
    ),
    ("TWINBOT_BACKUP_KEEP", "how many daily backups to keep (default 7; 0 turns them off)"),
    ("TWINBOT_BACKUP_TIME", "when the daily backup runs, in TWINBOT_DEFAULT_TZ (default 03:30)"),
)


def _ids(raw: str) -> frozenset[int]:
    parts = [part.strip() for part in raw.replace(";", ",").split(",") if part.strip()]
    if not all(part.lstrip("-").isdigit() for part in parts):
        raise ValueError(f"TWINBOT_OPERATORS must be Telegram user ids, got {raw!r}")
    return frozenset(int(part) for part in parts)


def _backup_keep(raw: str) -> int:
    keep = ascii_int(raw.strip(), high=10_000)
    if keep is None:
        raise ValueError(f"TWINBOT_BACKUP_KEEP must be a number of copies, got {raw!r}")
    return keep


def _backup_time(raw: str) -> time:
    try:
        return time.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"TWINBOT_BACKUP_TIME must be a time like 03:30, got {raw!r}") from None


def _quiet_hours(raw: str) -> tuple[int, int]:
    start, _, end = raw.partition("-")
    return int(start) % 24, int(end or 8) % 24


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    api_url: str | None = None
    database: Path = Path("twinbot.sqlite3")
    places: Path | None = None
    operators: frozenset[int] = field(default_factory=frozenset)
    operator_chat: int | None = None
    default_tz: str = "Europe/Kyiv"
    quiet_hours: tuple[int, int] = (22, 8)
    legal_facts: Path | None = None
    log_level: str = "INFO"
    backup_dir: Path | None = None  # None: backups/ beside the database
    backup_keep: int = 7
    backup_time: time = time(3, 30)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        chat = env.get("TWINBOT_OPERATOR_CHAT", "").strip()
        facts = env.get("TWINBOT_LEGAL_FACTS", "").strip()
        backups = env.get("TWINBOT_BACKUP_DIR", "").strip()
        return cls(
            token=env.get("TELEGRAM_BOT_TOKEN") or None,
            webhook_url=env.get("WEBHOOK_URL") or None,
            webhook_secret=env.get("WEBHOOK_SECRET") or None,
            webhook_listen=env.get("WEBHOOK_LISTEN", "0.0.0.0"),
            webhook_port=int(env.get("WEBHOOK_PORT", "8443")),
            api_url=env.get("TELEGRAM_API_URL") or None,
            database=Path(env.get("TWINBOT_DB", "twinbot.sqlite3")),
            places=Path(env["TWINBOT_PLACES"]) if env.get("TWINBOT_PLACES") else None,
            operators=_ids(env.get("TWINBOT_OPERATORS", "")),
            operator_chat=int(chat) if chat else None,
            default_tz=env.get("TWINBOT_DEFAULT_TZ", "Europe/Kyiv"),
            quiet_hours=_quiet_hours(env.get("TWINBOT_QUIET_HOURS", "22-8")),
            legal_facts=Path(facts) if facts else None,
            log_level=env.get("TWINBOT_LOG_LEVEL", "INFO").upper(),
            backup_dir=Path(backups) if backups else None,
            backup_keep=_backup_keep(env.get("TWINBOT_BACKUP_KEEP", "7")),
            backup_time=_backup_time(env.get("TWINBOT_BACKUP_TIME", "03:30")),
        )

    @property
    def backups(self) -> Path:
        return self.backup_dir or self.database.parent / "backups"

    @property
    def places_file(self) -> Path:
        """The place index: beside the database unless set apart."""
        return self.places or index_file_for(self.database)

    def is_operator(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.operators

    @property
    def operator_targets(self) -> list[int]:
        """Where messages for the operators go: their shared chat, else each operator."""
        return [self.operator_chat] if self.operator_chat else sorted(self.operators)
