"""Settings come from the environment; a wrong value is named, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings


def test_every_setting_is_read_from_the_environment() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": "1:abc",
            "TWINBOT_DB": "/data/bot.sqlite3",
            "TWINBOT_OPERATORS": "11, 22;33",
            "TWINBOT_OPERATOR_CHAT": "-100500",
            "TWINBOT_QUIET_HOURS": "23-7",
            "WEBHOOK_URL": "https://bot.example.org/telegram",
            "WEBHOOK_SECRET": "s3cret",
        }
    )
    assert settings.token == "1:abc"
    assert settings.database == Path("/data/bot.sqlite3")
    assert settings.operators == frozenset({11, 22, 33})
    assert settings.operator_chat == -100500
    assert settings.quiet_hours == (23, 7)
    assert settings.webhook_url and settings.webhook_secret == "s3cret"
    assert settings.default_tz == "Europe/Kyiv"


def test_defaults_open_the_console_on_the_embedded_database() -> None:
    settings = Settings.from_env({})
    assert settings.token is None
    assert settings.database == Path("twinbot.sqlite3")
    assert settings.operators == frozenset()


def test_operator_ids_that_are_not_numbers_are_refused_by_name() -> None:
    with pytest.raises(ValueError, match="TWINBOT_OPERATORS"):
        Settings.from_env({"TWINBOT_OPERATORS": "olena"})
