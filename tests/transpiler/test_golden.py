"""Golden files: fixtures/transpile/<case>/input.py -> expected.jsx; fixtures/errors/<case>/ -> expected.json.

`pytest --update-goldens` rewrites them; a mismatch writes `_actual.*` beside the golden and
shows the diff, so a change in output is reviewed as a diff.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from pyxjs.loader import load_app
from pyxjs.transpiler import CompileErrors, transpile
from tests.support.render import compare_many

ROOT = Path(__file__).resolve().parents[2]
# The examples are golden cases too, without a copy: fixtures/transpile/example_<name>/ holds
# only the expected output for examples/<name>/app.py.
TRANSPILE_CASES = sorted((ROOT / "fixtures" / "transpile").glob("*/input.py")) + sorted(
    ROOT / "examples" / p.name.removeprefix("example_") / "app.py"
    for p in (ROOT / "fixtures" / "transpile").glob("example_*")
)


def golden_dir(case: Path) -> Path:
    if case.name == "app.py":
        return ROOT / "fixtures" / "transpile" / f"example_{case.parent.name}"
    return case.parent
ERROR_CASES = sorted((ROOT / "fixtures" / "errors").glob("*/input.py"))


def compile_case(path: Path) -> str:
    loaded = load_app(path)
    modules = transpile([page.component for page in loaded.app.pages.values()], root=ROOT)
    # The inline source map is checked on its own; goldens hold the readable code.
    return "\n".join(f"// {m.filename}\n{m.code.split('//# sourceMappingURL=')[0]}" for m in modules)


def check_golden(actual: str, golden: Path, update: bool) -> None:
    actual_path = golden.with_name("_actual" + golden.suffix)
    if update:
        golden.write_text(actual, encoding="utf-8")
        actual_path.unlink(missing_ok=True)
        return
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if actual != expected:
        actual_path.write_text(actual, encoding="utf-8")
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(golden), str(actual_path)))
        pytest.fail(f"output differs from {golden} (run pytest --update-goldens to accept):\n{diff}")
    actual_path.unlink(missing_ok=True)


def test_there_are_cases():
    assert len(TRANSPILE_CASES) >= 5 and len(ERROR_CASES) >= 6
    assert ROOT / "examples" / "github_avatar" / "app.py" in TRANSPILE_CASES


@pytest.mark.parametrize("case", TRANSPILE_CASES, ids=lambda p: golden_dir(p).name)
def test_transpile_golden(case: Path, update_goldens: bool):
    check_golden(compile_case(case), golden_dir(case) / "expected.jsx", update_goldens)


@pytest.fixture(scope="module")
def golden_runs() -> dict[Path, list[str] | str]:
    """Every golden case rendered in node (one bundle, one process) and in CPython."""
    cases, failed = [], {}
    for case in TRANSPILE_CASES:
        scenarios_file = golden_dir(case) / "states.json"
        scenarios = json.loads(scenarios_file.read_text()) if scenarios_file.is_file() else []
        cases.append((case, [{}, *scenarios]))
    try:
        return compare_many(cases)
    except Exception as exc:  # one broken case must not hide which one: run them one by one
        for case, scenarios in cases:
            try:
                failed.update(compare_many([(case, scenarios)]))
            except Exception as single:
                failed[case] = f"{type(single).__name__}: {single}"
        if not failed:
            raise exc
        return failed


@pytest.mark.parametrize("case", TRANSPILE_CASES, ids=lambda p: golden_dir(p).name)
def test_transpiled_golden_runs_like_python(case: Path, golden_runs):
    """The golden's output, run in node through the real runtime and React, shows what the same
    functions show when CPython runs them, for the defaults and each scenario in states.json."""
    problems = golden_runs[case]
    if isinstance(problems, str) and problems.startswith("skip: "):
        pytest.skip(problems)
    assert not problems, problems if isinstance(problems, str) else "\n".join(problems)


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda p: p.parent.name)
def test_error_golden(case: Path, update_goldens: bool):
    with pytest.raises(CompileErrors) as info:
        compile_case(case)
    errors = info.value.errors
    actual = json.dumps([{"code": e.code, "message": e.message, "line": e.line, "col": e.col, "length": e.length}
                         for e in errors],
                        indent=2) + "\n"
    check_golden(actual, case.with_name("expected.json"), update_goldens)
    for error in errors:
        # The formatted message names file:line:col and carries the caret line and a hint.
        text = error.format()
        assert text.startswith(f"{error.file}:{error.line}:{error.col + 1}: error {error.code}:")
        assert "^" in text and "hint: " in text
