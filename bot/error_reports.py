"""Which failures operators hear about, and how often.

One bug that every user can trigger would otherwise send a report per press to every
operator. Failures are grouped by signature (the kind of error and the place in the bot's
own code it came from, not its message, which differs per input), and within a window only
the first is reported at once; the repeats are counted and reported as one number when the
window ends.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

WINDOW = timedelta(minutes=10)
_ROOT = Path(__file__).resolve().parent.parent
_OWN_PACKAGES = tuple(str(_ROOT / name) for name in ("bot", "handlers", "storage"))


def signature(error: BaseException | None) -> str:
    """`KindOfError at module.py:123`: the innermost frame in the bot's own code."""
    if error is None:
        return "unknown error"
    frames = traceback.extract_tb(error.__traceback__)
    own = [frame for frame in frames if frame.filename.startswith(_OWN_PACKAGES)] or frames
    if not own:
        return type(error).__name__
    place = own[-1]
    return f"{type(error).__name__} at {Path(place.filename).name}:{place.lineno}"


@dataclass
class _Window:
    opened: datetime
    repeats: int = 0


class ErrorThrottle:
    def __init__(self, window: timedelta = WINDOW) -> None:
        self.window = window
        self._open: dict[str, _Window] = {}

    def note(self, key: str, now: datetime) -> int | None:
        """None when this failure is only counted; else report it now, together with the
        number of repeats of an earlier window that were not reported yet."""
        current = self._open.get(key)
        if current is not None and now - current.opened < self.window:
            current.repeats += 1
            return None
        self._open[key] = _Window(now)
        return current.repeats if current is not None else 0

    def close(self, key: str) -> int:
        """The window ends: how many repeats followed its report."""
        ended = self._open.pop(key, None)
        return ended.repeats if ended is not None else 0
