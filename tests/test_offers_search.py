"""Searching offers and needs: every script, prefixes, diacritics, ranking, hostile input."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.offers.csv_io import load_demo
from bot.domain.offers.search import MAX_TOKENS, query_tokens
from storage.offers import PostDraft
from tests.harness import BotHarness

HOSTILE = [
    '"',
    '"heating',
    "heat*",
    "*",
    "-heating",
    "NEAR(heating water)",
    "heating AND OR NOT water",
    "(((",
    ") OR (",
    "heating'; DROP TABLE posts; --",
    "{body}: heating",
    "tags : sectorheating",
    "^heating",
    "x" * 10_000,
    "опалення " * 2_000,
    "🔥💧",
]


async def _search(
    bot: BotHarness, side: str, text: str, boost: list[str] | None = None
) -> list[str]:
    page = await bot.repos.posts.search(side, query_tokens(text), [], [], boost or [], limit=20)
    names = []
    for post in page.posts:
        community = await bot.repos.communities.get(post.community_id)
        names.append(community.name if community else "")
    return names


@pytest.mark.parametrize(
    ("side", "typed", "expected"),
    [
        ("offer", "опалення", "Donostia / San Sebastián"),  # Ukrainian word, English offer
        ("offer", "Heizung", "Donostia / San Sebastián"),  # German
        ("offer", "szpital", "Jena"),  # Polish
        ("need", "Бровари", "Brovary"),  # Cyrillic name, Latin record
        ("need", "brovary", "Brovary"),
        ("offer", "Šiauliai", "Šiauliai District Municipality"),
        ("offer", "Siauliai", "Šiauliai District Municipality"),  # without diacritics
        ("offer", "Bacsalmas", "Bácsalmás"),
        ("offer", "Kekava", "Ķekava"),
        ("need", "водопостач", "Byshiv"),  # a prefix of водопостачання
        ("need", "VODOPOSTACH", "Byshiv"),  # the same, transliterated and shouted
        ("offer", "Іспанія", "Donostia / San Sebastián"),  # the country, in Ukrainian
        ("need", "лікарн", "Brovary"),
    ],
)
async def test_keywords_match_across_scripts(
    bot: BotHarness, side: str, typed: str, expected: str
) -> None:
    await load_demo(bot.repos, bot.clock.now().date())
    assert expected in await _search(bot, side, typed)


async def test_a_sector_match_ranks_first(bot: BotHarness) -> None:
    repos = bot.repos
    one = await repos.communities.create(kind="foreign", name="Tartu", country_code="EE")
    two = await repos.communities.create(kind="foreign", name="Pärnu", country_code="EE")
    text = "Study visits for municipal experts and mayors."
    await repos.posts.create(
        PostDraft("offer", one.id, text, sectors=["water"], kinds=["expertise"]), one
    )
    await repos.posts.create(
        PostDraft("offer", two.id, text, sectors=["culture"], kinds=["expertise"]), two
    )
    assert await _search(bot, "offer", "study visits", boost=["water"]) == ["Tartu", "Pärnu"]
    assert await _search(bot, "offer", "study visits", boost=["culture"]) == ["Pärnu", "Tartu"]


async def test_the_searchers_own_need_lifts_matching_offers_in_the_bot(bot: BotHarness) -> None:
    repos = bot.repos
    official = bot.user(301, "Олена", "uk")
    byshiv = await bot.make_member(official, "Byshiv")
    await repos.posts.create(
        PostDraft("need", byshiv.id, "Нова водогінна мережа", sectors=["water"]), byshiv
    )
    for name, sector in (("Tartu", "culture"), ("Pärnu", "water"), ("Narva", "sport")):
        community = await repos.communities.create(kind="foreign", name=name, country_code="EE")
        await repos.posts.create(
            PostDraft(
                "offer",
                community.id,
                "Експертиза для громад",
                sectors=[sector],
                kinds=["expertise"],
            ),
            community,
        )
    await bot.send(official, "/find")
    reply = await bot.send(official, "експертиза")
    assert "Знайдено 3 оголошення." in reply.text
    assert reply.buttons[0].startswith("1. Pärnu")


async def test_hostile_queries_answer_without_error(bot: BotHarness) -> None:
    await load_demo(bot.repos, bot.clock.now().date())
    for text in HOSTILE:
        assert len(query_tokens(text)) <= MAX_TOKENS
        for side in ("offer", "need"):
            await _search(bot, side, text)  # must not raise
    official = bot.user(302, "Taras", "en")
    await bot.make_member(official, "Kremenchuk")
    await bot.send(official, "/find")
    for text in HOSTILE:
        reply = await bot.send(official, text)
        assert "found." in reply.text or "Nothing found" in reply.text, text
    assert not any(m.chat_id != official.id for m in reply.messages)


async def test_an_expired_offer_is_hidden_until_renewed(bot: BotHarness) -> None:
    repos = bot.repos
    gniezno = await repos.communities.create(
        kind="foreign", name="Gniezno County", country_code="PL"
    )
    post = await repos.posts.create(
        PostDraft("offer", gniezno.id, "Wymiana młodzieży", sectors=["youth"], duration_days=30),
        gniezno,
    )
    assert await _search(bot, "offer", "wymiana") == ["Gniezno County"]
    bot.clock.advance(timedelta(days=30))
    assert await _search(bot, "offer", "wymiana") == ["Gniezno County"]  # its last day
    bot.clock.advance(timedelta(days=1))
    assert await _search(bot, "offer", "wymiana") == []
    await repos.posts.renew(post.id)
    assert await _search(bot, "offer", "wymiana") == ["Gniezno County"]


async def test_results_are_paged_five_at_a_time(bot: BotHarness) -> None:
    repos = bot.repos
    for number in range(7):
        community = await repos.communities.create(
            kind="foreign", name=f"Town {number}", country_code="DE"
        )
        await repos.posts.create(
            PostDraft("offer", community.id, "Generators for schools", sectors=["energy"]),
            community,
        )
    official = bot.user(303, "Ivan", "en")
    await bot.make_member(official, "Brovary")
    await bot.send(official, "/find")
    reply = await bot.send(official, "generators")
    assert "7 posts found. Page 1 of 2." in reply.text
    assert sum(label[0].isdigit() for label in reply.buttons) == 5
    reply = await bot.press(official, "Next ▶")
    assert "Page 2 of 2." in reply.text
    assert "6. Town" in reply.text
    reply = await bot.press(official, "Sectors")
    reply = await bot.press(official, "Sport")
    assert "✓ Sport" in reply.buttons
    await bot.press(official, "Done")
    reply = await bot.press(official, "Show results")
    assert "Nothing found" in reply.text


async def test_staff_languages_on_a_card_are_named_in_the_readers_language(
    bot: BotHarness,
) -> None:
    await load_demo(bot.repos, bot.clock.now().date())
    official = bot.user(302, "Микола", "uk")
    await bot.make_member(official, "Kremenchuk")
    await bot.send(official, "/find")
    await bot.send(official, "опалення")
    reply = await bot.press(official, "1. Сан-Себастьян")
    assert "Мови працівників: англійська, іспанська" in reply.text
    coordinator = bot.user(303, "Ane", "en")
    await bot.make_member(coordinator, "Kremenchuk")
    await bot.send(coordinator, "/find")
    await bot.send(coordinator, "heating")
    reply = await bot.press(coordinator, "1. Donostia / San Sebastián")
    assert "Staff speak: English, Spanish" in reply.text
