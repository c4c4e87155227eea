"""Pseudo-states, responsive values and rx.App(style=...) become CSS the build ships (the browser
test in tests/browser/test_gallery.py shows them applied); here, the CSS text and the errors."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import pyxjs as rx
from pyxjs.components.cssgen import Declaration, class_rules, css_value, global_rules, pseudo_selector
from pyxjs.loader import load_app
from pyxjs.transpiler import transpile
from pyxjs.transpiler.diagnostics import CompileErrors


def compile_app(tmp_path: Path, body: str):
    app = tmp_path / "app.py"
    app.write_text("import pyxjs as rx\n\n\nclass S(rx.State):\n    n: int = 0\n\n\n" + textwrap.dedent(body)
                   + "\n\napp = rx.App()\napp.add_page(index)\n")
    loaded = load_app(app)
    return transpile([p.component for p in loaded.app.pages.values()], root=tmp_path)


def test_pseudo_names_and_values():
    assert pseudo_selector("_hover") == ":hover" and pseudo_selector("_focus_visible") == ":focus-visible"
    assert pseudo_selector("_before") == "::before" and pseudo_selector("&:active") == ":active"
    assert pseudo_selector("color") is None
    assert css_value("width", 10) == "10px" and css_value("z_index", 3) == "3" and css_value("opacity", 0.5) == "0.5"
    with pytest.raises(ValueError):
        css_value("color", "red;} body{display:none")


def test_equal_styles_share_one_class_and_media_rules_come_after_the_base():
    one = class_rules([Declaration("48em", "", "padding", "2px"), Declaration("", ":hover", "color", "red"),
                       Declaration("", "", "padding", "1px")])
    two = class_rules([Declaration("48em", "", "padding", "2px"), Declaration("", ":hover", "color", "red"),
                       Declaration("", "", "padding", "1px")])
    assert one == two
    name, text = one
    assert text.index(f".{name}{{padding:1px}}") < text.index("@media (min-width: 48em)")


def test_app_style_keys_props_selectors_and_components():
    css = global_rules({"font_size": 14, "h1": {"margin": 0}, rx.text: {"color": "red"}}, lambda k: ".rt-Text")
    assert ".radix-themes{font-size:14px}" in css and "h1{margin:0}" in css and ".rt-Text{color:red}" in css
    assert global_rules({"a": {"color": "red", "_hover": {"color": "blue"}}}, None) == "a{color:red}\na:hover{color:blue}"


def test_a_prop_one_letter_off_a_known_one_is_a_build_error_naming_it(tmp_path):
    with pytest.raises(CompileErrors) as info:
        compile_app(tmp_path, '''
            def index():
                return rx.vstack(rx.text("x", colour="red"), rx.button("b", varient="soft"), rx.box(tab_index=0, role="x"),
                                 rx.badge("x", weight="bold", mx="2"))
            ''')
    text = info.value.format()
    assert "rx.text() has no prop `colour`" in text and "did you mean `color`?" in text
    assert "did you mean `variant`?" in text and "no prop `tab_index`" not in text and text.count("error PYX106") == 2
    assert "`weight`" not in text and "`mx`" not in text  # Radix props, not typos of height/max


def test_component_styles_compile_to_a_class_with_browser_values_as_variables(tmp_path):
    (module,) = compile_app(tmp_path, '''
        def index():
            return rx.box("x", _hover={"color": "red", "width": S.n}, padding=["1px", None, "3px"], margin="2px")
        ''')
    assert "pyx-" in module.code and "--pyx-d0" in module.code
    assert ":hover{color:red;width:var(--pyx-d0)}" in module.css
    assert "padding:1px" in module.css and "margin:2px" in module.css  # the constant inline style joined the class
    assert "@media (min-width: 48em)" in module.css and "30em" not in module.css  # None skips a breakpoint


def test_a_style_that_is_not_a_dict_is_a_build_error(tmp_path):
    with pytest.raises(CompileErrors) as info:
        compile_app(tmp_path, '''
            def index():
                return rx.box("x", _hover=S.n)
            ''')
    assert "takes a dict of CSS properties" in info.value.format()


def test_constant_styles_go_to_a_class_and_browser_values_stay_inline(tmp_path):
    (module,) = compile_app(tmp_path, '''
        def index():
            return rx.vstack(rx.text("a", color="red", style={"font_size": "2em"}, width=S.n, id="a"),
                             rx.code_block("x = 1", language="python", margin="1em"))
        ''')
    # The text's constant styles are a doubled class (it outranks Radix's one-class rules); the var stays inline.
    name = re.search(r'id="a" className="(pyx-[0-9a-f]{8})" style=\{\{ width: ', module.code).group(1)
    assert f".{name}.{name}{{color:red;font-size:2em}}" in module.css
    # A code block sets inline styles of its own on the same element: a class could not beat them.
    assert 'style={{ margin: "1em" }}' in module.code


def test_a_style_dict_constant_splits_like_a_written_one(tmp_path):
    """Reflex's tutorials keep styles in module constants (`style=card_style`): its `_hover` and
    responsive values must reach the class, not be written inline where React drops them."""
    (module,) = compile_app(tmp_path, '''
        card_style = {"padding": ["1px", "2px"], "_hover": {"color": "red"}, "font_size": rx.breakpoints(initial="3px", md="4px"),
                      "border_radius": "8px"}


        def index():
            return rx.el.div("x", style=card_style, id="a")
        ''')
    code = module.code.split("//# sourceMappingURL")[0]
    assert "Hover" not in code and "initial" not in code and "padding:" not in code
    name = re.search(r'id="a" className="(pyx-[0-9a-f]{8})"', module.code).group(1)
    assert f".{name}.{name}{{border-radius:8px;padding:1px;font-size:3px}}" in module.css
    assert f".{name}.{name}:hover{{color:red}}" in module.css
    assert f"@media (min-width: 30em){{.{name}.{name}{{padding:2px}}}}" in module.css
    assert f"@media (min-width: 62em){{.{name}.{name}{{font-size:4px}}}}" in module.css


def test_reflex_shorthands_expand_in_every_style_dict(tmp_path):
    """margin_y / padding_x / bg / bg_color (reflex/style.py's shorthand mapping) in a written
    style dict, a constant one, a pseudo-state and as props: never `margin-y:`, which CSS ignores."""
    (module,) = compile_app(tmp_path, '''
        message_style = dict(margin_y="0.5em", bg="red")


        def index():
            return rx.vstack(
                rx.text("a", style=message_style, id="a"),
                rx.box("b", style={"paddingX": "2px", "bg_color": "blue"}, id="b"),
                rx.box("c", _hover={"bg": "green", "margin_x": "1px"}, bg="white", padding_y="3px", id="c"),
                rx.box("d", style={"margin_y": S.n}, id="d"),
            )
        ''')
    css = module.css
    for bad in ("margin-y", "padding-x", "bg:", "bg-color", "margin-x", "padding-y"):
        assert bad not in css, bad
    assert "margin-top:.5em;margin-bottom:.5em;background:red" in css or \
        "margin-top:0.5em;margin-bottom:0.5em;background:red" in css
    assert "padding-left:2px;padding-right:2px;background-color:blue" in css
    assert ":hover{background:green;margin-left:1px;margin-right:1px}" in css
    assert "background:white" in css and "padding-top:3px;padding-bottom:3px" in css
    assert re.search(r'id="d" style=\{\{ marginTop: [^,]+, marginBottom: ', module.code), module.code
    assert global_rules({"margin_y": 0, "a": {"bg": "red"}}, None) == \
        ".radix-themes{margin-top:0;margin-bottom:0}\na{background:red}"


def test_app_style_at_rules_wrap_the_blocks_of_their_keys():
    # Reflex's overkey example: a blink animation declared in rx.App(style=...)
    css = global_rules({"@keyframes blink": {"0%": {"border_inline_start_color": "transparent"},
                                             "50%": {"opacity": 0.5}}}, None)
    assert css == "@keyframes blink{0%{border-inline-start-color:transparent}50%{opacity:0.5}}"
