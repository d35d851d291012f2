"""Operators import offers and needs from CSV (bad rows by line number) and export them."""

from __future__ import annotations

import csv
import io

from bot.domain.offers.csv_io import load_demo
from tests.harness import OPERATOR_ID, BotHarness

GOOD_AND_BAD = """\
type;municipality;country;sectors;kinds;description;languages;valid_until;value;ref
offer;Kraśnik County;PL;education, youth;exchanges;Wymiana szkolna;pl en;2027-06-30;;k-1
need;Dolyna;UA;youth;hosting;Літній табір для дітей;;;;d-1
thing;Jena;DE;health;;Text;;;;
offer;Jena;Germany;health;;Text;;;;
offer;Jena;DE;heat;;Text;;;;
offer;Jena;DE;health;;;;;;
need;Byshiv;UA;water;;Водогін;;2027-02-30;;
need;Byshiv;UA;water;;Водогін;;;lots;
"""


async def test_operator_imports_good_rows_and_hears_of_bad_ones(bot: BotHarness) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    reply = await bot.send(operator, "/import_offers")
    assert "municipality" in reply.text and "valid_until" in reply.text
    update = bot.api.send_document(operator, GOOD_AND_BAD.encode("utf-8"), "offers.csv")
    reply = await bot.deliver(update)
    text = reply.text
    assert "Import finished: 2 added, 0 updated." in text
    assert "6 rows skipped:" in text
    assert "Line 4: type must be “offer” or “need”, not “thing”" in text
    assert "Line 5: country must be a two-letter code" in text
    assert "Line 6: unknown sector “heat”" in text
    assert "Line 7: the description is missing" in text
    assert "Line 8: valid_until must be a date" in text
    assert "Line 9: the value “lots” is not an amount" in text
    assert await bot.repos.posts.count() == 2

    # The same file again updates the rows with a ref instead of adding them twice.
    reply = await bot.deliver(bot.api.send_document(operator, GOOD_AND_BAD.encode(), "offers.csv"))
    assert "0 added, 2 updated" in reply.text
    assert await bot.repos.posts.count() == 2


async def test_export_round_trips_and_only_operators_may(bot: BotHarness) -> None:
    await load_demo(bot.repos, bot.clock.now().date())
    assert await load_demo(bot.repos, bot.clock.now().date()) is None  # loaded once only
    operator = bot.operator("uk")
    await bot.send(operator, "/start")
    reply = await bot.send(operator, "/export_offers")
    document = reply.last.document
    assert document is not None and document["file_name"] == "offers_and_needs.csv"
    data = bot.api.files[document["file_id"]]
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 13
    heating = next(r for r in rows if r["ref"] == "demo-san-sebastian-heating")
    assert heating["sectors"] == "heating energy" and heating["demo"] == "yes"
    # Ukrainian communities go out with their hromada's code, foreign ones without.
    assert {r["katottg"] for r in rows if r["country"] == "UA"} >= {"UA53020110000092487"}
    assert {r["katottg"] for r in rows if r["country"] != "UA"} == {""}

    reply = await bot.deliver(bot.api.send_document(operator, data, "back.csv"))
    assert "додано 0, оновлено 13" in reply.text
    assert await bot.repos.posts.count() == 13

    official = bot.user(601, "Ivan", "en")
    await bot.make_member(official, "Brovary")
    reply = await bot.send(official, "/export_offers")
    assert "Only operators" in reply.text
    reply = await bot.deliver(bot.api.send_document(official, data, "x.csv"))
    assert "Only operators" in reply.text
    assert OPERATOR_ID not in [m.chat_id for m in reply.messages]


async def test_a_code_in_the_file_settles_which_hromada(bot: BotHarness) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    table = (
        "type,municipality,country,sectors,description,katottg\n"
        "need,Mykolaivka,UA,water,Водогін,UA59080130000022249\n"
        "need,Mykolaivka,UA,water,Школа,\n"
    )
    reply = await bot.deliver(bot.api.send_document(operator, table.encode(), "needs.csv"))
    assert "2 added" in reply.text
    coded = await bot.repos.communities.by_place("UA59080130000022249")
    assert coded is not None and coded.katottg == "UA59080130000022249"
    # Without the code the name is in many oblasts: kept as typed, for an operator to match.
    assert [c.name for c in await bot.repos.communities.unmatched()] == ["Mykolaivka"]
