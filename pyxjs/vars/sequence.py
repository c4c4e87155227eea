"""Reflex's `reflex.vars.sequence`: `StringVar` (a str) and `ArrayVar` (a list)."""

from __future__ import annotations

from typing import Any

from pyxjs.reflex_paths import module_getattr
from pyxjs.state.fields import Var

__all__ = ["ArrayVar", "StringVar"]


class StringVar(Var):
    _pyx_annotation: Any = str


class ArrayVar(Var):
    _pyx_annotation: Any = list


__getattr__ = module_getattr(__name__)
