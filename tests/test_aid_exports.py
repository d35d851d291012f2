"""The files a finance department and humanitarian data tools open: the Excel workbook read
back with openpyxl (types, not only text), the CSV's HXL row, one language and one script
per file, dates given as a month, the chart's years."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from openpyxl import load_workbook

from bot.domain.aid.chart import chart_years
from bot.domain.aid.model import Totals
from tests.harness import BotHarness
from tests.test_aid_both_sides import members_of_brovary
from tests.test_aid_finance import jena_ships_to_brovary

# The hashtags humanitarian data tools map the columns by.
REQUIRED_HXL = (
    "#org+name+funder",
    "#country+code+funder",
    "#org+name+impl",
    "#adm1+name",
    "#adm3+code",
    "#sector",
    "#item+name",
    "#item+num",
    "#value",
    "#currency+code",
    "#date+occurred",
    "#status",
    "#meta+id",
)


async def workbook_and_csv(bot: BotHarness, user, lang_labels: tuple[str, str]):  # type: ignore[no-untyped-def]
    excel, csv_label = lang_labels
    await bot.send(user, "/aid")
    reply = await bot.press(user, excel)
    sent = next(m for m in reply.messages if m.document)
    assert sent.document["file_name"].endswith(".xlsx")
    book = load_workbook(io.BytesIO(bot.api.files[sent.document["file_id"]]))
    reply = await bot.press(user, csv_label)
    sent = next(m for m in reply.messages if m.document)
    rows = list(
        csv.reader(io.StringIO(bot.api.files[sent.document["file_id"]].decode("utf-8-sig")))
    )
    return book, rows


async def test_workbook_and_csv_in_english_and_in_ukrainian(bot: BotHarness) -> None:
    coordinator, mayor, _deputy, _jena = await members_of_brovary(bot)
    await jena_ships_to_brovary(bot, coordinator)
    await bot.press(mayor, "Підтвердити отримання", message=bot.last(mayor.id))
    # A second record, dated to the month only, not yet confirmed by Brovary.
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Log aid")
    await bot.press(coordinator, "Brovary")
    await bot.press(coordinator, "Medical equipment")
    await bot.press(coordinator, "Health and hospitals")
    await bot.send(coordinator, "Ultrasound scanner")
    await bot.send(coordinator, "≈ €45k")
    await bot.press(coordinator, "Shipped")
    await bot.send(coordinator, "March 2022")
    await bot.press(coordinator, "Confirm")
    await log_jena_visit_for_brovary(bot, mayor)

    book, rows = await workbook_and_csv(bot, coordinator, ("Excel (.xlsx)", "Export CSV"))
    assert book.sheetnames == ["Aid", "Visits"]
    aid = book["Aid"]
    header = [c.value for c in aid[1]]
    assert header[:4] == ["Record", "Date", "Donor", "Donor country"]
    lines = [dict(zip(header, row, strict=True)) for row in aid.iter_rows(min_row=2)]
    assert [line["Item"].value for line in lines] == [
        "Ultrasound scanner",
        "Generator",
        "Fan heater",
        "Sleeping bags",
    ]
    scanner, generator, _heater, bags = lines
    # Real numbers, currencies in the cell's format, real dates.
    assert isinstance(generator["Record"].value, int) and generator["Record"].value == 1
    assert isinstance(generator["Quantity"].value, int | float) and generator["Quantity"].value == 2
    assert generator["Unit price"].value == 1200 and generator["Value"].value == 2400
    assert "EUR" in generator["Value"].number_format
    assert isinstance(generator["Date"].value, datetime)
    assert generator["Date"].value == datetime(2023, 3, 15)
    assert generator["Date"].number_format == "dd/mm/yyyy"
    assert bags["Value"].value is None and bags["Quantity"].value == 50
    assert scanner["Date"].value == datetime(2022, 3, 1)
    assert scanner["Date"].number_format == "mmmm yyyy"
    assert scanner["Value"].value == 45_000
    assert scanner["Confirmed by both sides"].value == "no"
    assert generator["Confirmed by both sides"].value == "yes"
    assert generator["Declaration No."].value == "HA-2023-0457"
    assert generator["Donor country"].value == "DEU"
    assert generator["Hromada code"].value == "UA32060050000030591"
    # The donor's own numbering: Jena's records.
    assert scanner["Record"].value == 2
    visits = book["Visits"]
    visit = [c.value for c in visits[2]]
    # Brovary hosted Jena's delegation: from Jena's side an outgoing visit.
    assert visit[:3] == [1, "outgoing visit", "Brovary"]
    assert visit[3] == datetime(2024, 5, 10) and visits["D2"].number_format == "dd/mm/yyyy"

    tags = rows[1]
    assert set(REQUIRED_HXL) <= set(tags)
    assert all(tag.startswith("#") for tag in tags)
    by_tag = [dict(zip(tags, row, strict=True)) for row in rows[2:]]
    assert by_tag[0]["#date+occurred"] == "2022-03"
    assert by_tag[0]["#value"] == "45000.00" and by_tag[0]["#currency+code"] == "EUR"
    assert by_tag[1]["#date+occurred"] == "2023-03-15" and by_tag[1]["#item+num"] == "2"
    assert by_tag[1]["#org+name+funder"] == "Jena" and by_tag[1]["#adm1+name"] == "Kyiv Oblast"

    book, rows = await workbook_and_csv(bot, mayor, ("Excel (.xlsx)", "Експорт CSV"))
    assert book.sheetnames == ["Допомога", "Візити"]
    aid = book["Допомога"]
    header = [c.value for c in aid[1]]
    assert header[:3] == ["Запис", "Дата", "Донор"]
    lines = [dict(zip(header, row, strict=True)) for row in aid.iter_rows(min_row=2)]
    assert lines[1]["Дата"].number_format == "dd.mm.yyyy"
    by_tag = [dict(zip(rows[1], row, strict=True)) for row in rows[2:]]
    # One language and one script per file: no English name beside a Ukrainian oblast.
    assert by_tag[0]["#org+name+funder"] == "Єна"
    assert by_tag[0]["#org+name+impl"] == "Бровари"
    assert by_tag[0]["#adm1+name"] == "Київська область"
    assert by_tag[0]["#adm3+name"] == "Броварська міська територіальна громада"
    assert by_tag[0]["#sector"] == "Охорона здоров’я"


async def log_jena_visit_for_brovary(bot: BotHarness, mayor) -> None:  # type: ignore[no-untyped-def]
    await bot.send(mayor, "/aid")
    await bot.press(mayor, "Записати візит")
    await bot.press(mayor, "Прийом делегації (до нас)")
    await bot.press(mayor, "Єна")
    await bot.send(mayor, "10.05.2024")
    await bot.press(mayor, "Пропустити")
    await bot.press(mayor, "Пропустити")
    await bot.press(mayor, "Далі")
    await bot.press(mayor, "Пропустити")
    await bot.press(mayor, "Підтвердити")


async def test_a_month_and_a_season_in_the_form(bot: BotHarness) -> None:
    coordinator, mayor, _deputy, _jena = await members_of_brovary(bot)
    await bot.send(mayor, "/aid")
    await bot.press(mayor, "Записати допомогу")
    await bot.press(mayor, "Єна")
    await bot.press(mayor, "Готово")
    await bot.press(mayor, "Гуманітарні вантажі")
    await bot.press(mayor, "Інше")
    await bot.send(mayor, "Ковдри 200 шт")
    await bot.press(mayor, "Пропустити")
    await bot.press(mayor, "Отримано")
    reply = await bot.send(mayor, "весна 2023")
    assert "Пора року — це три місяці" in reply.text
    assert reply.buttons[:3] == ["березень 2023", "квітень 2023", "травень 2023"]
    reply = await bot.press(mayor, "квітень 2023")
    assert "Дата: квітень 2023" in reply.text and "Сфера: Інше" in reply.text
    await bot.press(mayor, "Змінити")
    await bot.press(mayor, "Дата")
    reply = await bot.send(mayor, "грудень 2026")
    assert "не може мати дату в майбутньому" in reply.text
    reply = await bot.send(mayor, "у березні 2022 року")
    assert "Дата: березень 2022" in reply.text
    reply = await bot.press(mayor, "Підтвердити")
    record = await bot.repos.aid.get(1)
    assert record is not None
    assert (record.aid_date, record.date_precision, record.sector) == (
        "2022-03-01",
        "month",
        "other",
    )
    notice = bot.last(coordinator.id)
    assert "March 2022 · Received" in notice.text
    await bot.send(mayor, "/aid")
    reply = await bot.press(mayor, "Хронологія")
    assert "№1 · березень 2022 · Єна" in reply.buttons


def test_the_chart_year_axis_has_no_gaps() -> None:
    totals = Totals(by_year={(2022, "EUR"): 100}, pending_by_year={(2024, "EUR"): 5})
    assert chart_years(totals, {2023: 1}, through=2026) == [2022, 2023, 2024, 2025, 2026]
    assert chart_years(Totals(), {}) == []
