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
Easing = Literal["ease", "ease-in", "ease-out", "ease-in-out", "linear"]
DotStyle = Union[bool, dict[str, Any]]
CurveType = Literal["basis", "basisClosed", "basisOpen", "bump", "bumpX", "bumpY", "linear", "linearClosed",
                    "natural", "monotone", "monotoneX", "monotoneY", "step", "stepBefore", "stepAfter"]


class Recharts(Component):
    library = "recharts@3.11.0"
    lib_dependencies = ["react-is@19.3.1"]  # a peer dependency of recharts, at React's version


class _Pointer(Recharts):
    """The mouse events recharts gives a chart's parts (Reflex declares them without arguments)."""

    on_click: EventHandler[no_args_event_spec]
    on_mouse_down: EventHandler[no_args_event_spec]
    on_mouse_up: EventHandler[no_args_event_spec]
    on_mouse_move: EventHandler[no_args_event_spec]
    on_mouse_over: EventHandler[no_args_event_spec]
    on_mouse_out: EventHandler[no_args_event_spec]
    on_mouse_enter: EventHandler[no_args_event_spec]
    on_mouse_leave: EventHandler[no_args_event_spec]


class _Animated(Recharts):
    is_animation_active: bool
    animation_begin: int
    animation_duration: int
    animation_easing: Easing
    on_animation_start: EventHandler[no_args_event_spec]
    on_animation_end: EventHandler[no_args_event_spec]


class _Chart(_Pointer):
    data: Data
    width: Size
    height: Size
    margin: dict[str, int]
    layout: Literal["horizontal", "vertical"]
    sync_id: str
    sync_method: Literal["index", "value"]


class _CartesianChart(_Chart):
    stack_offset: Literal["expand", "none", "wiggle", "silhouette", "sign"]
    bar_gap: Size
    bar_category_gap: Size
    bar_size: int
    max_bar_size: int
    reverse_stack_order: bool
    base_value: Union[int, Literal["dataMin", "dataMax", "auto"]]


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
    on_resize: EventHandler[no_args_event_spec]


class _Series(_Pointer, _Animated):
    data_key: Union[str, int]
    name: Union[str, int]
    stroke: str
    stroke_width: Union[int, float, str]
    fill: str
    unit: Union[str, int]
    hide: bool
    legend_type: str
    layout: Literal["horizontal", "vertical"]
    label: Union[bool, dict[str, Any]]
    x_axis_id: Union[str, int]
    y_axis_id: Union[str, int]


class Line(_Series):
    tag = "Line"
    type_: CurveType
    dot: DotStyle
    active_dot: DotStyle
    connect_nulls: bool
    stroke_dasharray: str
    points: list[dict[str, Any]]


class Bar(_Series):
    tag = "Bar"
    stack_id: str
    bar_size: int
    radius: Union[int, list[int]]
    background: bool
    min_point_size: int
    max_bar_size: int


class Area(_Series):
    tag = "Area"
    type_: CurveType
    stack_id: Union[str, int]
    fill_opacity: float
    dot: DotStyle
    active_dot: DotStyle
    connect_nulls: bool
    base_line: Union[int, list[dict[str, Any]]]
    points: list[dict[str, Any]]


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
    min_angle: float
    label: Union[bool, dict[str, Any]]
    label_line: Union[bool, dict[str, Any]]


class Cell(Recharts):
    tag = "Cell"
    fill: str
    stroke: str


class _Axis(_Pointer):
    data_key: Union[str, int]
    type_: Literal["number", "category"]
    hide: bool
    orientation: str
    tick_line: bool
    axis_line: bool
    unit: Union[str, int]
    name: Union[str, int]
    domain: list[Any]
    allow_decimals: bool
    allow_data_overflow: bool
    allow_duplicated_category: bool
    tick_count: int
    interval: Union[int, str]
    angle: float
    width: Size
    height: Size
    stroke: str
    mirror: bool
    reversed: bool
    label: Union[str, int, dict[str, Any]]
    scale: str
    ticks: list[Union[str, int, float]]
    tick: Union[bool, dict[str, Any]]
    tick_size: int
    tick_margin: int
    min_tick_gap: int
    text_anchor: Literal["start", "middle", "end"]
    padding: dict[str, int]
    tick_formatter: Any  # a lambda (value, index) -> text, compiled to JS (CALLBACK_PROPS)


class XAxis(_Axis):
    tag = "XAxis"
    x_axis_id: Union[str, int]
    include_hidden: bool


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
    x: int
    y: int
    width: int
    height: int
    vertical_points: list[Union[str, int]]
    horizontal_points: list[Union[str, int]]


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
    view_box: dict[str, Any]
    position: dict[str, Any]
    coordinate: dict[str, Any]
    animation_easing: Easing
    formatter: Any
    label_formatter: Any


class Legend(_Pointer):
    tag = "Legend"
    align: Literal["left", "center", "right"]
    vertical_align: Literal["top", "middle", "bottom"]
    layout: Literal["horizontal", "vertical"]
    icon_type: str
    icon_size: int
    width: int
    height: int
    wrapper_style: dict[str, Any]  # recharts' CSS for the legend's box
    chart_width: int
    chart_height: int
    margin: dict[str, Any]
    payload: list[dict[str, Any]]
    formatter: Any


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
    line_type: Literal["joint", "fitting"]
    z_axis_id: Union[str, int]


class Radar(_Series):
    tag = "Radar"
    fill_opacity: float
    dot: DotStyle
    points: list[dict[str, Any]]


class RadialBar(_Series):
    tag = "RadialBar"
    background: bool
    min_point_size: int
    min_angle: float


class Funnel(_Series):
    tag = "Funnel"
    data: Data
    name_key: str
    trapezoids: list[dict[str, Any]]


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
    tick: Union[bool, dict[str, Any]]
    label: Union[str, int]


class ZAxis(Recharts):
    tag = "ZAxis"
    data_key: Union[str, int]
    z_axis_id: Union[str, int]
    range: list[int]
    unit: str
    name: str
    type_: Literal["number", "category"]
    scale: str


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
    data: list[Any]
    on_change: EventHandler[no_args_event_spec]


class _Reference(_Pointer):
    x_axis_id: Union[str, int]
    y_axis_id: Union[str, int]
    stroke: str
    stroke_width: Union[int, float, str]
    stroke_dasharray: str
    fill: str
    fill_opacity: float
    label: Union[str, int, dict[str, Any]]
    if_overflow: Literal["discard", "hidden", "visible", "extendDomain"]
    # Older recharts (and Reflex) drew a reference behind the chart's lines and bars unless
    # is_front; recharts 3 orders layers by z_index instead: is_front becomes one (see FRONT_Z).
    is_front: bool
    z_index: int


class ReferenceLine(_Reference):
    tag = "ReferenceLine"
    x: Union[str, int, float]
    y: Union[str, int, float]
    segment: list[dict[str, Any]]


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
    stroke_width: Union[int, float, str]


class PolarGrid(Recharts):
    tag = "PolarGrid"
    grid_type: Literal["polygon", "circle"]
    stroke: str
    cx: Size
    cy: Size
    inner_radius: Size
    outer_radius: Size
    polar_angles: list[Union[int, float]]
    polar_radius: list[Union[int, float]]


class PolarAngleAxis(_Pointer):
    tag = "PolarAngleAxis"
    data_key: Union[str, int]
    type_: Literal["number", "category"]
    tick_line: Union[bool, dict[str, Any]]
    axis_line: Union[bool, dict[str, Any]]
    stroke: str
    cx: Size
    cy: Size
    radius: Size
    axis_line_type: Literal["polygon", "circle"]
    tick: Union[bool, dict[str, Any]]
    ticks: list[dict[str, Any]]
    orientation: Literal["inner", "outer"]
    allow_duplicated_category: bool


class PolarRadiusAxis(_Pointer):
    tag = "PolarRadiusAxis"
    data_key: Union[str, int]
    angle: float
    domain: list[Any]
    tick_count: int
    axis_line: Union[bool, dict[str, Any]]
    stroke: str
    type_: Literal["number", "category"]
    allow_duplicated_category: bool
    cx: Size
    cy: Size
    reversed: bool
    orientation: Literal["left", "right", "middle"]
    tick: Union[bool, dict[str, Any]]
    scale: str


class Label(Recharts):
    tag = "Label"
    value: Union[str, int, float]
    position: str
    offset: int
    angle: float
    fill: str
    view_box: dict[str, Any]


class LabelList(Recharts):
    tag = "LabelList"
    data_key: Union[str, int]
    position: str
    offset: int
    fill: str
    stroke: str
    formatter: Any


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


# is_front=True/False as a recharts 3 layer: in front of every series (bars 300, lines 400,
# scatter points 600), or behind them all yet above the grid (-100), as older recharts drew it.
FRONT_Z = {True: 650, False: 50}

# Props recharts calls as functions: each takes a lambda, compiled to JS (jsx.recharts_callback).
CALLBACK_PROPS = frozenset({"tick_formatter", "formatter", "label_formatter"})

# Reflex's `reflex.components.recharts[...]` names and deeper paths (pyxjs/reflex_paths).
__path__, __getattr__ = served_module(__name__)
