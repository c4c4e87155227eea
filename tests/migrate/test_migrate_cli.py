"""`pyx migrate` through click's CliRunner: --check, --diff, exit codes, idempotence, what the walk
skips, the build's checks on the migrated project, and one multi-module Reflex-layout project."""

from __future__ import annotations

import errno
import os
import subprocess
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyxjs.cli import cli

COUNTER = '''\
"""{name}: one state, one page."""
import reflex as rx


class {cls}(rx.State):
    count: int = 0

    def increment(self):
        self.count += 1


def index() -> rx.Component:
    return rx.vstack(rx.heading({cls}.count), rx.button("more", on_click={cls}.increment){extra})


app = rx.App()
app.add_page(index)
'''


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else textwrap.dedent(content).encode())


def counter_project(root: Path, name: str, extra: str = "") -> Path:
    """A Reflex-layout project with one module; `name` is unique per test (apps load in-process)."""
    cls = "".join(part.title() for part in name.split("_")) + "State"
    write_tree(root, {"rxconfig.py": f'import reflex as rx\n\nconfig = rx.Config(app_name="{name}")\n',
                      f"{name}/__init__.py": "",
                      f"{name}/{name}.py": COUNTER.format(name=name, cls=cls, extra=extra)})
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def migrate(*args: str):
    return CliRunner().invoke(cli, ["migrate", *args], catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    return root


def test_check_reports_a_pending_rewrite_and_writes_nothing(project: Path):
    counter_project(project, "mig_check")
    before = snapshot(project)
    result = migrate("--check")
    assert result.exit_code == 1, result.output
    assert snapshot(project) == before
    assert "would rewrite 2 imports in 2 files" in result.stderr
    assert "mig_check/mig_check.py:2: import reflex as rx  ->  import pyxjs as rx" in result.stderr
    assert "rxconfig.py:1: import reflex as rx  ->  import pyxjs as rx" in result.stderr
    assert "build check skipped" in result.stderr and result.stdout == ""


def test_migrate_writes_then_the_project_is_clean_and_builds(project: Path):
    counter_project(project, "mig_clean")
    first = migrate()
    assert first.exit_code == 0, first.output
    assert "rewrote 2 imports in 2 files" in first.stderr
    assert "checked the build of mig_clean/mig_clean.py: the app loads and compiles (1 page)" in first.stderr
    assert (project / "rxconfig.py").read_text() == 'import pyxjs as rx\n\nconfig = rx.Config(app_name="mig_clean")\n'
    assert (project / "mig_clean/mig_clean.py").read_text().splitlines()[1] == "import pyxjs as rx"
    migrated = snapshot(project)
    # Idempotent: a second run, and --check in CI, change nothing and pass.
    for args in ((), ("--check",), ("--diff",)):
        again = migrate(*args)
        assert again.exit_code == 0, again.output
        assert "no reflex imports left to rewrite" in again.stderr and again.stdout == ""
        assert snapshot(project) == migrated


def test_diff_prints_a_patch_that_git_applies_to_the_same_result(project: Path, tmp_path: Path):
    counter_project(project, "mig_diff")
    (project / "windows.py").write_bytes(b"from reflex import State\r\n\r\nX = 1\r\n")
    (project / "bom.py").write_bytes("\ufeffimport reflex as rx\nA = 'caf\xe9'\n".encode("utf-8"))
    (project / "latin.py").write_bytes("# coding: latin-1\nimport reflex as rx\nA = 'caf\xe9'".encode("latin-1"))
    before = snapshot(project)
    result = migrate("--diff")
    assert result.exit_code == 0, result.output
    assert snapshot(project) == before
    assert "--- a/rxconfig.py\n+++ b/rxconfig.py\n" in result.stdout
    assert "-import reflex as rx\n+import pyxjs as rx\n" in result.stdout
    assert b"-from reflex import State\r\n+from pyxjs import State\r\n" in result.stdout_bytes
    patch = tmp_path / "migrate.patch"
    patch.write_bytes(result.stdout_bytes)
    subprocess.run(["git", "apply", str(patch)], cwd=project, check=True)
    patched = snapshot(project)
    write_tree(project, before)  # and now the real thing, from the same start
    assert migrate("--no-build").exit_code == 0
    assert snapshot(project) == patched


def test_check_with_diff_prints_and_exits_1(project: Path):
    counter_project(project, "mig_check_diff")
    result = migrate("--check", "--diff")
    assert result.exit_code == 1
    assert "+import pyxjs as rx" in result.stdout


def test_usage_errors_exit_2(project: Path, tmp_path: Path):
    missing = migrate(str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "no such folder" in missing.stderr
    (tmp_path / "app.py").write_text("import reflex as rx\n")
    a_file = migrate(str(tmp_path / "app.py"))
    assert a_file.exit_code == 2 and "a file, not a folder" in a_file.stderr
    (project / "tool.py").write_text("import os\n")
    not_reflex = migrate()
    assert not_reflex.exit_code == 2
    assert "not a Reflex project: no rxconfig.py and no Python file that imports reflex" in not_reflex.stderr


def test_the_walk_skips_environments_build_output_hidden_and_ignored_files(project: Path):
    counter_project(project, "mig_walk")
    reflexy = "import reflex as rx\n"
    left_alone = {".venv/lib/reflex_mod.py": reflexy, "env/pyvenv.cfg": "home = /usr\n", "env/lib/r.py": reflexy,
                  "node_modules/pkg/x.py": reflexy, ".web/x.py": reflexy, "dist/x.py": reflexy, ".pyx/x.py": reflexy,
                  ".hidden/x.py": reflexy, "generated/x.py": reflexy, "mig_walk/old_copy.py": reflexy,
                  "notes.txt": reflexy, ".gitignore": "generated/\n*_copy.py\n"}
    write_tree(project, left_alone)
    os.symlink(project / "mig_walk" / "old_copy.py", project / "linked.py")
    result = migrate("--no-build")
    assert result.exit_code == 0, result.output
    after = snapshot(project)
    for name, content in left_alone.items():
        assert after[name] == content.encode(), name
    assert (project / "linked.py").is_symlink()
    assert "rewrote 2 imports in 2 files" in result.stderr


def test_build_errors_are_reported_located_and_exit_1(project: Path):
    counter_project(project, "mig_lacks", extra=", rx.no_such_component()")
    result = migrate()
    assert result.exit_code == 1, result.output
    assert "rewrote 2 imports" in result.stderr  # the rewrite is written all the same
    assert "mig_lacks/mig_lacks.py:13:" in result.stderr and "error PYX103" in result.stderr
    assert "no_such_component" in result.stderr
    assert "not done: the project needs what is listed above" in result.stderr


def test_third_party_packages_and_syntax_errors_are_located_problems(project: Path):
    counter_project(project, "mig_problems")
    write_tree(project, {"mig_problems/auth.py": "import reflex_local_auth\nimport reflex as rx\n",
                         "mig_problems/broken.py": "import reflex as rx\ndef f(:\n",
                         "mig_problems/binary.py": b"import reflex as rx\nX = '\xff'\n"})
    result = migrate("--no-build")
    assert result.exit_code == 1, result.output
    auth = Path("mig_problems") / "auth.py"
    assert f"{auth}:1:1: error: a Reflex third-party package pyxjs cannot use: reflex_local_auth" in result.stderr
    assert f"{Path('mig_problems') / 'broken.py'}:2:" in result.stderr and "error PYX101: syntax error" in result.stderr
    assert (project / auth).read_text() == "import reflex_local_auth\nimport pyxjs as rx\n"
    assert (project / "mig_problems/broken.py").read_text() == "import reflex as rx\ndef f(:\n"  # left as it was
    assert f"{Path('mig_problems') / 'binary.py'}:1:1: error: cannot decode this file: 'utf-8' codec" in result.stderr
    assert (project / "mig_problems/binary.py").read_bytes() == b"import reflex as rx\nX = '\xff'\n"


def test_rxconfig_naming_a_missing_app_module_is_reported_as_the_build_would(project: Path):
    write_tree(project, {"rxconfig.py": 'import reflex as rx\nconfig = rx.Config(app_name="elsewhere")\n'})
    result = migrate()
    assert result.exit_code == 1
    assert (project / "rxconfig.py").read_text().startswith("import pyxjs as rx\n")
    assert "rx.Config(app_name='elsewhere') names the module elsewhere.elsewhere, but there is no" in result.stderr


def test_written_files_keep_their_mode_and_leave_no_temporary_files(project: Path):
    counter_project(project, "mig_mode")
    script = project / "tool.py"
    script.write_text("#!/usr/bin/env python\nimport reflex\n")
    script.chmod(0o755)
    assert migrate("--no-build").exit_code == 0
    assert script.read_text() == "#!/usr/bin/env python\nimport pyxjs as reflex\n"
    assert script.stat().st_mode & 0o777 == 0o755
    assert not [p for p in project.rglob("*.migrate")]


def test_a_folder_without_an_app_is_migrated_and_its_build_check_skipped(project: Path):
    (project / "widgets.py").write_text("import reflex as rx\n\n\ndef badge():\n    return rx.badge('new')\n")
    result = migrate()
    assert result.exit_code == 0, result.output
    assert (project / "widgets.py").read_text().startswith("import pyxjs as rx\n\n\ndef badge():")
    assert "build check skipped: no rxconfig.py, app.py or main.py here names the app" in result.stderr


def test_a_single_file_app_without_rxconfig_is_checked_as_pyx_build_would(project: Path):
    (project / "app.py").write_text(COUNTER.format(name="single", cls="SingleFileState", extra=""))
    result = migrate()
    assert result.exit_code == 0, result.output
    assert "checked the build of app.py: the app loads and compiles (1 page)" in result.stderr


def test_a_file_that_cannot_be_written_is_a_located_problem(project: Path, monkeypatch):
    counter_project(project, "mig_full_disk")
    (project / "x.py").write_text("import reflex as rx\n")
    real_replace = os.replace

    def disk_full_for_x(source, target):
        if Path(target).name == "x.py":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, target)

    monkeypatch.setattr("pyxjs.migrate.project.os.replace", disk_full_for_x)
    result = migrate("--no-build")
    assert result.exit_code == 1
    assert "x.py:1:1: error: cannot write this file: No space left on device" in result.stderr
    assert (project / "x.py").read_text() == "import reflex as rx\n"
    assert (project / "rxconfig.py").read_text().startswith("import pyxjs as rx")  # the others are written
    assert not list(project.rglob("*.migrate"))  # and no temporary file is left behind


def test_an_internal_failure_of_the_compiler_is_reported_not_raised(project: Path, monkeypatch):
    counter_project(project, "mig_internal")

    def broken_compile(*args):
        raise ValueError("'color' is not in list")

    monkeypatch.setattr("pyxjs.bundler.builder.compile_app", broken_compile)
    result = migrate()
    assert result.exit_code == 1
    assert "internal error in pyxjs while compiling the app: ValueError: 'color' is not in list" in result.stderr
