"""Amounts of time: `через 2 години`, `через півтори години`, `через 1,5 години`,
`через годину з чвертю`, `in an hour and a half`, `in 2h`, `in 90 min`, `2 дні тому`,
`in einer halben Stunde`, `in einer Viertelstunde`, `vor 2 Tagen`, `za dwie i pół godziny`,
`za kwadrans`, `2 dni temu`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

from bot.domain.reminders.schedule.facts import Hit, Later, Refusal, ScheduleError
from bot.domain.reminders.schedule.match import Tokens

RELATIVE = ("через", "in", "after", "within", "спустя", "za")
_AND = ("і", "й", "та", "и", "and", ",", "und", "i", "oraz")
_EXACT = {"seconds": 1, "minutes": 60, "quarter_hours": 900, "hours": 3600}
_GERMAN_ARTICLES = ("ein", "eine", "einer", "einem", "einen")
# Short units written with a dot: `2 год.`, `10 Min.`, `2 Std.`, `2 godz.`
_DOTTED = ("год", "хв", "хвил", "min", "std", "sek", "godz", "tyg")


@dataclass(frozen=True)
class Amount:
    unit: str  # seconds ... years
    count: Fraction


def _number(s: Tokens, i: int) -> tuple[int, Fraction] | None:
    """A count before a unit: `2`, `1,5`, `1.5`, `два`, `двадцять п'ять`, `півтори`, `a`."""
    digits = s.digits(i)
    if digits is not None and len(digits) <= 4:
        if s.punct(i + 1, ".,") and s.glued(i + 1) and s.glued(i + 2) and s.digits(i + 2):
            decimals = s.digits(i + 2) or "0"
            return i + 3, Fraction(int(digits)) + Fraction(int(decimals), 10 ** len(decimals))
        return i + 1, Fraction(int(digits))
    if s.tag(i, "one_and_half"):
        return i + 1, Fraction(3, 2)
    if s.tag(i, "number_fraction"):
        return i + 1, Fraction(*s.tag(i, "number_fraction"))  # `zweieinhalb`
    tens = s.tag(i, "tens")
    unit = s.tag(i + 1 + s.punct(i + 1, "-"), "number")
    if tens is not None and unit is not None and 1 <= unit <= 9:
        return i + 2 + s.punct(i + 1, "-"), Fraction(tens + unit)
    value = s.tag(i, "number")
    if value is not None:
        end = i + 1
        if s.is_(end, "of") and s.is_(i, "couple"):
            end += 1
        if s.is_(end, "i") and s.tag(end + 1, "half_prefix"):
            return end + 2, Fraction(value) + Fraction(1, 2)  # `dwie i pół`
        return end, Fraction(value)
    if s.tag(i, "number_article"):
        return i + 1, Fraction(1)
    return None


def _unit(s: Tokens, i: int, after_number: bool) -> str | None:
    if s.tag(i, "fortnight"):
        return "fortnights"
    unit = s.tag(i, "unit")
    if unit is None and after_number:
        unit = s.tag(i, "unit_short")
    if unit == "years" and s.word(i) == "года" and not after_number:
        return None
    return unit


def _extra(s: Tokens, i: int) -> tuple[int, Fraction] | None:
    """`з чвертю`, `з половиною`, `and a half`, `с половиной` after a unit."""
    if s.is_(i, "з", "із", "зі", "с") and s.tag(i + 1, "quarter"):
        return i + 2, Fraction(1, 4)
    if s.is_(i, "з", "із", "зі", "с") and (s.tag(i + 1, "half") or s.is_(i + 1, "половиной")):
        return i + 2, Fraction(1, 2)
    if s.is_(i, "and") and s.is_(i + 1, "a") and s.is_(i + 2, "half"):
        return i + 3, Fraction(1, 2)
    if s.is_(i, "and") and s.is_(i + 1, "a") and s.is_(i + 2, "quarter"):
        return i + 3, Fraction(1, 4)
    if s.is_(i, "i") and s.is_(i + 1, "kwadrans"):
        return i + 2, Fraction(1, 4)  # `godzinę i kwadrans`
    return None


def _component(s: Tokens, i: int) -> tuple[int, Amount] | None:
    # півгодини, полчаса, півроку
    half_unit = s.tag(i, "half_unit")
    if half_unit is not None:
        return i + 1, Amount(half_unit, Fraction(1, 2))
    # (einer) Viertelstunde, (einer) Dreiviertelstunde, półgodziny
    k = s.skip(i, *_GERMAN_ARTICLES)
    if s.tag(k, "amount_word"):
        unit, count = s.tag(k, "amount_word")
        return k + 1, Amount(unit, Fraction(count))
    # (einer) halben Stunde, (ein) halbes Jahr
    if s.tag(k, "half_adj") and (unit := _unit(s, k + 1, False)) is not None:
        return k + 2, Amount(unit, Fraction(1, 2))
    # пів години, пол часа, пів року
    if s.tag(i, "half_prefix") and (unit := _unit(s, i + 1, False)) is not None:
        return i + 2, Amount(unit, Fraction(1, 2))
    # half an hour, a half hour, half a day, half hour
    j = s.skip(i, "a")
    if s.is_(j, "half") and s.tag(j + 1 + s.is_(j + 1, "an", "a"), "unit"):
        k = j + 1 + s.is_(j + 1, "an", "a")
        return k + 1, Amount(s.tag(k, "unit"), Fraction(1, 2))
    # чверть години, a quarter of an hour, quarter hour
    if (s.tag(j, "quarter") and not s.is_(j, "quarter")) or s.is_(j, "quarter"):
        k = j + 1 + s.is_(j + 1, "of")
        k += s.is_(k, "an", "a")
        if s.tag(k, "unit") == "hours":
            return k + 1, Amount("hours", Fraction(1, 4))
    # 1h30, 2h
    digits = s.digits(i)
    if digits is not None and s.is_(i + 1, "h") and s.glued(i + 1):
        minutes = s.digits(i + 2) if s.glued(i + 2) else None
        if minutes is not None and len(minutes) == 2:
            return i + 3, Amount("minutes", Fraction(int(digits) * 60 + int(minutes)))
    counted = _number(s, i)
    if counted is not None:
        end, count = counted
        unit = _unit(s, end, True)
        if unit is None:
            return None
        end += 1
        if s.punct(end, ".") and s.glued(end) and s.word(end - 1) in _DOTTED:
            end += 1
        extra = _extra(s, end)
        if extra is not None:
            end, more = extra
            count += more
        return end, Amount(unit, count)
    # годину, a day: one of the unit
    unit = _unit(s, i, False)
    if unit is not None and s.word(i) not in ("час",):
        end = i + 1
        extra = _extra(s, end)
        count = Fraction(1)
        if extra is not None:
            end, more = extra
            count += more
        return end, Amount(unit, count)
    return None


def amounts(s: Tokens, i: int) -> tuple[int, list[Amount]] | None:
    """One or more amounts joined by `і`, `and`, a comma or nothing (`2 години 30 хвилин`)."""
    first = _component(s, i)
    if first is None:
        return None
    end, found = first[0], [first[1]]
    while True:
        j = s.skip(end, *_AND)
        more = _component(s, j)
        if more is None or more[1].unit == found[-1].unit:
            return end, found
        end = more[0]
        found.append(more[1])


def to_later(found: list[Amount]) -> Later | Refusal:
    exact = Fraction(0)
    days = Fraction(0)
    months = Fraction(0)
    for amount in found:
        if amount.unit == "fortnights":
            days += amount.count * 14
        elif amount.unit in _EXACT:
            exact += amount.count * _EXACT[amount.unit]
        elif amount.unit == "days":
            days += amount.count
        elif amount.unit == "weeks":
            days += amount.count * 7
        else:
            months += amount.count * (12 if amount.unit == "years" else 1)
    if months.denominator != 1:
        return Refusal(ScheduleError.UNSURE)  # half a month is not a date
    if days.denominator != 1 or (exact and days):
        exact += days * 86400
        days = Fraction(0)
    if exact.denominator != 1:
        exact = Fraction(round(exact))
    if not exact and not days and not months:
        return Refusal(ScheduleError.INVALID_TIME)
    return Later(timedelta(seconds=int(exact)), int(days), int(months))


def later(s: Tokens, i: int) -> Hit | None:
    """`через 2 години`, `in 90 min`, `2 hours from now`, and the past `2 дні тому`."""
    if s.word(i) == "через" and s.word(i + 1) in ("день", "дня"):
        # `через день` is both "in a day" and "every other day": asked, never guessed.
        return Hit(i + 2, (Refusal(ScheduleError.UNSURE),))
    if s.word(i) == "через" and s.word(i + 1) == "час":
        return Hit(i + 2, (to_later([Amount("hours", Fraction(1))]),))
    if s.word(i) == "vor" and (found := amounts(s, i + 1)) is not None:
        return Hit(found[0], (Refusal(ScheduleError.PAST),))  # `vor 2 Tagen`
    if s.tag(i, "day_shift") == 0 and s.is_(i + 1, "in") and (found := amounts(s, i + 2)):
        return Hit(found[0], (to_later(found[1]),))  # `heute in einer Woche`
    if s.word(i) in RELATIVE:
        found = amounts(s, i + 1)
        if found is None:
            return None
        end, parts = found
        if s.is_(end, "from") and s.is_(end + 1, "now"):
            end += 2
        if s.punct(end, "'") and s.is_(end + 1, "time"):
            end += 2  # in 2 days' time
        elif s.is_(end, "time"):
            end += 1
        return Hit(end, (to_later(parts),))
    found = amounts(s, i)
    if found is None:
        return None
    end, parts = found
    if s.tag(end, "ago"):
        return Hit(end + 1, (Refusal(ScheduleError.PAST),))
    if (s.is_(end, "from") and s.is_(end + 1, "now", "today")) or s.is_(end, "later"):
        return Hit(end + 1 + s.is_(end, "from"), (to_later(parts),))
    return None
