from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain import places
from tests.harness import PLACES, BotHarness
from tests.screens import problems

places.use_file(PLACES)


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotHarness]:
    harness = BotHarness(tmp_path)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()
    # Whatever the test did, every button it was shown fits a phone in every language.
    assert not problems(harness.keyboard_rows)
