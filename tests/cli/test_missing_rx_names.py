"""A Reflex name pyxjs lacks is a load error naming each use, even inside an event handler whose
body would otherwise fail only at its first event (seen by no one but the server log)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pyxjs.loader import AppLoadError, load_app


def test_missing_names_in_handlers_helpers_and_namespaces_are_listed_in_order(tmp_path: Path):
    (tmp_path / "miss_helpers.py").write_text(textwrap.dedent('''\
        import pyxjs as reflex


        def notify():
            return reflex.not_a_pyxjs_action("hi")
        '''))
    app_path = tmp_path / "miss_app.py"
    app_path.write_text(textwrap.dedent('''\
        import pyxjs as rx
        from miss_helpers import notify


        class MissState(rx.State):
            n: int = 0

            def go(self):
                self.n += 1
                return rx.call_function("f")


        def index():
            return rx.tabs.sideways(rx.text(MissState.n))


        app = rx.App()
        app.add_page(index)
        '''))
    with pytest.raises(AppLoadError) as caught:
        load_app(app_path)
    lines = str(caught.value).splitlines()
    assert lines[:3] == [
        "miss_app.py:10:16: pyxjs has no `rx.call_function` yet",
        "miss_app.py:14:12: pyxjs has no `rx.tabs.sideways` yet (it has: root, list, trigger, content)",
        "miss_helpers.py:5:12: pyxjs has no `rx.not_a_pyxjs_action` yet",
    ]
    assert lines[3].startswith("hint: ")


def test_names_pyxjs_has_load(tmp_path: Path):
    app_path = tmp_path / "has_app.py"
    app_path.write_text(textwrap.dedent('''\
        import pyxjs as rx


        class HasState(rx.State):
            def go(self):
                return [rx.toast("saved"), rx.set_value("q", ""), rx.redirect("/")]


        def index():
            return rx.tabs.root(rx.tabs.list(rx.tabs.trigger("a", value="a")), rx.button("go", on_click=HasState.go))


        app = rx.App()
        app.add_page(index)
        '''))
    assert list(load_app(app_path).app.pages) == ["/"]
