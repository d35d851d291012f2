"""The button codec: one declaration packs, matches and parses; garbage parses to nothing."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

import pytest
from telegram import CallbackQuery, Update, User

import bot.app  # noqa: F401  (declares every feature's buttons)
from handlers.shared.access import ANYONE, Rule, Subject
from handlers.shared.buttons import MAX_ID, REGISTRY, Button, button, parse_any, pressed


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@button("tst:rec")
class RecordPress(Button):
    ACCESS = ANYONE
    record: int
    status: Literal["pledged", "received"]


@button("tst:opt")
class OptionalPress(Button):
    ACCESS = ANYONE
    page: int | None
    colour: Colour
    again: bool


@button("tst:home")
class HomePress(Button):
    ACCESS = ANYONE


def test_packs_and_parses_back() -> None:
    press = RecordPress(record=7, status="received")
    assert press.data() == "tst:rec:7:received"
    assert RecordPress.parse(press.data()) == press
    assert parse_any("tst:rec:7:received") == press
    assert OptionalPress.parse(OptionalPress(None, Colour.BLUE, True).data()) == OptionalPress(
        None, Colour.BLUE, True
    )
    assert OptionalPress.parse("tst:opt::blue:1") == OptionalPress(None, Colour.BLUE, True)
    assert HomePress.parse("tst:home") == HomePress()
    assert HomePress.parse("tst:home:1") is None


@pytest.mark.parametrize(
    "data",
    [
        "tst:rec:²:received",  # a digit str.isdigit() accepts and int() refuses
        "tst:rec:٣:received",  # an Arabic-Indic digit
        f"tst:rec:{MAX_ID + 1}:received",  # beyond SQLite's integer range
        "tst:rec:-1:received",
        "tst:rec:7:stolen",
        "tst:rec:7",
        "tst:rec:7:received:extra",
        "tst:rec: 7:received",
        "tst:opt:1:green:1",
        "tst:opt:1:red:2",
        "x" * 64,
        "",
    ],
)
def test_garbage_parses_to_nothing(data: str) -> None:
    assert RecordPress.parse(data) is None
    assert OptionalPress.parse(data) is None
    assert parse_any(data) is None or data.startswith("tst:home")


def test_packing_refuses_what_it_could_not_parse_back() -> None:
    with pytest.raises(ValueError):
        RecordPress(record=-1, status="received").data()
    with pytest.raises(ValueError):
        RecordPress(record=1, status="lost").data()  # type: ignore[arg-type]


def test_callback_data_over_64_bytes_is_refused() -> None:
    @button("tst:long")
    class LongPress(Button):
        ACCESS = ANYONE
        word: str

    assert LongPress("a" * 50).data()
    with pytest.raises(ValueError):
        LongPress("б" * 40).data()  # 80 bytes in UTF-8
    with pytest.raises(ValueError):
        LongPress("a:b").data()


def test_a_prefix_is_declared_once() -> None:
    with pytest.raises(ValueError):

        @button("tst:rec")
        class Again(Button):
            ACCESS = ANYONE
            other: int


async def _move(update: Any, context: Any, press: RecordPress) -> None:
    pass


async def _home(update: Any, context: Any, _press: HomePress | None = None) -> None:
    pass


async def _untyped(update: Any, context: Any, press: object) -> None:
    pass


def test_a_callback_is_wired_to_the_kind_it_takes() -> None:
    assert pressed(_move).check_update(_press_update("tst:rec:7:received"))
    assert not pressed(_move).check_update(_press_update("tst:home"))
    assert pressed(_home).check_update(_press_update("tst:home"))
    assert not pressed(_home).check_update(_press_update("tst:rec:7:received"))
    with pytest.raises(TypeError):
        pressed(_untyped)


def _press_update(data: str) -> Update:
    user = User(1, "Olena", False)
    return Update(1, callback_query=CallbackQuery("1", user, "1", data=data))


def test_every_declared_kind_of_the_bot_has_fields_the_codec_packs() -> None:
    for kind in REGISTRY.values():
        assert kind._codecs() is not None, kind


def test_a_button_without_an_access_rule_is_refused_at_declaration() -> None:
    with pytest.raises(TypeError, match="ACCESS"):

        @button("tst:bare")
        class Bare(Button):
            item: int

    with pytest.raises(TypeError, match="field"):

        @button("tst:wrong")
        class Wrong(Button):
            ACCESS = Rule(Subject.VISIT, "visit")
            item: int

    assert "tst:bare" not in REGISTRY and "tst:wrong" not in REGISTRY
