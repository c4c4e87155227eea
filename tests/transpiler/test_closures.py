"""Functions made by other functions, as Reflex templates write them: a page decorator of the
app's own (`@template(route=..., title=...)` wrapping each page in a layout) and a component
factory (`make_badge("red")`). Each closure instance compiles with the values it closed over, so
two pages made by one template each show their own content, in node as in CPython."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pyxjs.loader import load_app
from pyxjs.transpiler import CompileErrors, transpile
from tests.support.render import compare, js_render

APP = textwrap.dedent('''\
    import pyxjs as rx


    class Visits(rx.State):
        count: int = 3


    def template(route: str, title: str, accent: str = "blue"):
        def decorator(page_content):
            @rx.page(route=route, title=title)
            def templated_page():
                return rx.vstack(rx.heading(title.upper()), rx.badge(accent), page_content())

            return templated_page

        return decorator


    def make_counter(label: str, times: int):
        def counter():
            return rx.text(f"{label}: {Visits.count * times}")

        return counter


    double = make_counter("double", 2)
    triple = make_counter("triple", 3)


    @template(route="/", title="Home", accent="green")
    def home():
        return rx.box(double(), triple())


    @template(route="/about", title="About")
    def about():
        return rx.text("about us")


    app = rx.App()
    ''')


def test_each_closure_instance_means_what_python_says(tmp_path: Path):
    path = tmp_path / "closure_app.py"
    path.write_text(APP)
    assert list(load_app(path).app.pages) == ["/", "/about"]
    assert compare(path, [{"visits": {"count": 3}}, {"visits": {"count": -1}}]) == []
    (home, about), = js_render(path, [{"visits": {"count": 5}}])[0]
    assert "HOME" in home.text and "green" in home.text and "double: 10" in home.text and "triple: 15" in home.text
    assert "ABOUT" in about.text and "blue" in about.text and "about us" in about.text and "HOME" not in about.text


def test_a_closure_over_a_value_the_browser_cannot_have_is_located(tmp_path: Path):
    path = tmp_path / "closure_bad_app.py"
    path.write_text(textwrap.dedent('''\
        import threading

        import pyxjs as rx


        def make_page(lock):
            def page():
                return rx.text(str(lock))

            return page


        app = rx.App()
        app.add_page(make_page(threading.Lock()), route="/")
        '''))
    loaded = load_app(path)
    with pytest.raises(CompileErrors) as info:
        transpile([p.component for p in loaded.app.pages.values()], root=tmp_path)
    assert "closure_bad_app.py:8" in str(info.value), str(info.value)
