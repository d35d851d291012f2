"""The typed per-update context every handler receives."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.i18n import Translator
from bot.services import Services
from storage.memberships import Membership
from storage.repositories import Repositories
from storage.users import Chat, User

SERVICES_KEY = "services"


def services_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    """The services an Application was built with (see `bot.app.build_application`)."""
    return application.bot_data[SERVICES_KEY]  # type: ignore[no-any-return]


class BotContext(CallbackContext[ExtBot[None], dict[str, Any], dict[str, Any], dict[str, Any]]):
    """Adds the services, the sender's account and the language of the current chat.

    `account`, `group` and `membership` are filled once per update by the first handler
    group (see `handlers.shared.session.load_account`), before any feature handler runs.
    """

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        self._services: Services = application.bot_data[SERVICES_KEY]
        self.account: User | None = None
        self.group: Chat | None = None
        self.membership: Membership | None = None
        self.came_back = False  # the sender had blocked the bot and writes again

    @property
    def services(self) -> Services:
        return self._services

    @property
    def repos(self) -> Repositories:
        return self.services.repos

    @property
    def lang(self) -> str:
        if self.group is not None:
            return self.group.language
        return self.account.language if self.account else "en"

    @property
    def tz(self) -> str:
        if self.group is not None:
            return self.group.tz
        return self.account.tz if self.account else self.services.settings.default_tz

    @property
    def t(self) -> Translator:
        return self.services.i18n.get(self.lang)

    def _(self, message: str, /, **values: object) -> str:
        return self.t._(message, **values)

    def ngettext(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        return self.t.ngettext(singular, plural, n, **values)

    @property
    def community_id(self) -> int | None:
        """The community the user currently acts for, if an operator approved it."""
        return (
            self.membership.community_id if self.membership and self.membership.approved else None
        )

    @property
    def is_operator(self) -> bool:
        return self.services.settings.is_operator(self.account.id if self.account else None)
