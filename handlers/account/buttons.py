"""Buttons of the account screens: operator decisions and invitations."""

from __future__ import annotations

from typing import Literal

from handlers.shared.buttons import Button, button


@button("op:list")
class PendingRequests(Button):
    pass


@button("op")
class Decide(Button):
    verdict: Literal["ok", "no"]
    membership: int


@button("inv:new")
class NewInvite(Button):
    pass


@button("cd:list")
class CodesList(Button):
    """The operator's list of communities still without a KATOTTG code."""


@button("cd:c")
class CodeFor(Button):
    """Give this community (saved before the codifier, or typed by hand) its hromada."""

    community: int
