"""How reminders read: the recurrence in words, the late notice, the delivery buttons' labels."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.i18n import N_, Translator

SNOOZE_15 = N_("In 15 min")
SNOOZE_HOUR = N_("In 1 hour")
SNOOZE_MORNING = N_("Tomorrow morning")
DONE = N_("Done")
TURN_OFF = N_("Turn off")


def describe_rule(t: Translator, rule: dict[str, Any] | None, at: str | None) -> str:
    """`every Monday at 10:00`, `every day at 09:00`, `on the 1st of every month at 09:00`."""
    time_text = at or ""
    if not rule:
        return ""
    freq = rule.get("freq")
    if freq == "daily":
        return t._("every day at {time}", time=time_text)
    if freq == "weekly":
        days = sorted(rule.get("weekdays") or [])
        if days == [0, 1, 2, 3, 4]:
            return t._("every weekday at {time}", time=time_text)
        names = ", ".join(t.weekday(d, "abbreviated") for d in days)
        return t._("every week on {days} at {time}", days=names, time=time_text)
    if freq == "monthly":
        return t._("every month on day {day} at {time}", day=rule.get("day"), time=time_text)
    if freq == "yearly":
        month = t.month(int(rule["month"]))
        return t._(
            "every year on {day} {month} at {time}",
            day=rule.get("day"),
            month=month,
            time=time_text,
        )
    return ""


def when_text(t: Translator, moment: datetime, tz: str) -> str:
    """A moment as the recipient reads it: weekday, date and time in their zone."""
    from zoneinfo import ZoneInfo

    local = moment.astimezone(ZoneInfo(tz))
    return t._(
        "{weekday}, {date} at {time}",
        weekday=t.weekday(local.weekday()),
        date=t.date(local.date(), "long"),
        time=local.strftime("%H:%M"),
    )


def late_notice(t: Translator, due: datetime, tz: str) -> str:
    return t._(
        "Sent late: it was due {when}, while the bot was offline.", when=when_text(t, due, tz)
    )


def user_reminder_text(
    t: Translator, text: str, rule: dict[str, Any] | None, at: str | None
) -> str:
    lines = [t._("⏰ Reminder: {text}", text=text)]
    if rule:
        lines.append("🔁 " + describe_rule(t, rule, at))
    return "\n".join(lines)
