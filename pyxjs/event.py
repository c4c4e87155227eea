"""Reflex's `reflex.event`: event handlers, event specs and client actions, as pyxjs has them."""

from __future__ import annotations

import sys
from typing import Any

from pyxjs.components.event_specs import EventHandler, input_event, key_event, no_args_event_spec, \
    passthrough_event_spec
from pyxjs.reflex_paths import module_getattr, stand_in
from pyxjs.state.handlers import EventHandlerRef, EventSpec, event

__all__ = ["EventHandler", "EventHandlerRef", "EventSpec", "event", "input_event", "key_event", "no_args_event_spec",
           "passthrough_event_spec"]

# What else Reflex's module has that is also a top-level `rx.` name: handed on when pyxjs has it.
_TOP_LEVEL = ("redirect", "console_log", "window_alert", "call_script", "set_clipboard", "set_focus", "set_value",
              "scroll_to", "noop", "remove_cookie", "clear_local_storage", "remove_local_storage",
              "clear_session_storage", "remove_session_storage", "download", "toggle_color_mode", "set_color_mode",
              "clear_selected_files", "cancel_upload", "upload_files", "prevent_default", "stop_propagation",
              "call_function", "run_script")


def _top_level() -> dict[str, Any]:
    import pyxjs

    return {name: getattr(pyxjs, name) for name in _TOP_LEVEL if name in pyxjs.__all__}


_CALLBACK = ("in a component function annotate an event callback parameter with `rx.EventHandler`; on a wrapped "
             "component's class declare a trigger as `on_x: rx.EventHandler[lambda value: [value]]`")
__getattr__ = module_getattr(__name__, _top_level, hints={
    "EventChain": "a list of handlers is a chain: `on_click=[State.a, State.b]`",
    "EventType": _CALLBACK,
    "EventCallback": _CALLBACK,
    "BASE_STATE": "use `rx.State`",
})

stand_in(sys.modules[__name__])  # `rx.event`, the decorator, stays callable once this module is imported
