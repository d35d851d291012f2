"""Many people at once: nobody waits for someone else's slow step, each person's messages
are answered in the order they were sent, and flows stay apart through a restart."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.domain import places
from bot.offline.api import SimUser
from tests.harness import BotHarness


async def all_processed(bot: BotHarness, update_ids: list[int]) -> None:
    for update_id in update_ids:
        await bot.api.wait_processed(update_id)


async def test_a_slow_connection_to_one_person_does_not_hold_up_another(bot: BotHarness) -> None:
    slow, quick = bot.user(141, "Olena", "en"), bot.user(142, "Lars", "en")
    await bot.make_member(slow, "Brovary")
    await bot.make_member(quick, "Jena")
    arrived = asyncio.Event()
    original = bot.api._api_sendMessage

    async def poor_signal(params: dict[str, Any], files: dict[str, Any]) -> Any:
        if int(params["chat_id"]) == slow.id:
            await arrived.wait()  # the answer to the slow person is stuck on the way
        return await original(params, files)

    bot.api._api_sendMessage = poor_signal  # type: ignore[method-assign]
    stuck = bot.api.send(slow, "/menu")
    reply = await bot.send(quick, "/menu")
    assert "Main menu — Jena" in reply.text
    assert not bot.api.bot_messages(slow.id)
    arrived.set()
    await bot.api.wait_processed(stuck)
    assert "Main menu — Brovary" in bot.last(slow.id).text


async def test_each_persons_messages_are_answered_in_order_while_others_write_too(
    bot: BotHarness,
) -> None:
    people = [bot.user(150 + n, f"Person {n}", "en") for n in range(5)]
    for person in people:
        await bot.send(person, "/start")
        await bot.press(person, "English")
        await bot.press(person, "Official of a Ukrainian community")
    names = ["Brovary", "Lutsk", "Poltava", "Kremenchuk"]
    # The hromada each name finds, by the first word of its label: «Brovarska urban …».
    hromadas = [
        places.search_hromadas(name, limit=1).matches[0].place.display("en").split()[0]
        for name in names
    ]
    sent = [bot.api.send(person, name) for name in names for person in people]
    await all_processed(bot, sent)
    for person in people:
        firsts = [m.button_labels[0] for m in bot.api.bot_messages(person.id)[-len(names) :]]
        assert [label.split()[0] for label in firsts] == hromadas


async def test_flows_of_people_writing_at_once_stay_apart_through_a_restart(
    bot: BotHarness,
) -> None:
    places = ["Brovary", "Lutsk", "Poltava", "Kremenchuk", "Irpin", "Vasylkiv"]
    people = [bot.user(160 + n, f"Person {n}", "en") for n in range(len(places))]

    async def everyone(step: Any) -> None:
        await all_processed(
            bot, [step(person, place) for person, place in zip(people, places, strict=True)]
        )

    def press_first(person: SimUser, place: str) -> int:
        return bot.api.press(person, bot.last(person.id).button_labels[0])

    await everyone(lambda person, place: bot.api.send(person, "/start"))
    await everyone(lambda person, place: bot.api.press(person, "English"))
    await everyone(lambda person, place: bot.api.press(person, "Official of a Ukrainian community"))
    await everyone(lambda person, place: bot.api.send(person, place))
    await bot.restart()
    await everyone(press_first)
    await everyone(lambda person, place: bot.api.press(person, "Confirm"))

    for person, place in zip(people, places, strict=True):
        assert "sent to an operator" in bot.last(person.id).text
        [claim] = await bot.repos.memberships.for_user(person.id, status="pending")
        community = await bot.repos.communities.get(claim.community_id)
        assert community is not None and community.name == place
