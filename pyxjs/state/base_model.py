"""`rx.Base`: the model class older Reflex apps and tutorials subclass for structured var values.

Reflex's own is a pydantic v1 wrapper (deprecated since 0.8.15 in favour of dataclasses). Here
each subclass becomes a keyword-only dataclass, so everything pyxjs does for dataclass vars
(serializing, tracking field writes, converting handler arguments, the transpiler's field types)
applies to it unchanged. A mutable default (`tags: list[str] = []`) is copied per instance, as
pydantic does, instead of dataclasses' ValueError.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from typing import Any

from pyxjs.state.serialize import encode


class Base:
    """Subclass with annotated fields: `class User(rx.Base): name: str; age: int = 0`."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in cls.__dict__.get("__annotations__", {}):
            default = cls.__dict__.get(name, dataclasses.MISSING)
            if isinstance(default, (list, dict, set)):
                setattr(cls, name, dataclasses.field(default_factory=lambda value=default: copy.deepcopy(value)))
        dataclasses.dataclass(kw_only=True)(cls)

    def dict(self) -> dict[str, Any]:
        """The fields as plain JSON-able values (nested models and dates included)."""
        return json.loads(encode(self))

    def json(self) -> str:
        return encode(self)

    def copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Base:
        """A new instance with `update` applied, as pydantic's `model.copy(update=...)`."""
        clone = copy.deepcopy(self) if deep else copy.copy(self)
        for name, value in (update or {}).items():
            setattr(clone, name, value)
        return clone

