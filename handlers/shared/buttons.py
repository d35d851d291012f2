"""Typed buttons: each kind is declared once, and that declaration packs its callback data,
matches its presses and parses a press back into a typed value.

    @button("ai:mv")
    class MoveRecord(Button):
        record: int
        status: str

    MoveRecord(record=7, status="received").data()   -> "ai:mv:7:received"
    MoveRecord.parse("ai:mv:7:received")              -> MoveRecord(record=7, status="received")
    MoveRecord.parse("ai:mv:²:x")                     -> None (garbage: a stale-button answer)
    MoveRecord.handler(move)                          -> CallbackQueryHandler calling
                                                         move(update, context, press)
    pressed(move)                                     -> the same, the kind read from
                                                         move's `press: MoveRecord`

Every kind declares who may press it (`ACCESS`, a `handlers.shared.access.Rule`); the guard
checks it before the handler runs, for every kind, so a new button cannot skip it.

Fields are `int` (ASCII digits, 0 .. 2**63-1, so an id always fits SQLite), `str` (no `:`),
`bool`, a `StrEnum`, a `Literal` of strings, or any of these `| None` (packed as an empty
segment). Telegram caps callback data at 64 bytes; packing refuses more.
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import re
import threading
import types
import typing
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar, Self, TypeVar, cast, dataclass_transform

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler

from handlers.shared.access import Rule
from handlers.shared.guard import admitted

MAX_DATA = 64
MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")
_PREFIX = re.compile(r"[a-z][a-z0-9]*(:[a-z0-9]+)*")

REGISTRY: dict[str, type[Button]] = {}

Press = TypeVar("Press", bound="Button")
Callback = Callable[[Update, Any, Press], Awaitable[object]]


class Button:
    """Base of every button kind; subclasses are declared with `@button(prefix)`."""

    PREFIX: ClassVar[str]
    ACCESS: ClassVar[Rule]
    _codec_cache: ClassVar[tuple[tuple[str, _Codec], ...] | None] = None
    _declared: ClassVar[bool] = False  # made its dataclass yet

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Only the first button of a kind comes here: it makes the kind its dataclass (see
        # `button`), whose own __init__ serves this and every later one.
        kind = _as_dataclass(type(self))
        kind.__init__(self, *args, **kwargs)

    @classmethod
    def _codecs(cls) -> tuple[tuple[str, _Codec], ...]:
        """Each field's codec, read from the annotations on first use: resolving type hints
        of a hundred button kinds at import would slow every start of the bot."""
        if cls.__dict__.get("_codec_cache") is None:
            _as_dataclass(cls)
            hints = typing.get_type_hints(cls)
            cls._codec_cache = tuple(
                (f.name, _codec_for(hints[f.name])) for f in dataclasses.fields(cast(Any, cls))
            )
        assert cls._codec_cache is not None
        return cls._codec_cache

    def data(self) -> str:
        parts = [self.PREFIX]
        for name, codec in self._codecs():
            parts.append(codec.pack(getattr(self, name)))
        packed = ":".join(parts)
        if len(packed.encode()) > MAX_DATA:
            raise ValueError(f"callback data over {MAX_DATA} bytes: {packed!r}")
        return packed

    def as_button(self, label: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(label, callback_data=self.data())

    @classmethod
    def parse(cls, data: object) -> Self | None:
        """The typed press, or None for anything this declaration would not have packed."""
        # Every press is offered to every kind's handler in turn: most are refused here.
        if not isinstance(data, str) or not data.startswith(cls.PREFIX):
            return None
        if len(data.encode()) > MAX_DATA:
            return None
        codecs = cls._codecs()
        head = cls.PREFIX + ":" if codecs else cls.PREFIX
        if not codecs:
            return cls() if data == cls.PREFIX else None
        if not data.startswith(head):
            return None
        segments = data[len(head) :].split(":")
        if len(segments) != len(codecs):
            return None
        values: dict[str, object] = {}
        for (name, codec), raw in zip(codecs, segments, strict=True):
            try:
                values[name] = codec.unpack(raw)
            except ValueError:
                return None
        return cls(**values)

    @classmethod
    def matches(cls, data: object) -> bool:
        return cls.parse(data) is not None

    @classmethod
    def of(cls, update: Update) -> Self | None:
        query = update.callback_query
        return cls.parse(query.data) if query is not None else None

    @classmethod
    def handler(
        cls,
        callback: Callable[[Update, Any, Self], Awaitable[object]],
        when: Callable[[Self], bool] | None = None,
    ) -> Any:
        """A handler for this kind's presses only (and of those, the ones `when` accepts);
        garbage never reaches `callback`."""

        def wanted(data: object) -> bool:
            press = cls.parse(data)
            return press is not None and (when is None or when(press))

        async def run(update: Update, context: Any) -> object:
            press = cls.of(update)
            assert press is not None  # the pattern let only parseable data through
            if not await admitted(update, context, cls.ACCESS, press):
                return None
            return await callback(update, context, press)

        return CallbackQueryHandler(run, pattern=wanted)


def pressed(
    callback: Callable[[Update, Any, Any], Awaitable[object]],
    when: Callable[[Any], bool] | None = None,
) -> Any:
    """The handler of the button kind a callback takes as its third parameter, read from
    that parameter's annotation (`press: MoveRecord`, or `MoveRecord | None` where the
    callback also serves another way in), so a list of callbacks wires a feature's buttons.
    `when` narrows the presses taken, as in `Button.handler`."""
    hint = _press_hint(inspect.unwrap(callback))
    kinds = [k for k in typing.get_args(hint) or (hint,) if k is not type(None)]
    if len(kinds) != 1 or not (isinstance(kinds[0], type) and issubclass(kinds[0], Button)):
        raise TypeError(f"{callback.__qualname__} takes no single button kind: {hint!r}")
    return kinds[0].handler(callback, when)


def _press_hint(function: Any) -> Any:
    """The third parameter's annotation, evaluated alone: every hint of the eighty callbacks
    wired this way, evaluated at each start, would slow it."""
    third = function.__code__.co_varnames[3 if inspect.ismethod(function) else 2]
    alone = types.SimpleNamespace(__annotations__={third: function.__annotations__[third]})
    return typing.get_type_hints(alone, globalns=function.__globals__)[third]


def parse_any(data: object) -> Button | None:
    """The press of whichever declared kind packed `data`, if any."""
    if not isinstance(data, str):
        return None
    for kind in REGISTRY.values():
        press = kind.parse(data)
        if press is not None:
            return press
    return None


B = TypeVar("B", bound=type[Button])


@dataclass_transform(frozen_default=True)
def button(prefix: str) -> Callable[[B], B]:
    """Declare a button kind: a frozen dataclass whose fields are packed after `prefix`.

    The class becomes that dataclass when its first button is made or read: generating the
    methods of a hundred kinds at import would slow every start of the bot, and most kinds
    are not pressed in a given run.
    """
    if not _PREFIX.fullmatch(prefix):
        raise ValueError(f"bad button prefix {prefix!r}")

    def declare(cls: B) -> B:
        if prefix in REGISTRY and REGISTRY[prefix].__qualname__ != cls.__qualname__:
            raise ValueError(f"button prefix {prefix!r} declared twice")
        rule = cls.__dict__.get("ACCESS")
        if not isinstance(rule, Rule):
            raise TypeError(f"button {prefix!r} declares no ACCESS rule")
        # The annotations' names, not their types: resolving those waits for first use.
        if rule.field is not None and rule.field not in inspect.get_annotations(cls):
            raise TypeError(f"button {prefix!r}: ACCESS names no field {rule.field!r}")
        cls.PREFIX = prefix
        REGISTRY[prefix] = cls
        return cls

    return declare


# Background work may make a kind's first button in a thread of its own.
_declaring = threading.Lock()


def _as_dataclass(kind: type[Button]) -> type[Button]:
    if not kind.__dict__.get("_declared"):
        with _declaring:
            if not kind.__dict__.get("_declared"):
                dataclasses.dataclass(frozen=True)(kind)
                kind._declared = True
    return kind


class _Codec:
    def pack(self, value: Any) -> str:
        raise NotImplementedError

    def unpack(self, raw: str) -> Any:
        raise NotImplementedError


class _Int(_Codec):
    def pack(self, value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ID:
            raise ValueError(f"not a button id: {value!r}")
        return str(value)

    def unpack(self, raw: str) -> int:
        if not _DIGITS.fullmatch(raw) or int(raw) > MAX_ID:
            raise ValueError(raw)
        return int(raw)


class _Str(_Codec):
    def pack(self, value: Any) -> str:
        if not isinstance(value, str) or ":" in value:
            raise ValueError(f"not a button word: {value!r}")
        return value

    def unpack(self, raw: str) -> str:
        return raw


class _Bool(_Codec):
    def pack(self, value: Any) -> str:
        return "1" if value else "0"

    def unpack(self, raw: str) -> bool:
        if raw not in ("0", "1"):
            raise ValueError(raw)
        return raw == "1"


class _Choice(_Codec):
    def __init__(self, allowed: tuple[str, ...], convert: Callable[[str], Any] = str) -> None:
        self.allowed, self.convert = allowed, convert

    def pack(self, value: Any) -> str:
        raw = str(value.value if isinstance(value, enum.Enum) else value)
        if raw not in self.allowed:
            raise ValueError(f"{raw!r} is not one of {self.allowed}")
        return raw

    def unpack(self, raw: str) -> Any:
        if raw not in self.allowed:
            raise ValueError(raw)
        return self.convert(raw)


class _Optional(_Codec):
    def __init__(self, inner: _Codec) -> None:
        self.inner = inner

    def pack(self, value: Any) -> str:
        return "" if value is None else self.inner.pack(value)

    def unpack(self, raw: str) -> Any:
        return None if raw == "" else self.inner.unpack(raw)


def _codec_for(hint: Any) -> _Codec:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported button field type {hint!r}")
        return _Optional(_codec_for(args[0]))
    if origin is typing.Literal:
        return _Choice(tuple(str(a) for a in typing.get_args(hint)))
    if hint is bool:
        return _Bool()
    if hint is int:
        return _Int()
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _Choice(tuple(str(m.value) for m in hint), hint)
    if hint is str:
        return _Str()
    raise TypeError(f"unsupported button field type {hint!r}")
