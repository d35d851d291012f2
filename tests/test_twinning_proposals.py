"""A partnership one community opens is a proposal to the other until someone there accepts."""

from __future__ import annotations

from handlers.twinning.buttons import AcceptProposal, Card
from tests.harness import OPERATOR_ID, BotHarness
from tests.test_onboarding import onboard
from tests.test_twinning_walk import new_partnership


async def test_the_partner_accepts_after_a_restart_and_both_see_the_partnership(
    bot: BotHarness,
) -> None:
    mayor = bot.user(801, "Ihor", "en")
    anna = bot.user(802, "Anna", "de")
    await bot.make_member(mayor, "Brovary")
    jena = await bot.make_member(anna, "Jena")
    reply = await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    assert "It is a proposal to Jena, Germany until someone there accepts it" in reply.text
    assert "⏳ Awaiting the partner's answer" in reply.text
    # The guide works for the proposing side while it waits.
    reply = await bot.press(mayor, "Continue")
    assert "Step 1 of 7" in reply.text
    await bot.press(mayor, "Culture")
    await bot.press(mayor, "Done")
    await bot.press(mayor, "City council")
    await bot.send(mayor, "today")
    await bot.send(mayor, "9")
    reply = await bot.press(mayor, "Confirm")
    assert "Saved: 1." in reply.text and "Steps done: 1 of 7" in reply.text

    # Anna was told, with the short card and her answer to give.
    told = bot.api.bot_messages(anna.id)
    assert len(told) == 1
    assert "Brovary schlägt Ihrer Kommune eine Städtepartnerschaft vor." in told[0].body
    assert "Kontakt: Ihor (@user801)" in told[0].body
    assert told[0].button_labels[:2] == ["Annehmen", "Ablehnen"]

    # Her guide has the proposal and nothing else: no partnership, no aid scope.
    reply = await bot.send(anna, "/twinning")
    assert "Vorschläge, die auf Ihre Antwort warten:" in reply.text
    assert "Ihre Partnerschaften" not in reply.text
    assert reply.buttons[0] == "📨 Brovary" and not any("·" in b for b in reply.buttons)
    assert await bot.repos.partnerships.for_community(jena.id) == []

    await bot.restart()
    reply = await bot.press(anna, "📨 Brovary")
    assert "Bereiche der Zusammenarbeit: Kultur" in reply.text
    reply = await bot.press(anna, "Annehmen")
    assert "Angenommen: Die Partnerschaft gehört jetzt auch Ihnen." in reply.text
    assert "Partnerschaft Brovary — Jena, Deutschland" in reply.text
    assert "Wartet auf die Antwort des Partners" not in reply.text

    told = bot.api.bot_messages(mayor.id)[-1]
    assert "Jena, Germany accepted your partnership proposal." in told.body
    reply = await bot.press(mayor, "Open the partnership", message=told)
    assert "Awaiting" not in reply.text and "Next: 2. Partner found" in reply.text
    reply = await bot.send(anna, "/twinning")
    assert "Vorschläge" not in reply.text
    assert reply.buttons[0].startswith("Brovary · 2.")

    # An answer pressed again on the old message changes nothing.
    before = len(bot.api.callback_answers)
    await bot.press(anna, "Annehmen", message=bot.api.bot_messages(anna.id)[0])
    answers = [a.get("text") for a in bot.api.callback_answers[before:]]
    assert "Dieser Vorschlag wurde bereits beantwortet." in answers


async def test_the_partner_declines_and_the_proposing_side_is_told(bot: BotHarness) -> None:
    mayor = bot.user(811, "Ігор", "uk")
    jan = bot.user(812, "Jan", "pl")
    brovary = await bot.make_member(mayor, "Brovary")
    county = await bot.make_member(jan, "Gniezno County")
    await new_partnership_uk(bot, mayor)
    assert [r for r in await bot.repos.reminders.pending() if r.kind.startswith("twinning.")]
    reply = await bot.press(jan, "Odrzuć", message=bot.api.bot_messages(jan.id)[0])
    assert "Odrzucić propozycję partnerstwa (Brovary)?" in reply.text, reply.text
    reply = await bot.press(jan, "Tak, odrzuć")
    assert "Odrzucono. Strona proponująca zostanie powiadomiona." in reply.text
    assert "Brovary" not in reply.text.split("\n\n", 1)[1]
    assert await bot.repos.partnerships.for_community(county.id) == []
    assert await bot.repos.partnerships.proposals_to(county.id) == []

    told = bot.api.bot_messages(mayor.id)[-1]
    assert "відхилив вашу пропозицію партнерства" in told.body
    reply = await bot.press(mayor, "Відкрити партнерство", message=told)
    assert "✖️ Відхилено партнером" in reply.text
    # Nor does the guide nudge about a partnership the partner declined.
    assert not [r for r in await bot.repos.reminders.pending() if r.kind.startswith("twinning.")]
    reply = await bot.send(mayor, "/twinning")
    assert any(label.endswith("· відхилено") for label in reply.buttons)
    # Accept pressed later (a stale or forged press): the answer stands.
    (declined,) = await bot.repos.partnerships.for_community(brovary.id)
    before = len(bot.api.callback_answers)
    accept = AcceptProposal(declined.id).data()
    await bot.deliver(bot.api.press_data(jan, accept, bot.last(jan.id)))
    answers = [a.get("text") for a in bot.api.callback_answers[before:]]
    assert "Na tę propozycję już odpowiedziano." in answers
    assert await bot.repos.partnerships.for_community(county.id) == []

    # Later, Brovary proposes again: Jan is asked once more and can accept.
    reply = await bot.send(mayor, "/twinning")
    reply = await bot.press(mayor, next(b for b in reply.buttons if b.endswith("· відхилено")))
    reply = await bot.press(mayor, "Запропонувати повторно")
    assert "Пропозицію партнерства надіслано повторно." in reply.text
    assert "Очікує відповіді партнера" in reply.text
    assert "Запропонувати повторно" not in reply.buttons
    asked = bot.api.bot_messages(jan.id)[-1]
    assert "Brovary" in asked.body and asked.button_labels[:2] == ["Przyjmij", "Odrzuć"]
    await bot.press(jan, "Przyjmij", message=asked)
    assert [p.id for p in await bot.repos.partnerships.for_community(county.id)] == [declined.id]


async def new_partnership_uk(bot: BotHarness, mayor) -> None:  # type: ignore[no-untyped-def]
    await bot.send(mayor, "/twinning")
    await bot.press(mayor, "Нове партнерство")
    reply = await bot.send(mayor, "Gniezno")
    await bot.press(mayor, next(b for b in reply.buttons if b.startswith("Гнезненський повіт")))
    reply = await bot.press(mayor, "Підтвердити")
    assert "Партнерство створено." in reply.text
    assert "⏳ Очікує відповіді партнера" in reply.text


async def test_a_strangers_forged_accept_is_refused(bot: BotHarness) -> None:
    mayor = bot.user(821, "Ihor", "en")
    colleague = bot.user(822, "Kate", "en")
    stranger = bot.user(823, "Max", "en")
    anna = bot.user(824, "Anna", "de")
    brovary = await bot.make_member(mayor, "Brovary")
    await bot.make_member(colleague, "Brovary")
    await bot.make_member(stranger, "Erlangen")
    jena = await bot.make_member(anna, "Jena")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    (partnership,) = await bot.repos.partnerships.for_community(brovary.id)
    for person in (stranger, colleague):
        screen = (await bot.send(person, "/menu")).last
        before = len(bot.api.callback_answers)
        await bot.deliver(bot.api.press_data(person, AcceptProposal(partnership.id).data(), screen))
        answers = [a.get("text") for a in bot.api.callback_answers[before:]]
        assert "Only people of the community asked can answer." in answers
    # Nor does the card of someone else's proposal open for a stranger.
    screen = (await bot.send(stranger, "/twinning")).last
    before = len(bot.api.callback_answers)
    await bot.deliver(bot.api.press_data(stranger, Card(partnership.id).data(), screen))
    answers = [a.get("text") for a in bot.api.callback_answers[before:]]
    assert "This partnership is not available to you." in answers
    assert await bot.repos.partnerships.for_community(jena.id) == []
    assert (await bot.repos.partnerships.proposals_to(jena.id))[0].id == partnership.id


async def test_a_coordinator_who_joins_later_is_given_the_proposal(bot: BotHarness) -> None:
    operator = bot.operator()
    await bot.send(operator, "/start")
    mayor = bot.user(831, "Ігор", "uk")
    await bot.make_member(mayor, "Brovary")
    await bot.send(mayor, "/twinning")
    await bot.press(mayor, "Нове партнерство")
    await bot.send(mayor, "Jena")
    await bot.press(mayor, "Єна, Німеччина")
    reply = await bot.press(mayor, "Підтвердити")
    assert "⏳ Очікує відповіді партнера" in reply.text

    # Nobody acts for Jena yet; then its coordinator claims it and the operator approves.
    anna = bot.user(832, "Anna", "en")
    await onboard(
        bot,
        anna,
        "English",
        "Coordinator of a partner municipality abroad",
        "Jena",
        "Jena, Germany",
    )
    await bot.press(anna, "Confirm")
    await bot.press(operator, "Approve", message=bot.last(OPERATOR_ID))
    proposal = bot.last(anna.id)
    assert "Brovary proposes a twinning partnership to your community." in proposal.text
    assert proposal.button_labels[:2] == ["Accept", "Decline"]
    reply = await bot.press(anna, "Accept", message=proposal)
    assert "Accepted: the partnership is yours too now." in reply.text
    told = bot.api.bot_messages(mayor.id)[-1]
    assert "Партнер (Єна, Німеччина) прийняв вашу пропозицію партнерства." in told.body
