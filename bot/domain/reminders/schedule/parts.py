"""Parts of the day, and the hour each stands for when no time is given."""

from __future__ import annotations

from enum import StrEnum


class Part(StrEnum):
    MORNING = "morning"
    LUNCH = "lunch"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    NIGHT = "night"


# The night has no hour of its own: `вночі`, `nachts`, `w nocy` are asked about.
PART_HOURS = {Part.MORNING: 9, Part.LUNCH: 13, Part.AFTERNOON: 15, Part.EVENING: 19}
