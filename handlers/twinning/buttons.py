"""Every button of the twinning guide, declared once (see `handlers.shared.buttons`).

The card's and the steps' data stay as they were (`tw:c:7`, `tw:s:7:ministry`): reminders
already delivered carry them.
"""

from __future__ import annotations

from handlers.shared.access import (
    ANYONE,
    MEMBER,
    InGroup,
    Need,
    Rule,
    Side,
    Subject,
    on,
)
from handlers.shared.buttons import Button, button

# --- the guide in a private chat ------------------------------------------------------------


@button("tw:list")
class Guide(Button):
    """The community's partnerships, one page of them."""

    ACCESS = MEMBER

    page: int = 0


@button("tw:law")
class Law(Button):
    """The legal facts in brief."""

    ACCESS = ANYONE


@button("tw:c")
class Card(Button):
    ACCESS = Rule(Subject.PARTNERSHIP, "partnership", Need.SIDE, in_group=InGroup.LINKED)

    partnership: int


@button("tw:s")
class OpenStep(Button):
    """Fill in or correct a step (its code, checked against the workflow when pressed)."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int
    step: str


@button("tw:fix")
class Corrections(Button):
    """Which done step to correct."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int


@button("tw:h")
class History(Button):
    ACCESS = on(Subject.PARTNERSHIP, "partnership")

    partnership: int


@button("tw:d")
class Documents(Button):
    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int


@button("tw:dd")
class Download(Button):
    """One draft document by its key, or `all`."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int
    document: str


@button("tw:pa")
class Pause(Button):
    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int


@button("tw:en")
class End(Button):
    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int


@button("tw:re")
class Resume(Button):
    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int


# --- group chats ------------------------------------------------------------------------------


@button("tw:g")
class Groups(Button):
    """The partnership's linked groups, from the private chat."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int


@button("tw:gx")
class UnlinkGroup(Button):
    """Unlink a group from the private chat. Group chat ids are negative: `group` is the id
    without its sign."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", Need.ADMIN, Side.UKRAINIAN)

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

    ACCESS = Rule(need=Need.ADMIN, in_group=InGroup.ADMIN)


@button("tw:gk")
class LinkHere(Button):
    """In a group: follow this partnership."""

    ACCESS = Rule(Subject.PARTNERSHIP, "partnership", Need.ADMIN, Side.UKRAINIAN, InGroup.ADMIN)

    partnership: int


@button("tw:gu")
class UnlinkHere(Button):
    """In a group: stop following this partnership."""

    ACCESS = Rule(Subject.PARTNERSHIP, "partnership", Need.ADMIN, Side.UKRAINIAN, InGroup.ADMIN)

    partnership: int


# --- choosing the partner of a new partnership ----------------------------------------------


@button("tw:new")
class NewPartnership(Button):
    """Choose the partner of a new partnership (see `partner`)."""

    ACCESS = MEMBER


@button("tw:pl")
class Plan(Button):
    """Plan a step not yet done: a day ahead, or "not yet"."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int
    step: str


@button("tw:pls")
class PlanSteps(Button):
    """Which of the steps besides the current one to plan."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int


@button("tw:rq")
class Requisites(Button):
    """The community's requisites for the documents, filled in from the documents screen."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int


@button("tw:ad")
class Addressee(Button):
    """Whom the letter of intent addresses, filled in from the documents screen."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.UKRAINIAN)

    partnership: int


@button("tw:cd")
class Details(Button):
    """The full card: every step's facts, plans and the ministry's rounds."""

    # As the brief card: in a group, the partnership linked to it.
    ACCESS = Rule(Subject.PARTNERSHIP, "partnership", Need.SIDE, in_group=InGroup.LINKED)

    partnership: int


# --- a proposal, seen by the partner ----------------------------------------------------------


@button("tw:pr")
class Proposal(Button):
    """A proposal awaiting the community's answer: who proposes, the areas, the contact."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.ASKED)

    partnership: int


@button("tw:ok")
class AcceptProposal(Button):
    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.ASKED)

    partnership: int


@button("tw:again")
class ProposeAgain(Button):
    """Put a proposal the partner declined to it once more."""

    # A declined proposal is visible only to the side that made it.
    ACCESS = on(Subject.PARTNERSHIP, "partnership")

    partnership: int


@button("tw:no")
class DeclineProposal(Button):
    """Decline a proposal: asks once (`sure` false), then declines."""

    ACCESS = on(Subject.PARTNERSHIP, "partnership", side=Side.ASKED)

    partnership: int
    sure: bool = False
