"""Reflex's `reflex.page`: the `@page(...)` decorator, as `rx.page`."""

import sys

from pyxjs.app import page
from pyxjs.reflex_paths import module_getattr, stand_in

__all__ = ["page"]

__getattr__ = module_getattr(__name__, hints={"get_decorated_pages": "pyxjs's loader finds the pages itself"})
stand_in(sys.modules[__name__])  # `rx.page`, the decorator, stays callable once this module is imported
