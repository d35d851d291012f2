"""Repetition: `щодня`, `щоранку`, `щобудня`, `every weekday`, `кожного вівторка і четверга`,
`по понеділках`, `кожні 2 години`, `кожні два тижні`, `every other week`, `щомісяця 10-го`,
`every 1st of the month`, `в кінці кожного місяця`, `кожного першого понеділка місяця`,
`щороку 24 серпня`, `раз на тиждень`, `крім вихідних`, `montags`, `jeden zweiten Montag`,
`alle zwei Wochen`, `werktags`, `an Werktagen`, `einmal pro Woche`, `w każdy poniedziałek`,
`we wtorki i czwartki`, `co drugi tydzień`, `co pół godziny`, `w dni robocze`,
`raz w tygodniu`, `codziennie z wyjątkiem weekendów`.
"""

from __future__ import annotations

from bot.domain.reminders.recurrence import WEEKEND, WORKDAYS
from bot.domain.reminders.schedule.dates import day_number, month_end, nth_weekday
from bot.domain.reminders.schedule.durations import _number
from bot.domain.reminders.schedule.facts import (
    DayPart,
    Except,
    Fact,
    Hit,
    Refusal,
    Repeat,
    ScheduleError,
)
from bot.domain.reminders.schedule.match import Tokens
from bot.domain.reminders.schedule.parts import Part

FREQ_OF_UNIT = {
    "seconds": "secondly",
    "minutes": "minutely",
    "hours": "hourly",
    "days": "daily",
    "weeks": "weekly",
    "months": "monthly",
    "years": "yearly",
}
_AND = ("і", "й", "та", "и", "and", ",", "&", "und", "i", "oraz")
_PART_NOUNS_EN = ("morning", "afternoon", "evening", "night")
# Before a repetition: `an jedem Montag`, `w każdy wtorek`, `immer montags`.
_BEFORE_EVERY = ("an", "w", "we", "immer")
# `einmal pro Woche`, `raz w tygodniu`, `once a week`, `раз на тиждень`
_PER = ("на", "в", "a", "every", "per", "pro", "die", "im", "in", "w", "na", "je")


def weekday_list(s: Tokens, i: int, tags: tuple[str, ...]) -> tuple[int, tuple[int, ...]] | None:
    """`понеділка і четверга`, `mondays, wednesdays and fridays`, `щопонеділка та щоп'ятниці`."""
    days: list[int] = []
    j = i
    while True:
        found = next((s.tag(j, t) for t in tags if s.tag(j, t) is not None), None)
        if found is None:
            break
        days.append(found)
        end = j + 1
        k = s.skip(end, *_AND)
        if k == end and not s.punct(end, ","):
            pass
        k = s.skip(k, *_AND)
        k = s.skip(k, "по", "on", "в", "у", "w", "we", "an")
        if next((s.tag(k, t) for t in tags if s.tag(k, t) is not None), None) is None:
            j = end
            break
        j = k
    if not days:
        return None
    # `montags bis freitags`: every day of the range
    last = s.tag(j + 1, tags[0]) if len(days) == 1 and s.is_(j, "bis") else None
    if last is not None and last > days[0]:
        return j + 2, tuple(range(days[0], last + 1))
    return j, tuple(sorted(set(days)))


def _after_every(s: Tokens, i: int) -> tuple[int, tuple[Fact, ...]] | None:
    """What follows `кожного` / `every` / `jeden` / `co` / `każdy`."""
    # кожного першого понеділка місяця, every last Friday of the month, jeden ersten Montag
    # im Monat, w każdy pierwszy poniedziałek miesiąca
    nth = nth_weekday(s, i, month_said=False)
    if nth is not None:
        return nth[0], (Repeat("monthly", nth=(nth[1], nth[2])),)
    # every other week, кожного другого дня, jeden zweiten Tag, co drugi tydzień, co trzeci dzień
    step = 2 if s.tag(i, "other") else s.tag(i, "nth")
    if step in (2, 3, 4):
        unit = s.tag(i + 1, "unit")
        if unit in FREQ_OF_UNIT and not s.tag(s.skip(i + 2, "des", "im"), "month_word"):
            return i + 2, (Repeat(FREQ_OF_UNIT[unit], step),)
        days = weekday_list(s, i + 1, ("weekday",))
        if days is not None and step == 2:
            return days[0], (Repeat("weekly", 2, days[1]),)
        if days is not None:
            # `jeden dritten Montag`: every third week, or the third of the month? Asked.
            return days[0], (Refusal(ScheduleError.UNSURE),)
        if s.tag(i, "other"):
            return None
    # кожного останнього дня місяця
    ending = month_end(s, i)
    if ending is not None:
        return ending[0], (Repeat("monthly", day=-1),)
    # every half hour, jede halbe Stunde, co pół godziny, co pół roku
    half = s.is_(i, "half") or s.tag(i, "half_adj") or s.tag(i, "half_prefix")
    if half and s.tag(i + 1, "unit") in ("hours", "years"):
        if s.tag(i + 1, "unit") == "years":
            return i + 2, (Repeat("monthly", 6),)
        return i + 2, (Repeat("minutely", 30),)
    # кожні півгодини, alle Viertelstunde
    half_unit = s.tag(i, "half_unit")
    if half_unit == "hours":
        return i + 1, (Repeat("minutely", 30),)
    if s.tag(i, "amount_word"):
        _, minutes = s.tag(i, "amount_word")
        return i + 1, (Repeat("minutely", minutes),)
    # кожні 2 години, every 3 days, каждые 15 минут, alle 2 Stunden, co 15 minut
    counted = _number(s, i)
    if counted is not None and not s.tag(i, "number_article"):
        end, count = counted
        unit = s.tag(end, "unit") or s.tag(end, "unit_short")
        if unit == "quarter_hours" and count.denominator == 1:
            return end + 1, (Repeat("minutely", 15 * int(count)),)
        if unit in FREQ_OF_UNIT and count.denominator == 1:
            return end + 1, (Repeat(FREQ_OF_UNIT[unit], int(count)),)
        if unit == "hours" and count == 1.5:
            return end + 1, (Repeat("minutely", 90),)
    # w każdy dzień roboczy, każdego dnia roboczego
    unit = s.tag(i, "unit")
    if unit == "days" and s.tag(i + 1, "working"):
        return i + 2, (Repeat("weekly", weekdays=tuple(WORKDAYS)),)
    # кожного дня, every hour, каждую неделю, jeden Tag, co tydzień, co kwadrans
    if unit == "quarter_hours":
        return i + 1, (Repeat("minutely", 15),)
    if unit is not None:
        return i + 1, (Repeat(FREQ_OF_UNIT[unit]),)
    if s.tag(i, "fortnight"):
        return i + 1, (Repeat("weekly", 2),)
    if s.tag(i, "quarter_unit"):
        return i + 1, (Repeat("monthly", 3),)
    # every weekday, кожного робочого дня, каждый будний день, jeden Werktag
    if s.tag(i, "working") or s.tag(i, "workday"):
        end = i + 1 + (s.tag(i + 1, "unit") == "days")
        part = s.tag(end, "part_noun") or s.tag(end, "part_plural")
        if part is not None and (s.word(end) or "").isascii():
            return end + 1, (Repeat("weekly", weekdays=tuple(WORKDAYS)), DayPart(part))
        return end, (Repeat("weekly", weekdays=tuple(WORKDAYS)),)
    if s.tag(i, "weekend"):
        return i + 1, (Repeat("weekly", weekdays=tuple(WEEKEND)),)
    # every morning, кожного вечора, каждое утро, jeden Abend, co rano, każdego wieczoru
    part = s.tag(i, "part_noun") or s.tag(i, "part_of_hour")
    if part is not None and (part is not Part.AFTERNOON or s.tag(i, "part_noun")):
        return i + 1, (Repeat("daily"), DayPart(part))
    # кожного понеділка і четверга, every Monday and Thursday, co środę
    days = weekday_list(s, i, ("weekday", "weekdays", "weekday_short", "either_sunday"))
    if days is not None:
        return _with_part(s, days[0], Repeat("weekly", weekdays=days[1]))
    # every December 24, every March 15th
    month = s.tag(i, "month") or s.tag(i, "month_short")
    dated = day_number(s, i + 1) if month is not None else None
    if month is not None and dated is not None:
        return dated[0], (Repeat("yearly", day=dated[1], month=month),)
    # кожного 10-го числа, every 1st of the month, every 24 August, jeden 1. des Monats
    numbered = day_number(s, i, need_suffix=not s.tag(i + 1, "numbered_day"))
    if numbered is None and s.digits(i) and (s.tag(i + 1, "month") or s.tag(i + 1, "month_short")):
        numbered = (i + 1, s.number(i) or 0)
    if numbered is not None:
        end, day = numbered
        end = s.skip(end, "числа", "число", "of", "dnia", "des")
        month = s.tag(end, "month") or s.tag(end, "month_short")
        if month is not None:
            return end + 1, (Repeat("yearly", day=day, month=month),)
        if s.is_(end, "the") and s.tag(end + 1, "month_word"):
            end += 2
        elif s.tag(end, "month_word"):
            end += 1
        return end, (Repeat("monthly", day=day),)
    return None


def _with_part(s: Tokens, end: int, rule: Repeat) -> tuple[int, tuple[Fact, ...]]:
    """`every Friday evening`, `jeden Donnerstagabend`, `jeden Donnerstag Abend`."""
    joined = s.tag(end - 1, "weekday_part")
    if joined is not None:
        return end, (rule, DayPart(joined))
    noun = s.tag(end, "part_noun")
    if noun is not None and (s.word(end) in _PART_NOUNS_EN or s.tag(end, "lang") == "de"):
        return end + 1, (rule, DayPart(noun))
    return end, (rule,)


def repeat(s: Tokens, i: int) -> Hit | None:
    if s.is_(i, *_BEFORE_EVERY) and (
        s.tag(i + 1, "every") or s.tag(i + 1, "every_weekday") is not None
    ):
        return repeat(s, i + 1)
    word = s.word(i)
    tags = s.tags(i)
    if "repeat" in tags:
        freq, step = tags["repeat"]
        return Hit(i + 1, (Repeat(freq, step),))
    if "repeat_part" in tags:
        return Hit(i + 1, (Repeat("daily"), DayPart(tags["repeat_part"])))
    if "every_weekday" in tags:
        days = weekday_list(s, i, ("every_weekday", "weekday"))
        if days is not None:
            return Hit(*_with_part(s, days[0], Repeat("weekly", weekdays=days[1])))
    if word == "що" and s.tag(i + 1, "weekday") is not None:
        days = weekday_list(s, i + 1, ("weekday",))
        if days is not None:
            return Hit(days[0], (Repeat("weekly", weekdays=days[1]),))
    if "workdays" in tags and word != "weekday":
        return Hit(i + 1, (Repeat("weekly", weekdays=tuple(WORKDAYS)),))
    if "weekend_adverb" in tags:
        return Hit(i + 1, (Repeat("weekly", weekdays=tuple(WEEKEND)),))  # `wochenends`
    # weekday mornings, weekday evenings
    if word in ("weekday", "workday") and s.tag(i + 1, "part_plural"):
        part = DayPart(s.tag(i + 1, "part_plural"))
        return Hit(i + 2, (Repeat("weekly", weekdays=tuple(WORKDAYS)), part))
    if tags.get("every"):
        found = _after_every(s, i + 1)
        if found is not None:
            return Hit(found[0], found[1])
        return None
    plural = _plural_days(s, i)
    if plural is not None:
        return plural
    # раз на тиждень, once a week, раз в два тижні, einmal pro Woche, raz w tygodniu
    if (word in ("раз", "once") or "once" in tags) and s.is_(i + 1, *_PER):
        j = i + 2 + (s.is_(i + 1, "in") and s.is_(i + 2, "der"))
        counted = _number(s, j)
        j, count = (counted[0], int(counted[1])) if counted and not s.is_(j, "a") else (j, 1)
        unit = s.tag(j, "unit")
        if unit in FREQ_OF_UNIT:
            return Hit(j + 1, (Repeat(FREQ_OF_UNIT[unit], count),))
        if s.tag(j, "quarter_unit"):
            return Hit(j + 1, (Repeat("monthly", 3 * count),))  # `raz na kwartał`
    # raz dziennie, raz tygodniowo
    if "once" in tags and s.tag(i + 1, "per_period"):
        return Hit(i + 2, (Repeat(FREQ_OF_UNIT[s.tag(i + 1, "per_period")]),))
    # в кінці кожного місяця
    ending = month_end(s, i)
    if ending is not None and ending[1]:
        return Hit(ending[0], (Repeat("monthly", day=-1),))
    # крім вихідних, except weekends, außer am Wochenende, z wyjątkiem weekendów
    j = i + 1 if s.is_(i, "z") and s.tag(i + 1, "except") else i
    if s.tag(j, "except"):
        k = s.skip(j + 1, "am", "an", "den")
        if s.tag(k, "weekend"):
            return Hit(k + 1, (Except(tuple(WEEKEND)),))
    return None


def _plural_days(s: Tokens, i: int) -> Hit | None:
    """по понеділках і середах, on Mondays, в будні дні, по вихідних, mondays, an Werktagen,
    we wtorki i czwartki, w dni robocze, w weekendy."""
    word = s.word(i)
    j = s.skip(i, "по", "on", "в", "у", "во", "w", "we", "an")
    # An English plural alone is a repetition too: `mondays at 10`.
    if not (j > i or ((word or "").endswith("s") and (word or "").isascii())):
        return None
    days = weekday_list(s, j, ("weekdays",))
    if days is not None:
        return Hit(days[0], (Repeat("weekly", weekdays=days[1]),))
    if s.tag(j, "unit") == "days" and s.tag(j + 1, "working") and j > i:
        return Hit(j + 2, (Repeat("weekly", weekdays=tuple(WORKDAYS)),))  # `w dni robocze`
    if s.tag(j, "workday") or s.tag(j, "working"):
        end = j + 1 + (s.tag(j + 1, "unit") == "days" or s.is_(j + 1, "дни"))
        if s.tag(j, "working") and not s.tag(j + 1, "unit") and not s.is_(j + 1, "дни"):
            return None
        return Hit(end, (Repeat("weekly", weekdays=tuple(WORKDAYS)),))
    plural = s.is_(i, "по", "on") or s.word(j) == "weekends" or s.tag(j, "weekend_plural")
    if s.tag(j, "weekend") and plural:
        return Hit(j + 1, (Repeat("weekly", weekdays=tuple(WEEKEND)),))
    return None
