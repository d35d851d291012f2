"""The confirmation says what was understood and what was filled in; a phrase with a part
that looks like a time but was not understood is never saved as it stands."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.jobs.reminder_delivery import deliver_due
from tests.harness import START, BotHarness


async def member(bot: BotHarness, user_id: int, lang: str):  # type: ignore[no-untyped-def]
    user = bot.user(user_id, "Olena" if lang == "en" else "Ірина", lang)
    await bot.make_member(user, "Brovary")
    return user


async def test_confirmation_states_once_the_full_date_and_the_hour_it_chose(
    bot: BotHarness,
) -> None:
    official = await member(bot, 601, "en")
    reply = await bot.send(official, "/remind tomorrow morning call the bank")
    assert "Reminder: call the bank" in reply.text
    assert "When: Monday, 23 November 2026 at 09:00" in reply.text
    assert "Repeats: no, once only" in reply.text
    assert "“tomorrow morning” is read as 09:00." in reply.text
    reply = await bot.send(official, "/remind on Friday send the draft")
    assert "No time of day was given, so it is set for 09:00." in reply.text
    reply = await bot.send(official, "/remind at 3 call the office")
    assert "When: Sunday, 22 November 2026 at 15:00" in reply.text
    assert "“at 3” is read as 15:00; for the night, write 03:00." in reply.text


async def test_ukrainian_confirmation_of_a_repetition_and_a_word_clock(bot: BotHarness) -> None:
    official = await member(bot, 602, "uk")
    reply = await bot.send(official, "/remind кожні два тижні у середу о пів на третю нарада")
    assert "Нагадування: нарада" in reply.text
    assert "Коли: середа, 25 листопада 2026\u202fр. о 14:30" in reply.text
    assert "Повторюється: кожні 2 тижні: ср о 14:30" in reply.text
    assert "«о пів на третю» означає 14:30" in reply.text
    reply = await bot.send(official, "/remind завтра о 9 подзвонити в ОДА")
    assert "Повторюється: ні, одноразово" in reply.text


async def test_a_part_not_understood_is_named_and_nothing_is_saved(bot: BotHarness) -> None:
    official = await member(bot, 603, "en")
    reply = await bot.send(official, "/remind tomorrow at half past call Jena")
    assert "I did not understand this part: “at half past”." in reply.text
    assert "What I understood: Monday, 23 November 2026 at 09:00" in reply.text
    assert "Reminder: call Jena" in reply.text
    assert "Confirm" not in reply.buttons
    assert {"Change", "In 1 hour", "Tomorrow 9:00", "Pick a date", "Cancel"} <= set(reply.buttons)
    assert await bot.repos.reminders.count_for_owner(official.id) == 0
    reply = await bot.press(official, "Change")
    assert "For example" in reply.text
    reply = await bot.send(official, "tomorrow at half past two call Jena")
    assert "When: Monday, 23 November 2026 at 14:30" in reply.text
    assert "Reminder: call Jena" in reply.text


async def test_quick_button_after_an_unsure_phrase_keeps_only_the_text(bot: BotHarness) -> None:
    official = await member(bot, 604, "uk")
    reply = await bot.send(official, "/remind завтра о пів на нарада з Єною")
    assert "Я не зрозумів цю частину: «о пів на»." in reply.text
    reply = await bot.press(official, "Завтра о 9:00")
    assert "Нагадування: нарада з Єною" in reply.text
    assert "пів" not in reply.text.split("\n")[0]
    await bot.press(official, "Підтвердити")
    assert await bot.repos.reminders.count_for_owner(official.id) == 1


async def test_a_date_that_reads_two_ways_is_asked(bot: BotHarness) -> None:
    official = await member(bot, 605, "en")
    reply = await bot.send(official, "/remind 12/05 send the report")
    assert "“12/05” can be read in more than one way" in reply.text
    assert "Saturday, 5 December 2026 at 09:00" in reply.buttons
    assert "Wednesday, 12 May 2027 at 09:00" in reply.buttons
    reply = await bot.press(official, "Saturday, 5 December 2026 at 09:00")
    assert "When: Saturday, 5 December 2026 at 09:00" in reply.text
    assert "Reminder: send the report" in reply.text


async def test_in_one_minute_arrives_sixty_seconds_later_not_earlier(bot: BotHarness) -> None:
    official = await member(bot, 606, "uk")
    asked = START + timedelta(seconds=25)
    bot.clock.set(asked)
    await bot.send(official, "/remind через 1 хвилину кава")
    await bot.press(official, "Підтвердити")
    bot.clock.set(asked + timedelta(seconds=59))
    assert await deliver_due(bot.app) == 0
    bot.clock.set(asked + timedelta(seconds=60))
    assert await deliver_due(bot.app) == 1
    assert "кава" in bot.last(official.id).text


async def test_absolute_times_fire_at_the_full_minute(bot: BotHarness) -> None:
    official = await member(bot, 607, "en")
    bot.clock.set(START + timedelta(seconds=41))
    await bot.send(official, "/remind at 12:05 stretch")
    await bot.press(official, "Confirm")
    (saved,) = await bot.repos.reminders.for_owner(official.id)
    assert saved.due_at == datetime(2026, 11, 22, 10, 5, tzinfo=UTC)


async def test_relative_reminder_confirmed_late_counts_from_the_confirmation(
    bot: BotHarness,
) -> None:
    official = await member(bot, 608, "en")
    await bot.send(official, "/remind in 1 minute check the oven")
    bot.clock.advance(timedelta(minutes=3))
    reply = await bot.press(official, "Confirm")
    assert "Saved" in reply.text
    (saved,) = await bot.repos.reminders.for_owner(official.id)
    assert saved.due_at == bot.clock.now() + timedelta(minutes=1)


async def test_a_german_word_clock_every_other_monday(bot: BotHarness) -> None:
    anna = bot.user(609, "Anna", "de")
    await bot.make_member(anna, "Jena")
    reply = await bot.send(anna, "/remind jeden zweiten Montag um halb zehn Abstimmung mit Brovary")
    assert "Erinnerung: Abstimmung mit Brovary" in reply.text
    assert "Wann: Montag, 23. November 2026 um 09:30" in reply.text
    await bot.press(anna, "Bestätigen")
    (saved,) = await bot.repos.reminders.for_owner(anna.id)
    assert saved.recurrence == {
        "freq": "weekly",
        "weekdays": [0],
        "interval": 2,
        "anchor": "2026-11-23",
    }


async def test_a_polish_sunday_typed_without_its_tail_is_asked(bot: BotHarness) -> None:
    jan = bot.user(610, "Jan", "pl")
    await bot.make_member(jan, "Gniezno County")
    # `niedziele` is "Sundays", and "Sunday" typed without its ę.
    reply = await bot.send(jan, "/remind w niedziele o 12 koncert")
    assert "w niedziele" in reply.text
    assert "Potwierdź" not in reply.buttons
    assert await bot.repos.reminders.count_for_owner(jan.id) == 0
    await bot.press(jan, "Zmień")
    reply = await bot.send(jan, "w niedzielę o 12 koncert")
    assert "Przypomnienie: koncert" in reply.text
    assert "Kiedy: niedziela, 29 listopada 2026, godz. 12:00" in reply.text
