"""`pyx wrap PACKAGE COMPONENT --out FILE` on a real npm package (react-switch, whose props are a
TypeScript interface): the wrapper it writes is black-formatted, declares the typed props and
the trigger, and compiles in an app like a hand-written one."""

from __future__ import annotations

from pathlib import Path

import black
from click.testing import CliRunner

from pyxjs.cli import cli
from pyxjs.loader import load_app
from pyxjs.transpiler import transpile

PAGE = '''
import pyxjs as rx
from switch import react_switch


class SwitchState(rx.State):
    on: bool = False

    def flip(self, checked: bool, switch_id: str):
        self.on = checked


def index():
    return react_switch(checked=SwitchState.on, on_change=SwitchState.flip, on_color="#080", height=20)


app = rx.App()
app.add_page(index)
'''


def wrap(*args: str):
    return CliRunner().invoke(cli, ["wrap", *args], catch_exceptions=False)


def test_wrap_writes_a_typed_wrapper_that_compiles(tmp_path: Path):
    out = tmp_path / "switch.py"
    result = wrap("react-switch@7.1.0", "ReactSwitch", "--out", str(out))
    assert result.exit_code == 0, result.output
    source = out.read_text()
    assert black.format_str(source, mode=black.Mode(line_length=100)) == source
    for line in ['library = "react-switch@7.1.0"', 'tag = "ReactSwitch"', "is_default = True",
                 "checked: rx.Var[bool]", "on_color: rx.Var[str]", "height: rx.Var[float]",
                 "unchecked_icon: rx.Var[rx.Component | bool]",
                 # the DOM event is left out of what reaches the handler
                 "on_change: rx.EventHandler[lambda checked, event, id: [checked, id]]",
                 "react_switch = ReactSwitch.create"]:
        assert line in source, line
    assert "class_name" not in source  # passed through by every element, not declared
    (tmp_path / "app.py").write_text(PAGE)
    loaded = load_app(tmp_path / "app.py")
    code = transpile([p.component for p in loaded.app.pages.values()], root=tmp_path)[0].code
    assert 'import { default as $react_switch$ReactSwitch } from "react-switch";' in code
    assert "onChange={($e, $e1, $e2) => switch_state$flip($e, $e2)}" in code
    assert 'onColor="#080" height={20}' in code


def test_an_unknown_component_names_the_close_ones(tmp_path: Path):
    result = CliRunner().invoke(cli, ["wrap", "react-switch@7.1.0", "Switch"])
    assert result.exit_code == 1
    assert "no component `Switch`" in result.output and "did you mean ReactSwitch?" in result.output


def test_an_existing_out_file_is_not_overwritten(tmp_path: Path):
    out = tmp_path / "mine.py"
    out.write_text("# mine\n")
    result = CliRunner().invoke(cli, ["wrap", "react-switch@7.1.0", "ReactSwitch", "--out", str(out)])
    assert result.exit_code == 1 and "exists" in result.output
    assert out.read_text() == "# mine\n"
