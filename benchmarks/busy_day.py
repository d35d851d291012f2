"""A busy day: 200 people at once, a need published among 100,000 offers, 2,000 reminders due.

Everything runs in this process against the offline Bot API, which answers each call after
a simulated round trip to Telegram (0 ms and 30 ms). Printed, with each target:

1. Updates per second of the whole bot for 200 people doing a day's mix (menu presses,
   searches, opening the aid log, setting a reminder, onboarding), next to a floor bot in
   the same run: no database, it answers a press the way twinbot does (answers the press,
   edits the message with a keyboard of 7 buttons) and a message with a reply and a
   keyboard; same concurrency.
2. SQL statements and commits per update for each kind of traffic (one person at a time,
   counted by SQLite's trace hook).
3. Publishing a need among 100,000 offers: the time until the author's answer, p95.
4. 2,000 reminders due at once with Telegram's limits enforced: the time for the burst
   next to the least time the limits allow, flood errors, and meanwhile a person pressing
   buttons: the time until their answer, p95. Before that, the time to restore 100,000
   pending reminders at start.

Run: python benchmarks/busy_day.py  (about five minutes on two cores)
"""

from __future__ import annotations

import asyncio
import logging
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot.app import build_application, launch
from bot.clock import FakeClock, iso
from bot.domain import places
from bot.domain.offers.csv_io import load_demo
from bot.domain.offers.model import KINDS
from bot.domain.sectors import SECTORS
from bot.jobs.reminder_delivery import deliver_due, restore
from bot.jobs.send_limits import floor_seconds
from bot.offline.api import OFFLINE_TOKEN, OfflineBotAPI, OfflineRequest, SimUser
from bot.services import Services
from bot.settings import Settings

PEOPLE, NEWCOMERS = 200, 40
CONCURRENCY = 256  # updates in progress at once, for both bots
OPERATOR = 900
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # Monday 10:00 in Kyiv
UA_PLACES = ["Brovary", "Kremenchuk", "Lutsk", "Poltava", "Vasylkiv", "Bila Tserkva", "Irpin"]
PARTNER_PLACES = ["Jena", "Erlangen", "Gniezno", "Sundbyberg"]
ROUND_TRIPS = (0.0, 0.030)
OFFERS, PUBLISHERS = 100_000, 20
DUE_NOW, LATER, GROUPS, PER_GROUP = 2_000, 98_000, 5, 10

FIRST = ""  # press whatever button comes first (a search result, a place found)

# (kind, what the person does, text typed or label pressed)
Step = tuple[str, str, str]
MEMBER_DAY: list[Step] = [
    ("menu", "type", "/menu"),
    ("menu", "press", "Find partners"),
    ("search", "type", "/find"),
    ("search", "type", "heating"),
    ("aid log", "type", "/aid"),
    ("menu", "press", "Main menu"),
    ("reminder", "press", "Reminders"),
    ("reminder", "press", "New reminder"),
    ("reminder", "type", "tomorrow at 9:00 call Jena"),
    ("reminder", "press", "Confirm"),
    ("menu", "press", "Main menu"),
    ("aid log", "press", "Aid and visits"),
]


def newcomer_day(place: str) -> list[Step]:
    return [
        ("onboarding", "type", "/start"),
        ("onboarding", "press", "English"),
        ("onboarding", "press", "Official of a Ukrainian community"),
        ("onboarding", "type", place),
        ("onboarding", "press", FIRST),
        ("onboarding", "press", "Confirm"),
    ]


def need_steps(sector: str, description: str) -> list[Step]:
    return [
        ("publish", "type", "/menu"),
        ("publish", "press", "Find partners"),
        ("publish", "press", "Post a need"),
        ("publish", "press", sector),
        ("publish", "press", "Next"),
        ("publish", "press", "Equipment"),
        ("publish", "press", "Next"),
        ("publish", "type", description),
        ("publish", "press", "Urgent"),
        ("publish", "type", "3.9 million UAH"),
        ("publish", "press", "A lasting partnership"),
        ("publish", "press", "6 months"),
        ("answer", "press", "Confirm"),
    ]


# ---------------------------------------------------------------------------- the bots


@dataclass
class Running:
    api: OfflineBotAPI
    app: Application  # type: ignore[type-arg]
    services: Services | None
    floor: bool

    async def stop(self) -> None:
        assert self.app.updater is not None
        await self.app.updater.stop()
        await self.app.stop()
        await self.app.shutdown()
        if self.services is not None:
            await self.services.close()


async def full_bot(services: Services, api: OfflineBotAPI) -> Running:
    app = build_application(services, request=OfflineRequest(api), token=OFFLINE_TOKEN)
    app.after_update.append(lambda update: api.mark_processed(getattr(update, "update_id", -1)))
    await launch(app)
    assert app.job_queue is not None
    app.job_queue.scheduler.pause()  # reminders are delivered by hand in the burst
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=5)
    return Running(api, app, services, floor=False)


async def floor_bot(api: OfflineBotAPI) -> Running:
    request = OfflineRequest(api)
    app = (
        Application.builder()
        .token(OFFLINE_TOKEN)
        .request(request)
        .get_updates_request(request)
        .concurrent_updates(CONCURRENCY)
        .build()
    )
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton(f"Option {n}", callback_data=f"o:{n}")] for n in range(1, 8)]
    )

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_text(
            f"Screen after {query.data} ({update.update_id})", reply_markup=markup
        )
        api.mark_processed(update.update_id)

    async def typed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(f"You wrote: {update.message.text}", reply_markup=markup)
        api.mark_processed(update.update_id)

    app.add_handler(CallbackQueryHandler(pressed))
    app.add_handler(MessageHandler(filters.TEXT, typed))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=5)
    return Running(api, app, None, floor=True)


async def open_services(folder: Path, name: str, clock: FakeClock) -> Services:
    settings = Settings(database=folder / f"{name}.sqlite3", operators=frozenset({OPERATOR}))
    return await Services.open(settings, clock)


async def make_member(services: Services, api: OfflineBotAPI, user_id: int, place: str) -> SimUser:
    person = api.user(user_id, f"Person {user_id}", "en")
    repos = services.repos
    # The hromada or the place abroad the name finds best.
    matches = [
        *places.search_hromadas(place, limit=1).matches,
        *places.search_world(place, limit=1).matches,
    ]
    found = max(matches, key=lambda match: match.score).place
    await repos.users.upsert(user_id, person.first_name, None, None, "en")
    await repos.users.set_language(user_id, "en")
    community = await repos.communities.from_place(found)
    membership = await repos.memberships.claim(user_id, community.id, "admin")
    await repos.memberships.decide(membership.id, True, OPERATOR)
    await repos.users.set_current_community(user_id, community.id)
    await repos.users.set_role(user_id, "official" if found.country_code == "UA" else "partner")
    return person


# ---------------------------------------------------------------------------- people


async def act(bot: Running, person: SimUser, step: Step) -> float:
    """Do one step and wait for the bot's answer; returns how long the answer took."""
    _kind, action, value = step
    api = bot.api
    started = time.perf_counter()
    if action == "type":
        update_id = api.send(person, value)
    elif bot.floor or value == FIRST:
        label = api.last(person.id).button_labels[0]
        update_id = api.press(person, label)
    else:
        update_id = api.press(person, value)
    await api.wait_processed(update_id, timeout=600)
    return time.perf_counter() - started


async def everyone(bot: Running, days: list[tuple[SimUser, list[Step]]]) -> tuple[int, float]:
    """Everyone at once, each person one step after the other's answer."""

    async def live(person: SimUser, day: list[Step]) -> None:
        for step in day:
            await act(bot, person, step)

    started = time.perf_counter()
    await asyncio.gather(*(live(person, day) for person, day in days))
    return sum(len(day) for _person, day in days), time.perf_counter() - started


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


# ---------------------------------------------------------------------------- 1. throughput


async def populated(
    folder: Path, name: str, api: OfflineBotAPI
) -> tuple[Services, list[tuple[SimUser, list[Step]]]]:
    services = await open_services(folder, name, FakeClock(START))
    await load_demo(services.repos, START.date())
    api.user(OPERATOR, "Oksana", "en")
    days: list[tuple[SimUser, list[Step]]] = []
    for n in range(PEOPLE - NEWCOMERS):
        person = await make_member(services, api, 10_000 + n, UA_PLACES[n % len(UA_PLACES)])
        days.append((person, MEMBER_DAY))
    for n in range(NEWCOMERS):
        person = api.user(20_000 + n, f"Newcomer {n}", "en")
        days.append((person, newcomer_day(UA_PLACES[n % len(UA_PLACES)])))
    return services, days


async def throughput(folder: Path, round_trip: float) -> tuple[float, float]:
    """Updates per second of the whole bot and of the floor bot: the better of two runs
    each, taken in turns, so that a moment when the machine is busy elsewhere weighs less."""
    full, floor = 0.0, 0.0
    for attempt in range(2):
        api = OfflineBotAPI(round_trip=round_trip)
        services, days = await populated(folder, f"full-{round_trip}-{attempt}", api)
        bot = await full_bot(services, api)
        count, elapsed = await everyone(bot, days)
        await bot.stop()
        full = max(full, count / elapsed)

        api = OfflineBotAPI(round_trip=round_trip)
        people = [(api.user(person.id, person.first_name, "en"), day) for person, day in days]
        bot = await floor_bot(api)
        count, elapsed = await everyone(bot, people)
        await bot.stop()
        floor = max(floor, count / elapsed)
    return full, floor


# ---------------------------------------------------------------------------- 2. statements


@dataclass
class Tally:
    statements: int = 0
    commits: int = 0
    in_transaction: bool = False

    def trace(self, sql: str) -> None:
        if sql.startswith("--"):
            return  # a step inside another statement (full-text index internals)
        self.statements += 1
        word = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if word == "BEGIN":
            self.in_transaction = True
        elif word in ("COMMIT", "END", "ROLLBACK"):
            self.commits += word != "ROLLBACK"
            self.in_transaction = False
        elif word in ("INSERT", "UPDATE", "DELETE", "REPLACE") and not self.in_transaction:
            self.commits += 1  # a write on its own commits by itself


async def statements_per_kind(folder: Path) -> dict[str, tuple[float, float]]:
    api = OfflineBotAPI()
    services, days = await populated(folder, "statements", api)
    bot = await full_bot(services, api)
    tally = Tally()
    await services.db.connection.set_trace_callback(tally.trace)
    per_kind: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for person, day in days[:: PEOPLE // 20]:  # one person at a time: every statement is theirs
        for step in day:
            before = (tally.statements, tally.commits)
            await act(bot, person, step)
            per_kind[step[0]].append((tally.statements - before[0], tally.commits - before[1]))
    await services.db.connection.set_trace_callback(None)
    await bot.stop()
    result = {
        kind: (statistics.mean(s for s, _c in rows), statistics.mean(c for _s, c in rows))
        for kind, rows in per_kind.items()
    }
    everything = [row for rows in per_kind.values() for row in rows]
    result["all"] = (
        statistics.mean(s for s, _c in everything),
        statistics.mean(c for _s, c in everything),
    )
    return result


# ---------------------------------------------------------------------------- 3. publishing


async def seed_offers(services: Services, api: OfflineBotAPI, rng: random.Random) -> None:
    """100,000 offers of partner municipalities, each with two approved members."""
    partners = []
    for n, place in enumerate(PARTNER_PLACES * 3):
        person = await make_member(services, api, 30_000 + n, place)
        user = await services.repos.users.get(person.id)
        assert user is not None and user.current_community_id is not None
        partners.append(user.current_community_id)
    sector_codes = [s.code for s in SECTORS]
    kind_codes = [k.code for k in KINDS]
    now = iso(START - timedelta(days=1))
    until = (START + timedelta(days=180)).date().isoformat()
    rows = []
    for n in range(OFFERS):
        sectors = " " + " ".join(rng.sample(sector_codes, k=rng.randint(1, 3))) + " "
        kinds = " " + " ".join(rng.sample(kind_codes, k=rng.randint(1, 2))) + " "
        rows.append((partners[n % len(partners)], sectors, kinds, f"Offer {n}", until, now))
    async with services.db.transaction():
        await services.db.executemany(
            "INSERT INTO posts (side, community_id, sectors, kinds, description, languages,"
            " valid_until, created_at, updated_at, fresh_at)"
            " VALUES ('offer', ?, ?, ?, ?, ' en ', ?, ?, ?, ?)",
            [(c, s, k, d, u, t, t, t) for c, s, k, d, u, t in rows],
        )
    await services.db.execute("ANALYZE")


async def publishing(folder: Path) -> tuple[list[float], float]:
    api = OfflineBotAPI()
    services = await open_services(folder, "publish", FakeClock(START))
    api.user(OPERATOR, "Oksana", "en")
    await seed_offers(services, api, random.Random(7))
    bot = await full_bot(services, api)
    sectors = ["Health", "Heating", "Water supply", "Energy", "Education"]
    answers = []
    for n in range(PUBLISHERS):
        person = await make_member(services, api, 40_000 + n, UA_PLACES[n % len(UA_PLACES)])
        for step in need_steps(sectors[n % len(sectors)], f"Need number {n} for the hospital"):
            took = await act(bot, person, step)
            if step[0] == "answer":
                answers.append(took)
    settled = time.perf_counter()
    notices = 0
    while True:  # until the matching started by the last need has finished
        count = await services.db.fetchval("SELECT count(*) FROM match_notices")
        if count == notices and time.perf_counter() - settled > 1.0:
            break
        notices = count
        await asyncio.sleep(0.5)
    await bot.stop()
    return answers, notices


# ---------------------------------------------------------------------------- 4. the burst


async def seed_reminders(services: Services, api: OfflineBotAPI) -> dict[int, int]:
    rows, due_per_chat = [], Counter[int]()
    private_due = DUE_NOW - GROUPS * PER_GROUP
    for n in range(DUE_NOW + LATER):
        if n < private_due:
            chat_id, due = 100_000 + n, START - timedelta(seconds=n % 60)
        elif n < DUE_NOW:
            chat_id, due = -700_000 - (n % GROUPS), START - timedelta(seconds=n % 60)
        else:
            chat_id, due = 100_000 + n, START + timedelta(minutes=10 + n % 100_000)
        if n < DUE_NOW:
            due_per_chat[chat_id] += 1
            if chat_id > 0:
                api.user(chat_id, f"User {n}", "uk")
        created = iso(START - timedelta(days=1))
        rows.append((chat_id, chat_id if chat_id > 0 else None, "user", f"reminder {n}", "{}",
                     iso(due), "Europe/Kyiv", created, created))  # fmt: skip
    for g in range(GROUPS):
        api.group(-700_000 - g, f"Group {g}")
    await services.db.executemany(
        "INSERT INTO reminders (chat_id, owner_id, kind, text, payload, due_at, tz, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return dict(due_per_chat)


async def burst(folder: Path) -> dict[str, Any]:
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    api = OfflineBotAPI(enforce_limits=True, round_trip=0.030)
    services = await open_services(folder, "burst", FakeClock(START))
    due_per_chat = await seed_reminders(services, api)
    person = await make_member(services, api, 50_000, "Brovary")
    app = build_application(services, request=OfflineRequest(api), token=OFFLINE_TOKEN)
    app.after_update.append(lambda update: api.mark_processed(getattr(update, "update_id", -1)))
    await app.initialize()
    report = await restore(app)
    await app.start()
    assert app.job_queue is not None and app.updater is not None
    app.job_queue.scheduler.pause()  # delivered by hand below, timed
    await app.updater.start_polling(poll_interval=0, timeout=5)
    bot = Running(api, app, services, floor=False)
    await act(bot, person, ("menu", "type", "/menu"))
    started = time.perf_counter()
    delivery = asyncio.create_task(deliver_due(bot.app))
    answers = []
    screens = ["Aid and visits", "Main menu"]
    while not delivery.done():
        answers.append(await act(bot, person, ("menu", "press", screens[len(answers) % 2])))
        await asyncio.sleep(2.0)  # reading the screen
    delivered = await delivery
    elapsed = time.perf_counter() - started
    sent = Counter(int(c.params["chat_id"]) for c in api.calls if c.method == "sendMessage")
    await bot.stop()
    return {
        "pending": report.pending,
        "restore": report.seconds,
        "delivered": delivered,
        "seconds": elapsed,
        "floor": floor_seconds(due_per_chat),
        "flood_errors": api.flood_errors,
        "not_sent": sum(max(0, n - sent.get(chat, 0)) for chat, n in due_per_chat.items()),
        "answers": answers,
    }


# ---------------------------------------------------------------------------- report


def verdict(met: bool) -> str:
    return "target met" if met else "TARGET NOT MET"


async def main() -> None:
    logging.getLogger("telegram").setLevel(logging.CRITICAL)
    logging.getLogger("handlers").setLevel(logging.CRITICAL)
    places.current()  # the place index is loaded before anything is timed
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print(
            f"1. {PEOPLE} people at once ({NEWCOMERS} of them onboarding), whole bot and floor bot"
        )
        for round_trip in ROUND_TRIPS:
            full, floor = await throughput(folder, round_trip)
            ratio = full / floor
            line = (
                f"   {round_trip * 1000:.0f} ms round trip: {full:.0f} updates/s,"
                f" floor bot {floor:.0f} updates/s, ratio {ratio:.2f}"
            )
            if round_trip:
                met = ratio >= 0.5 and full >= 200
                print(f"{line}  (target ≥ 200/s and ≥ 0.50: {verdict(met)})")
            else:
                print(f"{line}  (target ≥ 0.50: {verdict(ratio >= 0.5)})")

        print("2. SQL statements and commits per update, by kind of traffic")
        for kind, (statements, commits) in (await statements_per_kind(folder)).items():
            print(f"   {kind:<11} {statements:5.1f} statements  {commits:4.2f} commits")

        answers, notices = await publishing(folder)
        print(f"3. publishing a need among {OFFERS:,} offers ({PUBLISHERS} needs published,")
        print(f"   {notices:,} match notices recorded)")
        print(
            f"   the author's answer: p50 {statistics.median(answers) * 1000:.0f} ms,"
            f" p95 {p95(answers) * 1000:.0f} ms  (target p95 < 100 ms:"
            f" {verdict(p95(answers) < 0.1)})"
        )

        result = await burst(folder)
        over = result["seconds"] / result["floor"] - 1
        answer_p95 = p95(result["answers"])
        print(
            f"4. {result['pending']:,} pending reminders restored at start in"
            f" {result['restore']:.3f} s  (target < 0.3 s: {verdict(result['restore'] < 0.3)})"
        )
        print(f"   {DUE_NOW:,} of them due at once, 30 ms round trip, Telegram's limits enforced")
        print(
            f"   delivered {result['delivered']:,} in {result['seconds']:.1f} s, floor"
            f" {result['floor']:.1f} s: {over * 100:+.1f}%  (target ≤ +10%: {verdict(over <= 0.1)})"
        )
        print(
            f"   flood errors {result['flood_errors']}, not sent {result['not_sent']}"
            f"  (target 0: {verdict(result['flood_errors'] == 0 and result['not_sent'] == 0)})"
        )
        print(
            f"   a person pressing buttons meanwhile: {len(result['answers'])} answers,"
            f" p50 {statistics.median(result['answers']) * 1000:.0f} ms,"
            f" p95 {answer_p95 * 1000:.0f} ms  (target p95 < 1 s: {verdict(answer_p95 < 1.0)})"
        )


if __name__ == "__main__":
    asyncio.run(main())
