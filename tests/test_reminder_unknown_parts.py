"""Properties of the reader over the phrase table, in every language it holds:

- a phrase the bot understands, with an unknown time-like token put anywhere in it, is asked
  about, never accepted, and the token never lands in the reminder's text;
- a German or Polish phrase typed with some or all of its umlauts and diacritics left out
  (`uebermorgen`, `sroda`, `wpol do trzeciej`) is read at the same time, or asked about:
  never accepted at another time.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.reminders.schedule import ScheduleRefused, ScheduleUnsure, parse_schedule
from tests.reminder_phrases import TZ, Phrase, load

UNDERSTOOD = [p for p in load() if p.first[:1].isdigit()]

hours = st.integers(min_value=0, max_value=23).map(str)
minutes = st.integers(min_value=0, max_value=59).map(lambda m: f"{m:02d}")
# Shapes that look like a time or a date to a reader but that no rule of the bot knows.
unknown = st.one_of(
    st.builds(lambda h: f"{h}ish", hours),
    st.builds(lambda h, m: f"{h}..{m}", hours, minutes),
    st.builds(lambda h, m: f"{h}:{m}5", hours, minutes),
    st.builds(lambda h, m: f"{h}h{m}m", hours, minutes),
    st.builds(lambda d, m: f"{d}/{m}/{d}/{m}", hours, minutes),
    st.builds(lambda h: f"about {h}ish", hours),
    st.builds(lambda h, m: f"{h}:{m}:{m}:{m}", hours, minutes),
    st.builds(lambda h, m: f"um {h}..{m} Uhr", hours, minutes),
    st.builds(lambda h, m: f"o godz. {h}..{m}", hours, minutes),
    st.builds(lambda h: f"gegen {h}ish", hours),
    st.builds(lambda h, m: f"o {h}:{m}:{m}:{m}", hours, minutes),
    st.builds(lambda h, m: f"{h}..{m} Uhr", hours, minutes),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrase=st.sampled_from(UNDERSTOOD), token=unknown, where=st.integers(min_value=0))
def test_an_unknown_time_like_token_is_asked_about(phrase: Phrase, token: str, where: int) -> None:
    words = phrase.text.split()
    at = where % (len(words) + 1)
    typed = " ".join([*words[:at], token, *words[at:]])
    try:
        schedule = parse_schedule(typed, now=phrase.now, tz=TZ)
    except ScheduleUnsure as unsure:
        assert token not in unsure.text
        assert unsure.unknown
        return
    except ScheduleRefused:
        return  # refused with a reason (a conflict, a date that does not exist): not accepted
    raise AssertionError(f"{typed!r} was accepted: {schedule}")


# How each letter is typed on a keyboard without it.
PLAIN = {
    "de": {"ä": ("ae", "a"), "ö": ("oe", "o"), "ü": ("ue", "u"), "ß": ("ss",)},
    "pl": {c: (p,) for c, p in zip("ąćęłńóśźż", "acelnoszz", strict=True)},
}
ACCENTED = [
    p
    for p in UNDERSTOOD
    if p.language in PLAIN and any(c in PLAIN[p.language] for c in p.text.lower())
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrase=st.sampled_from(ACCENTED), data=st.data())
def test_a_phrase_typed_without_its_accents_is_read_the_same(
    phrase: Phrase, data: st.DataObject
) -> None:
    plain = PLAIN[phrase.language]
    typed = ""
    for char in phrase.text:
        ways = plain.get(char.lower())
        if ways is None:
            typed += char
            continue
        way = data.draw(st.sampled_from((char, *ways)))
        typed += way.upper() if char.isupper() and way != char else way
    meant = parse_schedule(phrase.text, now=phrase.now, tz=TZ)
    try:
        read = parse_schedule(typed, now=phrase.now, tz=TZ)
    except ScheduleUnsure:
        return  # asked: `w niedziele` is Sunday, or Sundays
    assert (read.due_at, read.recurrence) == (meant.due_at, meant.recurrence), typed


@pytest.mark.parametrize(
    "typed", ["Dec 1..00 Uhr 5 report", "завтра 9..30 нарада", "jutro o 9:/30 spotkanie"]
)
def test_a_broken_clock_between_a_date_and_a_time_is_asked_about(typed: str) -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo(TZ))
    with pytest.raises(ScheduleUnsure):
        parse_schedule(typed, now=now, tz=TZ)
