"""Reflex names added for moved-over apps, at the compiler: every CSS property is a style prop
(MDN's list), rx.asset's URL, rx.plotly without the Python plotly package, and the SVG tags."""

from __future__ import annotations

import importlib.util

import pytest

import pyxjs as rx
from pyxjs.components.css import CSS_PROPERTIES
from pyxjs.transpiler.diagnostics import CompileError, CompileErrors
from pyxjs.transpiler.phases.transform import jsx
from tests.transpiler.test_style_classes import compile_app


def test_every_css_property_is_a_style_prop_and_attributes_keep_their_meaning():
    for name in ("padding_inline_start", "border_image", "grid_template_areas", "container_type", "scroll_snap_type",
                 "margin_y", "bg"):
        assert name in CSS_PROPERTIES, name
    assert "translate" not in CSS_PROPERTIES and "content" not in CSS_PROPERTIES
    assert not any(name.startswith(("webkit_", "moz_", "ms_")) for name in CSS_PROPERTIES)


def test_css_props_compile_to_the_class_and_svg_attributes_stay_attributes(tmp_path):
    (module,) = compile_app(tmp_path, '''
        def index():
            return rx.el.svg(
                rx.el.linear_gradient(rx.el.stop(offset="10%", stop_color="red"), id="g"),
                rx.box(padding_inline_start="1em", border_image="none"),
                view_box="0 0 10 10",
            )
        ''')
    assert '<linearGradient id="g">' in module.code and '<stop offset="10%" stopColor="red" />' in module.code
    assert 'viewBox="0 0 10 10"' in module.code
    assert "padding-inline-start:1em;border-image:none" in module.css


def test_asset_is_the_url_of_a_file_in_assets(tmp_path):
    assert rx.asset("logo.png") == "/logo.png" and rx.asset("/img/a.svg") == "/img/a.svg"
    with pytest.raises(ValueError, match="shared=True"):
        rx.asset("logo.png", shared=True)
    with pytest.raises(ValueError, match="inside the assets"):
        rx.asset("../secret.txt")


def test_plotly_without_the_python_package_is_a_located_error(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(jsx.importlib.util, "find_spec", lambda name, *a: None if name == "plotly" else real(name, *a))
    with pytest.raises((CompileError, CompileErrors)) as info:
        compile_app(tmp_path, '''
            def index():
                return rx.plotly(data={"data": []})
            ''')
    text = info.value.format()
    assert "app.py:" in text and "`plotly` package, which is not installed" in text and "pip install plotly" in text
