"""Reflex's `ClientStateVar`: a var that lives only in the page.

    tab = ClientStateVar.create("tab", 0)

    def index():
        return rx.vstack(
            rx.button("second", on_click=tab.set_value(1)),
            rx.text(f"showing {tab.value}"),
            rx.input(on_change=tab.set_value),       # the trigger's value
        )

Every component that reads `tab.value` shares one slot of the page's client-var store
(runtime_js/src/clientVars.js), keyed by the name; `set_value` in a trigger sets it in the page
with no event sent. From an event handler, `return tab.push(3)` sets it and
`return tab.retrieve(State.handler)` sends its value to that handler (client actions).
The compiler reads these objects (pyxjs/transpiler/phases/transform/client_vars.py): nothing
here runs in the browser.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

from pyxjs.state.actions import ClientAction, _callback_name

_NO_VALUE: Any = object()


def _is_jsonable(value: Any, depth: int = 0) -> bool:
    if depth > 20:
        return False
    if isinstance(value, float):
        return math.isfinite(value)  # NaN and infinities are not JSON
    if value is None or isinstance(value, (str, bool, int)):
        return True
    if isinstance(value, (list, tuple)):
        return all(_is_jsonable(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_jsonable(v, depth + 1) for k, v in value.items())
    return False


class ClientStateVar:
    """A var held by the page alone. Make one with `ClientStateVar.create(name, default)`."""

    _pyx_client_state = True  # read by the compiler's name resolution

    def __init__(self, name: str, default: Any, global_ref: bool) -> None:
        self.name = name
        self.default = default
        self.global_ref = global_ref

    @classmethod
    def create(cls, var_name: str | None = None, default: Any = None, global_ref: bool = True) -> "ClientStateVar":
        """`ClientStateVar.create("tab", 0)`: the name keys the page's slot (vars created with one
        name share it); the default is what every reader shows until something sets it."""
        if var_name is None:  # named by where it is created: the same in the build and in every server process
            caller = sys._getframe(1)
            var_name = f"client_var_{Path(caller.f_code.co_filename).stem}_{caller.f_lineno}"
        if not isinstance(var_name, str) or not var_name:
            raise ValueError(f"ClientStateVar.create({var_name!r}): the name is a non-empty str")
        if not _is_jsonable(default):
            raise TypeError(f"ClientStateVar.create({var_name!r}, {default!r}): the default is what the page holds "
                            "first, so it must be str, int, float, bool, None, or a list/dict of them")
        return cls(var_name, default, bool(global_ref))

    @property
    def value(self) -> "ClientValue":
        """In component code: the var's current value in the page."""
        return ClientValue(self)

    def set_value(self, value: Any = _NO_VALUE) -> Any:
        """In a trigger: `on_click=var.set_value(3)` sets it to 3, `on_change=var.set_value` to the
        trigger's value. From an event handler, with a value, the same as `push(value)`."""
        if value is _NO_VALUE:
            return ClientSetter(self)
        return self.push(value)

    @property
    def set(self) -> "ClientSetter":
        """`on_change=var.set`: set it to the trigger's value."""
        return ClientSetter(self)

    def push(self, value: Any) -> ClientAction:
        """From an event handler: `return var.push(3)` sets it in the page that sent the event."""
        if not _is_jsonable(value):
            raise TypeError(f"{self!r}.push({value!r}): send str, int, float, bool, None, or a list/dict of them")
        return ClientAction("client_var_set", {"name": self.name, "value": value})

    def retrieve(self, callback: Any = None) -> ClientAction:
        """From an event handler: `return var.retrieve(State.handler)` sends the page's value to
        `handler` (its one argument)."""
        if callback is None:
            raise TypeError(f"{self!r}.retrieve(callback): pass the handler that receives the value, e.g. "
                            "State.got_value")
        try:
            handler = _callback_name("retrieve", callback)
        except TypeError:
            raise TypeError(f"{self!r}.retrieve({callback!r}): pass an event handler, State.handler; it receives "
                            "the value as its argument") from None
        return ClientAction("client_var_get", {"name": self.name, "initial": self.default, "callback": handler})

    def __repr__(self) -> str:
        return f"ClientStateVar({self.name!r})"


ClientStateVar.create.__func__._pyx_module_level = "a client var"  # type: ignore[attr-defined] - read by the compiler


class ClientValue:
    """`var.value`: what the compiler turns into a read of the page's slot. Python code (an event
    handler, a computed var) cannot see the page's value: using it there is an error, not False."""

    def __init__(self, var: ClientStateVar) -> None:
        self._pyx_client_var = var

    def _server_side(self, *args: Any) -> Any:
        var = self._pyx_client_var
        raise TypeError(f"{var.name}.value is the page's, read in component code; an event handler gets it with "
                        f"`return {var.name}.retrieve(State.handler)`")

    __bool__ = __str__ = __format__ = __iter__ = __len__ = __eq__ = __ne__ = __lt__ = __gt__ = _server_side
    __add__ = __radd__ = __sub__ = __mul__ = __getitem__ = __contains__ = _server_side
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"{self._pyx_client_var!r}.value"


class ClientSetter:
    """`var.set` / `var.set_value`: a trigger that sets the var to the trigger's value."""

    def __init__(self, var: ClientStateVar) -> None:
        self._pyx_client_setter = var

    def __repr__(self) -> str:
        return f"{self._pyx_client_setter!r}.set"
