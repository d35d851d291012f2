"""A seeded random walk of people through every feature, and how much of the handlers it reaches.

People of four communities, a newcomer and the operator press whatever is on screen (and
now and then a button of someone else's screen, as a forged press), type plausible and
hostile text, edit what they sent, and act in a group chat whose admins are two of them.
Now and then one of them sets out on an errand (log aid or a visit, post an offer, ask for
an introduction, propose or answer a partnership, fill in a step, set a reminder, claim a
community, approve a claim, link the group), typed and pressed in their own language, and
wanders off at random wherever a step does not fit. Used by `tests/test_monkey.py` and
`scripts/random_walk.py`.
"""

from __future__ import annotations

import ast
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import handlers
from bot import background
from bot.domain.offers.csv_io import COLUMNS, load_demo
from bot.i18n import I18n
from bot.jobs.reminder_delivery import deliver_due
from bot.offline.api import SentMessage, SimChat, SimUser
from tests.harness import OPERATOR_ID, BotHarness

HOSTILE = [
    "",
    " ",
    "х" * 5000,
    "🙂🙂🙂",
    '"unbalanced',
    "a* -b NEAR(c) OR (d AND",
    "<b>bold</b> *markdown* _x_ `code` [link](http://x)",
    "'; DROP TABLE users; --",
    "31.02.2026",
    "1900-01-01",
    "-5",
    "1e309",
    "{name} {0} %s",
    "\u202e\u200b",
]
# What a person at a prompt might well type: dates, amounts, counts, names, sentences.
PLAUSIBLE = [
    "3,9 млн грн",
    "100 тис. євро",
    "2500 EUR",
    "сьогодні",
    "today",
    "heute",
    "jutro",
    "25.12.2026",
    "2026-03-25",
    "10.12.2026-12.12.2026",
    "березень 2022",
    "next Monday",
    "jutro o 9:00 zadzwonić do Jeny",
    "завтра о 9:00 зателефонувати в Єну",
    "Jena",
    "Erlangen",
    "Бровари",
    "Gniezno",
    "Kremenchuk",
    "12",
    "6",
    "0",
    "Matthias Mieth",
    "Генератори для лікарні",
    "Heating and water supply for schools",
    "Wir bieten Beratung zur Wasserversorgung an.",
    "Europe/Berlin",
]
UPLOADS = [
    ("offers.csv", ",".join(COLUMNS).encode() + b"\noffer,Jena,DE,x,y,z\n"),
    ("offers.csv", b'\xef\xbb\xbf;;;\n"unbalanced\n\x00\x01'),
    ("offers.csv", b""),
    ("photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg"),
    ("act.pdf", b"%PDF-1.4 broken"),
]
COMMANDS = [
    "/start",
    "/menu",
    "/cancel",
    "/help",
    "/settings",
    "/twinning",
    "/aid",
    "/find",
    "/remind",
    "/find опалення",
    "/find heating",
    "/remind in 2 hours call Erlangen",
    "/status",
]
GROUP_COMMANDS = [
    "/status",
    "/settings",
    "/help",
    "/remind завтра о 9:00 нарада з Єною",
    "/twinning",
    "/aid",
    "/start",
]


@dataclass(frozen=True)
class Typed:
    text: str


# Errands: a command, a button's English label (pressed in the person's language), a
# button by its position on the newest screen, or text to type.
ERRANDS: dict[str, list[str | int | Typed]] = {
    "aid": [
        "/aid",
        "Log aid",
        0,
        "Done",
        0,
        0,
        Typed("Генератори для лікарні"),
        Typed("2500 EUR"),
        0,
        Typed("today"),
        "Confirm",
    ],
    "visit": [
        "/aid",
        "Log visit",
        0,
        0,
        Typed("10.12.2026-12.12.2026"),
        Typed("6"),
        Typed("Matthias Mieth"),
        0,
        "Next",
        Typed("Modular town"),
        "Confirm",
    ],
    "offer": [
        "/menu",
        "Find partners",
        "Post an offer",
        0,
        1,
        "Next",
        0,
        "Next",
        Typed("Heating and water supply for schools"),
        0,
        "Next",
        0,
        0,
        "Confirm",
    ],
    "introduction": [
        "/find heating",
        0,
        "I'm interested",
        Typed("We look for a partner."),
        "Send",
    ],
    "propose": ["/twinning", "New partnership", Typed("Erlangen"), 0, "Confirm"],
    "answer": ["/twinning", 0, 0],
    "onboard": ["/start", 0, 0, Typed("Brovary"), 0, 0],
    "requests": ["/menu", "Pending requests", 0, "Approve"],
    "link-group": ["/status", "Link this group", 0],
    "twinning-step": [
        "/twinning",
        0,
        0,
        0,
        1,
        "Done",
        0,
        Typed("today"),
        Typed("12"),
        "Confirm",
    ],
    "reminder": ["/remind", Typed("завтра о 9:00 нарада з Єною"), 0, 0],
    "aid-history": ["/aid", 1, 0, 0],
}


@dataclass
class World:
    people: list[SimUser]
    operator: SimUser
    group: SimChat
    in_group: list[SimUser]  # the first two are the group's admins
    errands: dict[str, int] = field(default_factory=dict)  # how far each got, for the record


async def world(bot: BotHarness) -> World:
    """Four communities with an accepted partnership and a proposal, a newcomer, the operator
    and a group chat of the partnership's two sides plus a guest."""
    await load_demo(bot.repos, bot.clock.now().date())
    operator = bot.operator("uk")
    mayor = bot.user(301, "Ігор", "uk")
    deputy = bot.user(302, "Deputy", "en")
    partner = bot.user(303, "Anna", "de")
    newcomer = bot.user(304, "Нова", "uk")
    county = bot.user(305, "Jan", "pl")
    brovary = await bot.make_member(mayor, "Brovary")
    kremenchuk = await bot.make_member(deputy, "Kremenchuk")
    jena = await bot.make_member(partner, "Jena")
    gniezno = await bot.make_member(county, "Gniezno County")
    await bot.repos.partnerships.create(brovary.id, jena.id, mayor.id)
    await bot.repos.partnerships.create(
        kremenchuk.id, gniezno.id, deputy.id, proposed_by=kremenchuk.id
    )
    group = bot.api.group(-700, "Бровари — Єна", admins=(mayor, partner))
    await bot.deliver(bot.api.add_bot_to_group(mayor, group))
    people = [mayor, deputy, partner, newcomer, county, operator]
    for person in people:
        await bot.send(person, "/menu")
    return World(people, operator, group, [mayor, partner, deputy])


class Walker:
    def __init__(self, bot: BotHarness, world: World, seed: int) -> None:
        self.bot, self.world = bot, world
        self.rng = random.Random(seed)
        self.i18n = I18n()

    def _screens(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.bot.api.bot_messages(chat_id) if m.buttons]

    async def _press(self, person: SimUser, message: SentMessage, data: str) -> None:
        await self.bot.deliver(self.bot.api.press_data(person, data, message))

    async def press_any(self, person: SimUser, chat_id: int) -> bool:
        screens = self._screens(chat_id)
        if not screens:
            return False
        # Mostly the newest screen, sometimes an old message further up the chat.
        message = screens[-1] if self.rng.random() < 0.8 else self.rng.choice(screens)
        buttons = [b for b in message.buttons if "callback_data" in b]
        if not buttons:
            return False
        await self._press(person, message, self.rng.choice(buttons)["callback_data"])
        return True

    async def _press_label(self, person: SimUser, chat_id: int, label: str) -> bool:
        """Press the newest button reading `label` (or starting with it) in the chat."""
        for message in reversed(self._screens(chat_id)[-4:]):
            for button in message.buttons:
                text = button.get("text", "")
                if "callback_data" in button and (text == label or text.startswith(label)):
                    await self._press(person, message, button["callback_data"])
                    return True
        return False

    async def _press_nth(self, person: SimUser, chat_id: int, n: int) -> bool:
        screens = self._screens(chat_id)
        if not screens:
            return False
        buttons = [b for b in screens[-1].buttons if "callback_data" in b]
        if len(buttons) <= n:
            return False
        await self._press(person, screens[-1], buttons[n]["callback_data"])
        return True

    async def errand(self, person: SimUser, name: str, chat: SimChat | None = None) -> int:
        """Follow an errand's steps while they fit the screen; returns how many did."""
        language = (
            person.language_code if person.language_code in ("uk", "en", "de", "pl") else "en"
        )
        t = self.i18n.get(language)
        chat_id = chat.id if chat is not None else person.id
        done = 0
        for step in ERRANDS[name]:
            if isinstance(step, int):
                fitted = await self._press_nth(person, chat_id, step)
            elif isinstance(step, Typed) or step.startswith("/"):
                await self.bot.send(person, step.text if isinstance(step, Typed) else step, chat)
                fitted = True
            else:
                fitted = await self._press_label(person, chat_id, t._(step))
            if not fitted:
                break
            done += 1
        self.world.errands[name] = max(self.world.errands.get(name, 0), done)
        return done

    async def step(self, number: int) -> None:
        rng, bot, world = self.rng, self.bot, self.world
        person = rng.choice(world.people)
        roll = rng.random()
        if roll < 0.07:
            name = rng.choice(list(ERRANDS))
            if name == "link-group":
                await self.errand(rng.choice(world.in_group), name, world.group)
            elif name == "requests":
                await self.errand(world.operator, name)
            else:
                await self.errand(person, name)
        elif roll < 0.15:
            await self.in_group(rng.choice(world.in_group))
        elif roll < 0.19:
            await self.edit(person)
        elif roll < 0.23:
            await self.forge(person, rng.choice(world.people))
        elif roll < 0.25:
            await self.upload(person)
        elif roll < 0.26:
            await self.time_passes()
        elif roll < 0.62 and await self.press_any(person, person.id):
            pass
        elif roll < 0.9:
            text = rng.choice(PLAUSIBLE if rng.random() < 0.6 else HOSTILE)
            await bot.send(person, text or "?")
        else:
            await bot.send(person, rng.choice(COMMANDS))
        if number % 97 == 96:
            await bot.restart()

    async def in_group(self, person: SimUser) -> None:
        roll = self.rng.random()
        if roll < 0.45 and await self.press_any(person, self.world.group.id):
            return
        if roll < 0.8:
            await self.bot.send(person, self.rng.choice(GROUP_COMMANDS), self.world.group)
        else:
            await self.bot.send(person, self.rng.choice(PLAUSIBLE), self.world.group)

    async def forge(self, person: SimUser, other: SimUser) -> None:
        """The person sends a button of someone else's screen, as a forged press would."""
        own, theirs = self._screens(person.id), self._screens(other.id)
        buttons = [b for m in theirs[-3:] for b in m.buttons if "callback_data" in b]
        if own and buttons:
            await self._press(person, own[-1], self.rng.choice(buttons)["callback_data"])

    async def time_passes(self) -> None:
        """Hours to weeks go by: the reminders, visits' prompts and nudges fall due."""
        self.bot.clock.advance(timedelta(hours=self.rng.choice((3, 26, 24 * 8, 24 * 40))))
        assert self.bot.app is not None
        await deliver_due(self.bot.app)
        await background.settle(self.bot.app)

    async def upload(self, person: SimUser) -> None:
        """A file where the bot may or may not expect one: a CSV of offers, good or broken,
        a photo, or bytes that are neither."""
        name, data = self.rng.choice(UPLOADS)
        if name == "photo.jpg":
            update_id = self.bot.api.send_photo(person, data, caption=self.rng.choice(PLAUSIBLE))
        else:
            update_id = self.bot.api.send_document(person, data, name)
        await self.bot.deliver(update_id)

    async def edit(self, person: SimUser) -> None:
        """The person corrects the last thing they typed, in private or in the group."""
        chat = self.world.group if self.rng.random() < 0.3 else None
        text = self.rng.choice(PLAUSIBLE + HOSTILE) or "?"
        try:
            update_id = self.bot.api.edit(person, text, chat)
        except LookupError:
            return
        await self.bot.deliver(update_id)


async def walk(bot: BotHarness, world: World, steps: int, seed: int) -> None:
    walker = Walker(bot, world, seed)
    for number in range(steps):
        await walker.step(number)


APOLOGY = (
    "Sorry, something went wrong on our side. Nothing you saved before is lost; please try"
    " again, or send /menu."
)


def failures(bot: BotHarness) -> list[str]:
    """Error reports to the operator and apologies to anyone: a handler raised."""
    reports = [m.body for m in bot.api.bot_messages(OPERATOR_ID) if "Error report" in m.body]
    apologies_read = {translator._(APOLOGY) for translator in I18n()}
    apologies = [
        m.body
        for chat in bot.api.messages
        for m in bot.api.bot_messages(chat)
        if any(apology in m.body for apology in apologies_read)
    ]
    return reports + apologies


# --- how much of the handlers a walk reaches --------------------------------------------------

HANDLERS = Path(handlers.__file__).resolve().parent


def handler_functions() -> dict[tuple[str, int], str]:
    """Every function and method defined under `handlers/`, by (file, first line), where the
    first line is the def's and, for a decorated one, also its first decorator's."""
    found: dict[tuple[str, int], str] = {}
    for path in sorted(HANDLERS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{path.relative_to(HANDLERS.parent)}:{node.name}:{node.lineno}"
                found[str(path), node.lineno] = name
                for decorator in node.decorator_list:
                    found[str(path), decorator.lineno] = name
    return found


@dataclass
class Reach:
    calls: set[tuple[str, int]] = field(default_factory=set)

    def share(self) -> tuple[int, int]:
        """(functions reached, functions defined) under `handlers/`."""
        functions = handler_functions()
        reached = {functions[key] for key in self.calls if key in functions}
        return len(reached), len(set(functions.values()))

    def unreached(self) -> list[str]:
        functions = handler_functions()
        reached = {functions[key] for key in self.calls if key in functions}
        return sorted(set(functions.values()) - reached)


@contextmanager
def reach() -> Iterator[Reach]:
    """Record each function under `handlers/` that runs (a call event only: no line tracing,
    so the walk keeps its pace)."""
    seen = Reach()
    prefix = str(HANDLERS)
    previous = sys.gettrace()

    def trace(frame: FrameType, event: str, arg: Any) -> None:
        code = frame.f_code
        if code.co_filename.startswith(prefix):
            seen.calls.add((code.co_filename, code.co_firstlineno))

    sys.settrace(trace)
    try:
        yield seen
    finally:
        sys.settrace(previous)
