"""How reminders read: the recurrence in words, the time in full, the late notice."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.i18n import N_, Translator

# Which weekday of a month, written whole so each language can make the words agree
# (Ukrainian: `перший понеділок`, `першу середу`).
NTH_WEEKDAY = {
    (1, 0): N_("the first Monday"),
    (1, 1): N_("the first Tuesday"),
    (1, 2): N_("the first Wednesday"),
    (1, 3): N_("the first Thursday"),
    (1, 4): N_("the first Friday"),
    (1, 5): N_("the first Saturday"),
    (1, 6): N_("the first Sunday"),
    (2, 0): N_("the second Monday"),
    (2, 1): N_("the second Tuesday"),
    (2, 2): N_("the second Wednesday"),
    (2, 3): N_("the second Thursday"),
    (2, 4): N_("the second Friday"),
    (2, 5): N_("the second Saturday"),
    (2, 6): N_("the second Sunday"),
    (3, 0): N_("the third Monday"),
    (3, 1): N_("the third Tuesday"),
    (3, 2): N_("the third Wednesday"),
    (3, 3): N_("the third Thursday"),
    (3, 4): N_("the third Friday"),
    (3, 5): N_("the third Saturday"),
    (3, 6): N_("the third Sunday"),
    (4, 0): N_("the fourth Monday"),
    (4, 1): N_("the fourth Tuesday"),
    (4, 2): N_("the fourth Wednesday"),
    (4, 3): N_("the fourth Thursday"),
    (4, 4): N_("the fourth Friday"),
    (4, 5): N_("the fourth Saturday"),
    (4, 6): N_("the fourth Sunday"),
    (-1, 0): N_("the last Monday"),
    (-1, 1): N_("the last Tuesday"),
    (-1, 2): N_("the last Wednesday"),
    (-1, 3): N_("the last Thursday"),
    (-1, 4): N_("the last Friday"),
    (-1, 5): N_("the last Saturday"),
    (-1, 6): N_("the last Sunday"),
}


def _weekly(t: Translator, rule: dict[str, Any], time_text: str, step: int) -> str:
    days = sorted(rule.get("weekdays") or [])
    names = ", ".join(t.weekday(d, "abbreviated") for d in days)
    if step > 1:
        return t.ngettext(
            "every {n} week on {days} at {time}",
            "every {n} weeks on {days} at {time}",
            step,
            days=names,
            time=time_text,
        )
    if days == [0, 1, 2, 3, 4]:
        return t._("every weekday at {time}", time=time_text)
    return t._("every week on {days} at {time}", days=names, time=time_text)


def _monthly(t: Translator, rule: dict[str, Any], time_text: str, step: int) -> str:
    if "nth" in rule:
        which = t._(NTH_WEEKDAY[(int(rule["nth"]), int(rule["weekday"]))])
        if step > 1:
            return t.ngettext(
                "every {n} month on {which} at {time}",
                "every {n} months on {which} at {time}",
                step,
                which=which,
                time=time_text,
            )
        return t._("every month on {which} at {time}", which=which, time=time_text)
    if int(rule.get("day", 0)) == -1:
        if step > 1:
            return t.ngettext(
                "every {n} month on the last day at {time}",
                "every {n} months on the last day at {time}",
                step,
                time=time_text,
            )
        return t._("on the last day of every month at {time}", time=time_text)
    if step > 1:
        return t.ngettext(
            "every {n} month on day {day} at {time}",
            "every {n} months on day {day} at {time}",
            step,
            day=rule.get("day"),
            time=time_text,
        )
    return t._("every month on day {day} at {time}", day=rule.get("day"), time=time_text)


def _rule_text(t: Translator, rule: dict[str, Any], time_text: str) -> str:
    freq = rule.get("freq")
    step = int(rule.get("interval") or 1)
    if freq == "minutely":
        return t.ngettext("every {n} minute", "every {n} minutes", step)
    if freq == "hourly":
        if step == 1:
            return t._("every hour")
        return t.ngettext("every {n} hour", "every {n} hours", step)
    if freq == "daily":
        if step > 1:
            return t.ngettext(
                "every {n} day at {time}", "every {n} days at {time}", step, time=time_text
            )
        return t._("every day at {time}", time=time_text)
    if freq == "weekly":
        return _weekly(t, rule, time_text, step)
    if freq == "monthly":
        return _monthly(t, rule, time_text, step)
    if freq == "yearly":
        month = t.month(int(rule["month"]))
        return t._(
            "every year on {day} {month} at {time}",
            day=rule.get("day"),
            month=month,
            time=time_text,
        )
    return ""


def describe_rule(t: Translator, rule: dict[str, Any] | None, at: str | None) -> str:
    """`every Monday at 10:00`, `every 2 hours`, `on the last day of every month at 09:00`."""
    if not rule:
        return ""
    text = _rule_text(t, rule, at or "")
    if rule.get("until"):
        until = t.date(date.fromisoformat(rule["until"]), "long")
        text = t._("{rule}, until {date}", rule=text, date=until)
    return text


def repeats_line(t: Translator, rule: dict[str, Any] | None, at: str | None) -> str:
    """The confirmation's line on repetition: it is always there, `once` included."""
    if not rule:
        return t._("Repeats: no, once only")
    return t._("Repeats: {rule}", rule=describe_rule(t, rule, at))


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
