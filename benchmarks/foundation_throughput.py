"""Updates per second through the whole stack, next to a bare python-telegram-bot echo bot.

Both run in this process against the offline Bot API with real long polling, so the ratio
shows what onboarding-style traffic costs on top of the library itself: the user upsert,
SQLite, persistence written with every update, the place index, gettext. The whole day's
traffic, next to a floor bot, is in `busy_day.py`.

    python benchmarks/foundation_throughput.py [users]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bot.app import build_application, launch
from bot.offline.api import OFFLINE_TOKEN, OfflineBotAPI, OfflineRequest
from bot.services import Services
from bot.settings import Settings


async def onboarding_rate(users: int) -> tuple[int, float]:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database=Path(folder) / "bench.sqlite3", operators=frozenset({1}))
        services = await Services.open(settings)
        api = OfflineBotAPI()
        app = build_application(services, request=OfflineRequest(api), token=OFFLINE_TOKEN)
        app.after_update.append(lambda u: api.mark_processed(getattr(u, "update_id", -1)))
        await launch(app)
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=5)
        api.user(1, "Operator", "en")
        people = [api.user(10_000 + i, f"User {i}", "uk" if i % 2 else "en") for i in range(users)]
        places = ["Brovary", "Бровари", "Kremenchuk", "Lutsk", "Полтава"]
        steps = [
            lambda p, i: api.send(p, "/start"),
            lambda p, i: api.press(p, "English"),
            lambda p, i: api.press(p, "Official of a Ukrainian community"),
            lambda p, i: api.send(p, places[i % len(places)]),
            lambda p, i: api.press(p, api.last(p.id).button_labels[0]),
            lambda p, i: api.press(p, "Confirm"),
        ]
        count = 0
        started = time.perf_counter()
        for step in steps:
            ids = [step(person, i) for i, person in enumerate(people)]
            for update_id in ids:
                await api.wait_processed(update_id, timeout=120)
            count += len(ids)
        elapsed = time.perf_counter() - started
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        await services.close()
        return count, elapsed


async def echo_rate(messages: int) -> tuple[int, float]:
    api = OfflineBotAPI()
    request = OfflineRequest(api)
    app = (
        Application.builder()
        .token(OFFLINE_TOKEN)
        .request(request)
        .get_updates_request(request)
        .build()
    )

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "")
        api.mark_processed(update.update_id)

    app.add_handler(MessageHandler(filters.TEXT, echo))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=5)
    person = api.user(5, "Echo", "en")
    started = time.perf_counter()
    ids = [api.send(person, f"hello {i}") for i in range(messages)]
    for update_id in ids:
        await api.wait_processed(update_id, timeout=120)
    elapsed = time.perf_counter() - started
    await app.updater.stop()
    await app.stop()
    await app.shutdown()
    return messages, elapsed


async def main(users: int) -> None:
    count, elapsed = await onboarding_rate(users)
    onboarding = count / elapsed
    echo_count, echo_elapsed = await echo_rate(count)
    echo = echo_count / echo_elapsed
    print(f"onboarding traffic: {count} updates in {elapsed:.2f} s = {onboarding:.0f} updates/s")
    print(f"bare PTB echo bot: {echo_count} updates in {echo_elapsed:.2f} s = {echo:.0f} updates/s")
    print(f"ratio (twinbot / echo): {onboarding / echo:.2f}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
