"""A partnership followed by a group chat of both sides' staff."""

from __future__ import annotations

from tests.harness import BotHarness
from tests.test_twinning_walk import fill_areas, new_partnership


async def test_linked_group_follows_the_partnership(bot: BotHarness) -> None:
    mayor = bot.user(231, "Ihor", "en")
    anna = bot.user(232, "Anna", "de")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    group = bot.api.group(-1001, "Brovary and Jena", admins=(mayor,))
    await bot.deliver(bot.api.add_bot_to_group(mayor, group))

    reply = await bot.send(anna, "/status", chat=group)
    assert "not linked to a partnership yet" in reply.text
    reply = await bot.press(anna, "Link this group", chat=group)
    assert any("approved by an operator" in a.get("text", "") for a in bot.api.callback_answers)
    await bot.press(mayor, "Link this group", chat=group)
    reply = await bot.press(mayor, "Brovary — Jena, Germany", chat=group)
    assert "This group now follows the partnership" in reply.text
    assert await bot.repos.partnerships.linked_chats(1) == [group.id]

    # A step done in private is posted in the group.
    reply = await fill_areas(bot, mayor)
    posted = reply.to(group.id)
    assert len(posted) == 1
    assert "Brovary — Jena, Germany" in posted[0].text
    assert "Step 1. Areas of cooperation and the community's initiative is done." in posted[0].text
    assert "Next: 2. Partner found and contact opened" in posted[0].text

    # Everyone in the group sees the card.
    reply = await bot.send(anna, "/status", chat=group)
    assert "Next: 2. Partner found and contact opened" in reply.text
    assert len(reply.messages[0].body.splitlines()) <= 12
    reply = await bot.press(anna, "Full card", chat=group)
    assert "✅ 1. Areas of cooperation and the community's initiative" in reply.text
    reply = await bot.press(anna, "Back", chat=group)
    assert reply.last.edits == 2 and "Steps done: 1 of 7" in reply.text

    # The group switches to Ukrainian: posts follow its language.
    await bot.repos.chats.set_language(group.id, "uk")
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Visit")
    await bot.send(mayor, "05.11.2026")
    await bot.press(mayor, "Skip")
    reply = await bot.press(mayor, "Confirm")
    assert (
        "Крок «2. Партнера знайдено, контакт встановлено» виконано." in reply.to(group.id)[0].text
    )

    # The group becomes a supergroup and keeps its link.
    await bot.deliver(bot.api.migrate_group(mayor, group, -100777))
    assert await bot.repos.partnerships.linked_chats(1) == [-100777]
    supergroup = bot.api.chats[-100777]
    await bot.send(anna, "/status", chat=supergroup)
    reply = await bot.press(anna, "Повна картка", chat=supergroup)
    assert "✅ 2." in reply.text, reply.text

    # Unlinking: not by a mere member of the group, then by the admin.
    reply = await bot.press(anna, "Відв’язати: Бровари", chat=supergroup)
    assert await bot.repos.partnerships.linked_chats(1) == [-100777]
    reply = await bot.press(mayor, "Відв’язати: Бровари", chat=supergroup)
    assert "Ця група більше не стежить за партнерством." in reply.text
    assert await bot.repos.partnerships.linked_chats(1) == []


async def test_community_admin_who_is_not_group_admin_cannot_link(bot: BotHarness) -> None:
    mayor = bot.user(233, "Ihor", "en")
    owner = bot.user(234, "Petra", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    group = bot.api.group(-1002, "Jena friends", admins=(owner,))
    await bot.deliver(bot.api.add_bot_to_group(owner, group))
    await bot.send(mayor, "/status", chat=group)
    await bot.press(mayor, "Link this group", chat=group)
    answers = [a.get("text", "") for a in bot.api.callback_answers]
    assert "Only an admin of this group can do this." in answers
    assert await bot.repos.partnerships.linked_chats(1) == []


async def test_unlink_from_the_private_card(bot: BotHarness) -> None:
    mayor = bot.user(235, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    group = bot.api.group(-1003, "Partners", admins=(mayor,))
    await bot.deliver(bot.api.add_bot_to_group(mayor, group))
    await bot.send(mayor, "/status", chat=group)
    await bot.press(mayor, "Link this group", chat=group)
    await bot.press(mayor, "Brovary — Jena, Germany", chat=group)
    await bot.send(mayor, "/twinning")
    await bot.press(mayor, "Jena, Germany")
    reply = await bot.press(mayor, "Group chats")
    assert "Unlink: Partners" in reply.buttons
    reply = await bot.press(mayor, "Unlink: Partners")
    assert "No group is linked yet." in reply.text
    assert "no longer follows" in bot.last(group.id).text
