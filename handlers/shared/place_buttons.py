"""The place picker's buttons, declared once for every flow that picks a place.

`flow` is the short key of the flow a picker serves (onboarding, `/codes`, the guide's
partner, the aid log's donors, the visit log's partner): every flow shows the same buttons,
one set of handlers answers them, and each conversation takes only its own flow's presses.
"""

from __future__ import annotations

from handlers.shared.access import ANYONE
from handlers.shared.buttons import Button, button


@button("pl:p")
class PickPlace(Button):
    """A place of the index, by its key: a hromada's KATOTTG code (`scheme` empty), or
    `<scheme>:<ident>` abroad (`gn:2895044`, `x:gniezno-county-pl`)."""

    ACCESS = ANYONE

    flow: str
    scheme: str
    ident: str

    @classmethod
    def of_key(cls, flow: str, key: str) -> PickPlace:
        scheme, _sep, ident = key.rpartition(":")
        return cls(flow, scheme, ident)

    @property
    def key(self) -> str:
        return f"{self.scheme}:{self.ident}" if self.scheme else self.ident


@button("pl:k")
class PickKnown(Button):
    """A community the bot already knows (typed by hand before, or a partner)."""

    ACCESS = ANYONE

    flow: str
    community: int


@button("pl:o")
class ChooseOblast(Button):
    """Narrow a name found in several oblasts: the list of those oblasts."""

    ACCESS = ANYONE

    flow: str


@button("pl:r")
class InOblast(Button):
    """The matches in one oblast; `region` None: in all oblasts again."""

    ACCESS = ANYONE

    flow: str
    region: str | None


@button("pl:m")
class NotInList(Button):
    """The place is in no list: type its name."""

    ACCESS = ANYONE

    flow: str


@button("pl:w")
class KeepName(Button):
    """Keep the name typed by hand and go on to its oblast or country."""

    ACCESS = ANYONE

    flow: str


@button("pl:g")
class HandOblast(Button):
    """The oblast of a Ukrainian community typed by hand."""

    ACCESS = ANYONE

    flow: str
    region: str


@button("pl:c")
class HandCountry(Button):
    """The country of a place abroad typed by hand."""

    ACCESS = ANYONE

    flow: str
    country: str


@button("pl:y")
class AddTyped(Button):
    """Add the place typed with its country in one line («Gmina Dobrcz, Poland»)."""

    ACCESS = ANYONE

    flow: str


@button("pl:s")
class StartOver(Button):
    """Back from the picker's lists to the first screen of the flow's place step."""

    ACCESS = ANYONE

    flow: str
