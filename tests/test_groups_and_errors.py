"""Group chats, failures and blocked users."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from bot.context import BotContext
from tests.harness import OPERATOR_ID, BotHarness


async def test_group_admin_sets_group_language_and_others_cannot(bot: BotHarness) -> None:
    admin = bot.user(200, "Anna", "en")
    guest = bot.user(201, "Jonas", "en")
    group = bot.api.group(-600, "Brovary — Jena", admins=(admin,))
    await bot.deliver(bot.api.add_bot_to_group(admin, group))
    reply = await bot.send(guest, "/settings", chat=group)
    assert "Only an admin of this group" in reply.text
    await bot.send(admin, "/settings", chat=group)
    await bot.press(admin, "Language", chat=group)
    reply = await bot.press(admin, "Українська", chat=group)
    assert "Мова: Українська" in reply.text
    chat = await bot.repos.chats.get(group.id)
    assert chat is not None and chat.language == "uk"


async def test_an_admin_no_longer_an_admin_when_pressing_changes_nothing(bot: BotHarness) -> None:
    admin = bot.user(205, "Anna", "en")
    group = bot.api.group(-602, "Brovary — Jena", admins=(admin,))
    await bot.deliver(bot.api.add_bot_to_group(admin, group))
    await bot.send(admin, "/settings", chat=group)
    languages = (await bot.press(admin, "Language", chat=group)).last
    # The group's owner takes the admin rights away while the screen is open.
    bot.api.chat_admins[group.id].discard(admin.id)
    await bot.press(admin, "Українська", chat=group, message=languages)
    refusal = {"text": "Only an admin of this group can do this.", "show_alert": True}
    assert any(refusal.items() <= a.items() for a in bot.api.callback_answers)
    chat = await bot.repos.chats.get(group.id)
    assert chat is not None and chat.language == "en"

    # Made admin again, they open the time zones; demoted, a zone typed is refused too.
    bot.api.chat_admins[group.id].add(admin.id)
    await bot.send(admin, "/settings", chat=group)
    await bot.press(admin, "Time zone", chat=group)
    bot.api.chat_admins[group.id].discard(admin.id)
    reply = await bot.send(admin, "Europe/Berlin", chat=group)
    assert "Only an admin of this group" in reply.text
    await bot.press(admin, "Europe/Riga", chat=group)
    chat = await bot.repos.chats.get(group.id)
    assert chat is not None and chat.tz == "Europe/Kyiv"


async def test_group_that_becomes_a_supergroup_keeps_its_settings(bot: BotHarness) -> None:
    admin = bot.user(202, "Ольга", "uk")
    group = bot.api.group(-601, "Кекава — Бровари", admins=(admin,))
    await bot.deliver(bot.api.add_bot_to_group(admin, group))
    await bot.repos.chats.set_tz(group.id, "Europe/Riga")
    await bot.deliver(bot.api.migrate_group(admin, group, -1001234))
    moved = await bot.repos.chats.get(-1001234)
    assert moved is not None and moved.tz == "Europe/Riga" and moved.language == "uk"
    reply = await bot.send(admin, "/help", chat=bot.api.chats[-1001234])
    assert "/menu" in reply.text


async def test_a_failure_is_apologised_for_and_reported_to_the_operator(bot: BotHarness) -> None:
    bot.operator()
    user = bot.user(203, "Марта", "uk")

    async def broken(update: Update, context: BotContext) -> None:
        raise RuntimeError("disk on fire")

    assert bot.app is not None
    bot.app.add_handler(CommandHandler("broken", broken), group=5)
    reply = await bot.send(user, "/broken")
    assert any("сталася помилка" in m.text.lower() for m in reply.to(user.id)), reply.text
    report = reply.to(OPERATOR_ID)[0].text
    assert "RuntimeError" in report and "disk on fire" in report
    # The bot still works afterwards.
    assert "Виберіть мову" in (await bot.send(user, "/start")).text


async def test_a_user_who_blocked_the_bot_is_marked_inactive(bot: BotHarness) -> None:
    operator = bot.operator()
    user = bot.user(204, "Ivan", "en")
    await bot.send(user, "/start")
    await bot.press(user, "English")
    await bot.press(user, "Official of a Ukrainian community")
    await bot.send(user, "Brovary")
    await bot.press(user, bot.last(user.id).button_labels[0])
    await bot.press(user, "Confirm")
    bot.api.blocked.add(user.id)
    await bot.press(operator, "Approve")
    # The decision is kept even though the user could not be told.
    membership = (await bot.repos.memberships.for_user(user.id))[0]
    assert membership.approved
    account = await bot.repos.users.get(user.id)
    assert account is not None and not account.active
    # Writing again makes them active, and the menu shows the approved community.
    bot.api.blocked.discard(user.id)
    reply = await bot.send(user, "/menu")
    assert "Main menu — Brovary" in reply.text
    account = await bot.repos.users.get(user.id)
    assert account is not None and account.active
