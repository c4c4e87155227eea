"""`rx.moment(date, format=...)`: a date shown (and kept up to date) by npm's `react-moment` over
`moment`, wrapped as Reflex wraps it; installed only by apps that use it."""

from __future__ import annotations

from typing import Any, Union

from pyxjs.components import Component
from pyxjs.components.event_specs import EventHandler, passthrough_event_spec


class Moment(Component):
    library = "react-moment@2.0.2"
    tag = "Moment"
    is_default = True
    # react-moment's peers: moment itself and moment-duration-format (for durations).
    lib_dependencies = ["moment@2.30.1", "moment-duration-format@2.3.2"]
    interval: int  # ms between re-renders (react-moment's default: 60000; 0 never)
    format: str
    trim: bool
    parse: str
    with_title: bool
    title_format: str
    diff: str
    duration: str
    date: Union[str, int]
    duration_from_now: bool
    unit: str
    decimal: bool
    from_now: bool
    from_now_during: int
    to_now: bool
    add: dict[str, Any]
    subtract: dict[str, Any]
    to: str
    from_: str
    utc: bool
    local: bool
    unix: bool
    locale: str
    on_change: EventHandler[passthrough_event_spec]


moment = Moment.create
