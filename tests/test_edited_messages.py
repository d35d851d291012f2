"""A message edited while a flow waits for text: a polite word, and the flow goes on."""

from __future__ import annotations

import pytest

from tests.harness import OPERATOR_ID, BotHarness
from tests.test_aid import brovary_with_partners


@pytest.mark.parametrize(
    ("lang", "notice", "asks_size"),
    [
        ("en", "I read only new messages", "How many people"),
        ("uk", "Я читаю лише нові повідомлення", "Скільки людей"),
    ],
)
async def test_an_edit_while_the_visit_flow_waits_changes_nothing(
    bot: BotHarness, lang: str, notice: str, asks_size: str
) -> None:
    bot.operator()
    official, *_ = await brovary_with_partners(bot, lang)
    await bot.send(official, "/aid")
    await bot.press(official, "Log visit" if lang == "en" else "Записати візит")
    await bot.press(official, bot.last(official.id).button_labels[0])
    await bot.press(official, "Jena" if lang == "en" else "Єна")
    reply = await bot.send(official, "10.12.2026-12.12.2026")
    assert asks_size in reply.text
    # The person corrects the dates they already sent: neither taken as the size, nor a crash.
    reply = await bot.deliver(bot.api.edit(official, "11.12.2026-12.12.2026"))
    assert len(reply.messages) == 1 and notice in reply.text
    assert not bot.api.bot_messages(OPERATOR_ID), "no error report"
    reply = await bot.send(official, "6")
    assert reply.text and asks_size not in reply.text
    draft = await bot.send(official, "Matthias Mieth")
    assert draft.text and asks_size not in draft.text


async def test_an_edit_in_a_group_is_ignored_quietly(bot: BotHarness) -> None:
    admin = bot.user(300, "Anna", "en")
    group = bot.api.group(-700, "Brovary — Jena", admins=(admin,))
    await bot.deliver(bot.api.add_bot_to_group(admin, group))
    await bot.send(admin, "/help", chat=group)
    reply = await bot.deliver(bot.api.edit(admin, "/settings", chat=group))
    assert reply.messages == []
