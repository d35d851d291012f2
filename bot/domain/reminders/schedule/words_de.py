"""The words of time in German, as partner coordinators type them.

Each entry is (tag, value, words), the same tags as the Ukrainian and English words in
`lexicon`. `spellings` gives the forms typed without umlauts (`uebermorgen`, `taeglich`,
`Marz`, `dreissig`): the lexicon adds them next to the proper ones.
"""

from __future__ import annotations

from typing import Any

from bot.domain.reminders.schedule.parts import Part

_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_PART_NOUNS = {
    "morgen": Part.MORNING,
    "vormittag": Part.MORNING,
    "nachmittag": Part.AFTERNOON,
    "abend": Part.EVENING,
    "nacht": Part.NIGHT,
}
_UNITS = (
    "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
)  # fmt: skip
_TENS = {20: "zwanzig", 30: "dreißig", 40: "vierzig", 50: "fünfzig"}
# Day ordinals: `am fünften Dezember`, `am Ersten`, `jeden zweiten Tag`.
_ORDINAL_STEMS = {
    1: "erst", 2: "zweit", 3: "dritt", 4: "viert", 5: "fünft", 6: "sechst", 7: "siebt",
    8: "acht", 9: "neunt", 10: "zehnt", 11: "elft", 12: "zwölft", 13: "dreizehnt",
    14: "vierzehnt", 15: "fünfzehnt", 16: "sechzehnt", 17: "siebzehnt", 18: "achtzehnt",
    19: "neunzehnt", 20: "zwanzigst", 30: "dreißigst",
}  # fmt: skip
_ORDINAL_ENDINGS = ("e", "en", "er", "es")


def _weekday_words() -> list[tuple[str, Any, str]]:
    words: list[tuple[str, Any, str]] = []
    for n, day in enumerate(_WEEKDAYS):
        names = day + (" sonnabend" if n == 5 else "")
        words.append(("weekday", n, names))
        # `montags`: every Monday, as one word.
        words.append(("every_weekday", n, " ".join(w + "s" for w in names.split())))
        # `an Montagen`: on Mondays.
        words.append(("weekdays", n, " ".join(w + "en" for w in names.split())))
        # `Freitagabend`, `Montagmorgen`: the day and a part of it in one word.
        for name in names.split():
            for noun, part in _PART_NOUNS.items():
                words.append(("weekday", n, name + noun))
                words.append(("weekday_part", part, name + noun))
    return words


def _number_words() -> list[tuple[str, Any, str]]:
    words: list[tuple[str, Any, str]] = [
        ("number", 0, "null"),
        ("number", 1, "eins ein eine einer einen einem"),
        ("number", 2, "zwei zwo"),
        ("number", 13, "dreizehn"),
        ("number", 14, "vierzehn"),
        ("number", 15, "fünfzehn"),
        ("number", 16, "sechzehn"),
        ("number", 17, "siebzehn"),
        ("number", 18, "achtzehn"),
        ("number", 19, "neunzehn"),
        ("number", 10, "zehn"),
        ("number", 11, "elf"),
        ("number", 12, "zwölf"),
        ("number", 60, "sechzig"),
        ("number", 90, "neunzig"),
        ("number", 100, "hundert"),
    ]
    for n, word in enumerate(_UNITS[2:], start=3):
        words.append(("number", n, word))
    for tens, word in _TENS.items():
        words.append(("number", tens, word))
        words.append(("tens", tens, word))
        # `fünfundzwanzig`, `einunddreißig`: units before tens, in one word.
        for n, unit in enumerate(_UNITS, start=1):
            stem = "ein" if n == 1 else unit
            words.append(("number", tens + n, f"{stem}und{word}"))
    return words


def _ordinal_words() -> list[tuple[str, Any, str]]:
    words: list[tuple[str, Any, str]] = []
    for n, stem in _ORDINAL_STEMS.items():
        forms = " ".join(stem + e for e in _ORDINAL_ENDINGS)
        words.append(("ordinal", n, forms))
        if n in (20, 30):
            for unit, word in enumerate(_UNITS, start=1):
                if n + unit > 31:
                    break
                prefix = "ein" if unit == 1 else word
                compound = " ".join(f"{prefix}und{stem}{e}" for e in _ORDINAL_ENDINGS)
                words.append(("ordinal", n + unit, compound))
    words.append(("ordinal", 7, "siebente siebenten"))
    for n in (1, 2, 3, 4):
        words.append(("nth", n, " ".join(_ORDINAL_STEMS[n] + e for e in ("e", "en", "er"))))
    return words


WORDS: tuple[tuple[str, Any, str], ...] = (
    *_weekday_words(),
    # Abbreviations as on a calendar, a weekday only with a dot or a time after them
    # (`Fr. 15 Uhr`, `Mo 9:00`): `do` is Polish "until", `so` and `mi` are words.
    ("weekday_abbr", 0, "mo"),
    ("weekday_abbr", 1, "di"),
    ("weekday_abbr", 4, "fr"),
    ("weekday_abbr", 5, "sa"),
    # months
    ("month", 1, "januar jänner"),
    ("month", 2, "februar"),
    ("month", 3, "märz"),
    ("month", 4, "april"),
    ("month", 5, "mai"),
    ("month", 6, "juni"),
    ("month", 7, "juli"),
    ("month", 8, "august"),
    ("month", 9, "september"),
    ("month", 10, "oktober"),
    ("month", 11, "november"),
    ("month", 12, "dezember"),
    ("month_nominative", True, "januar jänner februar märz april mai juni juli august"),
    ("month_nominative", True, "september oktober november dezember"),
    ("month_short", 1, "jan"),
    ("month_short", 2, "feb"),
    ("month_short", 3, "mär mrz"),
    ("month_short", 4, "apr"),
    ("month_short", 6, "jun"),
    ("month_short", 7, "jul"),
    ("month_short", 8, "aug"),
    ("month_short", 9, "sep sept"),
    ("month_short", 10, "okt"),
    ("month_short", 11, "nov"),
    ("month_short", 12, "dez"),
    # days relative to today
    ("day_shift", 0, "heute heut"),
    ("day_shift", 1, "morgen"),
    ("day_shift", 2, "übermorgen"),
    ("past_day", True, "gestern vorgestern"),
    # units of time
    ("unit", "seconds", "sekunde sekunden sek"),
    ("unit", "minutes", "minute minuten"),
    ("unit", "hours", "stunde stunden std"),
    ("unit", "days", "tag tage tagen tages"),
    ("unit", "weeks", "woche wochen"),
    ("unit", "months", "monat monate monaten monats"),
    ("unit", "years", "jahr jahre jahren jahres"),
    ("unit", "quarter_hours", "viertelstunden"),
    ("amount_word", ("minutes", 15), "viertelstunde"),
    ("amount_word", ("minutes", 45), "dreiviertelstunde"),
    ("quarter_unit", True, "quartal quartale"),
    ("half_adj", True, "halbe halben halbes halber"),
    ("one_and_half", True, "anderthalb eineinhalb"),
    ("number_fraction", (5, 2), "zweieinhalb"),
    ("number_fraction", (7, 2), "dreieinhalb"),
    *_number_words(),
    *_ordinal_words(),
    # clock words: `halb drei` is 2:30, `viertel zehn` 9:15 and `dreiviertel zehn` 9:45 as
    # said in the east and south, `Viertel nach zehn`, `zehn vor neun`
    ("halb", True, "halb"),
    ("quarter", True, "viertel"),
    ("three_quarters", True, "dreiviertel"),
    ("oclock", True, "uhr"),
    # parts of the day
    ("part", Part.MORNING, "morgens früh vormittags"),
    ("part", Part.AFTERNOON, "nachmittags"),
    ("part", Part.EVENING, "abends"),
    ("part", Part.NIGHT, "nachts"),
    ("part_of_hour", Part.MORNING, "morgens früh vormittags"),
    ("part_of_hour", Part.AFTERNOON, "nachmittags mittags"),
    ("part_of_hour", Part.EVENING, "abends"),
    ("part_of_hour", Part.NIGHT, "nachts"),
    *(("part_noun", part, noun) for noun, part in _PART_NOUNS.items()),
    ("noon", 12, "mittags mittag"),
    ("noon", 0, "mitternacht"),
    ("lunch", True, "mittagessen mittagspause"),
    ("vague", True, "bald später demnächst irgendwann nachher jetzt sofort spät früher"),
    ("vague", True, "zweimal dreimal mehrmals übernächste übernächsten übernächster"),
    ("vague", True, "monatsanfang monatsmitte jahresende"),
    ("filler", True, "punkt genau pünktlich"),
    # repetition
    ("every", True, "jeden jede jedes jedem jeder alle"),
    ("soft", True, "jeden jede jedes jedem jeder alle"),
    ("repeat", ("daily", 1), "täglich tagtäglich"),
    ("repeat", ("weekly", 1), "wöchentlich"),
    ("repeat", ("weekly", 2), "zweiwöchentlich vierzehntägig zweiwöchig"),
    ("repeat", ("monthly", 1), "monatlich"),
    ("repeat", ("monthly", 3), "vierteljährlich quartalsweise"),
    ("repeat", ("monthly", 6), "halbjährlich"),
    ("repeat", ("yearly", 1), "jährlich alljährlich"),
    ("repeat", ("hourly", 1), "stündlich"),
    ("workdays", True, "werktags wochentags arbeitstags"),
    ("workday", True, "werktag werktage werktagen arbeitstag arbeitstage arbeitstagen"),
    ("workday", True, "wochentag wochentage wochentagen"),
    ("weekend", True, "wochenende wochenenden"),
    ("weekend_plural", True, "wochenenden"),
    ("weekend_adverb", True, "wochenends"),
    ("once", True, "einmal"),
    # qualifiers and small words
    ("next", True, "nächste nächsten nächster nächstes kommende kommenden kommender"),
    ("this", True, "diese diesen dieser dieses"),
    ("last", True, "letzte letzten letzter letztes vergangene vergangenen vergangener"),
    ("last", True, "vorige vorigen voriger"),
    ("nth", -1, "letzte letzten letzter"),
    ("end", True, "ende"),
    ("month_end_word", True, "monatsende"),
    ("period_part", True, "anfang beginn mitte"),
    ("month_word", True, "monat monats"),
    ("week_word", True, "woche"),
    ("except", True, "außer ausgenommen"),
)

_PLAIN = {"ä": ("ae", "a"), "ö": ("oe", "o"), "ü": ("ue", "u"), "ß": ("ss",)}


def spellings(word: str) -> list[str]:
    """`übermorgen` typed as `uebermorgen` or `ubermorgen`, `dreißig` as `dreissig`, and
    a word with two umlauts with either left as it is."""
    forms = [""]
    for char in word:
        ways = (char, *_PLAIN.get(char, ()))
        forms = [form + way for form in forms for way in ways]
    return sorted(set(forms) - {word})
