"""Reflex's `reflex.experimental`: `ClientStateVar`, and `rx._x.client_state` (its `create`)."""

from __future__ import annotations

from typing import Any

from pyxjs.experimental.client_state import ClientStateVar
from pyxjs.reflex_paths import module_getattr, raise_missing

__all__ = ["ClientStateVar"]

__getattr__ = module_getattr(__name__, hints={"hooks": "pyxjs has no experimental hooks",
                                              "code_block": "use `rx.code_block`"})


class ExperimentalNamespace:
    """`rx._x`: Reflex's experimental names, the ones pyxjs has."""

    client_state = staticmethod(ClientStateVar.create)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise_missing(f"pyxjs has no `rx._x.{name}`; of Reflex's experimental names it has `rx._x.client_state` "
                      "(ClientStateVar.create)", name)

    def __repr__(self) -> str:
        return "rx._x"


_x = ExperimentalNamespace()
