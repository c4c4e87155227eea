"""`rx.plotly(data=fig)`: a figure of the Python `plotly` package drawn in the page by plotly.js,
as Reflex's. The figure is a constant of the app (converted at build time with `fig.to_json()`)
or a State var / computed var holding a `go.Figure` (sent the same way, pyxjs/state/serialize.py).
plotly.js is large (about 1.4 MB gzipped): only apps that use rx.plotly install and ship it."""

from __future__ import annotations

import json
from typing import Any

from pyxjs.components import Component
from pyxjs.components.event_specs import EventHandler, passthrough_event_spec

# The plotly.js the Python package (7.1) draws with, so a figure means the same in both.
PLOTLY_JS = "plotly.js-dist-min@4.1.1"


class Plotly(Component):
    library = "./plotly_chart.jsx"
    tag = "PlotlyChart"
    lib_dependencies = [PLOTLY_JS]
    data: Any  # the figure
    layout: dict[str, Any]
    config: dict[str, Any]
    template: dict[str, Any]
    use_resize_handler: bool
    on_click: EventHandler[passthrough_event_spec]
    on_hover: EventHandler[passthrough_event_spec]
    on_unhover: EventHandler[passthrough_event_spec]
    on_selected: EventHandler[passthrough_event_spec]
    on_deselect: EventHandler[passthrough_event_spec]
    on_double_click: EventHandler[passthrough_event_spec]


plotly = Plotly.create
PLOTLY_SPEC = Plotly.create._pyx_spec  # type: ignore[attr-defined]


def is_figure(value: Any) -> bool:
    """A plotly figure (duck-typed, so pyxjs never imports plotly itself)."""
    return callable(getattr(value, "to_plotly_json", None)) and callable(getattr(value, "to_json", None))


def figure_json(value: Any) -> Any:
    """A figure as plotly.js takes it: plotly's own JSON (numpy arrays and dates included)."""
    return json.loads(value.to_json())
