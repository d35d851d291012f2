"""Setting, listing, editing and deleting reminders, as officials do it in the chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.jobs.reminder_delivery import deliver_due
from tests.harness import BotHarness


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def member(bot: BotHarness, user_id: int, lang: str, place: str = "Brovary"):  # type: ignore[no-untyped-def]
    user = bot.user(user_id, "Olena" if lang == "en" else "Ірина", lang)
    await bot.make_member(user, place)
    return user


def reminders_in(bot: BotHarness, chat_id: int, text: str) -> int:
    return sum(
        text in (m.text or "") and "⏰" in (m.text or "") for m in bot.api.bot_messages(chat_id)
    )


async def test_weekly_meeting_survives_restarts_and_comes_every_monday_once(
    bot: BotHarness,
) -> None:
    official = await member(bot, 401, "en")
    reply = await bot.send(official, "/remind every Monday at 10:00 meeting with Jena")
    assert "Reminder: meeting with Jena" in reply.text
    assert "Monday, 23 November 2026 at 10:00" in reply.text
    assert "every week on Mon at 10:00" in reply.text
    assert "Confirm" in reply.buttons and "Edit" in reply.buttons
    reply = await bot.press(official, "Confirm")
    assert "Saved" in reply.text
    await bot.restart()
    bot.clock.set(at("2026-11-23T07:59:00"))  # 09:59 in Kyiv
    assert await deliver_due(bot.app) == 0
    bot.clock.set(at("2026-11-23T08:00:00"))  # 10:00 in Kyiv
    assert await deliver_due(bot.app) == 1
    assert reminders_in(bot, official.id, "meeting with Jena") == 1
    await bot.restart()
    assert await deliver_due(bot.app) == 0
    bot.clock.set(at("2026-11-30T08:00:00"))
    await deliver_due(bot.app)
    assert reminders_in(bot, official.id, "meeting with Jena") == 2


async def test_list_view_and_delete(bot: BotHarness) -> None:
    official = await member(bot, 402, "en")
    await bot.send(official, "/menu")
    reply = await bot.press(official, "Reminders")
    assert "no reminders yet" in reply.text
    reply = await bot.press(official, "New reminder")
    assert "For example" in reply.text
    reply = await bot.send(official, "in 2 hours call Erlangen")
    assert "call Erlangen" in reply.text and "14:00" in reply.text
    await bot.press(official, "Confirm")
    reply = await bot.press(official, "My reminders")
    assert "1. Sunday, 22 November 2026 at 14:00 — call Erlangen" in reply.text
    reply = await bot.press(official, "1. call Erlangen")
    assert reply.buttons[:2] == ["Edit", "Delete"]
    await bot.press(official, "Delete")
    reply = await bot.press(official, "Yes, delete")
    assert "no reminders yet" in reply.text
    bot.clock.advance(timedelta(hours=3))
    assert await deliver_due(bot.app) == 0


async def test_edit_changes_text_and_time(bot: BotHarness) -> None:
    official = await member(bot, 403, "en")
    await bot.send(official, "/remind tomorrow at 9:00 send the report")
    await bot.press(official, "Confirm")
    await bot.press(official, "My reminders")
    await bot.press(official, "1. send the report")
    reply = await bot.press(official, "Edit")
    assert "Now:" in reply.text
    reply = await bot.send(official, "tomorrow at 11:30 send the signed report")
    await bot.press(official, "Confirm")
    reply = await bot.press(official, "My reminders")
    assert "11:30 — send the signed report" in reply.text
    assert "send the report" not in reply.text.replace("send the signed report", "")


async def test_not_understood_offers_quick_times(bot: BotHarness) -> None:
    official = await member(bot, 404, "en")
    reply = await bot.send(official, "/remind call the ministry")
    assert "did not understand when" in reply.text
    assert reply.buttons[:4] == ["In 1 hour", "Tomorrow 9:00", "Next Monday 9:00", "Pick a date"]
    reply = await bot.press(official, "Tomorrow 9:00")
    assert "Reminder: call the ministry" in reply.text
    assert "Monday, 23 November 2026 at 09:00" in reply.text
    await bot.press(official, "Confirm")
    bot.clock.set(at("2026-11-23T07:00:00"))
    assert await deliver_due(bot.app) == 1


async def test_time_only_then_asked_what(bot: BotHarness) -> None:
    official = await member(bot, 405, "en")
    reply = await bot.send(official, "/remind next Friday 9am")
    assert "What should I remind about Friday, 27 November 2026 at 09:00" in reply.text
    reply = await bot.send(official, "prepare the delegation programme")
    assert "Reminder: prepare the delegation programme" in reply.text


async def test_refused_phrases_get_a_reason(bot: BotHarness) -> None:
    official = await member(bot, 406, "en")
    reply = await bot.send(official, "/remind yesterday at 9 report")
    assert "already passed" in reply.text
    reply = await bot.send(official, "32.13 at 10:00 something")
    assert "no such date" in reply.text
    reply = await bot.send(official, "tomorrow at 25:00 something")
    assert "no such time" in reply.text


async def test_confirm_pressed_twice_saves_once(bot: BotHarness) -> None:
    official = await member(bot, 407, "en")
    reply = await bot.send(official, "/remind tomorrow at 9:00 call Kekava")
    screen = reply.last
    (confirm,) = [b["callback_data"] for b in screen.buttons if b["text"] == "Confirm"]
    await bot.press(official, "Confirm", message=screen)
    await bot.api.wait_processed(bot.api.press_data(official, confirm, screen))
    assert await bot.repos.reminders.count_for_owner(official.id) == 1


async def test_outsider_is_refused(bot: BotHarness) -> None:
    stranger = bot.user(408, "Max", "en")
    reply = await bot.send(stranger, "/remind tomorrow at 9:00 call")
    assert "approved to act for a community" in reply.text


async def test_group_reminder_goes_to_the_group(bot: BotHarness) -> None:
    official = await member(bot, 409, "en")
    group = bot.api.group(-5001, "Brovary – Jena", admins=(official,))
    await bot.deliver(bot.api.add_bot_to_group(official, group))
    reply = await bot.send(official, "/remind", chat=group)
    prompt = reply.to(group.id)[-1]
    assert prompt.force_reply
    reply = await bot.reply_to(official, "tomorrow at 10:00 call with Jena", prompt)
    assert "Reminder: call with Jena" in reply.text
    await bot.press(official, "Confirm", chat=group)
    bot.clock.set(at("2026-11-23T08:00:00"))
    assert await deliver_due(bot.app) == 1
    assert reminders_in(bot, group.id, "call with Jena") == 1
    assert reminders_in(bot, official.id, "call with Jena") == 0


async def test_partnership_reminder_goes_to_linked_group(bot: BotHarness) -> None:
    official = await member(bot, 410, "en")
    brovary = await bot.repos.communities.get((await bot.repos.users.get(410)).current_community_id)
    jena = await bot.repos.communities.create(
        kind="foreign", name="Jena", name_uk="Єна", country_code="DE", region_code=None,
        population=110000, place_key=None, unit_kind="settlement",
    )  # fmt: skip
    partnership = await bot.repos.partnerships.create(brovary.id, jena.id, official.id)
    group = bot.api.group(-5002, "Brovary – Jena", admins=(official,))
    await bot.deliver(bot.api.add_bot_to_group(official, group))
    await bot.repos.partnerships.link_chat(partnership.id, group.id, official.id)
    await bot.send(official, "/remind tomorrow at 10:00 joint report")
    await bot.press(official, "Who gets it")
    reply = await bot.press(official, "Partnership group: Jena")
    assert "Goes to: the group of the partnership with Jena" in reply.text
    await bot.press(official, "Confirm")
    bot.clock.set(at("2026-11-23T08:00:00"))
    await deliver_due(bot.app)
    assert reminders_in(bot, group.id, "joint report") == 1
    assert reminders_in(bot, official.id, "joint report") == 0


async def test_ukrainian_official_weekly_meeting_across_restart_and_dst(bot: BotHarness) -> None:
    official = await member(bot, 420, "uk")
    await bot.send(official, "/menu")
    await bot.press(official, "Нагадування")
    reply = await bot.press(official, "Нове нагадування")
    assert "щопонеділка о 10:00 нарада з Єною" in reply.text
    reply = await bot.send(official, "щопонеділка о 10:00 нарада з Єною")
    assert "Нагадування: нарада з Єною" in reply.text
    assert "Коли: понеділок, 23 листопада 2026\u202fр. о 10:00" in reply.text
    assert "Повторюється: щотижня: пн о 10:00" in reply.text
    assert "Часовий пояс: Europe/Kyiv" in reply.text
    assert reply.buttons[:2] == ["Підтвердити", "Змінити"]
    reply = await bot.press(official, "Підтвердити")
    saved = "Збережено. Нагадування надійде: понеділок, 23 листопада 2026\u202fр. о 10:00."
    assert saved in reply.text
    await bot.restart()
    bot.clock.set(at("2026-11-23T08:00:00"))  # 10:00 in Kyiv, winter time
    await deliver_due(bot.app)
    message = bot.last(official.id)
    assert message.text.startswith("⏰ Нагадування: нарада з Єною")
    assert message.button_labels == [
        "Через 15 хв", "Через годину", "Завтра зранку", "Готово", "Вимкнути",
    ]  # fmt: skip
    await bot.restart()
    await deliver_due(bot.app)
    assert reminders_in(bot, official.id, "нарада з Єною") == 1
    # Across the spring change to summer time, still 10:00 in Kyiv (07:00 UTC).
    bot.clock.set(at("2027-03-22T08:00:00"))
    await deliver_due(bot.app)  # once, late, for the weeks the clock jumped over
    bot.clock.set(at("2027-03-29T06:59:00"))
    assert await deliver_due(bot.app) == 0
    bot.clock.set(at("2027-03-29T07:00:00"))
    assert await deliver_due(bot.app) == 1
    assert reminders_in(bot, official.id, "нарада з Єною") == 3


async def test_ukrainian_refusal_and_quick_buttons(bot: BotHarness) -> None:
    official = await member(bot, 421, "uk")
    reply = await bot.send(official, "/remind зателефонувати в Єну")
    assert "Не вдалося визначити час нагадування" in reply.text
    assert reply.buttons[:4] == [
        "Через годину",
        "Завтра о 9:00",
        "У понеділок о 9:00",
        "Вибрати дату",
    ]
    reply = await bot.press(official, "Вибрати дату")
    reply = await bot.send(official, "15.03 о 14:00")
    assert "Коли: понеділок, 15 березня 2027\u202fр. о 14:00" in reply.text
    reply = await bot.send(official, "/remind вчора о 9 звіт")
    assert "Цей час уже минув" in reply.text
