"""The place picker's screens: pure functions from what was found and a translator to the
text and buttons, the same for every flow (`flow` only marks whose buttons they are)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from telegram import InlineKeyboardMarkup

from bot.domain import places
from bot.domain.parsing.text import TextProblem
from bot.domain.places import Country, Found, Match, Problem
from bot.i18n import Translator
from handlers.shared import place_buttons as buttons
from handlers.shared.screens import Button, columns, keyboard
from storage.communities import Community

Side = Literal["ua", "foreign"]
Screen = tuple[str, InlineKeyboardMarkup]
MAX_RESULTS = 5
REGION_RESULTS = 8
LABEL_LIMIT = 64
QUERY_SHOWN = 60


def clip_label(label: str, limit: int = LABEL_LIMIT) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip(" ,") + "…"


def match_labels(matches: list[Match], lang: str, *, oblast: bool = True) -> list[str]:
    """Button labels; two hromadas of one name in one oblast are told apart by raion."""
    labels = [match.label(lang, oblast=oblast) for match in matches]
    repeated = {label for label in labels if labels.count(label) > 1}
    return [
        clip_label(match.label(lang, raion=True, oblast=oblast) if label in repeated else label)
        for label, match in zip(labels, matches, strict=True)
    ]


def problem_text(t: Translator, problem: TextProblem | str) -> str:
    """What to type instead of an empty, one-letter, endless or letterless name."""
    if problem in (TextProblem.EMPTY, Problem.EMPTY):
        return t._("Please type a name: the message was empty.")
    if problem in (TextProblem.TOO_LONG, Problem.LONG):
        return t._("That is too long: please type at most 100 characters.")
    if problem == Problem.SHORT:
        return t._("Please type at least two letters of the name.")
    return t._("Please type the name in letters.")


def with_back(t: Translator, text: str, back: str) -> Screen:
    """A line to read and Back (`back`: the flow's callback data for it)."""
    return text, keyboard([[(t._("Back"), back)]])


@dataclass(frozen=True)
class Results:
    """What a search found, and what the screen may offer besides."""

    query: str
    found: Found
    side: Side
    known: Sequence[Community] = ()
    filtered: bool = False  # the person chose the oblast (so "All oblasts" takes it back)
    offer: tuple[str, Country] | None = None  # «Gmina Dobrcz, Poland», typed in one line
    manual: bool = True  # "Not in the list" is offered


def results(t: Translator, flow: str, back: str, shown: Results) -> Screen:
    """The matches as buttons (the known communities first), with the ways on: narrow by
    oblast, all oblasts again, add what was typed with its country, not in the list, Back."""
    lang, found, query = t.lang, shown.found, shown.query[:QUERY_SHOWN]
    seen = {community.place_key for community in shown.known}
    # One oblast's list may be longer: nothing else is left to narrow it by.
    room = max((REGION_RESULTS if found.region else MAX_RESULTS) - len(shown.known), 0)
    matches = [match for match in found.matches if match.place.key not in seen][:room]
    labels = match_labels(matches, lang, oblast=not found.region)
    rows: list[list[Button]] = [
        [(clip_label(community.official(lang)), buttons.PickKnown(flow, community.id).data())]
        for community in shown.known
    ]
    rows += [
        [(label, buttons.PickPlace.of_key(flow, match.place.key).data())]
        for label, match in zip(labels, matches, strict=True)
    ]
    if found.region:
        area = places.region(found.region)
        text = t._(
            "Communities in {oblast} for “{query}”:",
            oblast=area.name(lang) if area else found.region,
            query=query,
        )
        if shown.filtered:
            rows.append([(t._("All oblasts"), buttons.InOblast(flow, None).data())])
    elif len(found.regions) > 1 and found.total > MAX_RESULTS:
        text = t.ngettext(
            "“{query}”: {n} community found, in several oblasts. Choose one, or narrow the"
            " list by oblast.",
            "“{query}”: {n} communities found, in several oblasts. Choose one, or narrow the"
            " list by oblast.",
            found.total,
            query=query,
        )
        rows.append([(t._("Choose the oblast"), buttons.ChooseOblast(flow).data())])
    elif rows:
        text = t._("Which one is it? If it is not in the list, type the name again.")
    elif shown.side == "foreign":
        text = t._(
            "Nothing found for “{query}”. Check the spelling and type it again, or type it"
            " with the country, e.g. “Gniezno County, Poland”.",
            query=query,
        )
        if shown.offer is not None:
            name, country = shown.offer
            place = f"{name}, {country.name(lang)}"
            rows.append(
                [(clip_label(t._("Add “{place}”", place=place)), buttons.AddTyped(flow).data())]
            )
    else:
        text = t._(
            "Nothing found for “{query}”. Check the spelling and type it again.", query=query
        )
    if shown.manual:
        rows.append([(t._("Not in the list"), buttons.NotInList(flow).data())])
    rows.append([(t._("Back"), back)])
    return text, keyboard(rows)


def oblasts(t: Translator, flow: str, found: Found) -> Screen:
    """The oblasts a name was found in, with how many communities each."""
    choices: list[Button] = []
    for code, count in found.regions:
        area = places.region(code)
        name = area.short(t.lang) if area else code
        choices.append((f"{name} ({count})", buttons.InOblast(flow, code).data()))
    rows = [*columns(choices), [(t._("Back"), buttons.InOblast(flow, None).data())]]
    return t._("Choose the oblast:"), keyboard(rows)


def name_prompt(t: Translator, flow: str, prompt: str, typed: str | None, back: str) -> Screen:
    """Type the name of a place in no list; a name typed before may be kept."""
    rows: list[list[Button]] = []
    if typed:
        prompt = "\n\n".join([t._("Now: {value}", value=typed), prompt])
        rows.append([(t._("Keep as is"), buttons.KeepName(flow).data())])
    rows.append([(t._("Back"), back)])
    return prompt, keyboard(rows)


def oblast_choice(t: Translator, flow: str) -> Screen:
    """The oblast of a Ukrainian community typed by hand."""
    regions = [
        (region.name(t.lang)[:40], buttons.HandOblast(flow, region.code).data())
        for region in places.ukrainian_regions(t.lang)
    ]
    back = [(t._("Back"), buttons.NotInList(flow).data())]
    return t._("Choose the oblast:"), keyboard([*columns(regions), back])


def country_choice(t: Translator, flow: str, query: str, found: Sequence[Country]) -> Screen:
    """The countries a typed country name may be, or that none is."""
    back = [(t._("Back"), buttons.NotInList(flow).data())]
    if not found:
        text = t._(
            "No country found for “{query}”. Type it again, e.g. Poland.",
            query=query[:QUERY_SHOWN],
        )
        return text, keyboard([back])
    rows = [[(c.name(t.lang), buttons.HandCountry(flow, c.code).data())] for c in found]
    return t._("Which country?"), keyboard([*rows, back])
