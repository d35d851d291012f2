"""Publishing a post answers at once; its matches are recorded right after, in batches."""

from __future__ import annotations

import sqlite3

from bot.domain.offers import digest as offers_digest
from bot.domain.offers.digest import record_matches
from bot.offline.api import SentMessage
from storage.offers import PostDraft
from tests.harness import BotHarness


async def _partner_offers(bot: BotHarness, count: int) -> int:
    """`count` heating offers of Jena, whose coordinator is a member; returns their id."""
    coordinator = bot.user(171, "Lars", "en")
    jena = await bot.make_member(coordinator, "Jena")
    for n in range(count):
        await bot.repos.posts.create(
            PostDraft(
                "offer", jena.id, f"Boiler room {n}", sectors=["heating"], kinds=["equipment"]
            ),
            jena,
        )
    return coordinator.id


async def test_the_author_is_answered_before_the_matches_are_recorded(bot: BotHarness) -> None:
    coordinator = await _partner_offers(bot, 3)
    official = bot.user(172, "Olena", "en")
    await bot.make_member(official, "Brovary")
    notices_when_answered: list[int] = []

    def count_notices(message: SentMessage) -> None:
        if message.chat_id == official.id and message.body.startswith("Saved."):
            with sqlite3.connect(bot.settings.database) as db:
                notices_when_answered.append(
                    db.execute("SELECT count(*) FROM match_notices").fetchone()[0]
                )

    bot.api.listeners.append(count_notices)
    await bot.send(official, "/menu")
    await bot.press(official, "Find partners")
    await bot.press(official, "Post a need")
    await bot.press(official, "Heating")
    await bot.press(official, "Next")
    await bot.press(official, "Equipment")
    await bot.press(official, "Next")
    await bot.send(official, "Boilers for two schools")
    await bot.press(official, "Urgent")
    await bot.press(official, "Skip")
    await bot.press(official, "One-off help")
    reply = await bot.press(official, "6 months")
    reply = await bot.press(official, "Confirm")
    assert "Matching posts of the other side will be in your daily digest." in reply.text
    assert notices_when_answered == [0]
    # By the time the person can act again, the work has finished.
    assert len(await bot.repos.notices.waiting(official.id)) == 3
    assert len(await bot.repos.notices.waiting(coordinator)) == 3


async def test_matching_goes_through_every_batch(bot: BotHarness, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(offers_digest, "MATCH_BATCH", 2)
    coordinator = await _partner_offers(bot, 5)
    official = bot.user(173, "Iryna", "en")
    brovary = await bot.make_member(official, "Brovary")
    need = await bot.repos.posts.create(
        PostDraft("need", brovary.id, "Boilers", sectors=["heating"], kinds=["equipment"]),
        brovary,
    )
    assert await record_matches(bot.repos, need) == 5
    assert len(await bot.repos.notices.waiting(coordinator)) == 5
    assert len(await bot.repos.notices.waiting(official.id)) == 5
