"""Who may press what, as people meet it: an admin revoking an invitation link, a link that
dies with its author's membership, a group admin demoted while a screen is open, and an
author who has left their community no longer hearing of their post."""

from __future__ import annotations

import pytest

from bot.i18n import I18n, Translator
from bot.offline.api import SimUser
from storage.offers import PostDraft
from tests.harness import OPERATOR_ID, BotHarness


def _link_token(text: str) -> str:
    return text.split("start=", 1)[1].split()[0]


async def _new_link(bot: BotHarness, admin: SimUser, t: Translator) -> str:
    await bot.send(admin, "/menu")
    reply = await bot.press(admin, t._("Invite a colleague"))
    return _link_token(reply.text)


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_admin_revokes_a_link_from_the_list(bot: BotHarness, lang: str) -> None:
    t = I18n().get(lang)
    admin = bot.user(3001, "Iryna", lang)
    brovary = await bot.make_member(admin, "Brovary")
    first = await _new_link(bot, admin, t)
    second = await _new_link(bot, admin, t)

    reply = await bot.send(admin, "/menu")
    assert t._("Unused links ({n})", n=2) in reply.buttons
    reply = await bot.press(admin, t._("Unused links ({n})", n=2))
    header = t._("Invitation links of {community} not yet used:", community=brovary.title(lang))
    assert header in reply.text
    assert reply.text.count("Iryna") == 2
    assert reply.buttons[:2] == [t._("Revoke {n}", n=1), t._("Revoke {n}", n=2)]

    # The newest link is first: revoking it leaves the first one.
    reply = await bot.press(admin, t._("Revoke {n}", n=1))
    revoked = {"text": t._("The link is revoked."), "show_alert": True}
    assert any(revoked.items() <= answer.items() for answer in bot.api.callback_answers)
    assert reply.text.count("Iryna") == 1
    assert t._("Revoke {n}", n=2) not in reply.buttons

    colleague = bot.user(3002, "Taras", lang)
    reply = await bot.send(colleague, f"/start {second}")
    assert (
        t._("This invitation link was revoked by an admin of the community. Ask for a new one.")
        in reply.text
    )
    assert await bot.repos.memberships.for_user(colleague.id) == []
    reply = await bot.send(colleague, f"/start {first}")
    assert t._("Main menu") in reply.text
    assert len(await bot.repos.memberships.for_user(colleague.id)) == 1

    # Used, it leaves the list; the menu no longer offers an empty one.
    reply = await bot.send(admin, "/menu")
    assert not any(label.startswith(t._("Unused links")) for label in reply.buttons)


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_link_dies_with_its_authors_membership(bot: BotHarness, lang: str) -> None:
    t = I18n().get(lang)
    admin = bot.user(3011, "Oleh", lang)
    brovary = await bot.make_member(admin, "Brovary")
    token = await _new_link(bot, admin, t)
    assert await bot.repos.memberships.revoke(admin.id, brovary.id, OPERATOR_ID)

    colleague = bot.user(3012, "Marta", lang)
    reply = await bot.send(colleague, f"/start {token}")
    assert (
        t._(
            "This invitation link no longer works: the person who sent it no longer acts for"
            " the community. Ask another colleague for a new one."
        )
        in reply.text
    )
    assert await bot.repos.memberships.for_user(colleague.id) == []
    # Nor may the former admin list the links any more, from a menu sent before.
    await bot.send(admin, "/menu")
    reply = await bot.deliver(bot.api.press_data(admin, "inv:list", bot.last(admin.id)))
    assert reply.messages == []
    assert bot.api.callback_answers[-1]["text"] == t._(
        "This is for officials of a community approved by an operator."
        " Send /start to choose your community."
    )


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_group_admin_demoted_while_choosing_is_refused(bot: BotHarness, lang: str) -> None:
    t = I18n().get(lang)
    mayor = bot.user(3021, "Ihor", lang)
    brovary = await bot.make_member(mayor, "Brovary")
    partner = bot.user(3022, "Anna", "de")
    jena = await bot.make_member(partner, "Jena")
    partnership = await bot.repos.partnerships.create(brovary.id, jena.id, mayor.id)
    group = bot.api.group(-3100, "Brovary — Jena", admins=(mayor,))
    await bot.deliver(bot.api.add_bot_to_group(mayor, group))

    await bot.send(mayor, "/status", chat=group)
    choices = await bot.press(mayor, t._("Link this group"), chat=group)
    assert len(choices.buttons) == 1
    # The group's owner takes the admin rights away while the choice is on screen.
    bot.api.chat_admins[group.id].discard(mayor.id)
    await bot.press(mayor, choices.buttons[0], chat=group, message=choices.last)

    refusal = {"text": t._("Only an admin of this group can do this."), "show_alert": True}
    assert refusal.items() <= bot.api.callback_answers[-1].items()
    assert await bot.repos.partnerships.linked_chats(partnership.id) == []


async def test_an_author_who_left_no_longer_hears_of_their_post(bot: BotHarness) -> None:
    author = bot.user(3031, "Maite", "en")
    colleague = bot.user(3032, "Jon", "en")
    donostia = await bot.make_member(author, "Donostia")
    await bot.make_member(colleague, "Donostia", role="member")
    post = await bot.repos.posts.create(
        PostDraft(
            "offer",
            donostia.id,
            "Boilers for a school",
            ["energy"],
            ["equipment"],
            owner_id=author.id,
        ),
        donostia,
    )
    assert await bot.repos.memberships.revoke(author.id, donostia.id, OPERATOR_ID)

    official = bot.user(3033, "Olena", "en")
    await bot.make_member(official, "Kremenchuk")
    await bot.send(official, "/menu")
    await bot.deliver(bot.api.press_data(official, f"of:card:{post.id}", bot.last(official.id)))
    await bot.press(official, "I'm interested")
    await bot.send(official, "Kremenchuk needs boilers for two schools.")
    await bot.press(official, "Send")

    assert "Kremenchuk needs boilers" in bot.last(colleague.id).text
    assert all(
        "Kremenchuk needs boilers" not in m.body
        for m in bot.api.messages.get(author.id, {}).values()
    )
