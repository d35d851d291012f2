"""Offer files as spreadsheets really save them: encodings, line ends, broken quoting."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from bot.domain.csv_reading import decode
from bot.domain.offers.csv_io import parse_rows
from tests.harness import BotHarness

TODAY = date(2026, 11, 22)
HEADER = "type,municipality,country,sectors,description\n"
MUNICH = "offer,München,DE,water,Pumpen für Straßenbrunnen\n"
BROVARY = "need,Бровари,UA,water,Насосна станція для громади\n"


def _descriptions(text: str) -> list[str]:
    rows, problems = parse_rows(text, TODAY)
    assert problems == []
    return [row.draft.description for row in rows]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ((HEADER + MUNICH).encode("cp1252"), "München"),
        ((HEADER + BROVARY).encode("cp1251"), "Бровари"),
        ((HEADER + MUNICH + BROVARY).encode("utf-8"), "München"),
        ((HEADER + MUNICH + BROVARY).encode("utf-8-sig"), "Бровари"),
        ((HEADER + MUNICH + BROVARY).encode("utf-16"), "München"),
        (codecs.BOM_UTF16_BE + (HEADER + BROVARY).encode("utf-16-be"), "Бровари"),
        ((HEADER + MUNICH + BROVARY).encode("utf-16-le"), "Бровари"),
        ("München".encode("cp1252"), "München"),
    ],
    ids=["1252", "1251", "utf8", "utf8-bom", "utf16", "utf16-be", "utf16-no-bom", "1252-short"],
)
def test_each_encoding_a_spreadsheet_saves_is_read_as_written(data: bytes, expected: str) -> None:
    text = decode(data)
    assert text is not None and expected in text


def test_binary_data_is_not_taken_for_text() -> None:
    assert decode(bytes(range(256)) * 4) is None


def test_cr_only_line_ends_read_as_rows_with_their_own_line_numbers() -> None:
    text = (HEADER + MUNICH + "thing,Jena,DE,water,Text\n" + BROVARY).replace("\n", "\r")
    rows, problems = parse_rows(text, TODAY)
    assert [row.line for row in rows] == [2, 4]
    assert [(p.line, p.values) for p in problems] == [(3, {"value": "thing"})]


def test_an_oversized_cell_is_reported_and_the_other_rows_are_read() -> None:
    huge = "offer,Jena,DE,water," + "x" * (129 * 1024) + "\n"
    rows, problems = parse_rows(HEADER + MUNICH + huge + BROVARY, TODAY)
    assert [row.line for row in rows] == [2, 4]
    assert [(p.line, p.message) for p in problems] == [(3, "a cell is longer than 128 KB")]


def test_an_unclosed_quote_at_the_end_does_not_swallow_the_rows_after_it() -> None:
    text = HEADER + 'offer,Jena,DE,water,"Pumps and pipes\n' + MUNICH + BROVARY
    rows, problems = parse_rows(text, TODAY)
    assert [row.line for row in rows] == [3, 4]
    assert [(p.line, p.message) for p in problems] == [
        (2, "a quotation mark opened in this row is never closed")
    ]


def test_a_quote_closed_rows_later_is_reported_with_the_line_it_ran_into() -> None:
    text = (
        HEADER
        + 'offer,Jena,DE,water,"Pumps and pipes\n'
        + MUNICH
        + 'need,Dolyna,UA,water,Водогін"\n'
        + BROVARY
    )
    rows, problems = parse_rows(text, TODAY)
    assert [row.line for row in rows] == [3, 4, 5]
    assert [(p.line, p.values) for p in problems] == [(2, {"end": "3"})]


def test_a_multi_line_description_stays_one_row() -> None:
    text = HEADER + 'offer,Jena,DE,water,"Pumps,\nand pipes"\n' + BROVARY
    rows, problems = parse_rows(text, TODAY)
    assert problems == []
    assert [row.line for row in rows] == [2, 4]
    assert rows[0].draft.description.startswith("Pumps,")


def test_a_misplaced_quote_and_a_stray_carriage_return_are_reported_by_line() -> None:
    text = HEADER + 'offer,Jena,DE,water,"Pumps" and pipes\n' + "offer,Gera,DE,wa\rter,x\n" + MUNICH
    rows, problems = parse_rows(text, TODAY)
    assert [row.line for row in rows] == [4]
    assert [(p.line, p.message) for p in problems] == [
        (2, "a quotation mark in this row is not followed by a separator"),
        (3, "a stray carriage return breaks this row"),
    ]


async def test_operator_imports_a_windows_1252_file_and_hears_of_broken_rows(
    bot: BotHarness,
) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    text = HEADER + MUNICH + 'offer,Jena,DE,water,"Pumps\n' + "offer,Gera,DE,water,Fahrzeuge\n"
    update = bot.api.send_document(operator, text.encode("cp1252"), "offers.csv")
    reply = await bot.deliver(update)
    assert "Import finished: 2 added, 0 updated." in reply.text
    assert "Line 3: a quotation mark opened in this row is never closed" in reply.text
    posts = await bot.repos.posts.all()
    assert sorted(post.description for post in posts) == [
        "Fahrzeuge",
        "Pumpen für Straßenbrunnen",
    ]


def test_excel_unicode_text_is_read_with_its_tabs() -> None:
    text = decode((HEADER + MUNICH + BROVARY).replace(",", "\t").encode("utf-16"))
    assert text is not None
    assert _descriptions(text) == ["Pumpen für Straßenbrunnen", "Насосна станція для громади"]
