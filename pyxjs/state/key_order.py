"""Dict key order for the page. A JS object lists integer-like keys ("2", "10") first, in numeric
order, whatever order they were set in; JSON.parse builds such objects. A Python dict keeps
insertion order, which is what the page must show and iterate. So a frame whose values hold
dicts with such keys carries, beside them, each such dict's key order (docs/protocol.md, "order").

Cost: the encoded frame is searched for a key ending in a digit first (one substring search over
text the C encoder just built); only frames that have one are walked.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from typing import Any

from pyxjs.state.frame_values import frame_values

# A key ending in a digit shows in JSON text as `9":` (inside a str value a quote is escaped, so
# this only ever ends a key). Mapping digits to 0 first makes it one substring search, several
# times faster than a regex over the frame; a key like "item1" only costs a walk.
_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")
_MAX_INDEX = 2**32 - 2  # JS array indexes: the keys objects list first


def _json_key(key: Any) -> str | None:
    """The key as JSON spells it, when it is one JS would move (else None)."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return str(key) if 0 <= key <= _MAX_INDEX else None
    if isinstance(key, str) and key.isascii() and key.isdigit() and (key == "0" or key[0] != "0") \
            and len(key) <= 10 and int(key) <= _MAX_INDEX:
        return key
    return None


def moves(keys: Any) -> bool:
    """Whether JS would list these keys in another order: an index key after a non-index one, or
    index keys out of numeric order."""
    if not any(isinstance(k, int) or (isinstance(k, str) and k[:1].isdigit()) for k in keys):
        return False  # the common case, decided without parsing a key
    last_index = -1
    seen_other = False
    for key in keys:
        text = _json_key(key)
        if text is None:
            seen_other = True
            continue
        if seen_other or int(text) < last_index:
            return True
        last_index = int(text)
    return False


def key_orders(value: Any, path: tuple = ()) -> list[list[Any]]:
    """[[path, keys], ...] for each dict inside `value` whose order JS would change."""
    found: list[list[Any]] = []
    _walk(value, path, found)
    return found


_CONTAINERS = (dict, list, tuple, deque)
_SCALARS = (str, int, float, type(None))


def _nested(item: Any) -> bool:
    return isinstance(item, _CONTAINERS) or (not isinstance(item, _SCALARS) and dataclasses.is_dataclass(item))


def _walk(value: Any, path: tuple, found: list[list[Any]]) -> None:
    if isinstance(value, dict):
        if moves(value):
            found.append([list(path), [k if isinstance(k, str) else _text_key(k) for k in value]])
        for key, item in value.items():
            if _nested(item):
                _walk(item, (*path, key if isinstance(key, str) else _text_key(key)), found)
    elif isinstance(value, (list, tuple, deque)):
        for index, item in enumerate(value):
            if _nested(item):
                _walk(item, (*path, index), found)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _walk(getattr(value, field.name), (*path, field.name), found)


def _text_key(key: Any) -> str:
    # json.dumps's spelling of a non-str key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, float):
        return repr(key)
    return str(key)


def order_table(message: dict[str, Any]) -> dict[str, dict[str, list]]:
    """The "order" entry of a frame: {state: {var: [[path, keys], ...]}} over its state values."""
    table: dict[str, dict[str, list]] = {}
    for state, var, value in frame_values(message):
        entries = key_orders(value)
        if entries:
            table.setdefault(state, {})[var] = entries
    return table


def with_key_orders(text: str, message: dict[str, Any], encode: Any) -> str:
    """The encoded frame `text` of `message`, with its "order" entry when it needs one."""
    if '0":' not in text.translate(_DIGITS_TO_ZERO):
        return text
    table = order_table(message)
    if not table:
        return text
    return text[:-1] + ',"order":' + encode(table) + "}"
