"""Before/after trees, as libcst's own codemod tests pair them: fixtures/migrate/<case>/before/ is a
project, after/ what `pyx migrate` must leave, byte for byte (encodings, CRLF and a missing final
newline included), and findings.txt what it must report. Found by glob; `pytest --update-goldens`
rewrites after/ and findings.txt from the current output."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from pyxjs.migrate import plan_migration, write_changes

CASES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "migrate"
CASES = sorted(path for path in CASES_DIR.iterdir() if (path / "before").is_dir())


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def findings_of(project: Path) -> list[str]:
    return [f"{problem.path.relative_to(project).as_posix()}:{problem.finding.line}:{problem.finding.col}: "
            f"{problem.finding.message}" for problem in plan_migration(project).problems]


def show_difference(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    lines = [f"files: expected {sorted(expected)}, got {sorted(actual)}"] if expected.keys() != actual.keys() else []
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] != actual[name]:
            lines += difflib.unified_diff([repr(l) for l in expected[name].splitlines(keepends=True)],
                                          [repr(l) for l in actual[name].splitlines(keepends=True)],
                                          f"expected/{name}", f"actual/{name}", lineterm="")
    return "\n".join(lines)


def test_cases_are_found():
    assert len(CASES) >= 9, CASES


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_migrate_fixture(case: Path, tmp_path: Path, update_goldens: bool):
    project = tmp_path / "project"
    shutil.copytree(case / "before", project)
    write_changes(plan_migration(project))
    findings = findings_of(project)
    expected_findings_file = case / "findings.txt"
    if update_goldens:
        shutil.rmtree(case / "after", ignore_errors=True)
        shutil.copytree(project, case / "after")
        if findings:
            expected_findings_file.write_text("".join(f"{line}\n" for line in findings))
        else:
            expected_findings_file.unlink(missing_ok=True)
    actual, expected = tree(project), tree(case / "after")
    assert actual == expected, show_difference(expected, actual)
    expected_findings = expected_findings_file.read_text().splitlines() if expected_findings_file.is_file() else []
    assert findings == expected_findings
    # A second run rewrites nothing and reports the same.
    again = plan_migration(project)
    assert again.changed == [] and again.rewrite_count == 0
    assert findings_of(project) == expected_findings
