"""State: per-client Python objects whose vars the browser mirrors."""

from pyxjs.state.base import State, StateVar, VarRef, state_name_for

__all__ = ["State", "StateVar", "VarRef", "state_name_for"]
