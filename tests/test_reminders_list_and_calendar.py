"""The guide's and the visit log's own reminders in the reminders list, and calendar files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from bot.domain.twinning.deadlines import KIND_ANNIVERSARY
from storage.reminders import NewReminder
from storage.visits import NewVisit
from tests.harness import BotHarness


async def setup(bot: BotHarness, user_id: int, lang: str):  # type: ignore[no-untyped-def]
    user = bot.user(user_id, "Olena" if lang == "en" else "Ірина", lang)
    brovary = await bot.make_member(user, "Brovary")
    jena = await bot.repos.communities.create(
        kind="foreign", name="Jena", name_uk="Єна", country_code="DE", region_code=None,
        population=110000, place_key=None, unit_kind="settlement",
    )  # fmt: skip
    partnership = await bot.repos.partnerships.create(brovary.id, jena.id, user.id)
    visit, _ = await bot.repos.visits.create(
        NewVisit(
            community_id=brovary.id, partner_id=jena.id, partnership_id=partnership.id,
            direction="incoming", start_date="2026-12-03", end_date="2026-12-05",
            created_by=user.id,
        )
    )  # fmt: skip
    await bot.repos.reminders.schedule(
        NewReminder(
            chat_id=user.id, kind="visit.before7", owner_id=user.id, community_id=brovary.id,
            partnership_id=partnership.id, payload={"visit_id": visit.id}, tz="Europe/Kyiv",
            due_at=datetime(2026, 11, 26, 7, 0, tzinfo=UTC), automatic=True,
            dedupe_key=f"vi:{visit.id}:before7",
        )
    )  # fmt: skip
    await bot.repos.reminders.schedule(
        NewReminder(
            chat_id=user.id, kind=KIND_ANNIVERSARY, community_id=brovary.id,
            partnership_id=partnership.id, payload={"basis": "2025-12-10"}, tz="Europe/Kyiv",
            local_time="09:00", due_at=datetime(2026, 12, 10, 7, 0, tzinfo=UTC),
            recurrence={"freq": "yearly", "month": 12, "day": 10}, automatic=True,
            dedupe_key=f"tw:{partnership.id}:anniversary:{user.id}",
        )
    )  # fmt: skip
    return user, partnership


def events(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


async def test_automatic_reminders_are_listed_with_their_origin(bot: BotHarness) -> None:
    user, _ = await setup(bot, 701, "en")
    await bot.send(user, "/remind tomorrow at 9 call Jena")
    await bot.press(user, "Confirm")
    reply = await bot.press(user, "My reminders")
    lines = reply.text.split("\n")
    assert lines[1] == "1. Monday, 23 November 2026 at 09:00 — call Jena"
    assert lines[2].startswith("2. Thursday, 26 November 2026 at 09:00 — incoming visit with Jena")
    assert lines[2].endswith("(from the visit log)")
    assert "3. Thursday, 10 December 2026 at 09:00 — signing anniversary: " in lines[3]
    assert "(from the twinning guide)" in lines[3]


async def test_an_automatic_reminder_is_snoozed_and_turned_off_from_the_list(
    bot: BotHarness,
) -> None:
    user, _ = await setup(bot, 702, "en")
    await bot.send(user, "/menu")
    reply = await bot.press(user, "Reminders")
    (label,) = [b for b in reply.buttons if b.startswith("1. incoming visit with Jena")]
    reply = await bot.press(user, label)
    assert reply.buttons[:3] == ["Snooze a day", "Snooze a week", "Turn off"]
    reply = await bot.press(user, "Snooze a day")
    assert "Friday, 27 November 2026 at 09:00" in reply.text
    bot.clock.set(datetime(2026, 11, 26, 7, 0, tzinfo=UTC))
    from bot.jobs.reminder_delivery import deliver_due

    assert await deliver_due(bot.app) == 0
    reply = await bot.press(user, "Turn off")
    assert "incoming visit" not in reply.text
    bot.clock.advance(timedelta(days=2))
    assert await deliver_due(bot.app) == 0


async def test_ukrainian_list_marks_the_guide(bot: BotHarness) -> None:
    user, _ = await setup(bot, 703, "uk")
    await bot.send(user, "/menu")
    reply = await bot.press(user, "Нагадування")
    assert "(з журналу візитів)" in reply.text
    assert "(з путівника із побратимства)" in reply.text


async def test_a_reminder_as_a_calendar_file_with_its_rule_and_alarm(bot: BotHarness) -> None:
    user = bot.user(704, "Olena", "en")
    await bot.make_member(user, "Brovary")
    await bot.send(user, "/remind every other week on Monday at 10:00 sync with Jena")
    await bot.press(user, "Confirm")
    await bot.press(user, "My reminders")
    await bot.press(user, "1. sync with Jena")
    reply = await bot.press(user, "Add to calendar (.ics)")
    sent = [m for m in reply.messages if m.document]
    assert sent and sent[0].document["file_name"] == "reminder.ics"
    (event,) = events(bot.api.files[sent[0].document["file_id"]])
    assert str(event["summary"]) == "sync with Jena"
    assert event["dtstart"].dt == datetime(2026, 11, 23, 10, 0).replace(
        tzinfo=event["dtstart"].dt.tzinfo
    )
    assert str(event["dtstart"].dt.tzinfo) == "Europe/Kyiv"
    rule = event["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [2] and rule["BYDAY"] == ["MO"]
    (alarm,) = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY" and alarm["trigger"].dt == timedelta(0)


async def test_the_last_day_of_the_month_survives_the_trip_to_a_calendar(bot: BotHarness) -> None:
    user = bot.user(705, "Ірина", "uk")
    await bot.make_member(user, "Brovary")
    await bot.send(user, "/remind в кінці кожного місяця звіт до 31 березня")
    await bot.press(user, "Підтвердити")
    await bot.press(user, "Мої нагадування")
    await bot.press(user, "1. звіт")
    reply = await bot.press(user, "Додати до календаря (.ics)")
    (event,) = events(bot.api.files[reply.last.document["file_id"]])
    rule = event["rrule"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYMONTHDAY"] == [-1]
    # The end of 31 March in Kyiv, already on summer time (UTC+3).
    assert rule["UNTIL"][0] == datetime(2027, 3, 31, 20, 59, 59, tzinfo=UTC)


async def test_a_partnership_calendar_holds_its_deadlines_and_visits(bot: BotHarness) -> None:
    user, partnership = await setup(bot, 706, "en")
    await bot.send(user, "/twinning")
    await bot.api.wait_processed(
        bot.api.press_data(user, f"rm:icsp:{partnership.id}", bot.last(user.id))
    )
    sent = [m for m in bot.api.bot_messages(user.id) if m.document]
    assert sent[-1].document["file_name"] == f"partnership-{partnership.id}.ics"
    found = {str(e["summary"]): e for e in events(bot.api.files[sent[-1].document["file_id"]])}
    visit = found["incoming visit with Jena"]
    assert visit["dtstart"].dt == date(2026, 12, 3) and visit["dtend"].dt == date(2026, 12, 6)
    assert visit.walk("VALARM")
    (anniversary,) = [e for title, e in found.items() if title.startswith("signing anniversary")]
    assert anniversary["rrule"]["FREQ"] == ["YEARLY"]
    assert anniversary["rrule"]["BYMONTH"] == [12] and anniversary["rrule"]["BYMONTHDAY"] == [10]


async def test_an_outsider_gets_no_partnership_calendar(bot: BotHarness) -> None:
    _user, partnership = await setup(bot, 707, "en")
    stranger = bot.user(708, "Max", "en")
    await bot.make_member(stranger, "Lviv")
    await bot.send(stranger, "/menu")
    await bot.api.wait_processed(
        bot.api.press_data(stranger, f"rm:icsp:{partnership.id}", bot.last(stranger.id))
    )
    assert not any(m.document for m in bot.api.bot_messages(stranger.id))
