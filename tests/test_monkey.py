"""People pressing whatever is on screen and typing anything: no handler may fail.

A seeded random walk through every feature, in all four languages, with hostile text at every
free-text step. The error handler apologises and reports to the operator when a handler
raises; neither may ever happen here.
"""

from __future__ import annotations

import random

import pytest

from bot.i18n import I18n
from bot.offline.api import SimUser
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
    "3,9 млн грн",
    "100 тис. євро",
    "сьогодні",
    "next Monday",
    "heute",
    "jutro o 9:00 zadzwonić do Jeny",
    "3,9 Mio. UAH",
    "завтра о 9:00 зателефонувати в Єну",
    "Jena",
    "Бровари",
    "12",
    "0",
    "{name} {0} %s",
    "\u202e\u200b",
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
    "/remind in 2 hours call Erlangen",
    "/status",
]


async def walk(bot: BotHarness, people: list[SimUser], steps: int, seed: int) -> None:
    rng = random.Random(seed)
    for step in range(steps):
        person = rng.choice(people)
        messages = [m for m in bot.api.bot_messages(person.id) if m.buttons]
        roll = rng.random()
        if messages and roll < 0.6:
            # Mostly the newest screen, sometimes an old message further up the chat.
            message = messages[-1] if rng.random() < 0.8 else rng.choice(messages)
            buttons = [b for b in message.buttons if "callback_data" in b]
            if buttons:
                button = rng.choice(buttons)
                await bot.deliver(bot.api.press_data(person, button["callback_data"], message))
                continue
        if roll < 0.8:
            await bot.send(person, rng.choice(HOSTILE) or "?")
        else:
            await bot.send(person, rng.choice(COMMANDS))
        if step % 97 == 96:
            await bot.restart()


APOLOGY = (
    "Sorry, something went wrong on our side. Nothing you saved before is lost; please try"
    " again, or send /menu."
)


def failures(bot: BotHarness) -> list[str]:
    reports = [m.body for m in bot.api.bot_messages(OPERATOR_ID) if "Error report" in m.body]
    apologies_read = {translator._(APOLOGY) for translator in I18n()}
    apologies = [
        m.body
        for chat in bot.api.messages
        for m in bot.api.bot_messages(chat)
        if any(apology in m.body for apology in apologies_read)
    ]
    return reports + apologies


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_presses_and_hostile_text_never_fail(bot: BotHarness, seed: int) -> None:
    bot.operator()
    mayor = bot.user(301, "Ігор", "uk")
    deputy = bot.user(302, "Deputy", "en")
    partner = bot.user(303, "Anna", "de")
    newcomer = bot.user(304, "Нова", "uk")
    county = bot.user(305, "Jan", "pl")
    await bot.make_member(mayor, "Brovary")
    await bot.make_member(deputy, "Kremenchuk")
    await bot.make_member(partner, "Jena")
    await bot.make_member(county, "Gniezno County")
    people = [mayor, deputy, partner, newcomer, county]
    for person in people:
        await bot.send(person, "/menu")
    await walk(bot, people, steps=400, seed=seed)
    assert failures(bot) == []
