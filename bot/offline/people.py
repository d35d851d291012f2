"""The people's side of the in-process Bot API: simulated users and groups who write, press
buttons, reply and edit, and the record of what the bot sent them."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bot.offline.records import ApiState, SentMessage, SimChat, SimUser


class SimulatedPeople(ApiState):
    # ------------------------------------------------------------------ the people's side

    def user(
        self,
        user_id: int,
        first_name: str,
        language_code: str = "en",
        username: str | None = None,
    ) -> SimUser:
        user = SimUser(user_id, first_name, language_code, username)
        self.chats.setdefault(user_id, SimChat(user_id, "private", user=user))
        self.chats[user_id].user = user
        return user

    def group(self, chat_id: int, title: str, admins: tuple[SimUser, ...] = ()) -> SimChat:
        chat = SimChat(chat_id, "group", title)
        self.chats[chat_id] = chat
        self.chat_admins[chat_id] = {a.id for a in admins}
        return chat

    def _chat(self, user: SimUser, chat: SimChat | None) -> SimChat:
        return chat or self.chats.setdefault(user.id, SimChat(user.id, "private", user=user))

    def _new_message(self, user: SimUser, chat: SimChat, **fields: Any) -> dict[str, Any]:
        message_id = self._next_message_id(chat.id)
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat.as_dict(),
            "from": user.as_dict(),
            **fields,
        }
        self.messages.setdefault(chat.id, {})[message_id] = SentMessage(
            chat.id, message_id, fields.get("text"), from_bot=False
        )
        return message

    def send(self, user: SimUser, text: str, chat: SimChat | None = None) -> int:
        chat = self._chat(user, chat)
        fields: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._enqueue({"message": self._new_message(user, chat, **fields)})

    def reply(self, user: SimUser, text: str, to: SentMessage) -> int:
        chat = self.chats[to.chat_id]
        replied = {
            "message_id": to.message_id,
            "date": int(time.time()),
            "chat": chat.as_dict(),
            "from": self.bot if to.from_bot else user.as_dict(),
            "text": to.text or "",
        }
        message = self._new_message(user, chat, text=text, reply_to_message=replied)
        return self._enqueue({"message": message})

    def edit(self, user: SimUser, text: str, chat: SimChat | None = None) -> int:
        """The person edits their latest message in the chat to read `text`."""
        chat = self._chat(user, chat)
        mine = [m for m in self.messages.get(chat.id, {}).values() if not m.from_bot]
        if not mine:
            raise LookupError(f"nothing to edit in chat {chat.id}")
        mine[-1].text = text
        message = {
            "message_id": mine[-1].message_id,
            "date": int(time.time()),
            "edit_date": int(time.time()),
            "chat": chat.as_dict(),
            "from": user.as_dict(),
            "text": text,
        }
        return self._enqueue({"edited_message": message})

    def send_photo(
        self, user: SimUser, data: bytes, chat: SimChat | None = None, caption: str | None = None
    ) -> int:
        chat = self._chat(user, chat)
        file_id = self._store_file(data)
        photo = [{"file_id": file_id, "file_unique_id": file_id, "width": 640, "height": 480}]
        fields: dict[str, Any] = {"photo": photo}
        if caption:
            fields["caption"] = caption
        return self._enqueue({"message": self._new_message(user, chat, **fields)})

    def send_document(
        self, user: SimUser, data: bytes, file_name: str, chat: SimChat | None = None
    ) -> int:
        chat = self._chat(user, chat)
        file_id = self._store_file(data)
        document = {"file_id": file_id, "file_unique_id": file_id, "file_name": file_name}
        return self._enqueue({"message": self._new_message(user, chat, document=document)})

    def press(
        self,
        user: SimUser,
        label: str,
        chat: SimChat | None = None,
        message: SentMessage | None = None,
    ) -> int:
        """Press the button with this label on the newest bot message that has it."""
        chat = self._chat(user, chat)
        target, button = self.find_button(chat.id, label, message)
        query = {
            "id": str(next(self._callback_ids)),
            "from": user.as_dict(),
            "chat_instance": str(chat.id),
            "data": button["callback_data"],
            "message": {
                "message_id": target.message_id,
                "date": int(time.time()),
                "chat": chat.as_dict(),
                "from": self.bot,
                "text": target.text or "",
            },
        }
        return self._enqueue({"callback_query": query})

    def press_data(self, user: SimUser, data: str, message: SentMessage) -> int:
        """Press a button by its raw callback data, e.g. one that a forger made up."""
        chat = self.chats[message.chat_id]
        query = {
            "id": str(next(self._callback_ids)),
            "from": user.as_dict(),
            "chat_instance": str(chat.id),
            "data": data,
            "message": {
                "message_id": message.message_id,
                "date": int(time.time()),
                "chat": chat.as_dict(),
                "from": self.bot,
                "text": message.text or "",
            },
        }
        return self._enqueue({"callback_query": query})

    def find_button(
        self, chat_id: int, label: str, message: SentMessage | None = None
    ) -> tuple[SentMessage, dict[str, Any]]:
        candidates = (
            [message] if message else reversed(list(self.messages.get(chat_id, {}).values()))
        )
        wanted = label.strip().casefold()
        for candidate in candidates:
            if not candidate.from_bot:
                continue
            for button in candidate.buttons:
                if "callback_data" in button and button["text"].strip().casefold() == wanted:
                    return candidate, button
        for candidate in (
            [message] if message else reversed(list(self.messages.get(chat_id, {}).values()))
        ):
            if not candidate.from_bot:
                continue
            for button in candidate.buttons:
                if "callback_data" in button and wanted in button["text"].casefold():
                    return candidate, button
        raise LookupError(f"no button {label!r} in chat {chat_id}")

    def add_bot_to_group(self, user: SimUser, chat: SimChat) -> int:
        update = {
            "my_chat_member": {
                "chat": chat.as_dict(),
                "from": user.as_dict(),
                "date": int(time.time()),
                "old_chat_member": {"status": "left", "user": self.bot},
                "new_chat_member": {"status": "member", "user": self.bot},
            }
        }
        return self._enqueue(update)

    def migrate_group(self, user: SimUser, chat: SimChat, new_id: int) -> int:
        """The group becomes a supergroup: Telegram announces it in the old chat."""
        self.migrated[chat.id] = new_id
        new_chat = SimChat(new_id, "supergroup", chat.title)
        self.chats[new_id] = new_chat
        self.chat_admins[new_id] = set(self.chat_admins.get(chat.id, set()))
        message = self._new_message(user, chat, migrate_to_chat_id=new_id)
        return self._enqueue({"message": message})

    def _enqueue(self, payload: dict[str, Any]) -> int:
        update_id = next(self._update_ids)
        self._pending.append({"update_id": update_id, **payload})
        if self._arrived is not None:
            self._arrived.set()
        return update_id

    # ------------------------------------------------------------------ reading the record

    def bot_messages(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.messages.get(chat_id, {}).values() if m.from_bot]

    def last(self, chat_id: int) -> SentMessage:
        messages = self.bot_messages(chat_id)
        if not messages:
            raise LookupError(f"the bot has not written in chat {chat_id}")
        return messages[-1]

    def mark_processed(self, update_id: int) -> None:
        self._processed.add(update_id)
        waiter = self._waiting.pop(update_id, None)
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def wait_processed(self, update_id: int, timeout: float = 10.0) -> None:
        if update_id in self._processed:
            return
        waiter = self._waiting.get(update_id)
        if waiter is None:
            waiter = self._waiting[update_id] = asyncio.get_running_loop().create_future()
        try:
            await asyncio.wait_for(asyncio.shield(waiter), timeout)
        except TimeoutError:
            raise TimeoutError(f"update {update_id} was not processed in {timeout} s") from None
