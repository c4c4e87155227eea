"""The state values a server frame carries, for the marks added beside them (key_order.py,
float_marks.py): a hydrate's `state`, a delta's or error's `delta` and `patch`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_SECTIONS = ("state", "delta", "patch")


def frame_values(message: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(state, var, value or patch part) for each var of the frame."""
    for section in _SECTIONS:
        states = message.get(section)
        if not isinstance(states, dict):
            continue
        for state, values in states.items():
            for var, value in values.items():
                yield state, var, value
