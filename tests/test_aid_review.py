"""What a careful walk through the aid log found: each side sees the other side as its
partner, a partnership's views hold every record between its two communities, dates carry
their full year, counted units agree with their number."""

from __future__ import annotations

from tests.harness import BotHarness
from tests.test_aid import brovary_with_partners, log_hospital_equipment_en


async def test_a_donor_sees_the_community_it_gave_to_as_its_partner(bot: BotHarness) -> None:
    official, coordinator, *_ = await brovary_with_partners(bot, "en")
    await log_hospital_equipment_en(bot, official)
    await bot.press(official, "Confirm")
    notice = bot.last(coordinator.id)
    await bot.send(coordinator, "/aid")
    reply = await bot.press(coordinator, "Totals")
    # Not yet confirmed by Jena: shown apart.
    assert "By partner:" not in reply.text
    assert "Not yet confirmed by both sides (1 record):\n  UAH\u00a03,900,000.00" in reply.text
    await bot.press(coordinator, "Confirm", message=notice)
    await bot.send(coordinator, "/aid")
    reply = await bot.press(coordinator, "Totals")
    assert "Totals — Jena" in reply.text
    assert "By partner:\n  Brovary: UAH\u00a03,900,000.00" in reply.text
    assert "Jena + Erlangen" not in reply.text
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Totals")
    assert "By partner:\n  Jena + Erlangen: UAH\u00a03,900,000.00" in reply.text


async def test_aid_logged_before_the_partnership_counts_in_it(bot: BotHarness) -> None:
    official = bot.user(211, "Ігор", "uk")
    coordinator = bot.user(212, "Anna", "en")
    brovary = await bot.make_member(official, "Brovary")
    jena = await bot.make_member(coordinator, "Jena")
    await bot.send(official, "/aid")
    await bot.press(official, "Записати допомогу")
    reply = await bot.send(official, "Jena")
    await bot.press(official, next(b for b in reply.buttons if b.startswith("Єна")))
    await bot.press(official, "Готово")
    await bot.press(official, "Медичне обладнання")
    await bot.press(official, "Охорона здоров")
    await bot.send(official, "Обладнання для лікарні")
    await bot.send(official, "3,9 млн грн")
    await bot.press(official, "Отримано")
    await bot.send(official, "15.11.2022")
    reply = await bot.press(official, "Підтвердити")
    assert "Збережено як запис №1" in reply.text

    await bot.repos.partnerships.create(brovary.id, jena.id, official.id)
    await bot.send(official, "/aid")
    await bot.press(official, "Підсумки")
    reply = await bot.press(official, "Єна")
    assert "Підсумки — Бровари, Єна" in reply.text
    assert "1 запис про допомогу" in reply.text
    assert "3\u00a0900\u00a0000,00\u00a0₴" in reply.text
    await bot.send(official, "/aid")
    await bot.press(official, "Хронологія")
    reply = await bot.press(official, "Єна")
    assert "№1 · 15.11.2022 · Єна → Бровари" in reply.text


async def test_a_gift_shared_by_two_donors_reaches_both_partnerships(bot: BotHarness) -> None:
    official, coordinator, brovary, _jena, erlangen = await brovary_with_partners(bot, "en")
    partnership = await bot.repos.partnerships.between(brovary.id, erlangen.id)
    assert partnership is not None
    group = bot.api.group(-720, "Brovary — Erlangen", admins=(official,))
    await bot.deliver(bot.api.add_bot_to_group(official, group))
    await bot.repos.partnerships.link_chat(partnership.id, group.id, official.id)

    await log_hospital_equipment_en(bot, official)
    await bot.press(official, "Confirm")
    assert "New aid record:" in bot.last(group.id).text
    await bot.press(coordinator, "Confirm", message=bot.last(coordinator.id))
    assert "Aid record confirmed:" in bot.last(group.id).text

    await bot.send(official, "/aid")
    await bot.press(official, "Totals")
    reply = await bot.press(official, "Erlangen")
    assert "Totals — Brovary, Erlangen" in reply.text
    assert "Jena + Erlangen: UAH\u00a03,900,000.00" in reply.text


async def test_a_bus_reads_as_one_vehicle_and_the_notice_as_plain_ukrainian(
    bot: BotHarness,
) -> None:
    official, coordinator, *_ = await brovary_with_partners(bot, "uk")
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Log aid")
    await bot.press(coordinator, "Brovary")
    await bot.press(coordinator, "Vehicles")
    await bot.press(coordinator, "Education")
    reply = await bot.send(coordinator, "School bus for the Knyazhychi lyceum, 1 bus")
    assert "Understood: School bus for the Knyazhychi lyceum — 1\u00a0vehicle\n" in reply.text
    await bot.send(coordinator, "45 000 EUR")
    await bot.press(coordinator, "Shipped")
    reply = await bot.press(coordinator, "Today")
    assert "Items: School bus for the Knyazhychi lyceum — 1\u00a0vehicle\n" in reply.text
    assert "No photos or handover act attached." in reply.text
    await bot.press(coordinator, "Confirm")

    notice = bot.last(official.id)
    assert notice.text.startswith("Єна: записано допомогу для вашої громади (запис №1).")
    assert "\n1\u00a0транспортний засіб\n" in notice.text
    assert "22.11.2026 · Відправлено" in notice.text
    reply = await bot.press(official, "Підтвердити отримання", message=notice)
    assert "обома сторонами" in reply.text
    await bot.send(official, "/aid")
    await bot.press(official, "Хронологія")
    reply = await bot.press(official, "№1 · 22.11.2026 · Єна")
    assert "Фото й акта приймання-передачі не додано." in reply.text


async def test_delete_pressed_twice_keeps_the_deleted_screen(bot: BotHarness) -> None:
    from tests.test_aid_visits import log_jena_visit

    official, *_ = await brovary_with_partners(bot, "en")
    await log_hospital_equipment_en(bot, official)
    await bot.press(official, "Confirm")
    await bot.send(official, "/aid")
    await bot.press(official, "Timeline")
    await bot.press(official, "№1 · 15/11/2022 · Jena, Erlangen")
    await bot.press(official, "Delete")
    screen = bot.last(official.id)
    taps = [bot.api.press_data(official, "ai:dl:1", screen) for _ in range(2)]
    for tap in taps:
        await bot.api.wait_processed(tap)
    assert bot.last(official.id).text == "Record №1 deleted."
    assert any("has been deleted" in a.get("text", "") for a in bot.api.callback_answers)
    assert [e.action for e in await bot.repos.aid.history(1)] == ["create", "delete"]

    await log_jena_visit(bot, official)
    await bot.press(official, "Confirm")
    await bot.send(official, "/aid")
    await bot.press(official, "Timeline")
    await bot.press(official, "Visit №1")
    await bot.press(official, "Delete")
    screen = bot.last(official.id)
    taps = [bot.api.press_data(official, "vi:dl:1", screen) for _ in range(2)]
    for tap in taps:
        await bot.api.wait_processed(tap)
    assert bot.last(official.id).text == "Visit №1 deleted."
    answers = [a.get("text", "") for a in bot.api.callback_answers]
    assert "Visit №1 has been deleted." in answers
    assert not any("not one of your community" in text for text in answers)
