"""Gettext catalogs and locale-aware formatting for the two languages the bot speaks.

Messages are written in English in the code (the source language) and looked up in
`locales/<lang>/LC_MESSAGES/messages.po`. Placeholders are named and filled by the
translator object, so a translation may reorder them freely.
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
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal

LANGUAGES: tuple[str, ...] = ("uk", "en")
DEFAULT_LANGUAGE = "en"
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"

# Babel locales used for dates and numbers: British English writes day before month,
# which partner coordinators across Europe read without ambiguity.
_BABEL_LOCALES = {"uk": "uk_UA", "en": "en_GB"}


def N_(message: str) -> str:
    """Mark a module-level string for extraction; it is translated where it is shown."""
    return message


def language_for(code: str | None) -> str:
    """Pick the bot language for a Telegram `language_code`: Ukrainian for `uk`, else English."""
    return "uk" if code and code.lower().split("-")[0] == "uk" else DEFAULT_LANGUAGE


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
        # The long form: "22 листопада 2026 р." reads better than the abbreviated "лист.".
        return format_date(value, format=fmt, locale=self.locale)

    def datetime(self, value: dt.datetime, tz: str | None = None, fmt: str = "medium") -> str:
        zone = ZoneInfo(tz) if tz else None
        return format_datetime(value, format=fmt, tzinfo=zone, locale=self.locale)

    def time(self, value: dt.datetime, tz: str | None = None) -> str:
        zone = ZoneInfo(tz) if tz else None
        return format_time(value, format="short", tzinfo=zone, locale=self.locale)

    def number(self, value: int | float | Decimal) -> str:
        return format_decimal(value, locale=self.locale)

    def money(self, value: Decimal | float | int, currency: str) -> str:
        return format_currency(value, currency, locale=self.locale)


class I18n:
    """All loaded catalogs; one instance per process."""

    def __init__(self, locales_dir: Path = LOCALES_DIR) -> None:
        self._translators = {
            lang: Translator(lang, _load_catalog(lang, locales_dir)) for lang in LANGUAGES
        }

    def get(self, lang: str | None) -> Translator:
        return self._translators.get(lang or DEFAULT_LANGUAGE, self._translators[DEFAULT_LANGUAGE])

    def __iter__(self) -> Iterator[Translator]:
        return iter(self._translators.values())
