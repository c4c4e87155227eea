"""A dict var sends only the keys that changed (`{"set": ..., "del": [...]}`) when that is
smaller than the whole dict; the page's order of keys follows Python's."""

from __future__ import annotations

import asyncio
import json

import pytest

import pyxjs as rx
from pyxjs.server.events import EventRunner
from pyxjs.server.protocol import Event, answer_frame


class DpState(rx.State):
    scores: dict[str, int] = {f"p{n}": n for n in range(10)}
    nested: dict[str, list[int]] = {"a": [1], "b": [2], "c": [3], "d": [4]}

    def score(self, player: str, points: int):
        self.scores[player] = points


@pytest.mark.parametrize(
    ("mutate", "part"),
    [
        (lambda d: d.__setitem__("p3", 30), {"set": {"p3": 30}}),
        (lambda d: d.__setitem__("new", 1), {"set": {"new": 1}}),
        (lambda d: d.__delitem__("p0"), {"del": ["p0"]}),
        (lambda d: d.pop("p1"), {"del": ["p1"]}),
        (lambda d: d.popitem(), {"del": ["p9"]}),
        (lambda d: d.update({"p2": 0, "x": 9}), {"set": {"p2": 0, "x": 9}}),
        (lambda d: d.__ior__({"y": 1}), {"set": {"y": 1}}),
        (lambda d: d.setdefault("z", 5), {"set": {"z": 5}}),
        # Deleted then inserted again: it moves to the end in Python, so the page deletes then sets.
        (lambda d: (d.pop("p0"), d.__setitem__("p0", 0)), {"set": {"p0": 0}, "del": ["p0"]}),
        # Inserted then deleted in one flush: only the delete (a no-op on the page).
        (lambda d: (d.__setitem__("tmp", 1), d.pop("tmp")), {"del": ["tmp"]}),
    ],
)
def test_key_operations_send_the_keys_they_touched(mutate, part):
    state = DpState()
    mutate(state.scores)
    assert state.pyx_take_delta() == ({}, {"scores": part})


@pytest.mark.parametrize("mutate", [
    lambda d: d.clear(),
    lambda d: d.update({f"p{n}": -n for n in range(10)}),  # every key: the whole dict is as small
])
def test_whole_dict_operations_send_the_whole_value(mutate):
    state = DpState()
    mutate(state.scores)
    whole, tails = state.pyx_take_delta()
    assert tails is None and whole == {"scores": state.scores}


def test_a_change_inside_a_value_or_a_reassignment_sends_the_whole_var():
    state = DpState()
    state.nested["a"].append(5)
    assert state.pyx_take_delta() == ({"nested": state.nested}, None)
    state.scores["p1"] = 100
    state.scores = {"only": 1}
    assert state.pyx_take_delta() == ({"scores": {"only": 1}}, None)


def test_a_failed_handler_rolls_key_changes_back():
    state = DpState()
    state.scores["p1"] = 100
    del state.scores["p2"]
    state.pyx_rollback()
    assert state.scores == {f"p{n}": n for n in range(10)}
    assert state.pyx_take_delta() == ({}, None)


def test_setting_one_key_of_a_thousand_sends_one_key():
    state = DpState()
    state.scores = {f"player {n}": n for n in range(1000)}
    state.pyx_take_delta()
    outcome = asyncio.run(EventRunner([DpState]).run(Event(3, "dp_state.score", ["player 500", 7]), {"dp_state": state}))
    frame = answer_frame(3, outcome.delta, outcome.error, outcome.patch)
    assert json.loads(frame) == {"type": "delta", "id": 3, "patch": {"dp_state": {"scores": {"set": {"player 500": 7}}}}}
