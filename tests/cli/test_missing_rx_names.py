"""A Reflex name pyxjs lacks is a build error at each use, even inside an event handler whose
body would otherwise fail only at its first event (seen by no one but the server log); a name
the transpiler already reports inside a component is reported once."""

from __future__ import annotations

import textwrap
from pathlib import Path

from click.testing import CliRunner

from pyxjs.cli import cli
from pyxjs.loader import load_app


def build(app_path: Path):
    return CliRunner().invoke(cli, ["build", str(app_path)], catch_exceptions=False)


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
                return rx.telepathy("f")


        def index():
            return rx.tabs.sideways(rx.text(MissState.n))


        app = rx.App()
        app.add_page(index)
        '''))
    result = build(app_path)
    assert result.exit_code == 1
    heads = [line.replace(f"{tmp_path}/", "") for line in result.output.splitlines() if ": error " in line]
    assert heads == [
        "miss_app.py:10:16: error PYX103: pyxjs has no `rx.telepathy` yet",
        "miss_app.py:14:12: error PYX103: `rx.tabs` has no attribute `sideways`",  # the transpiler's, once
        "miss_helpers.py:5:12: error PYX103: pyxjs has no `rx.not_a_pyxjs_action` yet",
    ]
    assert "3 errors" in result.output
    assert not (tmp_path / ".pyx" / "node_modules").exists() and not (tmp_path / "dist").exists()


def test_a_misspelt_name_in_a_handler_gets_the_close_match(tmp_path: Path):
    app_path = tmp_path / "typo_app.py"
    app_path.write_text(textwrap.dedent('''\
        import pyxjs as rx


        class TypoState(rx.State):
            def go(self):
                return rx.tost("saved")


        def index():
            return rx.button("go", on_click=TypoState.go)


        app = rx.App()
        app.add_page(index)
        '''))
    result = build(app_path)
    assert result.exit_code == 1
    assert "typo_app.py:6:16: error PYX103: pyxjs has no `rx.tost`" in result.output
    assert "hint: did you mean `rx.toast`?" in result.output


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
