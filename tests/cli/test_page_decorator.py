"""`@rx.page(...)` marks pages wherever they are in the app's modules; loading the app adds them
as `app.add_page` would (route, title, on_load), once, also on a second load of the same app."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pyxjs.loader import AppLoadError, load_app

STATE = '''\
import pyxjs as rx


class PageDecoState(rx.State):
    loaded: int = 0

    def load(self):
        self.loaded += 1
'''


def write(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(source))
    return path


def test_decorated_pages_in_the_app_and_in_a_sibling_module(tmp_path: Path):
    write(tmp_path, "deco_state.py", STATE)
    write(tmp_path, "deco_pages.py", '''\
        import pyxjs as rx
        from deco_state import PageDecoState


        @rx.page(route="/about/", title="About us", on_load=PageDecoState.load)
        def about():
            return rx.text("about")
        ''')
    app_path = write(tmp_path, "deco_app.py", '''\
        import pyxjs as rx
        import deco_pages


        @rx.page
        def index():
            return rx.text("home")


        @rx.page(title="Contact")
        def contact_us():
            return rx.text("contact")


        app = rx.App()
        ''')
    for _ in range(2):  # a second load (as `pyx watch` does) finds deco_pages already imported
        pages = load_app(app_path).app.pages
        assert list(pages) == ["/about", "/", "/contact-us"]
        assert (pages["/about"].title, pages["/contact-us"].title, pages["/"].title) == ("About us", "Contact", None)
        assert [spec.handler.name for spec in pages["/about"].on_load] == ["load"]


def test_a_page_both_decorated_and_added_is_one_page(tmp_path: Path):
    app_path = write(tmp_path, "deco_twice.py", '''\
        import pyxjs as rx


        @rx.page(route="/home")
        def index():
            return rx.text("home")


        app = rx.App()
        app.add_page(index, route="/home")
        ''')
    assert list(load_app(app_path).app.pages) == ["/home"]


def test_two_pages_on_one_route_name_the_decorated_function(tmp_path: Path):
    app_path = write(tmp_path, "deco_clash.py", '''\
        import pyxjs as rx


        @rx.page(route="/")
        def home():
            return rx.text("home")


        def index():
            return rx.text("index")


        app = rx.App()
        app.add_page(index)
        ''')
    with pytest.raises(AppLoadError, match=r"deco_clash.py: @rx.page on home\(\): route '/' is taken by index\(\)"):
        load_app(app_path)


def test_decorating_something_else_is_refused_where_it_is(tmp_path: Path):
    app_path = write(tmp_path, "deco_class.py", '''\
        import pyxjs as rx


        @rx.page(route="/")
        class Index:
            pass


        app = rx.App()
        ''')
    with pytest.raises(AppLoadError, match=r"deco_class.py:4: .*TypeError: @rx.page decorates a component function"):
        load_app(app_path)
