"""`rx.recharts`: the `recharts` npm package, wrapped like any app would wrap it (rx.Component
classes), spelled as Reflex spells it:

    rx.recharts.line_chart(rx.recharts.line(data_key="y"), rx.recharts.x_axis(data_key="x"),
                           data=State.points, width=400, height=300)
"""

from __future__ import annotations

from typing import Any, Literal, Union

from pyxjs.components import Component, Namespace
from pyxjs.components.event_specs import EventHandler, no_args_event_spec
from pyxjs.reflex_paths import served_module

Size = Union[int, str]
Data = list[dict[str, Any]]
CurveType = Literal["basis", "basisClosed", "basisOpen", "bump", "bumpX", "bumpY", "linear", "linearClosed",
                    "natural", "monotone", "monotoneX", "monotoneY", "step", "stepBefore", "stepAfter"]


class Recharts(Component):
    library = "recharts@3.11.0"
    lib_dependencies = ["react-is@19.3.1"]  # a peer dependency of recharts, at React's version


class _Chart(Recharts):
    data: Data
    width: Size
    height: Size
    margin: dict[str, int]
    layout: Literal["horizontal", "vertical"]
    sync_id: str
    on_click: EventHandler[no_args_event_spec]
    on_mouse_enter: EventHandler[no_args_event_spec]
    on_mouse_leave: EventHandler[no_args_event_spec]


class _CartesianChart(_Chart):
    stack_offset: Literal["expand", "none", "wiggle", "silhouette", "sign"]
    bar_gap: Size
    bar_category_gap: Size
    bar_size: int


class LineChart(_CartesianChart):
    tag = "LineChart"


class BarChart(_CartesianChart):
    tag = "BarChart"


class AreaChart(_CartesianChart):
    tag = "AreaChart"


class PieChart(_Chart):
    tag = "PieChart"


class ResponsiveContainer(Recharts):
    tag = "ResponsiveContainer"
    width: Size
    height: Size
    min_width: Size
    min_height: Size
    aspect: float
    debounce: int


class _Series(Recharts):
    data_key: Union[str, int]
    name: str
    stroke: str
    stroke_width: Union[int, float]
    fill: str
    unit: str
    hide: bool
    is_animation_active: bool
    legend_type: str
    x_axis_id: Union[str, int]
    y_axis_id: Union[str, int]
    on_click: EventHandler[no_args_event_spec]


class Line(_Series):
    tag = "Line"
    type_: CurveType
    dot: bool
    active_dot: bool
    connect_nulls: bool
    stroke_dasharray: str


class Bar(_Series):
    tag = "Bar"
    stack_id: str
    bar_size: int
    radius: Union[int, list[int]]
    background: bool


class Area(_Series):
    tag = "Area"
    type_: CurveType
    stack_id: str
    fill_opacity: float
    dot: bool
    connect_nulls: bool


class Pie(_Series):
    tag = "Pie"
    data: Data
    name_key: str
    cx: Size
    cy: Size
    inner_radius: Size
    outer_radius: Size
    padding_angle: float
    start_angle: float
    end_angle: float
    label: bool


class Cell(Recharts):
    tag = "Cell"
    fill: str
    stroke: str


class _Axis(Recharts):
    data_key: Union[str, int]
    type_: Literal["number", "category"]
    hide: bool
    orientation: str
    tick_line: bool
    axis_line: bool
    unit: str
    name: str
    domain: list[Any]
    allow_decimals: bool
    tick_count: int
    interval: Union[int, str]
    angle: float
    width: int
    height: int
    stroke: str


class XAxis(_Axis):
    tag = "XAxis"
    x_axis_id: Union[str, int]


class YAxis(_Axis):
    tag = "YAxis"
    y_axis_id: Union[str, int]


class CartesianGrid(Recharts):
    tag = "CartesianGrid"
    stroke_dasharray: str
    vertical: bool
    horizontal: bool
    stroke: str
    fill: str
    fill_opacity: float


class Tooltip(Recharts):
    tag = "Tooltip"
    separator: str
    active: bool
    is_animation_active: bool
    cursor: bool


class Legend(Recharts):
    tag = "Legend"
    align: Literal["left", "center", "right"]
    vertical_align: Literal["top", "middle", "bottom"]
    layout: Literal["horizontal", "vertical"]
    icon_type: str
    icon_size: int
    width: int
    height: int


recharts = Namespace(
    "recharts",
    line_chart=LineChart.create, bar_chart=BarChart.create, area_chart=AreaChart.create, pie_chart=PieChart.create,
    responsive_container=ResponsiveContainer.create, line=Line.create, bar=Bar.create, area=Area.create,
    pie=Pie.create, cell=Cell.create, x_axis=XAxis.create, y_axis=YAxis.create, cartesian_grid=CartesianGrid.create,
    tooltip=Tooltip.create, legend=Legend.create,
)


# Reflex's `reflex.components.recharts[...]` names and deeper paths (pyxjs/reflex_paths).
__path__, __getattr__ = served_module(__name__)
