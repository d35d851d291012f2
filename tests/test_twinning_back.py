"""Back on the guide's typing prompts: one screen back, with everything typed so far kept."""

from __future__ import annotations

from handlers.shared.forms import FormPress
from tests.harness import BotHarness


async def test_partner_by_hand_back_from_country_keeps_the_name(bot: BotHarness) -> None:
    mayor = bot.user(301, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    await bot.send(mayor, "/twinning")
    await bot.press(mayor, "New partnership")
    await bot.send(mayor, "Gmina Xyzqw")
    await bot.press(mayor, "Not in the list")
    reply = await bot.send(mayor, "Gmina Dobrcz")
    assert "Type the partner's country" in reply.text
    assert reply.buttons == ["Back"]

    reply = await bot.press(mayor, "Back")
    assert "Now: Gmina Dobrcz" in reply.text
    assert "official name of the partner" in reply.text
    reply = await bot.press(mayor, "Keep as is")
    assert "Type the partner's country" in reply.text

    reply = await bot.send(mayor, "Poland")
    assert "Which country?" in reply.text
    assert reply.buttons[-1] == "Back"
    reply = await bot.press(mayor, "Back")
    assert "Now: Gmina Dobrcz" in reply.text
    await bot.send(mayor, "Gmina Dobrcz Wielka")
    reply = await bot.send(mayor, "Atlantis")
    assert "No country found" in reply.text
    assert reply.buttons == ["Back"]
    await bot.send(mayor, "Poland")
    reply = await bot.press(mayor, "Poland")
    assert "New partnership: Brovary — Gmina Dobrcz Wielka, Poland." in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "The partnership is created." in reply.text


async def test_the_partner_step_moves_like_a_form_and_saves_nothing_until_confirmed(
    bot: BotHarness,
) -> None:
    mayor = bot.user(305, "Ihor", "en")
    brovary = await bot.make_member(mayor, "Brovary")
    await bot.send(mayor, "/twinning")
    reply = await bot.press(mayor, "New partnership")
    assert "Who is the partner?" in reply.text and reply.buttons == ["Back", "Cancel"]
    reply = await bot.send(mayor, "Gmina Zzyzx")
    assert "type it with the country" in reply.text
    reply = await bot.press(mayor, "Back")
    assert "Who is the partner?" in reply.text
    await bot.send(mayor, "Gmina Zzyzx, Poland")
    reply = await bot.press(mayor, "Add “Gmina Zzyzx, Poland”")
    assert "New partnership: Brovary — Gmina Zzyzx, Poland." in reply.text
    assert reply.buttons == ["Confirm", "Edit", "Cancel"]

    # Edit asks the one question again, with the way back to the summary.
    reply = await bot.press(mayor, "Edit")
    assert "Who is the partner?" in reply.text
    assert reply.buttons == ["Back to summary", "Cancel"]
    reply = await bot.press(mayor, "Back to summary")
    assert "New partnership: Brovary — Gmina Zzyzx, Poland." in reply.text
    await bot.press(mayor, "Edit")
    await bot.send(mayor, "Jena")
    reply = await bot.press(mayor, "Jena, Germany")
    assert "New partnership: Brovary — Jena, Germany." in reply.text

    reply = await bot.press(mayor, "Cancel")
    assert "Cancelled. Nothing was saved." in reply.text
    assert "Twinning guide — Brovary" in reply.text
    assert await bot.repos.partnerships.for_community(brovary.id) == []
    assert await bot.repos.partnerships.partner_candidates("Zzyzx") == []

    # Back from the question leaves for the guide.
    await bot.press(mayor, "New partnership")
    reply = await bot.press(mayor, "Back")
    assert "Twinning guide — Brovary" in reply.text and "Cancelled" not in reply.text


async def _new_partnership_uk(bot: BotHarness, user) -> None:  # type: ignore[no-untyped-def]
    await bot.send(user, "/twinning")
    await bot.press(user, "Нове партнерство")
    reply = await bot.send(user, "Jena")
    await bot.press(user, next(b for b in reply.buttons if "Єна" in b))
    await bot.press(user, "Підтвердити")


async def test_step_fields_back_in_ukrainian_keep_what_was_typed(bot: BotHarness) -> None:
    mayor = bot.user(311, "Ігор", "uk")
    await bot.make_member(mayor, "Brovary")
    await _new_partnership_uk(bot, mayor)

    # Nothing typed yet: Back from the first field returns to the card.
    reply = await bot.press(mayor, "Продовжити")
    assert "Крок 1 з 7" in reply.text
    assert "Назад" in reply.buttons
    reply = await bot.press(mayor, "Назад")
    assert "Крок 1 з 7" not in reply.text
    assert any(label.startswith("Продовжити") for label in reply.buttons)

    await bot.press(mayor, "Продовжити")
    await bot.press(mayor, "Охорона здоров’я")
    reply = await bot.press(mayor, "Готово")
    assert "Хто ухвалив рішення?" in reply.text
    reply = await bot.press(mayor, "Назад")
    assert "✓ Охорона здоров’я" in reply.buttons
    await bot.press(mayor, "Готово")
    await bot.press(mayor, "Міська рада")
    reply = await bot.send(mayor, "02.11.2026")
    assert "Назад" in reply.buttons and "Скасувати" in reply.buttons

    reply = await bot.press(mayor, "Назад")
    assert "Поточне значення: 2 листопада 2026" in reply.text
    reply = await bot.press(mayor, "Залишити як є")
    assert "номер рішення" in reply.text.lower()
    reply = await bot.send(mayor, "123-VIII")
    assert "123-VIII" in reply.text and "2 листопада 2026" in reply.text

    # From the summary's Edit, the field and the list of fields lead back to the summary.
    await bot.press(mayor, "Змінити")
    reply = await bot.press(mayor, "Номер рішення")
    assert "Поточне значення: 123-VIII" in reply.text
    reply = await bot.press(mayor, "Назад до підсумку")
    assert "123-VIII" in reply.text and "Міська рада" in reply.text
    reply = await bot.press(mayor, "Змінити")
    assert "Що ви хочете змінити?" in reply.text
    reply = await bot.press(mayor, "Назад до підсумку")
    assert "123-VIII" in reply.text and "Міська рада" in reply.text
    reply = await bot.press(mayor, "Підтвердити")
    assert "Збережено: 1. Сфери співробітництва" in reply.text
    reply = await bot.press(mayor, "Повна картка")
    assert "2 листопада 2026" in reply.text


async def test_back_to_an_earlier_choice_keeps_later_answers(bot: BotHarness) -> None:
    mayor = bot.user(321, "Kate", "en")
    await bot.make_member(mayor, "Brovary")
    await bot.send(mayor, "/twinning")
    await bot.press(mayor, "New partnership")
    await bot.send(mayor, "Jena")
    await bot.press(mayor, "Jena, Germany")
    await bot.press(mayor, "Confirm")
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Energy")
    await bot.press(mayor, "Done")
    await bot.press(mayor, "City council")
    await bot.send(mayor, "02.11.2026")
    await bot.press(mayor, "Back")  # from the number to the date
    reply = await bot.press(mayor, "Back")  # from the date to who decided
    assert "Who recorded the decision?" in reply.text
    reply = await bot.press(mayor, "Executive committee")
    # The date typed before is kept: the next question is the number.
    assert "number of the decision" in reply.text
    reply = await bot.send(mayor, "45")
    assert "Decision by: Executive committee" in reply.text
    assert "Decision date: 2 November 2026" in reply.text

    # An old Back button after the step was cancelled answers sensibly.
    question = bot.last(mayor.id)
    await bot.press(mayor, "Cancel")
    await bot.restart()
    back = FormPress("twareas", "back", "decision_number").data()
    reply = await bot.deliver(bot.api.press_data(mayor, back, question))
    assert any(
        a.get("text") == "That button is no longer active." for a in bot.api.callback_answers
    )
    assert "Twinning guide — Brovary" in reply.text
