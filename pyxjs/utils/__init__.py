"""Reflex's `reflex.utils`: `serializers`, `imports`, `format` and `console` have counterparts in pyxjs;
Reflex's other utilities serve its own compiler and CLI."""

from pyxjs.reflex_paths import module_getattr
from pyxjs.utils import format, imports  # noqa: A004 - `rx.utils.format.format_event_chain` without an import

__getattr__ = module_getattr(__name__)
