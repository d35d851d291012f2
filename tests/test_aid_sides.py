"""A partner logs a shipment, the community confirms receipt; groups, timeline, history."""

from __future__ import annotations

from tests.harness import BotHarness
from tests.test_aid import brovary_with_partners


async def test_siauliai_ships_aid_and_dolyna_confirms_receipt_in_a_linked_group(
    bot: BotHarness,
) -> None:
    coordinator = bot.user(301, "Rasa", "en")
    mayor = bot.user(302, "Марія", "uk")
    siauliai = await bot.make_member(coordinator, "Šiauliai District Municipality")
    dolyna = await bot.make_member(mayor, "Dolyna")
    partnership = await bot.repos.partnerships.create(dolyna.id, siauliai.id, mayor.id)
    group = bot.api.group(-700, "Долина — Šiauliai", admins=(mayor,))
    await bot.deliver(bot.api.add_bot_to_group(mayor, group))
    await bot.repos.chats.set_language(group.id, "uk")
    await bot.repos.partnerships.link_chat(partnership.id, group.id, mayor.id)

    await bot.repos.partnerships.save_step(
        partnership.id,
        "areas",
        {"sectors": ["idp", "health"]},
        done=True,
        base_revision=0,
        actor_id=mayor.id,
    )

    # Six taps and two typed answers.
    await bot.send(coordinator, "/aid")
    reply = await bot.press(coordinator, "Log aid")
    assert "Which community?" in reply.text
    await bot.press(coordinator, "Dolyna")
    reply = await bot.press(coordinator, "Humanitarian goods")
    # The partnership's areas come first, "Other" last.
    assert reply.buttons[:2] == ["IDP integration", "Health and hospitals"]
    assert reply.buttons[-3:] == ["Other", "Back", "Cancel"]
    await bot.press(coordinator, "IDP integration")
    reply = await bot.send(coordinator, "11 t humanitarian aid: food, hygiene kits and clothes")
    assert "Understood: Humanitarian aid: food, hygiene kits and clothes — 11\u00a0t" in reply.text
    reply = await bot.send(coordinator, "about 100 thousand euros")
    assert "≈\u00a0€100,000.00" in reply.text
    assert reply.buttons[:3] == ["Shipped today", "Shipped", "Pledged"]
    reply = await bot.press(coordinator, "Shipped today")
    assert "From: Šiauliai District Municipality" in reply.text
    assert "Items: Humanitarian aid: food, hygiene kits and clothes — 11\u00a0t" in reply.text
    assert "Value: ≈\u00a0€100,000.00" in reply.text and "Date: 22/11/2026" in reply.text
    reply = await bot.press(coordinator, "Confirm")
    assert "Saved as record №1" in reply.text

    announcement = bot.last(group.id)
    assert "Новий запис про допомогу" in announcement.text
    assert "11\u00a0т" in announcement.text
    notice = bot.last(mayor.id)
    assert "Будь ласка, підтвердьте, коли вона надійде" in notice.text
    reply = await bot.press(mayor, "Підтвердити отримання", message=notice)
    assert "Підтверджено" in reply.text and "обома сторонами" in reply.text
    record = await bot.repos.aid.get(1)
    assert record is not None and record.status == "received" and record.confirmed_by_both
    assert "Запис про допомогу підтверджено" in bot.last(group.id).text
    assert "The other side confirmed record №1" in bot.last(coordinator.id).text


async def test_summer_school_and_bus_on_the_timeline_with_history(bot: BotHarness) -> None:
    official, coordinator, brovary, jena, _erlangen = await brovary_with_partners(bot, "en")
    await bot.send(official, "/aid")
    await bot.press(official, "Log aid")
    await bot.press(official, "Jena")
    await bot.press(official, "Done")
    await bot.press(official, "Hosting people")
    await bot.press(official, "Youth")
    await bot.send(official, "Summer school for children, 36 children")
    await bot.press(official, "Skip")
    await bot.press(official, "Received")
    await bot.send(official, "2023-07-10")
    await bot.press(official, "Confirm")

    await bot.send(official, "/aid")
    reply = await bot.press(official, "Timeline")
    assert "Summer school for children" in reply.text
    assert "waiting for the donor to confirm" in reply.text
    reply = await bot.press(official, "№1 · 10/07/2023 · Jena")
    assert "Record №1" in reply.text and "36\u00a0people" in reply.text
    reply = await bot.press(official, "History")
    assert "created" in reply.text and "Ihor" in reply.text
    await bot.press(official, "Back")
    reply = await bot.press(official, "Delete")
    assert "its history is kept" in reply.text
    reply = await bot.press(official, "Delete")
    assert "Record №1 deleted" in reply.text
    assert await bot.repos.aid.count(brovary.id, None) == 0
    history = await bot.repos.aid.history(1)
    assert [entry.action for entry in history] == ["create", "delete"]
    # The partner's confirm button now answers sensibly.
    notice = bot.last(coordinator.id)
    await bot.press(coordinator, "Confirm", message=notice)
    assert any("no longer exists" in a.get("text", "") for a in bot.api.callback_answers)
    assert jena.id in (await bot.repos.aid.get(1)).donors  # type: ignore[union-attr]


async def test_status_moves_forward_once(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await bot.send(official, "/aid")
    await bot.press(official, "Log aid")
    await bot.press(official, "Erlangen")
    await bot.press(official, "Done")
    await bot.press(official, "Medical equipment")
    await bot.press(official, "Health and hospitals")
    await bot.send(official, "Ultrasound scanner")
    await bot.press(official, "Skip")
    await bot.press(official, "Pledged")
    await bot.press(official, "Today")
    await bot.press(official, "Confirm")
    await bot.send(official, "/aid")
    await bot.press(official, "Timeline")
    reply = await bot.press(official, "№1 · 22/11/2026 · Erlangen")
    assert reply.buttons[:2] == ["Mark as shipped", "Mark as received"]
    screen = bot.last(official.id)
    data = next(b["callback_data"] for b in screen.buttons if b["text"] == "Mark as shipped")
    reply = await bot.press(official, "Mark as received")
    assert "Received" in reply.text
    update = bot.api.press_data(official, data, screen)
    await bot.api.wait_processed(update)
    assert any("already changed" in a.get("text", "") for a in bot.api.callback_answers)
    assert (await bot.repos.aid.get(1)).status == "received"  # type: ignore[union-attr]


async def test_totals_per_partnership_and_with_operator_rates(bot: BotHarness) -> None:
    from datetime import date
    from decimal import Decimal

    from storage.aid import NewAid

    official, _coordinator, brovary, jena, erlangen = await brovary_with_partners(bot, "en")
    aid = bot.repos.aid
    jena_p = await bot.repos.partnerships.between(brovary.id, jena.id)
    assert jena_p is not None
    for donor, value, currency, day, pid in [
        (jena.id, 390_000_000, "UAH", "2022-11-15", jena_p.id),
        (jena.id, 1_500_000, "EUR", "2023-01-20", jena_p.id),
        (erlangen.id, 2_000_000, "EUR", "2024-03-01", None),
    ]:
        record, _created = await aid.create(
            NewAid(
                brovary.id,
                (donor,),
                "energy",
                "energy",
                "Generator",
                day,
                "received",
                official.id,
                partnership_id=pid,
                value_minor=value,
                currency=currency,
                confirmed_by_recipient=True,
                confirmed_by_donor=True,
            )
        )
        assert record.items[0].value_minor == value
    await bot.send(official, "/aid")
    reply = await bot.press(official, "Totals")
    assert "UAH\u00a03,900,000.00" in reply.text and "€35,000.00" in reply.text
    assert "at the operator's rates" not in reply.text
    reply = await bot.press(official, "Jena")
    assert "Totals — Brovary, Jena" in reply.text
    assert "€15,000.00" in reply.text and "€35,000.00" not in reply.text
    await aid.set_rate("EUR", "UAH", Decimal("44.50"), date(2026, 11, 20), 900)
    reply = await bot.press(official, "All partners")
    assert "UAH\u00a05,457,500.00 at the operator's rates" in reply.text
    assert "1 EUR = 44.5 UAH on 20/11/2026" in reply.text


async def test_editing_a_saved_record_keeps_who_changed_what(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    await bot.send(official, "/aid")
    await bot.press(official, "Log aid")
    await bot.press(official, "Jena")
    await bot.press(official, "Done")
    await bot.press(official, "Energy equipment")
    await bot.press(official, "Energy")
    await bot.send(official, "Fan heater and generator 2 pcs")
    await bot.send(official, "12 000 EUR")
    await bot.press(official, "Received")
    await bot.send(official, "10.02.2023")
    await bot.press(official, "Confirm")
    await bot.send(official, "/aid")
    await bot.press(official, "Timeline")
    await bot.press(official, "№1 · 10/02/2023 · Jena")
    reply = await bot.press(official, "Edit")
    assert "Please check before saving" in reply.text and "€12,000.00" in reply.text
    await bot.press(official, "Edit")
    await bot.press(official, "Value")
    await bot.send(official, "14 500 EUR")
    await bot.press(official, "Edit")
    await bot.press(official, "Status")
    reply = await bot.press(official, "Pledged")
    assert "€14,500.00" in reply.text
    reply = await bot.press(official, "Confirm")
    assert any("moves only forward" in a.get("text", "") for a in bot.api.callback_answers)
    reply = await bot.press(official, "Confirm")
    assert "Changes saved" in reply.text and "€14,500.00" in reply.text
    reply = await bot.press(official, "History")
    assert (
        "Ihor · changed (Items: Fan heater and generator 2 pcs 12000.00 → Fan heater and"
        " generator 2 pcs 14500.00, Value: 12000.00 → 14500.00)" in reply.text
    )
    record = await bot.repos.aid.get(1)
    assert record is not None and record.value_minor == 1_450_000 and record.status == "received"


async def test_recipient_adds_the_handover_act_after_confirming(bot: BotHarness) -> None:
    coordinator = bot.user(311, "Anna", "en")
    mayor = bot.user(312, "Ігор", "uk")
    jena = await bot.make_member(coordinator, "Jena")
    brovary = await bot.make_member(mayor, "Brovary")
    await bot.repos.partnerships.create(brovary.id, jena.id, mayor.id)
    await bot.send(coordinator, "/aid")
    await bot.press(coordinator, "Log aid")
    await bot.press(coordinator, "Brovary")
    await bot.press(coordinator, "Vehicles")
    await bot.press(coordinator, "Education")
    await bot.send(coordinator, "School bus for the Knyazhychi lyceum, 1 bus")
    await bot.press(coordinator, "Skip")
    await bot.press(coordinator, "Shipped")
    await bot.send(coordinator, "20.10.2023")
    await bot.press(coordinator, "Edit")
    await bot.press(coordinator, "Facility")
    await bot.send(coordinator, "Knyazhychi lyceum")
    await bot.press(coordinator, "Confirm")
    reply = await bot.press(mayor, "Підтвердити отримання")
    assert "Додати акт приймання-передачі" in reply.buttons
    reply = await bot.press(mayor, "Додати акт приймання-передачі")
    assert "акта приймання-передачі для запису №1" in reply.text
    await bot.deliver(bot.api.send_document(mayor, b"%PDF-1.4 act", "act.pdf"))
    reply = await bot.deliver(bot.api.send_photo(mayor, b"\x89PNG photo"))
    assert "Додано 2 файли" in reply.text
    reply = await bot.press(mayor, "Готово")
    assert "Запис №1" in reply.text and "Додано 2 файли" in reply.text
    record = await bot.repos.aid.get(1)
    assert record is not None and [f["type"] for f in record.files] == ["document", "photo"]
    assert record.status == "received" and record.confirmed_by_both


async def test_only_an_operator_sets_rates(bot: BotHarness) -> None:
    official, *_ = await brovary_with_partners(bot, "en")
    reply = await bot.send(official, "/rate EUR 44.50 20.11.2026")
    assert "Only an operator" in reply.text
    operator = bot.operator()
    reply = await bot.send(operator, "/rate EUR 44,50 31.02.2026")
    assert "e.g. /rate EUR 44.50 20.11.2026" in reply.text
    reply = await bot.send(operator, "/rate EUR 44.50 20.11.2026")
    assert "Saved: 1 EUR = 44.5 UAH on 20/11/2026" in reply.text
    rates = await bot.repos.aid.rates()
    assert [(r.currency, str(r.rate)) for r in rates] == [("EUR", "44.50")]
