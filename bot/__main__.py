"""`twinbot`: serve Telegram with a token, or open the offline console without one."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from telegram import Update

from bot.app import build_application, launch
from bot.services import Services
from bot.settings import ENVIRONMENT_HELP, Settings


def _parser() -> argparse.ArgumentParser:
    lines = "\n".join(f"  {name:<22} {text}" for name, text in ENVIRONMENT_HELP)
    return argparse.ArgumentParser(
        prog="twinbot",
        description=(
            "Twinning partnerships bot. With TELEGRAM_BOT_TOKEN it serves Telegram (long"
            " polling, or a webhook with WEBHOOK_URL); without it, the offline console opens."
        ),
        epilog=f"Every setting is an environment variable:\n{lines}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


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
    _parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ValueError as error:
        print(f"invalid setting: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    if settings.webhook_url and not settings.webhook_secret:
        print("WEBHOOK_SECRET is required with WEBHOOK_URL", file=sys.stderr)
        return 2
    if settings.token:
        asyncio.run(serve(settings))
    else:
        from bot.console import run_console

        asyncio.run(run_console(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
