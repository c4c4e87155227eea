"""Props the page shows as attributes rather than text, checked in React's rendered HTML:
style= from a value only known in the browser, **props from a constant, class_name, id."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.support.render import js_render

APP = textwrap.dedent('''\
    import pyxjs as rx

    BASE = {"font_size": "2em"}
    EXTRA = {"id": "greeting", "title": "hello there", "class_name": "big"}


    class Theme(rx.State):
        dark: bool = False
        accent: str = "tomato"


    def index():
        style = {"background_color": "black", "color": "white"} if Theme.dark else {"color": Theme.accent}
        return rx.vstack(
            rx.text("styled", style=style, id="styled"),
            rx.text("merged", style={**BASE, "font_weight": "bold"}, id="merged"),
            rx.text("props", **EXTRA),
        )


    app = rx.App()
    app.add_page(index)
    ''')


def test_style_and_props_reach_the_rendered_html(tmp_path: Path):
    path = tmp_path / "props_app.py"
    path.write_text(APP)
    (light,), (dark,) = js_render(path, [{"theme": {"dark": False, "accent": "teal"}}, {"theme": {"dark": True}}])[0]
    assert '<span id="styled" style="color:teal" class="rt-Text">' in light.markup, light.markup
    assert '<span id="styled" style="background-color:black;color:white" class="rt-Text">' in dark.markup, dark.markup
    assert '<span id="merged" style="font-size:2em;font-weight:bold" class="rt-Text">' in light.markup, light.markup
    assert '<span id="greeting" title="hello there" class="rt-Text big">' in light.markup, light.markup
