"""The workflow's rules without Telegram: order, dates, numbers, partners, legal facts."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from bot.domain.twinning.legal_facts import PACKAGED, load_legal_facts
from bot.domain.twinning.workflow import (
    REGISTERED,
    DateProblem,
    can_open,
    check_date,
    check_number,
    current_step,
    date_bounds,
    looks_like_non_authority,
    next_anniversary,
    step_by_code,
)
from tests.harness import BotHarness
from tests.test_twinning_walk import new_partnership

TODAY = date(2026, 11, 22)


def test_steps_open_in_order_and_done_ones_can_be_corrected() -> None:
    assert current_step({}) == "areas"
    assert current_step({"areas": True, "partner": True}) == "draft"
    assert current_step(dict.fromkeys(("areas", "partner", "draft", "ministry"), True)) == "signing"
    everything = dict.fromkeys(
        ("areas", "partner", "draft", "ministry", "signing", "registration"), True
    )
    assert current_step(everything) == REGISTERED
    assert can_open("areas", {}) and not can_open("signing", {"areas": True})
    assert can_open("areas", {"areas": True, "partner": False})


def test_ministry_step_is_done_only_when_approved() -> None:
    ministry = step_by_code("ministry")
    assert ministry is not None
    waiting = {"submitted_date": "2026-11-10", "outcome": "waiting"}
    assert not ministry.is_complete(waiting)
    approved = {**waiting, "outcome": "approved", "order_number": "5", "order_date": "2026-11-20"}
    assert ministry.is_complete(approved)
    # Changing the answer drops the facts that no longer apply.
    assert ministry.clean({**approved, "outcome": "remarks"}) == {
        "submitted_date": "2026-11-10",
        "outcome": "remarks",
    }


def test_date_bounds_follow_the_workflow() -> None:
    saved = {
        "areas": {"decision_date": "2026-11-02"},
        "partner": {"contact_date": "2026-11-05"},
        "draft": {"draft_date": "2026-11-09"},
    }
    assert date_bounds("partner", "contact_date", saved, {}) == (
        date(2026, 11, 2),
        date(2026, 11, 9),
    )
    values = {"submitted_date": "2026-11-10"}
    assert date_bounds("ministry", "order_date", saved, values) == (date(2026, 11, 10), None)


def test_dates_of_facts() -> None:
    def check(text: str, earliest: date | None = None, latest: date | None = None):  # type: ignore[no-untyped-def]
        return check_date(text, today=TODAY, earliest=earliest, latest=latest)

    assert check("31.02.2026") == (None, DateProblem.INVALID)
    assert check("15.06.1999") == (None, DateProblem.TOO_OLD)
    assert check("01.01.2027") == (None, DateProblem.FUTURE)
    assert check("01.11.2026", earliest=date(2026, 11, 2)) == (None, DateProblem.BEFORE)
    assert check("10.11.2026", latest=date(2026, 11, 9)) == (None, DateProblem.AFTER)
    assert check("сьогодні") == (TODAY, None)
    assert check("вчора") == (date(2026, 11, 21), None)
    assert check("25.03") == (date(2026, 3, 25), None)
    assert check("nonsense") == (None, DateProblem.FORMAT)


def test_document_numbers() -> None:
    assert check_number("№ 123") == "123"
    assert check_number("45-VIII") == "45-VIII"
    assert check_number("No. 12/3-р") == "12/3-р"
    assert check_number("UA-2026-0042") == "UA-2026-0042"
    assert check_number("no digits") is None
    assert check_number("") is None
    assert check_number("1" * 50) is None
    assert check_number("12; DROP TABLE") is None


def test_partners_that_are_not_local_authorities() -> None:
    for name in ("Siemens Energy GmbH", "UNICEF", "Fundacja Pomocy", "ТОВ «Будсервіс»", "Acme Ltd"):
        assert looks_like_non_authority(name), name
    for name in ("Jena", "Gniezno County", "Šiauliai District Municipality", "San Sebastián"):
        assert not looks_like_non_authority(name), name


def test_anniversaries() -> None:
    assert next_anniversary(date(2026, 11, 22), date(2026, 11, 22)) == date(2027, 11, 22)
    assert next_anniversary(date(2023, 3, 15), date(2026, 11, 22)) == date(2027, 3, 15)
    assert next_anniversary(date(2024, 2, 29), date(2026, 11, 22)) == date(2027, 2, 28)


def test_packaged_legal_facts_are_complete() -> None:
    facts = load_legal_facts()
    assert facts.ministry_review_days == 30
    for lang in ("uk", "en"):
        for key in ("ministry", "consulted_ministries", "law", "register", "covered_partners"):
            assert facts.text(key, lang)
        assert facts.link_lines(lang)


async def test_operator_edited_legal_facts_are_shown(tmp_path: Path) -> None:
    raw = json.loads(PACKAGED.read_text(encoding="utf-8"))
    raw["ministry"] = {"uk": "Міністерство тестування", "en": "Ministry of Testing"}
    raw["ministry_review_days"] = 45
    edited = tmp_path / "facts.json"
    edited.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    bot = BotHarness(tmp_path)
    bot.settings = dataclasses.replace(bot.settings, legal_facts=edited)
    await bot.start()
    try:
        mayor = bot.user(261, "Ihor", "en")
        await bot.make_member(mayor, "Brovary")
        await new_partnership(bot, mayor, "Jena", "Jena, Germany")
        partnership = await bot.repos.partnerships.get(1)
        assert partnership is not None
        for step in ("areas", "partner", "draft"):
            await bot.repos.partnerships.save_step(
                1, step, {}, done=True, base_revision=0, actor_id=mayor.id
            )
        await bot.repos.partnerships.set_step(1, "ministry")
        await bot.send(mayor, "/twinning")
        await bot.press(mayor, "Jena, Germany")
        reply = await bot.press(mayor, "Continue")
        assert "Ministry of Testing" in reply.text and "within 45 days" in reply.text
        await bot.send(mayor, "/twinning")
        reply = await bot.press(mayor, "The law in brief")
        assert "approved by the Ministry of Testing, which answers within 45 days" in reply.text
        assert "https://zakon.rada.gov.ua/" in reply.text
    finally:
        await bot.stop()


def test_previous_field_follows_the_fields_that_apply() -> None:
    areas = step_by_code("areas")
    assert areas is not None
    assert areas.previous_field({}, "sectors") is None
    previous = areas.previous_field({}, "decision_number")
    assert previous is not None and previous.key == "decision_date"
