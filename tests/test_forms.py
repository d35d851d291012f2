"""The form engine, driven through the real Application as a person would: every step has
Back and Cancel, optional ones Skip, a refused answer keeps the question, the summary has
Confirm / Edit / Cancel, one field is changed from it, and a restart resumes the draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler, MessageHandler, filters

from bot.context import BotContext
from handlers.shared.forms import Field, Form, FormPress, Option, Refusal, Step
from handlers.shared.screens import keyboard, show
from tests.harness import BotHarness

SAVED: list[dict[str, Any]] = []


def _people(text: str, step: Step) -> Any:
    text = text.strip()
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 500:
        return Refusal(step._("Please type a number from 1 to 500."))
    return int(text)


async def _save(update: Update, context: BotContext, step: Step) -> object:
    SAVED.append(dict(step.values))
    FORM.drop(context)
    await show(update, context, "Saved.")
    return ConversationHandler.END


async def _leave(update: Update, context: BotContext, text: str) -> object:
    await show(update, context, text)
    return ConversationHandler.END


FORM = Form(
    name="demo",
    fields=(
        Field(
            "kind",
            "Kind",
            prompt=lambda s: "What kind of visit?",
            options=lambda s: [Option("study", "Study visit"), Option("online", "Online meeting")],
        ),
        Field(
            "people",
            "People",
            prompt=lambda s: "How many people?",
            parse=_people,
            optional=True,
            when=lambda s: s.values.get("kind") != "online",
        ),
        Field(
            "topics",
            "Topics",
            prompt=lambda s: "Which topics?",
            options=lambda s: [Option("water", "Water"), Option("health", "Health")],
            multi=True,
        ),
    ),
    save=_save,
    leave=_leave,
)


def _at_least_one(value: Any, step: Step) -> Any:
    return value if value else Refusal("Choose at least one topic.")


CHECKED = Form(
    name="chk",
    fields=(
        Field(
            "topics",
            "Topics",
            prompt=lambda s: "Which topics?",
            options=lambda s: [Option("water", "Water"), Option("health", "Health")],
            multi=True,
            check=_at_least_one,
        ),
    ),
    save=_save,
    leave=_leave,
    summary_heading=lambda s: "Please check your topics:",
)


async def _start(update: Update, context: BotContext) -> object:
    return await FORM.start(update, context)


async def _start_checked(update: Update, context: BotContext) -> object:
    return await CHECKED.start(update, context)


def _first(app: Any, conversation: ConversationHandler[Any]) -> None:
    """Match the demo flow before every feature, as a feature's own flow is matched."""
    app.handlers.setdefault(0, []).insert(0, conversation)


def _add_demo(app: Any) -> None:
    _first(
        app,
        ConversationHandler(
            entry_points=[
                CommandHandler("demo", _start),
                CommandHandler("checked", _start_checked),
            ],
            states={**FORM.states(), **CHECKED.states()},
            fallbacks=[],
            name="demo",
            persistent=True,
        ),
    )


async def _bot(tmp_path: Path) -> BotHarness:
    harness = BotHarness(tmp_path, extra=_add_demo)
    await harness.start()
    return harness


async def test_walk_back_skip_summary_edit_confirm(tmp_path: Path) -> None:
    SAVED.clear()
    bot = await _bot(tmp_path)
    try:
        olena = bot.user(1, "Olena")
        reply = await bot.send(olena, "/demo")
        assert "What kind of visit?" in reply.text
        assert "Cancel" in reply.buttons and "Back" not in reply.buttons
        reply = await bot.press(olena, "Study visit")
        assert "How many people?" in reply.text
        assert {"Skip", "Back", "Cancel"} <= set(reply.buttons)
        reply = await bot.send(olena, "²")
        assert "Please type a number from 1 to 500." in reply.text
        assert "How many people?" in reply.text and "Skip" in reply.buttons
        reply = await bot.press(olena, "Back")
        assert "What kind of visit?" in reply.text and "Now: Study visit" in reply.text
        reply = await bot.press(olena, "Keep as is")
        assert "How many people?" in reply.text
        reply = await bot.send(olena, "12")
        assert "Which topics?" in reply.text
        reply = await bot.press(olena, "Water")
        assert "✓ Water" in reply.buttons
        reply = await bot.press(olena, "Next")
        assert "Please check before saving:" in reply.text
        assert "Kind: Study visit" in reply.text and "People: 12" in reply.text
        assert "Topics: Water" in reply.text
        reply = await bot.press(olena, "Edit")
        reply = await bot.press(olena, "Kind")
        reply = await bot.press(olena, "Online meeting")
        # An online meeting has no head count: the summary drops it.
        assert "Please check before saving:" in reply.text and "People" not in reply.text
        await bot.press(olena, "Confirm")
        assert SAVED == [{"kind": "online", "topics": ["water"]}]
    finally:
        await bot.stop()


async def test_restart_resumes_and_old_buttons_are_refused(tmp_path: Path) -> None:
    SAVED.clear()
    bot = await _bot(tmp_path)
    try:
        olena = bot.user(1, "Olena")
        await bot.send(olena, "/demo")
        first = bot.last(olena.id)
        await bot.press(olena, "Study visit")
        await bot.restart()
        reply = await bot.send(olena, "30")
        assert "Which topics?" in reply.text
        # A button of a step already left does not change the draft.
        old = FormPress("demo", "pick", "kind", 1).data()
        reply = await bot.deliver(bot.api.press_data(olena, old, first))
        assert "Which topics?" in reply.text
        reply = await bot.press(olena, "Next")
        assert "Kind: Study visit" in reply.text and "People: 30" in reply.text
        reply = await bot.press(olena, "Cancel")
        assert "Cancelled. Nothing was saved." in reply.text
        assert SAVED == []
    finally:
        await bot.stop()


# A form whose first field is asked by an outside step with its own conversation state (as a
# picker is), whose nights drop the breakfast answer when they change, and whose summary is
# rendered by an async function (it may read the database).
CITY = "demo:city"


async def _ask_city(update: Update, context: BotContext, step: Step) -> object:
    await show(update, context, "Which city? (outside the form)")
    return CITY


async def _take_city(update: Update, context: BotContext) -> object:
    assert update.effective_message is not None
    return await TRIP.put(update, context, "city", update.effective_message.text)


async def _trip_summary(step: Step) -> str:
    v = step.values
    return f"Trip: {v['city']}, {v['nights']} nights, breakfast {v['breakfast']}"


def _no_breakfast_answer(step: Step) -> None:
    step.values.pop("breakfast", None)


TRIP = Form(
    name="trip",
    fields=(
        Field("city", "City", prompt=lambda s: "", outside=_ask_city),
        Field(
            "nights",
            "Nights",
            prompt=lambda s: "How many nights?",
            parse=lambda text, s: int(text) if text.isdigit() else Refusal("A number, please."),
            changed=_no_breakfast_answer,
        ),
        Field(
            "breakfast",
            "Breakfast",
            prompt=lambda s: "Breakfast?",
            options=lambda s: [Option("yes", "Yes"), Option("no", "No")],
        ),
    ),
    save=_save,
    leave=_leave,
    summary=_trip_summary,
)


async def _start_trip(update: Update, context: BotContext) -> object:
    return await TRIP.start(update, context)


def _add_trip(app: Any) -> None:
    _first(
        app,
        ConversationHandler(
            entry_points=[CommandHandler("trip", _start_trip)],
            states={
                **TRIP.states(),
                CITY: [MessageHandler(filters.TEXT & ~filters.COMMAND, _take_city)],
            },
            fallbacks=[],
            name="trip",
            persistent=True,
        ),
    )


async def test_outside_step_changed_hook_and_async_summary(tmp_path: Path) -> None:
    SAVED.clear()
    bot = BotHarness(tmp_path, extra=_add_trip)
    await bot.start()
    try:
        olena = bot.user(1, "Olena")
        reply = await bot.send(olena, "/trip")
        assert "Which city? (outside the form)" in reply.text
        reply = await bot.send(olena, "Lviv")
        assert "How many nights?" in reply.text and "Back" in reply.buttons
        reply = await bot.press(olena, "Back")
        assert "Which city? (outside the form)" in reply.text
        await bot.send(olena, "Odesa")
        await bot.send(olena, "2")
        reply = await bot.press(olena, "Yes")
        assert "Trip: Odesa, 2 nights, breakfast yes" in reply.text
        await bot.press(olena, "Edit")
        await bot.press(olena, "Nights")
        reply = await bot.send(olena, "3")
        # The nights changed: the breakfast answer is asked again before the summary.
        assert "Breakfast?" in reply.text
        reply = await bot.press(olena, "No")
        assert "Trip: Odesa, 3 nights, breakfast no" in reply.text
        await bot.press(olena, "Edit")
        reply = await bot.press(olena, "City")
        assert "Which city? (outside the form)" in reply.text
        reply = await bot.send(olena, "Kyiv")
        assert "Trip: Kyiv, 3 nights, breakfast no" in reply.text
        await bot.press(olena, "Confirm")
        assert SAVED == [{"city": "Kyiv", "nights": 3, "breakfast": "no"}]
    finally:
        await bot.stop()


async def test_a_checked_field_refuses_nothing_chosen_and_the_summary_has_its_title(
    tmp_path: Path,
) -> None:
    SAVED.clear()
    bot = await _bot(tmp_path)
    try:
        olena = bot.user(1, "Olena")
        await bot.send(olena, "/checked")
        reply = await bot.press(olena, "Next")
        alert = {"text": "Choose at least one topic.", "show_alert": True}
        assert any(alert.items() <= a.items() for a in bot.api.callback_answers)
        assert "Choose at least one topic." in reply.text and "Which topics?" in reply.text
        await bot.press(olena, "Health")
        reply = await bot.press(olena, "Next")
        assert reply.text.startswith("Please check your topics:")
        assert "Please check before saving" not in reply.text
        await bot.press(olena, "Confirm")
        assert SAVED == [{"topics": ["health"]}]
    finally:
        await bot.stop()


# A second form for what a flow may add: a check on every value (picked or typed, awaited
# when it reads the database), the closing button's own label, Back out of the first
# question, a summary with its own heading, and leaving that knows where the form came from.

TAKEN = {"2026-12-25"}


async def _free_day(value: Any, step: Step) -> Any:
    return Refusal("That day is taken.") if value in TAKEN else value


async def _day(text: str, step: Step) -> Any:
    text = text.strip()
    return text if text.startswith("2026-") else Refusal("Type a day of 2026.")


async def _leave_plan(update: Update, context: BotContext, text: str) -> object:
    step = PLAN.step(context)
    origin = step.meta["origin"] if step is not None else "nowhere"
    await show(update, context, f"{text} Back at {origin}.".strip())
    return ConversationHandler.END


PLAN = Form(
    name="plan",
    fields=(
        Field(
            "topics",
            "Topics",
            prompt=lambda s: "Which topics?",
            options=lambda s: [Option("water", "Water"), Option("health", "Health")],
            multi=True,
            next_label="Done",
            check=lambda value, s: value or Refusal("Pick at least one topic."),
        ),
        Field(
            "day",
            "Day",
            prompt=lambda s: "Which day?",
            options=lambda s: [Option("2026-12-25", "Christmas")],
            parse=_day,
            check=_free_day,
        ),
    ),
    save=_save,
    leave=_leave_plan,
    back_out=True,
    summary=lambda s: f"Plan of {s.meta['origin']}: {', '.join(s.values['topics'])}",
    summary_heading=lambda s: "",
)


async def _start_plan(update: Update, context: BotContext) -> object:
    return await PLAN.start(update, context, meta={"origin": "the card"})


def _add_plan(app: Any) -> None:
    _first(
        app,
        ConversationHandler(
            entry_points=[CommandHandler("plan", _start_plan), PLAN.press_handler()],
            states=PLAN.states(),
            fallbacks=[],
            name="plan",
            persistent=True,
        ),
    )


async def test_checks_labels_back_out_and_own_summary(tmp_path: Path) -> None:
    SAVED.clear()
    bot = BotHarness(tmp_path, extra=_add_plan)
    await bot.start()
    try:
        olena = bot.user(1, "Olena")
        reply = await bot.send(olena, "/plan")
        assert {"Done", "Back", "Cancel"} <= set(reply.buttons) and "Next" not in reply.buttons
        reply = await bot.press(olena, "Done")
        assert any(a.get("text") == "Pick at least one topic." for a in bot.api.callback_answers)
        assert "Pick at least one topic." in reply.text and "Which topics?" in reply.text
        await bot.press(olena, "Water")
        reply = await bot.press(olena, "Done")
        assert "Which day?" in reply.text
        reply = await bot.press(olena, "Christmas")
        assert any(a.get("text") == "That day is taken." for a in bot.api.callback_answers)
        assert "That day is taken." in reply.text and "Which day?" in reply.text
        reply = await bot.send(olena, "tomorrow")
        assert "Type a day of 2026." in reply.text
        reply = await bot.send(olena, "2026-12-25")
        assert "That day is taken." in reply.text
        reply = await bot.send(olena, "2026-03-01")
        assert reply.text.startswith("Plan of the card: water")
        assert "Please check before saving:" not in reply.text
        summary = reply.last
        reply = await bot.press(olena, "Cancel")
        assert reply.messages[0].text == "Cancelled. Nothing was saved. Back at the card."
        # The draft went after leaving: the old summary's Confirm saves nothing.
        ok = FormPress("plan", "ok", "").data()
        reply = await bot.deliver(bot.api.press_data(olena, ok, summary))
        assert "That draft is no longer valid." in reply.text and "Back at nowhere." in reply.text
        assert SAVED == []

        reply = await bot.send(olena, "/plan")
        reply = await bot.press(olena, "Back")
        assert reply.messages[0].text == "Back at the card."
        assert bot.app is not None and "flow:plan" not in bot.app.user_data[olena.id]
    finally:
        await bot.stop()


# A form of one question asked by an outside step that shows the form's own Back (or Back to
# summary) and Cancel, as the place picker does; its Edit asks that question again rather than
# listing a single field.
SPOT_STATE = "demo:spot"


async def _ask_spot(update: Update, context: BotContext, step: Step) -> object:
    await show(update, context, "Where to? (outside)", keyboard([SPOT.nav_row(step, "spot")]))
    return SPOT_STATE


async def _take_spot(update: Update, context: BotContext) -> object:
    assert update.effective_message is not None
    return await SPOT.put(update, context, "spot", update.effective_message.text)


SPOT = Form(
    name="spot",
    fields=(Field("spot", "Spot", prompt=lambda s: "", outside=_ask_spot),),
    save=_save,
    leave=_leave,
    back_out=True,
    edit_menu=False,
    summary=lambda s: f"Going to {s.values['spot']}",
)


async def _start_spot(update: Update, context: BotContext) -> object:
    return await SPOT.start(update, context)


def _add_spot(app: Any) -> None:
    _first(
        app,
        ConversationHandler(
            entry_points=[CommandHandler("spot", _start_spot)],
            states={
                **SPOT.states(),
                SPOT_STATE: [
                    SPOT.press_handler(),
                    MessageHandler(filters.TEXT & ~filters.COMMAND, _take_spot),
                ],
            },
            fallbacks=[],
            name="spot",
            persistent=True,
        ),
    )


async def test_an_outside_step_moves_like_any_field_and_one_question_is_edited_at_once(
    tmp_path: Path,
) -> None:
    SAVED.clear()
    bot = BotHarness(tmp_path, extra=_add_spot)
    await bot.start()
    try:
        olena = bot.user(1, "Olena")
        reply = await bot.send(olena, "/spot")
        assert "Where to? (outside)" in reply.text and reply.buttons == ["Back", "Cancel"]
        reply = await bot.send(olena, "Lviv")
        assert "Going to Lviv" in reply.text
        reply = await bot.press(olena, "Edit")
        assert "Where to? (outside)" in reply.text
        assert reply.buttons == ["Back to summary", "Cancel"]
        reply = await bot.press(olena, "Back to summary")
        assert "Going to Lviv" in reply.text
        await bot.press(olena, "Edit")
        reply = await bot.send(olena, "Kyiv")
        assert "Going to Kyiv" in reply.text
        await bot.press(olena, "Confirm")
        assert SAVED == [{"spot": "Kyiv"}]
        await bot.send(olena, "/spot")
        reply = await bot.press(olena, "Cancel")
        assert "Cancelled. Nothing was saved." in reply.text
        assert SAVED == [{"spot": "Kyiv"}]
    finally:
        await bot.stop()


# A form that runs in groups too, whose first answer may come with the command that opens
# it, and whose summary has a button of its own for one field.


def _topic(text: str, step: Step) -> Any:
    return text.strip() or Refusal("Type a topic.")


MEMO = Form(
    name="memo",
    fields=(
        Field("topic", "Topic", prompt=lambda s: "What about?", parse=_topic),
        Field(
            "to",
            "Who gets it",
            prompt=lambda s: "Who gets it?",
            options=lambda s: [Option(None, "Only me"), Option(7, "The team")],
            on_summary=True,
        ),
    ),
    save=_save,
    leave=_leave,
    summary=lambda s: f"Memo: {s.values['topic']} to {s.values['to'] or 'me'}",
    groups=True,
)


async def _start_memo(update: Update, context: BotContext) -> object:
    if context.args:
        MEMO.open(context, {"to": None})
        return await MEMO.put(update, context, "topic", " ".join(context.args))
    return await MEMO.start(update, context, {"to": None})


def _add_memo(app: Any) -> None:
    _first(
        app,
        ConversationHandler(
            entry_points=[CommandHandler("memo", _start_memo)],
            states=MEMO.states(),
            fallbacks=[],
            name="memo",
            persistent=True,
        ),
    )


async def test_groups_a_first_answer_with_the_command_and_a_summary_shortcut(
    tmp_path: Path,
) -> None:
    SAVED.clear()
    bot = BotHarness(tmp_path, extra=_add_memo)
    await bot.start()
    try:
        olena = bot.user(1, "Olena")
        reply = await bot.send(olena, "/memo budget")
        assert reply.text.endswith("\n\nMemo: budget to me") and "What about?" not in reply.text
        assert reply.buttons == ["Confirm", "Who gets it", "Edit", "Cancel"]
        reply = await bot.press(olena, "Who gets it")
        assert "Who gets it?" in reply.text and "Only me" in reply.buttons
        reply = await bot.press(olena, "The team")
        assert reply.text.endswith("Memo: budget to 7")
        await bot.press(olena, "Confirm")
        assert SAVED == [{"topic": "budget", "to": 7}]

        # In a group the typed question is a message to reply to, and the reply is read.
        group = bot.api.group(-7001, "Brovary – Jena", admins=(olena,))
        reply = await bot.send(olena, "/memo", chat=group)
        question = reply.to(group.id)[-1]
        assert question.text == "What about?" and question.force_reply
        assert question.buttons == []
        reply = await bot.reply_to(olena, "  ", question)
        assert "Type a topic." in reply.text and reply.last.force_reply
        reply = await bot.reply_to(olena, "visit", reply.last)
        assert reply.text.endswith("Memo: visit to me")
        await bot.press(olena, "Confirm", chat=group)
        assert SAVED[-1] == {"topic": "visit", "to": None}
    finally:
        await bot.stop()


# A form whose first answer is applied at once by an async `changed` hook (it writes the
# database), so the next question is already asked in the language just chosen.


async def _speak(step: Step) -> None:
    context = step.context
    assert context.account is not None
    await context.repos.users.set_language(context.account.id, step.values["lang"])
    context.account = await context.repos.users.get(context.account.id)


SPEAK = Form(
    name="speak",
    fields=(
        Field(
            "lang",
            "Language",
            prompt=lambda s: "Which language?",
            options=lambda s: [Option("en", "English"), Option("uk", "Українська")],
            changed=_speak,
        ),
        Field("who", "Who", prompt=lambda s: s._("Who are you?"), parse=lambda text, s: text),
    ),
    save=_save,
    leave=_leave,
)


async def _start_speak(update: Update, context: BotContext) -> object:
    return await SPEAK.start(update, context)


def _add_speak(app: Any) -> None:
    _first(
        app,
        ConversationHandler(
            entry_points=[CommandHandler("speak", _start_speak)],
            states=SPEAK.states(),
            fallbacks=[],
            name="speak",
            persistent=True,
        ),
    )


async def test_an_async_changed_hook_applies_the_answer_before_the_next_question(
    tmp_path: Path,
) -> None:
    SAVED.clear()
    bot = BotHarness(tmp_path, extra=_add_speak)
    await bot.start()
    try:
        olena = bot.user(1, "Olena", "en")
        await bot.send(olena, "/speak")
        reply = await bot.press(olena, "Українська")
        assert "Хто ви?" in reply.text and "Скасувати" in reply.buttons
        account = await bot.repos.users.get(olena.id)
        assert account is not None and account.language == "uk"
        reply = await bot.press(olena, "Назад")
        assert "Which language?" in reply.text and "Поточне значення: Українська" in reply.text
        reply = await bot.press(olena, "English")
        assert "Who are you?" in reply.text and "Cancel" in reply.buttons
    finally:
        await bot.stop()
