"""An app's own npm packages: `pyx build` installs what its wrapped components declare, pins it
in pyx.lock.json beside app.py, installs from that lockfile afterwards, and says clearly when a
package or version does not exist. Real npm, a real package (react-day-picker)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyxjs.cli import cli

APP = '''
import pyxjs as rx


class DatePicker(rx.Component):
    library = "{library}"
    tag = "DayPicker"
    mode: rx.Var[str] = "single"
    on_select: rx.EventHandler[lambda day: [day]]


class PickState(rx.State):
    picked: str = ""

    def pick(self, day: str | None):
        self.picked = day or ""


def index():
    return rx.vstack(DatePicker.create(on_select=PickState.pick), rx.text(PickState.picked))


app = rx.App()
app.add_page(index)
'''


def build(folder: Path):
    return CliRunner().invoke(cli, ["build", str(folder / "app.py")], catch_exceptions=False)


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("npm_app")
    (folder / "app.py").write_text(APP.format(library="react-day-picker@10.0.2"))
    result = build(folder)
    assert result.exit_code == 0, result.output
    return folder, result.output


def test_the_package_is_installed_bundled_and_pinned_beside_the_app(first_build):
    folder, output = first_build
    assert "pinning them in pyx.lock.json" in output
    lock = json.loads((folder / "pyx.lock.json").read_text())
    assert lock["packages"][""]["dependencies"]["react-day-picker"] == "10.0.2"
    assert lock["packages"][""]["dependencies"]["react"] == "19.3.1"  # pyxjs's own pins stay
    # Its own dependencies are pinned too, and no entry names the host it came from.
    assert lock["packages"]["node_modules/react-day-picker"]["version"] == "10.0.2"
    assert "node_modules/date-fns" in lock["packages"]
    assert not any("resolved" in entry for entry in lock["packages"].values())
    manifest = json.loads((folder / "dist" / "manifest.json").read_text())
    bundle = (folder / "dist" / manifest["entry"]["js"]).read_text()
    assert "day_button" in bundle and "`rdp-${" in bundle  # react-day-picker's code is in the bundle
    assert "pyx.lock.json" in manifest["inputs"]


def test_a_second_build_runs_no_npm(first_build):
    folder, _ = first_build
    (folder / "app.py").write_text((folder / "app.py").read_text() + "\n# edited\n")
    result = build(folder)
    assert result.exit_code == 0, result.output
    assert "installing" not in result.output


def test_a_fresh_workspace_installs_what_the_lockfile_pins(first_build):
    folder, _ = first_build
    lock = (folder / "pyx.lock.json").read_bytes()
    shutil.rmtree(folder / ".pyx")
    result = build(folder)
    assert result.exit_code == 0, result.output
    assert "installing npm packages" in result.output and "pinning" not in result.output  # npm ci, not install
    assert (folder / "pyx.lock.json").read_bytes() == lock
    installed = json.loads((folder / ".pyx" / "node_modules" / "react-day-picker" / "package.json").read_text())
    assert installed["version"] == "10.0.2"


@pytest.mark.parametrize("library, message", [
    ("react-day-picker@99.0.0", "error: npm package `react-day-picker` has no version 99.0.0"),
    ("pyxjs-test-no-such-package-7f3a@1.0.0", "error: npm has no package named `pyxjs-test-no-such-package-7f3a`"),
])
def test_a_package_that_does_not_resolve_is_a_clear_error(tmp_path: Path, library: str, message: str):
    (tmp_path / "app.py").write_text(APP.format(library=library))
    result = build(tmp_path)
    assert result.exit_code == 1
    assert message in result.output and "class DatePicker at app.py:5" in result.output
    assert "hint: " in result.output
    assert not (tmp_path / "pyx.lock.json").exists() and not (tmp_path / "dist").exists()


def test_a_version_range_is_refused_at_the_class(tmp_path: Path):
    (tmp_path / "app.py").write_text(APP.format(library="react-day-picker@^10"))
    result = build(tmp_path)
    assert result.exit_code == 1
    assert "app.py:5" in result.output and "needs an exact version" in result.output
