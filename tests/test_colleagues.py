"""An admin sees who acts for the community and removes a colleague who left the office: the
colleague is told, loses the community's records at once, and their links stop working."""

from __future__ import annotations

import pytest

from bot.i18n import I18n
from handlers.account.buttons import RemoveColleague
from tests.harness import BotHarness


@pytest.mark.parametrize("lang", ["en", "uk", "de"])
async def test_an_admin_removes_a_colleague(bot: BotHarness, lang: str) -> None:
    t = I18n().get(lang)
    admin = bot.user(3101, "Iryna", lang)
    brovary = await bot.make_member(admin, "Brovary")
    await bot.send(admin, "/menu")
    reply = await bot.press(admin, t._("Invite a colleague"))
    token = reply.text.split("start=", 1)[1].split()[0]
    colleague = bot.user(3102, "Taras", lang)
    await bot.send(colleague, f"/start {token}")
    reply = await bot.send(colleague, "/menu")
    assert t._("Aid and visits") in reply.buttons
    reply = await bot.press(colleague, t._("Aid and visits"))
    old_screen = reply.buttons
    reply = await bot.send(colleague, "/menu")
    assert t._("Colleagues") not in reply.buttons  # members do not manage members

    reply = await bot.send(admin, "/menu")
    reply = await bot.press(admin, t._("Colleagues"))
    community = brovary.title(lang)
    assert t._("People who act for {community}:", community=community) in reply.text
    assert t._("{n}. {name}, {role} (you)", n=1, name="Iryna", role=t._("admin")) in reply.text
    assert t._("{n}. {name}, {role}", n=2, name="Taras", role=t._("member")) in reply.text
    assert t._("Remove {n}", n=1) not in reply.buttons  # nobody removes themselves here
    reply = await bot.press(admin, t._("Remove {n}", n=2))
    assert "Taras" in reply.text and community in reply.text
    # Back changes nothing.
    reply = await bot.press(admin, t._("Back"))
    assert t._("Remove {n}", n=2) in reply.buttons
    await bot.press(admin, t._("Remove {n}", n=2))
    reply = await bot.press(admin, t._("Remove"))
    assert "Taras" not in reply.text
    told = bot.last(colleague.id)
    assert community in told.text and "/support" in told.text
    assert await bot.repos.memberships.for_user(colleague.id) == []

    # The colleague's menu no longer offers the community's features, and an old screen's
    # buttons are refused.
    reply = await bot.send(colleague, "/menu")
    assert t._("Aid and visits") not in reply.buttons
    before = len(bot.api.callback_answers)
    await bot.press(colleague, old_screen[0])
    assert len(bot.api.callback_answers) > before


async def test_a_double_press_and_another_communitys_admin_change_nothing(
    bot: BotHarness,
) -> None:
    t = I18n().get("en")
    admin = bot.user(3111, "Oksana", "en")
    brovary = await bot.make_member(admin, "Brovary")
    colleague = bot.user(3112, "Petro", "en")
    await bot.make_member(colleague, "Brovary", role="member")
    stranger = bot.user(3113, "Hans", "en")
    await bot.make_member(stranger, "Jena")
    membership = await bot.repos.memberships.of(colleague.id, brovary.id)
    assert membership is not None

    # Another community's admin, with a forged button, is refused and changes nothing.
    await bot.send(stranger, "/menu")
    forged = RemoveColleague(membership.id, sure=True).data()
    await bot.deliver(bot.api.press_data(stranger, forged, bot.last(stranger.id)))
    still = await bot.repos.memberships.of(colleague.id, brovary.id)
    assert still is not None and still.approved
    assert all("Petro" not in (m.text or "") for m in bot.api.bot_messages(stranger.id))

    # The admin confirms on an old confirmation twice: the second press only says so.
    await bot.send(admin, "/menu")
    await bot.press(admin, t._("Colleagues"))
    confirm = await bot.press(admin, t._("Remove {n}", n=2))
    assert "Petro" in confirm.text
    _message, button = bot.api.find_button(admin.id, t._("Remove"), confirm.last)
    await bot.press(admin, t._("Remove"), message=confirm.last)
    told = len(bot.api.bot_messages(colleague.id))
    assert told == 1
    # The same button again, as a second tap that reached the bot late.
    await bot.deliver(bot.api.press_data(admin, button["callback_data"], bot.last(admin.id)))
    assert len(bot.api.bot_messages(colleague.id)) == told  # told once
    notice = {"text": t._("{name} no longer acts for the community.", name="Petro")}
    assert any(notice.items() <= answer.items() for answer in bot.api.callback_answers)
