"""`rx.prevent_default` / `rx.stop_propagation`: Reflex's event actions. An item of a trigger's
list (`on_click=[rx.prevent_default, State.save]`), or a handler's attribute
(`on_click=State.save.stop_propagation`), they act on the browser's event in the page, before
the handlers are sent; the compiler reads them (transform/events.py), nothing runs on the server.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DomEventAction:
    name: str  # rx.<name>, and the handler attribute of the same name
    js_method: str  # what it calls on the DOM event

    def __repr__(self) -> str:
        return f"rx.{self.name}"


prevent_default = DomEventAction("prevent_default", "preventDefault")
stop_propagation = DomEventAction("stop_propagation", "stopPropagation")
DOM_EVENT_ACTIONS = {action.name: action for action in (prevent_default, stop_propagation)}
