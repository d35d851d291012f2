"""Running the bot: backups and restores, one instance per database, refusals at start."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.jobs.backup import JOB_NAME
from bot.services import Services
from storage.aid import NewAid
from storage.backup import copies
from storage.startup_checks import StartupError
from tests.harness import BotHarness

BURST = 300


def _aid(recipient: int, author: int, n: int) -> NewAid:
    return NewAid(
        recipient_id=recipient,
        donors=(),
        kind="medical",
        sector="health",
        description=f"Generator {n}",
        aid_date="2026-11-20",
        status="received",
        created_by=author,
        client_token=f"burst-{n}",
    )


def _run(argv: list[str], database: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("TWINBOT_DB", str(database))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    return main(argv)


async def _start(database: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """`twinbot` with no command, in a thread of its own as from a terminal."""
    return await asyncio.to_thread(_run, [], database, monkeypatch)


async def test_a_backup_during_a_burst_of_saves_restores_every_confirmed_record(
    bot: BotHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    official = bot.user(500, "Ihor", "en")
    brovary = await bot.make_member(official, "Brovary")
    confirmed: list[int] = []
    backup_file = tmp_path / "copy.sqlite3"
    seen: dict[str, set[int]] = {}

    async def burst() -> None:
        for n in range(BURST):
            record, _new = await bot.repos.aid.create(_aid(brovary.id, official.id, n))
            confirmed.append(record.id)  # the save returned: the user was told it is saved

    async def take_backup() -> int:
        while len(confirmed) < BURST // 3:
            await asyncio.sleep(0)
        seen["before"] = set(confirmed)
        argv = ["backup", str(backup_file)]
        code = await asyncio.to_thread(_run, argv, bot.settings.database, monkeypatch)
        seen["after"] = set(confirmed)
        return code

    _, code = await asyncio.gather(burst(), take_backup())
    assert code == 0
    assert len(confirmed) == BURST
    await bot.stop()
    assert _run(["restore", str(backup_file)], bot.settings.database, monkeypatch) == 0
    await bot.start()
    assert bot.services is not None
    rows = await bot.services.db.fetchall("SELECT id, description FROM aid")
    restored = {row["id"]: row["description"] for row in rows}
    assert seen["before"] <= set(restored) <= seen["after"]
    assert all(restored[i] == f"Generator {confirmed.index(i)}" for i in restored)
    # The replaced database was kept, with all the records of the whole burst.
    kept = next(tmp_path.glob("test.sqlite3.before-restore-*"))
    with sqlite3.connect(kept) as connection:
        assert connection.execute("SELECT count(*) FROM aid").fetchone()[0] == BURST
    # And the restored bot answers as before.
    assert "Main menu — Brovary" in (await bot.send(official, "/menu")).text


async def test_restore_and_a_second_bot_are_refused_while_the_bot_runs(
    bot: BotHarness,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = bot.settings.database
    assert _run(["backup", str(tmp_path)], database, monkeypatch) == 0
    copy = copies(tmp_path)[0]
    capsys.readouterr()
    assert _run(["restore", str(copy)], database, monkeypatch) == 1
    assert "in use by another running bot" in capsys.readouterr().err
    with pytest.raises(StartupError, match="in use by another running bot"):
        await Services.open(bot.settings)
    assert await _start(database, monkeypatch) == 1
    error = capsys.readouterr().err
    assert error.startswith("twinbot did not start:") and error.count("\n") == 1
    # The running bot is unaffected, and a restart in the same process takes the lock again.
    await bot.restart()
    user = bot.user(501, "Ivan", "en")
    assert "Choose your language" in (await bot.send(user, "/start")).text


async def test_a_damaged_database_stops_the_start_with_directions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = BotHarness(tmp_path)
    await harness.start()
    await harness.stop()
    database = harness.settings.database
    data = bytearray(database.read_bytes())
    page = 4096
    data[page : page * 3] = os.urandom(page * 2)
    database.write_bytes(bytes(data))
    with pytest.raises(StartupError, match="damaged"):
        await Services.open(harness.settings)
    assert await _start(database, monkeypatch) == 1
    error = capsys.readouterr().err
    assert "is damaged" in error and "twinbot restore PATH" in error
    assert "Traceback" not in error and error.count("\n") == 1


async def test_a_read_only_location_gives_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        database = Path("/sys/twinbot.sqlite3")  # root may write anywhere but here
    else:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        database = folder / "twinbot.sqlite3"
    assert await _start(database, monkeypatch) == 1
    error = capsys.readouterr().err
    assert "cannot write to" in error and "TWINBOT_DB" in error
    assert "Traceback" not in error and error.count("\n") == 1


async def test_the_daily_backup_keeps_the_newest_copies(tmp_path: Path) -> None:
    harness = BotHarness(tmp_path)
    harness.settings = dataclasses.replace(harness.settings, backup_keep=3)
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("the operator's own file")
    await harness.start()
    try:
        assert harness.app is not None and harness.app.job_queue is not None
        (job,) = harness.app.job_queue.get_jobs_by_name(JOB_NAME)
        for _day in range(5):
            await harness.repos.users.upsert(600 + _day, "Test", None, None, "en")
            await job.run(harness.app)
            harness.clock.advance(timedelta(days=1))
        kept = copies(folder)
        assert [path.name for path in kept] == [
            "twinbot-20261124-120000.sqlite3",
            "twinbot-20261125-120000.sqlite3",
            "twinbot-20261126-120000.sqlite3",
        ]
        with sqlite3.connect(kept[-1]) as connection:
            assert connection.execute("SELECT count(*) FROM users").fetchone()[0] == 5
        assert (folder / "notes.txt").exists()
    finally:
        await harness.stop()
