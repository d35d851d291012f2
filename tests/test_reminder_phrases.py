"""Every phrase of the table is understood as meant, or asked about, or refused as it should be."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.reminder_phrases import LANGUAGES, Phrase, judge, load

PHRASES = load()


def test_every_language_has_its_phrases_ukrainian_the_most() -> None:
    counts = Counter(p.language for p in PHRASES)
    assert set(counts) == set(LANGUAGES)
    assert min(counts.values()) >= 100
    assert counts.most_common(1)[0][0] == "uk"
    for lang in LANGUAGES:
        mine = [p for p in PHRASES if p.language == lang]
        assert any(p.first == "ask" for p in mine), lang
        assert any(p.first.startswith("refuse:") for p in mine), lang
        assert any(p.repeats not in ("", "once") for p in mine), lang


@pytest.mark.parametrize("phrase", PHRASES, ids=lambda p: f"{p.line}:{p.text}")
def test_phrase(phrase: Phrase) -> None:
    verdict = judge(phrase)
    expected = " | ".join(x for x in (phrase.first, phrase.repeats, phrase.what) if x)
    assert verdict.understood, f"expected {expected!r}, got {verdict.got!r}"
