"""Buttons of the account screens: onboarding, settings, operator decisions, invitations and
`/codes`.

Onboarding's steps are the form engine's buttons (`FormPress`) and the shared place
picker's; the buttons that open onboarding and the settings screen keep the data they
always had, so the messages already in people's chats keep working."""

from __future__ import annotations

from typing import Literal

from handlers.shared.access import (
    ADMIN,
    ANYONE,
    OPERATOR,
    OWN_OR_GROUP_ADMIN,
    Need,
    Subject,
    on,
)
from handlers.shared.buttons import Button, button


@button("op:list")
class PendingRequests(Button):
    ACCESS = OPERATOR


@button("op")
class Decide(Button):
    ACCESS = on(Subject.CLAIM, "membership", Need.OPERATOR)

    verdict: Literal["ok", "no"]
    membership: int


@button("inv:new")
class NewInvite(Button):
    ACCESS = ADMIN


@button("inv:list")
class Invitations(Button):
    """The community's invitation links not yet used, each with a Revoke button."""

    ACCESS = ADMIN


@button("inv:x")
class RevokeInvite(Button):
    ACCESS = on(Subject.INVITE, "invite", Need.ADMIN)

    invite: int


@button("mem:list")
class Colleagues(Button):
    """The community's approved members, each with a Remove button, for its admins."""

    ACCESS = ADMIN


@button("mem:x")
class RemoveColleague(Button):
    """Ask to end a colleague's membership; `sure` ends it."""

    ACCESS = on(Subject.CLAIM, "membership", Need.ADMIN)

    membership: int
    sure: bool = False


@button("cd:list")
class CodesList(Button):
    """The operator's list of communities still without a KATOTTG code."""

    ACCESS = OPERATOR


@button("cd:c")
class CodeFor(Button):
    """Give this community (saved before the codifier, or typed by hand) its hromada."""

    ACCESS = on(Subject.COMMUNITY, "community", Need.OPERATOR)

    community: int


# Onboarding ------------------------------------------------------------------------------


@button("ob")
class Begin(Button):
    """Open onboarding: `again` after a claim was rejected or while it waits, `new` for another
    community (from the settings, or after an invitation link that no longer works)."""

    ACCESS = ANYONE

    why: Literal["again", "new"]


# Settings --------------------------------------------------------------------------------


@button("set:home")
class SettingsHome(Button):
    """The settings screen: Back from a setting's choices (and the Settings button of menus
    sent before it was a main-menu entry)."""

    ACCESS = OWN_OR_GROUP_ADMIN


Setting = Literal["lang", "tz", "community"]


@button("set:ask")
class AskSetting(Button):
    """One setting's choices: the languages, the time zones, the communities one acts for."""

    ACCESS = OWN_OR_GROUP_ADMIN

    setting: Setting


@button("set:lang")
class SetLanguage(Button):
    ACCESS = OWN_OR_GROUP_ADMIN

    language: str


@button("set:tz")
class SetZone(Button):
    """One of the usual time zones (`Europe/Kyiv`); others are typed."""

    ACCESS = OWN_OR_GROUP_ADMIN

    zone: str


@button("set:community")
class ActFor(Button):
    """Act for another of one's approved communities from now on."""

    ACCESS = on(Subject.COMMUNITY, "community", Need.MEMBER)

    community: int
