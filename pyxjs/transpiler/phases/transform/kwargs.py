"""`**props` in the app's functions: how the keys its call sites pass are carried.

Each call records the keys it passes beyond the named parameters (as `**key` entries of the
callee's parameter types, plus one `**` entry per call, so a key some calls leave out is known
to be optional); the callee is compiled knowing every key, and reads each as one scope name.
"""

from __future__ import annotations

from pyxjs.transpiler.phases.analyze import types as t

KWARGS_PREFIX = "**"  # param_types' entries for the keys call sites pass to `**props`


def kwargs_keys(param_types: dict[str, t.PyType]) -> dict[str, t.PyType]:
    return {name[len(KWARGS_PREFIX):]: kind for name, kind in param_types.items() 
            if name.startswith(KWARGS_PREFIX) and name != KWARGS_PREFIX}


def kwargs_local(kwargs_name: str, key: str) -> str:
    """The scope's name for one key of `**props` (a `$` keeps it apart from every Python name)."""
    return f"{kwargs_name}${key}"
