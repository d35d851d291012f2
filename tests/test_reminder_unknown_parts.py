"""Property: a phrase the bot understands, with an unknown time-like token put anywhere in it,
is asked about, never accepted, and the token never lands in the reminder's text."""

from __future__ import annotations

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
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
