"""How offers and needs read: a line in a list, a full card, the summary before saving."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol

from bot.domain.offers.model import (
    DURATIONS,
    KINDS,
    OFFER,
    STAFF_LANGUAGES,
    URGENCIES,
    Choice,
    label_of,
)
from bot.domain.parsing.amounts import Amount, format_amount
from bot.domain.sectors import sector_labels
from bot.i18n import N_, Translator
from storage.communities import Community
from storage.offers import Post

EXCERPT_CHARS = 140
_NO_ANSWER = N_("not given")


def labels(choices: Iterable[Choice], codes: Iterable[str], t: Translator) -> str:
    chosen = set(codes)
    return ", ".join(t._(c.label) for c in choices if c.code in chosen) or t._(_NO_ANSWER)


def sectors_text(codes: Iterable[str], t: Translator) -> str:
    return ", ".join(sector_labels(list(codes), t)) or t._(_NO_ANSWER)


def place(community: Community | None, t: Translator) -> str:
    if community is None:
        return t._("a municipality that has left")
    country = t.locale.territories.get(community.country_code, community.country_code)
    return f"{community.title(t.lang)}, {country}"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def duration_text(days: int, t: Translator) -> str:
    return t._(next((label for d, label in DURATIONS if d == days), DURATIONS[-1][1]))


def until_text(until: date | None, t: Translator) -> str:
    return t.date(until) if until else t._("until it is closed")


def value_text(amount: Decimal | None, currency: str | None, t: Translator) -> str:
    if amount is None:
        return t._(_NO_ANSWER)
    return format_amount(Amount(amount, currency), t.lang)


def yes_no(value: bool | None, t: Translator) -> str:
    if value is None:
        return t._(_NO_ANSWER)
    return t._("yes") if value else t._("no")


def list_line(number: int, post: Post, community: Community | None, t: Translator) -> str:
    head = f"{number}. {place(community, t)} — {sectors_text(post.sectors, t)}"
    return f"{head}\n   {excerpt(post.description)}"


class PostFields(Protocol):
    """What a card or a summary shows of a post, saved or still a draft."""

    @property
    def side(self) -> str: ...
    @property
    def sectors(self) -> Sequence[str]: ...
    @property
    def kinds(self) -> Sequence[str]: ...
    @property
    def languages(self) -> Sequence[str]: ...
    @property
    def open_to_several(self) -> bool | None: ...
    @property
    def urgency(self) -> str | None: ...
    @property
    def value_amount(self) -> Decimal | None: ...
    @property
    def value_currency(self) -> str | None: ...
    @property
    def partnership(self) -> bool | None: ...


def details(post: PostFields, t: Translator) -> list[str]:
    """The lines every card and summary shows."""
    lines = [
        t._("Sectors: {sectors}", sectors=sectors_text(post.sectors, t)),
        t._("Kind of support: {kinds}", kinds=labels(KINDS, post.kinds, t)),
    ]
    if post.side == OFFER:
        lines += [
            t._("Staff speak: {languages}", languages=labels(STAFF_LANGUAGES, post.languages, t)),
            t._("Open to several communities: {answer}", answer=yes_no(post.open_to_several, t)),
        ]
    else:
        urgency = label_of(URGENCIES, post.urgency or "")
        lines += [
            t._("Urgency: {urgency}", urgency=t._(urgency) if urgency else t._(_NO_ANSWER)),
            t._(
                "Estimated value: {value}",
                value=value_text(post.value_amount, post.value_currency, t),
            ),
            t._(
                "Looking for: {what}",
                what=t._("a partnership") if post.partnership else t._("one-off help"),
            ),
        ]
    return lines


def card(post: Post, community: Community | None, t: Translator, today: date) -> str:
    kind = t._("Offer of help") if post.side == OFFER else t._("Need of a Ukrainian community")
    if post.demo:
        kind += " · " + t._("demo data")
    lines = [place(community, t), kind, "", *details(post, t)]
    lines.append(t._("Shown until: {date}", date=until_text(post.valid_until, t)))
    if not post.visible_on(today):
        lines.append(t._("Not shown in search: {status}", status=status_text(post, t, today)))
    return "\n".join([*lines, "", post.description])


def status_text(post: Post, t: Translator, today: date) -> str:
    if post.status == "closed":
        return t._("closed")
    if post.status == "paused":
        return t._("paused")
    if post.valid_until is not None and post.valid_until < today:
        return t._("expired")
    return t._("shown")
