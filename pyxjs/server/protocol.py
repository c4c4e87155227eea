"""The websocket protocol (docs/protocol.md) as plain data: parse client frames, build server frames.

No aiohttp here: the transport hands us text and sends the text we return, so this module
is tested without a socket and a second transport could reuse it unchanged.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from pyxjs.state import serialize

ErrorCode = Literal["bad_json", "bad_message", "unknown_handler", "bad_args", "handler_failed"]

# A delta or snapshot: {state name: {var name: value}}.
StateMap = dict[str, dict[str, Any]]

_TOKEN: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")

_MISSING: Final = object()  # tells "key absent" from "key is null" in error messages

# Compact, no NaN (the browser's JSON.parse rejects it), and one registry for non-JSON values.
_encode = serialize.encode


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    handler: str
    args: list[Any] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ProtocolError:
    """Why a frame or an event could not be used; becomes one error frame."""

    code: ErrorCode
    message: str
    id: int | None = None


# --- tokens -------------------------------------------------------------------------------


def is_valid_token(token: object) -> bool:
    return isinstance(token, str) and _TOKEN.fullmatch(token) is not None


def new_token() -> str:
    # 12 random bytes -> 16 URL-safe characters, all inside the token alphabet.
    return secrets.token_urlsafe(12)


def accept_token(token: str | None) -> str:
    """The client's token if well-formed, else a fresh one (the hydrate tells the page)."""
    return token if is_valid_token(token) else new_token()


# --- client -> server ---------------------------------------------------------------------


def parse_event(text: str) -> Event | ProtocolError:
    try:
        message = json.loads(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly nested input
        return ProtocolError("bad_json", f"frame is not JSON: {exc}")
    if not isinstance(message, dict):
        return ProtocolError("bad_message", f"expected a JSON object, got {_json_type(message)}")
    event_id = message.get("id", _MISSING)
    # bool is an int subclass in Python, but `true` is not an id.
    if type(event_id) is not int or event_id <= 0:
        return ProtocolError("bad_message", f"'id' must be a positive integer, got {_short(event_id)}")
    handler = message.get("handler", _MISSING)
    if not isinstance(handler, str):
        return ProtocolError(
            "bad_message", f"'handler' must be a string like \"state_name.method\", got {_short(handler)}", event_id
        )
    args = message.get("args", [])
    if not isinstance(args, list):
        return ProtocolError("bad_message", f"'args' must be a list, got {_json_type(args)}", event_id)
    return Event(event_id, handler, args)


# --- server -> client ---------------------------------------------------------------------


def hydrate_frame(token: str, state: StateMap) -> str:
    return _encode({"type": "hydrate", "token": token, "state": state})


def delta_frame(
    event_id: int,
    delta: StateMap,
    patch: StateMap | None = None,
    actions: Sequence[Any] = (),
    final: bool = True,
) -> str:
    frame: dict[str, Any] = {"type": "delta", "id": event_id}
    if delta or not patch:  # an append alone sends only its tail: no empty "delta" to pay for
        frame["delta"] = delta
    if patch:
        frame["patch"] = patch
    if actions:
        frame["actions"] = [action.to_json() for action in actions]
    if not final:
        frame["final"] = False
    return _encode(frame)


def error_frame(
    error: ProtocolError,
    delta: StateMap | None = None,
    patch: StateMap | None = None,
    actions: Sequence[Any] = (),
) -> str:
    frame: dict[str, Any] = {
        "type": "error",
        "id": error.id,
        "error": {"code": error.code, "message": error.message},
    }
    if delta:
        frame["delta"] = delta
    if patch:
        frame["patch"] = patch
    if actions:
        frame["actions"] = [action.to_json() for action in actions]
    return _encode(frame)


def answer_frame(
    event_id: int,
    delta: StateMap,
    error: ProtocolError | None = None,
    patch: StateMap | None = None,
    actions: Sequence[Any] = (),
    final: bool = True,
) -> str:
    """A frame for an event: a delta (the final answer, or one sent at a `yield`), or an
    error carrying what changed before it.

    A value JSON cannot carry (NaN, an object without a serializer) must not cost the client
    its whole answer: such vars are left out and named in a handler_failed error instead.
    """
    try:
        if error is None:
            return delta_frame(event_id, delta, patch, actions, final)
        return error_frame(error, delta, patch, actions)
    except (TypeError, ValueError):
        pass
    delta, bad = split_unencodable(delta)
    patch, bad_tails = split_unencodable(patch or {})
    problem = f"not sent, JSON cannot carry their values: {', '.join(bad + bad_tails)}"
    if error is None:
        error = ProtocolError("handler_failed", problem, event_id)
    else:
        error = ProtocolError(error.code, f"{error.message}; {problem}", error.id)
    try:
        return error_frame(error, delta, patch, actions)
    except (TypeError, ValueError):  # an action's args cannot encode either
        return error_frame(ProtocolError(error.code, error.message + "; client actions dropped", error.id), delta, patch)


def split_unencodable(states: StateMap) -> tuple[StateMap, list[str]]:
    """Drop the vars whose values do not encode; return what is left and "state.var" names dropped."""
    kept: StateMap = {}
    bad: list[str] = []
    for state_name, values in states.items():
        good = {}
        for var, value in values.items():
            try:
                _encode(value)
            except (TypeError, ValueError):
                bad.append(f"{state_name}.{var} ({type(value).__name__})")
                continue
            good[var] = value
        if good:
            kept[state_name] = good
    return kept, bad


def encode(value: Any) -> str:
    """Compact JSON as the server sends it (raises TypeError/ValueError on non-JSON values)."""
    return _encode(value)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _short(value: object) -> str:
    if value is _MISSING:
        return "nothing (the key is missing)"
    text = json.dumps(value) if value is None or isinstance(value, (bool, int, float, str)) else _json_type(value)
    return text if len(text) <= 40 else text[:37] + "..."
