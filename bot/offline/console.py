"""The offline console: the real Application against the in-process Bot API, in a terminal.

Type a message to send it; type a button's label or number to press it. Lines starting
with a colon control the simulation (`:help` lists them). When standard input is not a
terminal, each line is sent once the bot has answered the previous one, so a scripted
demo runs unattended.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import sys

from bot import background
from bot.app import TwinbotApplication, build_application, launch
from bot.domain.offers.csv_io import load_demo
from bot.domain.parsing.numbers import SQLITE_MIN, ascii_int
from bot.offline.api import OFFLINE_TOKEN, OfflineBotAPI, OfflineRequest, SentMessage, SimChat
from bot.services import Services
from bot.settings import Settings

CONSOLE_OPERATOR_ID = 1001
CONSOLE_HELP = """Console commands:
  :user ID [NAME] [LANG]    act as another person (created if new; keeps their language)
  :lang uk|en|de|pl         change the current person's Telegram language code
  :private                  talk in the private chat with the bot
  :group [ID] [TITLE]       talk in a group (created with the current person as its admin)
  :add                      add the bot to the current group
  :restart                  restart the bot (the data and open flows stay)
  :quit                     leave
Anything else is sent as a message; a button's label or number presses it."""


def _plain(label: str) -> str:
    """A label without the marks buttons carry (✓, ▶️, emoji), for typing it by hand."""
    return " ".join("".join(ch for ch in label if ch.isalnum() or ch.isspace()).split()).casefold()


class Console:
    def __init__(self, settings: Settings) -> None:
        self.settings = dataclasses.replace(
            settings, operators=settings.operators | {CONSOLE_OPERATOR_ID}
        )
        self.api = OfflineBotAPI()
        self.person = self.api.user(CONSOLE_OPERATOR_ID, "Olena", "uk", username="olena_ops")
        self.chat: SimChat = self.api.chats[self.person.id]
        self.services: Services | None = None
        self.application: TwinbotApplication | None = None
        self.api.listeners.append(self._print)

    def _print(self, message: SentMessage) -> None:
        where = "" if message.chat_id == self.chat.id else f" (chat {message.chat_id})"
        edited = " (edited)" if message.edits else ""
        print(f"\n🤖 bot{where}{edited}:")
        if message.document:
            print(f"   📎 {message.document.get('file_name')}")
        if message.photo:
            print("   🖼  photo")
        print("   " + message.body.replace("\n", "\n   "))
        for number, label in enumerate(message.button_labels, start=1):
            print(f"   [{number}] {label}")

    async def start(self) -> None:
        self.services = await Services.open(self.settings)
        await load_demo(self.services.repos, self.services.clock.now().date())
        self.application = build_application(
            self.services, request=OfflineRequest(self.api), token=OFFLINE_TOKEN
        )
        self.application.after_update.append(
            lambda update: self.api.mark_processed(getattr(update, "update_id", -1))
        )
        await launch(self.application)
        assert self.application.updater is not None
        await self.application.updater.start_polling(poll_interval=0, timeout=10)

    async def stop(self) -> None:
        if self.application is not None:
            assert self.application.updater is not None
            await self.application.updater.stop()
            await self.application.stop()
            await self.application.shutdown()
        if self.services is not None:
            await self.services.close()

    def _button_for(self, line: str) -> tuple[SentMessage, str] | None:
        messages = [m for m in self.api.bot_messages(self.chat.id) if m.buttons]
        if not messages:
            return None
        last = messages[-1]
        number = ascii_int(line.strip(), low=1, high=len(last.button_labels))
        if number is not None:
            return last, last.button_labels[number - 1]
        wanted = _plain(line)
        for matches in (
            lambda label: label.strip().casefold() == line.strip().casefold(),
            lambda label: _plain(label) == wanted,
        ):
            for message in reversed(messages):
                for label in message.button_labels:
                    if matches(label):
                        return message, label
        return None

    async def handle(self, line: str) -> bool:
        line = line.rstrip("\n")
        if line.startswith(":"):
            return await self._meta(line[1:].split())
        if not line.strip():
            return True
        button = self._button_for(line)
        if button is not None:
            update_id = self.api.press(self.person, button[1], self.chat, button[0])
        else:
            update_id = self.api.send(self.person, line, self.chat)
        await self.api.wait_processed(update_id, timeout=60)
        assert self.application is not None
        await background.settle(self.application)  # a file or a group post it started
        return True

    async def _meta(self, words: list[str]) -> bool:
        if not words:
            print(CONSOLE_HELP)
            return True
        command, args = words[0], words[1:]
        if command == "quit":
            return False
        user_id = ascii_int(args[0], low=SQLITE_MIN) if args else None
        if command == "user" and user_id is not None:
            existing = self.api.chats.get(user_id)
            name = (
                args[1]
                if len(args) > 1
                else (existing.user.first_name if existing and existing.user else f"User {user_id}")
            )
            known = existing.user.language_code if existing and existing.user else None
            lang = args[2] if len(args) > 2 else known or "en"
            self.person = self.api.user(user_id, name, lang)
            self.chat = self.api.chats[user_id]
            print(f"(now {name}, id {user_id}, language {lang})")
        elif command == "lang" and args:
            self.person.language_code = args[0]
            print(f"(language code {args[0]})")
        elif command == "private":
            self.chat = self.api.chats[self.person.id]
        elif command == "group":
            chat_id = (ascii_int(args[0], low=SQLITE_MIN) if args else None) or -100
            title = " ".join(args[1:]) or "Partner cities"
            existing_chat = self.api.chats.get(chat_id)
            self.chat = existing_chat or self.api.group(chat_id, title, admins=(self.person,))
            print(f"(in group {self.chat.title}, id {chat_id})")
        elif command == "add":
            update_id = self.api.add_bot_to_group(self.person, self.chat)
            await self.api.wait_processed(update_id, timeout=60)
        elif command == "restart":
            await self.stop()
            await self.start()
            print("(restarted)")
        else:
            print(CONSOLE_HELP)
        return True


async def run_console(settings: Settings) -> None:
    logging.getLogger("telegram").setLevel(logging.WARNING)
    console = Console(settings)
    await console.start()
    interactive = sys.stdin.isatty()
    print(f"Twinbot offline console. Database: {settings.database}")
    print(CONSOLE_HELP)
    loop = asyncio.get_running_loop()
    try:
        while True:
            if interactive:
                print(f"\n{console.person.first_name}> ", end="", flush=True)
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line:
                break
            if not interactive:
                print(f"\n{console.person.first_name}> {line.rstrip()}")
            if not await console.handle(line):
                break
    finally:
        await console.stop()
