"""Matches between offers and needs, and the daily digest that tells people about them.

A post that is published is compared with the visible posts of the other side; every
match queues a notice for the people of both communities (and the posts' authors). With
tens of thousands of posts this takes a while, so the handlers run it in the background
after the author's answer (see `bot.background`); it reads a batch of posts at a time.
The digest then sends each person at most one message per local day, in their language,
never during quiet hours, and never to someone who turned these notices off; its sender
puts it in the bulk lane.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.offers.model import OFFER, matches, other_side
from bot.domain.offers.render import list_line
from bot.i18n import N_, I18n
from storage.offers import Post
from storage.repositories import Repositories

DIGEST_LINES = 8
DIGEST_BUTTONS = 5
OPEN_SETTINGS = N_("Notice settings")
# Posts of the other side read at a time while matching a new post.
MATCH_BATCH = 2000


@dataclass(frozen=True)
class Link:
    """A button under a digest, which the sender turns into its own kind of button:
    a post's card, or without a post the notice settings."""

    label: str
    post: int | None = None


# Sends a message: chat id, text, and the links under it; True if delivered.
Send = Callable[[int, str, list[Link]], Awaitable[bool]]


async def record_matches(repos: Repositories, post: Post) -> int:
    """Queue notices about a post that was just published; returns how many matches."""
    found, after = 0, 0
    # Only people who act for a community now hear of its matches: an author who has left
    # it is no longer told, whoever wrote the post.
    authors = await repos.memberships.members_of([post.community_id])
    own_people = authors[post.community_id]
    while batch := await repos.posts.match_candidates(
        other_side(post.side), post.sectors, after, MATCH_BATCH
    ):
        after = batch[-1].id
        matched = [
            other
            for other in batch
            if other.community_id != post.community_id
            and (
                matches(post.sectors, post.kinds, other.sectors, other.kinds)
                if post.side == OFFER
                else matches(other.sectors, other.kinds, post.sectors, post.kinds)
            )
        ]
        members = await repos.memberships.members_of(o.community_id for o in matched)
        notices: list[tuple[int, int, int]] = []
        for other in matched:
            offer_id, need_id = (post.id, other.id) if post.side == OFFER else (other.id, post.id)
            people = own_people | members[other.community_id]
            notices.extend((person, offer_id, need_id) for person in people)
        await repos.notices.add(notices)
        found += len(matched)
    return found


def _quiet(hour: int, quiet_hours: tuple[int, int]) -> bool:
    start, end = quiet_hours
    return start <= hour or hour < end if start > end else start <= hour < end


async def send_digests(
    repos: Repositories,
    i18n: I18n,
    now: datetime,
    send: Send,
    quiet_hours: tuple[int, int] = (22, 8),
) -> int:
    """Send each waiting person their digest, unless they had one today; returns how many."""
    sent = 0
    today = now.date()
    for user_id in await repos.notices.users_waiting():
        user = await repos.users.get(user_id)
        if user is None or not user.active:
            continue
        local = now.astimezone(ZoneInfo(user.tz))
        if _quiet(local.hour, quiet_hours):
            continue
        own = {m.community_id for m in await repos.memberships.for_user(user_id)}
        notices = await repos.notices.waiting(user_id)
        shown: list[Post] = []
        for notice in notices:
            offer = await repos.posts.get(notice.offer_id)
            need = await repos.posts.get(notice.need_id)
            if offer is None or need is None:
                continue
            # Each person hears about the other side: a need's community about the offer.
            other = offer if need.community_id in own else need
            if other.visible_on(today) and other.id not in {p.id for p in shown}:
                shown.append(other)
        if not shown:
            await repos.notices.mark_sent(n.id for n in notices)
            continue
        if not await repos.notices.claim_day(user_id, local.date().isoformat(), len(shown)):
            continue
        t = i18n.get(user.language)
        communities = {
            c.id: c for c in await repos.communities.list_by_ids([p.community_id for p in shown])
        }
        head = t.ngettext(
            "{n} new match for your community's posts:",
            "{n} new matches for your community's posts:",
            len(shown),
        )
        lines = [
            list_line(i, p, communities.get(p.community_id), t)
            for i, p in enumerate(shown[:DIGEST_LINES], start=1)
        ]
        if len(shown) > DIGEST_LINES:
            rest = len(shown) - DIGEST_LINES
            lines.append(t.ngettext("…and {n} more.", "…and {n} more.", rest))
        links = [
            Link(f"{i}. " + (t._("Offer") if p.side == OFFER else t._("Need")), p.id)
            for i, p in enumerate(shown[:DIGEST_BUTTONS], start=1)
        ]
        links.append(Link(t._(OPEN_SETTINGS)))
        await repos.notices.mark_sent(n.id for n in notices)
        if await send(user_id, "\n\n".join([head, *lines]), links):
            sent += 1
    return sent
