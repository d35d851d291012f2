"""Every button kind, pressed with made-up callback data by everyone who should not reach the
victim community's data: nothing leaks, nothing changes, nothing fails.

The kinds come from the button registry, so a new button is tried here the day it is
declared. Each id field is set to each of the victim's ids (of its own kind and of every
other kind), to nobody's id, to the largest id, to a negative number, to non-ASCII digits
and to nothing; and 64 bytes of garbage follow each prefix. The pressers: a member of another
community, someone whose claim on the victim's community waits, someone with no community,
an admin whose membership was revoked, and a member of a group linked to the victim's
partnership who is not its admin. The longer run is `scripts/forged_presses.py`.
"""

from __future__ import annotations

from tests import forged
from tests.harness import BotHarness


async def test_no_forged_press_leaks_changes_or_fails(bot: BotHarness) -> None:
    world = await forged.seed(bot)
    data = forged.every_forgery(world)
    assert len({d.split(":")[0] for d in data}) > 10  # every feature's kinds are in
    seen_before = set(forged.leaks(bot, world))
    before = forged.snapshot(bot, world)

    presses = await forged.press_all(bot, world, data)

    assert presses == len(data) * 5
    assert forged.changes(before, forged.snapshot(bot, world)) == {}
    assert [leak for leak in forged.leaks(bot, world) if leak not in seen_before] == []
    assert forged.failures(bot, world) == []


async def test_the_victims_own_presses_still_work(bot: BotHarness) -> None:
    """The same kind of press by the victim reaches the record: the guard refuses the
    forgers, not the owners."""
    world = await forged.seed(bot)
    record = world.ids[forged.Subject.AID_RECORD][0]
    await bot.send(world.victim, "/menu")
    reply = await bot.deliver(
        bot.api.press_data(world.victim, f"ai:r:{record}", bot.last(world.victim.id))
    )
    assert f"{forged.MARK} generators" in reply.text
