"""Dict key order in frames (pyxjs/state/key_order.py): a dict whose keys a JS object would list
in another order (integer-like keys first) travels with its order, so the page shows Python's."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field

from pyxjs.server.large_frames import encode_yielding
from pyxjs.server.protocol import ProtocolError, delta_frame, error_frame, hydrate_frame, hydrate_message
from pyxjs.state.key_order import key_orders, moves


def test_which_key_orders_js_would_change():
    assert moves(["b", "2", "1"]) and moves(["2", "1"]) and moves([10, 9]) and moves(["a", "0"])
    assert not moves(["1", "2", "b"]) and not moves(["a", "b"]) and not moves([])
    # not array indexes, so JS keeps them where they are
    assert not moves(["b", "01", "-1", "1.5", " 1", "4294967295", "١"])
    assert moves(["b", "4294967294"])


def test_the_paths_of_the_dicts_that_need_their_order():
    @dataclass
    class Row:
        cells: dict = field(default_factory=lambda: {"b": 1, "3": 2})

    value = [{"a": 1}, {"x": {"2": 1, "1": 2}}, (Row(),), {2: "int keys", 1: "too"}]
    assert key_orders(value) == [[[1, "x"], ["2", "1"]], [[2, 0, "cells"], ["b", "3"]], [[3], ["2", "1"]]]
    assert key_orders({"1": 1, "2": {"a": 1}}) == []


def test_frames_carry_the_order_only_when_needed():
    plain = delta_frame(1, {"s": {"d": {"1": 2, "a": 1}, "n": 3}})
    assert "order" not in json.loads(plain)  # JS lists them as Python does: nothing to say
    frame = json.loads(delta_frame(2, {"s": {"d": {"b": 1, "2": 2, "1": 3}}},
                                   {"s": {"rows": {"at": 3, "add": [{"10": 0, "9": 1}]}}}))
    assert frame["order"] == {"s": {"d": [[[], ["b", "2", "1"]]], "rows": [[["add", 0], ["10", "9"]]]}}
    assert frame["delta"] == {"s": {"d": {"b": 1, "2": 2, "1": 3}}}
    hydrate = json.loads(hydrate_frame("tok", {"s": {"d": {"7": 1, "3": 2}}}))
    assert hydrate["order"] == {"s": {"d": [[[], ["7", "3"]]]}}
    error = json.loads(error_frame(ProtocolError("handler_failed", "x", 3), {"s": {"d": {"7": 1, "3": 2}}}))
    assert error["order"] == {"s": {"d": [[[], ["7", "3"]]]}}


def test_a_str_that_looks_like_a_key_costs_a_walk_but_adds_nothing():
    text = delta_frame(1, {"s": {"note": '{"2":1}'}})
    assert json.loads(text) == {"type": "delta", "id": 1, "delta": {"s": {"note": '{"2":1}'}}}


def test_large_frames_encoded_piecewise_carry_it_too():
    message = hydrate_message("tok", {"s": {"d": {"b": 1, "2": 2}}})
    assert json.loads(asyncio.run(encode_yielding(message)))["order"] == {"s": {"d": [[[], ["b", "2"]]]}}
