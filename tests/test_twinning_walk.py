"""A whole partnership, from the first step to the registered agreement, as officials do it."""

from __future__ import annotations

import io

from docx import Document

from tests.harness import BotHarness


def docx_text(data: bytes) -> str:
    """The document's paragraphs, then its tables' cells (the letter's two columns)."""
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


async def new_partnership(bot: BotHarness, user, query: str, pick: str):  # type: ignore[no-untyped-def]
    await bot.send(user, "/twinning")
    await bot.press(user, "New partnership")
    await bot.send(user, query)
    await bot.press(user, pick)
    return await bot.press(user, "Confirm")


async def test_english_walk_from_idea_to_registration(bot: BotHarness) -> None:
    mayor = bot.user(201, "Ihor", "en")
    await bot.make_member(mayor, "Brovary")
    reply = await bot.send(mayor, "/twinning")
    assert "Twinning guide — Brovary" in reply.text
    assert "seven steps" in reply.text
    await bot.press(mayor, "New partnership")
    reply = await bot.send(mayor, "Jena")
    assert "Jena, Germany" in reply.buttons
    await bot.press(mayor, "Jena, Germany")
    reply = await bot.press(mayor, "Confirm")
    assert "The partnership is created." in reply.text
    assert "Partnership Brovary — Jena, Germany" in reply.text
    assert "Next: 1. Areas of cooperation and the community's initiative" in reply.text

    # Step 1: areas and the council decision.
    reply = await bot.press(mayor, "Continue")
    assert "Step 1 of 7" in reply.text
    await bot.press(mayor, "Health and hospitals")
    reply = await bot.press(mayor, "Energy")
    assert "✓ Health and hospitals" in reply.buttons and "✓ Energy" in reply.buttons
    reply = await bot.press(mayor, "Done")
    assert "Who recorded the decision?" in reply.text
    await bot.press(mayor, "City council")
    reply = await bot.send(mayor, "02.11.2026")
    assert "number of the decision" in reply.text
    reply = await bot.send(mayor, "№ 123-VIII")
    assert "Please check step 1." in reply.text
    assert "Decision number: 123-VIII" in reply.text
    assert "Areas of cooperation: Energy, Health and hospitals" in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "Saved: 1. Areas of cooperation and the community's initiative" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "✅ 1. Areas of cooperation and the community's initiative" in reply.text
    assert "Decision date: 2 November 2026" in reply.text
    await bot.press(mayor, "Back")

    # Step 2: partner contact.
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Letter of intent")
    await bot.send(mayor, "05.11.2026")
    reply = await bot.press(mayor, "Skip")
    assert "Date of first contact: 5 November 2026" in reply.text
    await bot.press(mayor, "Confirm")

    # Step 3: the draft.
    await bot.press(mayor, "Continue")
    await bot.press(mayor, "Twinning agreement")
    await bot.send(mayor, "2026-11-09")
    await bot.send(mayor, "Hospital equipment and school exchanges.")
    reply = await bot.press(mayor, "Confirm")
    assert "Next: 4. Ministry approval" in reply.text

    # Step 4: submitted; the ministry has not answered yet.
    reply = await bot.press(mayor, "Continue")
    assert "within 30 days" in reply.text
    assert "Ministry for Development of Communities and Territories of Ukraine" in reply.text
    await bot.send(mayor, "10.11.2026")
    reply = await bot.press(mayor, "No answer yet")
    assert "The step stays open" in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "Sent to the ministry on 10 November 2026 (round 1)" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "▶️ 4. Ministry approval" in reply.text
    assert "• follow up with the ministry: 10 December 2026" in reply.text
    await bot.press(mayor, "Back")
    ministry = [r for r in await bot.repos.reminders.pending() if r.kind == "twinning.ministry"]
    assert [r.chat_id for r in ministry] == [mayor.id]
    assert ministry[0].due_at.isoformat() == "2026-12-10T07:00:00+00:00"  # 09:00 in Kyiv

    # The answer comes: approved by an order.
    reply = await bot.press(mayor, "Continue")
    assert "Has the ministry answered?" in reply.text
    await bot.press(mayor, "Approved by an order")
    await bot.send(mayor, "512")
    reply = await bot.send(mayor, "20.11.2026")
    assert "Order number: 512" in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "Next: 5. Council approval" in reply.text
    reply = await bot.press(mayor, "Full card")
    assert "✅ 4. Ministry approval" in reply.text
    await bot.press(mayor, "Back")
    kinds = {r.kind for r in await bot.repos.reminders.pending()}
    assert "twinning.ministry" not in kinds

    # Step 5: the council approves the draft, citing the order.
    reply = await bot.press(mayor, "Continue")
    assert "Step 5 of 7" in reply.text and "cites the ministry's order" in reply.text
    await bot.send(mayor, "20.11.2026")
    await bot.send(mayor, "12-45/2026")
    reply = await bot.press(mayor, "Confirm")
    assert "Next: 6. Signing" in reply.text

    # Step 6: signing.
    await bot.press(mayor, "Continue")
    await bot.send(mayor, "21.11.2026")
    await bot.send(mayor, "Jena")
    await bot.send(mayor, "Ihor Sapozhko, Thomas Nitzsche")
    reply = await bot.press(mayor, "Confirm")
    assert "Next: 7. Registration" in reply.text
    kinds = {r.kind for r in await bot.repos.reminders.pending()}
    assert {"twinning.register", "twinning.anniversary"} <= kinds

    # Step 7: registration, with the register's type and term.
    await bot.press(mayor, "Continue")
    await bot.send(mayor, "UA-2026-0042")
    await bot.send(mayor, "today")
    await bot.press(mayor, "Transnational")
    await bot.press(mayor, "Skip")
    reply = await bot.press(mayor, "Indefinitely")
    assert "Registration number: UA-2026-0042" in reply.text
    assert "Type of cooperation: Transnational" in reply.text
    reply = await bot.press(mayor, "Confirm")
    assert "The agreement is registered." in reply.text
    kinds = {r.kind for r in await bot.repos.reminders.pending()}
    assert "twinning.register" not in kinds and "twinning.stalled" not in kinds
    assert "twinning.anniversary" in kinds

    # The four documents, each named after the partnership.
    await bot.press(mayor, "Documents")
    reply = await bot.press(mayor, "All documents")
    documents = [m for m in reply.messages if m.document]
    assert [m.document["file_name"] for m in documents] == [
        "letter-of-intent_Brovary-Jena.docx",
        "explanatory-note_Brovary-Jena.docx",
        "ministry-cover-letter_Brovary-Jena.docx",
        "draft-council-decision_Brovary-Jena.docx",
    ]
    # Jena is German: the partner's side of the letter is in German, the other in Ukrainian.
    assert documents[0].caption == "Letter of intent to the partner (Українська / Deutsch)"
    letter = docx_text(bot.api.files[documents[0].document["file_id"]])
    assert "з містом Єна (Федеративна Республіка Німеччина)" in letter
    assert "Stadtrat Brovary" in letter and "Deutschland" in letter  # Jena: German side
    assert "охорона здоров’я, енергетика" not in letter
    assert "енергетика, охорона здоров’я" in letter and "Energie, Gesundheit" in letter
    assert "від 02.11.2026 № 123-VIII" in letter
    cover = docx_text(bot.api.files[documents[2].document["file_id"]])
    assert "Міністрові розвитку громад та територій України" in cover
    assert "Проєкт узгоджено з партнером 09.11.2026" in cover
    decision = docx_text(bot.api.files[documents[3].document["file_id"]])
    assert "від 20.11.2026 № 512" in decision  # the ministry's order


async def fill_areas(bot: BotHarness, user, decision_date: str = "02.11.2026"):  # type: ignore[no-untyped-def]
    """Step 1 in English, from the card's Continue button to the saved card."""
    await bot.press(user, "Continue")
    await bot.press(user, "Water supply")
    await bot.press(user, "Done")
    await bot.press(user, "Executive committee")
    await bot.send(user, decision_date)
    await bot.send(user, "45")
    return await bot.press(user, "Confirm")


async def fill_until_ministry(bot: BotHarness, user) -> None:  # type: ignore[no-untyped-def]
    """Steps 1 to 3 in English, then the draft submitted to the ministry today."""
    await fill_areas(bot, user)
    await bot.press(user, "Continue")
    await bot.press(user, "Visit")
    await bot.send(user, "05.11.2026")
    await bot.press(user, "Skip")
    await bot.press(user, "Confirm")
    await bot.press(user, "Continue")
    await bot.press(user, "Memorandum")
    await bot.send(user, "09.11.2026")
    await bot.press(user, "Skip")
    await bot.press(user, "Confirm")
    await bot.press(user, "Continue")
    await bot.press(user, "Today")
    await bot.press(user, "No answer yet")
    await bot.press(user, "Confirm")


async def approve_by_council(bot: BotHarness, user) -> None:  # type: ignore[no-untyped-def]
    """Step 5 in English: the council's decision approving the draft, dated today."""
    await bot.press(user, "Continue")
    await bot.press(user, "Today")
    await bot.send(user, "12-45/2026")
    await bot.press(user, "Confirm")
