"""Frames carrying large values are encoded a piece at a time, yielding to the event loop between
pieces, so one client's big state never stalls the others' events.

The stdlib's C encoder holds the GIL for the whole value (a thread would not help: 31 MB took
180 ms during which no other client was answered). Its pure-Python path (`iterencode`) yields
chunks with the same output and the same errors (NaN, unknown types), at a few times the cost;
it is used only above a size, guessed from the lengths of the top-level values (O(vars)).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from pyxjs.server.protocol import with_value_marks
from pyxjs.state.serialize import encode, to_json

# Summed len() of the vars' values (characters of a str, items of a container) above which a
# frame is encoded piecewise; below it the C encoder is faster than yielding is worth.
LARGE = 50_000
CHUNKS_PER_YIELD = 2_000

_chunks = json.JSONEncoder(separators=(",", ":"), allow_nan=False, default=to_json).iterencode


def looks_large(*state_maps: dict[str, dict[str, Any]] | None) -> bool:
    total = 0
    for states in state_maps:
        for values in (states or {}).values():
            for value in values.values():
                if isinstance(value, (str, list, dict, set, tuple)):
                    total += len(value)
    return total > LARGE


async def encode_yielding(message: Any) -> str:
    """`serialize.encode(message)`, letting other tasks run every CHUNKS_PER_YIELD pieces; a
    frame's value marks (key order, whole floats) added as protocol.py adds them."""
    parts: list[str] = []
    for i, chunk in enumerate(_chunks(message)):
        parts.append(chunk)
        if i % CHUNKS_PER_YIELD == CHUNKS_PER_YIELD - 1:
            await asyncio.sleep(0)
    text = "".join(parts)
    if not isinstance(message, dict):
        return text
    return with_value_marks(text, message, encode)
