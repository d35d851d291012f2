"""One engine for every multi-step input.

A flow is declared as data: a `Form` is a tuple of `Field`s (prompt, options as buttons,
a parser for typed answers, optional or not, when it applies). The engine asks each field
that applies in turn, gives every step Back and Cancel and optional ones Skip, answers a
refused value with the reason and the same question, shows the summary with Confirm / Edit /
Cancel, lets one field be changed from the summary, and keeps the draft as JSON in
`user_data`, so a restart resumes at the same step. A new flow is a declaration plus a save
function:

    FORM = Form(
        name="vis",
        fields=(
            Field("kind", N_("Kind"), prompt=lambda s: s._("What kind of visit?"),
                  options=lambda s: [Option("study", s._("Study visit")), ...]),
            Field("size", N_("People"), prompt=..., parse=parse_size, optional=True),
        ),
        save=save_visit,
        leave=back_home,
    )
    flow_conversation(app, FORM.name, entry_points=[...], states=FORM.states())

Values are whatever the parsers return, as long as JSON can hold them (str, int, float,
bool, lists and dicts of those): parsers return a `Decimal` as a string. A field's `check`
sees every value before it is taken, picked by a button or typed, and may refuse it (a date
out of order, an empty multiple choice); parsers, checks and `changed` hooks that need the
database are coroutines.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot.context import BotContext
from bot.domain.button_width import label_width, pack
from bot.domain.parsing.text import TextProblem, check_text, clean
from bot.i18n import N_
from handlers.shared.access import ANYONE
from handlers.shared.buttons import Button, button
from handlers.shared.flows import FLOW_PREFIX
from handlers.shared.guard import admitted
from handlers.shared.screens import answer, ask_reply, columns, is_private, keyboard, show

Action = Literal["pick", "tog", "next", "back", "skip", "keep", "x", "ok", "edit", "fix", "sum"]


@button("fm")
class FormPress(Button):
    """A press inside a form: `field` is the field it was shown for (empty for the summary)."""

    ACCESS = ANYONE

    form: str
    action: Action
    field: str
    index: int | None = None


@dataclass
class Step:
    """What a field's prompt, options and parser may look at: the person and the draft."""

    context: BotContext
    values: dict[str, Any]
    meta: dict[str, Any]

    def _(self, message: str, /, **values: object) -> str:
        return self.context._(message, **values)

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "", [])


@dataclass(frozen=True)
class Option:
    """A button offering one value; `value` must be JSON. `message`, the label's message
    before translation, lets the options be laid out so that they fit in every language."""

    value: Any
    label: str
    message: str | None = None


@dataclass(frozen=True)
class Refusal:
    """A typed answer the field does not take, with what to tell the person (translated)."""

    message: str


Parsed = Any  # a JSON value, or a Refusal


def labelled(choices: Mapping[str, str]) -> Options:
    """Options from codes and their labels (messages to translate), in the mapping's order."""
    return lambda step: [Option(code, step._(label), label) for code, label in choices.items()]


def _laid_out(
    step: Step, options: Sequence[Option], buttons: list[tuple[str, str]], width: int
) -> list[list[tuple[str, str]]]:
    """Up to `width` options a row, fewer where the widest translation of a label would not
    share its row: a keyboard keeps its shape whatever language its reader has."""
    widest = []
    for option, (label, _data) in zip(options, buttons, strict=True):
        labels = [label]
        if option.message is not None:
            labels += [t._(option.message) for t in step.context.services.i18n]
        widest.append(max(labels, key=label_width))
    rows, start = [], 0
    for size in pack(widest, width):
        rows.append(buttons[start : start + size])
        start += size
    return rows


def free_text(limit: int, empty: str = N_("The message was empty: please type the text.")) -> Any:
    """The parser of a free-text field: the text cleaned, or refused when it is empty (`empty`
    says what was expected, a message to translate) or longer than `limit`."""

    def parse(text: str, step: Step) -> Parsed:
        problem = check_text(text, limit)
        if problem is TextProblem.EMPTY:
            return Refusal(step._(empty))
        if problem is TextProblem.TOO_LONG:
            return Refusal(step._("That is too long: please type at most {n} characters.", n=limit))
        return clean(text)

    return parse


Prompt = Callable[[Step], str]
Parser = Callable[[str, Step], Parsed | Awaitable[Parsed]]
Checker = Callable[[Any, Step], Parsed | Awaitable[Parsed]]
Options = Callable[[Step], Sequence[Option]]
Condition = Callable[[Step], bool]
Shown = Callable[[Any, Step], str]
MediaTaker = Callable[[Message, Step], Parsed]
Save = Callable[[Update, BotContext, Step], Awaitable[object]]
Leave = Callable[[Update, BotContext, str], Awaitable[object]]
Summary = Callable[[Step], str | Awaitable[str]]
Outside = Callable[[Update, BotContext, Step], Awaitable[object]]
Changed = Callable[[Step], Awaitable[None] | None]


@dataclass(frozen=True)
class Field:
    """One question. With `options` it shows buttons; with `parse` it takes typed text;
    with both, buttons are quick answers (today, a default currency) beside typing.
    `multi` makes the options toggles closed by Next (or `next_label`, a message to
    translate); `media` takes photos and documents into a list closed the same way.
    `check` gets each value the field would take and returns it (or a Refusal).
    `outside` hands the question to a step with its own conversation states (a picker),
    which gives the answer back with `Form.put`. `changed` runs after the field takes a new
    value, to drop answers that it made wrong (they are asked again); as a coroutine it may
    also apply the answer at once, where the next questions depend on it (the language they
    are asked in). `on_summary` gives the field a button of its own on the summary, for the
    one change most people make there."""

    name: str
    label: str
    prompt: Prompt
    parse: Parser | None = None
    options: Options | None = None
    multi: bool = False
    optional: bool = False
    when: Condition | None = None
    show: Shown | None = None
    media: MediaTaker | None = None
    width: int = 2
    in_summary: bool = True
    check: Checker | None = None
    next_label: str | None = None
    outside: Outside | None = None
    changed: Changed | None = None
    on_summary: bool = False

    def applies(self, step: Step) -> bool:
        return self.when is None or self.when(step)

    def shown(self, step: Step) -> str:
        value = step.values.get(self.name)
        if self.show is not None:
            return self.show(value, step)
        if self.options is not None:
            labels = {_key(o.value): o.label for o in self.options(step)}
            if isinstance(value, list):
                return ", ".join(labels.get(_key(v), str(v)) for v in value)
            return labels.get(_key(value), "" if value is None else str(value))
        return "" if value is None else str(value)


def _key(value: Any) -> str:
    return repr(value)


@dataclass(frozen=True)
class Form:
    """A declared flow: its fields in order, what saving does and where leaving goes.

    `leave` runs before the draft is dropped, so it can read `meta` to go back to where the
    form was opened. With `back_out`, the first question has Back too, which leaves the form
    (with no notice). `summary_heading` replaces the line above the summary ("" for none,
    when `summary` opens with its own). With `edit_menu` off, Edit on the summary asks the
    first field again instead of listing the fields (a form of one question). With `groups`,
    the form runs in group chats too: typed answers are read there, and a question that takes
    only typed text is sent as a message to reply to, without buttons (a bot in a group sees
    only replies to itself and commands; /cancel ends the form)."""

    name: str
    fields: tuple[Field, ...]
    save: Save
    leave: Leave
    summary: Summary | None = None
    heading: Prompt | None = None
    states_extra: tuple[BaseHandler[Any, Any, Any], ...] = field(default=())
    back_out: bool = False
    summary_heading: Prompt | None = None
    edit_menu: bool = True
    groups: bool = False

    @property
    def state(self) -> str:
        return f"form:{self.name}"

    # The draft ------------------------------------------------------------------------

    def _draft(self, context: BotContext) -> dict[str, Any] | None:
        if context.user_data is None:
            return None
        draft = context.user_data.get(FLOW_PREFIX + self.name)
        return draft if isinstance(draft, dict) else None

    def step(self, context: BotContext) -> Step | None:
        draft = self._draft(context)
        if draft is None:
            return None
        return Step(context, draft.setdefault("values", {}), draft.setdefault("meta", {}))

    def drop(self, context: BotContext) -> None:
        if context.user_data is not None:
            context.user_data.pop(FLOW_PREFIX + self.name, None)

    def _field(self, name: str | None) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    # Starting and moving --------------------------------------------------------------

    async def start(
        self,
        update: Update,
        context: BotContext,
        values: dict[str, Any] | None = None,
        meta: dict[str, Any] | None = None,
        *,
        at_summary: bool = False,
    ) -> object:
        """Open a fresh draft (or one filled from a saved item, shown at the summary)."""
        self.open(context, values, meta, editing=at_summary)
        if at_summary:
            return await self._summary(update, context)
        return await self._advance(update, context)

    def open(
        self,
        context: BotContext,
        values: dict[str, Any] | None = None,
        meta: dict[str, Any] | None = None,
        *,
        editing: bool = False,
    ) -> Step:
        """Open a fresh draft without asking anything yet: for a flow whose first answer
        came with the command that opened it; an outside step then hands it over with `put`."""
        assert context.user_data is not None
        context.user_data[FLOW_PREFIX + self.name] = {
            "values": dict(values or {}),
            "meta": dict(meta or {}),
            "at": None,
            "trail": [],
            "editing": editing,
        }
        step = self.step(context)
        assert step is not None
        return step

    def _next_field(self, step: Step, after: str | None) -> Field | None:
        """The first applicable field after `after` that has no answer yet."""
        names = [f.name for f in self.fields]
        start = names.index(after) + 1 if after in names else 0
        draft_values = step.values
        for candidate in self.fields[start:]:
            if not candidate.applies(step):
                continue
            if candidate.name not in draft_values:
                return candidate
        return None

    async def _advance(self, update: Update, context: BotContext) -> object:
        draft = self._draft(context)
        step = self.step(context)
        assert draft is not None and step is not None
        # Editing goes back to the summary unless a change made a new field apply.
        after = None if draft.get("editing") else draft.get("at")
        nxt = self._next_field(step, after)
        if nxt is None and draft.get("editing"):
            return await self._summary(update, context)
        if nxt is None:
            nxt = self._next_field(step, None)
        if nxt is None:
            return await self._summary(update, context)
        return await self._ask(update, context, nxt, moved=True)

    async def _ask(
        self,
        update: Update,
        context: BotContext,
        current: Field,
        *,
        moved: bool = False,
        problem: str | None = None,
    ) -> object:
        draft = self._draft(context)
        step = self.step(context)
        assert draft is not None and step is not None
        if moved and draft.get("at") and draft["at"] != current.name:
            trail: list[str] = draft.setdefault("trail", [])
            if draft["at"] not in trail:
                trail.append(draft["at"])
        draft["at"] = current.name
        if current.outside is not None:
            return await current.outside(update, context, step)
        if self._by_reply(update, current):
            await ask_reply(update, context, self._question(step, current, problem))
            return self.state
        await show(
            update, context, self._question(step, current, problem), self._keys(step, current)
        )
        return self.state

    def _by_reply(self, update: Update, current: Field) -> bool:
        typed_only = current.options is None and current.media is None and not current.multi
        return self.groups and typed_only and not is_private(update)

    def _question(self, step: Step, current: Field, problem: str | None) -> str:
        parts = [problem] if problem else []
        if self.heading is not None:
            parts.append(self.heading(step))
        parts.append(current.prompt(step))
        if step.has(current.name) and not current.multi and current.media is None:
            parts.append(step._("Now: {text}", text=current.shown(step)))
        if current.media is not None and step.has(current.name):
            count = len(step.values[current.name])
            parts.append(
                step.context.ngettext("{n} file added.", "{n} files added.", count, n=count)
            )
        return "\n\n".join(p for p in parts if p)

    def _keys(self, step: Step, current: Field) -> InlineKeyboardMarkup:
        _ = step._
        name = current.name

        def press(action: Action, index: int | None = None, of: str = name) -> str:
            return FormPress(self.name, action, of, index).data()

        rows: list[list[tuple[str, str]]] = []
        if current.options is not None:
            chosen = step.values.get(name)
            buttons = []
            options_shown = list(current.options(step))
            for index, option in enumerate(options_shown):
                if current.multi:
                    mark = "✓ " if isinstance(chosen, list) and option.value in chosen else ""
                    buttons.append((mark + option.label, press("tog", index)))
                else:
                    buttons.append((option.label, press("pick", index)))
            rows.extend(_laid_out(step, options_shown, buttons, current.width))
        action_row: list[tuple[str, str]] = []
        if current.multi or current.media is not None:
            closing = _(current.next_label) if current.next_label else _("Next")
            action_row.append((closing, press("next")))
        elif step.has(name):
            action_row.append((_("Keep as is"), press("keep")))
        if current.optional and not current.multi:
            action_row.append((_("Skip"), press("skip")))
        if action_row:
            rows.append(action_row)
        rows.append(self.nav_row(step, current.name))
        return keyboard(rows)

    def nav_row(self, step: Step, field_name: str) -> list[tuple[str, str]]:
        """Back (Back to summary while editing) and Cancel, as under every question; an
        `outside` field's own screens show it too, so it moves like any other field."""
        _ = step._
        draft = self._draft(step.context) or {}
        nav: list[tuple[str, str]] = []
        if draft.get("editing"):
            nav.append((_("Back to summary"), FormPress(self.name, "sum", "").data()))
        elif draft.get("trail") or self.back_out:
            nav.append((_("Back"), FormPress(self.name, "back", field_name).data()))
        nav.append((_("Cancel"), FormPress(self.name, "x", "").data()))
        return nav

    # Answers ---------------------------------------------------------------------------

    async def _take(
        self, update: Update, context: BotContext, current: Field, value: Any
    ) -> object:
        step = self.step(context)
        assert step is not None
        if not isinstance(value, Refusal) and current.check is not None:
            value = await _settled(current.check(value, step))
        if isinstance(value, Refusal):
            if update.callback_query is not None:
                # A refused press: say why where the finger is, and above the question.
                await answer(update.callback_query, value.message, alert=True)
            return await self._ask(update, context, current, problem=value.message)
        step.values[current.name] = value
        if current.changed is not None:
            await _settled(current.changed(step))
        return await self._advance(update, context)

    async def put(self, update: Update, context: BotContext, name: str, value: Any) -> object:
        """The answer of an `outside` field, handed back by the step that asked it."""
        current = self._field(name)
        if current is None or self._draft(context) is None:
            return await self._stale(update, context)
        return await self._take(update, context, current, value)

    async def _leave(self, update: Update, context: BotContext, text: str) -> object:
        draft = self._draft(context)
        try:
            return await self.leave(update, context, text)
        finally:
            if draft is not None and self._draft(context) is draft:
                self.drop(context)

    async def on_press(self, update: Update, context: BotContext, press: FormPress) -> object:
        draft = self._draft(context)
        step = self.step(context)
        if draft is None or step is None or press.form != self.name:
            return await self._stale(update, context)
        if press.action == "x":
            return await self._leave(update, context, context._("Cancelled. Nothing was saved."))
        if press.action == "ok":
            if draft.get("at") is not None or self._next_field(step, None) is not None:
                return await self._stale(update, context)
            for unused in [f.name for f in self.fields if not f.applies(step)]:
                step.values.pop(unused, None)
            return await self.save(update, context, step)
        if press.action == "edit" and self.edit_menu:
            return await self._edit_menu(update, context)
        if press.action == "sum":
            return await self._summary(update, context)
        if press.action in ("fix", "edit"):
            editable = self._editable(step)
            first = editable[0].name if editable else None
            chosen = self._field(press.field if press.action == "fix" else first)
            if chosen is None or not chosen.applies(step):
                return await self._stale(update, context)
            draft["editing"] = True
            return await self._ask(update, context, chosen)
        current = self._field(draft.get("at"))
        if current is None or press.field != current.name:
            # A button of a step already left: show the step the draft is at.
            if update.callback_query is not None:
                await answer(update.callback_query, context._("That button is no longer active."))
            return await self._resume(update, context)
        return await self._act(update, context, current, step, press)

    async def _act(
        self, update: Update, context: BotContext, current: Field, step: Step, press: FormPress
    ) -> object:
        draft = self._draft(context)
        assert draft is not None
        if press.action == "back":
            trail: list[str] = draft.get("trail") or []
            while trail:
                previous = self._field(trail.pop())
                if previous is not None and previous.applies(step):
                    draft["at"] = previous.name
                    return await self._ask(update, context, previous)
            if self.back_out:
                return await self._leave(update, context, "")
            return await self._ask(update, context, current)
        if press.action == "keep":
            return await self._advance(update, context)
        if press.action == "skip" and current.optional:
            step.values[current.name] = None
            return await self._advance(update, context)
        if press.action == "next" and (current.multi or current.media is not None):
            return await self._take(update, context, current, step.values.get(current.name, []))
        options = list(current.options(step)) if current.options is not None else []
        if press.index is None or not 0 <= press.index < len(options):
            return await self._ask(update, context, current)
        value = options[press.index].value
        if press.action == "pick" and not current.multi:
            return await self._take(update, context, current, value)
        if press.action == "tog" and current.multi:
            chosen = list(step.values.get(current.name) or [])
            step.values[current.name] = (
                [v for v in chosen if v != value] if value in chosen else [*chosen, value]
            )
            return await self._ask(update, context, current)
        return await self._ask(update, context, current)

    async def on_text(self, update: Update, context: BotContext) -> object:
        draft = self._draft(context)
        message = update.effective_message
        if draft is None or message is None:
            return await self._stale(update, context)
        current = self._field(draft.get("at"))
        if current is None:
            await show(
                update, context, context._("Please use the buttons above, or /cancel to stop.")
            )
            return self.state
        if current.parse is None:
            return await self._ask(
                update, context, current, problem=context._("Please use the buttons below.")
            )
        step = self.step(context)
        assert step is not None
        parsed = await _settled(current.parse(message.text or "", step))
        return await self._take(update, context, current, parsed)

    async def on_media(self, update: Update, context: BotContext) -> object:
        draft = self._draft(context)
        message = update.effective_message
        current = self._field(draft.get("at")) if draft is not None else None
        step = self.step(context)
        if current is None or message is None or step is None or current.media is None:
            return await self.on_text(update, context)
        item = current.media(message, step)
        if isinstance(item, Refusal):
            return await self._ask(update, context, current, problem=item.message)
        step.values.setdefault(current.name, []).append(item)
        return await self._ask(update, context, current)

    # Summary and edit menu -------------------------------------------------------------

    async def _summary(self, update: Update, context: BotContext) -> object:
        draft = self._draft(context)
        step = self.step(context)
        assert draft is not None and step is not None
        missing = self._next_field(step, None)
        if missing is not None:
            draft["editing"] = False
            return await self._ask(update, context, missing)
        draft["at"], draft["editing"] = None, True
        _ = context._
        body = await _settled(self.summary(step)) if self.summary is not None else self._lines(step)
        head = (
            self.summary_heading(step)
            if self.summary_heading is not None
            else _("Please check before saving:")
        )
        press = lambda action, of="": FormPress(self.name, action, of).data()  # noqa: E731
        shortcuts = [
            [(_(f.label), press("fix", f.name))]
            for f in self.fields
            if f.on_summary and f.applies(step)
        ]
        rows = [
            [(_("Confirm"), press("ok"))],
            *shortcuts,
            [(_("Edit"), press("edit")), (_("Cancel"), press("x"))],
        ]
        await show(update, context, head + "\n\n" + body if head else body, keyboard(rows))
        return self.state

    def _lines(self, step: Step) -> str:
        lines = []
        for f in self.fields:
            if f.in_summary and f.applies(step) and step.has(f.name):
                lines.append(f"{step._(f.label)}: {f.shown(step)}")
        return "\n".join(lines)

    async def _edit_menu(self, update: Update, context: BotContext) -> object:
        step = self.step(context)
        assert step is not None
        _ = context._
        buttons = [
            (_(f.label), FormPress(self.name, "fix", f.name).data()) for f in self._editable(step)
        ]
        back = [(_("Back to summary"), FormPress(self.name, "sum", "").data())]
        await show(
            update,
            context,
            _("What do you want to change?"),
            keyboard([*columns(buttons, 1), back]),
        )
        return self.state

    def _editable(self, step: Step) -> list[Field]:
        return [f for f in self.fields if f.in_summary and f.applies(step)]

    async def _resume(self, update: Update, context: BotContext) -> object:
        draft = self._draft(context)
        assert draft is not None
        current = self._field(draft.get("at"))
        if current is None:
            return await self._summary(update, context)
        return await self._ask(update, context, current)

    async def _stale(self, update: Update, context: BotContext) -> object:
        if update.callback_query is not None:
            await answer(update.callback_query, context._("That button is no longer active."))
        return await self._leave(
            update, context, context._("That draft is no longer valid. Nothing was saved.")
        )

    # Wiring ------------------------------------------------------------------------------

    def handlers(self) -> list[BaseHandler[Any, Any, Any]]:
        """The handlers of the form's state: its buttons, typed text and, if any, files."""
        result: list[BaseHandler[Any, Any, Any]] = [*self.states_extra, self.press_handler()]
        if any(f.media is not None for f in self.fields):
            result.append(
                MessageHandler(
                    filters.ChatType.PRIVATE & (filters.PHOTO | filters.Document.ALL),
                    self.on_media,
                )
            )
        typed = filters.TEXT & ~filters.COMMAND
        result.append(
            MessageHandler(typed if self.groups else filters.ChatType.PRIVATE & typed, self.on_text)
        )
        return result

    def press_handler(self) -> BaseHandler[Any, Any, Any]:
        """This form's buttons only: another form's press is left to the fallbacks."""

        async def run(update: Update, context: BotContext) -> object:
            press = FormPress.of(update)
            assert press is not None
            if not await admitted(update, context, FormPress.ACCESS, press):
                return None
            return await self.on_press(update, context, press)

        def mine(data: object) -> bool:
            press = FormPress.parse(data)
            return press is not None and press.form == self.name

        return CallbackQueryHandler(run, pattern=mine)

    def states(self) -> dict[object, list[BaseHandler[Any, Any, Any]]]:
        return {self.state: self.handlers()}


async def _settled(value: Any) -> Any:
    """A parser's or check's answer, awaited when it is a coroutine."""
    return await value if inspect.isawaitable(value) else value
