"""A start loads only what the first answer needs: documents, spreadsheets, calendars,
charts, charset detection, morphology and the reminder grammar load when first used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.harness import PLACES

ROOT = Path(__file__).resolve().parents[1]

# A process of its own: the tests before this one have imported everything already.
_FIRST_ANSWER = """
import asyncio, sys
from pathlib import Path
from bot.offline.console import Console
from bot.settings import Settings

async def main():
    console = Console(Settings(database=Path(sys.argv[1]), places=Path(sys.argv[2])))
    await console.start()
    await console.handle("/start")
    answered = console.api.bot_messages(console.chat.id)[-1].body
    await console.stop()
    print(answered.splitlines()[0])
    print(" ".join(sorted(sys.modules)))

asyncio.run(main())
"""

LOADED_WHEN_USED = (
    "docx",  # documents: the aid act, the twinning drafts
    "openpyxl",  # spreadsheets
    "matplotlib",  # charts
    "icalendar",  # calendar files
    "charset_normalizer",  # CSV files in a legacy encoding
    "pymorphy3",  # declension in documents
    "shevchenko",  # names in documents
    "rapidfuzz",  # similar spellings in place search
    "lxml",
    "bot.domain.official_docx",
    "bot.domain.twinning.documents",
    "bot.domain.reminders.schedule.reader",
    "bot.domain.places.build",
)


def test_the_first_answer_loads_no_heavy_library(tmp_path: Path) -> None:
    database = tmp_path / "twinbot.sqlite3"
    # The first start indexes the demo offers under country names in every language, which
    # reads Babel's locale data, and that brings babel.dates along.
    for start, lazy in (
        ("new database", LOADED_WHEN_USED),
        ("existing database", (*LOADED_WHEN_USED, "babel.dates")),
    ):
        output = subprocess.run(
            [sys.executable, "-c", _FIRST_ANSWER, str(database), str(PLACES)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        first_line, modules = output.splitlines()[-2:]
        assert first_line.startswith("Вітаємо в Twinbot"), start
        loaded = set(modules.split())
        assert "telegram.ext" in loaded and "bot.app" in loaded  # the real application ran
        early = [name for name in lazy if name in loaded]
        assert early == [], f"{start}: loaded before first use: {early}"


# Right after a start, in a process of its own, each of those loads on its first use.
_FIRST_USES = """
import asyncio, sys
from datetime import date, datetime, timezone
from pathlib import Path
from bot.offline.console import Console
from bot.settings import Settings

async def main():
    console = Console(Settings(database=Path(sys.argv[1]), places=Path(sys.argv[2])))
    await console.start()
    await console.handle("/start")
    await console.stop()

asyncio.run(main())

from bot.domain.csv_reading import decode
from bot.domain.grammar.declension import Case, decline_phrase
from bot.domain.grammar.persons import Person
from bot.domain.official_docx import OfficialDocument
from bot.domain.places import search_hromadas
from bot.domain.reminders.calendar import TimedEvent, ics_file
from bot.domain.reminders.schedule import parse_schedule

now = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
schedule = parse_schedule("завтра о 10:00 нарада з Єною", now=now, tz="Europe/Kyiv")
print(schedule.local_time, schedule.text)
event = TimedEvent("1", schedule.text, schedule.due_at, schedule.tz)
print(ics_file([event], stamp=now).decode().splitlines()[0])
print(decline_phrase("Броварська міська громада", Case.GENITIVE))
print(Person("Ольга", "Коцюбинська").official(Case.GENITIVE))
print(decode("Бровари;Jena".encode("cp1251")))
document = OfficialDocument(lang="uk", title="Лист", author="Рада", subject="", today=date.today())
document.paragraph("Текст")
print(document.to_bytes()[:2].decode())
print(search_hromadas("Бровари").matches[0].place.official_name("uk"))
"""


def test_each_lazily_loaded_library_works_on_first_use_right_after_a_start(
    tmp_path: Path,
) -> None:
    output = subprocess.run(
        [sys.executable, "-c", _FIRST_USES, str(tmp_path / "twinbot.sqlite3"), str(PLACES)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    assert output.splitlines()[-7:] == [
        "10:00 нарада з Єною",  # the reminder grammar
        "BEGIN:VCALENDAR",  # icalendar
        "Броварської міської громади",  # pymorphy3
        "Ольги КОЦЮБИНСЬКОЇ",  # shevchenko
        "Бровари;Jena",  # charset detection
        "PK",  # python-docx writes a zip
        "Броварська міська територіальна громада",  # the place index
    ]
