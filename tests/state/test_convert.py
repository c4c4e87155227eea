"""Event arguments converted against the handler's type hints, or a clear reason why not."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from typing import Any, Literal, Optional

import pytest

from pyxjs.state.convert import BadValue, converter_for


@dataclasses.dataclass
class ConvItem:
    name: str
    qty: int = 1
    tags: list[str] = dataclasses.field(default_factory=list)


class ConvColor(enum.Enum):
    RED = "red"


@pytest.mark.parametrize(
    ("annotation", "value", "expected"),
    [
        (int, "5", 5), (int, 5.0, 5), (int, 7, 7), (float, "2.5", 2.5), (float, 3, 3.0), (str, "x", "x"),
        (str, 5, "5"), (bool, True, True), (bool, "false", False), (Any, {"a": 1}, {"a": 1}),
        (list[int], ["1", 2], [1, 2]), (list, [1, "a"], [1, "a"]), (set[str], ["a", "a"], {"a"}),
        (tuple[int, str], [1, "a"], (1, "a")), (tuple[int, ...], [1, "2"], (1, 2)),
        (dict[str, int], {"a": "1"}, {"a": 1}), (dict[int, str], {"1": "x"}, {1: "x"}),
        (Optional[int], None, None), (Optional[int], "3", 3), (int | str, "5", "5"), (int | str, 5, 5),
        (Literal["a", "b"], "b", "b"), (ConvColor, "red", ConvColor.RED),
        (datetime.date, "2024-02-03", datetime.date(2024, 2, 3)),
        (ConvItem, {"name": "pen", "qty": "2", "tags": ["x"]}, ConvItem("pen", 2, ["x"])),
        (list[ConvItem], [{"name": "a"}], [ConvItem("a")]),
    ],
)
def test_converts(annotation, value, expected):
    result = converter_for(annotation)(value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    ("annotation", "value", "expected", "path"),
    [
        (int, "a", "int", ""), (int, True, "int", ""), (int, 1.5, "int", ""), (str, {"a": 1}, "str", ""),
        (float, "nan", "float", ""), (bool, "yes", "bool", ""), (list[int], [1, "x"], "int", "[1]"),
        (dict[str, int], {"k": "v"}, "int", "['k']"), (Optional[int], "x", "Optional[int]", ""),
        (Literal["a"], "c", "Literal['a']", ""), (ConvItem, {"qty": 1}, "ConvItem with field 'name'", ""),
        (ConvItem, {"name": "a", "colour": 1}, "ConvItem (fields: name, qty, tags)", ".colour"),
        (ConvItem, {"name": "a", "tags": [1, {}]}, "str", ".tags[1]"), (list[str], "abc", "list[str]", ""),
    ],
)
def test_refuses_with_the_expected_type_and_where(annotation, value, expected, path):
    with pytest.raises(BadValue) as info:
        converter_for(annotation)(value)
    assert info.value.expected == expected
    assert info.value.path == path
