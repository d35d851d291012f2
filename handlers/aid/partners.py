"""The partner step of the aid and visit forms: the community's partners as buttons, any
other community by name through the shared place picker (`PlaceField`: a field of the form,
with the form's Back, Cancel and Edit). A Ukrainian community logging aid may choose several
donors; a partner abroad logs its own gift to one community, and a visit has one partner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from telegram import Update

from bot.context import BotContext
from handlers.aid.buttons import PartnersDone
from handlers.shared.forms import Condition, Field, Form, Step
from handlers.shared.place_buttons import PickKnown
from handlers.shared.place_field import PlaceField, Rows
from handlers.shared.place_picker import Picked, Side, community_for
from handlers.shared.screens import Button, columns
from storage.communities import Community

PICK = "pick"
# The name and country of a place by hand were states of their own; flows saved in them go
# on in the picker.
OLD_STATES = ("manual_name", "manual_country")
CHOSEN = "chosen"  # the partners ticked so far, in the form's meta until Done


def _foreign_wanted(step: Step) -> bool:
    """Ukrainian communities pick foreign partners, and the other way round."""
    return bool(step.meta.get("own_kind") == "ua")


def _side(step: Step) -> Side:
    return "foreign" if _foreign_wanted(step) else "ua"


async def partners_of(context: BotContext, community_id: int) -> list[Community]:
    """The other side of each partnership, in the order they were made."""
    partnerships = await context.repos.partnerships.for_community(community_id)
    ids: list[int] = []
    for p in partnerships:
        other = p.partner_id if p.community_id == community_id else p.community_id
        if other not in ids:
            ids.append(other)
    found = {c.id: c for c in await context.repos.communities.list_by_ids(ids)}
    return [found[i] for i in ids if i in found]


class PartnerStep:
    """The field `partners` of `form`, answered with the place picker of flow `flow`."""

    def __init__(self, flow: str, form: Callable[[], Form], *, multi: bool) -> None:
        self.flow, self.form, self.multi = flow, form, multi
        self.places = PlaceField(
            flow,
            form,
            "partners",
            state=PICK,
            prompt=self._prompt,
            side=_side,
            choices=self._choices,
            on_pick=self._picked,
            opening=lambda step: step.meta.update(
                {CHOSEN: list(step.values.get("partners") or [])}
            ),
            manual=_foreign_wanted,
        )

    def field(self, label: str, when: Condition | None = None) -> Field:
        return self.places.field(label, when=when)

    def _multi(self, step: Step) -> bool:
        """Several donors may give together; a partner logs its own gift to one community."""
        return self.multi and _foreign_wanted(step)

    def _prompt(self, step: Step) -> str:
        if self._multi(step):
            return step._(
                "Who gave it? Choose one or more partners, then press Done. To add another,"
                " type its name, e.g. Jena."
            )
        if _foreign_wanted(step):
            return step._(
                "Which partner? Choose one, or type the name of the municipality, e.g. Jena."
            )
        return step._("Which community? Choose one, or type its name, e.g. Бровари or Brovary.")

    async def _choices(self, step: Step) -> Rows:
        context, chosen = step.context, step.meta.setdefault(CHOSEN, [])
        partners = await partners_of(context, step.meta["community"])
        extra = await context.repos.communities.list_by_ids(
            [c for c in chosen if c not in {p.id for p in partners}]
        )
        buttons: list[Button] = [
            (
                ("✓ " if c.id in chosen else "") + c.title(context.lang)[:40],
                PickKnown(self.flow, c.id).data(),
            )
            for c in [*partners, *extra]
        ]
        rows = columns(buttons)
        if self._multi(step) and chosen:
            rows.append([(step._("Done"), PartnersDone(self.flow).data())])
        return rows

    async def _picked(
        self, update: Update, context: BotContext, step: Step, picked: Picked
    ) -> object:
        assert context.account is not None
        community = await community_for(context, picked, context.account.id)
        if (
            community is None
            or community.id == step.meta["community"]
            or (community.kind == "foreign") != _foreign_wanted(step)
        ):
            return await self.places.ask(update, context, step)
        if not self._multi(step):
            return await self.places.put(update, context, [community.id])
        chosen: list[int] = step.meta.setdefault(CHOSEN, [])
        if community.id in chosen:
            chosen.remove(community.id)
        else:
            chosen.append(community.id)
        return await self.places.ask(update, context, step)

    async def _done(self, update: Update, context: BotContext, press: PartnersDone) -> object:
        step = self.form().step(context)
        chosen = list(step.meta.get(CHOSEN) or []) if step is not None else []
        if step is not None and not chosen:
            return await self.places.ask(update, context, step)
        return await self.places.put(update, context, chosen)

    def states(self) -> dict[object, list[Any]]:
        done = PartnersDone.handler(self._done, when=lambda press: press.flow == self.flow)
        handlers = [*self.places.states()[PICK], done]
        return dict.fromkeys((PICK, *OLD_STATES), handlers)
