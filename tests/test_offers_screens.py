"""The offers screens and the posting form's declaration, read without the Application."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from telegram import InlineKeyboardMarkup

from bot.domain.offers.digest import Link
from bot.i18n import I18n
from handlers.offers import screens
from handlers.offers.buttons import (
    Answer,
    ChangePost,
    Interested,
    NewPost,
    NoticeSettings,
    OpenCard,
    ResultsPage,
    SearchPick,
    TurnNotices,
)
from handlers.offers.drafts import Filters
from handlers.offers.post import FORM, post_draft
from handlers.shared.buttons import parse_any
from handlers.shared.forms import Step
from storage.communities import Community
from storage.offers import Post

I18N = I18n()
EN, UK = I18N.get("en"), I18N.get("uk")
TODAY = date(2026, 11, 22)
JENA = Community(10, "foreign", "Jena", "Єна", "DE", None, None, None, "city", False)
BROVARY = Community(20, "ua", "Brovary", "Бровари", "UA", None, None, None, "hromada", False)


def _post(post_id: int, community: Community = JENA, **changes: Any) -> Post:
    post = Post(
        id=post_id,
        side="offer",
        community_id=community.id,
        owner_id=None,
        sectors=("water",),
        kinds=("equipment",),
        description="Pumps for the waterworks",
        languages=("en", "de"),
        open_to_several=True,
        urgency=None,
        value_amount=None,
        value_currency=None,
        partnership=None,
        valid_until=date(2027, 5, 21),
        duration_days=180,
        status="active",
        ref=None,
        demo=False,
        created_at="2026-11-22T10:00:00",
        fresh_at="2026-11-22T10:00:00",
    )
    return replace(post, **changes)


def _buttons(markup: InlineKeyboardMarkup | None) -> dict[str, Any]:
    """Each button's label and its press; every button must parse to a declaration."""
    assert markup is not None
    found = {}
    for row in markup.inline_keyboard:
        for button in row:
            if button.callback_data.startswith("menu:"):  # the main menu's own buttons
                found[button.text] = button.callback_data
                continue
            press = parse_any(button.callback_data)
            assert press is not None, button.callback_data
            found[button.text] = press
    return found


def test_each_side_is_offered_its_own_kind_of_post() -> None:
    offer = _buttons(screens.home("offer", EN).markup)
    assert offer["Post an offer"] == NewPost("offer") and "Post a need" not in offer
    need = _buttons(screens.home("need", UK).markup)
    assert need["Опублікувати потребу"] == NewPost("need")
    assert "Опублікувати пропозицію" not in need
    assert screens.home("need", EN, "Cancelled. Nothing was saved.").text.startswith("Cancelled.")


def test_search_screen_says_what_is_searched_and_what_is_chosen() -> None:
    filters = Filters(sectors=["water", "health"], kinds=[])
    screen = screens.search("need", filters, EN)
    assert "Find offers of partner municipalities." in screen.text
    assert "Sectors: Water supply, Health and hospitals" in screen.text
    assert "Kind of support: any" in screen.text
    buttons = _buttons(screen.markup)
    assert buttons["Sectors"] == SearchPick("sectors")
    assert buttons["Show results"] == ResultsPage(0)
    assert "Find needs of Ukrainian communities." in screens.search("offer", Filters(), EN).text


def test_picker_marks_what_is_chosen() -> None:
    buttons = _buttons(screens.picker("sectors", ["health"], EN).markup)
    assert buttons["✓ Health and hospitals"] == SearchPick("sectors", "health")
    assert buttons["Water supply"] == SearchPick("sectors", "water")
    kinds = screens.picker("kinds", ["funding"], UK)
    assert "✓ Фінансування або співфінансування" in _buttons(kinds.markup)


def test_second_page_of_results_numbers_on_and_pages_back() -> None:
    posts = [_post(6), _post(7, BROVARY)]
    screen = screens.results(posts, 7, 1, {JENA.id: JENA, BROVARY.id: BROVARY}, EN)
    assert screen.text.startswith("7 posts found. Page 2 of 2.")
    assert "6. Jena, Germany" in screen.text
    buttons = _buttons(screen.markup)
    assert buttons["6. Jena"] == OpenCard(6) and buttons["7. Brovary"] == OpenCard(7)
    assert buttons["◀ Previous"] == ResultsPage(0) and "Next ▶" not in buttons
    uk = screens.results(posts, 7, 0, {JENA.id: JENA}, UK)
    assert "1. Єна" in _buttons(uk.markup)


def test_a_card_offers_an_introduction_only_to_another_community() -> None:
    post = _post(5)
    theirs = screens.post_card(post, JENA, EN, TODAY, can_ask=True, page=2)
    buttons = _buttons(theirs.markup)
    assert buttons["I'm interested"] == Interested(5)
    assert buttons["Back to results"] == ResultsPage(2)
    own = screens.post_card(post, JENA, EN, TODAY, can_ask=False, page=0)
    assert "I'm interested" not in _buttons(own.markup)
    assert "Staff speak: English, German" in own.text


def test_notice_settings_offer_the_opposite_switch() -> None:
    on = screens.notice_settings(True, EN)
    assert "Match notices: on" in on.text
    assert _buttons(on.markup)["Turn off"] == TurnNotices(False)
    assert _buttons(screens.notice_settings(False, EN).markup)["Turn on"] == TurnNotices(True)


def test_owner_actions_follow_the_posts_status() -> None:
    active = _buttons(screens.own_post(_post(3), JENA, EN, TODAY).markup)
    assert active["Pause"] == ChangePost("pause", 3) and "Resume" not in active
    assert active["Edit"] == ChangePost("edit", 3)
    paused = _buttons(screens.own_post(_post(3, status="paused"), JENA, EN, TODAY).markup)
    assert paused["Resume"] == ChangePost("resume", 3)
    closed = screens.own_post(_post(3, status="closed"), JENA, EN, TODAY, "Closed.")
    assert list(_buttons(closed.markup)) == ["Back"]
    assert closed.text.startswith("Closed.") and "Not shown in search: closed" in closed.text


def test_an_introduction_reads_in_the_recipients_language_with_its_answers() -> None:
    need = _post(8, BROVARY, side="need", description="Ventilators for the hospital")
    screen = screens.introduction(41, "Anna", JENA, need, "We can help.", UK)
    assert "Запит на контакт" in screen.text and "Єна, Німеччина" in screen.text
    assert list(_buttons(screen.markup).values()) == [Answer("ok", 41), Answer("no", 41)]


def test_digest_links_become_card_and_settings_buttons() -> None:
    markup = screens.digest_keyboard([Link("1. Offer", 12), Link("Notice settings")])
    assert _buttons(markup) == {"1. Offer": OpenCard(12), "Notice settings": NoticeSettings()}


def _asked(side: str) -> list[str]:
    step = Step(context=None, values={}, meta={"side": side})  # type: ignore[arg-type]
    return [f.name for f in FORM.fields if f.applies(step)]


def test_offers_and_needs_are_one_form_whose_fields_apply_by_side() -> None:
    common = ["sectors", "kinds", "description"]
    assert _asked("offer") == [*common, "languages", "duration", "several"]
    assert _asked("need") == [*common, "urgency", "value", "partnership", "duration"]


def test_a_post_keeps_only_its_own_sides_answers() -> None:
    values = {
        "sectors": ["water", "unknown"],
        "kinds": ["equipment"],
        "description": "Pumps",
        "languages": ["de"],
        "several": True,
        "urgency": "urgent",
        "value": {"amount": "3900000", "currency": "UAH"},
        "partnership": True,
        "duration": 90,
    }
    offer = post_draft(values, {"side": "offer", "community": 10})
    assert offer.sectors == ["water"] and offer.languages == ["de"]
    assert offer.open_to_several is True and offer.urgency is None
    assert offer.value_amount is None and offer.partnership is None
    need = post_draft(values, {"side": "need", "community": 20})
    assert need.languages == [] and need.open_to_several is None
    assert need.value_amount == Decimal("3900000") and need.value_currency == "UAH"
    assert need.urgency == "urgent" and need.partnership is True and need.duration_days == 90
