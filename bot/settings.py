"""Settings, read from environment variables only (documented in the README and `--help`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

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
)


def _ids(raw: str) -> frozenset[int]:
    parts = [part.strip() for part in raw.replace(";", ",").split(",") if part.strip()]
    if not all(part.lstrip("-").isdigit() for part in parts):
        raise ValueError(f"TWINBOT_OPERATORS must be Telegram user ids, got {raw!r}")
    return frozenset(int(part) for part in parts)


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

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        chat = env.get("TWINBOT_OPERATOR_CHAT", "").strip()
        facts = env.get("TWINBOT_LEGAL_FACTS", "").strip()
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
        )

    @property
    def places_file(self) -> Path:
        """The place index: beside the database unless set apart."""
        return self.places or index_file_for(self.database)

    def is_operator(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.operators
