"""The one place picker: a community typed by name, found in the place index, or entered by hand.

Used wherever a person names a community: onboarding, `/codes`, the twinning guide's partner,
the aid log's donors and the visit log's partner. A flow gives it a short flow key (its
buttons carry it, see `place_buttons`), the draft it keeps its step in, the side wanted
(Ukrainian hromadas or places abroad) and what to do with the pick. The picker then answers
typed names with the matches (official names, shortened to fit a button), lets a name found
in many oblasts be narrowed by oblast, and takes a place that is in no list by hand: its
name, then its country (abroad) or oblast (at home), with Back and «Keep as is» on each step.

A flow puts `handlers()` in the conversation state the picker returns and sends typed text
in that state to `take_text`; `PlaceField` (in `place_field`) does both for a form's field.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from telegram import Update
from telegram.ext import BaseHandler

from bot.context import BotContext
from bot.domain import places
from bot.domain.parsing.text import check_name, clean
from bot.domain.places import Found
from bot.i18n import N_
from handlers.shared import place_screens as screens
from handlers.shared.buttons import pressed
from handlers.shared.place_buttons import (
    AddTyped,
    ChooseOblast,
    HandCountry,
    HandOblast,
    InOblast,
    KeepName,
    NotInList,
    PickKnown,
    PickPlace,
)
from handlers.shared.place_screens import Screen, Side, clip_label, match_labels
from handlers.shared.screens import show
from storage.communities import Community

__all__ = [
    "PICKER_KEY",
    "Picked",
    "PlacePicker",
    "Side",
    "card_lines",
    "clip_label",
    "community_for",
    "match_labels",
    "picked_title",
]

PICKER_KEY = "place_picker"
_FLOW_KEY = re.compile(r"[a-z]{1,4}")


@dataclass(frozen=True)
class Picked:
    """What the person chose: a place of the index, a known community, or a name by hand."""

    place: places.Place | None = None
    community_id: int | None = None
    name: str | None = None
    country: str | None = None
    region: str | None = None  # the oblast of a Ukrainian place entered by hand

    def value(self) -> dict[str, Any]:
        """The pick as a draft keeps it (JSON)."""
        if self.place is not None:
            return {"place": self.place.key}
        if self.community_id is not None:
            return {"community": self.community_id}
        return {"name": self.name, "country": self.country, "region": self.region}

    @classmethod
    def of_value(cls, value: object) -> Picked | None:
        """A pick back from a draft; None for what no pick would have left there."""
        if not isinstance(value, dict):
            return None
        if isinstance(value.get("place"), str):
            place = places.get(value["place"])
            return cls(place=place) if place is not None else None
        if isinstance(value.get("community"), int):
            return cls(community_id=value["community"])
        name, country, region = value.get("name"), value.get("country"), value.get("region")
        if isinstance(name, str) and isinstance(country, str) and name and country:
            return cls(name=name, country=country, region=region if region else None)
        return None


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


async def picked_title(context: BotContext, picked: Picked) -> str | None:
    """A pick in its full form: the official name with raion and oblast, a place abroad with
    its country, a name typed by hand with its oblast or country."""
    lang = context.lang
    if picked.place is not None:
        return picked.place.display(lang)
    if picked.community_id is not None:
        community = await context.repos.communities.get(picked.community_id)
        return community.official(lang) if community else None
    if not picked.name or not picked.country:
        return None
    where: places.Region | places.Country | None = None
    if picked.region:
        where = places.region(picked.region)
    where = where or places.country(picked.country)
    return f"{picked.name}, {where.name(lang)}" if where else picked.name


Pick = Callable[[Update, BotContext, Picked], Awaitable[Any]]
Back = Callable[[BotContext], str]


class PlacePicker:
    _flows: ClassVar[set[str]] = set()

    def __init__(
        self,
        flow: str,
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
        # Two flows of one key would take each other's presses.
        if not _FLOW_KEY.fullmatch(flow) or flow in PlacePicker._flows:
            raise ValueError(f"place picker flow key {flow!r} is malformed or taken")
        PlacePicker._flows.add(flow)
        self.flow, self.state = flow, state
        self._store, self._side, self._on_pick, self._back = store, side, on_pick, back
        self._manual = manual
        self._name_prompt, self._country_prompt = name_prompt, country_prompt

    # --- state ---------------------------------------------------------------------------

    def _state(self, context: BotContext) -> dict[str, Any]:
        return self._store(context).setdefault(PICKER_KEY, {})

    def reset(self, context: BotContext) -> None:
        self._store(context).pop(PICKER_KEY, None)

    async def _show(self, update: Update, context: BotContext, screen: Screen) -> Any:
        await show(update, context, *screen)
        return self.state

    def handlers(self) -> list[BaseHandler[Any, Any, Any]]:
        """The handlers of this flow's picker buttons (other flows' presses pass by)."""
        callbacks = (
            self._pick_place,
            self._pick_known,
            self._choose_oblast,
            self._in_oblast,
            self._not_in_list,
            self._keep_name,
            self._hand_oblast,
            self._hand_country,
            self._add_typed,
        )
        return [pressed(callback, when=self._ours) for callback in callbacks]

    def _ours(self, press: Any) -> bool:
        return bool(press.flow == self.flow)

    # --- typed text ----------------------------------------------------------------------

    async def take_text(self, update: Update, context: BotContext) -> Any:
        """A name to search, or the name or country of a place entered by hand."""
        assert update.message is not None
        text = update.message.text or ""
        problem = check_name(text)
        if problem is not None:
            await show(update, context, screens.problem_text(context.t, problem))
            return self.state
        step = self._state(context).get("step")
        if step == "name":
            self._state(context)["name"] = clean(text)
            return await self._ask_where(update, context)
        if step == "country":
            found = [c for c in places.find_countries(text) if c.code != "UA"]
            screen = screens.country_choice(context.t, self.flow, clean(text), found)
            return await self._show(update, context, screen)
        return await self.search(update, context, text)

    # --- results -------------------------------------------------------------------------

    async def search(
        self, update: Update, context: BotContext, text: str, region: str | None = None
    ) -> Any:
        state = self._state(context)
        state.update(query=clean(text)[:100], step=None, region=region)
        return await self._results(update, context)

    def _find(self, context: BotContext, query: str, region: str | None) -> Found:
        if self._side(context) == "ua":
            return places.search_hromadas(query, region=region, limit=screens.REGION_RESULTS)
        return places.search_world(query, limit=screens.MAX_RESULTS)

    async def _results(self, update: Update, context: BotContext) -> Any:
        state = self._state(context)
        query, region = str(state.get("query") or ""), state.get("region")
        found = self._find(context, query, region)
        back = self._back(context)
        if found.problem is not None:
            text = screens.problem_text(context.t, found.problem)
            return await self._show(update, context, screens.with_back(context.t, text, back))
        side, known = self._side(context), await self._known(context, query)
        # Only a search that found nothing offers to add what was typed with its country.
        offer = None
        if side == "foreign" and not found.matches and not known:
            offer = _typed_with_country(query)
        state["offer"] = {"name": offer[0], "country": offer[1].code} if offer else None
        shown = screens.Results(
            query,
            found,
            side,
            known=known,
            filtered=bool(region),
            offer=offer,
            manual=self._manual(context),
        )
        return await self._show(update, context, screens.results(context.t, self.flow, back, shown))

    async def _known(self, context: BotContext, query: str) -> list[Community]:
        """Places abroad entered by hand before, whose name holds what was typed."""
        if self._side(context) != "foreign" or len(query) < 3:
            return []
        ids = await context.repos.partnerships.partner_candidates(query)
        known = await context.repos.communities.list_by_ids(ids)
        return [community for community in known if community.place_key is None]

    # --- by hand -------------------------------------------------------------------------

    async def ask_name(self, update: Update, context: BotContext) -> Any:
        state = self._state(context)
        state["step"] = "name"
        prompt = context._(self._name_prompt(context))
        screen = screens.name_prompt(
            context.t, self.flow, prompt, state.get("name"), self._back(context)
        )
        return await self._show(update, context, screen)

    async def _ask_where(self, update: Update, context: BotContext) -> Any:
        if self._side(context) == "ua":
            self._state(context)["step"] = "oblast"
            return await self._show(update, context, screens.oblast_choice(context.t, self.flow))
        self._state(context)["step"] = "country"
        text = context._(self._country_prompt)
        back = NotInList(self.flow).data()
        return await self._show(update, context, screens.with_back(context.t, text, back))

    # --- buttons -------------------------------------------------------------------------

    async def _pick_place(self, update: Update, context: BotContext, press: PickPlace) -> Any:
        place = places.get(press.key)
        if place is None or (place.country_code == "UA") != (self._side(context) == "ua"):
            return await self._again(update, context)
        return await self._on_pick(update, context, Picked(place=place))

    async def _pick_known(self, update: Update, context: BotContext, press: PickKnown) -> Any:
        community = await context.repos.communities.get(press.community)
        if community is None or (community.kind == "ua") != (self._side(context) == "ua"):
            return await self._again(update, context)
        return await self._on_pick(update, context, Picked(community_id=community.id))

    async def _choose_oblast(self, update: Update, context: BotContext, press: ChooseOblast) -> Any:
        query = self._state(context).get("query")
        if not query:
            return await self._again(update, context)
        found = self._find(context, str(query), None)
        return await self._show(update, context, screens.oblasts(context.t, self.flow, found))

    async def _in_oblast(self, update: Update, context: BotContext, press: InOblast) -> Any:
        state = self._state(context)
        if not state.get("query") or (press.region and places.region(press.region) is None):
            return await self._again(update, context)
        state["region"] = press.region
        return await self._results(update, context)

    async def _not_in_list(self, update: Update, context: BotContext, press: NotInList) -> Any:
        if not self._manual(context):
            return await self._again(update, context)
        return await self.ask_name(update, context)

    async def _keep_name(self, update: Update, context: BotContext, press: KeepName) -> Any:
        if not self._state(context).get("name"):
            return await self._again(update, context)
        return await self._ask_where(update, context)

    async def _hand_oblast(self, update: Update, context: BotContext, press: HandOblast) -> Any:
        name = self._state(context).get("name")
        if not name or self._side(context) != "ua" or places.region(press.region) is None:
            return await self._again(update, context)
        picked = Picked(name=name, country="UA", region=press.region.upper())
        return await self._on_pick(update, context, picked)

    async def _hand_country(self, update: Update, context: BotContext, press: HandCountry) -> Any:
        name = self._state(context).get("name")
        country = places.country(press.country)
        foreign = self._side(context) == "foreign"
        if not name or not foreign or country is None or country.code == "UA":
            return await self._again(update, context)
        return await self._on_pick(update, context, Picked(name=name, country=country.code))

    async def _add_typed(self, update: Update, context: BotContext, press: AddTyped) -> Any:
        offer = self._state(context).get("offer")
        if not offer:
            return await self._again(update, context)
        picked = Picked(name=offer["name"], country=offer["country"])
        return await self._on_pick(update, context, picked)

    async def _again(self, update: Update, context: BotContext) -> Any:
        """A button of a screen the flow has left: start the picker's screen again."""
        if self._state(context).get("query"):
            return await self._results(update, context)
        text = context._("Please type the name again.")
        return await self._show(
            update, context, screens.with_back(context.t, text, self._back(context))
        )


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
