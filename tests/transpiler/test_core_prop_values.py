"""Core components' prop values are checked against what Radix Themes takes (a wrong literal or a
var of the wrong type is a build error naming the values that fit) and written the way Radix
reads them (`size=3` is "3", a slider's single number a one-item list): checked in the HTML
React renders with the real Radix components."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from pyxjs.components.radix_props import VALUE_TYPES
from pyxjs.components.spec import SPECS
from pyxjs.transpiler.diagnostics import CompileErrors
from tests.support.render import js_render
from tests.transpiler.test_style_classes import compile_app


def test_every_typed_prop_is_a_prop_the_component_reads():
    for name, types in VALUE_TYPES.items():
        spec = SPECS[name]  # a KeyError names a table entry for no component
        assert not set(types) - spec.props, (name, set(types) - spec.props)


def test_wrong_literals_are_errors_with_the_closest_value(tmp_path):
    with pytest.raises(CompileErrors) as info:
        compile_app(tmp_path, '''
            def index():
                return rx.vstack(
                    rx.button("b", size="5"),
                    rx.badge("x", variant="outlined"),
                    rx.text("t", color_scheme="blu"),
                    rx.hstack(justify="space-between"),
                    rx.heading("h", size={"initial": "2", "md": "12"}),
                )
            ''')
    text = info.value.format()
    assert text.count("error PYX117") == 5, text
    assert "rx.button(): prop `size` takes Literal['1', '2', '3', '4'], not '5'" in text
    assert "did you mean 'outline'?" in text and "did you mean 'blue'?" in text
    assert "prop `justify` takes Literal['start', 'center', 'end', 'between'], not 'space-between'" in text
    assert "not '12'" in text  # each breakpoint's value is checked
    assert re.search(r"app\.py:\d+:\d+: error PYX117", text)


def test_a_var_of_the_wrong_type_is_an_error(tmp_path):
    with pytest.raises(CompileErrors) as info:
        compile_app(tmp_path, '''
            class F(rx.State):
                flag: bool = False
                label: str = "x"

            def index():
                return rx.vstack(rx.button("b", disabled=F.label), rx.input(placeholder=F.flag),
                                 rx.button("ok", disabled=F.flag), rx.input(placeholder=F.label))
            ''')
    text = info.value.format()
    assert text.count("error PYX117") == 2, text
    assert "prop `disabled` takes bool, but this is str" in text
    assert "prop `placeholder` takes str, but this is bool" in text


APP = textwrap.dedent('''\
    import pyxjs as rx


    class P(rx.State):
        level: int = 2
        volume: int = 30


    def index():
        return rx.vstack(
            rx.button("fixed", size=3, id="fixed"),
            rx.button("from state", size=P.level, id="dynamic"),
            rx.heading("responsive", size={"initial": 2, "md": "6"}, id="responsive"),
            rx.slider(default_value=40, id="one"),
            rx.slider(value=P.volume, id="two"),
            spacing=2,
        )


    app = rx.App()
    app.add_page(index)
    ''')


def test_values_are_written_the_way_radix_reads_them(tmp_path: Path):
    path = tmp_path / "sizes_app.py"
    path.write_text(APP)
    ((page,),) = js_render(path, [{"p": {"level": 4, "volume": 70}}])[0]
    markup = page.markup
    assert re.search(r'<button[^>]*class="[^"]*rt-r-size-3[^"]*"[^>]*id="fixed"|id="fixed"[^>]*rt-r-size-3', markup), markup
    assert re.search(r'id="dynamic"[^>]*rt-r-size-4|rt-r-size-4[^>]*id="dynamic"', markup), markup
    assert "rt-r-size-2" in markup and "md:rt-r-size-6" in markup, markup
    assert '<h1 id="responsive" class="rt-Heading rt-r-size-2 md:rt-r-size-6">' in markup, markup  # the int 2 too
    assert "rt-r-gap-2" in markup, markup
    # Each slider's range ends at the value given (a single number became a one-item list).
    assert 'id="one"' in markup and "left:0%;right:60%" in markup, markup
    assert 'id="two"' in markup and "left:0%;right:30%" in markup, markup


def test_a_prop_no_component_or_element_takes_is_an_error_naming_the_props(tmp_path):
    with pytest.raises(CompileErrors) as info:
        compile_app(tmp_path, '''
            def index():
                return rx.vstack(rx.button("b", foo="x"), rx.text("t", tab_index=0, aria_label="x", data_x="y"),
                                 rx.el.div("raw", foo="kept"), rx.button("c", custom_attrs={"foo": "x"}))
            ''')
    text = info.value.format()
    assert text.count("error PYX106") == 1, text
    assert "rx.button() has no prop `foo`" in text and "its props are: " in text and "loading" in text
    assert 'custom_attrs={"foo": ...}' in text
