"""Setting and changing a reminder on the form engine: the phrase first, the text only when
the phrase had none, Edit from the summary, Cancel, and the same in a group chat."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.jobs.reminder_delivery import deliver_due
from tests.harness import BotHarness


async def member(bot: BotHarness, user_id: int, lang: str):  # type: ignore[no-untyped-def]
    user = bot.user(user_id, "Olena" if lang == "en" else "Ірина", lang)
    await bot.make_member(user, "Brovary")
    return user


async def test_in_a_group_a_time_alone_asks_for_the_text_as_a_reply(bot: BotHarness) -> None:
    official = await member(bot, 901, "en")
    group = bot.api.group(-5901, "Brovary – Jena", admins=(official,))
    await bot.deliver(bot.api.add_bot_to_group(official, group))
    reply = await bot.send(official, "/remind tomorrow at 10:00", chat=group)
    question = reply.to(group.id)[-1]
    assert "What should I remind about Monday, 23 November 2026 at 10:00?" in question.text
    assert question.force_reply and question.buttons == []
    reply = await bot.reply_to(official, "call with Jena", question)
    assert "Reminder: call with Jena" in reply.text
    assert reply.buttons == ["Confirm", "Edit", "Cancel"]
    await bot.press(official, "Confirm", chat=group)
    bot.clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    assert await deliver_due(bot.app) == 1
    assert "call with Jena" in bot.last(group.id).text


async def test_a_refused_phrase_in_a_group_is_asked_again_as_a_reply(bot: BotHarness) -> None:
    official = await member(bot, 902, "uk")
    group = bot.api.group(-5902, "Бровари – Єна", admins=(official,))
    await bot.deliver(bot.api.add_bot_to_group(official, group))
    reply = await bot.send(official, "/remind", chat=group)
    prompt = reply.to(group.id)[-1]
    assert prompt.force_reply and "щопонеділка о 10:00 нарада з Єною" in prompt.text
    reply = await bot.reply_to(official, "вчора о 9 звіт", prompt)
    assert "Цей час уже минув" in reply.text and reply.last.force_reply
    reply = await bot.reply_to(official, "завтра о 9 звіт", reply.last)
    assert "Нагадування: звіт" in reply.text


async def test_the_phrase_and_the_text_are_changed_from_the_summary(bot: BotHarness) -> None:
    official = await member(bot, 903, "en")
    await bot.send(official, "/remind tomorrow at 9:00 send the report")
    reply = await bot.press(official, "Edit")
    assert reply.buttons == ["When", "Reminder", "Back to summary"]
    reply = await bot.press(official, "When")
    assert "Now: Monday, 23 November 2026 at 09:00" in reply.text and "For example" in reply.text
    assert reply.buttons == ["Back to summary", "Cancel"]
    reply = await bot.send(official, "every Friday at 8:30")
    # A phrase without words of its own keeps the reminder's text.
    assert "Reminder: send the report" in reply.text
    assert "When: Friday, 27 November 2026 at 08:30" in reply.text
    assert "Repeats: every week on Fri at 08:30" in reply.text
    await bot.press(official, "Edit")
    reply = await bot.press(official, "Reminder")
    assert "What should I remind about Friday, 27 November 2026 at 08:30?" in reply.text
    assert "Now: send the report" in reply.text
    reply = await bot.send(official, " ")
    assert "The reminder needs some text" in reply.text
    reply = await bot.send(official, "send the weekly report")
    assert "Reminder: send the weekly report" in reply.text
    await bot.press(official, "Confirm")
    (saved,) = await bot.repos.reminders.for_owner(official.id)
    assert saved.text == "send the weekly report" and saved.recurrence is not None


async def test_a_saved_reminder_moved_to_another_time_keeps_its_text(bot: BotHarness) -> None:
    official = await member(bot, 904, "uk")
    await bot.send(official, "/remind завтра о 9:00 надіслати звіт")
    await bot.press(official, "Підтвердити")
    await bot.press(official, "Мої нагадування")
    await bot.press(official, "1. надіслати звіт")
    reply = await bot.press(official, "Змінити")
    assert (
        "Поточне значення: понеділок, 23 листопада 2026\u202fр. о 09:00 — надіслати звіт"
        in reply.text
    )
    reply = await bot.send(official, "післязавтра о 11:00")
    assert "Нагадування: надіслати звіт" in reply.text
    assert "Коли: вівторок, 24 листопада 2026\u202fр. о 11:00" in reply.text
    await bot.press(official, "Підтвердити")
    (saved,) = await bot.repos.reminders.for_owner(official.id)
    assert saved.text == "надіслати звіт"
    assert saved.due_at == datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


async def test_cancel_from_the_phrase_and_from_a_date_saves_nothing(bot: BotHarness) -> None:
    official = await member(bot, 905, "en")
    await bot.send(official, "/remind")
    reply = await bot.press(official, "Cancel")
    assert "Cancelled. Nothing was saved." in reply.text and reply.buttons == ["My reminders"]
    await bot.send(official, "/remind call the ministry")
    reply = await bot.press(official, "Pick a date")
    reply = await bot.send(official, "31.02 at 10:00")
    assert "There is no such date" in reply.text and "Type the date and time" in reply.text
    reply = await bot.press(official, "Cancel")
    assert "Cancelled. Nothing was saved." in reply.text
    # The flow has ended: a phrase now is not read as a reminder.
    reply = await bot.send(official, "tomorrow at 9 call the ministry")
    assert "Reminder:" not in reply.text
    assert await bot.repos.reminders.count_for_owner(official.id) == 0


async def test_a_restart_in_the_middle_resumes_the_reminder(bot: BotHarness) -> None:
    official = await member(bot, 906, "en")
    await bot.send(official, "/remind 12/05 send the report")
    await bot.restart()
    reply = await bot.press(official, "Saturday, 5 December 2026 at 09:00")
    assert "When: Saturday, 5 December 2026 at 09:00" in reply.text
    await bot.send(official, "/remind on Friday")
    await bot.restart()
    reply = await bot.send(official, "prepare the delegation programme")
    assert "Reminder: prepare the delegation programme" in reply.text
    await bot.restart()
    await bot.press(official, "Confirm")
    (saved,) = await bot.repos.reminders.for_owner(official.id)
    assert saved.text == "prepare the delegation programme"
