"""Offers and needs: the vocabulary of kinds of support, the rules of visibility and matching.

A partner municipality posts an *offer*; a Ukrainian community posts a *need*. Both carry
sector codes (`bot.domain.sectors`) and kind-of-support codes (below). Codes are stable: they are
stored in the database, in CSV files and in callback data, so never rename one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.sectors import SECTOR_CODES
from bot.i18n import N_

OFFER, NEED = "offer", "need"
SIDES = (OFFER, NEED)


@dataclass(frozen=True)
class Choice:
    code: str
    label: str  # an N_() message, translated where it is shown


KINDS: tuple[Choice, ...] = (
    Choice("expertise", N_("Expertise and study visits")),
    Choice("equipment", N_("Equipment")),
    Choice("humanitarian", N_("Humanitarian aid")),
    Choice("funding", N_("Funding or co-financing")),
    Choice("hosting", N_("Hosting children and displaced people")),
    Choice("projects", N_("Joint projects and EU applications")),
    Choice("exchanges", N_("School and youth exchanges")),
)
KIND_CODES = frozenset(kind.code for kind in KINDS)

# Languages a partner's staff may speak, by ISO 639-1 code; shown in their own names so a
# coordinator recognises them whatever the bot's language.
STAFF_LANGUAGES: tuple[Choice, ...] = (
    Choice("uk", N_("Ukrainian")),
    Choice("en", N_("English")),
    Choice("de", N_("German")),
    Choice("pl", N_("Polish")),
    Choice("fr", N_("French")),
    Choice("es", N_("Spanish")),
    Choice("it", N_("Italian")),
    Choice("lt", N_("Lithuanian")),
    Choice("lv", N_("Latvian")),
    Choice("et", N_("Estonian")),
    Choice("sv", N_("Swedish")),
    Choice("hu", N_("Hungarian")),
    Choice("cs", N_("Czech")),
    Choice("sk", N_("Slovak")),
    Choice("ro", N_("Romanian")),
    Choice("nl", N_("Dutch")),
)
LANGUAGE_CODES = frozenset(language.code for language in STAFF_LANGUAGES)

URGENCIES: tuple[Choice, ...] = (
    Choice("urgent", N_("Urgent")),
    Choice("months", N_("Within a few months")),
    Choice("later", N_("Can wait")),
)
URGENCY_CODES = frozenset(urgency.code for urgency in URGENCIES)

# How long a post stands, in days; 0 means until its owner closes it.
DURATIONS: tuple[tuple[int, str], ...] = (
    (30, N_("1 month")),
    (90, N_("3 months")),
    (180, N_("6 months")),
    (365, N_("1 year")),
    (0, N_("No end date")),
)
DURATION_DAYS = frozenset(days for days, _label in DURATIONS)
DEFAULT_DURATION = 180


def label_of(choices: Iterable[Choice], code: str) -> str | None:
    return next((choice.label for choice in choices if choice.code == code), None)


def known(codes: Iterable[str], allowed: frozenset[str]) -> list[str]:
    """Codes kept in a stable order, unknown ones dropped (callback data is never trusted)."""
    seen: list[str] = []
    for code in codes:
        if code in allowed and code not in seen:
            seen.append(code)
    return seen


def toggled(codes: Iterable[str], code: str, allowed: frozenset[str]) -> list[str]:
    """The chosen codes with `code` added or taken away, unknown ones dropped."""
    chosen = known(codes, allowed)
    return [c for c in chosen if c != code] if code in chosen else known([*chosen, code], allowed)


def valid_sectors(codes: Iterable[str]) -> list[str]:
    return known(codes, SECTOR_CODES)


def valid_until(today: date, duration_days: int) -> date | None:
    """The last day a post posted (or renewed) today shows; None when it has no end."""
    return today + timedelta(days=duration_days) if duration_days else None


def kind_matches(offer_kinds: Iterable[str], need_kinds: Iterable[str]) -> bool:
    """A need that names no kind of support accepts any kind."""
    wanted = set(need_kinds)
    return not wanted or bool(wanted & set(offer_kinds))


def matches(
    offer_sectors: Iterable[str],
    offer_kinds: Iterable[str],
    need_sectors: Iterable[str],
    need_kinds: Iterable[str],
) -> bool:
    """An offer matches a need when they share a sector and the kind of support fits."""
    return bool(set(offer_sectors) & set(need_sectors)) and kind_matches(offer_kinds, need_kinds)


def other_side(side: str) -> str:
    return NEED if side == OFFER else OFFER


def side_for_community(kind: str) -> str:
    """What a community posts: Ukrainian communities need, partner municipalities offer."""
    return NEED if kind == "ua" else OFFER
