"""Reflex's `reflex.vars.number`: `NumberVar` (an int or a float) and `BooleanVar` (a bool)."""

from __future__ import annotations

from typing import Any

from pyxjs.reflex_paths import module_getattr
from pyxjs.state.fields import Var

__all__ = ["BooleanVar", "NumberVar"]


class NumberVar(Var):
    _pyx_annotation: Any = int | float


class BooleanVar(Var):
    _pyx_annotation: Any = bool


__getattr__ = module_getattr(__name__)
