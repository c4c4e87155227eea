"""Reflex's `reflex.vars`: in pyxjs a var in component code is its value, so these are
annotations (`NumberVar` means `int | float`) and `Var.create(x)` is `x` (pyxjs/state/fields.py)."""

from pyxjs.reflex_paths import module_getattr
from pyxjs.vars.base import VAR_HINTS, LiteralVar, Var
from pyxjs.vars.number import BooleanVar, NumberVar
from pyxjs.vars.object import ObjectVar
from pyxjs.vars.sequence import ArrayVar, StringVar

__all__ = ["ArrayVar", "BooleanVar", "LiteralVar", "NumberVar", "ObjectVar", "StringVar", "Var"]

__getattr__ = module_getattr(__name__, hints=VAR_HINTS)
