"""The websocket protocol (docs/protocol.md) as plain data: parse client frames, build server frames.

No aiohttp here: the transport hands us text and sends the text we return, so this module
is tested without a socket and a second transport could reuse it unchanged.
"""

from __future__ import annotations

import dataclasses
import json
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from pyxjs.state import serialize
from pyxjs.state.float_marks import with_float_marks
from pyxjs.state.key_order import with_key_orders

ErrorCode = Literal[
    "bad_json", "bad_message", "unknown_handler", "bad_args", "handler_failed", "rate_limited", "state_too_large",
]

# A delta or snapshot: {state name: {var name: value}}.
StateMap = dict[str, dict[str, Any]]

_TOKEN: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")

# Longest route path or query the page may send (browsers cap URLs at a few KB in practice).
MAX_PATH: Final = 8192

# Largest id the page may use: a JS number above it is no longer exact.
MAX_ID: Final = 2**53 - 1

_MISSING: Final = object()  # tells "key absent" from "key is null" in error messages

# Compact, no NaN (the browser's JSON.parse rejects it), and one registry for non-JSON values.
_encode = serialize.encode


def _encode_frame(message: dict[str, Any]) -> str:
    """A frame carrying state values: with what JSON cannot say of them (docs/protocol.md): their
    dicts' key order where JS would change it, and their whole floats where the page cannot tell."""
    return with_value_marks(_encode(message), message, _encode)


def with_value_marks(text: str, message: dict[str, Any], encode: Any) -> str:
    return with_float_marks(with_key_orders(text, message, encode), message, encode)


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    handler: str
    args: list[Any] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Route:
    """Where the page is: `location.pathname` and `location.search` without its `?`."""

    path: str
    query: str = ""


@dataclass(frozen=True, slots=True)
class HydrateRequest:
    """The page's first frame on a connection: where it is and its client-storage values."""

    route: Route | None = None
    storage: StateMap = field(default_factory=dict)  # {state: {var: stored text or None}}
    load: bool = False  # the page's first connection (a load), not a reconnect


@dataclass(frozen=True, slots=True)
class Navigate:
    """The page loaded or moved to `route`: run that page's on_load handlers."""

    id: int
    route: Route


@dataclass(frozen=True, slots=True)
class StorageUpdate:
    """Another tab changed synced client-storage vars: {state: {var: stored text or None}}."""

    id: int
    values: StateMap


@dataclass(frozen=True, slots=True)
class ProtocolError:
    """Why a frame or an event could not be used; becomes one error frame."""

    code: ErrorCode
    message: str
    id: int | None = None
    error_id: str | None = None  # names the server log's entry for a failure (handler_failed)
    traceback: str | None = None  # only in development (--dev)


ClientFrame = Event | HydrateRequest | Navigate | StorageUpdate


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
    """An event frame (the hot path); any other frame type is a bad_message here."""
    frame = parse_frame(text)
    if isinstance(frame, (Event, ProtocolError)):
        return frame
    return ProtocolError("bad_message", f"expected an event frame, got a {type(frame).__name__} frame", getattr(frame, "id", None))


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if value - value != 0.0:  # inf (1e999 overflows to it): no JSON number stands for it
        raise ValueError(f"{text} is not JSON here: it is too large for a number")
    return value


# NaN and Infinity are Python's extensions, not JSON: a NaN var could never be sent back, and
# neither could the infinity a number past float's range (1e999) would become.
_decoder = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)
_decode = _decoder.decode
_scan = _decoder.scan_once  # the C scanner decode() wraps, without its two whitespace regexes


def _loads(text: str) -> Any:
    """`_decode(text)`, faster for a frame with no whitespace around the value (the page's
    JSON.stringify writes none); anything else takes decode's path and its error messages."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        return _decode(text)
    if end != len(text):
        return _decode(text)
    return value


def parse_frame(text: str) -> ClientFrame | ProtocolError:
    """Any client frame: an event (no `type`), or a hydrate request, navigate or storage frame."""
    try:
        message = _loads(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly nested input
        return ProtocolError("bad_json", f"frame is not JSON: {exc}")
    if not isinstance(message, dict):
        return ProtocolError("bad_message", f"expected a JSON object, got {_json_type(message)}")
    kind = message.get("type")
    if kind is None:
        return _event(message)
    if kind == "hydrate":
        return _hydrate_request(message)
    if kind not in ("navigate", "storage"):
        return ProtocolError("bad_message", f"unknown frame type {_short(kind)}; expected an event, \"hydrate\", \"navigate\" or \"storage\"")
    event_id = message.get("id", _MISSING)
    if type(event_id) is not int or not 0 < event_id <= MAX_ID:
        return ProtocolError("bad_message", f"'id' must be a positive integer up to 2**53-1, got {_short(event_id)}")
    if kind == "navigate":
        route = _route(message.get("route", _MISSING))
        if isinstance(route, str):
            return ProtocolError("bad_message", route, event_id)
        return Navigate(event_id, route)
    values = _storage_values(message.get("values", _MISSING), "values")
    if isinstance(values, str):
        return ProtocolError("bad_message", values, event_id)
    return StorageUpdate(event_id, values)


def _event(message: dict[str, Any]) -> Event | ProtocolError:
    event_id = message.get("id", _MISSING)
    # bool is an int subclass in Python, but `true` is not an id.
    if type(event_id) is not int or not 0 < event_id <= MAX_ID:
        return ProtocolError("bad_message", f"'id' must be a positive integer up to 2**53-1, got {_short(event_id)}")
    handler = message.get("handler", _MISSING)
    if not isinstance(handler, str):
        return ProtocolError(
            "bad_message", f"'handler' must be a string like \"state_name.method\", got {_short(handler)}", event_id
        )
    args = message.get("args", [])
    if not isinstance(args, list):
        return ProtocolError("bad_message", f"'args' must be a list, got {_json_type(args)}", event_id)
    return Event(event_id, handler, args)


def _hydrate_request(message: dict[str, Any]) -> HydrateRequest | ProtocolError:
    raw_route = message.get("route")
    route = None if raw_route is None else _route(raw_route)
    if isinstance(route, str):
        return ProtocolError("bad_message", f"hydrate: {route}")
    storage = _storage_values(message.get("storage", {}), "storage")
    if isinstance(storage, str):
        return ProtocolError("bad_message", f"hydrate: {storage}")
    load = message.get("load", False)
    if type(load) is not bool:
        return ProtocolError("bad_message", f"hydrate: 'load' must be true or false, got {_short(load)}")
    return HydrateRequest(route, storage, load)


def _route(value: Any) -> Route | str:
    """A Route, or why the value is not one."""
    if not isinstance(value, dict):
        return f"'route' must be an object like {{\"path\": \"/\", \"query\": \"\"}}, got {_short(value)}"
    path = value.get("path", _MISSING)
    if not isinstance(path, str) or not path.startswith("/") or len(path) > MAX_PATH:
        return f"'route.path' must be a string starting with / (at most {MAX_PATH} characters), got {_short(path)}"
    query = value.get("query", "")
    if not isinstance(query, str) or len(query) > MAX_PATH:
        return f"'route.query' must be a string (at most {MAX_PATH} characters), got {_short(query)}"
    return Route(path, query.removeprefix("?"))


def _storage_values(value: Any, key: str) -> StateMap | str:
    """{state: {var: stored string or null}}, or why the value is not that."""
    if not isinstance(value, dict):
        return f"'{key}' must be an object {{state: {{var: string}}}}, got {_short(value)}"
    for state, values in value.items():
        if not isinstance(values, dict):
            return f"'{key}.{state}' must be an object {{var: string}}, got {_short(values)}"
        for var, stored in values.items():
            if stored is not None and not isinstance(stored, str):
                return f"'{key}.{state}.{var}' must be the stored text (a string) or null, got {_short(stored)}"
    return value


# --- server -> client ---------------------------------------------------------------------


def hydrate_frame(token: str, state: StateMap, lost: str | None = None) -> str:
    return _encode_frame(hydrate_message(token, state, lost))


def hydrate_message(token: str, state: StateMap, lost: str | None = None) -> dict[str, Any]:
    """`lost`: why the token's state is gone ("expired", "evicted", "restarted"), so the page can say so."""
    frame: dict[str, Any] = {"type": "hydrate", "token": token, "state": state}
    if lost is not None:
        frame["lost"] = lost
    return frame


def delta_frame(
    event_id: int,
    delta: StateMap,
    patch: StateMap | None = None,
    actions: Sequence[Any] = (),
    final: bool = True,
) -> str:
    return _encode_frame(delta_message(event_id, delta, patch, actions, final))


def delta_message(
    event_id: int,
    delta: StateMap,
    patch: StateMap | None = None,
    actions: Sequence[Any] = (),
    final: bool = True,
) -> dict[str, Any]:
    frame: dict[str, Any] = {"type": "delta", "id": event_id}
    if delta or not patch:  # an append alone sends only its tail: no empty "delta" to pay for
        frame["delta"] = delta
    if patch:
        frame["patch"] = patch
    if actions:
        frame["actions"] = [action.to_json() for action in actions]
    if not final:
        frame["final"] = False
    return frame


def error_frame(
    error: ProtocolError,
    delta: StateMap | None = None,
    patch: StateMap | None = None,
    actions: Sequence[Any] = (),
) -> str:
    about: dict[str, Any] = {"code": error.code, "message": error.message}
    if error.error_id is not None:
        about["error_id"] = error.error_id
    if error.traceback is not None:
        about["traceback"] = error.traceback
    frame: dict[str, Any] = {"type": "error", "id": error.id, "error": about}
    if delta:
        frame["delta"] = delta
    if patch:
        frame["patch"] = patch
    if actions:
        frame["actions"] = [action.to_json() for action in actions]
    return _encode_frame(frame)


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
        error = dataclasses.replace(error, message=f"{error.message}; {problem}")
    try:
        return error_frame(error, delta, patch, actions)
    except (TypeError, ValueError):  # an action's args cannot encode either
        return error_frame(dataclasses.replace(error, message=error.message + "; client actions dropped"), delta, patch)


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
