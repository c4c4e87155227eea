"""Reflex's `reflex.utils`: `serializers`, `imports` and `console` have counterparts in pyxjs;
Reflex's other utilities serve its own compiler and CLI."""

from pyxjs.reflex_paths import module_getattr

__getattr__ = module_getattr(__name__)
