"""The twinning workflow: its six steps, what each records, their order, checks and deadlines.

No Telegram here: handlers ask these functions what to ask next, whether a typed value is
acceptable and when a partnership needs a nudge. Facts are kept per step as a dict of
field -> value (dates as ISO strings, sectors as a list of codes).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from bot.domain.parsing.dates import DateError, DateErrorCode, parse_date
from bot.i18n import N_

REGISTERED = "registered"  # the partnership's step once every step is done
STALL_DAYS = 14
REGISTER_PROMPT_DAYS = 7


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

    def applies(self, values: dict[str, Any]) -> bool:
        return self.when is None or values.get(self.when[0]) == self.when[1]

    def choice_label(self, code: str) -> str | None:
        return next((label for value, label in self.choices if value == code), None)


@dataclass(frozen=True)
class Step:
    code: str
    title: str  # N_ message
    hint: str  # N_ message; may use {ministry}, {days}, {register}
    fields: tuple[Field, ...]
    done_when: tuple[str, str] | None = None  # besides required fields, this field's value

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)

    def active_fields(self, values: dict[str, Any]) -> list[Field]:
        return [f for f in self.fields if f.applies(values)]

    def is_complete(self, values: dict[str, Any]) -> bool:
        filled = all(
            values.get(f.key) not in (None, "", [])
            for f in self.active_fields(values)
            if not f.optional
        )
        if self.done_when is not None:
            filled = filled and values.get(self.done_when[0]) == self.done_when[1]
        return filled

    def clean(self, values: dict[str, Any]) -> dict[str, Any]:
        """Only the values of fields that apply: a changed choice drops what no longer fits."""
        keys = {f.key for f in self.active_fields(values)}
        return {k: v for k, v in values.items() if k in keys and v not in (None, "", [])}

    def previous_field(self, values: dict[str, Any], key: str | None) -> Field | None:
        """The field that applies just before `key`: where Back goes; None for the first."""
        active = self.active_fields(values)
        position = next((i for i, f in enumerate(active) if f.key == key), 0)
        return active[position - 1] if position > 0 else None

    def next_field(self, values: dict[str, Any], asked: Collection[str] = ()) -> Field | None:
        """The first field that applies and has been neither answered nor skipped."""
        return next(
            (f for f in self.active_fields(values) if f.key not in values and f.key not in asked),
            None,
        )


STEPS: tuple[Step, ...] = (
    Step(
        "areas",
        N_("Areas of cooperation and council decision"),
        N_(
            "Pick the areas in which you want to cooperate. The city council or the executive"
            " committee then records the decision to start the partnership (date and number)."
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
                choices=(
                    ("council", N_("City council")),
                    ("executive", N_("Executive committee")),
                ),
            ),
            Field(
                "decision_date",
                Kind.DATE,
                N_("Decision date"),
                N_("Type the date of the decision, e.g. 25.03.2026, or press Today."),
            ),
            Field(
                "decision_number",
                Kind.NUMBER,
                N_("Decision number"),
                N_("Type the number of the decision, e.g. 123 or 45-VIII."),
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
    ),
    Step(
        "ministry",
        N_("Ministry approval"),
        N_(
            "Send the draft with a cover letter to the {ministry}. It answers within {days}"
            " days, after consulting {consulted}: approval comes as an order with a number,"
            " or the draft comes back with remarks."
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
        ),
        done_when=("outcome", "approved"),
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
        ),
    ),
)

STEP_CODES: tuple[str, ...] = tuple(step.code for step in STEPS)
_BY_CODE = {step.code: step for step in STEPS}


def step_by_code(code: str) -> Step | None:
    return _BY_CODE.get(code)


def step_number(code: str) -> int:
    return STEP_CODES.index(code) + 1


def current_step(done: dict[str, bool]) -> str:
    """The first step not yet done, in order; REGISTERED when all are."""
    return next((code for code in STEP_CODES if not done.get(code)), REGISTERED)


def can_open(step: str, done: dict[str, bool]) -> bool:
    """A step may be filled when it is the current one, or corrected once done."""
    return step in _BY_CODE and (done.get(step, False) or current_step(done) == step)


# --- dates --------------------------------------------------------------------------------


class DateProblem(StrEnum):
    FORMAT = "format"
    INVALID = "invalid"
    TOO_OLD = "too_old"
    FUTURE = "future"
    BEFORE = "before"  # before an earlier fact of the workflow
    AFTER = "after"  # after a later fact (when correcting a step)


def _dates(values: dict[str, Any], step: Step, keys: list[str] | None = None) -> list[date]:
    found = []
    for f in step.fields:
        if f.kind is Kind.DATE and (keys is None or f.key in keys) and values.get(f.key):
            found.append(date.fromisoformat(values[f.key]))
    return found


def date_bounds(
    step_code: str, field_key: str, saved: dict[str, dict[str, Any]], values: dict[str, Any]
) -> tuple[date | None, date | None]:
    """The earliest and latest date a field may hold, given the facts around it.

    Earlier steps' dates and the date fields before this one in the same step bound it
    from below; later steps' dates and later fields of this step from above.
    """
    index = STEP_CODES.index(step_code)
    step = STEPS[index]
    keys = [f.key for f in step.fields]
    position = keys.index(field_key)
    lower = [d for s in STEPS[:index] for d in _dates(saved.get(s.code, {}), s)]
    lower += _dates(values, step, keys[:position])
    upper = [d for s in STEPS[index + 1 :] for d in _dates(saved.get(s.code, {}), s)]
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
