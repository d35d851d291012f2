"""Dolyna and Šiauliai district, end to end, in Ukrainian and in English.

An official of a community with no council decision yet plans step 1, writes to the partner,
gives the council's requisites once from the documents screen and downloads a letter of
intent a records office would sign; later the ministry returns the draft with remarks, it is
resubmitted and approved, and the draft council decision cites the order.
"""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from docx import Document

from bot.domain.twinning.card import BRIEF_LINES
from bot.i18n import I18n
from bot.offline.api import SimUser
from tests.harness import BotHarness, Reply
from tests.test_twinning_walk import docx_text

I18N = I18n()
TODAY = date(2026, 11, 22)  # the harness clock
PARTNER = {"uk": "Шяуляйський район, Литва", "en": "Šiauliai District Municipality, Lithuania"}
# What a records office clerk types into the requisites form.
REQUISITES = [
    "Долинська міська територіальна громада",
    "Іван Дирів",
    "міський голова",
    "Олена Коваль",
    "+380 3477 2 12 34",
    "вул. Обліски, 120, м. Долина, 77500",
    "rada@dolyna.example",
    "04054002",
]


class Story:
    """One official pressing buttons by their labels in the official's language."""

    def __init__(self, bot: BotHarness, user: SimUser, lang: str) -> None:
        self.bot, self.user, self.t = bot, user, I18N.get(lang)

    def _(self, message: str, /, **values: object) -> str:
        return self.t._(message, **values)

    async def press(self, message: str, /, **values: object) -> Reply:
        return await self.bot.press(self.user, self._(message, **values))

    async def send(self, text: str) -> Reply:
        return await self.bot.send(self.user, text)

    async def card(self, reply: Reply) -> str:
        """The brief card a confirmed form left: the summary's message edited in place (no
        new message), within a phone screen, the full card a press away."""
        assert len(reply.messages) == 1 and reply.last.edits > 0, reply.text
        text = reply.last.body
        assert len(text.splitlines()) <= BRIEF_LINES, text
        return text

    async def full_card(self) -> str:
        text = (await self.press("Full card")).text
        await self.press("Back")
        return text


@pytest.mark.parametrize("lang", ["uk", "en"])
async def test_dolyna_writes_to_siauliai_and_goes_through_the_ministry(
    bot: BotHarness, lang: str
) -> None:
    official = bot.user(401, "Olena", lang)
    await bot.make_member(official, "Dolyna")
    s = Story(bot, official, lang)
    _ = s._
    await s.send("/twinning")
    await s.press("New partnership")
    await s.send("Šiauliai")
    await bot.press(official, PARTNER[lang])
    day = s.t.date
    card = await s.card(await s.press("Confirm"))
    areas, partner = (f"{n}. " for n in (1, 2))
    assert _("Next: {step}", step="") + areas in card

    # No council decision yet: step 1 is planned. A past day is refused, with the way to
    # record a step that has taken place.
    reply = await s.press("Plan this step")
    reply = await s.send("01.11.2026")
    refusal = _(
        "That day has passed. A plan needs today or a day ahead. If the step has taken place,"
        " record it as done with Continue on the card."
    )
    assert refusal in reply.text and _("Continue") in refusal
    await s.send("12.12.2026")
    card = await s.card(await s.press("Confirm"))
    assert card.startswith(_("Plan saved: {step}", step="") + areas)
    assert _("Next: {step}", step="") + partner in card
    # Below the notice, the brief card keeps the plan in sight.
    assert any("1. " in line and day(date(2026, 12, 12)) in line for line in card.splitlines()[1:])
    planned = [r for r in await bot.repos.reminders.pending() if r.kind == "twinning.planned"]
    assert [r.due_at.isoformat() for r in planned] == ["2026-12-12T07:00:00+00:00"]  # 09:00 Kyiv
    full = await s.full_card()
    assert "🗓 1." in full and _("Planned for {date}", date=s.t.date(date(2026, 12, 12))) in full

    # Step 2: the letter of intent goes out today.
    await s.press("Continue")
    await s.press("Letter of intent")
    await s.press("Today")
    await s.press("Skip")
    card = await s.card(await s.press("Confirm"))
    assert card.startswith(_("Saved: {step}", step="") + partner)
    assert "✅ 2." in await s.full_card()

    # The documents screen says which requisites are missing and offers the form.
    reply = await s.press("Documents")
    for label in ("Official name of the community", "Head of the community", "Executor"):
        assert _(label) in reply.text
    # A document made meanwhile still comes, with lines to fill in by hand.
    reply = await s.press("Letter of intent")
    assert reply.messages[-1].document is not None
    toast = bot.api.callback_answers[-1]["text"]
    assert _("Requisites not given yet are lines to fill in by hand.") in toast
    blank = docx_text(bot.api.files[reply.messages[-1].document["file_id"]])
    assert "____________" in blank and "ДИРІВ" not in blank
    reply = await s.press("Requisites")
    assert _("Type the official name, e.g. Долинська міська територіальна громада.") in reply.text
    await s.send(REQUISITES[0])
    reply = await s.send("Дирів")  # a surname alone would print no first name
    assert "Іван ДИРІВ" in reply.text and _("Head of the community") not in reply.buttons
    for typed in REQUISITES[1:]:
        reply = await s.send(typed)
    assert _("Please check the requisites:") in reply.text and "04054002" in reply.text
    assert "Олена КОВАЛЬ" in reply.text  # as the documents will print the name
    reply = await s.press("Confirm")
    assert _("Requisites saved: the documents now carry them.") in reply.text
    assert _("Executor") not in reply.text  # nothing is missing any more
    stored = await bot.repos.requisites.get(1)
    assert stored["head_name"] == "Іван Дирів" and stored["edrpou"] == "04054002"

    # Opened again, the form shows what is stored; one requisite is changed, the rest kept.
    reply = await s.press("Requisites")
    assert "+380 3477 2 12 34" in reply.text and _("Confirm") in reply.buttons
    await s.press("Edit")
    reply = await s.press("Executor's phone")
    assert _("Keep as is") in reply.buttons
    await s.send("+380 3477 2 56 78")
    await s.press("Confirm")
    stored = await bot.repos.requisites.get(1)
    assert stored["executor_phone"] == "+380 3477 2 56 78"
    assert stored["official_name"] == REQUISITES[0]

    # Whom the letter addresses: the partner's mayor, by name and position.
    reply = await s.press("Addressee")
    assert (
        _(
            "Type the partner's name in Ukrainian as the agreement writes it, e.g."
            " Шяуляйський район or Єна."
        )
        in reply.text
    )
    await s.press("Skip")  # the Ukrainian name of the district comes from the place index
    await s.send("Jonas Petraitis")
    await s.send("Šiaulių rajono savivaldybės meras")
    await s.press("Mr")
    await s.send("Йонас Петрайтіс")
    reply = await s.send("мер Шяуляйського району")
    assert _("Please check the addressee:") in reply.text and "Jonas Petraitis" in reply.text
    reply = await s.press("Confirm")
    assert _("Addressee saved: the letter of intent now names them.") in reply.text
    partner_facts = (await bot.repos.partnerships.steps(1))["partner"]
    assert partner_facts.done and partner_facts.data["head_gender"] == "m"

    # The letter of intent in Ukrainian and Lithuanian, as a records office signs it.
    reply = await s.press("Letter of intent")
    document = reply.messages[-1].document
    assert document is not None
    data = bot.api.files[document["file_id"]]
    letter = docx_text(data)
    assert "ДОЛИНСЬКА МІСЬКА РАДА" in letter and "Івано-Франківської області" in letter
    assert "код ЄДРПОУ 04054002" in letter and "rada@dolyna.example" in letter
    assert "з Шяуляйським районом (Литовська Республіка)" in letter  # declined
    # The addressee in the dative, greeted by name; the sides' names in their cases.
    assert "Мерові Шяуляйського району\nЙонасу ПЕТРАЙТІСУ" in letter
    assert "Шановний пане Йонасе!" in letter and "Jonas Petraitis" in letter
    assert "Ketinimų laiškas" in letter
    # The partner's side names it as Lithuania writes it, not by its English rendering.
    assert "Šiaulių rajono savivaldybė" in letter
    assert "Šiauliai District Municipality" not in letter
    assert "Іван ДИРІВ" in letter and "Ivan DYRIV" in letter
    assert "Олена КОВАЛЬ" in letter and "+380 3477 2 56 78" in letter
    section = Document(io.BytesIO(data)).sections[0]
    assert [round(size.mm) for size in (section.page_width, section.page_height)] == [210, 297]

    # Step 3, then the ministry: returned with remarks, resubmitted, approved by an order.
    await s.press("Back")
    await s.press("Continue")
    await s.press("Cooperation agreement")
    await s.press("Today")
    await s.press("Skip")
    await s.press("Confirm")
    await s.press("Continue")
    await s.press("Today")
    await s.press("No answer yet")
    card = await s.card(await s.press("Confirm"))
    assert _("Sent to the ministry on {date} (round {number})", date=day(TODAY), number=1) in card

    bot.clock.advance(timedelta(days=10))
    await s.press("Continue")
    await s.press("Returned with remarks")
    await s.send("Назвати сторони так, як у їхніх статутах.")
    await s.press("Today")
    await s.press("Skip")
    card = await s.card(await s.press("Confirm"))
    assert _("The draft came back with remarks: revise it and send it again.") in card

    bot.clock.advance(timedelta(days=3))
    await s.press("Continue")
    await s.press("Returned with remarks")
    await s.press("Today")  # revised and sent again
    card = await s.card(await s.press("Confirm"))
    resent = TODAY + timedelta(days=13)
    assert _("Sent to the ministry on {date} (round {number})", date=day(resent), number=2) in card

    bot.clock.advance(timedelta(days=12))
    await s.press("Continue")
    await s.press("Approved by an order")
    await s.send("879")
    await s.press("Today")
    card = await s.card(await s.press("Confirm"))
    assert _("Next: {step}", step="") + "5. " in card
    full = await s.full_card()
    assert "✅ 4." in full and "879" in full

    # The draft council decision cites the order, number and date, and the head who signs.
    await s.press("Documents")
    reply = await s.press("Draft council decision")
    decision = docx_text(bot.api.files[reply.messages[-1].document["file_id"]])  # type: ignore[index]
    assert "від 17.12.2026 № 879" in decision
    assert "Уповноважити міського голову Івана ДИРІВА" in decision
    reply = await s.press("Cover letter to the ministry")
    cover = docx_text(bot.api.files[reply.messages[-1].document["file_id"]])  # type: ignore[index]
    assert "Проєкт доопрацьовано з урахуванням зауважень" in cover

    # The council decides on the initiative at last: planned step 1 is recorded as done,
    # and its plan's reminder goes.
    await s.press("Back")
    reply = await s.press("Record as done: {step}", step="1.")
    assert _("Step {number} of {total} · {title}", number=1, total=7, title="") in reply.text
    await s.press("Water supply")
    await s.press("Done")
    await s.press("City council")
    await s.press("Today")
    await s.send("2/17-VIII")
    card = await s.card(await s.press("Confirm"))
    assert _("Steps done: {done} of {total}", done=4, total=7) in card
    assert _("Record as done: {step}", step="1.") not in " ".join(
        bot.last(official.id).button_labels
    )
    kinds = {r.kind for r in await bot.repos.reminders.pending()}
    assert "twinning.planned" not in kinds
