"""Whole floats in frames (pyxjs/state/float_marks.py): JSON's 4.0 is JS's 4, so a frame names
the whole floats inside vars whose type the compiler cannot know, for the page to print 4.0."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pyxjs as rx
from pyxjs.server.protocol import delta_frame, hydrate_frame
from pyxjs.state.float_marks import whole_float_paths


@dataclass
class Point:
    x: float = 0.0
    tag: Any = None


class FloatMarksState(rx.State):
    rows: list[dict] = []
    loose: list = []
    anything: Any = None
    prices: list[float] = []
    points: list[Point] = []
    named: dict[str, float] = {}
    by_name: dict[str, Any] = {}


def test_the_paths_of_whole_floats():
    value = [{"price": 4.0, "qty": 2, "ratio": 2.5}, [1.0, True, 1e300, -0.0], Point(3.0, {"k": 7.0})]
    assert whole_float_paths(value) == [[0, "price"], [1, 0], [1, 3], [2, "x"], [2, "tag", "k"]]
    assert whole_float_paths(4.0) == []  # a bare var's own value is no item of a list or dict


def test_only_vars_the_compiler_cannot_type_are_marked():
    name = FloatMarksState._pyx_name
    delta = {name: {"rows": [{"price": 4.0}], "loose": [1.0], "anything": {"a": 2.0}, "prices": [1.0],
                    "points": [Point(2.0)], "named": {"a": 1.0}, "by_name": {"a": 1.0}}}
    frame = json.loads(delta_frame(1, delta))
    # Point has a field typed Any, so points is walked whole (the mark on x is unused: x is typed)
    assert frame["floats"] == {name: {"rows": [[0, "price"]], "loose": [[0]], "anything": [["a"]],
                                      "points": [[0, "x"]], "by_name": [["a"]]}}


def test_frames_without_whole_floats_say_nothing():
    name = FloatMarksState._pyx_name
    assert "floats" not in json.loads(delta_frame(1, {name: {"rows": [{"price": 4.5, "qty": 2}]}}))
    assert "floats" not in json.loads(delta_frame(1, {name: {"rows": [{"note": "x.0,"}]}}))  # text, not a float
    hydrate = json.loads(hydrate_frame("tok", {name: {"rows": [], "loose": [3, 3.0]}}))
    assert hydrate["floats"] == {name: {"loose": [[1]]}}


def test_patch_parts_are_marked_where_they_are():
    name = FloatMarksState._pyx_name
    frame = json.loads(delta_frame(1, {}, {name: {"rows": {"at": 5, "add": [{"price": 1.0}]},
                                               "by_name": {"set": {"b": 2.0}}}}))
    assert frame["floats"] == {name: {"rows": [["add", 0, "price"]], "by_name": [["set", "b"]]}}


class DeclaredFloatState(rx.State):
    paid: float = 0.0
    maybe: float | None = None
    count: int = 0
    flag: bool = False

    @rx.var
    def spent(self) -> float:
        return sum([])


def test_vars_declared_float_that_hold_an_int_are_named():
    name = DeclaredFloatState._pyx_name
    frame = json.loads(delta_frame(1, {name: {"paid": 3, "maybe": 2, "count": 4, "flag": True, "spent": 0}}))
    assert frame["ints"] == {name: ["paid", "maybe", "spent"]}
    assert "ints" not in json.loads(delta_frame(2, {name: {"paid": 3.0, "maybe": None, "count": 4}}))
