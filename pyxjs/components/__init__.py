"""The core components as Python callables.

Inside a component function the transpiler reads each callable's spec; called directly
from Python they build a plain `Component` tree (useful in tests and for prerendering).
Reflex's namespaced parts (`rx.table.root`, `rx.select.item`) are attributes of a
`Namespace`, which is itself callable where Reflex's is (`rx.select(items)`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from pyxjs.components.spec import SPECS, ComponentSpec
from pyxjs.components.wrap import declare
from pyxjs.reflex_paths import module_getattr


@dataclass
class Component:
    """What a component call builds in plain Python; `-> rx.Component` marks a component function.

    A subclass with `library` and `tag` wraps a React component from npm or a .jsx file
    (see pyxjs.components.wrap): `DatePicker.create(...)` then builds its element, and the
    transpiler reads it like a core component.
    """

    _pyx_element_type = True  # read by the transpiler's type analysis
    spec: ComponentSpec
    children: list[Any] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        spec = declare(cls, tuple(globals()[name] for name in ("Component", "NoSSRComponent", "Fragment") if name in globals()))
        if spec is not None and "create" not in cls.__dict__:
            cls.create = staticmethod(_component_factory(spec))  # type: ignore[attr-defined]


    # Reflex's methods, for `super()` calls in a subclass: nothing of pyxjs's own to add.
    def _get_imports(self) -> dict[str, Any]:
        return dict(self.add_imports())

    def add_imports(self) -> dict[str, Any]:
        return {}

    def add_hooks(self) -> list[str]:
        return []

    def _get_hooks(self) -> str | None:
        return None

    def add_custom_code(self) -> list[str]:
        return []

    def _get_custom_code(self) -> str | None:
        return None


class NoSSRComponent(Component):
    """Reflex's base for components that must not render on the server; pyxjs renders only in
    the browser, so it is the same as `rx.Component`."""


def _component_factory(spec: ComponentSpec) -> Callable[..., Component]:
    def create(*children: Any, **props: Any) -> Component:
        if spec.first_arg_prop and children:
            props = {spec.first_arg_prop: children[0], **props}
            children = children[1:]
        if children and not spec.accepts_children:
            raise TypeError(f"{spec.shown}() takes no children; pass its content as props")
        return Component(spec, [*children], props)

    create.__name__ = create.__qualname__ = spec.name.replace(".", "_")
    create.__doc__ = f"The `{spec.js_name}` component."
    create._pyx_spec = spec  # type: ignore[attr-defined]
    return create


class Fragment(Component):
    """Reflex's `rx.Fragment`: React's <Fragment>. A subclass that adds hooks and renders nothing
    (`render()` returning "") is how Reflex apps attach document-level listeners."""

    tag = "Fragment"
    _pyx_runtime_tag = True  # React's own: nothing to install


class Namespace:
    """`rx.table`: its parts as attributes; calling it builds its high-level form, where it has one."""

    def __init__(self, name: str, call: Callable[..., Component] | None = None, **parts: Callable[..., Any]) -> None:
        self._name = name
        self._call = call
        self.__dict__.update(parts)
        if call is not None:
            self._pyx_spec = call._pyx_spec  # type: ignore[attr-defined]

    def __call__(self, *children: Any, **props: Any) -> Component:
        if self._call is None:
            parts = ", ".join(f"rx.{self._name}.{p}" for p in vars(self) if not p.startswith("_"))
            raise TypeError(f"rx.{self._name} is a namespace; call one of its parts: {parts}")
        return self._call(*children, **props)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        parts = ", ".join(p for p in vars(self) if not p.startswith("_"))
        raise AttributeError(f"pyxjs has no `rx.{self._name}.{name}` yet (it has: {parts})")

    def __repr__(self) -> str:
        return f"rx.{self._name}"


def _namespace(name: str, call: str | None = None, **aliases: str) -> Namespace:
    parts = {spec.name.split(".", 1)[1]: _component_factory(spec) for spec in SPECS.values()
             if spec.name.startswith(name + ".")}
    parts.update({alias: _component_factory(SPECS[target]) for alias, target in aliases.items()})
    return Namespace(name, _component_factory(SPECS[call]) if call else None, **parts)


# rx.theme is both the app's theme settings and this component: components/theme.py's function.
_factories = {name: _component_factory(spec) for name, spec in SPECS.items() if "." not in name and name != "theme"}
globals().update(_factories)

table = _namespace("table")
tabs = _namespace("tabs")
segmented_control = _namespace("segmented_control")
data_list = _namespace("data_list")
dialog = _namespace("dialog")
alert_dialog = _namespace("alert_dialog")
popover = _namespace("popover")
hover_card = _namespace("hover_card")
dropdown_menu = _namespace("dropdown_menu")
context_menu = _namespace("context_menu")
select = _namespace("select", "select")
radio_group = _namespace("radio_group", "radio_group")
radio = radio_group
callout = _namespace("callout", "callout")
color_mode = _namespace("color_mode")
accordion = _namespace("accordion")
input = _namespace("input", "input")  # noqa: A001 - rx.input(...) and rx.input.slot
checkbox_group = _namespace("checkbox_group")
toast_provider = _component_factory(SPECS["toast.provider"])  # rx.toast.provider (pyxjs/__init__.py)
list = _namespace("list", "unordered_list", unordered="unordered_list", ordered="ordered_list",  # noqa: A001
                  item="list_item")

from pyxjs.components.control import color_mode_cond, cond, foreach, fragment, match, memo  # noqa: E402
from pyxjs.components.el import Elements  # noqa: E402
from pyxjs.components.recharts import recharts  # noqa: E402 - wraps npm's recharts with the classes above
from pyxjs.components.drawer import drawer  # noqa: E402 - npm's vaul, as Reflex's rx.drawer
from pyxjs.components.moment import moment  # noqa: E402 - npm's react-moment, as Reflex's rx.moment
from pyxjs.components.plotly import plotly  # noqa: E402 - plotly.js drawing Python plotly figures

el = Elements(_component_factory)
el.elements = el  # Reflex's rx.el.elements, and `import pyxjs.components.el.elements as x`

_NAMESPACES = ["table", "tabs", "segmented_control", "data_list", "dialog", "alert_dialog", "popover", "hover_card",
               "dropdown_menu", "context_menu", "select", "radio_group", "radio", "callout", "list", "color_mode", "accordion", "recharts",
               "input", "checkbox_group", "drawer"]
__all__ = ["Component", "Fragment", "NoSSRComponent", "Namespace", "moment", "plotly", "color_mode_cond", "cond", "el", "memo", "foreach", "fragment", "match",
           *(n for n in _factories if n not in ("fragment", "select", "radio_group", "callout", "input")), *_NAMESPACES]

# `from pyxjs.components import X` for a Reflex name pyxjs lacks: an error naming the Reflex path.
__getattr__ = module_getattr(__name__)
