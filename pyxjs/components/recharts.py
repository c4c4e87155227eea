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
    label: Union[bool, dict[str, Any]]
    label_line: Union[bool, dict[str, Any]]


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
    offset: int
    filter_null: bool
    active: bool
    is_animation_active: bool
    animation_duration: int
    cursor: Union[bool, dict[str, Any]]
    item_style: dict[str, Any]
    wrapper_style: dict[str, Any]
    content_style: dict[str, Any]
    label_style: dict[str, Any]
    allow_escape_view_box: dict[str, bool]


class Legend(Recharts):
    tag = "Legend"
    align: Literal["left", "center", "right"]
    vertical_align: Literal["top", "middle", "bottom"]
    layout: Literal["horizontal", "vertical"]
    icon_type: str
    icon_size: int
    width: int
    height: int


class ComposedChart(_CartesianChart):
    tag = "ComposedChart"


class ScatterChart(_Chart):
    tag = "ScatterChart"


class RadarChart(_Chart):
    tag = "RadarChart"
    cx: Size
    cy: Size
    inner_radius: Size
    outer_radius: Size
    start_angle: float
    end_angle: float


class RadialBarChart(RadarChart):
    tag = "RadialBarChart"
    bar_size: int
    bar_category_gap: Size


class FunnelChart(_Chart):
    tag = "FunnelChart"


class Treemap(Recharts):
    tag = "Treemap"
    data: Data
    data_key: Union[str, int]
    name_key: str
    width: Size
    height: Size
    aspect_ratio: float
    fill: str
    stroke: str
    is_animation_active: bool


class Scatter(_Series):
    tag = "Scatter"
    data: Data
    shape: str
    line: bool
    z_axis_id: Union[str, int]


class Radar(_Series):
    tag = "Radar"
    fill_opacity: float
    dot: bool


class RadialBar(_Series):
    tag = "RadialBar"
    background: bool
    min_point_size: int
    label: Union[bool, dict[str, Any]]


class Funnel(_Series):
    tag = "Funnel"
    data: Data
    name_key: str


class CartesianAxis(Recharts):
    tag = "CartesianAxis"
    x: int
    y: int
    width: int
    height: int
    orientation: Literal["top", "bottom", "left", "right"]
    view_box: dict[str, int]
    axis_line: bool
    tick_line: bool
    tick_size: int
    interval: Union[int, str]
    tick_margin: int
    mirror: bool


class ZAxis(Recharts):
    tag = "ZAxis"
    data_key: Union[str, int]
    z_axis_id: Union[str, int]
    range: list[int]
    unit: str
    name: str
    type_: Literal["number", "category"]


class Brush(Recharts):
    tag = "Brush"
    data_key: Union[str, int]
    x: int
    y: int
    width: int
    height: int
    start_index: int
    end_index: int
    gap: int
    traveller_width: int
    stroke: str
    fill: str


class _Reference(Recharts):
    x_axis_id: Union[str, int]
    y_axis_id: Union[str, int]
    stroke: str
    stroke_width: Union[int, float]
    stroke_dasharray: str
    fill: str
    fill_opacity: float
    label: Union[str, int, dict[str, Any]]
    if_overflow: Literal["discard", "hidden", "visible", "extendDomain"]


class ReferenceLine(_Reference):
    tag = "ReferenceLine"
    x: Union[str, int, float]
    y: Union[str, int, float]


class ReferenceDot(_Reference):
    tag = "ReferenceDot"
    x: Union[str, int, float]
    y: Union[str, int, float]
    r: int


class ReferenceArea(_Reference):
    tag = "ReferenceArea"
    x1: Union[str, int, float]
    x2: Union[str, int, float]
    y1: Union[str, int, float]
    y2: Union[str, int, float]


class ErrorBar(Recharts):
    tag = "ErrorBar"
    data_key: Union[str, int]
    direction: Literal["x", "y"]
    width: int
    stroke: str
    stroke_width: Union[int, float]


class PolarGrid(Recharts):
    tag = "PolarGrid"
    grid_type: Literal["polygon", "circle"]
    stroke: str


class PolarAngleAxis(Recharts):
    tag = "PolarAngleAxis"
    data_key: Union[str, int]
    type_: Literal["number", "category"]
    tick_line: bool
    axis_line: bool
    stroke: str


class PolarRadiusAxis(Recharts):
    tag = "PolarRadiusAxis"
    data_key: Union[str, int]
    angle: float
    domain: list[Any]
    tick_count: int
    axis_line: bool
    stroke: str


class Label(Recharts):
    tag = "Label"
    value: Union[str, int, float]
    position: str
    offset: int
    angle: float
    fill: str


class LabelList(Recharts):
    tag = "LabelList"
    data_key: Union[str, int]
    position: str
    offset: int
    fill: str
    stroke: str


recharts = Namespace(
    "recharts",
    line_chart=LineChart.create, bar_chart=BarChart.create, area_chart=AreaChart.create, pie_chart=PieChart.create,
    composed_chart=ComposedChart.create, scatter_chart=ScatterChart.create, radar_chart=RadarChart.create,
    radial_bar_chart=RadialBarChart.create, funnel_chart=FunnelChart.create, treemap=Treemap.create,
    responsive_container=ResponsiveContainer.create, line=Line.create, bar=Bar.create, area=Area.create,
    pie=Pie.create, scatter=Scatter.create, radar=Radar.create, radial_bar=RadialBar.create, funnel=Funnel.create,
    cell=Cell.create, x_axis=XAxis.create, y_axis=YAxis.create, z_axis=ZAxis.create, cartesian_axis=CartesianAxis.create,
    brush=Brush.create,
    cartesian_grid=CartesianGrid.create, reference_line=ReferenceLine.create, reference_dot=ReferenceDot.create,
    reference_area=ReferenceArea.create, error_bar=ErrorBar.create, polar_grid=PolarGrid.create,
    polar_angle_axis=PolarAngleAxis.create, polar_radius_axis=PolarRadiusAxis.create, label=Label.create,
    label_list=LabelList.create, legend=Legend.create,
    # Reflex names recharts' Tooltip graphing_tooltip (rx.tooltip is Radix's); both spellings work.
    tooltip=Tooltip.create, graphing_tooltip=Tooltip.create,
)


# Reflex's `reflex.components.recharts[...]` names and deeper paths (pyxjs/reflex_paths).
__path__, __getattr__ = served_module(__name__)
