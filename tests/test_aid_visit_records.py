"""Saved visits: their card, edits and deletion with history, announcements in linked
groups in the group's language, and chart axis numbers grouped the reader's way."""

from __future__ import annotations

from bot.domain.aid.chart import axis_numbers
from tests.harness import BotHarness, SimChat
from tests.test_aid import brovary_with_partners
from tests.test_aid_visits import log_jena_visit


async def link_group(bot: BotHarness, official, lang: str) -> SimChat:  # type: ignore[no-untyped-def]
    brovary = await bot.repos.communities.get(1)
    assert brovary is not None
    jena = (await bot.repos.partnerships.for_community(brovary.id))[0]
    group = bot.api.group(-900, "Бровари — Jena", admins=(official,))
    await bot.deliver(bot.api.add_bot_to_group(official, group))
    await bot.repos.chats.set_language(group.id, lang)
    await bot.repos.partnerships.link_chat(jena.id, group.id, official.id)
    return group


async def test_visit_is_announced_edited_with_history_and_deleted_in_english(
    bot: BotHarness,
) -> None:
    official, coordinator, *_ = await brovary_with_partners(bot, "en")
    group = await link_group(bot, official, "uk")
    await log_jena_visit(bot, official)
    await bot.press(official, "Confirm")
    announcement = bot.last(group.id)
    assert "Новий візит" in announcement.text
    assert "Бровари приймає делегацію: Єна" in announcement.text

    await bot.send(official, "/aid")
    reply = await bot.press(official, "Timeline")
    assert "Visit №1" in reply.text
    reply = await bot.press(official, "Visit №1")
    assert "Brovary hosts a delegation from Jena" in reply.text and "6 people" in reply.text
    reply = await bot.press(official, "Edit")
    assert "Please check before saving" in reply.text
    await bot.press(official, "Edit")
    await bot.press(official, "Delegation")
    reply = await bot.send(official, "8")
    assert "Delegation: 8 people" in reply.text
    await bot.press(official, "Edit")
    await bot.press(official, "Dates")
    await bot.send(official, "11.12.2026-13.12.2026")
    reply = await bot.press(official, "Confirm")
    assert "Changes saved" in reply.text and "8 people" in reply.text
    assert "Візит змінено" in bot.last(group.id).text and "8 осіб" in bot.last(group.id).text
    reminders = {r.dedupe_key: r for r in await bot.repos.reminders.pending()}
    assert reminders["vi:1:before1"].due_at.day == 10

    reply = await bot.press(official, "History")
    assert "History of visit №1" in reply.text
    assert "Delegation: 6 → 8" in reply.text and "First day: 2026-12-10 → 2026-12-11" in reply.text
    await bot.press(official, "Back")
    reply = await bot.press(official, "Delete")
    assert "Delete visit №1?" in reply.text
    reply = await bot.press(official, "Delete")
    assert "Visit №1 deleted." in reply.text
    assert await bot.repos.reminders.pending() == []
    history = await bot.repos.visits.history(1)
    assert [h.action for h in history] == ["create", "edit", "delete"]
    reply = await bot.press(official, "Timeline")
    assert "Visit №1" not in reply.text
    # A deleted visit cannot be opened again, even by a forged button of the other side.
    await bot.send(coordinator, "/menu")
    update = bot.api.press_data(coordinator, "vi:r:1", bot.last(coordinator.id))
    await bot.api.wait_processed(update)
    answers = [a.get("text", "") for a in bot.api.callback_answers]
    assert "Visit №1 has been deleted." in answers[-1]


async def test_partner_edits_a_visit_from_its_own_side_in_ukrainian(bot: BotHarness) -> None:
    official, coordinator, *_ = await brovary_with_partners(bot, "uk")
    group = await link_group(bot, official, "en")
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Log visit")
    await bot.press(coordinator, "Outgoing (our delegation goes abroad)")
    await bot.press(coordinator, "Brovary")
    await bot.send(coordinator, "14.10.2024")
    await bot.send(coordinator, "4")
    await bot.send(coordinator, "Matthias Mieth")
    await bot.press(coordinator, "Next")
    await bot.press(coordinator, "Skip")
    await bot.press(coordinator, "Confirm")
    assert "Brovary hosts a delegation from Jena" in bot.last(group.id).text

    await bot.send(official, "/aid")
    await bot.press(official, "Хронологія")
    reply = await bot.press(official, "Візит №1")
    assert "Бровари приймає делегацію: Єна" in reply.text
    reply = await bot.press(official, "Змінити")
    assert "Візит: прийом делегації" in reply.text and "Партнер: Єна" in reply.text
    reply = await bot.press(official, "Змінити")
    assert "Партнер" not in reply.buttons
    await bot.press(official, "Вид візиту")
    await bot.press(official, "Онлайн-зустріч")
    reply = await bot.press(official, "Підтвердити")
    assert "Зміни збережено" in reply.text
    assert "Онлайн-зустріч: Єна і Бровари" in reply.text
    visit = await bot.repos.visits.get(1)
    assert visit is not None and visit.direction == "online" and visit.community_id != 1
    assert "Visit changed" in bot.last(group.id).text
    reply = await bot.press(official, "Історія")
    assert "Історія візиту №1" in reply.text and "змінено" in reply.text


def test_chart_axis_numbers_follow_the_locale(bot: BotHarness) -> None:
    assert bot.services is not None
    uk = axis_numbers(bot.services.i18n.get("uk"))
    en = axis_numbers(bot.services.i18n.get("en"))
    assert uk(3_900_000.0, 0) == "3\u00a0900\u00a0000"
    assert en(3_900_000.0, 0) == "3,900,000"
    assert en(2.5, 0) == "2.5" and uk(2.5, 0) == "2,5"
