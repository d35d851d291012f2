"""The aid log as people use it: log, confirm on both sides, totals, CSV, chart."""

from __future__ import annotations

import csv
import io

from bot.offline_api import SimUser
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
    assert "How much?" in reply.text
    await bot.press(official, "Skip")
    reply = await bot.send(official, "3,9 млн грн")
    assert "Where is it now?" in reply.text
    assert "UAH" in reply.text and "3,900,000.00" in reply.text
    await bot.press(official, "Received")
    await bot.send(official, "15.11.2022")
    await bot.send(official, "Brovary city hospital")
    reply = await bot.press(official, "Skip")
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
    assert rows[1][:4] == ["#meta+id", "#date", "#org+donor", "#org+recipient"]
    header = dict(zip(rows[1], rows[2], strict=True))
    assert header["#value"] == "3900000.00"
    assert header["#currency"] == "UAH"
    assert header["#org+donor"] == "Jena; Erlangen"
    assert header["#adm1+name"] == "Kyiv Oblast"
    assert header["#status+confirmed"] == "yes"
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Chart")
    photo = next(m for m in reply.messages if m.photo)
    assert bot.api.files[photo.photo["file_id"]].startswith(PNG_SIGNATURE)
