"""The guide's screens without the Application: what an official sees and can press."""

from __future__ import annotations

from datetime import date

from telegram import InlineKeyboardMarkup

from bot.domain.twinning.card import BRIEF_LINES, step_title
from bot.domain.twinning.legal_facts import PACKAGED, load_legal_facts
from bot.domain.twinning.workflow import REGISTERED, STEP_CODES, with_plan
from bot.i18n import I18n
from handlers.shared.buttons import REGISTRY, Button
from handlers.twinning import screens
from handlers.twinning.buttons import (
    Addressee,
    Card,
    Corrections,
    Details,
    Download,
    End,
    Guide,
    History,
    LinkHere,
    OpenStep,
    Pause,
    Plan,
    PlanSteps,
    Requisites,
    Resume,
    UnlinkGroup,
    UnlinkHere,
)
from storage.partnerships import Partnership, StepRecord

I18N = I18n()
EN, UK = I18N.get("en"), I18N.get("uk")
NAMES = ("Brovary", "Jena, Germany")


def partnership(pid: int = 7, step: str = "areas", status: str = "active") -> Partnership:
    return Partnership(pid, 1, 2, step, status, "Elections" if status != "active" else None)


def labels(markup: InlineKeyboardMarkup) -> list[str]:
    return [b.text for row in markup.inline_keyboard for b in row]


def presses(markup: InlineKeyboardMarkup) -> dict[str, Button]:
    """Each button's label and its press, parsed back by the only declaration that takes it."""
    found = {}
    for row in markup.inline_keyboard:
        for b in row:
            kinds = [kind for kind in REGISTRY.values() if kind.parse(b.callback_data)]
            assert len(kinds) == 1, b.callback_data
            found[b.text] = kinds[0].parse(b.callback_data)
    return found


def test_own_active_card_leads_on_and_another_sides_card_only_shows() -> None:
    records = {"areas": StepRecord("areas", {"decision_number": "45"}, done=True)}
    text, markup = screens.card(
        EN,
        partnership(step="partner"),
        NAMES,
        records,
        own=True,
        reminders=[("twinning.stalled", date(2026, 12, 6))],
        full=True,
    )
    assert text.startswith("Partnership Brovary — Jena, Germany")
    assert "Decision number: 45" in text
    assert "• nudge if nothing moves: 6 December 2026" in text
    # The full card only shows: Back returns to the brief card with every action.
    assert presses(markup) == {"History": History(7), "Back": Card(7)}

    text, markup = screens.card(
        EN, partnership(step="partner"), NAMES, records, own=True, notice="Saved: 1. Areas"
    )
    assert text.startswith("Saved: 1. Areas\n\nPartnership Brovary — Jena, Germany")
    assert len(text.splitlines()) <= 12 and "Next: 2. Partner found" in text
    assert "Decision number" not in text
    pressed = presses(markup)
    assert pressed["Continue: 2. Partner found and contact opened"] == OpenStep(7, "partner")
    assert pressed["Correct a step"] == Corrections(7)
    assert pressed["Pause"] == Pause(7) and pressed["End partnership"] == End(7)
    assert pressed["All partnerships"] == Guide()
    assert pressed["Plan this step"] == Plan(7, "partner")
    assert pressed["Full card"] == Details(7)
    assert pressed["Plan other steps"] == PlanSteps(7)

    _, markup = screens.card(EN, partnership(step="partner"), NAMES, records, own=False)
    assert labels(markup) == ["Full card", "History", "All partnerships"]


def test_paused_card_offers_resume_and_no_step() -> None:
    text, markup = screens.card(UK, partnership(status="paused"), NAMES, {}, own=True)
    assert "Призупинено: Elections" in text
    pressed = presses(markup)
    assert pressed["Відновити"] == Resume(7)
    assert not any(isinstance(p, OpenStep) for p in pressed.values())
    assert "Виправити крок" not in pressed


def test_list_pages_and_cuts_long_names_at_a_word() -> None:
    assert screens.page_of(0, 3) == (0, 1)
    assert screens.page_of(17, 1) == (1, 3) and screens.page_of(17, 9) == (2, 3)
    shown = [
        (partnership(pid), f"Šiauliai District Municipality {pid}, LT") for pid in range(9, 17)
    ]
    text, markup = screens.guide(EN, "Brovary", shown, page=1, pages=3)
    assert "Your partnerships:" in text
    pressed = presses(markup)
    assert pressed["◀"] == Guide(0) and pressed["2/3"] == Guide(1) and pressed["▶"] == Guide(2)
    first = labels(markup)[0]
    assert first == "Šiauliai District Municipality 9, LT · 1. Areas of…"
    assert presses(markup)[first] == Card(9)

    text, markup = screens.guide(UK, "Бровари", [], page=0, pages=1)
    assert "сім кроків" in text and "◀" not in labels(markup)


def test_corrections_list_done_steps_in_workflow_order() -> None:
    records = {
        code: StepRecord(code, done=done)
        for code, done in (("draft", True), ("areas", True), ("ministry", False))
    }
    text, markup = screens.corrections(EN, 7, records)
    assert text == "Which step do you want to correct?"
    assert list(presses(markup).values()) == [
        OpenStep(7, "areas"),
        OpenStep(7, "draft"),
        Card(7),
    ]


def test_documents_law_and_group_screens() -> None:
    text, markup = screens.documents(UK, 7)
    assert presses(markup)["Усі документи"] == Download(7, "all")
    assert "Не зазначено реквізити" not in text
    text, markup = screens.documents(EN, 7, ["Head of the community", "Executor"])
    assert "Requisites not given yet: Head of the community; Executor." in text
    assert presses(markup)["Requisites"] == Requisites(7)
    assert presses(markup)["Addressee"] == Addressee(7)
    text, markup = screens.law(EN, load_legal_facts(PACKAGED))
    assert "which answers within 30 days" in text and labels(markup) == ["Back"]

    text, markup = screens.linked_groups(EN, 7, [(-1001234567890, "Brovary and Jena")])
    assert presses(markup)["Unlink: Brovary and Jena"] == UnlinkGroup(7, 1001234567890)
    assert UnlinkGroup.of_chat(7, -1001234567890).chat_id == -1001234567890
    text, _ = screens.linked_groups(EN, 7, [])
    assert text.endswith("No group is linked yet.")

    _, markup = screens.group_admin_actions(EN, [(7, "Brovary — Jena, Germany")])
    assert presses(markup)["Unlink: Brovary — Jena, Germany"] == UnlinkHere(7)
    _, markup = screens.link_choices(EN, [(7, "Brovary — Jena, Germany")])
    assert presses(markup)["Brovary — Jena, Germany"] == LinkHere(7)


def test_the_brief_card_fits_a_phone_at_every_step_in_every_language() -> None:
    """Every step reached, the others planned, the ministry's rounds, a long pause reason
    and a line of what was saved: never more than 12 lines, the next action always kept."""
    names = ("Долинська міська територіальна громада", "Šiaulių rajono savivaldybė, Lithuania")
    ministry = {
        "rounds": [{"submitted_date": "2026-10-01", "outcome": "remarks", "remarks": "x"}] * 3,
        "submitted_date": "2026-11-01",
        "outcome": "remarks",
        "remarks": "Назвати сторони як у статутах",
    }
    for lang in ("uk", "en", "de", "pl"):
        t = I18N.get(lang)
        for reached, code in enumerate([*STEP_CODES, REGISTERED]):
            records = {
                done: StepRecord(done, {"decision_number": "1"}, done=True)
                for done in STEP_CODES[:reached]
            }
            for later in STEP_CODES[reached + 1 :]:
                records[later] = StepRecord(later, with_plan({}, date(2027, 1, reached + 1)))
            if code == "ministry":
                records[code] = StepRecord(code, ministry)
            for status in ("active", "paused"):
                shown = Partnership(7, 1, 2, code, status, "Вибори\nі нова рада\n" * 3)
                for notice in (None, t._("Saved: {step}", step="3. " + "довга назва " * 9)):
                    text, _ = screens.card(t, shown, names, records, own=True, notice=notice)
                    lines = text.splitlines()
                    assert len(lines) <= BRIEF_LINES, (lang, code, status, text)
                    if code == REGISTERED:
                        expected = t._(
                            "The agreement is registered. The partnership is established."
                        )
                    else:
                        expected = t._("Next: {step}", step=step_title(code, t))
                    assert expected in lines, (lang, code, status, text)
