"""Who may press a button: the rule each button kind declares next to its fields.

    @button("ai:r")
    class ViewRecord(Button):
        ACCESS = Rule(Subject.AID_RECORD, "record", Need.SIDE)
        record: int

A rule names the object the press acts on (its kind and the field carrying its id) and what
the presser needs: nothing, an approved membership, one on a side of the object, to be an
admin of its community, to be an operator. `in_group` is what a press in a group chat needs
on top of, or instead of, that. The guard (`handlers.shared.guard`) checks the rule before
the handler runs, against the presser's memberships and group-admin status as they are at the
press, not as they were when the button was sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Subject(StrEnum):
    """The kind of object a button acts on."""

    NONE = "none"
    COMMUNITY = "community"
    PARTNERSHIP = "partnership"
    AID_RECORD = "aid record"
    VISIT = "visit"
    POST = "post"  # an offer or a need
    INTRODUCTION = "introduction"
    REMINDER = "reminder"
    INVITE = "invite"
    CLAIM = "membership claim"


class Need(StrEnum):
    ANYONE = "anyone"
    MEMBER = "member"  # approved for some community; for a community, for that one
    SIDE = "side"  # approved for a community on `side` of the object
    ADMIN = "admin"  # an admin of the object's community (or of one's own, for no object)
    OPERATOR = "operator"
    RECIPIENT = "recipient"  # a reminder set by the presser or delivered to this chat


class Side(StrEnum):
    """Which communities of an object count as its sides."""

    EITHER = "either"  # any community the object involves
    UKRAINIAN = "ukrainian"  # a partnership's Ukrainian community: the side that edits it
    OWNER = "owner"  # a post's community
    ASKED = "asked"  # the community an introduction was written to, or a proposal made to
    NAMED = "named"  # an aid record's communities on the side its author did not log it for


class InGroup(StrEnum):
    """What a press in a group chat needs."""

    SAME = "same"  # the same as in a private chat
    ADMIN = "admin"  # an admin of the group now, besides the rule's need
    ONLY_ADMIN = "only admin"  # an admin of the group now, instead of the rule's need
    LINKED = "linked"  # the partnership is linked to the group, instead of the rule's need


@dataclass(frozen=True)
class Rule:
    subject: Subject = Subject.NONE
    field: str | None = None
    need: Need = Need.ANYONE
    side: Side = Side.EITHER
    in_group: InGroup = InGroup.SAME

    def __post_init__(self) -> None:
        if (self.subject is Subject.NONE) != (self.field is None):
            raise ValueError("a rule names an object's kind and its field together")
        if self.need in (Need.SIDE, Need.RECIPIENT) and self.subject is Subject.NONE:
            raise ValueError(f"{self.need} needs an object")


ANYONE = Rule()
MEMBER = Rule(need=Need.MEMBER)
ADMIN = Rule(need=Need.ADMIN)
OPERATOR = Rule(need=Need.OPERATOR)
# Settings: one's own in a private chat, the group's for its admins only.
OWN_OR_GROUP_ADMIN = Rule(in_group=InGroup.ONLY_ADMIN)


def on(subject: Subject, field: str, need: Need = Need.SIDE, side: Side = Side.EITHER) -> Rule:
    """A rule about the object whose id is in `field`."""
    return Rule(subject, field, need, side)
