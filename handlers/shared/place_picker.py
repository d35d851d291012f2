"""The one place picker: a community typed by name, found in the place index, or entered by hand.

Used wherever a person names a community: onboarding, the twinning guide's partner, the aid
log's donors and the visit log's guests. A flow gives it a callback prefix, the draft it keeps
its step in, the side wanted (Ukrainian hromadas or places abroad) and what to do with the
pick. The picker then answers typed names with the matches (official names, shortened to fit
a button), lets a name found in many oblasts be narrowed by oblast, and takes a place that is
in no list by hand: its name, then its country (abroad) or oblast (at home), with Back and
«Keep as is» on each step.

Buttons: ``{prefix}:pl<op>[:<arg>]``; a flow routes them to ``route`` (``handlers`` gives a
ready handler) and typed text in the picker's step to ``take_text``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.context import BotContext
from bot.domain import places
from bot.domain.parsing.text import TextProblem, check_name, clean
from bot.domain.places import Found, Match, Problem
from bot.i18n import N_
from handlers.shared.screens import Button, columns, keyboard, show
from storage.communities import Community

__all__ = ["PICKER_KEY", "Picked", "PlacePicker", "card_lines", "community_for"]

Side = Literal["ua", "foreign"]
PICKER_KEY = "place_picker"
MAX_RESULTS = 5
REGION_RESULTS = 8
LABEL_LIMIT = 64


@dataclass(frozen=True)
class Picked:
    """What the person chose: a place of the index, a known community, or a name by hand."""

    place: places.Place | None = None
    community_id: int | None = None
    name: str | None = None
    country: str | None = None
    region: str | None = None  # the oblast of a Ukrainian place entered by hand


async def community_for(
    context: BotContext, picked: Picked, created_by: int | None
) -> Community | None:
    """The community of a pick, created the first time anyone picks it."""
    repos = context.repos
    if picked.place is not None:
        return await repos.communities.from_place(picked.place, created_by=created_by)
    if picked.community_id is not None:
        return await repos.communities.get(picked.community_id)
    if picked.name and picked.country:
        return await repos.communities.create(
            kind="ua" if picked.country == "UA" else "foreign",
            name=picked.name,
            country_code=picked.country,
            region_code=picked.region,
            unit_kind="municipality",
            created_by=created_by,
        )
    return None


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


Pick = Callable[[Update, BotContext, Picked], Awaitable[Any]]
Back = Callable[[BotContext], str]


class PlacePicker:
    def __init__(
        self,
        prefix: str,
        *,
        state: object,
        store: Callable[[BotContext], dict[str, Any]],
        side: Callable[[BotContext], Side],
        on_pick: Pick,
        back: Back,
        manual: Callable[[BotContext], bool] = lambda context: True,
        name_prompt: Callable[[BotContext], str] = lambda context: N_(
            "Type the official name of the municipality, district or county."
        ),
        country_prompt: str = N_("Type the country, e.g. Germany or Lithuania."),
    ) -> None:
        self.prefix, self.state = prefix, state
        self._store, self._side, self._on_pick, self._back = store, side, on_pick, back
        self._manual = manual
        self._name_prompt, self._country_prompt = name_prompt, country_prompt

    # --- state ---------------------------------------------------------------------------

    def _state(self, context: BotContext) -> dict[str, Any]:
        return self._store(context).setdefault(PICKER_KEY, {})

    def reset(self, context: BotContext) -> None:
        self._store(context).pop(PICKER_KEY, None)

    def _data(self, op: str, arg: str = "") -> str:
        return f"{self.prefix}:pl{op}" + (f":{arg}" if arg else "")

    def handlers(self) -> list[CallbackQueryHandler[BotContext, object]]:
        return [CallbackQueryHandler(self.route, pattern=rf"^{self.prefix}:pl[a-z]")]

    # --- typed text ----------------------------------------------------------------------

    async def take_text(self, update: Update, context: BotContext) -> Any:
        """A name to search, or the name or country of a place entered by hand."""
        assert update.message is not None
        text = update.message.text or ""
        problem = check_name(text)
        if problem is not None:
            await show(update, context, self._problem_text(context, problem))
            return self.state
        step = self._state(context).get("step")
        if step == "name":
            self._state(context)["name"] = clean(text)
            return await self._ask_where(update, context)
        if step == "country":
            return await self._countries(update, context, text)
        return await self.search(update, context, text)

    def _problem_text(self, context: BotContext, problem: TextProblem | str) -> str:
        _ = context._
        if problem in (TextProblem.EMPTY, Problem.EMPTY):
            return _("Please type a name: the message was empty.")
        if problem in (TextProblem.TOO_LONG, Problem.LONG):
            return _("That is too long: please type at most 100 characters.")
        if problem == Problem.SHORT:
            return _("Please type at least two letters of the name.")
        return _("Please type the name in letters.")

    # --- results -------------------------------------------------------------------------

    async def search(
        self, update: Update, context: BotContext, text: str, region: str | None = None
    ) -> Any:
        state = self._state(context)
        state.update(query=clean(text)[:100], step=None, region=region)
        return await self._results(update, context)

    def _find(self, context: BotContext, query: str, region: str | None) -> Found:
        if self._side(context) == "ua":
            return places.search_hromadas(query, region=region, limit=REGION_RESULTS)
        return places.search_world(query, limit=MAX_RESULTS)

    async def _results(self, update: Update, context: BotContext) -> Any:
        _ = context._
        state = self._state(context)
        query, region = str(state.get("query") or ""), state.get("region")
        found = self._find(context, query, region)
        if found.problem is not None:
            rows: list[list[Button]] = [[(_("Back"), self._back(context))]]
            await show(update, context, self._problem_text(context, found.problem), keyboard(rows))
            return self.state
        known = await self._known(context, query)
        seen = {community.place_key for community in known}
        # One oblast's list may be longer: nothing else is left to narrow it by.
        shown = max((REGION_RESULTS if found.region else MAX_RESULTS) - len(known), 0)
        matches = [match for match in found.matches if match.place.key not in seen][:shown]
        labels = match_labels(matches, context.lang, oblast=not found.region)
        rows = [
            [
                (
                    clip_label(self._community_label(community, context.lang)),
                    self._data("k", str(community.id)),
                )
            ]
            for community in known
        ]
        rows += [
            [(label, self._data("p", match.place.key))]
            for label, match in zip(labels, matches, strict=True)
        ]
        lang = context.lang
        if found.region:
            area = places.region(found.region)
            text = _(
                "Communities in {oblast} for “{query}”:",
                oblast=area.name(lang) if area else found.region,
                query=query[:60],
            )
            if region:
                rows.append([(_("All oblasts"), self._data("a"))])
        elif len(found.regions) > 1 and found.total > MAX_RESULTS:
            text = context.ngettext(
                "“{query}”: {n} community found, in several oblasts. Choose one, or narrow the"
                " list by oblast.",
                "“{query}”: {n} communities found, in several oblasts. Choose one, or narrow the"
                " list by oblast.",
                found.total,
                query=query[:60],
            )
            rows.append([(_("Choose the oblast"), self._data("o"))])
        elif rows:
            text = _("Which one is it? If it is not in the list, type the name again.")
        elif self._side(context) == "foreign":
            text = _(
                "Nothing found for “{query}”. Check the spelling and type it again, or type it"
                " with the country, e.g. “Gniezno County, Poland”.",
                query=query[:60],
            )
            offer = self._typed_with_country(query)
            if offer is not None:
                name, country = offer
                state["offer"] = {"name": name, "country": country.code}
                rows.append(
                    [
                        (
                            clip_label(_("Add “{place}”", place=f"{name}, {country.name(lang)}")),
                            self._data("y"),
                        )
                    ]
                )
        else:
            text = _(
                "Nothing found for “{query}”. Check the spelling and type it again.",
                query=query[:60],
            )
        if self._manual(context):
            rows.append([(_("Not in the list"), self._data("m"))])
        rows.append([(_("Back"), self._back(context))])
        await show(update, context, text, keyboard(rows))
        return self.state

    @staticmethod
    def _typed_with_country(query: str) -> tuple[str, places.Country] | None:
        """«Gmina Dobrcz, Poland»: a name and a known country (not Ukraine), for adding."""
        name, _sep, country = query.rpartition(",")
        name = clean(name)
        if not name or check_name(name) is not None:
            return None
        found = places.find_countries(country, limit=1)
        if not found or found[0].code == "UA":
            return None
        return name, found[0]

    async def _known(self, context: BotContext, query: str) -> list[Community]:
        """Places abroad entered by hand before, whose name holds what was typed."""
        if self._side(context) != "foreign" or len(query) < 3:
            return []
        ids = await context.repos.partnerships.partner_candidates(query)
        known = await context.repos.communities.list_by_ids(ids)
        return [community for community in known if community.place_key is None]

    @staticmethod
    def _community_label(community: Community, lang: str) -> str:
        country = places.country(community.country_code)
        if country is None:
            return community.title(lang)
        return f"{community.title(lang)}, {country.name(lang)}"

    async def _oblasts(self, update: Update, context: BotContext) -> Any:
        state = self._state(context)
        found = self._find(context, str(state.get("query") or ""), None)
        buttons: list[Button] = []
        for code, count in found.regions:
            area = places.region(code)
            name = area.short(context.lang) if area else code
            buttons.append((f"{name} ({count})", self._data("r", code)))
        rows = [*columns(buttons), [(context._("Back"), self._data("a"))]]
        await show(update, context, context._("Choose the oblast:"), keyboard(rows))
        return self.state

    # --- by hand -------------------------------------------------------------------------

    async def ask_name(self, update: Update, context: BotContext) -> Any:
        _ = context._
        state = self._state(context)
        state["step"] = "name"
        prompt = _(self._name_prompt(context))
        rows: list[list[Button]] = []
        typed = state.get("name")
        if typed:
            prompt = "\n\n".join([_("Now: {value}", value=typed), prompt])
            rows.append([(_("Keep as is"), self._data("w"))])
        rows.append([(_("Back"), self._back(context))])
        await show(update, context, prompt, keyboard(rows))
        return self.state

    async def _ask_where(self, update: Update, context: BotContext) -> Any:
        _ = context._
        back = [(_("Back"), self._data("m"))]
        if self._side(context) == "ua":
            self._state(context)["step"] = "oblast"
            regions = [
                (region.name(context.lang)[:40], self._data("g", region.code))
                for region in places.ukrainian_regions(context.lang)
            ]
            await show(
                update, context, _("Choose the oblast:"), keyboard([*columns(regions), back])
            )
            return self.state
        self._state(context)["step"] = "country"
        await show(update, context, _(self._country_prompt), keyboard([back]))
        return self.state

    async def _countries(self, update: Update, context: BotContext, text: str) -> Any:
        _ = context._
        back = [(_("Back"), self._data("m"))]
        found = [c for c in places.find_countries(text) if c.code != "UA"]
        if not found:
            await show(
                update,
                context,
                _(
                    "No country found for “{query}”. Type it again, e.g. Poland.",
                    query=clean(text)[:60],
                ),
                keyboard([back]),
            )
            return self.state
        rows = [[(c.name(context.lang), self._data("c", c.code))] for c in found]
        await show(update, context, _("Which country?"), keyboard([*rows, back]))
        return self.state

    # --- buttons -------------------------------------------------------------------------

    async def route(self, update: Update, context: BotContext) -> Any:
        assert update.callback_query is not None
        data = (update.callback_query.data or "").removeprefix(f"{self.prefix}:pl")
        op, _sep, arg = data.partition(":")
        state = self._state(context)
        if op == "p":
            place = places.get(arg)
            if place is not None and (place.country_code == "UA") == (self._side(context) == "ua"):
                return await self._on_pick(update, context, Picked(place=place))
        elif op == "k" and arg.isdigit():
            return await self._on_pick(update, context, Picked(community_id=int(arg)))
        elif op == "o" and state.get("query"):
            return await self._oblasts(update, context)
        elif op == "r" and state.get("query") and places.region(arg) is not None:
            state["region"] = arg
            return await self._results(update, context)
        elif op == "a" and state.get("query"):
            state["region"] = None
            return await self._results(update, context)
        elif op == "m" and self._manual(context):
            return await self.ask_name(update, context)
        elif op == "w" and state.get("name"):
            return await self._ask_where(update, context)
        elif op == "g" and state.get("name") and places.region(arg) is not None:
            picked = Picked(name=state["name"], country="UA", region=arg.upper())
            return await self._on_pick(update, context, picked)
        elif op == "c" and state.get("name") and arg != "UA" and places.country(arg):
            return await self._on_pick(update, context, Picked(name=state["name"], country=arg))
        elif op == "y" and state.get("offer"):
            offer = state["offer"]
            return await self._on_pick(
                update, context, Picked(name=offer["name"], country=offer["country"])
            )
        # A button of a screen the flow has left: start the picker's screen again.
        if state.get("query"):
            return await self._results(update, context)
        await show(
            update,
            context,
            context._("Please type the name again."),
            keyboard([[(context._("Back"), self._back(context))]]),
        )
        return self.state


class _Translates(Protocol):
    def _(self, message: str, /, **values: object) -> str: ...


def card_lines(t: _Translates, community: Community, lang: str) -> list[str]:
    """A community as its card shows it: the official form and, at home, its code."""
    lines = [community.official(lang)]
    if community.katottg:
        lines.append(t._("KATOTTG code: {code}", code=community.katottg))
    elif community.kind == "ua":
        lines.append(t._("KATOTTG code: not assigned yet (an operator will add it)"))
    return lines
