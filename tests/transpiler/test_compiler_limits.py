"""The compiler never crashes and never hangs: constant folding is bounded, and a bug of its own
reaches the user as a located "internal error in pyxjs ..., please report", never a traceback."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from pyxjs.bundler.builder import build
from pyxjs.bundler.errors import BuildError
from pyxjs.loader import load_app
from pyxjs.transpiler import CompileErrors, transpile
from pyxjs.transpiler.phases.transform import expressions
from pyxjs.transpiler.phases.transform.fold_limits import MAX_FOLDED
from tests.support.render import compare


def write(folder: Path, body: str, name: str = "app.py") -> Path:
    path = folder / name
    path.write_text("import pyxjs as rx\n\n\n" + textwrap.dedent(body) + "\n\napp = rx.App()\napp.add_page(index)\n")
    return path


def compile_app(path: Path) -> str:
    loaded = load_app(path)
    return "".join(m.code for m in transpile([p.component for p in loaded.app.pages.values()], root=path.parent))


def test_large_repetitions_run_in_the_browser_instead_of_being_inlined(tmp_path: Path):
    path = write(tmp_path, '''\
        def index():
            return rx.vstack(rx.text('ab' * 10**5), rx.text(len('x' * 10**7)), rx.text(f"{1:>200000}"),
                             rx.text('a' * 3), rx.text('ab'.zfill(300000)))
        ''')
    code = compile_app(path)
    assert len(code) < 20_000  # nothing of the repeated text is in the JSX
    assert '"aaa"' in code  # a small fold still happens
    assert compare(path, [{}]) == []  # and the browser shows what Python shows


def test_folding_a_huge_integer_power_is_refused_without_computing_it(tmp_path: Path):
    path = write(tmp_path, '''\
        def index():
            return rx.text(10 ** 10 ** 8)
        ''')
    with pytest.raises(CompileErrors) as info:
        compile_app(path)  # computing it would take minutes: the refusal comes from the operands' sizes
    (error,) = info.value.errors
    assert error.code == "PYX109" and "about 100,000,001 digits" in error.message


def test_a_fold_result_past_the_limit_without_a_runtime_form_is_a_located_error(tmp_path: Path):
    path = write(tmp_path, f'''\
        WORDS = ["word"] * {MAX_FOLDED // 5}


        def index():
            return rx.text(str(WORDS))
        ''')
    with pytest.raises(CompileErrors) as info:
        compile_app(path)
    (error,) = info.value.errors
    assert error.code == "PYX109" and "too large to inline" in error.message and error.line == 8


def test_an_internal_failure_is_reported_at_the_line_being_compiled(tmp_path: Path, monkeypatch):
    path = write(tmp_path, '''\
        def index():
            label = "total"
            return rx.text(label, 1 + 2)
        ''')

    def broken(self, node):
        raise ValueError("'color' is not in list")

    monkeypatch.setitem(expressions._EXPR_FUNCTION, ast.BinOp, broken)
    with pytest.raises(CompileErrors) as info:
        compile_app(path)
    (error,) = info.value.errors
    assert error.code == "PYX199"
    assert error.message.startswith("internal error in pyxjs at app.py:6, please report")
    assert "ValueError: 'color' is not in list" in error.message
    assert (error.line, error.col) == (6, 26)  # the `1 + 2` being compiled


def test_a_build_shows_an_internal_failure_as_a_message_not_a_traceback(tmp_path: Path, monkeypatch):
    path = write(tmp_path, '''\
        def index():
            return rx.text(1 + 2)
        ''')

    def broken(self, node):
        raise KeyError("boom")

    monkeypatch.setitem(expressions._EXPR_FUNCTION, ast.BinOp, broken)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BuildError) as info:
        build(path, tmp_path / "dist")
    text = str(info.value)
    assert "internal error in pyxjs at app.py:5, please report" in text and "Traceback" not in text
    assert not (tmp_path / "dist").exists()


def test_an_internal_failure_outside_any_function_is_located_at_the_page(tmp_path: Path, monkeypatch):
    path = write(tmp_path, '''\
        def index():
            return rx.text("hi")
        ''')
    from pyxjs.transpiler import project

    def broken(self):
        raise RuntimeError("printer fell over")

    monkeypatch.setattr(project.ModuleUnit, "render", broken)
    with pytest.raises(CompileErrors) as info:
        compile_app(path)
    (error,) = info.value.errors
    assert error.code == "PYX199" and error.message.startswith("internal error in pyxjs at app.py:4, please report")


@pytest.mark.parametrize(("name", "expected"), [("hstak", "hstack"), ("qqqqqqqq", "rx.__all__")])
def test_an_unknown_rx_name_hint_lists_only_the_closest_names(tmp_path: Path, name: str, expected: str):
    path = write(tmp_path, f'''\
        def index():
            return rx.{name}(rx.text("x"))
        ''')
    with pytest.raises(CompileErrors) as info:
        compile_app(path)
    (error,) = info.value.errors
    assert error.code == "PYX103"
    assert expected in error.hint and error.hint.count(",") <= 4 and len(error.hint) < 120
