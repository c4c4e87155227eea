"""State: per-client Python objects whose vars the browser mirrors."""

from pyxjs.state.base import ComputedVarError, State, StateVar, VarRef, state_name_for
from pyxjs.state.client import default_snapshot
from pyxjs.state.computed import ComputedRef, var
from pyxjs.state.fields import Field, Var, field
from pyxjs.state.handlers import EventHandlerRef, EventSpec, event
from pyxjs.state.serialize import serializer
from pyxjs.state.storage import Cookie, LocalStorage, SessionStorage

__all__ = [
    "ComputedRef", "Cookie", "Field", "Var", "field", "LocalStorage", "SessionStorage", "ComputedVarError", "EventHandlerRef", "EventSpec", "State", "StateVar", "VarRef",
    "default_snapshot", "event", "serializer", "state_name_for", "var",
]
