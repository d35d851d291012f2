"""A community with no council decision yet records its areas and goes on: the decision is
optional at the start, not a gate, and no date or number of it is asked."""

from __future__ import annotations

from tests.harness import BotHarness
from tests.test_twinning_walk import new_partnership


async def test_no_decision_yet_asks_no_date_or_number(bot: BotHarness) -> None:
    mayor = bot.user(851, "Olha", "en")
    await bot.make_member(mayor, "Dolyna")
    await new_partnership(bot, mayor, "Jena", "Jena, Germany")
    reply = await bot.press(mayor, "Continue")
    assert "Step 1 of 7" in reply.text
    await bot.press(mayor, "Education")
    reply = await bot.press(mayor, "Done")
    assert "Who recorded the decision?" in reply.text
    reply = await bot.press(mayor, "No decision yet")
    assert "date of the decision" not in reply.text
    assert "number of the decision" not in reply.text
    assert "Confirm" in reply.buttons
    reply = await bot.press(mayor, "Confirm")
    assert "Saved: 1." in reply.text
    assert "Next: 2. Partner found and contact opened" in reply.text
