"""Times of day: `9:30`, `9.30`, `0930`, `21h`, `9am`, `о 10-й`, `о десятій`, `о пів на третю`,
`за чверть десята`, `чверть на одинадцяту`, `в пол третьего`, `half past two`, `quarter to ten`,
`noon`, `um 9 Uhr`, `halb drei`, `Viertel nach zehn`, `o godz. 10`, `wpół do trzeciej`,
`kwadrans po dziesiątej`, `w południe`, with `ранку` / `вечора` / `in the evening` /
`abends` / `po południu` after them.
"""

from __future__ import annotations

from bot.domain.reminders.schedule.facts import (
    ClockTime,
    Day,
    DayPart,
    Hit,
    Refusal,
    ScheduleError,
    TimeOrDate,
)
from bot.domain.reminders.schedule.match import Tokens
from bot.domain.reminders.schedule.parts import Part
from bot.domain.reminders.schedule.tokens import CYRILLIC as _CYRILLIC

# Before these a lone number is a time (`о 10`); before the soft ones only when no counted
# noun follows (`в 10` is a time, `в 2 етапи` is not).
TIME_PREPS = ("о", "об", "o", "at", "around", "близько", "около", "приблизно", "um")
SOFT_PREPS = ("в", "у", "y", "во", "на", "до", "by", "к", "ко", "till", "until", "before")
# German and Polish words that put a bare number before a time only when nothing but a
# time word follows (`bis 10`, `do 10 rano`); `do 10 osób` and `na 5 piętrze` are not times.
STRICT_PREPS = ("bis", "gegen", "do", "na", "około", "okolo", "koło", "kolo", "ok")
HOUR_WORDS = (
    "годині", "годину", "години", "год", "часов", "часа", "час", "часам", "часу", "h", "hrs", "ч",
    "uhr",
)  # fmt: skip
_MINUTE_WORDS = ("хв", "хвилин", "хвилини", "хвилину", "мин", "минут", "минуты", "min", "mins")
_OCLOCK = ("o'clock", "oclock", "uhr")
# `o godz. 10`, `o godzinie 10`, `godz. 9`: the word for "hour" before the time.
_HOUR_BEFORE = ("godz", "godzinie")
# Short German and English words that end in -s but count nothing: `von 9 bis 11`.
_NOT_PLURALS = frozenset(
    ("bis", "des", "das", "was", "als", "aus", "uns", "ins", "ans", "plus", "this", "his", "its",
     "has", "is", "as", "us")
)  # fmt: skip
# Words that count what a number measures: `um 5 Prozent`, `o 2 osoby`, `do 10 osób`.
_MEASURES = frozenset(
    ("prozent", "euro", "eur", "cent", "stück", "stueck", "stuck", "grad", "punkte", "personen",
     "leute", "seiten", "mal", "procent", "proc", "złotych", "zlotych", "zł", "zl", "osób", "osob",
     "osoby", "osobę", "osobe", "osoba", "sztuk", "razy", "punktów", "punktow", "stopni", "stron",
     "strony")
)  # fmt: skip
# Polish verbs, with and without diacritics: `do 10 wysłać pismo` is "send by 10".
_INFINITIVES = ("ć", "ac", "ic", "ec", "yc", "uc")
# Polish plural endings (`o 2 spotkaniach`, `o 5 wnioskach`, `do 10 uczestników`).
_PLURAL_ENDINGS_PL = ("ów", "ach", "ami", "ych", "ich")
# Ukrainian and Russian count 2-4 with the nominative plural (`2 етапи`), 5 and up with the
# genitive plural (`5 етапів`); `в 16 подвести` is a time, not sixteen of something.
_FEW_ENDINGS = ("и", "і", "ы")
_MANY_ENDINGS = ("ів", "ей", "ок", "их", "ов", "ин")
_ANY_ENDINGS = ("ах", "ях", "ами", "ями", "ох")


def counted_noun(s: Tokens, i: int) -> bool:
    """The word at i counts the number before it (`2 етапи`, `3 amendments`): not a time."""
    word = s.word(i)
    count = s.number(i - 1)
    if word is None or count is None or word in _MEASURES:
        return word in _MEASURES and count is not None
    if s.tags(i):
        return False
    if not _CYRILLIC.search(word) and word.endswith(_PLURAL_ENDINGS_PL) and count != 1:
        return True
    if word.isascii():
        return word.endswith("s") and len(word) > 2 and count != 1 and word not in _NOT_PLURALS
    few = count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14)
    if word.endswith(_ANY_ENDINGS):
        return True
    if count % 10 == 1 and count % 100 != 11:
        return False
    return word.endswith(_FEW_ENDINGS if few else _MANY_ENDINGS)


def _time(hour: int, minute: int, twelve: bool) -> ClockTime | Refusal:
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return Refusal(ScheduleError.INVALID_TIME)
    return ClockTime(hour, minute, twelve and 1 <= hour <= 12)


def _padded(digits: str) -> bool:
    return len(digits) == 2 and digits[0] == "0"


def with_part(clock: ClockTime, part: Part) -> ClockTime | None:
    """`7` with `вечора` is 19:00; None when they disagree (`19 ранку`)."""
    hour = clock.hour
    if part is Part.MORNING:
        if hour >= 12:
            return None
    elif part is Part.AFTERNOON:
        if 1 <= hour <= 7:
            hour += 12
        elif hour < 11 and hour != 0:
            return None
    elif part is Part.EVENING:
        if 1 <= hour <= 11:
            hour += 12
        elif hour < 17:
            return None
    elif part is Part.NIGHT:
        if hour == 12:
            hour = 0
        elif 8 <= hour <= 11:
            hour += 12
        elif 6 <= hour < 20:
            return None
    return ClockTime(hour, clock.minute, False, part)


def _part_after(s: Tokens, j: int) -> tuple[int, Part] | None:
    """Which half of the day, said after an hour: `ранку`, `in the evening`, `abends`,
    `am Abend`, `in der Nacht`, `po południu`, `w nocy`, `w południe`."""
    part = s.tag(j, "part_of_hour")
    if part is not None:
        return j + 1, part
    if s.is_(j, "in") and s.is_(j + 1, "the") and s.tag(j + 2, "part_noun"):
        return j + 3, s.tag(j + 2, "part_noun")
    if s.is_(j, "at") and s.tag(j + 1, "part_noun") is Part.NIGHT:
        return j + 2, Part.NIGHT
    if s.is_(j, "am") and s.tag(j + 1, "lang") == "de" and s.tag(j + 1, "part_noun"):
        return j + 2, s.tag(j + 1, "part_noun")
    if s.is_(j, "in") and s.is_(j + 1, "der") and s.is_(j + 2, "nacht"):
        return j + 3, Part.NIGHT
    if s.is_(j, "po") and s.tag(j + 1, "noon_word") == 12:
        return j + 2, Part.AFTERNOON
    if s.is_(j, "w") and s.tag(j + 1, "part_noun") is Part.NIGHT:
        return j + 2, Part.NIGHT
    if s.is_(j, "w") and s.tag(j + 1, "noon_word") == 12:
        return j + 2, Part.AFTERNOON
    return None


def _suffix(s: Tokens, i: int, clock: ClockTime) -> tuple[int, ClockTime]:
    """Words after a time that say which half of the day, or just `годині`, `Uhr`."""
    j = s.skip(i, *HOUR_WORDS, *_OCLOCK)
    j = j + 1 if j > i and s.punct(j, ".") and s.glued(j) else j
    # `9 год 30 хв`, `9 ч 30 мин`, `9 Uhr 30`
    minutes = s.digits(j)
    if (
        j > i
        and clock.minute == 0
        and minutes
        and len(minutes) == 2
        and (s.word(j + 1) in _MINUTE_WORDS or (s.is_(i, "uhr") and _ends_number(s, j + 1)))
    ) and int(minutes) <= 59:
        clock = ClockTime(clock.hour, int(minutes), clock.twelve, clock.part)
        j += 2 if s.word(j + 1) in _MINUTE_WORDS else 1
        j = j + 1 if s.punct(j, ".") and s.glued(j) else j
    j = s.skip(j, "sharp")
    after = _part_after(s, j)
    if after is not None and clock.part is None:
        adjusted = with_part(clock, after[1])
        if adjusted is not None:
            return after[0], adjusted
    return j, clock


def _ends_number(s: Tokens, i: int) -> bool:
    """Nothing after a number makes it a count or a piece of a date (`9 Uhr 30`)."""
    return not (s.punct(i, ".:/-") and s.glued(i)) and s.tag(i, "unit") is None


def _meridiem(s: Tokens, i: int) -> tuple[int, str] | None:
    """`am`, `pm`, `a.m.`, `p.m`, `9a`, `5p`."""
    word = s.word(i)
    if word == "am" and ("de" in s.langs or s.number(i + 1) is not None):
        return None  # German `am`: `um 3 am Bahnhof`, `um 9 am 5. Dezember`
    if word in ("am", "pm"):
        return i + 1 + (1 if s.punct(i + 1, ".") and s.glued(i + 1) else 0), word
    if word in ("a", "p") and s.punct(i + 1, ".") and s.is_(i + 2, "m") and s.glued(i + 2):
        end = i + 3 + (1 if s.punct(i + 3, ".") and s.glued(i + 3) else 0)
        return end, word + "m"
    if word in ("a", "p") and s.glued(i) and s.number(i - 1) is not None:
        return i + 1, word + "m"
    return None


def _apply_meridiem(hour: int, minute: int, meridiem: str) -> ClockTime | Refusal:
    if not 1 <= hour <= 12 or minute > 59:
        return Refusal(ScheduleError.INVALID_TIME)
    return ClockTime(hour % 12 + (12 if meridiem == "pm" else 0), minute)


def _hour_number(s: Tokens, i: int) -> tuple[int, int] | None:
    """An hour said as digits or a cardinal word (`9`, `nine`, `дев'ять`): (end, hour)."""
    number = s.number(i)
    if number is not None and len(s.digits(i) or "") <= 2:
        return i + 1, number
    value = s.tag(i, "number")
    if value is not None and 1 <= value <= 12:
        return i + 1, value
    return None


def _word_minutes(s: Tokens, i: int) -> tuple[int, int] | None:
    """`тридцять`, `fifteen`, `forty-five`, `сорок п'ять` after an hour in words."""
    tens = s.tag(i, "tens") or (40 if s.is_(i, "сорок", "forty") else None)
    tens = tens or (50 if s.is_(i, "п'ятдесят", "пятьдесят", "fifty") else None)
    if tens is not None:
        j = i + 1 + (1 if s.punct(i + 1, "-") else 0)
        unit = s.tag(j, "number")
        if unit is not None and 1 <= unit <= 9:
            return j + 1, tens + unit
        return i + 1, tens
    value = s.tag(i, "number")
    if value is not None and 10 <= value <= 59:
        return i + 1, value  # `fünfzehn`, `fünfundvierzig`
    return None


_HOUR_ENDINGS = ("й", "ій", "ої", "а", "у", "ю", "tej", "ej", "ta")


def _digital(
    s: Tokens, i: int, prep: str | None
) -> tuple[int, ClockTime | TimeOrDate | Refusal] | None:
    digits = s.digits(i)
    if digits is None:
        return None
    strong = prep in TIME_PREPS and not (prep in ("o", "um") and counted_noun(s, i + 1))
    # 9:30, 09:30, 9:30:00
    if len(digits) <= 2 and s.punct(i + 1, ":") and s.glued(i + 1) and s.glued(i + 2):
        minutes = s.digits(i + 2)
        if minutes is None or len(minutes) != 2:
            return None
        end = i + 3
        if s.punct(end, ":") and s.glued(end) and len(s.digits(end + 1) or "") == 2:
            end += 2
        return end, _time(int(digits), int(minutes), not _padded(digits))
    # 9.30, 21.00, 9-30; `5.12` may be a date
    if (
        len(digits) <= 2
        and s.punct(i + 1, ".-")
        and s.glued(i + 1)
        and s.glued(i + 2)
        and len(s.digits(i + 2) or "") == 2
    ):
        minutes = s.digits(i + 2) or ""
        if s.punct(i + 3, ".-/") and s.glued(i + 3) and s.number(i + 4) is not None:
            return None  # 05.12.2026 is a date
        hour, minute = int(digits), int(minutes)
        clock = _time(hour, minute, not _padded(digits))
        dash = s.punct(i + 1, "-")
        if isinstance(clock, Refusal) and not strong and not dash:
            # Neither a time nor a date; a dotted pair is more often a date (`32.13`).
            if not (1 <= hour <= 31 and 1 <= minute <= 12):
                return i + 3, Refusal(ScheduleError.INVALID_DATE)
        elif dash and minute <= 24:
            return None  # `15-16`, `9-10 Uhr`: a range of hours, asked about
        elif strong or (minute > 12 or minute == 0):
            return (i + 3, clock) if not (dash and isinstance(clock, Refusal)) else None
        if dash:
            return None  # 5-12 could be a range
        day = Day(hour, minute) if 1 <= hour <= 31 and 1 <= minute <= 12 else None
        time = clock if isinstance(clock, ClockTime) else None
        if day is None and time is None:
            return None
        return i + 3, TimeOrDate(time, day)
    # 0930, 1430
    if len(digits) == 4:
        hour, minute = int(digits[:2]), int(digits[2:])
        if not strong and digits[0] not in "01":
            return None  # 2030 is more likely a year
        if hour > 23 or minute > 59:
            return None
        return i + 1, ClockTime(hour, minute)
    if len(digits) > 2:
        return None
    hour = int(digits)
    # 21h, 9h30
    if s.is_(i + 1, "h") and s.glued(i + 1):
        minutes = s.digits(i + 2) if s.glued(i + 2) else None
        if minutes is not None and len(minutes) == 2:
            return i + 3, _time(hour, int(minutes), False)
        if strong or hour >= 10:
            return i + 2, _time(hour, 0, False)
        return None
    # 9am, 9 a.m., 9:30 pm handled below with the bare hour
    meridiem = _meridiem(s, i + 1)
    if meridiem is not None:
        end, which = meridiem
        return end, _apply_meridiem(hour, 0, which)
    # о 10-й, до 18-ої, o 10-tej
    if s.punct(i + 1, "-") and s.glued(i + 1) and s.is_(i + 2, *_HOUR_ENDINGS):
        return i + 3, _time(hour, 0, not _padded(digits))
    if s.is_(i + 1, "uhr"):
        return i + 1, _time(hour, 0, not _padded(digits))  # `9 Uhr`: a time without `um` too
    # о 9 30
    if (
        strong
        and len(s.digits(i + 1) or "") == 2
        and not s.glued(i + 1)
        and not s.punct(i + 2, ".:/")
        and s.tag(i + 2, "month") is None
    ):
        return i + 2, _time(hour, int(s.digits(i + 1) or 0), not _padded(digits))
    if (
        s.tag(i + 1, "unit") is not None
        and s.word(i + 1) not in HOUR_WORDS
        and s.tag(i + 1, "part_of_hour") is None
    ):
        return None  # `о 10 хвилин` is not a time
    if s.tag(i + 1, "month") or s.tag(i + 1, "month_short") or s.tag(i + 1, "numbered_day"):
        return None
    if s.punct(i + 1, "%") or (s.punct(i + 1, ".,:/") and s.number(i + 2) is not None):
        return None
    if s.punct(i + 1, ".,:/-") and s.glued(i + 1) and s.punct(i + 2, ".,:/-") and s.glued(i + 2):
        return None  # `9..30`: not a time this grammar knows
    if s.glued(i + 1) and s.word(i + 1) is not None and s.word(i + 1) not in HOUR_WORDS:
        return None  # `5ish`, `5G`: not a time this grammar knows
    if prep in STRICT_PREPS:
        after = s.word(i + 1)
        time_follows = after is None or bool(s.tags(i + 1)) or after.endswith(_INFINITIVES)
        if time_follows and not counted_noun(s, i + 1) and s.tag(i + 1, "unit") is None:
            return i + 1, _time(hour, 0, not _padded(digits))
        return None
    said_hours = s.word(i + 1) in HOUR_WORDS and prep is not None  # `2 години` alone: 2 hours
    if strong or s.tag(i + 1, "part_of_hour") is not None or said_hours:
        return i + 1, _time(hour, 0, not _padded(digits))
    locative = (s.word(i + 1) or " ")[-1] == "і"  # `на 5 поверсі`, `у 2 корпусі`: a place
    if prep in SOFT_PREPS and not counted_noun(s, i + 1) and not locative and hour <= 24:
        return i + 1, _time(hour, 0, not _padded(digits))
    return None


def _after_meridiem(
    s: Tokens, end: int, found: ClockTime | TimeOrDate | Refusal
) -> tuple[int, ClockTime | TimeOrDate | Refusal]:
    """`9:30 pm`, `9.30am`."""
    if isinstance(found, ClockTime) and (meridiem := _meridiem(s, end)) is not None:
        after, which = meridiem
        return after, _apply_meridiem(found.hour, found.minute, which)
    if isinstance(found, TimeOrDate) and found.time and (meridiem := _meridiem(s, end)):
        after, which = meridiem
        return after, _apply_meridiem(found.time.hour, found.time.minute, which)
    return end, found


def _hour_target(s: Tokens, i: int) -> tuple[int, int] | None:
    """The hour that `пів на`, `чверть на`, `quarter to`, `halb`, `wpół do` count towards:
    (end, hour 1-24)."""
    value = s.tag(i, "hour_word") or s.tag(i, "hour_genitive")
    if value == 20 and s.tag(i + 1, "hour_word") in (1, 2, 3, 4):
        return i + 2, 20 + s.tag(i + 1, "hour_word")  # `dwudziestej pierwszej`
    if value is not None:
        return i + 1, value
    number = s.number(i)
    dated = s.tag(i + 1, "month") is not None or s.tag(i + 1, "month_short") is not None
    if number is not None and 1 <= number <= 24 and len(s.digits(i) or "") <= 2 and not dated:
        return i + 1, number
    value = s.tag(i, "number")
    if value is not None and 1 <= value <= 12:
        return i + 1, value
    return None


def _before(hour: int, minute: int) -> ClockTime | Refusal:
    """`minute` minutes past the hour before `hour` (`пів на третю` is 2:30)."""
    previous = (hour - 1) % 24 if hour != 1 else 12
    if hour == 0:
        previous = 23
    return _time(previous, minute, 1 <= previous <= 12)


_PAST = ("past", "after", "nach", "po")
_CONNECTOR_LANG = {"nach": "de", "vor": "de", "po": "pl", "przed": "pl"}
_TO = ("to", "till", "before", "vor", "przed")


def _counted_minutes(s: Tokens, i: int) -> tuple[int, int] | None:
    """Minutes before `past` or `to`: `half`, `quarter`, `Viertel`, `kwadrans`, `ten`, `20`,
    `twenty-five`, `pięć`: (end, minutes)."""
    if s.is_(i, "half"):
        return i + 1, 30
    if s.tag(i, "quarter"):
        return i + 1, 15
    words = _word_minutes(s, i)
    if words is not None:
        end, minutes = words
    elif s.number(i) is not None and len(s.digits(i) or "") <= 2:
        end, minutes = i + 1, s.number(i) or 0
    elif s.tag(i, "number") is not None:
        end, minutes = i + 1, s.tag(i, "number")
    else:
        return None
    return s.skip(end, "minutes", "minute", "mins", "min", "minuten", "minut", "minuty"), minutes


def _half_before(s: Tokens, i: int) -> tuple[int, ClockTime | Refusal] | None:
    """`halb drei`, `halb 3`: half an hour before the hour (2:30)."""
    if not s.tag(i, "halb"):
        return None
    target = _hour_target(s, i + 1)
    if target is None:
        return None
    return target[0], _before(target[1], 30)


def _in_words(s: Tokens, i: int, prep: str | None) -> tuple[int, ClockTime | Refusal] | None:
    """Clock times in words, Ukrainian, Russian, English, German and Polish."""
    w = s.word(i)
    # пів на третю, пів до третьої, пол третьего, половина третьего, wpół do trzeciej
    if s.tag(i, "half_prefix") or w in ("половина", "половину"):
        j = s.skip(i + 1, "на", "до", "do")
        target = _hour_target(s, j)
        if target is not None and (j > i + 1 or s.tag(j, "hour_genitive")):
            return target[0], _before(target[1], 30)
    # w pół do trzeciej
    if w == "w" and s.tag(i + 1, "half_prefix") and s.is_(i + 2, "do"):
        target = _hour_target(s, i + 3)
        if target is not None:
            return target[0], _before(target[1], 30)
    # halb drei
    half = _half_before(s, i)
    if half is not None:
        return half
    # um viertel zehn (9:15), um dreiviertel zehn (9:45), as said in the east and south
    if prep is not None and (w == "viertel" or s.tag(i, "three_quarters")):
        target = _hour_target(s, i + 1)
        if target is not None and not s.is_(i + 1, *_PAST, *_TO):
            return target[0], _before(target[1], 15 if w == "viertel" else 45)
    # чверть на одинадцяту, четверть одиннадцатого
    if w in ("чверть", "четверть"):
        j = s.skip(i + 1, "на")
        target = _hour_target(s, j)
        if target is not None and (j > i + 1 or s.tag(j, "hour_genitive")):
            return target[0], _before(target[1], 15)
    # за чверть десята, без чверті десять, без четверти десять
    if (w == "за" and s.is_(i + 1, "чверть")) or (
        w == "без" and s.is_(i + 1, "чверті", "четверти", "четверть")
    ):
        target = _hour_target(s, i + 2)
        if target is not None:
            return target[0], _before(target[1], 45)
    # za kwadrans dziesiąta, za pięć dziesiąta: minutes to the hour named after them
    if w == "za" and (counted := _counted_minutes(s, i + 1)) is not None:
        j, minutes = counted
        target = _hour_target(s, j)
        if target is not None and s.tag(j, "hour_word") and 0 < minutes < 60:
            return target[0], _before(target[1], 60 - minutes)
    # half past two, quarter to ten, ten past five, Viertel nach zehn, zehn vor neun,
    # fünf nach halb drei, kwadrans po dziesiątej, dwadzieścia przed ósmą
    counted = _counted_minutes(s, i)
    if counted is not None and s.is_(counted[0], *_PAST, *_TO):
        j, minutes = counted
        if s.number(i) is None and s.tag(i, "lang") != _CONNECTOR_LANG.get(s.word(j) or ""):
            return None  # `nine po 1`: minutes and `past` in one language
        after = s.is_(j, *_PAST)
        half = _half_before(s, j + 1)
        if half is not None and 0 < minutes < 30 and isinstance(half[1], ClockTime):
            base = half[1].hour * 60 + 30 + (minutes if after else -minutes)
            return half[0], _time(base // 60, base % 60, True)
        target = _hour_target(s, j + 1)
        if target is not None and 0 < minutes < 60:
            end, hour = target
            if after:
                return end, _time(hour, minutes, True)
            return end, _before(hour, 60 - minutes)
    return None


# Before an hour in words: `в десять`, `gegen neun`, `bis zehn Uhr`.
_SPOKEN_PREPS = ("в", "во", "gegen", "bis", "około", "okolo", "koło", "kolo")
_ARTICLES = ("dem", "der", "den", "the")


def _after_before_or_after(s: Tokens, i: int) -> bool:
    """The word at i follows `nach`, `vor`, `przed`, `po`, `after`, `before` (an article
    between): a time relative to it, which this grammar does not read."""
    j = i - 1 - s.is_(i - 1, *_ARTICLES)
    return s.is_(j, "nach", "vor", "przed", "po", "after", "before", "після", "перед")


def _with_prep(
    s: Tokens, i: int, prep: str | None
) -> tuple[int, ClockTime | TimeOrDate | Refusal] | None:
    """A time starting at i, after an optional preposition already read."""
    noon = s.tag(i, "noon")
    if noon is not None:
        if _after_before_or_after(s, i):
            return None  # `nach dem Mittag`, `vor Mitternacht`: asked, not a time
        end = s.skip(i + 1, "дня", "ночі", "ночи")
        return end, ClockTime(noon, 0)
    if s.number(i) == 12 and s.tag(i + 1, "noon") is not None and not s.glued(i + 1):
        return i + 2, ClockTime(s.tag(i + 1, "noon"), 0)
    found = _in_words(s, i, prep)
    if found is not None:
        return found
    digital = _digital(s, i, prep)
    if digital is not None:
        return _after_meridiem(s, *digital)
    # о десятій (годині) тридцять; в десять (часов); at nine (thirty), at half nine
    if prep is not None:
        target = _hour_target(s, i) if s.tag(i, "hour_word") is not None else None
        if target is not None:
            end = s.skip(target[0], "годині", "годину")
            minutes = _word_minutes(s, end)
            if minutes is not None:
                return minutes[0], _time(target[1], minutes[1], True)
            return end, _time(target[1], 0, True)
        if prep in ("at", "в", "во", "о", "об") and s.word(i) == "half":
            target = _hour_number(s, i + 1)
            if target is not None:
                return target[0], _time(target[1], 30, True)
        spoken = _hour_number(s, i) if s.number(i) is None else None
        value = s.tag(i, "number")
        if spoken is None and value is not None and 0 <= value <= 24 and s.is_(i + 1, "uhr"):
            spoken = (i + 1, value)  # `um zwanzig Uhr`
        if spoken is not None and prep in (*TIME_PREPS, *_SPOKEN_PREPS):
            end, hour = spoken
            minutes = _word_minutes(s, end)
            if minutes is not None:
                return minutes[0], _time(hour, minutes[1], True)
            if s.tag(end, "unit") is not None and s.word(end) not in HOUR_WORDS:
                return None
            end = s.skip(end, *_OCLOCK)
            minutes = _word_minutes(s, end) if s.is_(end - 1, "uhr") else None
            if minutes is not None:
                return minutes[0], _time(hour, minutes[1], True)  # `neun Uhr dreißig`
            return end, _time(hour, 0, True)
    return None


_NOON = ("południe", "poludnie")


def clock(s: Tokens, i: int) -> Hit | None:
    """A time of day at i, with its preposition and the words after it."""
    first = i + 1 if s.tag(i, "filler") else i  # `рівно о 10`
    if s.is_(first, "w") and s.tag(first + 1, "noon_word") == 12 and s.word(first + 1) in _NOON:
        return Hit(first + 2, (ClockTime(12, 0),))  # `w południe`
    if s.is_(first, "o", "około", "okolo", "koło", "kolo") and s.tag(first + 1, "noon_word") == 0:
        return Hit(first + 2, (ClockTime(0, 0),))  # `o północy`
    prep = s.word(first) if s.word(first) in (*TIME_PREPS, *SOFT_PREPS, *STRICT_PREPS) else None
    if s.punct(first, "@"):
        prep = "at"
    start = first + 1 if prep else first
    if prep == "ok" and s.punct(start, ".") and s.glued(start):
        start += 1  # `ok. 10`
    if s.is_(start, *_HOUR_BEFORE):
        start += 1 + (s.punct(start + 1, ".") and s.glued(start + 1))
        prep = "o" if prep in (None, "o") else prep
    if prep == "at" and s.is_(start, "around", "about"):
        start += 1
    if s.is_(start, "a") and s.is_(start + 1, "quarter"):
        start += 1
    found = _with_prep(s, start, prep)
    if found is None and prep is not None:
        return None
    if found is None:
        return None
    end, fact = found
    if isinstance(fact, ClockTime):
        end, fact = _suffix(s, end, fact)
    elif isinstance(fact, TimeOrDate) and fact.time is not None:
        after, clock_time = _suffix(s, end, fact.time)
        if clock_time.part is not None:
            end, fact = after, clock_time
    return Hit(end, (fact,))


def day_part(s: Tokens, i: int) -> Hit | None:
    """`вранці`, `ввечері`, `в обід`, `після обіду`, `this evening`, `in the afternoon`,
    `am Abend`, `nach dem Mittagessen`, `po południu`, `z rana`, `w nocy`."""
    part = s.tag(i, "part")
    if part is not None:
        return Hit(i + 1, (DayPart(part),))
    if s.is_(i, "на") and s.tag(i + 1, "part_noun") in (Part.MORNING, Part.EVENING):
        return Hit(i + 2, (DayPart(s.tag(i + 1, "part_noun")),))  # `на ранок`, `на вечір`
    if s.is_(i, "в", "у", "на", "at", "over", "around") and s.tag(i + 1, "lunch"):
        return Hit(i + 2, (DayPart(Part.LUNCH),))
    if s.is_(i, "після", "по", "после", "after", "po") and s.tag(i + 1, "lunch"):
        return Hit(i + 2, (DayPart(Part.AFTERNOON),))
    if s.is_(i, "in", "this") and (s.is_(i + 1, "the") or s.is_(i, "this")):
        j = i + 1 + s.is_(i + 1, "the")
        noun = s.tag(j, "part_noun")
        if noun is not None and s.word(j) in ("morning", "afternoon", "evening", "night"):
            return Hit(j + 1, (DayPart(noun),))
    j = s.skip(i, "в", "у")
    if s.tag(j, "nth") in (1, 2) and s.is_(j + 1, "половині", "половине") and s.is_(j + 2, "дня"):
        return Hit(j + 3, (DayPart(Part.MORNING if s.tag(j, "nth") == 1 else Part.AFTERNOON),))
    if s.is_(i, "at") and s.is_(i + 1, "night"):
        return Hit(i + 2, (DayPart(Part.NIGHT),))
    return _day_part_de(s, i) or _day_part_pl(s, i)


def _day_part_de(s: Tokens, i: int) -> Hit | None:
    if s.is_(i, "am", "gegen") and s.tag(i + 1, "lang") == "de" and s.tag(i + 1, "part_noun"):
        return Hit(i + 2, (DayPart(s.tag(i + 1, "part_noun")),))  # `am Abend`, `gegen Abend`
    if s.is_(i, "in") and s.is_(i + 1, "der") and s.is_(i + 2, "nacht"):
        return Hit(i + 3, (DayPart(Part.NIGHT),))
    if s.is_(i, "in") and s.is_(i + 1, "der") and s.tag(i + 2, "lunch"):
        return Hit(i + 3, (DayPart(Part.LUNCH),))  # `in der Mittagspause`
    if s.is_(i, "zum", "beim") and s.tag(i + 1, "lunch"):
        return Hit(i + 2, (DayPart(Part.LUNCH),))
    if (
        s.is_(i, "nach")
        and s.is_(i + 1, "dem", "der")
        and (s.tag(i + 2, "lunch") or s.is_(i + 2, "mittag"))
    ):
        return Hit(i + 3, (DayPart(Part.AFTERNOON),))
    return None


def _day_part_pl(s: Tokens, i: int) -> Hit | None:
    if s.is_(i, "z") and s.is_(i + 1, "rana"):
        return Hit(i + 2, (DayPart(Part.MORNING),))
    if s.is_(i, "przed") and s.word(i + 1) in ("południem", "poludniem"):
        return Hit(i + 2, (DayPart(Part.MORNING),))
    if s.is_(i, "po") and s.word(i + 1) in ("południu", "poludniu"):
        return Hit(i + 2, (DayPart(Part.AFTERNOON),))
    if s.is_(i, "w") and s.word(i + 1) == "nocy":
        return Hit(i + 2, (DayPart(Part.NIGHT),))
    return None
