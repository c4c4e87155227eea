"""Reflex's `reflex.base`: `Base`, as `rx.Base` (pyxjs/state/base_model.py)."""

from pyxjs.reflex_paths import module_getattr
from pyxjs.state.base_model import Base

__all__ = ["Base"]

__getattr__ = module_getattr(__name__)
