"""Every phrase of the table is understood as meant, or asked about, or refused as it should be."""

from __future__ import annotations

import pytest

from tests.reminder_phrases import Phrase, judge, load

PHRASES = load()


def test_the_table_is_large_and_mostly_ukrainian() -> None:
    ukrainian = sum(p.language == "uk" for p in PHRASES)
    assert len(PHRASES) >= 300
    assert 0.55 <= ukrainian / len(PHRASES) <= 0.65
    assert any(p.first == "ask" for p in PHRASES) and any(
        p.first.startswith("refuse:") for p in PHRASES
    )


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: f"{p.line}:{p.text}")
def test_phrase(phrase: Phrase) -> None:
    verdict = judge(phrase)
    expected = " | ".join(x for x in (phrase.first, phrase.repeats, phrase.what) if x)
    assert verdict.understood, f"expected {expected!r}, got {verdict.got!r}"
