"""Unit tests of pyxjs/server/protocol.py: parsing client frames, building server frames, tokens."""

from __future__ import annotations

import json
import math

import pytest
from serverkit import strict_json

from pyxjs.server.protocol import (
    Event,
    ProtocolError,
    accept_token,
    answer_frame,
    delta_frame,
    error_frame,
    hydrate_frame,
    is_valid_token,
    new_token,
    parse_event,
)

# --- parse_event ----------------------------------------------------------------------------


def test_parses_a_full_event():
    assert parse_event('{"id": 7, "handler": "github_state.set_username", "args": ["octocat"]}') == Event(
        7, "github_state.set_username", ["octocat"]
    )


def test_omitted_args_mean_an_empty_list():
    assert parse_event('{"id": 1, "handler": "s.h"}') == Event(1, "s.h", [])


def test_unknown_keys_are_ignored_for_forward_compatibility():
    assert parse_event('{"id": 1, "handler": "s.h", "args": [], "future": true}') == Event(1, "s.h", [])


@pytest.mark.parametrize("text", ["{not json", "", "[1,", "\x00", "[" * 100_000])
def test_non_json_is_bad_json_without_id(text):
    error = parse_event(text)
    assert isinstance(error, ProtocolError)
    assert (error.code, error.id) == ("bad_json", None)


@pytest.mark.parametrize(
    ("text", "expected_id", "mentions"),
    [
        ("[1, 2]", None, "object"),
        ('"hello"', None, "object"),
        ("null", None, "object"),
        ('{"handler": "s.h"}', None, "missing"),
        ('{"id": "7", "handler": "s.h"}', None, "'id'"),
        ('{"id": 0, "handler": "s.h"}', None, "'id'"),
        ('{"id": -3, "handler": "s.h"}', None, "'id'"),
        ('{"id": 1.5, "handler": "s.h"}', None, "'id'"),
        ('{"id": true, "handler": "s.h"}', None, "'id'"),
        ('{"id": 4}', 4, "'handler'"),
        ('{"id": 4, "handler": 12}', 4, "'handler'"),
        ('{"id": 4, "handler": "s.h", "args": {"a": 1}}', 4, "'args'"),
        ('{"id": 4, "handler": "s.h", "args": "x"}', 4, "'args'"),
        ('{"id": 4, "handler": "s.h", "args": null}', 4, "'args'"),
    ],
)
def test_wrong_shapes_are_bad_message(text, expected_id, mentions):
    error = parse_event(text)
    assert isinstance(error, ProtocolError)
    assert error.code == "bad_message"
    assert error.id == expected_id  # the id is echoed once it is known, so the page can match it
    assert mentions in error.message


# --- frames ---------------------------------------------------------------------------------


def test_hydrate_frame_is_compact_json():
    text = hydrate_frame("tok", {"github_state": {"username": "reflex-dev", "n": [1, 2]}})
    assert text == '{"type":"hydrate","token":"tok","state":{"github_state":{"username":"reflex-dev","n":[1,2]}}}'


def test_delta_frame_is_compact_and_keeps_an_empty_delta():
    assert delta_frame(7, {"s": {"a": 1}}) == '{"type":"delta","id":7,"delta":{"s":{"a":1}}}'
    assert delta_frame(8, {}) == '{"type":"delta","id":8,"delta":{}}'


def test_error_frame_carries_delta_only_when_there_is_one():
    error = ProtocolError("handler_failed", "s.h raised ValueError: no", 3)
    assert strict_json(error_frame(error)) == {
        "type": "error",
        "id": 3,
        "error": {"code": "handler_failed", "message": "s.h raised ValueError: no"},
    }
    with_delta = strict_json(error_frame(error, {"s": {"a": 2}}))
    assert with_delta["delta"] == {"s": {"a": 2}}
    assert ", " not in error_frame(error, {"s": {"a": 2}}).replace("s.h raised ValueError: no", "")


def test_bad_json_error_has_null_id():
    assert strict_json(error_frame(ProtocolError("bad_json", "nope")))["id"] is None


def test_answer_frame_without_error_is_a_delta():
    assert strict_json(answer_frame(5, {"s": {"a": 1}})) == {"type": "delta", "id": 5, "delta": {"s": {"a": 1}}}


@pytest.mark.parametrize("bad_value", [math.nan, math.inf, object()])
def test_values_json_cannot_carry_become_handler_failed_keeping_the_rest(bad_value):
    frame = strict_json(answer_frame(5, {"s": {"ok": 1, "bad": bad_value}, "t": {"x": "y"}}))
    assert frame["type"] == "error"
    assert frame["id"] == 5
    assert frame["error"]["code"] == "handler_failed"
    assert "s.bad" in frame["error"]["message"]
    assert frame["delta"] == {"s": {"ok": 1}, "t": {"x": "y"}}


def test_unencodable_values_after_a_handler_error_keep_that_error():
    error = ProtocolError("handler_failed", "s.h raised KeyError: 'k'", 9)
    frame = strict_json(answer_frame(9, {"s": {"bad": object()}}, error))
    assert frame["error"]["message"].startswith("s.h raised KeyError")
    assert "s.bad" in frame["error"]["message"]
    assert "delta" not in frame


def test_non_ascii_survives_the_round_trip():
    assert json.loads(delta_frame(1, {"s": {"name": "Zoë 🦊"}}))["delta"]["s"]["name"] == "Zoë 🦊"


# --- tokens ---------------------------------------------------------------------------------


@pytest.mark.parametrize("token", ["a", "A-z_09", "x" * 64, "3b1f0c0e9d2a4c6e"])
def test_valid_tokens(token):
    assert is_valid_token(token)
    assert accept_token(token) == token


@pytest.mark.parametrize("token", [None, "", "x" * 65, "has space", "dot.ted", "é", "a\n", "a/b", "%41"])
def test_invalid_tokens_are_replaced(token):
    assert not is_valid_token(token)
    replacement = accept_token(token)
    assert replacement != token
    assert is_valid_token(replacement)


def test_new_tokens_are_valid_and_distinct():
    tokens = {new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(is_valid_token(t) for t in tokens)
