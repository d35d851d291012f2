"""`twinbot`: serve Telegram with a token, or open the offline console without one;
`twinbot backup PATH` and `twinbot restore PATH` for the database."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from datetime import datetime
from pathlib import Path

from telegram import Update

from bot.app import build_application, launch
from bot.services import Services
from bot.settings import ENVIRONMENT_HELP, Settings
from storage.backup import BackupError, backup, restore
from storage.startup_checks import InstanceLock, StartupError


def _parser() -> argparse.ArgumentParser:
    lines = "\n".join(f"  {name:<22} {text}" for name, text in ENVIRONMENT_HELP)
    parser = argparse.ArgumentParser(
        prog="twinbot",
        description=(
            "Twinning partnerships bot. With TELEGRAM_BOT_TOKEN it serves Telegram (long"
            " polling, or a webhook with WEBHOOK_URL); without it, the offline console opens."
            " The running bot also backs the database up every day (TWINBOT_BACKUP_*)."
        ),
        epilog=f"Every setting is an environment variable:\n{lines}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    saving = commands.add_parser(
        "backup",
        help="copy the database (TWINBOT_DB) to PATH; safe while the bot runs",
        description="Copy the database (TWINBOT_DB) to PATH, a file or a folder for a dated"
        " copy. Safe while the bot runs: the copy is the database as it stood at one moment.",
    )
    saving.add_argument("path", type=Path, metavar="PATH")
    putting_back = commands.add_parser(
        "restore",
        help="replace the database (TWINBOT_DB) with the backup at PATH; the bot must be stopped",
        description="Replace the database (TWINBOT_DB) with the backup at PATH, after checking"
        " the backup. The bot must be stopped; the replaced database is kept beside it.",
    )
    putting_back.add_argument("path", type=Path, metavar="PATH")
    return parser


def backup_command(settings: Settings, target: Path) -> int:
    try:
        made = backup(settings.database, target, datetime.now())
    except (BackupError, OSError) as error:
        print(f"backup failed: {error}", file=sys.stderr)
        return 1
    print(f"{settings.database} backed up to {made} ({made.stat().st_size:,} bytes)")
    return 0


def restore_command(settings: Settings, copy: Path) -> int:
    try:
        lock = InstanceLock.acquire(settings.database)
    except StartupError as error:
        print(f"restore refused: {error}", file=sys.stderr)
        return 1
    try:
        kept = restore(copy, settings.database, datetime.now())
    except (BackupError, OSError) as error:
        print(f"restore failed, nothing changed: {error}", file=sys.stderr)
        return 1
    finally:
        lock.release()
    print(f"{settings.database} restored from {copy}")
    if kept is not None:
        print(f"the database it replaced is kept as {kept}")
    return 0


async def serve(settings: Settings) -> None:
    services = await Services.open(settings)
    application = build_application(services)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await launch(application)
        try:
            assert application.updater is not None
            if settings.webhook_url:
                await application.updater.start_webhook(
                    listen=settings.webhook_listen,
                    port=settings.webhook_port,
                    url_path="telegram",
                    webhook_url=settings.webhook_url,
                    secret_token=settings.webhook_secret,
                    allowed_updates=Update.ALL_TYPES,
                )
            else:
                await application.updater.start_polling(allowed_updates=Update.ALL_TYPES)
            await stop.wait()
        finally:
            if application.updater is not None and application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
            await application.shutdown()
    finally:
        await services.close()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ValueError as error:
        print(f"invalid setting: {error}", file=sys.stderr)
        return 2
    if args.command == "backup":
        return backup_command(settings, args.path)
    if args.command == "restore":
        return restore_command(settings, args.path)
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if settings.webhook_url and not settings.webhook_secret:
        print("WEBHOOK_SECRET is required with WEBHOOK_URL", file=sys.stderr)
        return 2
    try:
        if settings.token:
            asyncio.run(serve(settings))
        else:
            from bot.offline.console import run_console

            asyncio.run(run_console(settings))
    except StartupError as error:
        print(f"twinbot did not start: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
