"""Reflex's `reflex.utils.serializers`: `@serializer` registers how a type of yours is sent to the
page (pyxjs/state/serialize.py, the one encoder of every frame)."""

from __future__ import annotations

from typing import Any

from pyxjs.reflex_paths import module_getattr
from pyxjs.state.serialize import encode, serializer

__all__ = ["serialize", "serializer"]


def serialize(value: Any) -> Any:
    """The JSON value the page receives for `value` (what a var holding it sends)."""
    import json

    return json.loads(encode(value))


__getattr__ = module_getattr(__name__, hints={"get_serializer": "call `serialize(value)` to see what is sent",
                                              "to_json": "call `serialize(value)` to see what is sent"})
