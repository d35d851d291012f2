"""Both sides kept in step: a partner who joins later is asked once, a confirmation from one
member's message updates the copies the others got, a change after both confirmed asks the
other side again, a deletion is told to it, each community numbers its own records, and the
donor never marks its own shipment received."""

from __future__ import annotations

from bot.offline.api import SimUser
from storage.communities import Community
from tests.harness import OPERATOR_ID, BotHarness
from tests.test_aid_finance import jena_ships_to_brovary


async def brovary_joins(bot: BotHarness, mayor: SimUser) -> None:
    """The mayor claims Brovary with /start and the operator approves."""
    operator = bot.operator()
    await bot.send(operator, "/start")
    await bot.send(mayor, "/start")
    await bot.press(mayor, "Українська")
    await bot.press(mayor, "Посадова особа української громади")
    reply = await bot.send(mayor, "Бровари")
    await bot.press(mayor, reply.buttons[0])
    await bot.press(mayor, "Підтвердити")
    await bot.press(operator, "Approve", message=bot.last(OPERATOR_ID))


async def test_a_community_that_joins_later_is_asked_once_to_confirm(bot: BotHarness) -> None:
    coordinator = bot.user(321, "Anna", "en")
    await bot.make_member(coordinator, "Jena")
    # Brovary has nobody in the bot yet: Jena picks it from the place index.
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Log aid")
    reply = await bot.send(coordinator, "Brovary")
    await bot.press(coordinator, reply.buttons[0])
    await bot.press(coordinator, "Vehicles")
    await bot.press(coordinator, "Health and hospitals")
    await bot.send(coordinator, "Ambulance 1 vehicle 38 000 EUR")
    await bot.press(coordinator, "Shipped")
    await bot.send(coordinator, "березень 2022")
    reply = await bot.press(coordinator, "Confirm")
    assert "Saved as record №1" in reply.text

    mayor = bot.user(322, "Ігор", "uk")
    await brovary_joins(bot, mayor)
    asked = [
        m for m in bot.api.bot_messages(mayor.id) if "Підтвердити отримання" in m.button_labels
    ]
    assert len(asked) == 1
    assert "Єна: записано допомогу для вашої громади (запис №1)" in asked[0].text
    assert "березень 2022" in asked[0].text and "38\u00a0000,00\u00a0EUR" in asked[0].text
    reply = await bot.press(mayor, "Підтвердити отримання", message=asked[0])
    assert "обома сторонами" in reply.text
    assert "The other side confirmed record №1" in bot.last(coordinator.id).text

    # Once: a colleague invited later is not asked about what Brovary already confirmed.
    deputy = bot.user(323, "Олена", "uk")
    await bot.send(mayor, "/menu")
    reply = await bot.press(mayor, "Запросити колегу")
    link = next(word for word in reply.text.split() if "start=" in word)
    await bot.send(deputy, "/start " + link.split("start=")[1])
    assert not any("Підтвердити" in m.button_labels for m in bot.api.bot_messages(deputy.id))


async def members_of_brovary(bot: BotHarness) -> tuple[SimUser, SimUser, SimUser, Community]:
    coordinator = bot.user(331, "Anna", "en")
    mayor = bot.user(332, "Ігор", "uk")
    deputy = bot.user(333, "Олена", "uk")
    jena = await bot.make_member(coordinator, "Jena")
    brovary = await bot.make_member(mayor, "Brovary")
    await bot.make_member(deputy, "Brovary", role="member")
    await bot.repos.partnerships.create(brovary.id, jena.id, mayor.id)
    return coordinator, mayor, deputy, jena


async def test_one_member_confirms_and_the_other_members_copy_says_so(bot: BotHarness) -> None:
    coordinator, mayor, deputy, _jena = await members_of_brovary(bot)
    await jena_ships_to_brovary(bot, coordinator, facility=False)
    copy = bot.last(deputy.id)
    assert "Підтвердити отримання" in copy.button_labels
    await bot.press(mayor, "Підтвердити отримання", message=bot.last(mayor.id))
    copy = bot.api.messages[deputy.id][copy.message_id]
    assert copy.text.startswith("Запис №1: підтверджено (Ігор).")
    assert copy.button_labels == []
    assert "1. Generator" in copy.text


async def test_a_change_after_both_confirmed_asks_the_other_side_again(bot: BotHarness) -> None:
    coordinator, mayor, _deputy, _jena = await members_of_brovary(bot)
    await jena_ships_to_brovary(bot, coordinator, facility=False)
    await bot.press(mayor, "Підтвердити отримання", message=bot.last(mayor.id))
    record = await bot.repos.aid.get(1)
    assert record is not None and record.confirmed_by_both

    # The donor's card: no "Mark as received" on its own shipment.
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Timeline")
    reply = await bot.press(coordinator, "№1 · 15/03/2023 · Brovary")
    assert "Mark as received" not in reply.buttons and "Confirm" not in reply.buttons
    assert "Handover act (.docx)" in reply.buttons
    reply = await bot.press(coordinator, "Edit")
    await bot.press(coordinator, "Edit")
    await bot.press(coordinator, "Items")
    reply = await bot.send(coordinator, "Power bank 20 pcs at 50 EUR")
    assert "4. Power bank — 20\u00a0pcs × €50.00 = €1,000.00" in reply.text
    reply = await bot.press(coordinator, "Confirm")
    assert "The other side is asked to confirm the changed record." in reply.text
    record = await bot.repos.aid.get(1)
    assert record is not None and record.recipient_confirmed_by is None
    assert record.value_minor == 420_000 and len(record.items) == 4
    notice = bot.last(mayor.id)
    assert notice.text.startswith("Єна: змінено запис №1. Будь ласка, підтвердьте його ще раз:")
    assert "Power bank" in notice.text
    reply = await bot.press(mayor, "Підтвердити отримання", message=notice)
    assert "обома сторонами" in reply.text
    history = [entry.action for entry in await bot.repos.aid.history(1)]
    assert history == ["create", "confirm", "edit", "confirm"]

    # Deleting it tells the side that had confirmed; the history stays.
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Timeline")
    await bot.press(coordinator, "№1 · 15/03/2023 · Brovary")
    await bot.press(coordinator, "Delete")
    reply = await bot.press(coordinator, "Delete")
    assert "Record №1 deleted." in reply.text
    told = bot.last(mayor.id)
    assert told.text.startswith("Єна: видалено запис №1, який ви підтвердили.")
    assert [e.action for e in await bot.repos.aid.history(1)][-1] == "delete"


async def test_each_community_numbers_its_own_records(bot: BotHarness) -> None:
    from tests.test_aid import brovary_with_partners

    official, coordinator, brovary, jena, erlangen = await brovary_with_partners(bot, "en")
    klaus = bot.user(203, "Klaus", "en")
    for giver, user, item in (
        (jena, coordinator, "Generators 2 pcs"),
        (erlangen, klaus, "Beds 40 pcs"),
    ):
        await bot.send(user, "/aid")
        await bot.press(user, "Log aid")
        await bot.press(user, "Brovary")
        await bot.press(user, "Humanitarian goods")
        await bot.press(user, "Shelters")
        await bot.send(user, item)
        await bot.press(user, "Skip")
        await bot.press(user, "Shipped today")
        reply = await bot.press(user, "Confirm")
        # Each donor's first record is its №1.
        assert "Saved as record №1" in reply.text, giver.name
    record = await bot.repos.aid.get(2)
    assert record is not None
    assert record.number(brovary.id) == 2 and record.number(erlangen.id) == 1
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Timeline")
    assert "№2 · 22/11/2026 · Erlangen" in reply.buttons
    assert "№1 · 22/11/2026 · Jena" in reply.buttons
    await bot.send(klaus, "/aid")
    reply = await bot.press(klaus, "Timeline")
    assert "№1 · 22/11/2026 · Brovary" in reply.buttons
