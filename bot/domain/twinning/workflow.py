"""The twinning procedure as the 2024 law is practised: seven steps, what each records,
which steps a step needs before it can be done, plans, the ministry's rounds and deadlines.

No Telegram here: handlers ask these functions what to ask next, whether a typed value is
acceptable and when a partnership needs a nudge. Facts are kept per step as a dict of
field -> value (dates as ISO strings, sectors as a list of codes). Besides a step's facts
(`Step.fields`, asked when the step is recorded as done) its dict may hold:

- `planned`: the step is planned, for a day (ISO date) or `NOT_YET` (no date yet);
- details for the documents (`Step.details`: names, positions, the note's contents), which
  can be filled in at any time, planned or done;
- `rounds` (ministry step only): the earlier rounds of review, each returned with remarks.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from bot.domain.parsing.dates import DateError, DateErrorCode, parse_date
from bot.i18n import N_

REGISTERED = "registered"  # the partnership's step once every step is done
STALL_DAYS = 14
REGISTER_PROMPT_DAYS = 7
PLANNED = "planned"  # key of a step's plan in its facts
NOT_YET = "not-yet"  # planned, without a date yet
ROUNDS = "rounds"  # key of the ministry step's earlier rounds
# A step recorded as done when the guide moved to the 2024 procedure, for partnerships that
# had gone past it (the council's approval of agreements signed earlier): no facts invented.
INFERRED = "before_step_existed"


class Kind(StrEnum):
    SECTORS = "sectors"
    DATE = "date"
    NUMBER = "number"
    TEXT = "text"
    CHOICE = "choice"


@dataclass(frozen=True)
class Field:
    key: str
    kind: Kind
    label: str  # N_ message
    prompt: str  # N_ message
    optional: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (code, N_ label)
    when: tuple[str, str] | None = None  # asked only when that field holds that value
    unless: tuple[str, str] | None = None  # not asked when that field holds that value

    def applies(self, values: Mapping[str, Any]) -> bool:
        if self.unless is not None and values.get(self.unless[0]) == self.unless[1]:
            return False
        return self.when is None or values.get(self.when[0]) == self.when[1]

    def choice_label(self, code: str) -> str | None:
        return next((label for value, label in self.choices if value == code), None)


@dataclass(frozen=True)
class Step:
    code: str
    title: str  # N_ message
    hint: str  # N_ message; may use {ministry}, {days}, {consulted}, {register}, {covered}
    fields: tuple[Field, ...]
    done_when: tuple[str, str] | None = None  # besides required fields, this field's value
    details: tuple[Field, ...] = ()  # for the documents; never required
    requires: tuple[str, ...] = ()  # steps that must be done before this one can be

    def field(self, key: str) -> Field | None:
        return next((f for f in (*self.fields, *self.details) if f.key == key), None)

    def active_fields(self, values: Mapping[str, Any]) -> list[Field]:
        return [f for f in self.fields if f.applies(values)]

    def active_details(self, values: Mapping[str, Any]) -> list[Field]:
        return [f for f in self.details if f.applies(values)]

    def is_complete(self, values: Mapping[str, Any]) -> bool:
        filled = all(
            values.get(f.key) not in (None, "", [])
            for f in self.active_fields(values)
            if not f.optional
        )
        if self.done_when is not None:
            filled = filled and values.get(self.done_when[0]) == self.done_when[1]
        return filled

    def clean(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Only the values of fields that apply: a changed choice drops what no longer fits.

        Details, the plan and the ministry's earlier rounds are kept; a step that is
        complete drops its plan (the plan was for this event, which has now happened). A
        ministry answer with remarks and a date of resubmission closes that round and opens
        the next (see `resubmitted`).
        """
        keys = {f.key for f in (*self.active_fields(values), *self.active_details(values))}
        kept = {k: v for k, v in values.items() if k in keys and v not in (None, "", [])}
        if values.get(ROUNDS):
            kept[ROUNDS] = list(values[ROUNDS])
        if self.code == "ministry" and kept.get("resubmitted_date"):
            kept = resubmitted(kept)
        if values.get(PLANNED) and not self.is_complete(kept):
            kept[PLANNED] = values[PLANNED]
        return kept

    def previous_field(self, values: Mapping[str, Any], key: str | None) -> Field | None:
        """The field that applies just before `key`: where Back goes; None for the first."""
        active = self.active_fields(values)
        position = next((i for i, f in enumerate(active) if f.key == key), 0)
        return active[position - 1] if position > 0 else None

    def next_field(self, values: Mapping[str, Any], asked: Collection[str] = ()) -> Field | None:
        """The first field that applies and has been neither answered nor skipped."""
        return next(
            (f for f in self.active_fields(values) if f.key not in values and f.key not in asked),
            None,
        )


_DECISION_BODIES = (
    ("council", N_("City council")),
    ("executive", N_("Executive committee")),
    ("none", N_("No decision yet")),
)

STEPS: tuple[Step, ...] = (
    Step(
        "areas",
        N_("Areas of cooperation and the community's initiative"),
        N_(
            "Pick the areas in which you want to cooperate. A decision of the council or the"
            " executive committee supports the initiative but is not needed to start: record"
            " it when there is one, or go on without it and add it later."
        ),
        (
            Field(
                "sectors",
                Kind.SECTORS,
                N_("Areas of cooperation"),
                N_("Pick the areas of cooperation (several at once), then press Done."),
            ),
            Field(
                "decision_body",
                Kind.CHOICE,
                N_("Decision by"),
                N_("Who recorded the decision?"),
                choices=_DECISION_BODIES,
            ),
            Field(
                "decision_date",
                Kind.DATE,
                N_("Decision date"),
                N_("Type the date of the decision, e.g. 25.03.2026, or press Today."),
                unless=("decision_body", "none"),
            ),
            Field(
                "decision_number",
                Kind.NUMBER,
                N_("Decision number"),
                N_("Type the number of the decision, e.g. 123 or 45-VIII."),
                unless=("decision_body", "none"),
            ),
        ),
    ),
    Step(
        "partner",
        N_("Partner found and contact opened"),
        N_(
            "The partner must be a local or regional authority abroad: {covered}. A visit or an"
            " initiative letter of intent opens the contact; the bot drafts the letter for you."
        ),
        (
            Field(
                "contact_channel",
                Kind.CHOICE,
                N_("Contact opened by"),
                N_("How was the contact opened?"),
                choices=(
                    ("letter", N_("Letter of intent")),
                    ("visit", N_("Visit")),
                    ("association", N_("Through an association")),
                    ("search", N_("Through the bot's partner search")),
                    ("existing", N_("An existing contact")),
                ),
            ),
            Field(
                "contact_date",
                Kind.DATE,
                N_("Date of first contact"),
                N_("Type the date of the first contact, e.g. 25.03.2026, or press Today."),
            ),
            Field(
                "contact_person",
                Kind.TEXT,
                N_("Partner's contact person"),
                N_(
                    "Type the name, position and e-mail of the partner's contact person,"
                    " or press Skip."
                ),
                optional=True,
            ),
        ),
        details=(
            Field(
                "partner_name_uk",
                Kind.TEXT,
                N_("Partner's name in Ukrainian"),
                N_(
                    "Type the partner's name in Ukrainian as the agreement writes it, e.g."
                    " Шяуляйський район or Єна."
                ),
                optional=True,
            ),
            Field(
                "head_name",
                Kind.TEXT,
                N_("Partner's head"),
                N_(
                    "Type the name of the partner's mayor or head as the partner writes it,"
                    " e.g. Thomas Nitzsche."
                ),
                optional=True,
            ),
            Field(
                "head_position",
                Kind.TEXT,
                N_("Position of the partner's head"),
                N_("Type the position in the partner's language, e.g. Oberbürgermeister."),
                optional=True,
            ),
            Field(
                "head_gender",
                Kind.CHOICE,
                N_("Form of address"),
                N_("How should the letter address the partner's head?"),
                optional=True,
                choices=(("m", N_("Mr")), ("f", N_("Ms"))),
            ),
            Field(
                "head_name_uk",
                Kind.TEXT,
                N_("Partner's head, in Ukrainian"),
                N_("Type the head's name in Ukrainian letters, e.g. Томас Нічше."),
                optional=True,
            ),
            Field(
                "head_position_uk",
                Kind.TEXT,
                N_("Position of the partner's head, in Ukrainian"),
                N_("Type the position in Ukrainian, e.g. обер-бургомістр міста Єна."),
                optional=True,
            ),
        ),
    ),
    Step(
        "draft",
        N_("Draft agreement with explanatory note"),
        N_(
            "Agree a draft agreement or memorandum with the partner, in Ukrainian and the"
            " partner's language, and write an explanatory note that justifies it."
        ),
        (
            Field(
                "agreement_kind",
                Kind.CHOICE,
                N_("Kind of agreement"),
                N_("What kind of document is it?"),
                choices=(
                    ("twinning", N_("Twinning agreement")),
                    ("cooperation", N_("Cooperation agreement")),
                    ("memorandum", N_("Memorandum")),
                ),
            ),
            Field(
                "draft_date",
                Kind.DATE,
                N_("Draft agreed on"),
                N_("Type the date the draft was agreed with the partner, or press Today."),
            ),
            Field(
                "note",
                Kind.TEXT,
                N_("Explanatory note"),
                N_(
                    "Type the main points of the explanatory note (why this partner, what the"
                    " community gains), or press Skip."
                ),
                optional=True,
            ),
        ),
        details=(
            Field(
                "expected_results",
                Kind.TEXT,
                N_("Expected results"),
                N_("Type what the agreement is expected to bring, in a few sentences."),
                optional=True,
            ),
            Field(
                "finance",
                Kind.CHOICE,
                N_("Financial consequences"),
                N_("Does the agreement need money from the community's budget?"),
                optional=True,
                choices=(
                    ("none", N_("None for the budget")),
                    ("described", N_("Yes, described below")),
                ),
            ),
            Field(
                "sheets",
                Kind.NUMBER,
                N_("Sheets of the draft agreement"),
                N_("Type how many sheets the draft agreement has, e.g. 6."),
                optional=True,
            ),
            Field(
                "finance_text",
                Kind.TEXT,
                N_("Financial consequences, described"),
                N_("Describe the spending: what, how much, from which budget programme."),
                optional=True,
                when=("finance", "described"),
            ),
        ),
        requires=("partner",),
    ),
    Step(
        "ministry",
        N_("Ministry approval"),
        N_(
            "Send the draft with a cover letter to the {ministry}. It answers within {days}"
            " days, after consulting {consulted}: approval comes as an order with a number,"
            " or the draft comes back with remarks, is revised and sent again (the {days}"
            " days start again)."
        ),
        (
            Field(
                "submitted_date",
                Kind.DATE,
                N_("Submitted to the ministry"),
                N_("Type the date the draft was sent to the ministry, or press Today."),
            ),
            Field(
                "outcome",
                Kind.CHOICE,
                N_("Answer of the ministry"),
                N_("Has the ministry answered?"),
                choices=(
                    ("waiting", N_("No answer yet")),
                    ("approved", N_("Approved by an order")),
                    ("remarks", N_("Returned with remarks")),
                ),
            ),
            Field(
                "order_number",
                Kind.NUMBER,
                N_("Order number"),
                N_("Type the number of the ministry's order, e.g. 512."),
                when=("outcome", "approved"),
            ),
            Field(
                "order_date",
                Kind.DATE,
                N_("Order date"),
                N_("Type the date of the order, or press Today."),
                when=("outcome", "approved"),
            ),
            Field(
                "remarks",
                Kind.TEXT,
                N_("Remarks of the ministry"),
                N_("Type the ministry's remarks in a few words."),
                when=("outcome", "remarks"),
            ),
            Field(
                "returned_date",
                Kind.DATE,
                N_("Returned on"),
                N_("Type the date the draft came back with remarks, or press Today."),
                optional=True,
                when=("outcome", "remarks"),
            ),
            Field(
                "resubmitted_date",
                Kind.DATE,
                N_("Revised and sent again on"),
                N_(
                    "Type the date the revised draft was sent to the ministry again, or press"
                    " Skip if it has not been sent yet."
                ),
                optional=True,
                when=("outcome", "remarks"),
            ),
        ),
        done_when=("outcome", "approved"),
        requires=("draft",),
    ),
    Step(
        "council",
        N_("Council approval"),
        N_(
            "The council approves the draft agreement by a decision that cites the ministry's"
            " order; the bot drafts the decision for you."
        ),
        (
            Field(
                "approval_date",
                Kind.DATE,
                N_("Council decision date"),
                N_("Type the date of the council's decision, or press Today."),
            ),
            Field(
                "approval_number",
                Kind.NUMBER,
                N_("Council decision number"),
                N_("Type the number of the council's decision, e.g. 12-45/2026."),
            ),
        ),
        requires=("ministry",),
    ),
    Step(
        "signing",
        N_("Signing"),
        N_("The mayors or delegations sign the agreement: record when, where and who signed."),
        (
            Field(
                "signing_date",
                Kind.DATE,
                N_("Signed on"),
                N_("Type the date of signing, or press Today."),
            ),
            Field(
                "signing_place",
                Kind.TEXT,
                N_("Place of signing"),
                N_("Type where it was signed, e.g. Brovary or online."),
            ),
            Field(
                "signatories",
                Kind.TEXT,
                N_("Signatories"),
                N_("Type who signed, e.g. the two mayors' names and positions."),
            ),
        ),
        requires=("council",),
    ),
    Step(
        "registration",
        N_("Registration"),
        N_("Enter the signed agreement in {register}, then record its number and date here."),
        (
            Field(
                "registration_number",
                Kind.NUMBER,
                N_("Registration number"),
                N_("Type the registration number of the agreement."),
            ),
            Field(
                "registration_date",
                Kind.DATE,
                N_("Registration date"),
                N_("Type the date of registration, or press Today."),
            ),
            Field(
                "cooperation_type",
                Kind.CHOICE,
                N_("Type of cooperation"),
                N_("Which type of cooperation does the register record?"),
                choices=(
                    ("interterritorial", N_("Inter-territorial")),
                    ("cross_border", N_("Cross-border")),
                    ("transnational", N_("Transnational")),
                ),
            ),
            Field(
                "sphere",
                Kind.TEXT,
                N_("Sphere of cooperation"),
                N_("Type the sphere of cooperation as the register writes it, or press Skip."),
                optional=True,
            ),
            Field(
                "term",
                Kind.CHOICE,
                N_("Term of the agreement"),
                N_("For how long is the agreement concluded?"),
                choices=(
                    ("indefinite", N_("Indefinitely")),
                    ("fixed", N_("For a number of years")),
                ),
            ),
            Field(
                "term_years",
                Kind.NUMBER,
                N_("Term in years"),
                N_("Type the number of years, e.g. 5."),
                when=("term", "fixed"),
            ),
        ),
        requires=("signing",),
    ),
)

STEP_CODES: tuple[str, ...] = tuple(step.code for step in STEPS)
_BY_CODE = {step.code: step for step in STEPS}


def step_by_code(code: str) -> Step | None:
    return _BY_CODE.get(code)


def step_number(code: str) -> int:
    return STEP_CODES.index(code) + 1


def total_steps() -> int:
    return len(STEPS)


def is_planned(values: Mapping[str, Any] | None) -> bool:
    return bool(values and values.get(PLANNED))


def planned_day(values: Mapping[str, Any] | None) -> date | None:
    """The day a step is planned for; None when it is not planned or planned without a date."""
    plan = values.get(PLANNED) if values else None
    return date.fromisoformat(plan) if plan and plan != NOT_YET else None


def current_step(done: Mapping[str, bool], planned: Collection[str] = ()) -> str:
    """Where the partnership is: the first step neither done nor planned, in order.

    A planned step does not hold the partnership up (a community with no council decision
    yet plans it and goes on); when every step left is planned, the first of them.
    REGISTERED when all are done.
    """
    left = [code for code in STEP_CODES if not done.get(code)]
    return next((code for code in left if code not in planned), left[0] if left else REGISTERED)


def position(data: Mapping[str, Mapping[str, Any]], done: Mapping[str, bool]) -> str:
    """The step a partnership is at, from its steps' facts: what `Partnership.step` holds."""
    return current_step(done, planned_steps(data, done))


def missing_before(step: str, done: Mapping[str, bool]) -> list[str]:
    """The steps that must be done before `step` can be recorded as done, in order."""
    found = _BY_CODE.get(step)
    return [code for code in found.requires if not done.get(code)] if found else []


def can_open(step: str, done: Mapping[str, bool], planned: Collection[str] = ()) -> bool:
    """A step may be filled in once the steps it needs are done; a done step, corrected.

    Step 1 and step 2 need nothing: a community may write to a partner before its council
    has decided anything. Planning (`can_plan`) is open to every step not yet done.
    """
    return step in _BY_CODE and (done.get(step, False) or not missing_before(step, done))


def can_plan(step: str, done: Mapping[str, bool]) -> bool:
    return step in _BY_CODE and not done.get(step, False)


def plannable_steps(current: str, done: Mapping[str, bool]) -> list[str]:
    """The steps besides `current` that may be planned: every one not yet done, in order
    (an earlier one planned before, to move its day; the later ones, to set theirs)."""
    return [code for code in STEP_CODES if code != current and not done.get(code, False)]


def with_plan(values: Mapping[str, Any], day: date | None) -> dict[str, Any]:
    """The step's values planned for `day` (None: "not yet", no date)."""
    return {**values, PLANNED: day.isoformat() if day else NOT_YET}


def without_plan(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k != PLANNED}


def planned_steps(records: Mapping[str, Mapping[str, Any]], done: Mapping[str, bool]) -> list[str]:
    """The steps not yet done that have a plan, dated or not, in order."""
    return [c for c in STEP_CODES if not done.get(c) and is_planned(records.get(c))]


def nearest_plan(
    records: Mapping[str, Mapping[str, Any]], done: Mapping[str, bool]
) -> tuple[str, date] | None:
    """The planned step whose day comes first, and that day; None when nothing is dated."""
    dated = [
        (day, STEP_CODES.index(code), code)
        for code in planned_steps(records, done)
        if (day := planned_day(records.get(code))) is not None
    ]
    if not dated:
        return None
    day, _, code = min(dated)
    return code, day


# --- the ministry's rounds ----------------------------------------------------------------


@dataclass(frozen=True)
class Round:
    """One submission of the draft to the ministry and, once it came, the answer."""

    number: int
    submitted: date | None
    outcome: str  # waiting, approved or remarks
    returned: date | None = None
    remarks: str | None = None
    order_number: str | None = None
    order_date: date | None = None


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def resubmitted(values: Mapping[str, Any]) -> dict[str, Any]:
    """Close a round returned with remarks and open the next with the new submission date.

    Every round is kept under `rounds`; the ministry's clock starts again from the day the
    revised draft went back.
    """
    again = values.get("resubmitted_date")
    if values.get("outcome") != "remarks" or not again:
        return dict(values)
    closed = {
        k: values[k]
        for k in ("submitted_date", "outcome", "remarks", "returned_date")
        if values.get(k)
    }
    kept = {k: v for k, v in values.items() if k in (PLANNED,)}
    return {
        **kept,
        ROUNDS: [*values.get(ROUNDS, []), closed],
        "submitted_date": again,
        "outcome": "waiting",
    }


def ministry_rounds(values: Mapping[str, Any]) -> list[Round]:
    """Every round of the ministry's review, oldest first, the current one last."""
    rounds = [
        Round(
            number=i + 1,
            submitted=_day(item.get("submitted_date")),
            outcome=str(item.get("outcome", "remarks")),
            returned=_day(item.get("returned_date")),
            remarks=item.get("remarks"),
        )
        for i, item in enumerate(values.get(ROUNDS, []))
    ]
    if values.get("submitted_date"):
        rounds.append(
            Round(
                number=len(rounds) + 1,
                submitted=_day(values.get("submitted_date")),
                outcome=str(values.get("outcome") or "waiting"),
                returned=_day(values.get("returned_date")),
                remarks=values.get("remarks"),
                order_number=values.get("order_number"),
                order_date=_day(values.get("order_date")),
            )
        )
    return rounds


# --- dates --------------------------------------------------------------------------------


class DateProblem(StrEnum):
    FORMAT = "format"
    INVALID = "invalid"
    TOO_OLD = "too_old"
    FUTURE = "future"
    PAST = "past"  # a plan for a day already gone
    BEFORE = "before"  # before an earlier fact of the workflow
    AFTER = "after"  # after a later fact (when correcting a step)


def _dates(values: Mapping[str, Any], step: Step, keys: list[str] | None = None) -> list[date]:
    found = []
    for f in step.fields:
        if f.kind is Kind.DATE and (keys is None or f.key in keys) and values.get(f.key):
            found.append(date.fromisoformat(values[f.key]))
    if keys is None:
        found += [r.submitted for r in ministry_rounds(values)[:-1] if r.submitted]
    return found


def _chain(code: str, direction: int) -> list[Step]:
    """The steps `code` needs (direction -1) or that need it (+1), directly or not."""
    found: list[Step] = []
    frontier = [code]
    while frontier:
        current = frontier.pop()
        for step in STEPS:
            linked = (
                step.code in _BY_CODE[current].requires
                if direction < 0
                else current in step.requires
            )
            if linked and step not in found:
                found.append(step)
                frontier.append(step.code)
    return found


def date_bounds(
    step_code: str,
    field_key: str,
    saved: Mapping[str, Mapping[str, Any]],
    values: Mapping[str, Any],
) -> tuple[date | None, date | None]:
    """The earliest and latest date a field may hold, given the facts around it.

    The dates of the steps this one needs, and of the date fields before it in the same
    step, bound it from below; those of the steps that need this one, and of later fields of
    this step, from above. Step 1 stands apart: a council decision may come at any time.
    """
    step = _BY_CODE[step_code]
    keys = [f.key for f in step.fields]
    position = keys.index(field_key)
    lower = [d for s in _chain(step_code, -1) for d in _dates(saved.get(s.code, {}), s)]
    lower += _dates(values, step, keys[:position])
    upper = [d for s in _chain(step_code, +1) for d in _dates(saved.get(s.code, {}), s)]
    upper += _dates(values, step, keys[position + 1 :])
    return (max(lower) if lower else None, min(upper) if upper else None)


def check_date(
    text: str, *, today: date, earliest: date | None, latest: date | None
) -> tuple[date | None, DateProblem | None]:
    """A typed date of a fact: real, this century, not in the future, in workflow order."""
    try:
        day = parse_date(text, today=today, allow_future=False)
    except DateError as error:
        problem = {
            DateErrorCode.INVALID: DateProblem.INVALID,
            DateErrorCode.TOO_OLD: DateProblem.TOO_OLD,
            DateErrorCode.FUTURE: DateProblem.FUTURE,
            DateErrorCode.TOO_FAR: DateProblem.FUTURE,
        }.get(error.code, DateProblem.FORMAT)
        return None, problem
    if earliest is not None and day < earliest:
        return None, DateProblem.BEFORE
    if latest is not None and day > latest:
        return None, DateProblem.AFTER
    return day, None


def check_plan_date(text: str, *, today: date) -> tuple[date | None, DateProblem | None]:
    """A typed day a step is planned for: real, today or later, within a few years."""
    try:
        day = parse_date(text, today=today, allow_future=True)
    except DateError as error:
        problem = {
            DateErrorCode.INVALID: DateProblem.INVALID,
            DateErrorCode.TOO_OLD: DateProblem.PAST,
            DateErrorCode.TOO_FAR: DateProblem.FUTURE,
        }.get(error.code, DateProblem.FORMAT)
        return None, problem
    if day < today:
        return None, DateProblem.PAST
    return day, None


# --- numbers and partners -----------------------------------------------------------------

_NUMBER = re.compile(r"^[0-9A-Za-z\u0400-\u04ff][0-9A-Za-z\u0400-\u04ff\-/. ]{0,39}$")
_NUMBER_PREFIX = re.compile(r"^\s*(№|no\.?|n\.|#)\s*", re.IGNORECASE)


def check_number(text: str) -> str | None:
    """A decision, order or registration number such as `123`, `45-VIII`, `12/3-р`; None if not."""
    value = _NUMBER_PREFIX.sub("", " ".join(text.split()))
    if not _NUMBER.match(value) or not any(ch.isdigit() for ch in value):
        return None
    return value


# Words that mark companies, charities and international bodies: the law covers only
# local and regional authorities, so such partners get a warning (not a refusal).
_NOT_AUTHORITY = re.compile(
    r"(?<!\w)(gmbh|ltd|llc|inc|plc|corp|corporation|company|ag|s\.?a\.?|s\.?r\.?l\.?|"
    r"sp\.? z o\.?o\.?|"
    r"e\.?v\.?|ngo|foundation|stiftung|fundacja|fund|trust|charity|association|verein|bank|"
    r"university|un|unicef|undp|unhcr|usaid|who|red cross|oecd|eu|european union|nato|"
    r"тов|пат|прат|фонд|асоціація|організація|компанія|банк|університет)(?!\w)",
    re.IGNORECASE,
)


def looks_like_non_authority(name: str) -> bool:
    return _NOT_AUTHORITY.search(name) is not None


# --- deadlines ----------------------------------------------------------------------------


def ministry_follow_up(submitted: date, review_days: int) -> date:
    return submitted + timedelta(days=review_days)


def next_anniversary(signed: date, today: date) -> date:
    """The first anniversary of the signing after today (29 February falls on 28th)."""
    year = max(signed.year + 1, today.year)
    while True:
        try:
            candidate = signed.replace(year=year)
        except ValueError:
            candidate = date(year, 2, 28)
        if candidate > today:
            return candidate
        year += 1


def years_since(signed: date, on: date) -> int:
    return on.year - signed.year - ((on.month, on.day) < (signed.month, signed.day))
