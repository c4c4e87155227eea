"""rx.ComponentState and rx.dynamic make components while the app runs; pyxjs compiles them at
build, so each is an error at the line that uses it, saying what to write instead."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pyxjs.loader import AppLoadError, load_app


def load_error(tmp_path: Path, body: str) -> str:
    app_path = tmp_path / "runtime_names_app.py"
    app_path.write_text("import pyxjs as rx\n\n" + textwrap.dedent(body) + textwrap.dedent('''
        def index():
            return rx.text("x")


        app = rx.App()
        app.add_page(index)
        '''))
    with pytest.raises(AppLoadError) as info:
        load_app(app_path)
    return str(info.value)


def test_a_component_state_is_refused_at_its_class(tmp_path: Path):
    message = load_error(tmp_path, '''
        class Counter(rx.ComponentState):
            count: int = 0

            @classmethod
            def get_component(cls, **props):
                return rx.button(cls.count, **props)
        ''')
    assert "runtime_names_app.py:4: error while importing the app: TypeError: class Counter(rx.ComponentState)" in message
    assert "dict keyed by an id" in message


def test_a_dynamic_component_is_refused_at_its_decorator(tmp_path: Path):
    message = load_error(tmp_path, '''
        class PanelState(rx.State):
            n: int = 0


        @rx.dynamic
        def panel(state: PanelState):
            return rx.text(state.n)
        ''')
    assert "runtime_names_app.py:8: error while importing the app: TypeError: @rx.dynamic panel()" in message
    assert "rx.cond / rx.foreach / rx.match" in message
