"""A sudden stop between a step's reply and its save never files the next answer wrongly.

The database is copied at the very instant the bot's reply reaches the person (as a power
cut or a killed process would leave it: whatever was committed then), and the bot starts
again from that copy.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.offline.api import ApiError, SentMessage
from tests.harness import BotHarness


class StopAtReply:
    """Copies the committed database when the first reply matching `when` goes out."""

    def __init__(self, bot: BotHarness, when: Callable[[SentMessage], bool]) -> None:
        self.database = bot.settings.database
        self.copy = self.database.with_name("at-the-reply.sqlite3")
        self.when = when
        self.taken = False
        bot.api.listeners.append(self._on_message)

    def _on_message(self, message: SentMessage) -> None:
        if self.taken or not self.when(message):
            return
        self.taken = True
        source, target = sqlite3.connect(self.database), sqlite3.connect(self.copy)
        with target:
            source.backup(target)
        source.close()
        target.close()

    async def restart_from_copy(self, bot: BotHarness) -> None:
        assert self.taken, "the reply never went out"
        await bot.stop()
        for leftover in (Path(f"{self.database}-wal"), Path(f"{self.database}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(self.copy, self.database)
        await bot.start()


async def test_the_answer_after_a_stop_at_the_reply_fills_the_field_it_was_asked_for(
    bot: BotHarness,
) -> None:
    user = bot.user(131, "Jan", "en")
    await bot.send(user, "/start")
    await bot.press(user, "English")
    await bot.press(user, "Coordinator of a partner municipality abroad")
    await bot.send(user, "Powiat Zzyzx")
    await bot.press(user, "Not in the list")
    stop = StopAtReply(bot, lambda m: m.chat_id == user.id and "Type the country" in m.body)
    reply = await bot.send(user, "Gniezno County Office")
    assert "Type the country" in reply.text
    await stop.restart_from_copy(bot)

    reply = await bot.send(user, "Poland")
    assert "Which country?" in reply.text  # the country step took it, not the name step
    reply = await bot.press(user, reply.buttons[0])
    assert "Gniezno County Office, Poland" in reply.text


async def test_a_stop_at_a_button_press_reply_resumes_at_the_screen_shown(
    bot: BotHarness,
) -> None:
    user = bot.user(132, "Iryna", "en")
    await bot.send(user, "/start")
    await bot.press(user, "English")
    stop = StopAtReply(
        bot, lambda m: m.chat_id == user.id and "Type the name of your community" in m.body
    )
    await bot.press(user, "Official of a Ukrainian community")
    await stop.restart_from_copy(bot)

    reply = await bot.send(user, "Brovary")
    assert any(label.startswith("Brovarska") for label in reply.buttons)
    await bot.press(user, reply.buttons[0])
    reply = await bot.press(user, "Confirm")
    assert "sent to an operator" in reply.text


async def test_a_reply_that_cannot_reach_the_person_marks_them_away(bot: BotHarness) -> None:
    user = bot.user(133, "Taras", "en")
    await bot.send(user, "/start")
    bot.api.blocked.add(user.id)  # blocked the bot before the answer to the press arrived
    await bot.press(user, "English")
    account = await bot.repos.users.get(user.id)
    assert account is not None and not account.active


async def test_a_press_answered_too_late_still_shows_the_next_screen(bot: BotHarness) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    user = bot.user(134, "Oksana", "en")
    await bot.send(user, "/start")

    async def too_old(params: dict[str, Any], files: dict[str, Any]) -> Any:
        raise ApiError(400, "Bad Request: query is too old and response timeout expired")

    bot.api._api_answerCallbackQuery = too_old  # type: ignore[method-assign]
    reply = await bot.press(user, "English")
    assert "Who are you?" in reply.text
    assert not [m for m in reply.messages if m.chat_id == operator.id]  # no error report
