"""The words of time in Polish, in the cases a reminder puts them in.

Each entry is (tag, value, words), the same tags as the Ukrainian and English words in
`lexicon`. `spellings` gives the form typed without diacritics (`sroda`, `piatek`,
`wpol do trzeciej`): the lexicon adds it next to the proper one unless that spelling is a
word of its own.
"""

from __future__ import annotations

from typing import Any

from bot.domain.reminders.schedule.parts import Part

# Feminine ordinals name the hours (`o dziesiątej`, `wpół do trzeciej`, `za kwadrans
# dziesiąta`, `przed dziesiątą`): stem and the endings of its cases.
_HOUR_STEMS = (
    "pierwsz", "drug", "trzeci", "czwart", "piąt", "szóst", "siódm", "ósm", "dziewiąt",
    "dziesiąt", "jedenast", "dwunast", "trzynast", "czternast", "piętnast", "szesnast",
    "siedemnast", "osiemnast", "dziewiętnast", "dwudziest",
)  # fmt: skip
# Masculine genitive ordinals name the days (`piątego grudnia`, `dziesiątego`).
_DAY_ORDINALS = (
    "pierwszego", "drugiego", "trzeciego", "czwartego", "piątego", "szóstego", "siódmego",
    "ósmego", "dziewiątego", "dziesiątego", "jedenastego", "dwunastego", "trzynastego",
    "czternastego", "piętnastego", "szesnastego", "siedemnastego", "osiemnastego",
    "dziewiętnastego", "dwudziestego",
)  # fmt: skip


def _hour_words() -> list[tuple[str, Any, str]]:
    words: list[tuple[str, Any, str]] = []
    for n, stem in enumerate(_HOUR_STEMS, start=1):
        endings = ("a", "iej", "ą") if stem == "drug" else ("a", "ej", "ą")
        words.append(("hour_word", n, " ".join(stem + e for e in endings)))
    return words


WORDS: tuple[tuple[str, Any, str], ...] = (
    # weekdays: `w poniedziałek`, `do piątku`, `od środy`, `przed sobotą`
    ("weekday", 0, "poniedziałek poniedziałku poniedziałkiem"),
    ("weekday", 1, "wtorek wtorku wtorkiem"),
    ("weekday", 2, "środa środę środy środzie środą"),
    ("weekday", 3, "czwartek czwartku czwartkiem"),
    ("weekday", 4, "piątek piątku piątkiem"),
    ("weekday", 5, "sobota sobotę soboty sobocie sobotą"),
    ("weekday", 6, "niedziela niedzielę niedzieli niedzielą"),
    # `w poniedziałki`, `we wtorki i czwartki`: on Mondays
    ("weekdays", 0, "poniedziałki poniedziałkami poniedziałkach"),
    ("weekdays", 1, "wtorki wtorkami wtorkach"),
    ("weekdays", 2, "środy środami środach"),
    ("weekdays", 3, "czwartki czwartkami czwartkach"),
    ("weekdays", 4, "piątki piątkami piątkach"),
    ("weekdays", 5, "soboty sobotami sobotach"),
    ("weekdays", 6, "niedzielami niedzielach"),
    # `niedziele` is "Sundays", and "Sunday" typed without its ę: asked, never guessed.
    ("either_sunday", 6, "niedziele"),
    ("weekday_abbr", 0, "pon pn"),
    ("weekday_abbr", 1, "wt"),
    ("weekday_abbr", 2, "śr"),
    ("weekday_abbr", 3, "czw"),
    ("weekday_abbr", 4, "pt"),
    ("weekday_abbr", 5, "sob"),
    ("weekday_abbr", 6, "nd ndz niedz"),
    # months: the genitive dates a day (`5 grudnia`), the nominative names a month
    ("month", 1, "stycznia styczeń styczniu"),
    ("month", 2, "lutego luty lutym"),
    ("month", 3, "marca marzec marcu"),
    ("month", 4, "kwietnia kwiecień kwietniu"),
    ("month", 5, "maj maju"),
    ("month", 6, "czerwca czerwiec czerwcu"),
    ("month", 7, "lipca lipiec lipcu"),
    ("month", 8, "sierpnia sierpień sierpniu"),
    ("month", 9, "września wrzesień wrześniu"),
    ("month", 10, "października październik październiku"),
    ("month", 11, "listopada listopad listopadzie"),
    ("month", 12, "grudnia grudzień grudniu"),
    ("month_nominative", True, "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień"),
    ("month_nominative", True, "wrzesień październik listopad grudzień"),
    # `Maja` is a name and `maja` how `mają` (they have) is typed without its ą: May only
    # next to a day's number, as the calendar abbreviations.
    ("month_short", 5, "maja"),
    ("month_short", 1, "sty"),
    ("month_short", 2, "lut"),
    ("month_short", 4, "kwi"),
    ("month_short", 9, "wrz"),
    ("month_short", 10, "paź"),
    ("month_short", 12, "gru"),
    # days relative to today
    ("day_shift", 0, "dziś dzisiaj"),
    ("day_shift", 1, "jutro jutra"),
    ("day_shift", 2, "pojutrze pojutrza"),
    ("past_day", True, "wczoraj przedwczoraj"),
    # units of time
    ("unit", "seconds", "sekunda sekundę sekundy sekund sek"),
    ("unit", "minutes", "minuta minutę minuty minut"),
    ("unit", "hours", "godzina godzinę godziny godzin godz"),
    ("unit", "days", "dzień dnia dni dniach"),
    ("unit", "weeks", "tydzień tygodnia tygodnie tygodni tygodniu tyg"),
    ("unit", "months", "miesiąc miesiąca miesiące miesięcy miesiącu"),
    ("unit", "years", "rok roku lata lat"),
    ("unit", "quarter_hours", "kwadrans kwadranse kwadransów"),
    ("quarter", True, "kwadrans"),
    ("quarter_unit", True, "kwartał kwartału kwartały"),
    ("amount_word", ("minutes", 30), "półgodziny"),
    ("per_period", "days", "dziennie"),
    ("per_period", "weeks", "tygodniowo"),
    ("per_period", "months", "miesięcznie"),
    ("per_period", "years", "rocznie"),
    # numbers
    ("number", 0, "zero"),
    ("number", 1, "jeden jedna jedną jedno jednego jednej"),
    ("number", 2, "dwa dwie dwóch dwóm"),
    ("number", 3, "trzy trzech"),
    ("number", 4, "cztery czterech"),
    ("number", 5, "pięć pięciu"),
    ("number", 6, "sześć sześciu"),
    ("number", 7, "siedem siedmiu"),
    ("number", 8, "osiem ośmiu"),
    ("number", 9, "dziewięć dziewięciu"),
    ("number", 10, "dziesięć dziesięciu"),
    ("number", 11, "jedenaście"),
    ("number", 12, "dwanaście"),
    ("number", 13, "trzynaście"),
    ("number", 14, "czternaście"),
    ("number", 15, "piętnaście"),
    ("number", 16, "szesnaście"),
    ("number", 17, "siedemnaście"),
    ("number", 18, "osiemnaście"),
    ("number", 19, "dziewiętnaście"),
    ("number", 20, "dwadzieścia"),
    ("number", 30, "trzydzieści"),
    ("number", 40, "czterdzieści"),
    ("number", 50, "pięćdziesiąt"),
    ("number", 60, "sześćdziesiąt"),
    ("number", 90, "dziewięćdziesiąt"),
    ("number", 100, "sto"),
    ("tens", 20, "dwadzieścia"),
    ("tens", 30, "trzydzieści"),
    ("tens", 40, "czterdzieści"),
    ("tens", 50, "pięćdziesiąt"),
    ("one_and_half", True, "półtorej półtora"),
    ("half_prefix", True, "pół wpół"),
    *((("ordinal", n, word) for n, word in enumerate(_DAY_ORDINALS, start=1))),
    ("ordinal", 30, "trzydziestego"),
    ("ordinal_tens", 20, "dwudziestego"),
    ("ordinal_tens", 30, "trzydziestego"),
    *_hour_words(),
    ("nth", 1, "pierwszy pierwszą pierwsza pierwszego"),
    ("nth", 2, "drugi drugą druga drugiego"),
    ("nth", 3, "trzeci trzecią trzecia trzeciego"),
    ("nth", 4, "czwarty czwartą czwarta czwartego"),
    ("nth", -1, "ostatni ostatnią ostatnia ostatniego"),
    ("final", True, "ostatni ostatnią ostatnia ostatniego ostatnim"),
    # parts of the day; `południe` (noon, and the south) and `północ` (midnight, and the
    # north) are times only in `w południe`, `po południu`, `o północy`
    ("part", Part.MORNING, "rano"),
    ("part", Part.EVENING, "wieczorem"),
    ("part", Part.NIGHT, "nocą"),
    ("part_of_hour", Part.MORNING, "rano"),
    ("part_of_hour", Part.EVENING, "wieczorem wieczór"),
    ("part_noun", Part.MORNING, "ranek ranka"),
    ("part_noun", Part.EVENING, "wieczór wieczoru wieczora"),
    ("part_noun", Part.NIGHT, "noc nocy"),
    ("noon_word", 12, "południe południu południem"),
    ("noon_word", 0, "północy północ"),
    ("lunch", True, "obiad obiadu obiedzie obiadem"),
    ("vague", True, "wkrótce niedługo zaraz później wcześniej późno wcześnie kiedyś teraz"),
    ("vague", True, "potem dwukrotnie trzykrotnie"),
    ("filler", True, "punktualnie dokładnie równo"),
    # repetition
    ("every", True, "każdy każda każdą każde każdego każdej każdym co"),
    ("soft", True, "każdy każda każdą każde każdego każdej każdym co jeden"),
    ("repeat", ("daily", 1), "codziennie codzień"),
    ("repeat", ("weekly", 1), "cotygodniowo"),
    ("repeat", ("monthly", 1), "comiesięcznie"),
    ("repeat", ("monthly", 3), "kwartalnie"),
    ("repeat", ("yearly", 1), "corocznie"),
    ("working", True, "roboczy roboczego robocze roboczych roboczym roboczymi"),
    ("working", True, "powszedni powszednie powszednich powszedniego powszednim"),
    ("weekend", True, "weekendu weekendzie weekendem weekendy weekendów weekendami"),
    ("weekend", True, "weekendach"),
    ("weekend_plural", True, "weekendy weekendów weekendami weekendach"),
    ("once", True, "raz"),
    # qualifiers and small words
    ("next", True, "przyszły przyszłego przyszłą przyszłej przyszłym następny następnego"),
    ("next", True, "następną następnej następnym najbliższy najbliższą najbliższego"),
    ("next", True, "najbliższej najbliższym"),
    ("this", True, "ten tę tym tego tej"),
    ("last", True, "zeszły zeszłego zeszłą zeszłej zeszłym ubiegły ubiegłego ubiegłą"),
    ("last", True, "ubiegłej ubiegłym poprzedni poprzedniego poprzednią poprzedniej"),
    ("last", True, "poprzednim"),
    ("ago", True, "temu"),
    ("end", True, "koniec końca końcem końcu"),
    ("period_part", True, "początku początek połowie połowy środku"),
    ("month_word", True, "miesiąca miesiąc miesiącu"),
    ("week_word", True, "tygodnia tydzień tygodniu"),
    ("numbered_day", True, "dnia"),
    ("except", True, "oprócz poza wyjątkiem"),
)

_PLAIN = dict(zip("ąćęłńóśźż", "acelnoszz", strict=True))


def spellings(word: str) -> list[str]:
    """`środę` typed as `srode`, `wpół` as `wpol`, `półtorej` as `połtorej` or `poltorej`:
    any of a word's diacritics may be left out."""
    forms = [""]
    for char in word:
        ways = (char, _PLAIN[char]) if char in _PLAIN else (char,)
        forms = [form + way for form in forms for way in ways]
    return sorted(set(forms) - {word})
