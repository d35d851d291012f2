"""The aid log as people use it: log, confirm on both sides, totals, CSV, chart."""

from __future__ import annotations

import csv
import io

from bot.offline.api import SimUser
from storage.communities import Community
from tests.harness import BotHarness

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def brovary_with_partners(
    bot: BotHarness, official_lang: str = "uk"
) -> tuple[SimUser, SimUser, Community, Community, Community]:
    official = bot.user(201, "Ігор" if official_lang == "uk" else "Ihor", official_lang)
    coordinator = bot.user(202, "Anna", "en")
    brovary = await bot.make_member(official, "Brovary")
    jena = await bot.make_member(coordinator, "Jena")
    erlangen_coordinator = bot.user(203, "Klaus", "en")
    erlangen = await bot.make_member(erlangen_coordinator, "Erlangen")
    await bot.repos.partnerships.create(brovary.id, jena.id, official.id)
    await bot.repos.partnerships.create(brovary.id, erlangen.id, official.id)
    return official, coordinator, brovary, jena, erlangen


async def log_hospital_equipment_en(bot: BotHarness, official: SimUser) -> None:
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Log aid")
    assert "Who gave it?" in reply.text
    assert "Jena, Germany" in reply.buttons or "Jena" in reply.buttons
    await bot.press(official, "Jena")
    reply = await bot.press(official, "Erlangen")
    assert "✓ Jena" in reply.buttons and "✓ Erlangen" in reply.buttons
    reply = await bot.press(official, "Done")
    assert "What is it?" in reply.text
    await bot.press(official, "Medical equipment")
    await bot.press(official, "Health and hospitals")
    reply = await bot.send(official, "Medical equipment for the Brovary hospital")
    assert "What is it worth in total?" in reply.text
    reply = await bot.send(official, "3,9 млн грн")
    assert "Where is it now?" in reply.text
    assert "UAH" in reply.text and "3,900,000.00" in reply.text
    await bot.press(official, "Received")
    reply = await bot.send(official, "15.11.2022")
    assert "Please check before saving" in reply.text


async def test_official_logs_aid_and_partner_confirms(bot: BotHarness) -> None:
    official, coordinator, *_ = await brovary_with_partners(bot, "en")
    await log_hospital_equipment_en(bot, official)
    reply = await bot.press(official, "Confirm")
    assert "Saved as record №1" in reply.text
    notice = bot.last(coordinator.id)
    assert "Confirm" in notice.button_labels
    assert "Medical equipment for the Brovary hospital" in notice.text
    reply = await bot.press(coordinator, "Confirm")
    assert "Confirmed" in reply.text
    assert "confirmed by both sides" in reply.text
    assert "confirmed record №1" in bot.last(official.id).text


async def test_csv_and_chart(bot: BotHarness) -> None:
    official, coordinator, *_ = await brovary_with_partners(bot, "en")
    await log_hospital_equipment_en(bot, official)
    await bot.press(official, "Confirm")
    await bot.press(coordinator, "Confirm")
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Totals")
    assert "3,900,000.00" in reply.text
    assert "Jena + Erlangen" in reply.text
    reply = await bot.press(official, "Export CSV")
    document = next(m for m in reply.messages if m.document)
    data = bot.api.files[document.document["file_id"]]
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1][:3] == ["#meta+id", "#date+occurred", "#org+name+funder"]
    header = dict(zip(rows[1], rows[2], strict=True))
    assert header["#value"] == "3900000.00"
    assert header["#currency+code"] == "UAH"
    assert header["#org+name+funder"] == "Jena; Erlangen"
    assert header["#country+code+funder"] == "DEU; DEU"
    assert header["#adm1+name"] == "Kyiv Oblast"
    assert header["#adm1+code"] == "UA32000000000030281"
    assert header["#adm3+name"] == "Brovarska urban territorial community"
    assert header["#adm3+code"] == "UA32060050000030591"
    assert header["#status+confirmed"] == "yes"
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Chart")
    photo = next(m for m in reply.messages if m.photo)
    assert bot.api.files[photo.photo["file_id"]].startswith(PNG_SIGNATURE)


async def log_hospital_equipment_uk(bot: BotHarness, official: SimUser) -> None:
    reply = await bot.send(official, "/aid")
    assert "Допомога й візити — Бровари" in reply.text
    reply = await bot.press(official, "Записати допомогу")
    assert "Хто надав допомогу?" in reply.text
    await bot.press(official, "Єна")
    await bot.press(official, "Ерланген")
    reply = await bot.press(official, "Готово")
    assert "Що саме надано?" in reply.text
    await bot.press(official, "Медичне обладнання")
    reply = await bot.press(official, "Охорона здоров")
    assert "Які предмети?" in reply.text
    reply = await bot.send(official, "Обладнання для Броварської лікарні 12 шт")
    assert "Розпізнано: Обладнання для Броварської лікарні — 12\u00a0шт." in reply.text
    reply = await bot.send(official, "3 900 000 грн")
    assert "Розпізнано: 3\u00a0900\u00a0000,00\u00a0₴" in reply.text
    await bot.press(official, "Отримано")
    reply = await bot.send(official, "15.11.2022")
    assert "Перевірте перед збереженням" in reply.text
    await bot.press(official, "Змінити")
    await bot.press(official, "Заклад")
    reply = await bot.send(official, "Броварська багатопрофільна лікарня")
    assert "Перевірте перед збереженням" in reply.text
    assert "Від: Єна, Ерланген" in reply.text
    assert "Вартість: 3\u00a0900\u00a0000,00\u00a0₴" in reply.text


async def test_done_brovary_hospital_in_ukrainian_confirmed_by_jena_in_english(
    bot: BotHarness,
) -> None:
    official, coordinator, *_communities = await brovary_with_partners(bot, "uk")
    deputy = bot.user(204, "Олена", "uk")
    await bot.make_member(deputy, "Brovary", role="member")
    await log_hospital_equipment_uk(bot, official)
    reply = await bot.press(official, "Підтвердити")
    assert "Збережено як запис №1" in reply.text

    notice = bot.last(coordinator.id)
    assert "Brovary logged aid from your municipality" in notice.text
    assert "UAH\u00a03,900,000.00" in notice.text
    reply = await bot.press(coordinator, "Confirm", message=notice)
    assert "confirmed by both sides" in reply.text
    assert "Інша сторона підтвердила запис №1" in bot.last(official.id).text

    await bot.send(deputy, "/aid")
    reply = await bot.press(deputy, "Підсумки")
    assert "3\u00a0900\u00a0000,00\u00a0₴" in reply.text
    assert "Єна + Ерланген" in reply.text
    assert "2022" in reply.text and "Охорона здоров" in reply.text
    reply = await bot.press(deputy, "Експорт CSV")
    document = next(m for m in reply.messages if m.document)
    rows = list(
        csv.reader(io.StringIO(bot.api.files[document.document["file_id"]].decode("utf-8-sig")))
    )
    assert rows[0][:3] == ["Запис", "Дата", "Донор"]
    record = dict(zip(rows[1], rows[2], strict=True))
    # One language and one script per file: the donors by their Ukrainian names.
    assert record["#org+name+funder"] == "Єна; Ерланген"
    assert record["#value"] == "3900000.00" and record["#currency+code"] == "UAH"
    assert record["#status"] == "Отримано" and record["#status+confirmed"] == "так"
    assert record["#adm1+name"] == "Київська область"
    assert record["#adm3+name"] == "Броварська міська територіальна громада"
    assert record["#adm3+code"] == "UA32060050000030591"
    assert record["#item+num"] == "12" and record["#loc+name"].startswith("Броварська")
    reply = await bot.press(deputy, "Діаграма")
    photo = next(m for m in reply.messages if m.photo)
    assert bot.api.files[photo.photo["file_id"]].startswith(PNG_SIGNATURE)
    assert "Допомога й візити — Бровари" in (photo.caption or "")
