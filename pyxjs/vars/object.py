"""Reflex's `reflex.vars.object`: `ObjectVar` (a dict)."""

from __future__ import annotations

from typing import Any

from pyxjs.reflex_paths import module_getattr
from pyxjs.state.fields import Var

__all__ = ["ObjectVar"]


class ObjectVar(Var):
    _pyx_annotation: Any = dict


__getattr__ = module_getattr(__name__)
