"""A flow is a persistent conversation that lives exactly as long as its draft.

Each flow keeps its draft in `user_data["flow:<name>"]`. Its states' handlers (and
fallbacks) only take an update while that draft exists, and a flow can always be entered
again from its entry points. So ending every open flow (a menu button, /menu, /cancel ...)
is dropping the drafts: the conversation's remembered state no longer catches anything,
and the update goes on to whatever the person asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

from telegram import Update
from telegram.ext import Application, BaseHandler, ConversationHandler

FLOW_PREFIX = "flow:"

AnyHandler = BaseHandler[Any, Any, Any]


def draft_key(name: str) -> str:
    return FLOW_PREFIX + name


def end_all(user_data: MutableMapping[str, Any] | None) -> None:
    """End every open flow of a person: drop their drafts."""
    if user_data:
        for key in [k for k in user_data if k.startswith(FLOW_PREFIX)]:
            user_data.pop(key, None)


class _WhileDrafting(BaseHandler[Update, Any, Any]):
    """Takes what `inner` takes, but only while the person has a draft of the flow (a key
    starting with one of `keys`)."""

    def __init__(
        self,
        inner: AnyHandler,
        keys: tuple[str, ...],
        user_data: Mapping[int, Mapping[str, Any]],
    ) -> None:
        super().__init__(inner.callback, block=inner.block)
        self.inner, self.keys, self.user_data = inner, keys, user_data

    def check_update(self, update: object) -> object:
        if not isinstance(update, Update) or update.effective_user is None:
            return None
        data = self.user_data.get(update.effective_user.id)
        if not data or not any(key.startswith(self.keys) for key in data):
            return None
        return self.inner.check_update(update)

    async def handle_update(
        self, update: Any, application: Any, check_result: Any, context: Any
    ) -> Any:
        return await self.inner.handle_update(update, application, check_result, context)


def flow_conversation(
    app: Application[Any, Any, Any, Any, Any, Any],
    name: str,
    *,
    entry_points: Sequence[AnyHandler],
    states: Mapping[object, Sequence[AnyHandler]],
    fallbacks: Sequence[AnyHandler] = (),
    drafts: Sequence[str] = (),
) -> ConversationHandler[Any]:
    """The conversation of the flow `name`; its entry points must create its draft
    (`flow:<name>...`, or `flow:<d>...` for any `d` of `drafts` when its steps keep several,
    e.g. one per form)."""
    keys = tuple(draft_key(d) for d in (drafts or (name,)))

    def guard(handlers: Sequence[AnyHandler]) -> list[AnyHandler]:
        return [_WhileDrafting(h, keys, app.user_data) for h in handlers]

    return ConversationHandler(
        name=name,
        persistent=True,
        allow_reentry=True,
        entry_points=list(entry_points),
        states={state: guard(handlers) for state, handlers in states.items()},
        fallbacks=guard(fallbacks),
    )
