"""A community named in an aid record it never gave can say so: a stranger logs generators
"from Jena"; Jena never counts them, rejects the record with a reason, its other member's
copy says who rejected it, the stranger's side is told and keeps the record marked, a Jena
colleague who joins later is not asked, and an edit asks Jena again."""

from __future__ import annotations

import csv
import io

from bot.offline.api import SimUser
from tests.harness import BotHarness


async def stranger_logs_aid_from_jena(bot: BotHarness, stranger: SimUser) -> None:
    """A Dolyna official with no partnership with Jena names it as the donor, in Ukrainian."""
    await bot.send(stranger, "/aid")
    await bot.press(stranger, "Записати допомогу")
    await bot.send(stranger, "Єна")
    await bot.press(stranger, "Єна, Німеччина")
    await bot.press(stranger, "Готово")
    await bot.press(stranger, "Енергообладнання")
    await bot.press(stranger, "Інше")
    await bot.send(stranger, "Генератори 5 шт")
    await bot.send(stranger, "50 000 EUR")
    await bot.press(stranger, "Отримано")
    await bot.send(stranger, "15.03.2023")
    reply = await bot.press(stranger, "Підтвердити")
    assert "Збережено як запис №" in reply.text


async def jena_sees(bot: BotHarness, anna: SimUser) -> tuple[str, str, list[list[str]]]:
    """Jena's timeline, totals and CSV export, in English."""
    await bot.send(anna, "/aid")
    timeline = (await bot.press(anna, "Timeline")).text
    await bot.press(anna, "Aid and visits")
    totals = (await bot.press(anna, "Totals")).text
    await bot.press(anna, "Aid and visits")
    reply = await bot.press(anna, "Export CSV")
    sent = next(m for m in reply.messages if m.document)
    data = bot.api.files[sent.document["file_id"]].decode("utf-8-sig")
    return timeline, totals, list(csv.reader(io.StringIO(data)))


async def test_jena_rejects_aid_a_stranger_logged_in_its_name(bot: BotHarness) -> None:
    anna = bot.user(401, "Anna", "en")
    bernd = bot.user(403, "Bernd", "de")
    stranger = bot.user(402, "Ігор", "uk")
    await bot.make_member(anna, "Jena")
    await bot.make_member(bernd, "Jena", role="member")
    await bot.make_member(stranger, "Dolyna")
    await stranger_logs_aid_from_jena(bot, stranger)

    # Before Jena answers, the amount is not among its confirmed totals, only apart.
    request = bot.last(anna.id)
    assert request.text.startswith("Dolyna logged aid from your municipality (record №1)")
    assert request.button_labels == ["Confirm", "Not ours"]
    _timeline, totals, _rows = await jena_sees(bot, anna)
    assert totals.index("Not yet confirmed by both sides (1 record)") < totals.index("50,000")

    copy = bot.last(bernd.id)
    assert copy.button_labels == ["Bestätigen", "Nicht von uns"]
    reply = await bot.press(anna, "Not ours", message=request)
    assert reply.text.startswith("Reject record №1 as not yours?")
    assert reply.buttons == ["Reject without reason", "Back"]
    reply = await bot.send(anna, "x" * 201)
    assert "one line of up to 200 characters" in reply.text
    assert (await bot.repos.aid.get(1)).rejections == ()
    reply = await bot.send(anna, "We never sent generators to Dolyna")
    assert reply.to(anna.id)[0].text.startswith("Record №1 rejected. It no longer appears")

    # The other member's request now says who rejected it, and has no buttons.
    copy = bot.api.messages[bernd.id][copy.message_id]
    assert copy.text.startswith("Eintrag Nr. 1: von Anna für Jena abgelehnt.")
    assert copy.button_labels == []

    # The stranger's side is told in Ukrainian, with the reason, and may edit or delete it.
    notice = bot.last(stranger.id)
    assert notice.text.startswith("Єна: запис №1 відхилено як такий, що їх не стосується.")
    assert "Відхилено (Єна): We never sent generators to Dolyna" in notice.text
    assert notice.button_labels == ["Змінити", "Видалити"]
    await bot.send(stranger, "/aid")
    reply = await bot.press(stranger, "Хронологія")
    assert "Отримано · ✗ відхилено (Єна)" in reply.text
    reply = await bot.press(stranger, "№1 · 15.03.2023 · Єна")
    assert "Відхилено (Єна): We never sent generators to Dolyna" in reply.text
    assert "Не наш запис" not in reply.buttons

    # Nothing of it is Jena's any more.
    timeline, totals, rows = await jena_sees(bot, anna)
    assert "Nothing recorded yet" in timeline and "Dolyna" not in timeline
    assert "50,000" not in totals and "0 aid records" in totals
    assert not any("Генератори" in cell for row in rows for cell in row)

    # A second press, and a press by the author's own side, get a clear answer.
    await bot.deliver(bot.api.press_data(bernd, "ai:rjx:1", bot.last(bernd.id)))
    assert bot.api.callback_answers[-1]["text"] == (
        "Ihre Kommune hat diesen Eintrag bereits abgelehnt."
    )
    await bot.deliver(bot.api.press_data(stranger, "ai:rj:1", bot.last(stranger.id)))
    assert bot.api.callback_answers[-1]["text"] == (
        "Відхилити цей запис може лише громада, зазначена в ньому."
    )

    # A colleague invited to Jena afterwards is not asked about it.
    await bot.send(anna, "/menu")
    reply = await bot.press(anna, "Invite a colleague")
    link = next(word for word in reply.text.split() if "start=" in word)
    piotr = bot.user(404, "Piotr", "pl")
    await bot.send(piotr, "/start " + link.split("start=")[1])
    assert bot.api.messages.get(piotr.id)
    assert not any("Generat" in m.text for m in bot.api.bot_messages(piotr.id))

    # The stranger corrects it: Jena is asked again, and the record is Jena's to answer.
    reply = await bot.press(stranger, "Змінити", message=notice)
    reply = await bot.press(stranger, "Змінити", message=reply.last)
    await bot.press(stranger, "Позиції", message=reply.last)
    await bot.send(stranger, "Генератори 2 шт")
    reply = await bot.press(stranger, "Підтвердити")
    assert "Іншу сторону попрошено підтвердити змінений запис." in reply.text
    asked = bot.last(anna.id)
    assert asked.text.startswith("Dolyna changed record №1. Please confirm it again:")
    assert asked.button_labels == ["Confirm", "Not ours"]
    assert (await bot.repos.aid.get(1)).rejections == ()


async def test_a_confirmed_side_cannot_reject_and_a_deleted_record_is_gone(
    bot: BotHarness,
) -> None:
    anna = bot.user(411, "Anna", "en")
    stranger = bot.user(412, "Ігор", "uk")
    await bot.make_member(anna, "Jena")
    await bot.make_member(stranger, "Dolyna")
    await stranger_logs_aid_from_jena(bot, stranger)
    request = bot.last(anna.id)
    await bot.press(anna, "Confirm", message=request)
    await bot.deliver(bot.api.press_data(anna, "ai:rj:1", bot.last(anna.id)))
    assert bot.api.callback_answers[-1]["text"].startswith(
        "Your side has already confirmed this record, so it cannot reject it."
    )

    await stranger_logs_aid_from_jena(bot, stranger)
    await bot.repos.aid.delete(2, stranger.id)
    await bot.deliver(bot.api.press_data(anna, "ai:rj:2", bot.last(anna.id)))
    assert bot.api.callback_answers[-1]["text"] == "This record no longer exists."
    assert (await bot.repos.aid.get(2)).rejections == ()


async def test_from_the_card_without_a_reason_and_gone_from_the_partnership(
    bot: BotHarness,
) -> None:
    anna = bot.user(421, "Anna", "en")
    stranger = bot.user(422, "Ігор", "uk")
    jena = await bot.make_member(anna, "Jena")
    dolyna = await bot.make_member(stranger, "Dolyna")
    partnership = await bot.repos.partnerships.create(dolyna.id, jena.id, stranger.id)
    await stranger_logs_aid_from_jena(bot, stranger)

    await bot.send(anna, "/aid")
    await bot.press(anna, "Timeline")
    reply = await bot.press(anna, "№1 · 15/03/2023 · Dolyna")
    assert reply.buttons[:2] == ["Confirm", "Not ours"]
    await bot.press(anna, "Not ours")
    reply = await bot.press(anna, "Reject without reason")
    assert any(m.text.startswith("Record №1 rejected.") for m in reply.to(anna.id))
    reply = await bot.press(anna, "Aid and visits")
    assert "0 aid records so far." in reply.text

    assert "Відхилено (Єна), причину не зазначено." in bot.last(stranger.id).text
    assert await bot.repos.aid.count(jena.id, partnership.id) == 0
    assert await bot.repos.aid.year_partner_rows(jena.id, partnership.id) == []
    assert await bot.repos.aid.count(dolyna.id, partnership.id) == 1
    history = [entry.action for entry in await bot.repos.aid.history(1)]
    assert history == ["create", "reject"]
