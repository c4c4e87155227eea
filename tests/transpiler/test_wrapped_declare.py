"""Declaring a wrapped component: the spec a class gives, and the mistakes refused at the class
statement (so the loader reports the user's line)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

import pyxjs as rx
from pyxjs.components import Component


def test_a_class_gives_a_spec_with_typed_props_triggers_and_packages():
    class Picker(rx.Component):
        library = "@scope/picker@1.2.3-beta.1"
        tag = "Picker.Root"
        is_default = True
        lib_dependencies = ["date-fns@4.1.0"]
        data_key: rx.Var[str] = "day"
        on_pick: rx.EventHandler[lambda value, meta: [value, meta.source["id"]]]
        on_open: rx.EventHandler

    spec = Picker.create._pyx_spec
    assert spec.package == "@scope/picker" and spec.export == "default" and spec.js_name == "$scope_picker$Picker.Root"
    assert spec.npm == (("@scope/picker", "1.2.3-beta.1"), ("date-fns", "4.1.0"))
    assert spec.prop_types == {"data_key": str} and spec.renames == {"data_key": "dataKey"}
    assert spec.defaults == {"dataKey": "day"}
    assert spec.events["on_pick"].args == ("e", 'e1.source["id"]') and spec.events["on_pick"].params == ("e", "e1")
    assert spec.events["on_open"].args == ()
    element = Picker.create("child", data_key="x")
    assert isinstance(element, Component) and element.children == ["child"] and element.props == {"data_key": "x"}


def test_a_subclass_inherits_the_library_and_props_of_its_base():
    class Base(rx.NoSSRComponent):
        library = "charts@2.0.0"
        width: rx.Var[int]

    class Area(Base):
        tag = "Area"
        fill: rx.Var[str]

    assert not hasattr(Base, "create") or "create" not in Base.__dict__
    assert set(Area.create._pyx_spec.prop_types) == {"width", "fill"}


def test_hooks_custom_code_and_named_imports_are_read_once_at_the_class():
    class Chart(rx.Component):
        library = "@scope/charts@2.0.0"
        tag = "Chart"
        lib_dependencies = ["d3-scale@4.0.2"]

        def add_imports(self):
            return {"": "@scope/charts/style.css", "react": ["useRef", "useEffect"], "d3-scale": "scaleLinear"}

        def add_hooks(self):
            return ["const ref = useRef(null);", "  "]

        def add_custom_code(self):
            return "const scale = scaleLinear();"

    spec = Chart.create._pyx_spec
    assert spec.side_imports == ("@scope/charts/style.css",)
    assert spec.named_imports == (("react", "useRef", "useRef"), ("react", "useEffect", "useEffect"),
                                  ("d3-scale", "scaleLinear", "scaleLinear"))
    assert spec.hooks == ("const ref = useRef(null);",) and spec.custom_code == ("const scale = scaleLinear();",)


@pytest.mark.parametrize("body, message", [
    ('library = "react-day-picker"\n    tag = "DayPicker"', "needs an exact version"),
    ('library = "react-day-picker@^10.0.0"\n    tag = "DayPicker"', "needs an exact version"),
    ('library = "Not A Package@1.0.0"\n    tag = "X"', "is not an npm package"),
    ('tag = "DayPicker"', "set library ="),
    ('library = "x@1.0.0"\n    tag = "not-a-name"', "must be the JS export's name"),
    ('library = "./Missing.jsx"\n    tag = "Missing"', "no such file"),
    ('library = "x@1.0.0"\n    tag = "X"\n    on_pick: rx.EventHandler[lambda e: e]', "returns a list"),
    ('library = "x@1.0.0"\n    tag = "X"\n    on_pick: rx.EventHandler[lambda e: [e + 1]]', "could not be read"),
    ('library = "x@1.0.0"\n    tag = "X"\n    picked: rx.EventHandler[lambda e: [e]]', "named on_<something>"),
    ('library = "x@1.0.0"\n    tag = "X"\n    when: rx.Var[str] = object()', "JSON value"),
    ('library = "x@1.0.0"\n    tag = "X"\n    def add_imports(self):\n        return {"lodash": ["debounce"]}',
     'add it to lib_dependencies as "lodash@1.2.3"'),
    ('library = "x@1.0.0"\n    tag = "X"\n    def add_imports(self):\n        return {"react": ["use-effect"]}',
     "is not a JS export name"),
    ('library = "x@1.0.0"\n    tag = "X"\n    def add_hooks(self):\n        return [1]', "list of JS code strings"),
    ('library = "x@1.0.0"\n    tag = "X"\n    def _get_imports(self):\n        return {"react": {ImportVar()}}',
     "an ImportVar needs a tag"),
    ('library = "x@1.0.0"\n    tag = "X"\n    def get_event_triggers(self):\n        return {"on_pick": 1}',
     "trigger name -> spec function"),
    ('library = "x@1.0.0"\n    tag = "X"\n    def get_event_triggers(self):\n        return {"pick": lambda e: [e]}',
     "named on_<something>"),
    ('library = "x@1.0.0"\n    tag = "X"\n    def render(self):\n        return "<div/>"',
     'render() may only return ""'),
    ('library = "x@1.0.0"\n    tag = "X"\n    n: rx.Var[int] = 1\n    def _get_custom_code(self):\n'
     '        return "const n = %s;" % self.n', "read the element's props in a hook"),
    ('library = "x@1.0.0"\n    tag = "X"\n    def _get_hooks(self):\n        return self.missing_prop',
     "_get_hooks() failed when pyxjs called it"),
    ('library = "x@1.0.0"\n    tag = "X"\n    mode: rx.Var[str] = "a"\n    def add_hooks(self):\n'
     '        return ["a();"] if self.mode == "a" else []', "test it in the hook's JS, not in Python"),
])
def test_mistakes_are_refused_at_the_class(tmp_path: Path, body: str, message: str):
    source = f"import pyxjs as rx\nfrom pyxjs.utils.imports import ImportVar\n\n\nclass Wrapped(rx.Component):\n    {body}\n"
    path = tmp_path / "wrapped.py"
    path.write_text(source)
    module = types.ModuleType("wrapped_test")
    module.__file__ = str(path)
    sys.modules["wrapped_test"] = module  # as the loader runs an app: a module with a file
    try:
        with pytest.raises(TypeError) as info:
            exec(compile(source, str(path), "exec", dont_inherit=True), module.__dict__)
    finally:
        del sys.modules["wrapped_test"]
    assert message in str(info.value) and "class Wrapped" in str(info.value)


def test_reflex_older_spellings_imports_hooks_custom_code_and_triggers():
    from pyxjs.utils.imports import ImportVar

    class Base(rx.Component):
        library = "chart-kit@1.0.0"

        def add_imports(self):
            return {"": "chart-kit/style.css"}

    class Chart(Base):
        tag = "Chart"
        size: rx.Var[int] = 2

        def _get_imports(self):
            return {**super()._get_imports(),
                    "react": {ImportVar(tag="useRef"), ImportVar(tag="useState", alias="useLocal")},
                    "chart-kit": [ImportVar(tag="Theme", is_default=True), "palette"]}

        def _get_hooks(self):
            return "const box = useRef(null)"

        def _get_custom_code(self):
            return "const shades = palette(3);"

        def get_event_triggers(self):
            return {"on_zoom": lambda level, e: [level, e.shiftKey], "on_reset": lambda: []}

    spec = Chart.create._pyx_spec
    assert spec.side_imports == ("chart-kit/style.css",)
    assert spec.named_imports == (("react", "useRef", "useRef"), ("react", "useState", "useLocal"),
                                  ("chart-kit", "default", "Theme"), ("chart-kit", "palette", "palette"))
    # `size` is a prop, but the hook does not read it: one hook for the class, not per element
    assert spec.hooks == ("const box = useRef(null)",) and spec.element_hooks is None
    assert spec.custom_code == ("const shades = palette(3);",)
    assert spec.events["on_zoom"].args == ("e", "e1.shiftKey") and spec.events["on_reset"].args == ()
    assert not spec.renders_nothing


def test_rx_fragment_renders_react_fragment_and_a_subclass_may_render_nothing():
    assert rx.Fragment.create._pyx_spec.js_name == "Fragment" and rx.Fragment.create._pyx_spec.package is None

    class Listener(rx.Fragment):
        def render(self):
            return ""

    class Wrapper(rx.Fragment):
        pass

    assert Listener.create._pyx_spec.renders_nothing and not Listener.create._pyx_spec.accepts_children
    with pytest.raises(TypeError, match="takes no children"):
        Listener.create("text")
    assert Wrapper.create("a", "b").children == ["a", "b"] and not Wrapper.create._pyx_spec.renders_nothing


def test_a_hook_may_read_the_element_s_id():
    class Focus(rx.Fragment):
        def add_hooks(self):
            return [f"useEffect(() => document.getElementById({self.id})?.focus(), []);"]

    hooks = Focus.create._pyx_spec.element_hooks
    assert hooks is not None and hooks.code({"id": '"name"'}, {}) == \
        ('useEffect(() => document.getElementById("name")?.focus(), []);',)
