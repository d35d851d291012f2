"""The 2024 procedure: its order, plans, the ministry's rounds and the move from the old one."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import aiosqlite

from bot.domain.twinning.deadlines import reschedule
from bot.domain.twinning.legal_facts import load_legal_facts
from bot.domain.twinning.workflow import (
    NOT_YET,
    PLANNED,
    ROUNDS,
    STEP_CODES,
    DateProblem,
    can_open,
    can_plan,
    check_plan_date,
    current_step,
    ministry_rounds,
    nearest_plan,
    position,
    step_by_code,
    with_plan,
)
from bot.jobs.reminder_delivery import deliver_due
from storage.db import MIGRATIONS_DIR, Database
from tests.harness import BotHarness
from tests.test_twinning_walk import docx_text, fill_until_ministry, new_partnership

TODAY = date(2026, 11, 22)


def test_the_seven_steps_in_the_order_agreements_are_approved() -> None:
    assert STEP_CODES == (
        "areas",
        "partner",
        "draft",
        "ministry",
        "council",
        "signing",
        "registration",
    )
    # The council approves the draft after the ministry's order, before the signing.
    assert not can_open("council", {"draft": True})
    assert can_open("council", dict.fromkeys(("areas", "partner", "draft", "ministry"), True))
    assert not can_open("signing", dict.fromkeys(("areas", "partner", "draft", "ministry"), True))


def test_the_initiative_decision_is_not_a_gate() -> None:
    # A community with no council decision yet writes to a partner first.
    assert can_open("partner", {})
    areas = step_by_code("areas")
    assert areas is not None
    without = {"sectors": ["water"], "decision_body": "none"}
    assert areas.is_complete(without)
    assert [f.key for f in areas.active_fields(without)] == ["sectors", "decision_body"]
    assert not areas.is_complete({"sectors": ["water"], "decision_body": "council"})


def test_a_planned_step_does_not_hold_the_partnership_up() -> None:
    assert current_step({}, planned=["areas"]) == "partner"
    assert current_step({"partner": True}, planned=["areas"]) == "draft"
    # When everything left is planned, the first of them.
    assert current_step({}, planned=STEP_CODES) == "areas"
    data = {"areas": with_plan({}, date(2026, 12, 15)), "signing": with_plan({}, None)}
    assert position(data, {}) == "partner"
    assert nearest_plan(data, {}) == ("areas", date(2026, 12, 15))
    assert data["signing"][PLANNED] == NOT_YET
    assert can_plan("signing", {}) and not can_plan("areas", {"areas": True})


def test_a_plan_is_dropped_once_the_step_is_done() -> None:
    areas = step_by_code("areas")
    assert areas is not None
    planned = with_plan({"sectors": ["water"]}, date(2026, 12, 15))
    assert areas.clean(planned) == planned  # still planned: sectors alone are not the step
    done = {**planned, "decision_body": "council", "decision_date": "2026-12-15"}
    done["decision_number"] = "12"
    assert PLANNED not in areas.clean(done)


def test_plan_dates_lie_ahead() -> None:
    assert check_plan_date("15.12.2026", today=TODAY) == (date(2026, 12, 15), None)
    assert check_plan_date("today", today=TODAY) == (TODAY, None)
    assert check_plan_date("01.11.2026", today=TODAY) == (None, DateProblem.PAST)
    assert check_plan_date("31.02.2027", today=TODAY) == (None, DateProblem.INVALID)
    assert check_plan_date("soon", today=TODAY)[1] is DateProblem.FORMAT


def test_a_returned_draft_resubmitted_opens_a_new_round() -> None:
    ministry = step_by_code("ministry")
    assert ministry is not None
    returned = {
        "submitted_date": "2026-11-10",
        "outcome": "remarks",
        "remarks": "Уточнити сторони",
        "returned_date": "2026-11-20",
    }
    assert ministry.clean(returned) == returned  # not sent again yet
    again = ministry.clean({**returned, "resubmitted_date": "2026-11-25"})
    assert again == {
        ROUNDS: [returned],
        "submitted_date": "2026-11-25",
        "outcome": "waiting",
    }
    approved = ministry.clean(
        {**again, "outcome": "approved", "order_number": "879", "order_date": "2026-12-15"}
    )
    assert ministry.is_complete(approved)
    rounds = ministry_rounds(approved)
    assert [(r.number, r.outcome) for r in rounds] == [(1, "remarks"), (2, "approved")]
    assert rounds[0].remarks == "Уточнити сторони" and rounds[1].order_number == "879"


async def test_a_planned_step_reminds_on_its_day(bot: BotHarness) -> None:
    mayor = bot.user(281, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    repos = bot.repos
    day = TODAY + timedelta(days=10)
    await repos.partnerships.save_step(
        1, "areas", with_plan({}, day), done=False, base_revision=0, actor_id=mayor.id
    )
    records = await repos.partnerships.steps(1)
    await repos.partnerships.set_step(
        1,
        position({c: r.data for c, r in records.items()}, {c: r.done for c, r in records.items()}),
    )
    partnership = await repos.partnerships.get(1)
    assert partnership is not None and partnership.step == "partner"
    kinds = await reschedule(repos, load_legal_facts(), partnership, records, bot.clock.now())
    assert "twinning.planned" in kinds
    planned = [r for r in await repos.reminders.pending() if r.kind == "twinning.planned"]
    assert [r.due_at.isoformat() for r in planned] == ["2026-12-02T07:00:00+00:00"]  # 09:00 Kyiv
    bot.clock.advance(timedelta(days=10))
    await deliver_due(bot.app)
    texts = [m.text or "" for m in bot.api.bot_messages(mayor.id)]
    assert any(
        "Step 1. Areas of cooperation and the community's initiative of the partnership of"
        " Brovary with Jena, Germany is planned for today." in t
        for t in texts
    )
    # Re-planned: the old day's reminder goes, the new one comes.
    record = (await repos.partnerships.steps(1))["areas"]
    later = day + timedelta(days=7)
    await repos.partnerships.save_step(
        1, "areas", with_plan({}, later), done=False, base_revision=record.revision, actor_id=1
    )
    await reschedule(
        repos, load_legal_facts(), partnership, await repos.partnerships.steps(1), bot.clock.now()
    )
    planned = [r for r in await repos.reminders.pending() if r.kind == "twinning.planned"]
    assert [r.due_at.date() for r in planned] == [later]


async def test_dolyna_plans_the_decision_writes_to_siauliai_and_gets_the_letter(
    bot: BotHarness,
) -> None:
    official = bot.user(282, "Olena", "uk")
    await bot.make_member(official, "Dolyna")
    await bot.send(official, "/twinning")
    await bot.press(official, "Нове партнерство")
    await bot.send(official, "Šiauliai")
    await bot.press(official, "Шяуляйський район, Литва")
    await bot.press(official, "Підтвердити")
    repos = bot.repos
    # No council decision yet: step 1 is planned, with the areas already chosen.
    await repos.partnerships.save_step(
        1,
        "areas",
        with_plan({"sectors": ["water", "education"]}, TODAY + timedelta(days=20)),
        done=False,
        base_revision=0,
        actor_id=official.id,
    )
    await repos.partnerships.set_step(1, "partner")
    await repos.requisites.save(
        (await repos.partnerships.get(1)).community_id,  # type: ignore[union-attr]
        {
            "official_name": "Долинська міська територіальна громада",
            "head_name": "Іван Дирів",
            "executor_name": "Олена Коваль",
            "executor_phone": "+380 3477 2 12 34",
        },
        official.id,
    )
    await bot.send(official, "/twinning")
    await bot.press(official, "Шяуляйський район, Литва")
    reply = await bot.press(official, "Повна картка")
    assert "🗓 1. Сфери співробітництва та ініціатива громади" in reply.text
    assert "Заплановано на 12 грудня 2026" in reply.text
    await bot.press(official, "Назад")
    reply = await bot.press(official, "Продовжити")
    assert "Крок 2 з 7" in reply.text
    await bot.press(official, "Лист про наміри")
    await bot.press(official, "Сьогодні")
    await bot.press(official, "Пропустити")
    reply = await bot.press(official, "Підтвердити")
    assert "Далі: 3. Проєкт угоди з пояснювальною запискою" in reply.text  # step 1 is planned
    reply = await bot.press(official, "Повна картка")
    assert "✅ 2." in reply.text
    await bot.press(official, "Назад")

    await bot.press(official, "Документи")
    reply = await bot.press(official, "Лист про наміри")
    document = reply.messages[-1].document
    assert document is not None
    assert document["file_name"].startswith("letter-of-intent_Dolyna-Siauliu-rajono-savivaldybe")
    letter = docx_text(bot.api.files[document["file_id"]])
    assert "ДОЛИНСЬКА МІСЬКА РАДА" in letter and "Івано-Франківської області" in letter
    assert "з Шяуляйським районом (Литовська Республіка)" in letter
    assert "у таких сферах: водопостачання, освіта" in letter
    assert "Ketinimų laiškas" in letter and "vandens tiekimas, švietimas" in letter
    assert "Іван ДИРІВ" in letter and "Ivan DYRIV" in letter
    assert "Олена КОВАЛЬ" in letter and "+380 3477 2 12 34" in letter


async def test_the_ministry_returns_the_draft_and_it_is_resubmitted(bot: BotHarness) -> None:
    mayor = bot.user(283, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await fill_until_ministry(bot, mayor)  # submitted on 22 November
    bot.clock.advance(timedelta(days=8))
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Returned with remarks")
    await bot.send(mayor, "Name the parties as in their charters.")
    await bot.press(mayor, "Today")
    reply = await bot.press(mayor, "Skip")  # not sent again yet
    assert "Remarks of the ministry: Name the parties as in their charters." in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "The draft came back with remarks" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "▶️ 4. Ministry approval" in reply.text
    await bot.press(mayor, "Back")
    kinds = {r.kind for r in await bot.repos.reminders.pending()}
    assert "twinning.ministry" not in kinds  # the ministry has answered: no follow-up

    bot.clock.advance(timedelta(days=5))
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Returned with remarks")
    reply = await bot.press(mayor, "Today")  # revised and sent again on 5 December
    assert "Round 1: sent 22 November 2026, returned with remarks 30 November 2026" in reply.text
    assert "Submitted to the ministry: 5 December 2026" in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "Sent to the ministry on 5 December 2026 (round 2)" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "Round 1: sent 22 November 2026" in reply.text
    await bot.press(mayor, "Back")
    follow_up = [r for r in await bot.repos.reminders.pending() if r.kind == "twinning.ministry"]
    assert [r.due_at.date() for r in follow_up] == [date(2027, 1, 4)]  # 30 days, again

    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Approved by an order")
    await bot.send(mayor, "879")
    await bot.press(mayor, "Today")
    await bot.press(mayor, "Confirm")
    reply = await bot.press(mayor, "Full card")
    assert "✅ 4. Ministry approval" in reply.text and "Round 1:" in reply.text
    await bot.press(mayor, "Back")
    ministry = (await bot.repos.partnerships.steps(1))["ministry"].data
    assert [r.outcome for r in ministry_rounds(ministry)] == ["remarks", "approved"]

    await bot.press(mayor, "Documents")
    reply = await bot.press(mayor, "Draft council decision")
    document = reply.messages[-1].document
    assert document is not None
    decision = docx_text(bot.api.files[document["file_id"]])
    assert "наказ Міністерства розвитку громад та територій України від 05.12.2026 № 879" in (
        decision
    )
    reply = await bot.press(mayor, "Cover letter to the ministry")
    cover = docx_text(bot.api.files[reply.messages[-1].document["file_id"]])  # type: ignore[index]
    assert "до проєкту, поданого 22.11.2026, повернутого 30.11.2026" in cover
    assert "(Name the parties as in their charters)." in cover


async def _old_database(path: Path) -> None:
    """A database as the bot left it before the 2024 procedure: migrations up to 0010."""
    async with aiosqlite.connect(path) as db:
        await db.execute(
            "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL"
            " DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"
        )
        for script in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
            if script.name > "0011":
                break
            await db.executescript(script.read_text(encoding="utf-8"))
            await db.execute("INSERT INTO schema_migrations(name) VALUES (?)", (script.name,))
        now = "2026-06-01T10:00:00+00:00"
        for community_id, kind, name in ((1, "ua", "Brovary"), (2, "foreign", "Jena")):
            await db.execute(
                "INSERT INTO communities (id, kind, name, country_code, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (community_id, kind, name, "UA" if kind == "ua" else "DE", now),
            )
        steps = {
            # Registered under the old six steps.
            1: {
                "areas": {"sectors": ["energy"], "decision_body": "council",
                          "decision_date": "2025-01-10", "decision_number": "7"},
                "partner": {"contact_channel": "visit", "contact_date": "2025-02-01"},
                "draft": {"agreement_kind": "twinning", "draft_date": "2025-03-01"},
                "ministry": {"submitted_date": "2025-03-05", "outcome": "approved",
                             "order_number": "512", "order_date": "2025-04-01"},
                "signing": {"signing_date": "2025-05-01", "signing_place": "Jena",
                            "signatories": "the mayors"},
                "registration": {"registration_number": "UA-1", "registration_date": "2025-06-01"},
            },
            # Approved by the ministry, waiting to sign.
            2: {
                "areas": {"sectors": ["water"], "decision_body": "executive",
                          "decision_date": "2026-01-10", "decision_number": "8"},
                "partner": {"contact_channel": "letter", "contact_date": "2026-02-01"},
                "draft": {"agreement_kind": "memorandum", "draft_date": "2026-03-01"},
                "ministry": {"submitted_date": "2026-03-05", "outcome": "approved",
                             "order_number": "600", "order_date": "2026-04-01"},
            },
            # Returned with remarks.
            3: {
                "areas": {"sectors": ["youth"], "decision_body": "council",
                          "decision_date": "2026-05-10", "decision_number": "9"},
                "partner": {"contact_channel": "search", "contact_date": "2026-05-11"},
                "draft": {"agreement_kind": "cooperation", "draft_date": "2026-05-20"},
                "ministry": {"submitted_date": "2026-05-21", "outcome": "remarks",
                             "remarks": "Rename the parties"},
            },
        }  # fmt: skip
        place = {1: "registered", 2: "signing", 3: "ministry"}
        for pid, records in steps.items():
            await db.execute(
                "INSERT INTO partnerships (id, community_id, partner_id, step, created_at,"
                " updated_at) VALUES (?, 1, 2, ?, ?, ?)",
                (pid, place[pid], now, now),
            )
            for code, data in records.items():
                done = code != "ministry" or data["outcome"] == "approved"
                await db.execute(
                    "INSERT INTO partnership_steps (partnership_id, step, data, done, revision,"
                    " updated_at) VALUES (?, ?, ?, ?, 1, ?)",
                    (pid, code, json.dumps(data, sort_keys=True), int(done), now),
                )
        await db.execute(
            "INSERT INTO partnership_history (partnership_id, step, field, old_value, new_value,"
            " changed_at) VALUES (1, 'signing', 'signing_place', NULL, '\"Jena\"', ?)",
            (now,),
        )
        await db.commit()


async def test_migration_keeps_every_fact_and_every_partnership_in_its_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    await _old_database(path)
    async with aiosqlite.connect(path) as db:
        before = await (
            await db.execute("SELECT partnership_id, step, data, done FROM partnership_steps")
        ).fetchall()
    database = await Database.open(path)
    try:
        rows = await database.fetchall(
            "SELECT partnership_id, step, data, done FROM partnership_steps"
        )
        after = {(r[0], r[1]): (json.loads(r[2]), bool(r[3])) for r in rows}
        # Every old fact is where it was.
        for pid, step, data, done in before:
            assert after[(pid, step)] == (json.loads(data), bool(done)), (pid, step)
        # A registered partnership stays registered: its council step is marked as recorded
        # before the step existed, nothing invented.
        assert after[(1, "council")] == ({"before_step_existed": True}, True)
        steps = {r[0]: r[1] for r in await database.fetchall("SELECT id, step FROM partnerships")}
        assert steps == {1: "registered", 2: "council", 3: "ministry"}
        assert (2, "council") not in after and (3, "council") not in after
        # The returned draft is the current round, ready to be resubmitted.
        ministry = step_by_code("ministry")
        assert ministry is not None
        resubmitted = ministry.clean(
            {**after[(3, "ministry")][0], "resubmitted_date": "2026-06-20"}
        )
        assert resubmitted[ROUNDS][0]["remarks"] == "Rename the parties"
        assert await database.fetchval("SELECT count(*) FROM partnership_history") == 1
        assert await database.fetchval("SELECT count(*) FROM community_requisites") == 0
    finally:
        await database.close()


def test_the_brief_card_fits_a_phone_and_says_what_comes_next() -> None:
    from datetime import UTC, datetime

    from bot.domain.twinning.card import BRIEF_LINES, brief_text
    from bot.i18n import I18n
    from storage.partnerships import Partnership, StepRecord

    partnership = Partnership(
        1, 1, 2, "ministry", "active", None, datetime(2026, 11, 22, tzinfo=UTC)
    )
    records = {
        "areas": StepRecord("areas", with_plan({"sectors": ["water"]}, date(2026, 12, 15))),
        "partner": StepRecord("partner", {"contact_date": "2026-11-05"}, done=True),
        "draft": StepRecord("draft", {"draft_date": "2026-11-09"}, done=True),
        "ministry": StepRecord(
            "ministry",
            {"submitted_date": "2026-11-10", "outcome": "remarks", "remarks": "Rename"},
        ),
        "signing": StepRecord("signing", with_plan({}, date(2027, 3, 1))),
    }
    for lang, expected in (
        (
            "en",
            [
                "Partnership Dolyna — Šiauliai district",
                "Steps done: 2 of 7 · planned: 2",
                "Next: 4. Ministry approval",
                "The draft came back with remarks: revise it and send it again.",
                "Planned: 1. Areas of cooperation and the community's initiative — 15 December"
                " 2026",
            ],
        ),
        (
            "uk",
            [
                "Партнерство Долина — Шяуляйський район",
                "Виконано кроків: 2 з 7 · заплановано: 2",
                "Далі: 4. Погодження міністерства",
                "Проєкт повернули із зауваженнями: доопрацюйте його й подайте повторно.",
            ],
        ),
    ):
        t = I18n().get(lang)
        community, partner = (
            ("Dolyna", "Šiauliai district")
            if lang == "en"
            else (
                "Долина",
                "Шяуляйський район",
            )
        )
        text = brief_text(t, partnership, community, partner, records)
        assert len(text.splitlines()) <= BRIEF_LINES
        for line in expected:
            assert line in text.splitlines(), (line, text)
