"""What a council's finance department and its auditors get: a shipment logged in a few taps
with its items, confirmed by the other side, the handover act read back from the .docx, and
the Excel workbook read back with openpyxl, numbers as numbers."""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document
from openpyxl import load_workbook

from bot.offline.api import SimUser
from tests.harness import BotHarness


def act_text(data: bytes) -> tuple[str, object]:
    """Every paragraph of the act, tables included, one a line; and the document."""
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen: list[object] = []
            for cell in row.cells:
                if cell._tc in seen:  # a merged cell is listed once per column it spans
                    continue
                seen.append(cell._tc)
                lines += [p.text for p in cell.paragraphs]
    return "\n".join(lines), document


def table_rows(document: object) -> list[list[str]]:
    tables = document.tables  # type: ignore[attr-defined]
    grid = next(t for t in tables if len(t.columns) == 6)
    return [[cell.text for cell in row.cells] for row in grid.rows]


async def test_done_siauliai_district_logs_11_tonnes_and_dolyna_confirms(
    bot: BotHarness,
) -> None:
    coordinator = bot.user(301, "Rasa", "en")
    mayor = bot.user(302, "Марія", "uk")
    siauliai = await bot.make_member(coordinator, "Šiauliai District Municipality")
    dolyna = await bot.make_member(mayor, "Dolyna")
    partnership = await bot.repos.partnerships.create(dolyna.id, siauliai.id, mayor.id)
    await bot.repos.partnerships.save_step(
        partnership.id, "areas", {"sectors": ["idp"]}, done=True, base_revision=0, actor_id=1
    )
    await bot.send(coordinator, "/aid")
    taps = ["Log aid", "Dolyna", "Humanitarian goods", "IDP integration"]
    typed = ["11 t humanitarian aid", "близько 100 тисяч євро"]
    for label in taps:
        await bot.press(coordinator, label)
    for text in typed:
        reply = await bot.send(coordinator, text)
    assert "≈\u00a0€100,000.00" in reply.text
    taps += ["Shipped today", "Confirm"]
    await bot.press(coordinator, "Shipped today")
    reply = await bot.press(coordinator, "Confirm")
    assert (len(taps), len(typed)) == (6, 2)
    assert "Saved as record №1" in reply.text

    notice = bot.last(mayor.id)
    assert "Шяуляйський район" in notice.text or "Šiauliai" in notice.text
    reply = await bot.press(mayor, "Підтвердити отримання", message=notice)
    assert "обома сторонами" in reply.text
    record = await bot.repos.aid.get(1)
    assert record is not None and record.confirmed_by_both and record.value_approximate
    assert [(i.name, i.quantity, i.unit) for i in record.items] == [("Humanitarian aid", "11", "t")]

    reply = await bot.press(mayor, "Акт приймання-передачі (.docx)")
    assert "Акт №: 1" in reply.text and "Місце: м. Долина" in reply.text
    assert "Отримувач: Долинська міська рада" in reply.text
    reply = await bot.press(mayor, "Підтвердити")
    act = next((m for m in reply.messages if m.document), None)
    assert act is not None, reply.text
    text, document = act_text(bot.api.files[act.document["file_id"]])
    assert "АКТ № 1 / ACT No. 1" in text
    assert "Долинська міська рада" in text and "Dolyna City Council" in text
    assert "Литва" in text and "Lithuania" in text
    assert f"Код громади за КАТОТТГ: {dolyna.katottg}" in text and dolyna.katottg
    rows = table_rows(document)
    assert rows[1][1] == "Humanitarian aid" and rows[1][3] == "11"
    assert rows[-1][5] == "100\u00a0000,00"

    await bot.send(mayor, "/aid")
    reply = await bot.press(mayor, "Excel (.xlsx)")
    workbook = next(m for m in reply.messages if m.document)
    book = load_workbook(io.BytesIO(bot.api.files[workbook.document["file_id"]]))
    aid = book["Допомога"]
    header = [c.value for c in aid[1]]
    row = dict(zip(header, [c for c in aid[2]], strict=True))
    assert row["Кількість"].value == 11 and isinstance(row["Кількість"].value, int | float)
    assert row["Вартість"].value == 100_000 and "EUR" in row["Вартість"].number_format
    assert isinstance(row["Дата"].value, datetime)


async def jena_ships_to_brovary(
    bot: BotHarness, coordinator: SimUser, *, facility: bool = True
) -> None:
    """A shipment with items, logged in English by Jena."""
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Log aid")
    await bot.press(coordinator, "Brovary")
    await bot.press(coordinator, "Energy equipment")
    await bot.press(coordinator, "Energy")
    reply = await bot.send(
        coordinator,
        "Generator 2 pcs at 1 200 EUR\nFan heater 10 pcs at 80 EUR\nSleeping bags 50 pcs",
    )
    # Some items carry their value: the total is theirs, the value is not asked.
    assert "Understood: €3,200.00" in reply.text and "Where is it now?" in reply.text
    await bot.press(coordinator, "Shipped")
    reply = await bot.send(coordinator, "15.03.2023")
    assert "1. Generator — 2\u00a0pcs × €1,200.00 = €2,400.00" in reply.text
    assert "3. Sleeping bags — 50\u00a0pcs" in reply.text
    await bot.press(coordinator, "Edit")
    await bot.press(coordinator, "Declaration No.")
    await bot.send(coordinator, "HA-2023-0457")
    await bot.press(coordinator, "Edit")
    await bot.press(coordinator, "Intended use")
    await bot.send(coordinator, "Heating of the shelter at lyceum No. 5")
    if facility:
        await bot.press(coordinator, "Edit")
        await bot.press(coordinator, "Facility")
        await bot.send(coordinator, "Lyceum No. 5")
    reply = await bot.press(coordinator, "Confirm")
    assert "Saved as record №1" in reply.text


async def test_jena_shipment_with_items_confirmed_in_ukrainian_and_the_act_read_back(
    bot: BotHarness,
) -> None:
    coordinator = bot.user(311, "Anna", "en")
    mayor = bot.user(312, "Ігор", "uk")
    jena = await bot.make_member(coordinator, "Jena")
    brovary = await bot.make_member(mayor, "Brovary")
    await bot.repos.partnerships.create(brovary.id, jena.id, mayor.id)
    await jena_ships_to_brovary(bot, coordinator)

    notice = bot.last(mayor.id)
    assert "Генератор" not in notice.text and "1. Generator" in notice.text
    assert "Разом: 3\u00a0200,00\u00a0EUR" in notice.text
    reply = await bot.press(mayor, "Підтвердити отримання", message=notice)
    assert "Акт приймання-передачі (.docx)" in reply.buttons
    reply = await bot.press(mayor, "Акт приймання-передачі (.docx)")
    assert "Акт №: 1" in reply.text and "Дата акта: 15.03.2023" in reply.text
    await bot.press(mayor, "Змінити")
    await bot.press(mayor, "Код ЄДРПОУ")
    reply = await bot.send(mayor, "12345670")
    assert "контрольн" in reply.text
    await bot.send(mayor, "04054866")
    await bot.press(mayor, "Змінити")
    await bot.press(mayor, "Підстава")
    await bot.send(mayor, "лист Єни від 01.03.2023 № 17")
    await bot.press(mayor, "Змінити")
    await bot.press(mayor, "Передав")
    await bot.send(mayor, "Anna Schmidt, Head of International Relations")
    await bot.press(mayor, "Змінити")
    await bot.press(mayor, "Прийняв")
    reply = await bot.send(mayor, "Петренко Марія Іванівна, заступниця міського голови")
    assert "Прийняв: Петренко Марія Іванівна" in reply.text
    reply = await bot.press(mayor, "Підтвердити")
    act = next(m for m in reply.messages if m.document)
    # Jena is German: the act's second column is German, and its file says so.
    assert act.document["file_name"] == "handover-act-1_record-1_2023-03-15_uk-de.docx"
    text, document = act_text(bot.api.files[act.document["file_id"]])
    for value in (
        "ЗАТВЕРДЖУЮ / GENEHMIGT",
        "АКТ № 1 / ÜBERGABE- UND ÜBERNAHMEPROTOKOLL Nr. 1",
        "приймання-передачі гуманітарної допомоги",
        "für humanitäre Hilfe",
        "м. Бровари / Brovary",
        "15.03.2023",
        "Донор: Єна",
        "Geber: Jena",
        "Країна: Німеччина",
        "Land: Deutschland",
        "Отримувач: Броварська міська рада",
        "Empfänger: Stadtrat Brovary",
        "Код ЄДРПОУ: 04054866",
        "EDRPOU-Code: 04054866",
        "Код громади за КАТОТТГ: UA32060050000030591",
        "Балансоутримувач: Броварська міська рада",
        "Bilanzführende Stelle: Stadtrat Brovary",
        "Підстава: лист Єни від 01.03.2023 № 17",
        "Номер декларації гуманітарної допомоги: HA-2023-0457",
        "Deklaration humanitärer Hilfe Nr.: HA-2023-0457",
        "Призначення: Heating of the shelter at lyceum No. 5",
        "Загальна вартість: 3\u00a0200,00 EUR",
        "Gesamtwert: 3.200,00 EUR",
        "Der Geber übergibt und der Empfänger übernimmt folgende humanitäre Hilfe:",
        "Anna SCHMIDT",
        "Head of International Relations",
        "Марія ПЕТРЕНКО",
        "заступниця міського голови",
        "Передав / Übergeben:",
        "Прийняв / Übernommen:",
        "(підпис) / (Unterschrift)",
    ):
        assert value in text, value
    for english in ("APPROVED", "Donor", "Recipient", "Germany", "Total", "City Council"):
        assert english not in text, english
    rows = table_rows(document)
    assert rows[0][4] == "Ціна за одиницю, EUR / Einzelpreis, EUR"
    assert rows[1] == ["1", "Generator", "шт. / Stk.", "2", "1\u00a0200,00", "2\u00a0400,00"]
    assert rows[2] == ["2", "Fan heater", "шт. / Stk.", "10", "80,00", "800,00"]
    assert rows[3][:4] == ["3", "Sleeping bags", "шт. / Stk.", "50"] and rows[3][5] == "—"
    assert rows[4][1] == "Разом / Insgesamt" and rows[4][5] == "3\u00a0200,00"
    section = document.sections[0]  # type: ignore[attr-defined]
    measures = (
        section.page_width,
        section.page_height,
        section.left_margin,
        section.right_margin,
        section.top_margin,
        section.bottom_margin,
    )
    # A4 and the standard's margins, to the twip Word stores them in.
    assert [round(m.mm) for m in measures] == [210, 297, 30, 10, 20, 20]
    normal = document.styles["Normal"].font  # type: ignore[attr-defined]
    assert normal.name == "Times New Roman" and normal.size.pt == 14

    # The requisites typed once are offered for the next act.
    await bot.send(mayor, "/aid")
    await bot.press(mayor, "Хронологія")
    await bot.press(mayor, "№1 · 15.03.2023 · Єна")
    reply = await bot.press(mayor, "Акт приймання-передачі (.docx)")
    assert "Код ЄДРПОУ: 04054866" in reply.text
