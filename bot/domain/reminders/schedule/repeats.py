"""Repetition: `щодня`, `щоранку`, `щобудня`, `every weekday`, `кожного вівторка і четверга`,
`по понеділках`, `кожні 2 години`, `кожні два тижні`, `every other week`, `щомісяця 10-го`,
`every 1st of the month`, `в кінці кожного місяця`, `кожного першого понеділка місяця`,
`щороку 24 серпня`, `раз на тиждень`, `крім вихідних`.
"""

from __future__ import annotations

from bot.domain.reminders.recurrence import WEEKEND, WORKDAYS
from bot.domain.reminders.schedule.dates import day_number, month_end, nth_weekday
from bot.domain.reminders.schedule.durations import _number
from bot.domain.reminders.schedule.facts import DayPart, Except, Fact, Hit, Repeat
from bot.domain.reminders.schedule.lexicon import Part
from bot.domain.reminders.schedule.match import Tokens

FREQ_OF_UNIT = {
    "seconds": "secondly",
    "minutes": "minutely",
    "hours": "hourly",
    "days": "daily",
    "weeks": "weekly",
    "months": "monthly",
    "years": "yearly",
}
_AND = ("і", "й", "та", "и", "and", ",", "&")


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
        k = s.skip(k, "по", "on", "в", "у")
        if next((s.tag(k, t) for t in tags if s.tag(k, t) is not None), None) is None:
            j = end
            break
        j = k
    if not days:
        return None
    return j, tuple(sorted(set(days)))


def _after_every(s: Tokens, i: int) -> tuple[int, tuple[Fact, ...]] | None:
    """What follows `кожного` / `every`."""
    # every other week, кожного другого дня
    if s.tag(i, "other") or (s.tag(i, "nth") == 2 and s.tag(i + 1, "unit")):
        unit = s.tag(i + 1, "unit")
        if unit is not None:
            return i + 2, (Repeat(FREQ_OF_UNIT[unit], 2),)
        days = weekday_list(s, i + 1, ("weekday",))
        if days is not None:
            return days[0], (Repeat("weekly", 2, days[1]),)
        return None
    # кожного першого понеділка місяця, every last Friday of the month
    nth = nth_weekday(s, i)
    if nth is not None:
        return nth[0], (Repeat("monthly", nth=(nth[1], nth[2])),)
    # кожного останнього дня місяця
    ending = month_end(s, i)
    if ending is not None:
        return ending[0], (Repeat("monthly", day=-1),)
    # every half hour
    if s.is_(i, "half") and s.tag(i + 1, "unit") == "hours":
        return i + 2, (Repeat("minutely", 30),)
    # кожні півгодини
    half = s.tag(i, "half_unit")
    if half == "hours":
        return i + 1, (Repeat("minutely", 30),)
    # кожні 2 години, every 3 days, каждые 15 минут
    counted = _number(s, i)
    if counted is not None and not s.tag(i, "number_article"):
        end, count = counted
        unit = s.tag(end, "unit") or s.tag(end, "unit_short")
        if unit is not None and count.denominator == 1:
            return end + 1, (Repeat(FREQ_OF_UNIT[unit], int(count)),)
        if unit == "hours" and count == 1.5:
            return end + 1, (Repeat("minutely", 90),)
    # кожного дня, every hour, каждую неделю
    unit = s.tag(i, "unit")
    if unit is not None:
        return i + 1, (Repeat(FREQ_OF_UNIT[unit]),)
    if s.tag(i, "fortnight"):
        return i + 1, (Repeat("weekly", 2),)
    if s.tag(i, "quarter_unit"):
        return i + 1, (Repeat("monthly", 3),)
    # every weekday, кожного робочого дня, каждый будний день
    if s.tag(i, "working") or s.tag(i, "workday"):
        end = i + 1 + (s.tag(i + 1, "unit") == "days")
        part = s.tag(end, "part_noun") or s.tag(end, "part_plural")
        if part is not None and (s.word(end) or "").isascii():
            return end + 1, (Repeat("weekly", weekdays=tuple(WORKDAYS)), DayPart(part))
        return end, (Repeat("weekly", weekdays=tuple(WORKDAYS)),)
    if s.tag(i, "weekend"):
        return i + 1, (Repeat("weekly", weekdays=tuple(WEEKEND)),)
    # every morning, кожного вечора, каждое утро
    part = s.tag(i, "part_noun") or s.tag(i, "part_of_hour")
    if part is not None and part is not Part.AFTERNOON:
        return i + 1, (Repeat("daily"), DayPart(part))
    # кожного понеділка і четверга, every Monday and Thursday
    days = weekday_list(s, i, ("weekday", "weekdays", "weekday_short"))
    if days is not None:
        return days[0], (Repeat("weekly", weekdays=days[1]),)
    # every December 24, every March 15th
    month = s.tag(i, "month") or s.tag(i, "month_short")
    dated = day_number(s, i + 1) if month is not None else None
    if month is not None and dated is not None:
        return dated[0], (Repeat("yearly", day=dated[1], month=month),)
    # кожного 10-го числа, every 1st of the month, every 24 August
    numbered = day_number(s, i, need_suffix=not s.tag(i + 1, "numbered_day"))
    if numbered is None and s.digits(i) and (s.tag(i + 1, "month") or s.tag(i + 1, "month_short")):
        numbered = (i + 1, s.number(i) or 0)
    if numbered is not None:
        end, day = numbered
        end = s.skip(end, "числа", "число", "of")
        month = s.tag(end, "month") or s.tag(end, "month_short")
        if month is not None:
            return end + 1, (Repeat("yearly", day=day, month=month),)
        if s.is_(end, "the") and s.tag(end + 1, "month_word"):
            end += 2
        elif s.tag(end, "month_word"):
            end += 1
        return end, (Repeat("monthly", day=day),)
    return None


def repeat(s: Tokens, i: int) -> Hit | None:
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
            return Hit(days[0], (Repeat("weekly", weekdays=days[1]),))
    if word == "що" and s.tag(i + 1, "weekday") is not None:
        days = weekday_list(s, i + 1, ("weekday",))
        if days is not None:
            return Hit(days[0], (Repeat("weekly", weekdays=days[1]),))
    if "workdays" in tags and word != "weekday":
        return Hit(i + 1, (Repeat("weekly", weekdays=tuple(WORKDAYS)),))
    # weekday mornings, weekday evenings
    if word in ("weekday", "workday") and s.tag(i + 1, "part_plural"):
        part = DayPart(s.tag(i + 1, "part_plural"))
        return Hit(i + 2, (Repeat("weekly", weekdays=tuple(WORKDAYS)), part))
    if tags.get("every"):
        found = _after_every(s, i + 1)
        if found is not None:
            return Hit(found[0], found[1])
        return None
    # по понеділках і середах, on Mondays, в будні дні, по вихідних, mondays
    j = s.skip(i, "по", "on", "в", "у", "во")
    # An English plural alone is a repetition too: `mondays at 10`.
    if j > i or ((word or "").endswith("s") and (word or "").isascii()):
        days = weekday_list(s, j, ("weekdays",))
        if days is not None:
            return Hit(days[0], (Repeat("weekly", weekdays=days[1]),))
        if s.tag(j, "workday") or s.tag(j, "working"):
            end = j + 1 + (s.tag(j + 1, "unit") == "days" or s.is_(j + 1, "дни"))
            if s.tag(j, "working") and not s.tag(j + 1, "unit") and not s.is_(j + 1, "дни"):
                return None
            return Hit(end, (Repeat("weekly", weekdays=tuple(WORKDAYS)),))
        if s.tag(j, "weekend") and (s.is_(i, "по", "on") or s.word(j) == "weekends"):
            return Hit(j + 1, (Repeat("weekly", weekdays=tuple(WEEKEND)),))
    # раз на тиждень, once a week, раз в два тижні
    if word in ("раз", "once") and s.is_(i + 1, "на", "в", "a", "every", "per"):
        counted = _number(s, i + 2)
        j, count = (
            (counted[0], int(counted[1])) if counted and not s.is_(i + 2, "a") else (i + 2, 1)
        )
        unit = s.tag(j, "unit")
        if unit is not None:
            return Hit(j + 1, (Repeat(FREQ_OF_UNIT[unit], count),))
    # в кінці кожного місяця
    ending = month_end(s, i)
    if ending is not None and ending[1]:
        return Hit(ending[0], (Repeat("monthly", day=-1),))
    # крім вихідних, except weekends
    if s.tag(i, "except") and s.tag(i + 1, "weekend"):
        return Hit(i + 2, (Except(tuple(WEEKEND)),))
    return None
