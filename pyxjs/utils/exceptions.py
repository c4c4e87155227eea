"""Reflex's `reflex.utils.exceptions`: pyxjs raises Python's own exceptions instead of Reflex's
classes, so each name here says which one to catch."""

from pyxjs.reflex_paths import module_getattr

__all__: list[str] = []

__getattr__ = module_getattr(__name__, hints={
    "ImmutableStateError": "a background handler's write outside `async with self:` raises RuntimeError; "
                           "catch that",
    "VarTypeError": "a wrong type in component code is a build error (PYX117), not an exception",
    "InvalidPropValueError": "a wrong prop value is a build error (PYX106/PYX117), not an exception",
    "ReflexError": "pyxjs raises Python's own exceptions (TypeError, ValueError, RuntimeError)",
})
