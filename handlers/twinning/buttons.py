"""Every button of the twinning guide, declared once (see `handlers.shared.buttons`).

The card's and the steps' data stay as they were (`tw:c:7`, `tw:s:7:ministry`): reminders
already delivered carry them.
"""

from __future__ import annotations

from handlers.shared.buttons import Button, button

# --- the guide in a private chat ------------------------------------------------------------


@button("tw:list")
class Guide(Button):
    """The community's partnerships, one page of them."""

    page: int = 0


@button("tw:law")
class Law(Button):
    """The legal facts in brief."""


@button("tw:c")
class Card(Button):
    partnership: int


@button("tw:s")
class OpenStep(Button):
    """Fill in or correct a step (its code, checked against the workflow when pressed)."""

    partnership: int
    step: str


@button("tw:fix")
class Corrections(Button):
    """Which done step to correct."""

    partnership: int


@button("tw:h")
class History(Button):
    partnership: int


@button("tw:d")
class Documents(Button):
    partnership: int


@button("tw:dd")
class Download(Button):
    """One draft document by its key, or `all`."""

    partnership: int
    document: str


@button("tw:pa")
class Pause(Button):
    partnership: int


@button("tw:en")
class End(Button):
    partnership: int


@button("tw:re")
class Resume(Button):
    partnership: int


# --- group chats ------------------------------------------------------------------------------


@button("tw:g")
class Groups(Button):
    """The partnership's linked groups, from the private chat."""

    partnership: int


@button("tw:gx")
class UnlinkGroup(Button):
    """Unlink a group from the private chat. Group chat ids are negative: `group` is the id
    without its sign."""

    partnership: int
    group: int

    @classmethod
    def of_chat(cls, partnership: int, chat_id: int) -> UnlinkGroup:
        return cls(partnership, -chat_id)

    @property
    def chat_id(self) -> int:
        return -self.group


@button("tw:gl")
class ChooseToLink(Button):
    """In a group: which partnership it should follow."""


@button("tw:gk")
class LinkHere(Button):
    """In a group: follow this partnership."""

    partnership: int


@button("tw:gu")
class UnlinkHere(Button):
    """In a group: stop following this partnership."""

    partnership: int


# --- choosing the partner of a new partnership ----------------------------------------------


@button("tw:new")
class NewPartnership(Button):
    """Choose the partner of a new partnership (see `partner`)."""


@button("tw:pl")
class Plan(Button):
    """Plan a step not yet done: a day ahead, or "not yet"."""

    partnership: int
    step: str


@button("tw:cd")
class Details(Button):
    """The full card: every step's facts, plans and the ministry's rounds."""

    partnership: int


# --- a proposal, seen by the partner ----------------------------------------------------------


@button("tw:pr")
class Proposal(Button):
    """A proposal awaiting the community's answer: who proposes, the areas, the contact."""

    partnership: int


@button("tw:ok")
class AcceptProposal(Button):
    partnership: int


@button("tw:no")
class DeclineProposal(Button):
    """Decline a proposal: asks once (`sure` false), then declines."""

    partnership: int
    sure: bool = False
