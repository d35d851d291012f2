"""Every button of partner search, posts and introductions, declared once.

Buttons that outlive a flow keep the callback data they always had (a card or the notice
settings under a digest, Accept / Decline under an introduction, an owner's post actions),
so messages already in people's chats keep working. Posting runs on the form engine and
uses its `FormPress`.
"""

from __future__ import annotations

from typing import Literal

from handlers.shared.access import MEMBER, Need, Subject, on
from handlers.shared.access import Side as Sides
from handlers.shared.buttons import Button, button

Side = Literal["offer", "need"]


# The feature's screen, search and results ---------------------------------------------


@button("of:home")
class OffersHome(Button):
    """The feature's screen: find, post, my posts, notice settings."""

    ACCESS = MEMBER


@button("of:find")
class NewSearch(Button):
    """A search from scratch: words, sectors and kinds cleared."""

    ACCESS = MEMBER


@button("of:back")
class SearchScreen(Button):
    """The search screen with the words, sectors and kinds chosen so far."""

    ACCESS = MEMBER


FilterList = Literal["sectors", "kinds"]


@button("of:pick")
class SearchPick(Button):
    """The sectors or the kinds of support of the search; `code` toggles one, None opens it."""

    ACCESS = MEMBER

    among: FilterList
    code: str | None = None


@button("of:pg")
class ResultsPage(Button):
    """One page of the results of the search kept in the draft (0 is the first)."""

    ACCESS = MEMBER

    page: int = 0


@button("of:card")
class OpenCard(Button):
    """A post's card, from the results or from a digest."""

    ACCESS = on(Subject.POST, "post", Need.MEMBER)

    post: int


@button("of:notice")
class NoticeSettings(Button):
    """The match-notice settings, also under every digest."""

    ACCESS = MEMBER


@button("of:notice:set")
class TurnNotices(Button):
    ACCESS = MEMBER

    on: bool


# The owner's posts --------------------------------------------------------------------


@button("of:new")
class NewPost(Button):
    """Post an offer (partner municipalities) or a need (Ukrainian communities)."""

    ACCESS = MEMBER

    side: Side


@button("of:mine")
class MyPosts(Button):
    """The posts of the presser's community."""

    ACCESS = MEMBER


@button("of:own")
class OwnPost(Button):
    """One of the community's posts with what its owner can do."""

    ACCESS = on(Subject.POST, "post", side=Sides.OWNER)

    post: int


PostAction = Literal["pause", "resume", "renew", "close", "edit"]


@button("of")
class ChangePost(Button):
    """An owner's action on a post; packs as `of:close:7`."""

    ACCESS = on(Subject.POST, "post", side=Sides.OWNER)

    action: PostAction
    post: int


# Introductions ------------------------------------------------------------------------


@button("in:new")
class Interested(Button):
    """The "I'm interested" button on a card: write an introduction about this post."""

    ACCESS = on(Subject.POST, "post", Need.MEMBER)

    post: int


@button("in:send")
class SendIntroduction(Button):
    ACCESS = MEMBER


@button("in:edit")
class RewriteIntroduction(Button):
    ACCESS = MEMBER


@button("in:cancel")
class DropIntroduction(Button):
    ACCESS = MEMBER


@button("in")
class Answer(Button):
    """Accept or Decline under an introduction; packs as `in:ok:7` and `in:no:7`."""

    ACCESS = on(Subject.INTRODUCTION, "introduction", side=Sides.ASKED)

    answer: Literal["ok", "no"]
    introduction: int

    @property
    def accept(self) -> bool:
        return self.answer == "ok"


@button("in:ps")
class PartnershipFromIntroduction(Button):
    """After an accepted introduction: start the partnership in the twinning guide."""

    ACCESS = on(Subject.INTRODUCTION, "introduction")

    introduction: int
