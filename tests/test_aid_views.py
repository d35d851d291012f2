"""Donors found by name or typed by hand, the paged timeline, and forged view buttons."""

from __future__ import annotations

from storage.aid import NewAid
from tests.harness import BotHarness


async def test_donors_from_the_gazetteer_and_by_hand(bot: BotHarness) -> None:
    official = bot.user(401, "Оксана", "uk")
    await bot.make_member(official, "Novyi Bilous")
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Записати допомогу")
    assert reply.buttons == ["Скасувати"]
    reply = await bot.send(official, "Kekava")
    assert "Кекава, Латвія" in reply.buttons
    reply = await bot.press(official, "Кекава, Латвія")
    assert "✓ Кекава" in reply.buttons
    await bot.send(official, "Lielvārde district")
    await bot.press(official, "Немає в списку")
    reply = await bot.send(official, "Lielvarde Municipality")
    assert "назву країни" in reply.text
    reply = await bot.send(official, "Latvia")
    reply = await bot.press(official, "Латвія")
    assert "✓ Lielvarde Municipality" in reply.buttons and "✓ Кекава" in reply.buttons
    reply = await bot.press(official, "Готово")
    assert "Що саме надано?" in reply.text


async def test_timeline_is_paged_and_view_buttons_are_checked(bot: BotHarness) -> None:
    official = bot.user(402, "Ivan", "en")
    stranger = bot.user(403, "Eve", "en")
    dolyna = await bot.make_member(official, "Dolyna")
    other = await bot.make_member(stranger, "Brovary")
    siauliai = await bot.repos.communities.create(
        kind="foreign", name="Šiauliai", country_code="LT"
    )
    partnership = await bot.repos.partnerships.create(dolyna.id, siauliai.id, official.id)
    for month in range(1, 11):
        await bot.repos.aid.create(
            NewAid(
                dolyna.id,
                (siauliai.id,),
                "humanitarian",
                "idp",
                f"Parcel {month}",
                f"2022-{month:02d}-05",
                "received",
                official.id,
                partnership_id=partnership.id,
            )
        )
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Timeline")
    assert "Parcel 10" in reply.text and "Parcel 3" in reply.text and "Parcel 2" not in reply.text
    reply = await bot.press(official, "Older ▶")
    assert "Parcel 2" in reply.text and "Parcel 1" in reply.text and "Parcel 10" not in reply.text
    reply = await bot.press(official, "◀ Newer")
    assert "Parcel 10" in reply.text
    # Someone from another community forges the partnership's totals and CSV buttons.
    await bot.send(stranger, "/aid")
    screen = bot.last(stranger.id)
    for data in (f"ai:tot:{partnership.id}", f"ai:csv:{partnership.id}", "ai:r:1", "ai:dl:1"):
        update = bot.api.press_data(stranger, data, screen)
        await bot.api.wait_processed(update)
    answers = [a.get("text", "") for a in bot.api.callback_answers]
    assert answers.count("This partnership is not available to you.") == 2
    assert answers.count("This record no longer exists.") == 2
    assert not any(m.document for m in bot.api.bot_messages(stranger.id))
    assert await bot.repos.aid.count(dolyna.id, None) == 10
    assert other.id != dolyna.id
