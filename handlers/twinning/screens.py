"""The guide's screens: text and buttons from data and a translator, nothing else.

Handlers load what a screen needs and show it; these functions never touch Telegram or the
database, so a test calls them directly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from telegram import InlineKeyboardMarkup

from bot.domain.twinning.card import BRIEF_LINES, brief_text, card_text, history_text, step_title
from bot.domain.twinning.deadlines import (
    REMINDER_NAMES,
)
from bot.domain.twinning.legal_facts import LegalFacts
from bot.domain.twinning.workflow import (
    REGISTERED,
    STEP_CODES,
    can_open,
    can_plan,
    is_planned,
    plannable_steps,
    planned_steps,
)
from bot.i18n import Translator
from handlers.reminders.buttons import PartnershipCalendar
from handlers.shared.navigation import HOME
from handlers.shared.screens import Button, keyboard
from handlers.twinning.buttons import (
    AcceptProposal,
    Addressee,
    Card,
    ChooseToLink,
    Corrections,
    DeclineProposal,
    Details,
    Documents,
    Download,
    End,
    Groups,
    Guide,
    History,
    Law,
    LinkHere,
    NewPartnership,
    OpenStep,
    Pause,
    Plan,
    PlanSteps,
    Proposal,
    ProposeAgain,
    Requisites,
    Resume,
    UnlinkGroup,
    UnlinkHere,
)
from storage.partnerships import HistoryEntry, Partnership, StepRecord

Screen = tuple[str, InlineKeyboardMarkup]

PAGE = 8
LABEL = 60  # a button label longer than this is cut


def short(label: str, limit: int = LABEL) -> str:
    """A button label cut at a word, so a long partner name never ends mid-word."""
    if len(label) <= limit:
        return label
    return label[: limit - 1].rsplit(" ", 1)[0].rstrip(" ·,") + "…"


def with_notice(notice: str | None, text: str) -> str:
    return f"{notice}\n\n{text}" if notice else text


def back_home(t: Translator) -> InlineKeyboardMarkup:
    """Under a refusal: the way back to the guide or the main menu."""
    return keyboard([[(t._("Twinning guide"), Guide().data()), (t._("Main menu"), HOME.data())]])


# --- the list ---------------------------------------------------------------------------------


def page_of(count: int, page: int) -> tuple[int, int]:
    """The page to show (kept within range) and how many pages `count` partnerships fill."""
    pages = max(1, -(-count // PAGE))
    return min(max(page, 0), pages - 1), pages


def stage(t: Translator, partnership: Partnership) -> str:
    if partnership.answer == "declined" and partnership.status != "ended":
        return t._("declined")
    if partnership.status == "paused":
        return t._("paused")
    if partnership.status == "ended":
        return t._("ended")
    if partnership.step == REGISTERED:
        return t._("registered")
    return step_title(partnership.step, t)


def guide(
    t: Translator,
    community: str,
    shown: Sequence[tuple[Partnership, str]],
    page: int,
    pages: int,
    notice: str | None = None,
    proposals: Sequence[tuple[int, str]] = (),
) -> Screen:
    """The community's partnerships (`shown`: this page's, each with the other side's name),
    after the proposals awaiting its answer (id, the proposing community)."""
    _ = t._
    lines = [_("Twinning guide — {community}", community=community)]
    rows: list[list[Button]] = [
        [(short("📨 " + proposer), Proposal(partnership_id).data())]
        for partnership_id, proposer in proposals
    ]
    if proposals:
        lines += ["", _("Proposals awaiting your answer:")]
        lines += [f"• {proposer}" for _id, proposer in proposals]
    if not shown and not proposals:
        lines += [
            "",
            _(
                "The guide walks you through a twinning partnership with a municipality abroad,"
                " in seven steps: areas of cooperation and the initiative; the partner and"
                " first contact; the draft agreement with an explanatory note; the ministry's"
                " approval; the council's approval; signing; registration."
            ),
            "",
            _("Start with a new partnership."),
        ]
    elif shown:
        lines += ["", _("Your partnerships:")]
    rows += [
        [(short(f"{other} · {stage(t, partnership)}"), Card(partnership.id).data())]
        for partnership, other in shown
    ]
    if pages > 1:
        nav: list[Button] = []
        if page > 0:
            nav.append(("◀", Guide(page - 1).data()))
        nav.append((f"{page + 1}/{pages}", Guide(page).data()))
        if page < pages - 1:
            nav.append(("▶", Guide(page + 1).data()))
        rows.append(nav)
    rows.append([(_("New partnership"), NewPartnership().data())])
    rows.append([(_("The law in brief"), Law().data()), (_("Main menu"), HOME.data())])
    return with_notice(notice, "\n".join(lines)), keyboard(rows)


def law(t: Translator, facts: LegalFacts) -> Screen:
    """The legal facts from the operator's data file."""
    _ = t._
    lang = t.lang
    lines = [
        _("The law: {law}.", law=facts.text("law", lang)),
        _("Partners it covers: {covered}.", covered=facts.text("covered_partners", lang)),
        _(
            "The draft agreement is approved by the {ministry}, which answers within {days} days"
            " after consulting {consulted}.",
            ministry=facts.ministry(lang),
            days=facts.ministry_review_days,
            consulted=facts.text("consulted_ministries", lang),
        ),
        _("Signed agreements are entered in {register}.", register=facts.text("register", lang)),
        "",
        *facts.link_lines(lang),
    ]
    return "\n".join(lines), keyboard([[(_("Back"), Guide().data())]])


# --- one partnership --------------------------------------------------------------------------


def card(
    t: Translator,
    partnership: Partnership,
    names: tuple[str, str],
    records: Mapping[str, StepRecord],
    *,
    own: bool,
    reminders: Sequence[tuple[str, date]] = (),
    notice: str | None = None,
    full: bool = False,
) -> Screen:
    """A partnership's card; `own` when the viewer's community leads it (and may edit it).

    The brief card, the one shown by default, says where the partnership is and what comes
    next, short enough for a phone, with every action under it. The `full` card has every
    step's facts and the viewer's upcoming workflow `reminders` (kind, local date); it only
    shows, and Back returns to the brief one.
    """
    _ = t._
    pid = partnership.id
    if full:
        text = card_text(t, partnership, names[0], names[1], dict(records))
        if reminders:
            lines = [
                f"• {_(REMINDER_NAMES.get(kind, kind))}: {t.date(day)}" for kind, day in reminders
            ]
            text += "\n\n" + "\n".join([_("Reminders:"), *lines])
        rows_full: list[list[Button]] = [
            [(_("History"), History(pid).data()), (_("Back"), Card(pid).data())]
        ]
        return with_notice(notice, text), keyboard(rows_full)
    # The notice and its blank line count towards the phone screen's lines.
    room = BRIEF_LINES - (len(notice.splitlines()) + 1 if notice else 0)
    text = brief_text(t, partnership, names[0], names[1], dict(records), limit=room)
    active = partnership.status == "active"
    done = {code: record.done for code, record in records.items()}
    rows: list[list[Button]] = []
    if own and active and partnership.step != REGISTERED:
        label = _("Continue: {step}", step=step_title(partnership.step, t))
        rows.append([(label[:LABEL], OpenStep(pid, partnership.step).data())])
    if own and active:
        # A planned step that has taken place is recorded like any other, with its facts.
        data = {code: record.data for code, record in records.items()}
        for code in planned_steps(data, done):
            if code != partnership.step and can_open(code, done):
                label = _("Record as done: {step}", step=step_title(code, t))
                rows.append([(label[:LABEL], OpenStep(pid, code).data())])
    detail: Button = (_("Full card"), Details(pid).data())
    if own and active and can_plan(partnership.step, done):
        rows.append([(_("Plan this step"), Plan(pid, partnership.step).data()), detail])
    else:
        rows.append([detail])
    if own and active and plannable_steps(partnership.step, done):
        rows.append([(_("Plan other steps"), PlanSteps(pid).data())])
    if own:
        if active and any(r.done for r in records.values()):
            rows.append([(_("Correct a step"), Corrections(pid).data())])
        rows.append(
            [(_("Documents"), Documents(pid).data()), (_("Group chats"), Groups(pid).data())]
        )
        rows.append([(_("Deadlines and visits (.ics)"), PartnershipCalendar(pid).data())])
    rows.append([(_("History"), History(pid).data())])
    if own and active and partnership.answer == "declined":
        rows.append([(_("Propose again"), ProposeAgain(pid).data())])
    if own and active:
        rows.append([(_("Pause"), Pause(pid).data()), (_("End partnership"), End(pid).data())])
    elif own and partnership.status == "paused":
        rows.append([(_("Resume"), Resume(pid).data()), (_("End partnership"), End(pid).data())])
    rows.append([(_("All partnerships"), Guide().data())])
    return with_notice(notice, text), keyboard(rows)


def group_card(
    t: Translator,
    partnership: Partnership,
    names: tuple[str, str],
    records: Mapping[str, StepRecord],
    *,
    full: bool = False,
) -> Screen:
    """The card in a linked group, for both sides' staff: brief, with the full card (every
    fact) one press away and back; nothing to change from there."""
    pid = partnership.id
    if full:
        text = card_text(t, partnership, names[0], names[1], dict(records))
        return text, keyboard([[(t._("Back"), Card(pid).data())]])
    text = brief_text(t, partnership, names[0], names[1], dict(records))
    return text, keyboard([[(t._("Full card"), Details(pid).data())]])


def plan_choices(
    t: Translator, partnership_id: int, codes: Sequence[str], records: Mapping[str, StepRecord]
) -> Screen:
    """The steps to plan besides the current one; 🗓 marks one planned already."""
    rows: list[list[Button]] = []
    for code in codes:
        record = records.get(code)
        mark = "🗓 " if record is not None and is_planned(record.data) else ""
        rows.append([(short(mark + step_title(code, t)), Plan(partnership_id, code).data())])
    rows.append([(t._("Back"), Card(partnership_id).data())])
    text = t._(
        "Which step do you want to plan? A plan is a day ahead, with a reminder on that day,"
        ' or "not yet". A step that has taken place is recorded with Continue instead.'
    )
    return text, keyboard(rows)


def corrections(t: Translator, partnership_id: int, records: Mapping[str, StepRecord]) -> Screen:
    """The done steps, in workflow order, to pick the one to correct."""
    done = sorted((code for code, record in records.items() if record.done), key=_order)
    rows = [[(step_title(code, t)[:LABEL], OpenStep(partnership_id, code).data())] for code in done]
    rows.append([(t._("Back"), Card(partnership_id).data())])
    return t._("Which step do you want to correct?"), keyboard(rows)


def _order(code: str) -> int:
    return STEP_CODES.index(code) if code in STEP_CODES else len(STEP_CODES)


def history(
    t: Translator,
    partnership_id: int,
    entries: list[HistoryEntry],
    people: dict[int, str],
    tz: str,
) -> Screen:
    text = history_text(t, entries, people, tz)
    return text, keyboard([[(t._("Back"), Card(partnership_id).data())]])


def documents(
    t: Translator, partnership_id: int, missing: Sequence[str] = (), notice: str | None = None
) -> Screen:
    """The four documents, and the requisites they take (`missing`: the labels of those not
    given yet, which the documents leave as lines to fill in by hand)."""
    _ = t._
    rows = [
        [(_("Letter of intent"), Download(partnership_id, "letter").data())],
        [(_("Explanatory note"), Download(partnership_id, "note").data())],
        [(_("Cover letter to the ministry"), Download(partnership_id, "cover").data())],
        [(_("Draft council decision"), Download(partnership_id, "decision").data())],
        [(_("All documents"), Download(partnership_id, "all").data())],
        [
            (_("Requisites"), Requisites(partnership_id).data()),
            (_("Addressee"), Addressee(partnership_id).data()),
        ],
        [(_("Back"), Card(partnership_id).data())],
    ]
    text = _(
        "Documents filled in from what you have recorded, ready to sign: the letter of intent"
        " to the partner (in Ukrainian and the partner's language), the explanatory note, the"
        " cover letter to the ministry and the draft council decision. Blanks mark what is"
        " still missing."
    )
    if missing:
        text += "\n\n" + missing_requisites(t, missing)
    return with_notice(notice, text), keyboard(rows)


def missing_requisites(t: Translator, missing: Sequence[str]) -> str:
    return t._(
        "Requisites not given yet: {missing}. The documents leave a line for each to fill in"
        " by hand; press Requisites to give them once for every document.",
        missing="; ".join(missing),
    )


# --- a proposal, seen by the partner ----------------------------------------------------------


def proposal(
    t: Translator,
    partnership_id: int,
    proposer: str,
    areas: str,
    contact: str,
    notice: str | None = None,
) -> Screen:
    """A proposal's short card with the partner's answer to give."""
    _ = t._
    text = "\n".join(
        [
            _("{community} proposes a twinning partnership to your community.", community=proposer),
            "",
            _("Areas of cooperation: {areas}", areas=areas),
            _("Contact: {contact}", contact=contact),
            "",
            _(
                "Accepted, the partnership shows in your twinning guide, with its steps, aid"
                " and visits. Declined, it disappears from your side and {community} is told.",
                community=proposer,
            ),
        ]
    )
    rows: list[list[Button]] = [
        [
            (_("Accept"), AcceptProposal(partnership_id).data()),
            (_("Decline"), DeclineProposal(partnership_id).data()),
        ],
        [(_("All partnerships"), Guide().data())],
    ]
    return with_notice(notice, text), keyboard(rows)


def decline_question(t: Translator, partnership_id: int, proposer: str) -> Screen:
    _ = t._
    text = _(
        "Decline the proposal of {community}? It will disappear from your guide, and"
        " {community} will be told.",
        community=proposer,
    )
    rows: list[list[Button]] = [
        [(_("Yes, decline"), DeclineProposal(partnership_id, True).data())],
        [(_("Back"), Proposal(partnership_id).data())],
    ]
    return text, keyboard(rows)


def answered(t: Translator, partnership_id: int, partner: str, accepted: bool) -> Screen:
    """To the proposing side: the partner's answer, with the way to the card."""
    _ = t._
    if accepted:
        text = _(
            "{partner} accepted your partnership proposal. The partnership is now shown on"
            " both sides.",
            partner=partner,
        )
    else:
        text = _(
            "{partner} declined your partnership proposal. It stays on your card as declined.",
            partner=partner,
        )
    return text, keyboard([[(_("Open the partnership"), Card(partnership_id).data())]])


# --- group chats ------------------------------------------------------------------------------


def linked_groups(t: Translator, partnership_id: int, chats: Sequence[tuple[int, str]]) -> Screen:
    """From the private chat: the groups that follow the partnership (chat id, title)."""
    _ = t._
    rows: list[list[Button]] = [
        [
            (
                _("Unlink: {group}", group=title)[:LABEL],
                UnlinkGroup.of_chat(partnership_id, chat_id).data(),
            )
        ]
        for chat_id, title in chats
    ]
    text = _(
        "Linked group chats get a message at each step change, in the group's language, and"
        " /status there shows this card to everyone, the partner's staff included.\n\nTo link"
        " a group: add the bot to it, then send /status in the group. A group admin who is"
        " also an admin of your community can link it."
    )
    if not rows:
        text += "\n\n" + _("No group is linked yet.")
    rows.append([(_("Back"), Card(partnership_id).data())])
    return text, keyboard(rows)


def group_not_linked(t: Translator) -> Screen:
    text = t._(
        "This group is not linked to a partnership yet. An admin of this group who is"
        " also an admin of a community can link it."
    )
    return text, keyboard([[(t._("Link this group"), ChooseToLink().data())]])


def group_admin_actions(t: Translator, linked: Sequence[tuple[int, str]]) -> Screen:
    """Under the cards in a group: link another partnership, or unlink one (id, both names)."""
    rows: list[list[Button]] = [[(t._("Link this group"), ChooseToLink().data())]]
    for partnership_id, title in linked:
        label = t._("Unlink: {partnership}", partnership=title)
        rows.append([(label[:LABEL], UnlinkHere(partnership_id).data())])
    return t._("Group admins can link another partnership or unlink one."), keyboard(rows)


def link_choices(t: Translator, choices: Sequence[tuple[int, str]]) -> Screen:
    """In a group: the community's partnerships it may follow (id, both names)."""
    rows = [[(title[:LABEL], LinkHere(partnership_id).data())] for partnership_id, title in choices]
    return t._("Which partnership should this group follow?"), keyboard(rows)
