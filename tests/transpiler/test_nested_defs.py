"""A `def` inside a component or helper, as Reflex apps write them (a row renderer handed to
rx.foreach, a small formatting helper called a few times): each becomes a JS arrow in place,
closing over the same locals, and shows in node what CPython shows. Also app functions passed
to other functions as arguments (render functions of higher-order helpers)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from pyxjs.loader import load_app
from pyxjs.transpiler import CompileErrors, transpile
from tests.support.render import compare, js_render

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "fixtures" / "transpile" / "nested_def_helpers"


def test_nested_defs_show_what_python_shows():
    scenarios = json.loads((CASE / "states.json").read_text())
    assert compare(CASE / "input.py", [{}, *scenarios]) == []
    (page,), = js_render(CASE / "input.py", [{"shop": {"factor": 10, "rows": [{"name": "nib", "price": "1"}]}}])[0]
    # tag() with its default, with a keyword, and with an int (a second compilation of it)
    assert "item: one" in page.text and "ITEM: TWO" in page.text and "item: 2" in page.text
    assert "2 50" in page.text and "item: nib" in page.text and "name=nib" in page.text


def test_nested_def_reads_state_through_hoisted_hooks(tmp_path: Path):
    """The arrow holds no hook: the State read its body makes is one hook at the top of the
    component, so calling it in a loop keeps React's rules of hooks."""
    path = tmp_path / "hooks_app.py"
    path.write_text(textwrap.dedent('''\
        import pyxjs as rx


        class S(rx.State):
            unit: str = "kg"
            items: list[int] = [1, 2, 3]


        def index():
            def amount(n: int):
                return rx.text(f"{n} {S.unit}")

            return rx.box(rx.foreach(S.items, amount), amount(0))


        app = rx.App()
        app.add_page(index)
        '''))
    loaded = load_app(path)
    code = transpile([p.component for p in loaded.app.pages.values()], root=tmp_path)[0].code
    arrow = code[code.index("const amount"):code.index("return <")]
    assert "useVar" not in arrow and code.count('$useVar("s", "unit")') == 1, code
    assert compare(path, [{}, {"s": {"unit": "", "items": []}}, {"s": {"unit": "€", "items": [-4]}}]) == []


def test_nested_def_misuse_is_located(tmp_path: Path):
    path = tmp_path / "bad_nested_app.py"
    path.write_text(textwrap.dedent('''\
        import pyxjs as rx


        def index():
            def cell(a, b, c):
                return rx.text(a)

            @rx.memo
            def boxed(x):
                return rx.box(x)

            return rx.box(rx.foreach(["a"], cell), cell(1, 2), boxed(1))


        app = rx.App()
        app.add_page(index)
        '''))
    loaded = load_app(path)
    with pytest.raises(CompileErrors) as info:
        transpile([p.component for p in loaded.app.pages.values()], root=tmp_path)
    found = [(e.line, e.code, e.message) for e in info.value.errors]
    assert any(line == 12 and "takes the item, and optionally its index" in m for line, _, m in found), found
    assert any(line == 12 and "missing its argument `c`" in m for line, _, m in found), found
    assert any(line == 8 and code == "PYX102" and "a decorator on nested function `boxed`" in m
               for line, code, m in found), found



def test_app_functions_passed_as_arguments_show_what_python_shows():
    """section(title, rows, entry): the callee calls `render` and hands it to rx.foreach; a
    helper calls the function it is given (apply(shout, ...))."""
    case = ROOT / "fixtures" / "transpile" / "function_arguments"
    scenarios = json.loads((case / "states.json").read_text())
    assert compare(case / "input.py", [{}, *scenarios]) == []
    (page,), = js_render(case / "input.py", [{"form": {"headers": [{"k": "h", "v": "9"}], "cookies": [],
                                                       "label": "ok"}}])[0]
    assert "h=9ok" in page.text and "first=xok" in page.text and "OK!" in page.text
