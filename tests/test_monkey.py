"""People pressing whatever is on screen and typing anything: no handler may fail.

A seeded random walk through every feature, in all four languages, with hostile text at
every free-text step, edited messages, a group chat and the operator's approvals (see
`tests.monkey_walk`). The error handler apologises and reports to the operator when a
handler raises; neither may ever happen here.
"""

from __future__ import annotations

import pytest

from tests.harness import BotHarness
from tests.monkey_walk import failures, reach, walk, world


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_presses_and_hostile_text_never_fail(
    bot: BotHarness, seed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    people = await world(bot)
    with reach() as reached:
        await walk(bot, people, steps=600, seed=seed)
    assert failures(bot) == []
    done, defined = reached.share()
    with capsys.disabled():
        print(
            f"\nseed {seed}: handler functions reached {done} of {defined} ({done / defined:.0%})"
        )
    # The walk goes on reaching every feature: aid, visits, offers, introductions,
    # proposals, the group and the operator (a walk of presses alone reached about 38%).
    assert done / defined > 0.45, sorted(people.errands.items())
