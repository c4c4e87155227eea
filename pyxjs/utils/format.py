"""Reflex's `reflex.utils.format`, for the one use apps make of it: a wrapped component's hook
text built from its element (`format_event_chain(self.event_triggers["on_key_down"])`, see
pyxjs/components/element_hooks.py). The rest of Reflex's module formats its own generated code."""

from __future__ import annotations

from typing import Any

from pyxjs.reflex_paths import module_getattr

__all__ = ["format_event_chain"]


def format_event_chain(chain: Any, args: Any = None) -> str:
    """The JS call that runs an element's event trigger: `self.event_triggers["on_x"]` in a hook
    method is the compiled trigger, called with the spec's parameters (`_e0`, ...)."""
    from pyxjs.components.element_hooks import EventChain

    if not isinstance(chain, EventChain):
        raise TypeError(f"format_event_chain() takes an element's trigger (self.event_triggers[\"on_x\"] in a "
                        f"hook method of a component class), not {chain!r}")
    return chain.js_call()


__getattr__ = module_getattr(__name__, hints={
    "format_event": "pyxjs compiles triggers itself; in a hook, format_event_chain(self.event_triggers[...]) "
                    "gives the call that runs one",
})
