"""Scopes of a function being compiled: which Python names are locals, their JS names and types.

A function's body is one scope (Python's rule: a name assigned anywhere in the function is
local to all of it); lambdas, comprehensions and loop bodies open child scopes, matching the
JS block scopes their names end up in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pyxjs.transpiler.phases.analyze.types import PyType


@dataclass
class Local:
    js_name: str
    type: PyType
    owned_list: bool = False  # a list this function built itself, so .append may change it
    poisoned: bool = False  # its statement failed to compile (reported): uses raise no more errors
    values: tuple | None = None  # the build-time values it may take (Typed.values)
    float_hint: Any = None  # a `const` of unknown type: the JS test of whether it is a marked whole float


@dataclass
class Scope:
    names: dict[str, Local] = field(default_factory=dict)
    parent: "Scope | None" = None

    def lookup(self, name: str) -> Local | None:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None
