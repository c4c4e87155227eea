"""`rx.drawer`: a panel that slides in from an edge, npm's `vaul` wrapped as Reflex wraps it
(`rx.drawer.root(rx.drawer.trigger(...), rx.drawer.overlay(), rx.drawer.portal(rx.drawer.content(...)))`).
vaul is unstyled: the overlay and content get Reflex's base look (fixed, above the page, the
theme's panel colour); the app's own style props override it."""

from __future__ import annotations

from typing import Any, Literal

from pyxjs.components import Component, Namespace
from pyxjs.components.event_specs import EventHandler, no_args_event_spec, passthrough_event_spec


class _Vaul(Component):
    library = "vaul@1.1.2"


class DrawerRoot(_Vaul):
    tag = "Drawer.Root"
    open: bool
    default_open: bool
    modal: bool
    direction: Literal["top", "bottom", "left", "right"]
    dismissible: bool
    handle_only: bool
    should_scale_background: bool
    close_threshold: float
    snap_points: list[Any]
    fade_from_index: int
    scroll_lock_timeout: int
    prevent_scroll_restoration: bool
    on_open_change: EventHandler[passthrough_event_spec]
    on_animation_end: EventHandler[passthrough_event_spec]


class DrawerTrigger(_Vaul):
    tag = "Drawer.Trigger"
    as_child: bool = True  # Reflex's default: the child (a button) is the trigger


class DrawerPortal(_Vaul):
    tag = "Drawer.Portal"


class DrawerOverlay(_Vaul):
    tag = "Drawer.Overlay"

    def add_style(self) -> dict[str, Any]:
        return {"position": "fixed", "inset": "0", "z_index": 50, "background": "rgba(0, 0, 0, 0.5)"}


class DrawerContent(_Vaul):
    tag = "Drawer.Content"
    on_open_auto_focus: EventHandler[no_args_event_spec]
    on_close_auto_focus: EventHandler[no_args_event_spec]
    on_escape_key_down: EventHandler[no_args_event_spec]
    on_pointer_down_outside: EventHandler[no_args_event_spec]
    on_interact_outside: EventHandler[no_args_event_spec]

    def add_style(self) -> dict[str, Any]:
        return {"position": "fixed", "left": "0", "right": "0", "bottom": "0", "z_index": 50, "display": "flex",
                "flex_direction": "column", "background": "var(--color-panel-solid, white)", "padding": "16px",
                "border_radius": "12px 12px 0 0"}


class DrawerClose(_Vaul):
    tag = "Drawer.Close"
    as_child: bool = True


class DrawerTitle(_Vaul):
    tag = "Drawer.Title"


class DrawerDescription(_Vaul):
    tag = "Drawer.Description"


class DrawerHandle(_Vaul):
    tag = "Drawer.Handle"


drawer = Namespace(
    "drawer", DrawerRoot.create,
    root=DrawerRoot.create, trigger=DrawerTrigger.create, portal=DrawerPortal.create, overlay=DrawerOverlay.create,
    content=DrawerContent.create, close=DrawerClose.create, title=DrawerTitle.create,
    description=DrawerDescription.create, handle=DrawerHandle.create,
)
