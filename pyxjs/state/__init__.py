"""State: per-client Python objects whose vars the browser mirrors."""

from pyxjs.reflex_paths import module_getattr

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

# Reflex's `reflex.state` names pyxjs lacks: an error naming the Reflex path, not a bare one.
__getattr__ = module_getattr(__name__, hints={
    "BaseState": "subclass `rx.State`", "ComponentState": "pyxjs has no rx.ComponentState yet",
    "StateManager": "choose a state manager with `pyx run --state-manager memory|disk|redis`",
})
