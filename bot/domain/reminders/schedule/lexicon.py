"""The words of time in Ukrainian, Russian as spoken in Ukraine, English, German and Polish.

Each word maps to tags, e.g. `неділю` -> weekday 6. Common phone typos are listed where
people make them (`завтро`, `tomorow`, `пятниця`); longer weekday, month and day words
also match with one letter missing, swapped or mistyped, never with one extra (so
`завтрак`, breakfast, is not `завтра`). German and Polish words live in `words_de` and
`words_pl`, with their spellings without umlauts and diacritics; words only those
languages have are tagged with their language (`lang`), for the few rules that differ.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from bot.domain.reminders.schedule import words_de, words_pl
from bot.domain.reminders.schedule.parts import Part

Tags = dict[str, Any]
_LEX: dict[str, Tags] = {}


def _words(text: str) -> list[str]:
    return text.split()


def _add(tag: str, value: object, words: Iterable[str] | str) -> None:
    for word in words.split() if isinstance(words, str) else words:
        _LEX.setdefault(word, {})[tag] = value


# --- weekdays ----------------------------------------------------------------------------

_WEEKDAYS = (
    "понеділок понеділка понеділку понедилок понедiлок понедельник понедельника monday",
    "вівторок вівторка вівторку вiвторок вторник вторника tuesday",
    "середа середу середи среда среду среды wednesday wensday wendsday wednsday",
    "четвер четверга четверг четвергу thursday thurday thursdy",
    "п'ятниця п'ятницю п'ятниці пятниця пятницю пятниці пятница пятницу пятницы friday fryday",
    "субота суботу суботи суббота субботу субботы saturday saterday",
    "неділя неділю неділі неделя неделю воскресенье воскресенья воскресение sunday sundy",
)
# Short forms and English abbreviations stand for a weekday only next to a date, a time or a
# preposition: `sat`, `sun` and `wed` are words too.
_WEEKDAYS_SHORT = (
    "пон mon",
    "вів tue tues",
    "сер wed weds",
    "чет thu thur thurs",
    "п'ят пят fri",
    "суб sat",
    "нед вос sun",
)
# Two-letter Cyrillic abbreviations, as on a calendar, mean nothing else.
_WEEKDAYS_ABBR = ("пн", "вт", "ср", "чт", "пт", "сб", "нд вс")
_WEEKDAYS_PLURAL = (
    "понеділках понеділкам понеділки понедельникам понедельники mondays",
    "вівторках вівторкам вівторки вторникам вторники tuesdays",
    "середах середам середи средам среды wednesdays",
    "четвергах четвергам четверги четвергам четверги thursdays",
    "п'ятницях п'ятницям п'ятниці пятницях пятницям пятницам пятницы fridays",
    "суботах суботам суботи субботам субботы saturdays",
    "неділях неділям неділі воскресеньям воскресенья sundays",
)
_WEEKDAYS_EVERY = (
    "щопонеділка щопонеділок щопонедельника",
    "щовівторка щовівторок",
    "щосереди щосереду",
    "щочетверга щочетвер",
    "щоп'ятниці щопятниці щоп'ятницю щопятницю",
    "щосуботи щосуботу",
    "щонеділі щонеділю",
)
# Russian `неделя` is a week, not Sunday: it is a unit below, not a weekday.
for _n, _forms in enumerate(_WEEKDAYS):
    _add("weekday", _n, [w for w in _forms.split() if w not in ("неделя", "неделю")])
for _n, _forms in enumerate(_WEEKDAYS_SHORT):
    _add("weekday_short", _n, _forms)
for _n, _forms in enumerate(_WEEKDAYS_ABBR):
    _add("weekday", _n, _forms)
for _n, _forms in enumerate(_WEEKDAYS_PLURAL):
    _add("weekdays", _n, _forms)
for _n, _forms in enumerate(_WEEKDAYS_EVERY):
    _add("every_weekday", _n, _forms)

# --- months ------------------------------------------------------------------------------

_MONTHS = (
    "січня січні січень января январе январь january",
    "лютого лютому лютий февраля феврале февраль february febuary",
    "березня березні березень марта марте март",
    "квітня квітні квітень апреля апреле апрель april",
    "травня травні травень мая мае май",
    "червня червні червень июня июне июнь",
    "липня липні липень июля июле июль july",
    "серпня серпні серпень августа августе август august",
    "вересня вересні вересень сентября сентябре сентябрь september",
    "жовтня жовтні жовтень октября октябре октябрь october",
    "листопада листопаді листопад ноября ноябре ноябрь november",
    "грудня грудні грудень декабря декабре декабрь december",
)
# Words that are a month only next to a day number: `may`, `march`, `jan` (a name), `лист`
# (a letter), `серп`.
_MONTHS_SHORT = (
    "січ янв jan",
    "лют фев feb",
    "бер мар mar march",
    "квіт апр apr",
    "трав may",
    "черв июн jun june",
    "лип июл jul",
    "серп авг aug",
    "вер сен сент sep sept",
    "жовт окт oct",
    "лист ноя nov",
    "груд дек dec",
)
for _n, _forms in enumerate(_MONTHS, start=1):
    _add("month", _n, _forms)
for _n, _forms in enumerate(_MONTHS_SHORT, start=1):
    _add("month_short", _n, _forms)

# --- days relative to today ----------------------------------------------------------------

_add("day_shift", 0, "сьогодні сьогодня сьодні сьогодни седня сегодня сьогодні today tday 2day")
_add(
    "day_shift",
    1,
    "завтра завтро завтрв завта зватра tomorrow tomorow tommorow tommorrow tomorro tomoro"
    " tomrrow tmrw tmr tmrow tmrrw 2morrow 2moro 2morow",
)
_add("day_shift", 2, "післязавтра післязавтро післязавра послезавтра послезавтро пiслязавтра")
_add("past_day", True, "вчора учора вчера позавчора позавчера yesterday yday ysterday")
_add("tonight", True, "tonight tonite 2night")

# --- units of time -------------------------------------------------------------------------

_UNITS = {
    "seconds": "секунда секунду секунди секунд сек секунды second seconds sec secs",
    "minutes": "хвилина хвилину хвилини хвилин хвилинку хвилинки хвилинок хв хвил минута"
    " минуту минуты минут минутку мин minute minutes min mins",
    "hours": "година годину години годин годинку годинки годині часа часов hour hours hr hrs",
    "days": "день дні днів дня доба добу доби діб сутки суток дней day days",
    "weeks": "тиждень тижні тижнів тижня неделя неделю недели недель week weeks wk wks",
    "months": "місяць місяці місяців місяця месяц месяца месяцев month months",
    "years": "рік роки років року года лет year years yr yrs",
}
for _unit, _forms in _UNITS.items():
    _add("unit", _unit, _forms)
# Only right after a number: `2 год` is two hours in Ukrainian (but `год` alone is a year in
# Russian), `2 ч`, `2h`, `30m`, `3d`, `2w`.
_add("unit_short", "hours", "год ч h час")
_add("unit_short", "minutes", "m хв")
_add("unit_short", "days", "d")
_add("unit_short", "weeks", "w")
_add("unit_short", "seconds", "s")
_add("quarter_unit", True, "квартал кварталу квартали кварталів quarter quarters")
_add("fortnight", True, "fortnight fortnights")

# --- numbers -------------------------------------------------------------------------------

_CARDINALS = {
    0: "нуль ноль zero",
    1: "один одна одну одного одній одне one",
    2: "два дві двох двом две two",
    3: "три трьох three",
    4: "чотири чотирьох четыре four",
    5: "п'ять п'яти пять пяти five",
    6: "шість шести шесть six",
    7: "сім семи семь seven",
    8: "вісім восьми восемь eight",
    9: "дев'ять дев'яти девять девяти nine",
    10: "десять десяти ten",
    11: "одинадцять одиннадцать eleven",
    12: "дванадцять двенадцать twelve",
    13: "тринадцять тринадцать thirteen",
    14: "чотирнадцять четырнадцать fourteen",
    15: "п'ятнадцять пятнадцять пятнадцать fifteen",
    16: "шістнадцять шестнадцать sixteen",
    17: "сімнадцять семнадцать seventeen",
    18: "вісімнадцять восемнадцать eighteen",
    19: "дев'ятнадцять девятнадцать nineteen",
    20: "двадцять двадцать twenty",
    30: "тридцять тридцать thirty",
    40: "сорок forty",
    45: "сорок п'ять",
    50: "п'ятдесят пятьдесят fifty",
    60: "шістдесят шестьдесят sixty",
    90: "дев'яносто девяносто ninety",
    100: "сто hundred",
}
for _n, _forms in _CARDINALS.items():
    _add("number", _n, [w for w in _forms.split() if " " not in w])
_add("number_article", 1, "a an")
_add("number", 2, "пару пара парочку couple")
_add("one_and_half", True, "півтори півтора полтора")
_add("half_prefix", True, "пів пол")
_add("half", True, "половина половину половиною half")
_add("quarter", True, "чверть чверті чвертю четверть четверти четвертью quarter")
_add("half_unit", "hours", "півгодини полчаса півгодинки")
_add("half_unit", "days", "півдня полдня півдоби")
_add("half_unit", "years", "півроку полгода")
_add("half_unit", "weeks", "півтижня")

# Ordinal days of a month (`п'ятого грудня`, `the fifth of December`) and hours in words
# (`о десятій`, `пів на третю`, `в пол третьего`).
_ORDINAL_STEMS_UK = _words(
    "перш друг трет четверт п'ят шост сьом восьм дев'ят десят одинадцят дванадцят "
    "тринадцят чотирнадцят п'ятнадцят шістнадцят сімнадцят вісімнадцят дев'ятнадцят "
    "двадцят"
)
_ORDINALS_RU = _words(
    "первого второго третьего четвертого пятого шестого седьмого восьмого девятого "
    "десятого одиннадцатого двенадцатого тринадцатого четырнадцатого пятнадцатого "
    "шестнадцатого семнадцатого восемнадцатого девятнадцатого двадцатого"
)
_ORDINALS_EN = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth twentieth"
)


def _uk_ordinal_day_forms(stem: str) -> list[str]:
    soft = stem == "трет"
    forms = [stem + ("ього" if soft else "ого"), stem + ("є" if soft else "е")]
    return forms + [f.replace("'", "") for f in forms if "'" in f]


def _uk_hour_forms(stem: str) -> list[str]:
    soft = stem == "трет"
    endings = ("я", "ю", "ій", "ьої") if soft else ("а", "у", "ій", "ої")
    forms = [stem + e for e in endings]
    return forms + [f.replace("'", "") for f in forms if "'" in f]


for _n, _stem in enumerate(_ORDINAL_STEMS_UK, start=1):
    _add("ordinal", _n, _uk_ordinal_day_forms(_stem))
    if _n <= 12:
        _add("hour_word", _n, _uk_hour_forms(_stem))
for _n, _word in enumerate(_ORDINALS_RU, start=1):
    _add("ordinal", _n, [_word])
    if _n <= 12:
        _add("hour_genitive", _n, [_word])
for _n, _word in enumerate(_ORDINALS_EN, start=1):
    _add("ordinal", _n, [_word])
_add("ordinal", 30, "тридцятого тридцяте тридцатого thirtieth")
_add("tens", 20, "двадцять двадцать twenty")
_add("tens", 30, "тридцять тридцать thirty")
# Ukrainian `другий` is also "second", `друга` a (female) friend: hour words are used only
# inside a clock time, never taken alone.

# --- parts of the day ----------------------------------------------------------------------

_add("part", Part.MORNING, "вранці зранку уранці вранци зрання утром поутру")
_add("part", Part.EVENING, "ввечері увечері вечором вечером ввечори")
_add("part", Part.NIGHT, "вночі уночі ночью")
_add("part", Part.AFTERNOON, "пообіді пополудні вдень удень днем")
_add("part", Part.EVENING, "надвечір надвечері")
_add("vague", True, "рано пізно пізніше зараз сейчас попозже позже незабаром скоро потім")
_add("vague", True, "asap soon later sometime двічі тричі дважды трижды twice thrice ish")
_add("filler", True, "sharp рівно ровно exactly точно")
# After an hour (`о 7 вечора`, `в 9 утра`): which half of the day the hour is in.
_add("part_of_hour", Part.MORNING, "ранку утра")
_add("part_of_hour", Part.AFTERNOON, "дня")
_add("part_of_hour", Part.EVENING, "вечора вечера")
_add("part_of_hour", Part.NIGHT, "ночі ночи")
_add("part_noun", Part.MORNING, "morning ранок утро")
_add("part_noun", Part.AFTERNOON, "afternoon")
_add("part_noun", Part.EVENING, "evening вечір вечер")
_add("part_noun", Part.NIGHT, "night ніч ночь")
_add("part_plural", Part.MORNING, "mornings")
_add("part_plural", Part.AFTERNOON, "afternoons")
_add("part_plural", Part.EVENING, "evenings")
_add("part_plural", Part.NIGHT, "nights")
_add("lunch", True, "обід обіду обіді обідом обед обеда обеду обедом lunch lunchtime")
_add("meridiem", "am", "am")
_add("meridiem", "pm", "pm")
_add("noon", 12, "noon midday полудень опівдні ополудні полдень полудня")
_add("noon", 0, "midnight опівночі північ полночь")

# --- repetition ----------------------------------------------------------------------------

_add("every", True, "кожен кожного кожну кожної кожний кожне кожні кожній кожним")
_add("every", True, "каждый каждого каждую каждое каждые каждой каждым every each")
_add("repeat", ("daily", 1), "щодня щоденно щодень щоднини ежедневно daily everyday")
_add("repeat", ("weekly", 1), "щотижня щотижнево еженедельно weekly")
_add("repeat", ("weekly", 2), "biweekly fortnightly")
_add("repeat", ("monthly", 1), "щомісяця щомісячно ежемесячно monthly")
_add("repeat", ("monthly", 3), "щокварталу щоквартально ежеквартально quarterly")
_add("repeat", ("yearly", 1), "щороку щорічно ежегодно yearly annually")
_add("repeat", ("hourly", 1), "щогодини щогодинно ежечасно hourly")
_add("repeat_part", Part.MORNING, "щоранку щоутра")
_add("repeat_part", Part.EVENING, "щовечора щовечір")
_add("workdays", True, "щобудня щобудні weekdays workdays")
_add("workday", True, "будній будні будня будних будням буднях weekday workday")
_add("weekend", True, "вихідних вихідні выходным выходные выходных weekend weekends")
_add("other", True, "other")

# --- qualifiers and small words --------------------------------------------------------------

_add("next", True, "наступний наступного наступну наступної наступному наступній наступні")
_add("next", True, "следующий следующего следующую следующей следующем next coming")
_add("this", True, "цей цього цю цієї цьому цій этот этого эту этой этом this")
_add("last", True, "минулий минулого минулу минулої минулому минулій прошлый прошлого прошлую")
_add("last", True, "прошлой прошлом last past")
_add("final", True, "останній останнього останню останньої останнім последний последнего")
_add("final", True, "последнюю последней")
_add("ago", True, "тому назад ago")
_add("end", True, "кінці кінець наприкінці кінця конце конец конца end")
# The beginning or the middle of a week or month: not a day this grammar picks for anyone.
_add("period_part", True, "початку початок начале начала beginning start середині середине")
_add("period_part", True, "middle mid")
_add("month_word", True, "місяця місяць месяца месяц month")
_add("week_word", True, "тижня тиждень тижні недели неделе неделю week")
_add("numbered_day", True, "числа число")
_add("till", True, "до until till by before")
_add("since", True, "з із зі від с со from starting since")
_add("except", True, "крім окрім кроме except")


# --- lookup with typo tolerance --------------------------------------------------------------

_FUZZY_TAGS = ("weekday", "month", "day_shift")
_FUZZY_MIN = 7  # shorter words are too close to other words to guess


def _one_typo_away(typed: str, known: str) -> bool:
    """One letter missing, mistyped, doubled, or two neighbours swapped; never one extra letter
    of another kind (`завтрак`, breakfast, is not `завтра`)."""
    if len(typed) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == known[diff[1]]
            and typed[diff[1]] == known[diff[0]]
        )
    if len(typed) + 1 == len(known):
        return any(known[:i] + known[i + 1 :] == typed for i in range(len(known)))
    if len(typed) == len(known) + 1:
        return any(
            typed[i] == typed[i - 1] and typed[:i] + typed[i + 1 :] == known
            for i in range(1, len(typed))
        )
    return False


@lru_cache(maxsize=4096)
def _fuzzy(word: str) -> tuple[tuple[str, Any], ...]:
    if len(word) < _FUZZY_MIN:
        return ()
    hits = {
        (tag, value)
        for known, tags in _LEX.items()
        if len(known) >= _FUZZY_MIN and _one_typo_away(word, known)
        for tag, value in tags.items()
        if tag in _FUZZY_TAGS
    }
    by_tag: dict[str, set[Any]] = {}
    for tag, value in hits:
        by_tag.setdefault(tag, set()).add(value)
    # A typo that could be two different words is not guessed.
    return tuple((tag, next(iter(values))) for tag, values in by_tag.items() if len(values) == 1)


def tags(word: str | None) -> Tags:
    if word is None:
        return {}
    found = _LEX.get(word)
    if found is not None:
        return found
    if "'" in word and (found := _LEX.get(word.replace("'", ""))) is not None:
        return found
    return dict(_fuzzy(word))


def tag(word: str | None, name: str) -> Any:
    return tags(word).get(name)


# Which one of a month's weekdays: `перший понеділок місяця`, `the last Friday of the month`.
_add("nth", 1, "перший першого першу першої перша першій первой первый первую первого first 1st")
_add("nth", 2, "другий другого другу другої друга другій второй вторую второго second 2nd")
_add("nth", 3, "третій третього третю третьої третя третий третью третьего third 3rd")
_add("nth", 4, "четвертий четвертого четверту четвертої четверта четвертый четвертую fourth 4th")
_add("nth", -1, "останній останнього останню останньої остання последний последнюю last")
_add("working", True, "робочий робочого робочі робочих робочим рабочий рабочие рабочим рабочих")
_add("working", True, "working business будній будні будних будний")


# --- German and Polish --------------------------------------------------------------------


def _add_language(
    lang: str, words: Iterable[tuple[str, Any, str]], spellings: Callable[[str], list[str]]
) -> None:
    entries: dict[str, Tags] = {}
    for tag_name, value, forms in words:
        for word in forms.split():
            entries.setdefault(word, {})[tag_name] = value
    typed: dict[str, Tags] = {}
    for word, word_tags in entries.items():
        for spelling in spellings(word):
            if spelling not in entries and spelling not in _LEX:
                typed.setdefault(spelling, {}).update(word_tags)
    for word, word_tags in (*entries.items(), *typed.items()):
        known = _LEX.setdefault(word, {})
        if not known:
            known["lang"] = lang
        known.update(word_tags)


_add_language("de", words_de.WORDS, words_de.spellings)
_add_language("pl", words_pl.WORDS, words_pl.spellings)
