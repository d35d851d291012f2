"""A database from before the codifier: communities get their codes where certain, the rest
wait for an operator, a button each; time zones and people's choices carry over."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storage.db import MIGRATIONS_DIR
from tests.harness import BotHarness

BROVARY = "UA32060050000030591"
KROPYVNYTSKYI = "UA35040210000014072"
NOW = "2025-05-01T10:00:00Z"


def _old_database(path: Path) -> None:
    """The schema and data of a database last migrated before community codes existed."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for script in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        if script.name >= "0010":
            break
        connection.executescript(script.read_text(encoding="utf-8"))
        connection.execute("INSERT INTO schema_migrations VALUES (?, ?)", (script.name, NOW))
    communities = [
        # id, kind, name, name_uk, country, region, place_key
        (1, "ua", "Brovary", "Бровари", "UA", "UA-32", "gn:711390"),
        (2, "ua", "Kirovohrad", None, "UA", "UA-35", None),  # its former name
        (3, "ua", "Mykolaivka", "Миколаївка", "UA", "UA-59", "gn:1"),  # two hromadas in Sumy
        (4, "ua", "Kniazhychi", "Княжичі", "UA", "UA-32", "gn:2"),  # a village
        (5, "foreign", "Jena", None, "DE", "15", "gn:2895044"),
    ]
    connection.executemany(
        "INSERT INTO communities (id, kind, name, name_uk, country_code, region_code, place_key,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(*row, NOW) for row in communities],
    )
    connection.executemany(
        "INSERT INTO users (id, first_name, language, language_chosen, tz, created_at,"
        " updated_at) VALUES (?, ?, 'en', 1, ?, ?, ?)",
        [(700, "Iryna", "Europe/Kyiv", NOW, NOW), (701, "Ilze", "Europe/Riga", NOW, NOW)],
    )
    connection.commit()
    connection.close()


async def test_old_communities_get_codes_or_wait_for_an_operator(tmp_path: Path) -> None:
    _old_database(tmp_path / "test.sqlite3")
    bot = BotHarness(tmp_path)
    await bot.start()
    try:
        repos = bot.repos
        brovary = await repos.communities.get(1)
        assert brovary is not None
        assert (brovary.katottg, brovary.place_key, brovary.code_status) == (
            BROVARY,
            BROVARY,
            "matched",
        )
        assert (brovary.title("uk"), brovary.tz) == ("Бровари", "Europe/Kyiv")
        kirovohrad = await repos.communities.get(2)
        assert kirovohrad is not None and kirovohrad.katottg == KROPYVNYTSKYI
        assert kirovohrad.title("uk") == "Кропивницький"
        jena = await repos.communities.get(5)
        assert jena is not None and (jena.katottg, jena.tz) == (None, "Europe/Berlin")
        assert [c.id for c in await repos.communities.unmatched()] == [3, 4]

        # Who chose a zone keeps it; who has the old default follows their community.
        await repos.users.set_current_community(701, 5)
        await repos.users.set_current_community(700, 5)
        riga, kyiv = await repos.users.get(701), await repos.users.get(700)
        assert riga is not None and riga.tz == "Europe/Riga"
        assert kyiv is not None and kyiv.tz == "Europe/Berlin"

        operator = bot.operator()
        reply = await bot.send(operator, "/codes")
        assert "2 Ukrainian communities have no KATOTTG code" in reply.text
        assert reply.buttons == ["Mykolaivka, Sumy Oblast", "Kniazhychi, Kyiv Oblast", "Main menu"]
        reply = await bot.press(operator, "Mykolaivka, Sumy Oblast")
        assert "Communities in Sumy Oblast for “Миколаївка”" in reply.text
        offered = [label for label in reply.buttons if "community" in label]
        assert len(offered) >= 2
        reply = await bot.press(operator, "Mykolaivska settlement community")
        assert "1 Ukrainian community has no KATOTTG code" in reply.text
        assert reply.buttons == ["Kniazhychi, Kyiv Oblast", "Main menu"]
        mykolaivka = await repos.communities.get(3)
        assert mykolaivka is not None and mykolaivka.katottg == "UA59080130000022249"
    finally:
        await bot.stop()

    # A second start looks at nobody again.
    bot = BotHarness(tmp_path)
    await bot.start()
    try:
        assert [c.id for c in await bot.repos.communities.unmatched()] == [4]
    finally:
        await bot.stop()
