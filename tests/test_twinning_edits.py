"""Correcting steps, two officials at once, restarts, wrong dates and other communities."""

from __future__ import annotations

from handlers.shared.forms import FormPress
from tests.harness import BotHarness
from tests.test_twinning_walk import fill_areas, new_partnership


async def test_going_back_to_edit_a_step_keeps_who_and_when(bot: BotHarness) -> None:
    mayor = bot.user(211, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Erlangen", "Erlangen, Germany")
    await fill_areas(bot, mayor)
    reply = await bot.press(mayor, "Correct a step")
    assert "Which step do you want to correct?" in reply.text
    reply = await bot.press(mayor, "1. Areas of cooperation")
    assert "Decision number: 45" in reply.text
    reply = await bot.press(mayor, "Edit")
    assert "Decision number" in reply.buttons
    reply = await bot.press(mayor, "Decision number")
    assert "Now: 45" in reply.text
    reply = await bot.send(mayor, "46-VIII")
    assert "Decision number: 46-VIII" in reply.text and "Please check" in reply.text
    await bot.press(mayor, "Edit")
    await bot.press(mayor, "Areas of cooperation")
    await bot.press(mayor, "Education")
    await bot.press(mayor, "Done")
    reply = await bot.press(mayor, "Confirm")
    assert "Saved: 1. Areas of cooperation" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "Decision number: 46-VIII" in reply.text
    assert "Water supply, Education" in reply.text
    reply = await bot.press(mayor, "History")
    assert "Ihor: Decision number: 45 → 46-VIII" in reply.text
    assert "22/11/2026" in reply.text


async def test_cancel_saves_nothing(bot: BotHarness) -> None:
    mayor = bot.user(212, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Energy")
    reply = await bot.press(mayor, "Cancel")
    assert "Cancelled. Nothing was saved." in reply.text
    assert "Steps done: 0 of 7" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "⬜ 2." in reply.text and "✅" not in reply.text


async def test_two_officials_editing_the_same_step(bot: BotHarness) -> None:
    mayor = bot.user(213, "Ihor", "en")
    deputy = bot.user(214, "Maria", "en")
    await bot.make_member(mayor, "Brovary")
    await bot.make_member(deputy, "Brovary", role="member")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await bot.send(deputy, "/twinning")
    reply = await bot.press(deputy, "Jena, Germany")
    assert "Partnership Brovary — Jena, Germany" in reply.text
    # Both start step 1; the deputy confirms first.
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Culture")
    await bot.press(mayor, "Done")
    await bot.press(mayor, "City council")
    await bot.send(mayor, "03.11.2026")
    await bot.send(mayor, "77")
    reply = await fill_areas(bot, deputy)
    assert "Saved: 1. Areas of cooperation" in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "Maria saved this step while you were editing it" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "Decision number: 45" in reply.text and "77" not in reply.text
    history = await bot.repos.partnerships.history(1)
    assert {entry.changed_by for entry in history} == {deputy.id}


async def test_restart_in_the_middle_of_a_step(bot: BotHarness) -> None:
    mayor = bot.user(215, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Youth")
    await bot.press(mayor, "Done")
    await bot.press(mayor, "City council")
    await bot.restart()
    reply = await bot.send(mayor, "01.11.2026")
    assert "number of the decision" in reply.text
    reply = await bot.send(mayor, "12")
    assert "Areas of cooperation: Youth" in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "Steps done: 1 of 7" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "✅ 1." in reply.text


async def test_invalid_dates_are_explained(bot: BotHarness) -> None:
    mayor = bot.user(216, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await fill_areas(bot, mayor, decision_date="10.11.2026")
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Visit")
    reply = await bot.send(mayor, "31.02.2026")
    assert "There is no such date in the calendar" in reply.text
    reply = await bot.send(mayor, "12.03.1998")
    assert "too long ago" in reply.text
    reply = await bot.send(mayor, "01.12.2026")
    assert "in the future" in reply.text
    reply = await bot.send(mayor, "banana")
    assert "could not read that date" in reply.text
    reply = await bot.send(mayor, "yesterday")
    assert "partner's contact person" in reply.text
    await bot.press(mayor, "Skip")
    await bot.press(mayor, "Confirm")
    # The draft cannot be agreed before the first contact (21 November).
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Memorandum")
    reply = await bot.send(mayor, "20.11.2026")
    assert "before 21 November 2026" in reply.text


async def test_invalid_number_and_empty_areas(bot: BotHarness) -> None:
    mayor = bot.user(217, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Done")
    assert any("Pick at least one area" in a.get("text", "") for a in bot.api.callback_answers)
    await bot.press(mayor, "Heating")
    await bot.press(mayor, "Done")
    await bot.press(mayor, "City council")
    await bot.send(mayor, "today")
    reply = await bot.send(mayor, "no number here")
    assert "does not look like a number" in reply.text


async def test_partnership_of_another_community_is_out_of_reach(bot: BotHarness) -> None:
    mayor = bot.user(218, "Ihor", "en")
    other = bot.user(219, "Vitaliy", "en")
    await bot.make_member(mayor, "Brovary")
    await bot.make_member(other, "Kremenchuk")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    reply = await bot.send(other, "/twinning")
    assert "Jena" not in reply.text and not any("Jena" in b for b in reply.buttons)
    message = bot.last(other.id)
    for data in ("tw:c:1", "tw:s:1:areas", "tw:d:1", "tw:dd:1:all", "tw:h:1", "tw:pa:1"):
        await bot.api.wait_processed(bot.api.press_data(other, data, message))
    answers = [a.get("text", "") for a in bot.api.callback_answers]
    assert answers.count("This partnership is not available to you.") == 6
    assert not any(m.document for m in bot.api.bot_messages(other.id))
    assert await bot.repos.partnerships.steps(1) == {}


async def test_company_as_partner_gets_a_warning(bot: BotHarness) -> None:
    mayor = bot.user(220, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await bot.send(mayor, "/twinning")
    await bot.press(mayor, "New partnership")
    await bot.send(mayor, "Siemens")
    await bot.press(mayor, "Not in the list")
    await bot.send(mayor, "Siemens Energy GmbH")
    reply = await bot.send(mayor, "Germany")
    reply = await bot.press(mayor, "Germany")
    assert "does not look like a local or regional authority" in reply.text


async def test_pause_resume_and_end_with_a_reason(bot: BotHarness) -> None:
    mayor = bot.user(221, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    assert await bot.repos.reminders.pending()
    await bot.press(mayor, "Pause")
    reply = await bot.send(mayor, "Elections in the partner city")
    assert "Pause the partnership? Reason: Elections in the partner city" in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert reply.text.startswith("The partnership is paused.")
    assert "Paused: Elections in the partner city" in reply.text
    assert "Continue" not in " ".join(reply.buttons)
    assert await bot.repos.reminders.pending() == []
    reply = await bot.press(mayor, "Resume")
    assert reply.text.startswith("The partnership is resumed.")
    assert "Paused" not in reply.text
    assert await bot.repos.reminders.pending()
    await bot.press(mayor, "End partnership")
    await bot.send(mayor, "The partner withdrew")
    reply = await bot.press(mayor, "Confirm")
    assert reply.text.startswith("The partnership is ended.")
    assert "Ended: The partner withdrew" in reply.text
    reply = await bot.send(mayor, "/twinning")
    assert any("ended" in b for b in reply.buttons)


async def test_confirm_pressed_twice_saves_once(bot: BotHarness) -> None:
    mayor = bot.user(222, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Sport")
    await bot.press(mayor, "Done")
    await bot.press(mayor, "City council")
    await bot.send(mayor, "today")
    summary = (await bot.send(mayor, "9")).last
    await bot.press(mayor, "Confirm", message=summary)
    confirm = FormPress("twareas", "ok", "").data()
    await bot.api.wait_processed(bot.api.press_data(mayor, confirm, summary))
    answers = [a.get("text", "") for a in bot.api.callback_answers]
    assert "That button is no longer active." in answers
    assert len(await bot.repos.partnerships.history(1)) == 4  # four facts, written once
    reply = await bot.send(mayor, "/twinning")
    # The stage is cut after a whole word where the partner's name leaves no room for all of it.
    assert "Jena, Germany · 2. Partner found and contact…" in reply.buttons


async def test_a_long_partner_name_in_the_list_is_cut_at_a_word(bot: BotHarness) -> None:
    labels = (
        (
            221,
            "en",
            "New partnership",
            "Confirm",
            "Šiauliai District Municipality",
            "Šiauliai District Municipality, Lithuania · 1.",
        ),
        (
            222,
            "uk",
            "Нове партнерство",
            "Підтвердити",
            "Шяуляйський район",
            "Шяуляйський район, Литва · 1.",
        ),
    )
    for user_id, lang, new, confirm, place, start in labels:
        mayor = bot.user(user_id, "Rasa", lang)
        await bot.make_member(mayor, "Dolyna")
        await bot.send(mayor, "/twinning")
        await bot.press(mayor, new)
        await bot.send(mayor, "Siauliai district")
        await bot.press(mayor, place)
        await bot.press(mayor, confirm)
        reply = await bot.send(mayor, "/twinning")
        label = reply.buttons[0]
        assert label.startswith(start) and label.endswith("…"), label
        assert len(label) <= 60
        # The cut falls between words: what is left of the step name is whole words.
        assert all(word in reply_title(lang) for word in label[len(start) : -1].split()), label


def reply_title(lang: str) -> str:
    return {
        "en": "Areas of cooperation and the community's initiative",
        "uk": "Сфери співробітництва та ініціатива громади",
    }[lang]


async def test_the_initiative_stands_apart_from_the_later_steps_dates(bot: BotHarness) -> None:
    """A council's decision on the initiative may come after the first contact (the law does
    not order them), so correcting it to today is taken."""
    mayor = bot.user(223, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    await fill_areas(bot, mayor, decision_date="02.11.2026")
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Visit")
    await bot.send(mayor, "05.11.2026")
    await bot.press(mayor, "Skip")
    await bot.press(mayor, "Confirm")
    await bot.press(mayor, "Correct a step")
    await bot.press(mayor, "1. Areas of cooperation")
    await bot.press(mayor, "Edit")
    await bot.press(mayor, "Decision date")
    reply = await bot.press(mayor, "Today")
    assert "Decision date: 22 November 2026" in reply.text and "Please check" in reply.text
