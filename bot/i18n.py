"""Gettext catalogs and locale-aware formatting for the languages the bot speaks.

Messages are written in English in the code (the source language) and looked up in
`locales/<lang>/LC_MESSAGES/messages.po`. Placeholders are named and filled by the
translator object, so a translation may reorder them freely.

`SPOKEN` is the one list of languages: the catalogs script, the pickers, the command menus
and the documents all read it. Adding a language is its catalog, a line there, and the
translations of its documents' messages.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.numbers import format_currency, format_decimal

# babel.dates is imported where a date is written, not here: importing it looks up the
# machine's time zone among all of pytz's, a cost every start of the bot would pay.


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1: the catalog's folder, Telegram's `language_code`
    name: str  # its own name: a picker must be readable by someone who does not read the
    # current language, so it is never translated
    babel_locale: str  # dates, numbers and money
    # Countries whose municipalities get the partner's side of documents in this language.
    countries: tuple[str, ...] = ()


# British English writes day before month, which partner coordinators across Europe read
# without ambiguity. German for Austria and Liechtenstein too; Switzerland and Luxembourg
# have several official languages, so their partners get English.
SPOKEN: tuple[Language, ...] = (
    Language("uk", "Українська", "uk_UA", ("UA",)),
    Language("en", "English", "en_GB"),
    Language("de", "Deutsch", "de_DE", ("DE", "AT", "LI")),
    Language("pl", "Polski", "pl_PL", ("PL",)),
)
LANGUAGES: tuple[str, ...] = tuple(language.code for language in SPOKEN)
LANGUAGE_NAMES: dict[str, str] = {language.code: language.name for language in SPOKEN}
DEFAULT_LANGUAGE = "en"
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"

_BABEL_LOCALES = {language.code: language.babel_locale for language in SPOKEN}
# Babel's Ukrainian data writes the modifier letter apostrophe (пʼятниця); the catalogs use
# the typographic one (’), and one text should not mix them.
_APOSTROPHES = str.maketrans({"ʼ": "’"})


_Width = Literal["abbreviated", "narrow", "short", "wide"]


def _typeset(text: str) -> str:
    return text.translate(_APOSTROPHES)


def N_(message: str) -> str:
    """Mark a module-level string for extraction; it is translated where it is shown."""
    return message


def language_for(code: str | None) -> str:
    """The bot language for a Telegram `language_code` (`de`, `pl-PL`...); English otherwise."""
    primary = (code or "").lower().replace("_", "-").split("-")[0]
    return primary if primary in LANGUAGES else DEFAULT_LANGUAGE


def document_language(country_code: str | None) -> str:
    """The language a municipality of this country reads documents addressed to it in."""
    code = (country_code or "").upper()
    return next(
        (language.code for language in SPOKEN if code in language.countries), DEFAULT_LANGUAGE
    )


def _load_catalog(lang: str, locales_dir: Path) -> gettext.NullTranslations:
    base = locales_dir / lang / "LC_MESSAGES"
    po_path, mo_path = base / f"{DOMAIN}.po", base / f"{DOMAIN}.mo"
    stamps = tuple(p.stat().st_mtime_ns if p.exists() else 0 for p in (po_path, mo_path))
    return _load_catalog_files(po_path, mo_path, stamps)


@functools.lru_cache(maxsize=8)
def _load_catalog_files(
    po_path: Path, mo_path: Path, stamps: tuple[int, int]
) -> gettext.NullTranslations:
    lang = po_path.parent.parent.name
    if mo_path.exists() and (
        not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime
    ):
        with mo_path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if not po_path.exists():
        return gettext.NullTranslations()
    # A catalog edited after the last compile is compiled in memory, so a stale .mo never
    # shows an old wording.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@dataclass(frozen=True)
class Translator:
    lang: str
    translations: gettext.NullTranslations

    @property
    def locale(self) -> Locale:
        return Locale.parse(_BABEL_LOCALES.get(self.lang, "en_GB"))

    def _(self, message: str, /, **values: object) -> str:
        text = self.translations.gettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        text = self.translations.ngettext(singular, plural, n)
        return text.format(n=n, **values)

    def date(self, value: dt.date, fmt: str = "long") -> str:
        """A date in a message: "22 листопада 2026 р.", "22. November 2026"."""
        from babel.dates import format_date

        return _typeset(format_date(value, format=fmt, locale=self.locale))

    def numeric_date(self, value: dt.date) -> str:
        """A date in a table, a list or a document: 07.11.2026 (07/11/2026 in English).

        The locale's short form with the day in two digits and the full year, since records
        go back years and into reports for the council.
        """
        from babel.dates import format_date

        pattern = self.locale.date_formats["short"].pattern
        if "dd" not in pattern:
            pattern = pattern.replace("d", "dd")
        if "yyyy" not in pattern:
            pattern = pattern.replace("yy", "y").replace("y", "yyyy")
        return format_date(value, pattern, locale=self.locale)

    def datetime(self, value: dt.datetime, tz: str | None = None, fmt: str = "medium") -> str:
        """A moment; "short" is the numeric date and the time, as in a table of changes."""
        zone = ZoneInfo(tz) if tz else None
        if fmt == "short":
            local = value.astimezone(zone) if zone else value
            return f"{self.numeric_date(local.date())} {self.time(value, tz)}"
        from babel.dates import format_datetime

        return _typeset(format_datetime(value, format=fmt, tzinfo=zone, locale=self.locale))

    def time(self, value: dt.datetime, tz: str | None = None) -> str:
        from babel.dates import format_time

        zone = ZoneInfo(tz) if tz else None
        return format_time(value, format="short", tzinfo=zone, locale=self.locale)

    def weekday(self, weekday: int, width: _Width = "wide") -> str:
        """Monday is 0."""
        from babel.dates import get_day_names

        names = get_day_names(width, context="format", locale=self.locale)
        return _typeset(str(names[weekday]))

    def month(self, month: int) -> str:
        """The month's name as it stands after a day number: "листопада", "listopada"."""
        from babel.dates import get_month_names

        return _typeset(str(get_month_names("wide", context="format", locale=self.locale)[month]))

    def number(self, value: int | float | Decimal) -> str:
        return format_decimal(value, locale=self.locale)

    def money(self, value: Decimal | float | int, currency: str) -> str:
        return format_currency(value, currency, locale=self.locale)


class I18n:
    """The catalogs of the process, each read when its language is first spoken."""

    def __init__(self, locales_dir: Path = LOCALES_DIR) -> None:
        self._locales_dir = locales_dir
        self._translators: dict[str, Translator] = {}

    def get(self, lang: str | None) -> Translator:
        code = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        translator = self._translators.get(code)
        if translator is None:
            translator = Translator(code, _load_catalog(code, self._locales_dir))
            self._translators[code] = translator
        return translator

    def __iter__(self) -> Iterator[Translator]:
        return (self.get(lang) for lang in LANGUAGES)
