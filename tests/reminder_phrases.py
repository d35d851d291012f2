"""The table of reminder phrases (`tests/data/reminder_phrases.txt`) and how a reading of one
is judged: understood as meant, asked or refused as it should be, or silently misread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.reminders.schedule import ScheduleRefused, ScheduleUnsure, parse_schedule

TABLE = Path(__file__).parent / "data" / "reminder_phrases.txt"
TZ = "Europe/Kyiv"
NOW = {"": "2026-11-22 12:00:00", "W": "2026-11-25 08:30:00"}
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LANGUAGES = ("uk", "en", "de", "pl")


@dataclass(frozen=True)
class Phrase:
    lang: str
    now: datetime
    text: str
    first: str  # local time, `ask` or `refuse:<reason>`
    repeats: str
    what: str
    line: int

    @property
    def language(self) -> str:
        """Russian and surzhyk count as Ukrainian: that is how Ukrainian officials write."""
        return self.lang if self.lang in LANGUAGES else "uk"


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(NOW.get(text, text)).replace(tzinfo=ZoneInfo(TZ))


def load(path: Path = TABLE) -> list[Phrase]:
    phrases = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = [cell.strip() for cell in raw.split("|")]
        lang, now, text, first, repeats, what = (cells + [""] * 6)[:6]
        phrases.append(Phrase(lang, _moment(now), text, first, repeats, what, number))
    return phrases


def repeats_code(rule: dict[str, Any] | None) -> str:
    """A rule in the table's short notation: `weekly/2:wed`, `monthly:last`, `daily..2026-12-31`."""
    if not rule:
        return "once"
    freq = rule["freq"]
    step = int(rule.get("interval") or 1)
    code = freq + (f"/{step}" if step > 1 else "")
    if freq == "weekly":
        code += ":" + ",".join(_DAYS[d] for d in sorted(rule["weekdays"]))
    elif freq == "monthly" and "nth" in rule:
        code += f":{rule['nth']}{_DAYS[rule['weekday']]}"
    elif freq == "monthly":
        code += ":" + ("last" if rule["day"] == -1 else str(rule["day"]))
    elif freq == "yearly":
        code += f":{rule['month']:02d}-{rule['day']:02d}"
    if rule.get("until"):
        code += ".." + rule["until"]
    return code


@dataclass(frozen=True)
class Verdict:
    phrase: Phrase
    got: str  # what the parser said, in the table's terms
    understood: bool
    silent_misread: bool  # accepted with a wrong time or repetition


def judge(phrase: Phrase) -> Verdict:
    try:
        schedule = parse_schedule(phrase.text, now=phrase.now, tz=TZ)
    except ScheduleUnsure as unsure:
        named = " / ".join(unsure.unknown)
        ok = phrase.first == "ask" and (not phrase.what or phrase.what in named)
        return Verdict(phrase, f"ask: {named}", ok, False)
    except ScheduleRefused as refused:
        ok = phrase.first == f"refuse:{refused.code.value}"
        return Verdict(phrase, f"refuse:{refused.code.value}", ok, False)
    local = schedule.due_at.astimezone(ZoneInfo(TZ))
    shown = local.strftime("%Y-%m-%d %H:%M:%S" if len(phrase.first) > 16 else "%Y-%m-%d %H:%M")
    repeats = repeats_code(schedule.recurrence)
    got = f"{shown} | {repeats} | {schedule.text}"
    right_time = shown == phrase.first and repeats == phrase.repeats
    # Seconds matter only where the table gives them: an absolute time is at :00.
    if right_time and len(phrase.first) == 16 and local.second != 0:
        right_time = False
    return Verdict(
        phrase,
        got,
        understood=right_time and schedule.text == phrase.what,
        silent_misread=not right_time,
    )
