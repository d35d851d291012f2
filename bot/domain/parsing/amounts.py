"""Money amounts and quantities as people type them, and their locale-aware display.

Input is split into three pieces: what stands before the number (a currency sign or code),
the number itself (digits with thousands/decimal separators) and what follows it (an
optional multiplier such as "млн", then a currency or unit word). The number regex only
ever sees input capped at `_MAX_INPUT_LEN` characters, so backtracking stays trivial.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

from babel.numbers import format_currency, format_decimal, get_currency_symbol

__all__ = [
    "CURRENCIES",
    "UNITS",
    "Amount",
    "AmountError",
    "AmountErrorCode",
    "Quantity",
    "format_amount",
    "format_quantity",
    "is_approximate",
    "parse_amount",
    "parse_quantity",
    "unit_of",
]

CURRENCIES: tuple[str, ...] = ("UAH", "EUR", "USD", "PLN", "GBP", "CHF", "SEK", "CZK", "HUF")
UNITS: tuple[str, ...] = ("t", "kg", "pcs", "pallets", "vehicles", "people")

_MAX_INPUT_LEN = 80
_CENT = Decimal("0.01")
_NBSP = "\u00a0"


class AmountErrorCode(StrEnum):
    EMPTY = "empty"
    FORMAT = "format"
    NEGATIVE = "negative"
    TOO_LARGE = "too_large"
    ZERO = "zero"


class AmountError(ValueError):
    """Refused amount or quantity; `code` is an `AmountErrorCode` (a `str`)."""

    def __init__(self, code: AmountErrorCode) -> None:
        super().__init__(code.value)
        self.code: AmountErrorCode = code


@dataclass(frozen=True)
class Amount:
    value: Decimal
    currency: str | None  # ISO 4217 code from CURRENCIES
    approximate: bool = False  # typed as "about", "близько", "≈"


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str | None  # one of UNITS
    approximate: bool = False


# --- vocabulary --------------------------------------------------------------------------

_MULTIPLIERS: dict[str, Decimal] = {
    **dict.fromkeys(
        (
            *("k", "к", "тис", "тисяча", "тисячі", "тисяч", "тисячу", "thousand", "thousands"),
            *("tsd", "tausend", "tys", "tysiąc", "tysiące", "tysięcy"),
        ),
        Decimal(10) ** 3,
    ),
    **dict.fromkeys(
        (
            *("m", "mln", "mn", "mil", "mio", "million", "millions"),
            *("млн", "мільйон", "мільйони", "мільйонів", "мільйона"),
            *("millionen", "milion", "miliony", "milionów", "miliona"),
        ),
        Decimal(10) ** 6,
    ),
    **dict.fromkeys(
        (
            *("b", "bn", "bln", "mrd", "billion", "billions"),
            *("млрд", "мільярд", "мільярди", "мільярдів", "мільярда"),
            *("milliarde", "milliarden", "mld", "miliard", "miliardy", "miliardów"),
        ),
        Decimal(10) ** 9,
    ),
}

# "крона" names both the Swedish and the Czech currency; bare, it is read as SEK and a
# qualifier ("чеських крон") can turn it into CZK.
_KRONA = "krona"

_CURRENCY_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            *("uah", "₴", "грн", "hrn", "hryvnia", "hryvnias", "hryvnya", "hryvnyas", "hryvna"),
            *("гривня", "гривні", "гривень", "гривню", "гривнею", "гривнями", "гривнях"),
            *("hrywnja", "hrywnjas", "hrywna", "hrywny", "hrywien"),
        ),
        "UAH",
    ),
    **dict.fromkeys(("eur", "€", "euro", "euros", "євро"), "EUR"),
    **dict.fromkeys(
        (
            *("usd", "$", "dollar", "dollars"),
            *("долар", "долари", "доларів", "долара", "доларах", "доларами", "дол"),
            *("dolar", "dolary", "dolarów"),
        ),
        "USD",
    ),
    **dict.fromkeys(
        (
            *("pln", "zł", "zl", "złoty", "zloty", "złotys", "zlotys", "złotych", "zlotych"),
            *("złote", "zlote", "złotego"),
            *("злотий", "злоті", "злотих", "злотого", "злотими", "зл"),
        ),
        "PLN",
    ),
    **dict.fromkeys(
        ("gbp", "£", "pound", "pounds", "фунт", "фунти", "фунтів", "фунта", "фунтах", "pfund"),
        "GBP",
    ),
    **dict.fromkeys(
        (
            *("chf", "fr", "sfr", "franc", "francs"),
            *("франк", "франки", "франків", "франка", "франках"),
            *("franken", "frank", "franki", "franków"),
        ),
        "CHF",
    ),
    "sek": "SEK",
    **dict.fromkeys(("kr", "krona", "kronor", "крона", "крони", "крон", "крону", "кронах"), _KRONA),
    **dict.fromkeys(("czk", "kč", "kc", "koruna", "koruny", "korun", "korunas"), "CZK"),
    **dict.fromkeys(
        (
            *("huf", "ft", "forint", "forints"),
            *("форинт", "форинти", "форинтів", "форинта", "форинтах"),
        ),
        "HUF",
    ),
}

_CURRENCY_QUALIFIERS: dict[str, str] = {
    **dict.fromkeys(("us", "usa", "american", "сша"), "USD"),
    **dict.fromkeys(("sterling", "british"), "GBP"),
    "swiss": "CHF",
    "polish": "PLN",
    "hungarian": "HUF",
    "czech": "CZK",
    "swedish": "SEK",
    "ukrainian": "UAH",
}
# Ukrainian adjectives decline, so they are matched by stem.
_CURRENCY_QUALIFIER_STEMS: tuple[tuple[str, str], ...] = (
    ("американськ", "USD"),
    ("стерлінг", "GBP"),
    ("британськ", "GBP"),
    ("швейцарськ", "CHF"),
    ("польськ", "PLN"),
    ("угорськ", "HUF"),
    ("чеськ", "CZK"),
    ("шведськ", "SEK"),
    ("українськ", "UAH"),
)

_UNIT_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            *("t", "ton", "tons", "tonne", "tonnes"),
            *("т", "тн", "тонна", "тонни", "тонн", "тонну", "тоннах"),
            *("tonnen", "tona", "tony"),
        ),
        "t",
    ),
    **dict.fromkeys(
        (
            *("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"),
            *("кг", "кіло", "кілограм", "кілограми", "кілограмів", "кілограма"),
            *("kilogramm", "kilogramów"),
        ),
        "kg",
    ),
    **dict.fromkeys(
        (
            *("pcs", "pc", "piece", "pieces", "unit", "units", "item", "items"),
            *("шт", "штука", "штуки", "штук", "од", "одиниця", "одиниці", "одиниць"),
            *("stk", "stück", "szt", "sztuka", "sztuki", "sztuk"),
        ),
        "pcs",
    ),
    **dict.fromkeys(
        (
            *("pallet", "pallets"),
            *("палета", "палети", "палет", "палету", "піддон", "піддони", "піддонів", "піддона"),
            *("palette", "paletten", "paleta", "palety", "palet"),
        ),
        "pallets",
    ),
    **dict.fromkeys(
        (
            *("vehicle", "vehicles", "bus", "buses", "truck", "trucks", "lorry", "lorries"),
            *("car", "cars", "van", "vans", "ambulance", "ambulances", "fire truck", "fire trucks"),
            *("автобус", "автобуси", "автобусів", "автобуса", "мікроавтобус", "мікроавтобуси"),
            *("мікроавтобусів", "вантажівка", "вантажівки", "вантажівок", "машина", "машини"),
            *("машин", "авто", "автомобіль", "автомобілі", "автомобілів", "автомобіля"),
            *("транспортний засіб", "транспортні засоби", "транспортних засобів"),
            *("fahrzeug", "fahrzeuge", "busse", "lkw", "krankenwagen", "feuerwehrauto"),
            *("pojazd", "pojazdy", "pojazdów", "autobusy", "autobusów", "karetka", "karetki"),
            *("autobus",),
            *("karetek", "samochód", "samochody", "samochodów"),
        ),
        "vehicles",
    ),
    **dict.fromkeys(
        (
            *("people", "person", "persons", "pax", "children", "child", "kids", "adults"),
            *("participants", "pupils", "students", "volunteers"),
            *("осіб", "особи", "особа", "людей", "люди", "людина", "людини", "дітей", "діти"),
            *("дитина", "дитини", "учасників", "учасники", "учнів", "учні", "студентів"),
            *("дорослих", "волонтерів"),
            *("personen", "kinder", "teilnehmende", "osoba", "osoby", "osób", "dzieci"),
            *("uczestników", "uczniów"),
        ),
        "people",
    ),
}
# Half a bus or a third of a child is a typo, not a quantity.
_COUNTED_UNITS = frozenset(("pcs", "pallets", "vehicles", "people"))

# People say how sure they are of a figure before it: "about 100,000 EUR", "близько 100
# тисяч євро", "≈ €100k". The figure is taken and marked approximate.
_APPROXIMATE: frozenset[str] = frozenset(
    (
        *("about", "around", "approx", "approximately", "roughly", "circa", "ca", "some"),
        *("близько", "приблизно", "орієнтовно", "майже", "десь", "біля", "около", "примерно"),
        *("≈", "~", "∼", "±"),
    )
)

# --- grammar -----------------------------------------------------------------------------

_SPLIT = re.compile(r"(?P<pre>[^0-9]*)(?P<num>[0-9](?:[0-9.,' ]*[0-9])?)(?P<post>[^0-9]*)")
_TOKEN = re.compile(r"[^\W\d_]+|\S")
_WHITESPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans(dict.fromkeys("’ʼ‘`´′", "'"))
_MINUS_SIGNS = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_GROUP_MARKS = frozenset(" '")


@dataclass(frozen=True)
class _Pieces:
    before: list[str]
    number: str
    after: list[str]
    approximate: bool = False


# --- public API --------------------------------------------------------------------------


def parse_amount(
    text: str,
    *,
    default_currency: str | None = None,
    max_value: Decimal = Decimal("1e12"),
) -> Amount:
    """Money: rounded half-up to cents; currency from the text, else `default_currency`."""
    pieces = _split(text)
    multiplier = Decimal(1)
    after = pieces.after
    if after and after[0] in _MULTIPLIERS:
        multiplier, after = _MULTIPLIERS[after[0]], after[1:]
    currency = _merge_currencies(_currency(pieces.before), _currency(after))
    number = _parse_number(pieces.number, decimal_if_single=multiplier != 1)
    value = _checked(number * multiplier, max_value)
    with localcontext() as context:
        context.prec = 60  # quantize must never run out of digits for a large max_value
        rounded = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    if rounded == 0:
        raise AmountError(AmountErrorCode.ZERO)
    return Amount(rounded, currency or default_currency, pieces.approximate)


def parse_quantity(text: str, *, max_value: Decimal = Decimal("1e9")) -> Quantity:
    """A count or weight with an optional unit normalized to one of `UNITS`."""
    pieces = _split(text)
    if pieces.before:
        raise AmountError(AmountErrorCode.FORMAT)
    unit = _unit(pieces.after)
    value = _checked(_parse_number(pieces.number, decimal_if_single=False), max_value)
    if value == 0:
        raise AmountError(AmountErrorCode.ZERO)
    if unit in _COUNTED_UNITS:
        if value != value.to_integral_value():
            raise AmountError(AmountErrorCode.FORMAT)
        value = value.to_integral_value()
    return Quantity(value, unit, pieces.approximate)


def unit_of(words: str) -> str | None:
    """The unit (one of `UNITS`) that `words` name ("тонн", "fire trucks"), if any."""
    return _UNIT_WORDS.get(_normalize(words.strip()))


def is_approximate(word: str) -> bool:
    """Whether `word` says a figure after it is approximate ("близько", "about", "≈")."""
    return _normalize(word.strip()) in _APPROXIMATE


def format_amount(amount: Amount, locale: str) -> str:
    """Babel's currency format, plus the CLDR currency spacing Babel leaves out."""
    babel_locale = _babel_locale(locale)
    if amount.currency is None:
        return format_decimal(amount.value, format="#,##0.00", locale=babel_locale)
    formatted = format_currency(amount.value, amount.currency, locale=babel_locale)
    symbol = get_currency_symbol(amount.currency, locale=babel_locale)
    return _space_currency_symbol(formatted, symbol)


def format_quantity(q: Quantity, locale: str, unit_label: str | None) -> str:
    """The number in the locale's style; `unit_label` is the already translated unit."""
    number = format_decimal(q.value, locale=_babel_locale(locale))
    return f"{number}{_NBSP}{unit_label}" if unit_label else number


# --- splitting ---------------------------------------------------------------------------


def _split(text: str) -> _Pieces:
    stripped = text.strip()
    if not stripped:
        raise AmountError(AmountErrorCode.EMPTY)
    if len(stripped) > _MAX_INPUT_LEN:
        raise AmountError(AmountErrorCode.FORMAT)
    normalized = _normalize(stripped)
    match = _SPLIT.fullmatch(normalized)
    if match is None:
        raise AmountError(AmountErrorCode.FORMAT)
    before = _tokens(match["pre"])
    approximate = bool(before) and before[0] in _APPROXIMATE
    if approximate:
        before = before[1:]
    if "-" in before:
        raise AmountError(AmountErrorCode.NEGATIVE)
    return _Pieces(before, match["num"], _tokens(match["post"]), approximate)


def _normalize(text: str) -> str:
    # \s covers U+00A0 and U+202F, which Telegram clients paste as thousands separators.
    lowered = text.lower().translate(_APOSTROPHES).translate(_MINUS_SIGNS)
    collapsed = _WHITESPACE.sub(" ", lowered)
    return collapsed[:-1].rstrip() if collapsed.endswith(".") else collapsed


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        # A period closes an abbreviation ("тис.", "Fr."); anywhere else it is noise.
        if token == "." and tokens and tokens[-1][0].isalpha():
            continue
        tokens.append(token)
    return tokens


# --- numbers -----------------------------------------------------------------------------


def _parse_number(raw: str, *, decimal_if_single: bool) -> Decimal:
    decimal_mark = _decimal_mark(raw, decimal_if_single=decimal_if_single)
    if decimal_mark is None:
        whole, fraction = raw, ""
    else:
        whole, _, fraction = raw.rpartition(decimal_mark)
    if not fraction.isdigit() and fraction:
        raise AmountError(AmountErrorCode.FORMAT)
    digits = _ungroup(whole)
    return Decimal(f"{digits}.{fraction}" if fraction else digits)


def _decimal_mark(raw: str, *, decimal_if_single: bool) -> str | None:
    commas, dots = raw.count(","), raw.count(".")
    if commas and dots:
        # "1,234.56" and "1.234,56": whichever comes last separates the cents.
        return "," if raw.rfind(",") > raw.rfind(".") else "."
    if not commas and not dots:
        return None
    mark = "," if commas else "."
    if commas + dots > 1:
        return None
    if decimal_if_single or _GROUP_MARKS.intersection(raw):
        return mark
    whole, _, fraction = raw.partition(mark)
    # "1,234" and "1.234" are thousands; "3,9", "0.125" and "1234.567" cannot be.
    looks_grouped = len(fraction) == 3 and 1 <= len(whole) <= 3 and whole != "0"
    return None if looks_grouped else mark


def _ungroup(whole: str) -> str:
    marks = set(whole) - set("0123456789")
    if not marks:
        return whole
    if len(marks) > 1:
        raise AmountError(AmountErrorCode.FORMAT)
    groups = whole.split(marks.pop())
    if not 1 <= len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
        raise AmountError(AmountErrorCode.FORMAT)
    return "".join(groups)


def _checked(value: Decimal, max_value: Decimal) -> Decimal:
    if value > max_value:
        raise AmountError(AmountErrorCode.TOO_LARGE)
    return value


# --- words -------------------------------------------------------------------------------


def _currency(tokens: list[str]) -> str | None:
    if not tokens:
        return None
    base: str | None = None
    qualifier: str | None = None
    for token in tokens:
        token_qualifier = _qualifier(token)
        if token in _CURRENCY_WORDS and base is None:
            base = _CURRENCY_WORDS[token]
        elif token_qualifier is not None and qualifier is None:
            qualifier = token_qualifier
        else:
            raise AmountError(AmountErrorCode.FORMAT)
    return _resolve_currency(base, qualifier)


def _qualifier(token: str) -> str | None:
    if token in _CURRENCY_QUALIFIERS:
        return _CURRENCY_QUALIFIERS[token]
    return next((code for stem, code in _CURRENCY_QUALIFIER_STEMS if token.startswith(stem)), None)


def _resolve_currency(base: str | None, qualifier: str | None) -> str:
    if base is None:
        raise AmountError(AmountErrorCode.FORMAT)
    if base == _KRONA:
        if qualifier in (None, "SEK", "CZK"):
            return qualifier or "SEK"
        raise AmountError(AmountErrorCode.FORMAT)
    if qualifier not in (None, base):
        raise AmountError(AmountErrorCode.FORMAT)
    return base


def _merge_currencies(before: str | None, after: str | None) -> str | None:
    if before is not None and after is not None and before != after:
        raise AmountError(AmountErrorCode.FORMAT)
    return before or after


def _unit(tokens: list[str]) -> str | None:
    if not tokens:
        return None
    unit = _UNIT_WORDS.get(" ".join(tokens))
    if unit is None:
        raise AmountError(AmountErrorCode.FORMAT)
    return unit


# --- formatting --------------------------------------------------------------------------


def _babel_locale(locale: str) -> str:
    return locale.replace("-", "_")


def _space_currency_symbol(formatted: str, symbol: str) -> str:
    # CLDR currencySpacing: a symbol that is not itself a symbol character ("UAH", "zł")
    # gets a no-break space where it touches a digit; "€100" and "$5" stay tight.
    start = formatted.find(symbol)
    if start < 0 or not symbol:
        return formatted
    end = start + len(symbol)
    if end < len(formatted) and formatted[end].isdigit() and _needs_space(symbol[-1]):
        formatted = f"{formatted[:end]}{_NBSP}{formatted[end:]}"
    if start > 0 and formatted[start - 1].isdigit() and _needs_space(symbol[0]):
        formatted = f"{formatted[:start]}{_NBSP}{formatted[start:]}"
    return formatted


def _needs_space(char: str) -> bool:
    return unicodedata.category(char)[0] not in ("S", "Z")
