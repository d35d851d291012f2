"""Drive the real Application through the offline Bot API, as people would."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bot import background
from bot.app import TwinbotApplication, build_application, launch
from bot.clock import FakeClock
from bot.domain import places
from bot.domain.places.index import build_key
from bot.i18n import LANGUAGES
from bot.offline.api import (
    OFFLINE_TOKEN,
    OfflineBotAPI,
    OfflineRequest,
    SentMessage,
    SimChat,
    SimUser,
)
from bot.services import Services
from bot.settings import Settings
from handlers.shared.buttons import REGISTRY
from storage.communities import Community

OPERATOR_ID = 900
START = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
# One place index for every test: built on the first run, read from then on (one file per
# version of what it is built from).
PLACES = Path(tempfile.gettempdir()) / f"twinbot-tests-{build_key()[:12]}.places"


@dataclasses.dataclass
class Reply:
    """What the bot did in answer to one action: messages sent or edited, in order."""

    messages: list[SentMessage]

    @property
    def text(self) -> str:
        return "\n---\n".join(m.body for m in self.messages)

    @property
    def last(self) -> SentMessage:
        return self.messages[-1]

    @property
    def buttons(self) -> list[str]:
        return [label for m in self.messages for label in m.button_labels]

    def to(self, chat_id: int) -> list[SentMessage]:
        return [m for m in self.messages if m.chat_id == chat_id]


class BotHarness:
    def __init__(
        self,
        tmp_path: Path,
        operators: tuple[int, ...] = (OPERATOR_ID,),
        extra: Callable[[TwinbotApplication], None] | None = None,
    ) -> None:
        self.extra = extra
        self.settings = Settings(
            database=tmp_path / "test.sqlite3", places=PLACES, operators=frozenset(operators)
        )
        self.clock = FakeClock(START)
        self.api = OfflineBotAPI()
        self.services: Services | None = None
        self.app: TwinbotApplication | None = None
        self._seen: list[SentMessage] = []
        self.api.listeners.append(self._seen.append)
        # Every row of buttons shown, as it was at that moment (edits replace keyboards).
        self.keyboard_rows: list[tuple[str, ...]] = []
        self.api.listeners.append(self._record_rows)

    def _record_rows(self, message: SentMessage) -> None:
        rows = (message.reply_markup or {}).get("inline_keyboard") or []
        self.keyboard_rows.extend(tuple(button["text"] for button in row) for row in rows)

    async def start(self) -> None:
        self.services = await Services.open(self.settings, self.clock)
        self.app = build_application(
            self.services, request=OfflineRequest(self.api), token=OFFLINE_TOKEN
        )
        if self.extra is not None:
            self.extra(self.app)
        self.app.after_update.append(
            lambda update: self.api.mark_processed(getattr(update, "update_id", -1))
        )
        await launch(self.app)
        await background.settle(self.app)  # the command menus, published after the start
        assert self.app.updater is not None
        await self.app.updater.start_polling(poll_interval=0, timeout=5)

    def undeclared_buttons(self) -> list[str]:
        """Callback data of every keyboard shown so far that no typed declaration parses back
        to exactly one kind (a link button carries no data)."""
        wrong = []
        for message in self._seen:
            for data in (b.get("callback_data") for b in message.buttons):
                if data is None:
                    continue
                if len([k for k in REGISTRY.values() if k.parse(data) is not None]) != 1:
                    wrong.append(data)
        return wrong

    async def stop(self) -> None:
        wrong = self.undeclared_buttons()
        assert not wrong, f"buttons without exactly one declaration: {sorted(set(wrong))}"
        if self.app is not None:
            assert self.app.updater is not None
            await self.app.updater.stop()
            await self.app.stop()
            await self.app.shutdown()
            self.app = None
        if self.services is not None:
            await self.services.close()
            self.services = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    @property
    def repos(self):  # type: ignore[no-untyped-def]
        assert self.services is not None
        return self.services.repos

    def user(
        self, user_id: int, name: str, lang: str = "en", username: str | None = None
    ) -> SimUser:
        return self.api.user(user_id, name, lang, username or f"user{user_id}")

    def operator(self, lang: str = "en") -> SimUser:
        return self.user(OPERATOR_ID, "Oksana", lang, "operator")

    async def _done(self, update_id: int) -> None:
        """The update is processed and the work it started in the background is done."""
        await self.api.wait_processed(update_id)
        assert self.app is not None
        await background.settle(self.app)

    async def send(self, user: SimUser, text: str, chat: SimChat | None = None) -> Reply:
        start = len(self._seen)
        update_id = self.api.send(user, text, chat)
        await self._done(update_id)
        return Reply(list(dict.fromkeys(self._seen[start:])))

    async def press(
        self,
        user: SimUser,
        label: str,
        chat: SimChat | None = None,
        message: SentMessage | None = None,
    ) -> Reply:
        start = len(self._seen)
        update_id = self.api.press(user, label, chat, message)
        await self._done(update_id)
        return Reply(list(dict.fromkeys(self._seen[start:])))

    async def reply_to(self, user: SimUser, text: str, message: SentMessage) -> Reply:
        start = len(self._seen)
        update_id = self.api.reply(user, text, message)
        await self._done(update_id)
        return Reply(list(dict.fromkeys(self._seen[start:])))

    async def deliver(self, update_id: int) -> Reply:
        """Wait for an update queued by hand (e.g. `api.add_bot_to_group`)."""
        start = len(self._seen)
        await self._done(update_id)
        return Reply(list(dict.fromkeys(self._seen[start:])))

    def last(self, chat_id: int) -> SentMessage:
        return self.api.last(chat_id)

    async def make_member(
        self,
        user: SimUser,
        place: str,
        *,
        role: str = "admin",
    ) -> Community:
        """Set up, straight in the database, a user approved to act for a place of the index
        (the hromada or the place abroad a name finds best, a hromada among equals)."""
        found = [
            *places.search_hromadas(place, limit=1).matches,
            *places.search_world(place, limit=1).matches,
        ]
        assert found, f"the place index has no {place!r}"
        p = max(found, key=lambda match: match.score).place
        repos = self.repos
        await repos.users.upsert(user.id, user.first_name, None, user.username, user.language_code)
        if user.language_code in LANGUAGES:
            await repos.users.set_language(user.id, user.language_code)
        community = await repos.communities.from_place(p)
        membership = await repos.memberships.claim(user.id, community.id, role)
        await repos.memberships.decide(membership.id, True, OPERATOR_ID)
        await repos.users.set_current_community(user.id, community.id)
        await repos.users.set_role(user.id, "official" if p.country_code == "UA" else "partner")
        return community
