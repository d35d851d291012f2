"""The screens of partner search, posts and introductions: pure functions from data and a
translator to text and buttons, so a test can read any of them without the Application."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from telegram import InlineKeyboardMarkup

from bot.domain.offers.digest import Link
from bot.domain.offers.model import KINDS, OFFER, Choice
from bot.domain.offers.render import (
    card,
    excerpt,
    labels,
    list_line,
    place,
    sectors_text,
    status_text,
)
from bot.domain.sectors import SECTORS, Sector
from bot.i18n import Translator
from handlers.offers.buttons import (
    Answer,
    ChangePost,
    DropIntroduction,
    FilterList,
    Interested,
    MyPosts,
    NewPost,
    NewSearch,
    NoticeSettings,
    OffersHome,
    OpenCard,
    OwnPost,
    PartnershipFromIntroduction,
    ResultsPage,
    RewriteIntroduction,
    SearchPick,
    SearchScreen,
    SendIntroduction,
    TurnNotices,
)
from handlers.offers.drafts import Filters
from handlers.shared.buttons import Button
from handlers.shared.navigation import HOME, GoTo, Place
from handlers.shared.screens import columns, keyboard
from storage.communities import Community
from storage.offers import Post
from storage.users import User

PAGE_SIZE = 5
MY_POSTS_SHOWN = 20
# The main menu's buttons, which the menu still builds as plain callback data.
MAIN_MENU = HOME.data()
TWINNING_GUIDE = GoTo(Place.TWINNING).data()

Row = list[tuple[str, str]]


@dataclass(frozen=True)
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None


def _row(*buttons: tuple[str, Button]) -> Row:
    return [(label, press.data()) for label, press in buttons]


# The feature's screen and the refusal ----------------------------------------------------


def not_approved(t: Translator) -> Screen:
    text = t._(
        "Partner search is open to people whose community an operator has approved."
        " Send /start to choose your community."
    )
    return Screen(text, keyboard([[(t._("Main menu"), MAIN_MENU)]]))


def home(side: str, t: Translator, notice: str | None = None) -> Screen:
    """What the community can do: find the other side's posts, post its own."""
    rows = [_row((t._("Find partners"), NewSearch()))]
    if side == OFFER:
        rows.append(_row((t._("Post an offer"), NewPost("offer"))))
        text = t._(
            "Partner search. Find Ukrainian communities whose needs your municipality can help"
            " with, or post an offer of help or cooperation."
        )
    else:
        rows.append(_row((t._("Post a need"), NewPost("need"))))
        text = t._(
            "Partner search. Find municipalities abroad that offer help or cooperation, or post"
            " what your community needs."
        )
    rows += [
        _row((t._("My posts"), MyPosts()), (t._("Notice settings"), NoticeSettings())),
        [(t._("Main menu"), MAIN_MENU)],
    ]
    return Screen(f"{notice}\n\n{text}" if notice else text, keyboard(rows))


# Search and results ----------------------------------------------------------------------


def search(side: str, filters: Filters, t: Translator) -> Screen:
    """The search screen of a community on `side`: it looks for the other side's posts."""
    any_ = t._("any")
    looking_for = (
        t._("Find offers of partner municipalities.")
        if side != OFFER
        else t._("Find needs of Ukrainian communities.")
    )
    sectors = sectors_text(filters.sectors, t) if filters.sectors else any_
    kinds = labels(KINDS, filters.kinds, t) if filters.kinds else any_
    text = "\n".join(
        [
            looking_for,
            t._("Type words in any language, or choose sectors and kinds of support below."),
            "",
            t._("Sectors: {sectors}", sectors=sectors),
            t._("Kind of support: {kinds}", kinds=kinds),
        ]
    )
    rows = [
        _row(
            (t._("Sectors"), SearchPick("sectors")), (t._("Kind of support"), SearchPick("kinds"))
        ),
        _row((t._("Show results"), ResultsPage(0))),
        _row((t._("Back"), OffersHome())),
    ]
    return Screen(text, keyboard(rows))


def picker(among: FilterList, chosen: Sequence[str], t: Translator) -> Screen:
    """The sectors (in two columns) or the kinds of support of a search, to toggle."""
    choices: Sequence[Sector | Choice]
    if among == "sectors":
        text, choices, width = t._("Choose one or more sectors, then press Done."), SECTORS, 2
    else:
        text, choices, width = t._("Choose the kinds of support, then press Done."), KINDS, 1
    picked = set(chosen)
    buttons = [
        (("✓ " if c.code in picked else "") + t._(c.label), SearchPick(among, c.code).data())
        for c in choices
    ]
    return Screen(text, keyboard([*columns(buttons, width), _row((t._("Done"), SearchScreen()))]))


def nothing_found(t: Translator) -> Screen:
    text = t._("Nothing found. Try fewer or shorter words, another language, or fewer sectors.")
    return Screen(text, keyboard([_back_to_search(t)]))


def _back_to_search(t: Translator) -> Row:
    return _row((t._("Change the search"), SearchScreen()), (t._("Back"), OffersHome()))


def results(
    posts: Sequence[Post],
    total: int,
    page: int,
    communities: Mapping[int, Community],
    t: Translator,
) -> Screen:
    """One page of results: a numbered line per post, and a button per post opening its card."""
    pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
    first = page * PAGE_SIZE + 1
    head = t.ngettext("{n} post found.", "{n} posts found.", total)
    if pages > 1:
        head += " " + t._("Page {page} of {pages}.", page=page + 1, pages=pages)
    lines = [
        list_line(number, p, communities.get(p.community_id), t)
        for number, p in enumerate(posts, start=first)
    ]
    rows: list[Row] = []
    for number, post in enumerate(posts, start=first):
        owner = communities.get(post.community_id)
        name = owner.title(t.lang) if owner is not None else ""
        rows.append([(f"{number}. {name[:40]}", OpenCard(post.id).data())])
    nav: list[tuple[str, Button]] = []
    if page > 0:
        nav.append((t._("◀ Previous"), ResultsPage(page - 1)))
    if page + 1 < pages:
        nav.append((t._("Next ▶"), ResultsPage(page + 1)))
    if nav:
        rows.append(_row(*nav))
    rows.append(_back_to_search(t))
    return Screen("\n\n".join([head, *lines]), keyboard(rows))


def post_card(
    post: Post,
    community: Community | None,
    t: Translator,
    today: date,
    *,
    can_ask: bool,
    page: int,
) -> Screen:
    """A post's card from the results or a digest; `can_ask` offers an introduction."""
    rows: list[Row] = []
    if can_ask:
        rows.append(_row((t._("I'm interested"), Interested(post.id))))
    rows.append(_row((t._("Back to results"), ResultsPage(page))))
    return Screen(card(post, community, t, today), keyboard(rows))


def notice_settings(enabled: bool, t: Translator) -> Screen:
    text = "\n".join(
        [
            t._(
                "When a new offer matches your community's needs (or a new need matches your"
                " offers), you get one digest a day at most."
            ),
            "",
            t._("Match notices: on") if enabled else t._("Match notices: off"),
        ]
    )
    toggle = (
        (t._("Turn off"), TurnNotices(False)) if enabled else (t._("Turn on"), TurnNotices(True))
    )
    return Screen(text, keyboard([_row(toggle), _row((t._("Back"), OffersHome()))]))


def digest_keyboard(links: Sequence[Link]) -> InlineKeyboardMarkup:
    """The buttons under a digest: each post's card, then the notice settings."""
    return keyboard(
        [
            [(link.label, (NoticeSettings() if link.post is None else OpenCard(link.post)).data())]
            for link in links
        ]
    )


# The community's own posts ---------------------------------------------------------------


def my_posts(community: Community, posts: Sequence[Post], t: Translator, today: date) -> Screen:
    shown = posts[:MY_POSTS_SHOWN]
    rows: list[Row] = [
        [
            (
                f"{number}. {status_text(p, t, today)} — {excerpt(p.description, 30)}",
                OwnPost(p.id).data(),
            )
        ]
        for number, p in enumerate(shown, start=1)
    ]
    rows.append(_row((t._("Back"), OffersHome())))
    text = (
        t._("Posts of {community}:", community=community.title(t.lang))
        if shown
        else t._("Your community has no posts yet.")
    )
    return Screen(text, keyboard(rows))


def own_post(
    post: Post, community: Community, t: Translator, today: date, notice: str | None = None
) -> Screen:
    """A post of the community with what its owner can do to it."""
    rows: list[Row] = []
    if post.status != "closed":
        toggle = (
            (t._("Pause"), ChangePost("pause", post.id))
            if post.status == "active"
            else (t._("Resume"), ChangePost("resume", post.id))
        )
        rows += [
            _row((t._("Edit"), ChangePost("edit", post.id)), toggle),
            _row(
                (t._("Renew"), ChangePost("renew", post.id)),
                (t._("Close"), ChangePost("close", post.id)),
            ),
        ]
    rows.append(_row((t._("Back"), MyPosts())))
    text = card(post, community, t, today)
    return Screen(f"{notice}\n\n{text}" if notice else text, keyboard(rows))


def saved(post: Post, community: Community, t: Translator, today: date) -> Screen:
    text = t._("Saved. It is shown in search until the date on the card.")
    if post.status == "active":
        # The matches are found after this answer, in the background.
        text += "\n" + t._("Matching posts of the other side will be in your daily digest.")
    text += "\n\n" + card(post, community, t, today)
    return Screen(text, keyboard([_row((t._("My posts"), MyPosts()), (t._("Back"), OffersHome()))]))


# Introductions -----------------------------------------------------------------------------


def write_introduction(partner: Community | None, t: Translator, answering: str) -> Screen:
    """Answering an offer, a Ukrainian community asks for help; answering a need, a partner
    proposes it."""
    if answering == OFFER:
        text = t._(
            "Type a short message for {partner}: who you are and what your community needs."
            " They will see your name and community; your Telegram contact is shared only if"
            " they accept.",
            partner=place(partner, t),
        )
    else:
        text = t._(
            "Type a short message for {partner}: who you are and what you propose. They will"
            " see your name and community; your Telegram contact is shared only if they accept.",
            partner=place(partner, t),
        )
    return Screen(text, keyboard([_row((t._("Cancel"), DropIntroduction()))]))


def rewrite_introduction(t: Translator) -> Screen:
    return Screen(
        t._("Type the message again."), keyboard([_row((t._("Cancel"), DropIntroduction()))])
    )


def introduction_preview(message: str, t: Translator) -> Screen:
    rows = [
        _row((t._("Send"), SendIntroduction())),
        _row((t._("Edit"), RewriteIntroduction()), (t._("Cancel"), DropIntroduction())),
    ]
    return Screen(t._("Your introduction:\n\n{message}", message=message), keyboard(rows))


def after_introduction(text: str, t: Translator) -> Screen:
    """Where the asker goes once the introduction is sent or dropped: back to the results."""
    return Screen(text, keyboard([_row((t._("Back to results"), ResultsPage(0)))]))


def introduction_sent(partner: Community | None, delivered: bool, t: Translator) -> Screen:
    if delivered:
        text = t._(
            "Sent to {partner}. You will get a message here when they answer.",
            partner=place(partner, t),
        )
    else:
        text = t._(
            "Nobody from {partner} uses the bot yet. Your introduction is kept and reaches them"
            " as soon as someone from there joins; an operator has been told, so they can reach"
            " the municipality another way meanwhile.",
            partner=place(partner, t),
        )
    return after_introduction(text, t)


def introduction(
    introduction_id: int,
    asker: str,
    community: Community | None,
    post: Post,
    message: str,
    t: Translator,
) -> Screen:
    """What the people of the community asked read, with Accept and Decline."""
    about = t._("your offer") if post.side == OFFER else t._("your community's need")
    text = t._(
        "Introduction: {name} of {community} is interested in {about}: “{post}”\n\nTheir"
        " message:\n{message}\n\nIf you accept, you both get each other's Telegram contact.",
        name=asker,
        community=place(community, t),
        about=about,
        post=excerpt(post.description, 120),
        message=message,
    )
    rows = [
        _row(
            (t._("Accept"), Answer("ok", introduction_id)),
            (t._("Decline"), Answer("no", introduction_id)),
        )
    ]
    return Screen(text, keyboard(rows))


def contact(user: User | None, t: Translator) -> str:
    if user is None:
        return t._("unknown")
    if user.username:
        return f"{user.display_name} (@{user.username})"
    return t._("{name} (no public Telegram username: ask them to set one)", name=user.display_name)


def accepted(
    introduction_id: int,
    community: Community | None,
    person: User | None,
    t: Translator,
    *,
    by_reader: bool,
) -> Screen:
    """An accepted introduction with the other side's contact and the way to a partnership:
    for the reader who accepted it (`by_reader`) or for the one who asked."""
    where, who = place(community, t), contact(person, t)
    text = (
        t._("Accepted. Contact of {community}: {contact}", community=where, contact=who)
        if by_reader
        else t._(
            "{partner} accepted your introduction. Their contact: {contact}",
            partner=where,
            contact=who,
        )
    )
    label = t._("Start a partnership in the twinning guide")
    return Screen(text, keyboard([_row((label, PartnershipFromIntroduction(introduction_id)))]))


def declined_for_asker(partner: Community | None, t: Translator) -> Screen:
    return Screen(t._("{partner} declined your introduction.", partner=place(partner, t)))


def introduction_arrived(partner: Community | None, t: Translator) -> Screen:
    text = t._(
        "Your introduction has reached {partner}: someone from there uses the bot now."
        " You will get a message here when they answer.",
        partner=place(partner, t),
    )
    return Screen(text)


def introduction_waits(
    asker: Community, partner: Community | None, message: str, t: Translator
) -> Screen:
    """What operators read when nobody of the community asked uses the bot yet."""
    text = t._(
        "An introduction from {asker} to {partner} is waiting: nobody from {partner} uses"
        " the bot yet.\n\nMessage: {message}",
        asker=place(asker, t),
        partner=place(partner, t),
        message=message,
    )
    return Screen(text)


def partnership_opened(partner: Community, created: bool, t: Translator) -> Screen:
    """A partner municipality took up an accepted introduction."""
    if created:
        text = "\n\n".join(
            [
                t._("The partnership with {partner} is created.", partner=place(partner, t)),
                t._(
                    "It is a proposal to {partner} until someone there accepts it.",
                    partner=place(partner, t),
                ),
            ]
        )
    else:
        text = t._("The partnership with {partner} already exists.", partner=place(partner, t))
    return Screen(text, keyboard([[(t._("Twinning guide"), TWINNING_GUIDE)]]))
