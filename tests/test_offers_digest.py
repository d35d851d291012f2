"""Match notices: at most one digest a day per person, in their language, and an off switch."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.offers.digest import Link, record_matches, send_digests
from handlers.offers import digest as offers_digest
from storage.offers import PostDraft
from tests.harness import BotHarness


class Outbox:
    def __init__(self) -> None:
        self.sent: list[tuple[int, str, list[Link]]] = []

    async def __call__(self, chat_id: int, text: str, links: list[Link]) -> bool:
        self.sent.append((chat_id, text, links))
        return True

    def to(self, chat_id: int) -> list[str]:
        return [text for to, text, _links in self.sent if to == chat_id]


async def _offer(bot: BotHarness, name: str, text: str) -> int:
    community = await bot.repos.communities.create(kind="foreign", name=name, country_code="DE")
    post = await bot.repos.posts.create(
        PostDraft("offer", community.id, text, sectors=["heating"], kinds=["equipment"]), community
    )
    await record_matches(bot.repos, post)
    return post.id


async def _digest(bot: BotHarness, outbox: Outbox) -> int:
    assert bot.services is not None
    return await send_digests(bot.repos, bot.services.i18n, bot.clock.now(), outbox)


async def test_at_most_one_digest_a_day(bot: BotHarness) -> None:
    official = bot.user(501, "Оксана", "uk")
    kremenchuk = await bot.make_member(official, "Kremenchuk")
    need = await bot.repos.posts.create(
        PostDraft("need", kremenchuk.id, "Котельня", sectors=["heating"], kinds=["equipment"]),
        kremenchuk,
    )
    outbox = Outbox()
    await _offer(bot, "Jena", "Boilers for district heating")
    assert await _digest(bot, outbox) == 1
    first = outbox.to(official.id)
    assert len(first) == 1 and "1 новий збіг" in first[0] and "Jena" in first[0]

    bot.clock.advance(timedelta(hours=2))
    await _offer(bot, "Erlangen", "Mobile boiler houses")
    await _offer(bot, "Leipzig", "Heat pumps")
    assert await _digest(bot, outbox) == 0  # the same day: nothing more
    assert len(outbox.to(official.id)) == 1

    bot.clock.advance(timedelta(days=1))  # next day, 12:00 in Kyiv
    assert await _digest(bot, outbox) == 1
    second = outbox.to(official.id)[-1]
    assert "2 нові збіги" in second and "Erlangen" in second and "Leipzig" in second
    assert await _digest(bot, outbox) == 0  # nothing new
    assert await bot.repos.notices.digests_sent(official.id) == 2
    assert need.id  # the need the offers matched


async def test_the_offers_owner_hears_of_matching_needs_in_english(bot: BotHarness) -> None:
    coordinator = bot.user(511, "Greta", "en")
    jena = await bot.make_member(coordinator, "Jena")
    official = bot.user(512, "Ivan", "uk")
    byshiv = await bot.make_member(official, "Byshiv")
    offer = await bot.repos.posts.create(
        PostDraft(
            "offer",
            jena.id,
            "Pumps",
            sectors=["water"],
            kinds=["equipment"],
            owner_id=coordinator.id,
        ),
        jena,
    )
    await record_matches(bot.repos, offer)
    need = await bot.repos.posts.create(
        PostDraft("need", byshiv.id, "Водогін", sectors=["water"], kinds=["equipment"]), byshiv
    )
    await record_matches(bot.repos, need)
    outbox = Outbox()
    await _digest(bot, outbox)
    [digest] = outbox.to(coordinator.id)
    assert digest.startswith("1 new match for your community's posts:")
    assert "Byshiv, Ukraine" in digest
    [ukrainian] = outbox.to(official.id)
    assert "Єна, Німеччина" in ukrainian


async def test_no_digest_when_turned_off_or_at_night(bot: BotHarness) -> None:
    official = bot.user(521, "Taras", "en")
    kremenchuk = await bot.make_member(official, "Kremenchuk")
    await bot.repos.posts.create(
        PostDraft("need", kremenchuk.id, "Boilers", sectors=["heating"]), kremenchuk
    )
    await bot.send(official, "/find")
    await bot.press(official, "Back")
    reply = await bot.press(official, "Notice settings")
    assert "Match notices: on" in reply.text
    reply = await bot.press(official, "Turn off")
    assert "Match notices: off" in reply.text
    await _offer(bot, "Jena", "Boilers")
    outbox = Outbox()
    assert await _digest(bot, outbox) == 0

    await bot.press(official, "Turn on")
    bot.clock.advance(timedelta(hours=12))  # 00:00 in Kyiv: quiet hours
    assert await _digest(bot, outbox) == 0
    bot.clock.advance(timedelta(hours=8))
    assert await _digest(bot, outbox) == 1


async def test_digest_job_sends_through_the_bot(bot: BotHarness) -> None:
    official = bot.user(531, "Olha", "en")
    kremenchuk = await bot.make_member(official, "Kremenchuk")
    await bot.repos.posts.create(
        PostDraft("need", kremenchuk.id, "Boilers", sectors=["heating"]), kremenchuk
    )
    await _offer(bot, "Jena", "Boilers for schools")
    assert bot.app is not None
    context = type("Job", (), {"application": bot.app})()
    assert await offers_digest.run(context) == 1  # type: ignore[arg-type]
    message = bot.last(official.id)
    assert "Jena" in message.text
    reply = await bot.press(official, "1. Offer")
    assert "Boilers for schools" in reply.text
    assert "I'm interested" in reply.buttons
