"""Posting offers and needs in both languages, and the owner's edit, pause, renew and close."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from bot.domain.offers.render import details
from handlers.offers.post import form_values, post_draft
from storage.offers import PostDraft
from tests.harness import BotHarness


async def test_partner_posts_an_offer_in_english(bot: BotHarness) -> None:
    coordinator = bot.user(401, "Lars", "en")
    await bot.make_member(coordinator, "Sundbyberg")
    await bot.send(coordinator, "/menu")
    reply = await bot.press(coordinator, "Find partners")
    assert "Post an offer" in reply.buttons
    assert "Post a need" not in reply.buttons
    await bot.press(coordinator, "Post an offer")
    reply = await bot.press(coordinator, "Next")  # no sector yet
    assert any("at least one sector" in a.get("text", "") for a in bot.api.callback_answers)
    await bot.press(coordinator, "Youth")
    reply = await bot.press(coordinator, "IDP integration")
    assert "✓ Youth" in reply.buttons and "✓ IDP integration" in reply.buttons
    await bot.press(coordinator, "Next")
    await bot.press(coordinator, "Expertise and study visits")
    reply = await bot.press(coordinator, "Next")
    assert "Step 3" in reply.text
    reply = await bot.send(coordinator, "   ")
    assert "empty" in reply.text
    reply = await bot.send(coordinator, "x" * 2500)
    assert "at most 2000 characters" in reply.text
    reply = await bot.send(
        coordinator, "Art therapy and psychological support for displaced young people."
    )
    assert "languages" in reply.text
    await bot.press(coordinator, "Swedish")
    await bot.press(coordinator, "English")
    reply = await bot.press(coordinator, "Next")
    await bot.press(coordinator, "3 months")
    reply = await bot.press(coordinator, "Yes, several communities")
    assert "Please check your offer" in reply.text
    assert "Sectors: Youth, IDP integration" in reply.text
    assert "Staff speak: English, Swedish" in reply.text
    assert "Shown for: 3 months" in reply.text
    summary = reply.last
    confirm_data = next(b["callback_data"] for b in summary.buttons if b["text"] == "Confirm")
    reply = await bot.press(coordinator, "Confirm")
    assert "Saved." in reply.text
    assert "Shown until: 20 February 2027" in reply.text
    # Confirm pressed again on the old screen saves nothing more.
    await bot.api.wait_processed(bot.api.press_data(coordinator, confirm_data, summary))
    assert any("no longer active" in a.get("text", "") for a in bot.api.callback_answers[-2:])
    assert await bot.repos.posts.count("offer") == 1

    official = bot.user(402, "Марія", "uk")
    await bot.make_member(official, "Vasylkiv")
    await bot.send(official, "/find")
    reply = await bot.send(official, "психологічна молодь")
    assert "Sundbyberg" in reply.text


async def test_official_posts_a_need_in_ukrainian(bot: BotHarness) -> None:
    official = bot.user(411, "Ігор", "uk")
    await bot.make_member(official, "Brovary")
    await bot.send(official, "/menu")
    reply = await bot.press(official, "Пошук партнерів")
    assert "Опублікувати потребу" in reply.buttons
    await bot.press(official, "Опублікувати потребу")
    await bot.press(official, "Здоров")  # the sector "Health and hospitals", whatever its wording
    await bot.press(official, "Далі")
    await bot.press(official, "Обладнання")
    await bot.press(official, "Далі")
    await bot.send(official, "Апарати ШВЛ для міської лікарні")
    await bot.press(official, "Терміново")
    reply = await bot.send(official, "багато")
    assert "Не вдалося прочитати суму" in reply.text
    await bot.send(official, "3,9 млн грн")
    await bot.press(official, "Тривале партнерство")
    reply = await bot.press(official, "6 місяців")
    assert "Перевірте вашу потребу" in reply.text
    assert "Терміновість: Терміново" in reply.text
    assert "3\u00a0900\u00a0000,00\u00a0₴" in reply.text
    assert "Шукаємо: партнерство" in reply.text
    reply = await bot.press(official, "Підтвердити")
    assert "Збережено" in reply.text

    coordinator = bot.user(412, "Anna", "en")
    await bot.make_member(coordinator, "Jena")
    reply = await bot.send(coordinator, "/find ventilators ШВЛ")
    assert "Brovary, Ukraine" in reply.text


async def test_owner_pauses_renews_edits_and_closes(bot: BotHarness) -> None:
    coordinator = bot.user(421, "Jonas", "en")
    erlangen = await bot.make_member(coordinator, "Erlangen")
    outsider = bot.user(422, "Eve", "en")
    await bot.make_member(outsider, "Jena")
    await bot.send(coordinator, "/menu")
    await bot.press(coordinator, "Find partners")
    await bot.press(coordinator, "Post an offer")
    await bot.press(coordinator, "Culture")
    await bot.press(coordinator, "Next")
    await bot.press(coordinator, "School and youth exchanges")
    await bot.press(coordinator, "Next")
    await bot.send(coordinator, "Orchestra exchange for schools")
    await bot.press(coordinator, "Next")
    await bot.press(coordinator, "1 month")
    await bot.press(coordinator, "No, one community")
    await bot.press(coordinator, "Confirm")
    post = (await bot.repos.posts.for_community(erlangen.id))[0]

    reply = await bot.press(coordinator, "My posts")
    assert "1. shown — Orchestra exchange" in reply.buttons[0]
    await bot.press(coordinator, "1. shown")
    reply = await bot.press(coordinator, "Pause")
    assert "Paused" in reply.text
    assert (await bot.repos.posts.get(post.id)).status == "paused"  # type: ignore[union-attr]
    reply = await bot.press(coordinator, "Resume")
    assert "Resumed" in reply.text
    bot.clock.advance(timedelta(days=40))
    await bot.press(coordinator, "Back")
    reply = await bot.press(coordinator, "1. expired")
    assert "Not shown in search: expired" in reply.text
    reply = await bot.press(coordinator, "Renew")
    assert "Renewed" in reply.text and "Not shown in search" not in reply.text

    # Editing reopens the post at its summary; one field is changed from there.
    reply = await bot.press(coordinator, "Edit")
    assert "Please check your offer" in reply.text and "Orchestra exchange" in reply.text
    await bot.press(coordinator, "Edit")
    reply = await bot.press(coordinator, "Description")
    assert "Now: Orchestra exchange" in reply.text
    reply = await bot.send(coordinator, "Orchestra and choir exchange for schools")
    assert "Please check your offer" in reply.text and "Shown for: 1 month" in reply.text
    await bot.press(coordinator, "Confirm")
    edited = await bot.repos.posts.get(post.id)
    assert edited is not None and edited.description == "Orchestra and choir exchange for schools"
    assert await bot.repos.posts.count() == 1

    # Someone of another community cannot manage it, even with a forged button.
    last = bot.last(outsider.id) if bot.api.bot_messages(outsider.id) else None
    if last is None:
        await bot.send(outsider, "/menu")
        last = bot.last(outsider.id)
    await bot.api.wait_processed(bot.api.press_data(outsider, f"of:close:{post.id}", last))
    assert (await bot.repos.posts.get(post.id)).status == "active"  # type: ignore[union-attr]

    await bot.press(coordinator, "My posts")
    await bot.press(coordinator, "1. shown")
    reply = await bot.press(coordinator, "Close")
    assert "Closed" in reply.text
    reply = await bot.press(coordinator, "Back")
    assert "no posts yet" in reply.text


async def test_unapproved_user_is_refused(bot: BotHarness) -> None:
    stranger = bot.user(431, "Sam", "en")
    reply = await bot.send(stranger, "/find heating")
    assert "operator has approved" in reply.text


async def test_summary_of_a_draft_reads_like_the_saved_card(bot: BotHarness) -> None:
    official = bot.user(491, "Ірина", "uk")
    brovary = await bot.make_member(official, "Brovary")
    need = PostDraft(
        side="need",
        community_id=brovary.id,
        description="Обладнання для лікарні",
        sectors=["health"],
        kinds=["equipment"],
        urgency="urgent",
        value_amount=Decimal("3900000"),
        value_currency="UAH",
        partnership=True,
    )
    saved = await bot.repos.posts.create(need, brovary)
    values = {
        "sectors": ["health"],
        "kinds": ["equipment"],
        "description": "Обладнання для лікарні",
        "urgency": "urgent",
        "value": {"amount": "3900000", "currency": "UAH"},
        "partnership": True,
        "duration": 180,
    }
    meta = {"side": "need", "community": brovary.id}
    for lang in ("uk", "en"):
        t = bot.services.i18n.get(lang)
        assert details(post_draft(values, meta), t) == details(saved, t)
        # A saved post reopened for editing reads the same.
        assert details(post_draft(form_values(saved), meta), t) == details(saved, t)
    uk = details(saved, bot.services.i18n.get("uk"))
    assert any("3\xa0900\xa0000" in line for line in uk)
    assert any("партнерство" in line for line in uk)


async def test_a_need_being_posted_survives_a_restart_and_cancel_saves_nothing(
    bot: BotHarness,
) -> None:
    official = bot.user(441, "Оксана", "uk")
    await bot.make_member(official, "Byshiv")
    await bot.send(official, "/menu")
    await bot.press(official, "Пошук партнерів")
    await bot.press(official, "Опублікувати потребу")
    await bot.press(official, "Водопостачання")
    await bot.press(official, "Далі")
    await bot.press(official, "Далі")  # a need may name no kind of support
    await bot.send(official, "Нова водонасосна станція")
    await bot.restart()
    reply = await bot.press(official, "Назад")
    assert "Крок 3" in reply.text and "Поточне значення: Нова водонасосна станція" in reply.text
    reply = await bot.press(official, "Залишити як є")
    assert "Крок 4" in reply.text
    reply = await bot.press(official, "Скасувати")
    assert "Скасовано. Нічого не збережено." in reply.text
    assert "Опублікувати потребу" in reply.buttons
    assert await bot.repos.posts.count() == 0
