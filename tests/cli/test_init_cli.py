"""`pyx init [DIR] [--template ...]` through click's CliRunner: the files each template makes, black
formatting, the refusal to overwrite, and a real `pyx build` of every template's project."""

from __future__ import annotations

import json
import os
from pathlib import Path

import black
import pytest
from click.testing import CliRunner

from pyxjs.cli import cli
from pyxjs.cli.init_cmd import TEMPLATES, app_name_for

PAGES = {"blank": ["/"], "counter": ["/"], "dashboard": ["/"], "multipage": ["/", "/about"]}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def project_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("template", TEMPLATES)
def test_init_makes_a_reflex_layout_project(tmp_path: Path, template: str):
    folder = tmp_path / "My Shop-2"
    result = run("init", str(folder), "--template", template)
    assert result.exit_code == 0, result.output
    name = "my_shop_2"
    files = project_files(folder)
    assert {"rxconfig.py", ".gitignore", "README.md", f"{name}/__init__.py", f"{name}/{name}.py"} <= files
    assert (folder / "assets").is_dir()
    assert f'rx.Config(app_name="{name}")' in (folder / "rxconfig.py").read_text()
    ignored = (folder / ".gitignore").read_text().split()
    assert {".pyx/", "dist/", "__pycache__/", "uploaded_files/"} <= set(ignored)
    for path in files:
        if path.endswith(".py"):
            text = (folder / path).read_text()
            assert black.format_str(text, mode=black.Mode()) == text, f"{path} is not black-formatted"
            compile(text, path, "exec")
    assert "{{" not in "".join((folder / path).read_text() for path in files)
    # The next command to run, from where the user is.
    assert "pyx run" in result.output and str(folder) in result.output


def test_multipage_has_pages_and_components_with_relative_imports(tmp_path: Path):
    folder = tmp_path / "notes"
    assert run("init", str(folder), "--template", "multipage").exit_code == 0
    files = project_files(folder)
    assert {"notes/pages/__init__.py", "notes/pages/index.py", "notes/pages/about.py",
            "notes/components/__init__.py", "notes/components/layout.py", "notes/state.py"} <= files
    assert "from ..components.layout import layout" in (folder / "notes/pages/index.py").read_text()
    assert "from .pages import" in (folder / "notes/notes.py").read_text()


def test_init_without_a_folder_uses_the_current_one(tmp_path: Path):
    folder = tmp_path / "shop"
    folder.mkdir()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = run("init", "--template", "blank")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert (folder / "shop" / "shop.py").is_file()
    assert "Next: pyx run" in result.output


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path):
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "README.md").write_text("mine\n")
    (folder / "notes.txt").write_text("unrelated\n")
    result = CliRunner().invoke(cli, ["init", str(folder)], catch_exceptions=False)
    assert result.exit_code == 1
    assert str(folder / "README.md") in result.output and "nothing was written" in result.output
    assert project_files(folder) == {"README.md", "notes.txt"}
    assert not (folder / "assets").exists()
    assert (folder / "README.md").read_text() == "mine\n"


def test_init_refuses_a_file_as_its_folder(tmp_path: Path):
    target = tmp_path / "taken"
    target.write_text("x")
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code != 0 and "taken" in result.output


@pytest.mark.parametrize("folder, expected", [
    ("My Shop-2", "my_shop_2"), ("2fast", "app_2fast"), ("class", "class_app"), ("json", "json_app"),
    ("pyxjs", "pyxjs_app"), ("café", "caf"), ("---", "app_app"),
])
def test_app_name_is_a_valid_package_name(folder: str, expected: str):
    name = app_name_for(Path("/x") / folder)
    assert name == expected and name.isidentifier()


@pytest.fixture(scope="module")
def shared_node_modules(tmp_path_factory) -> dict:
    """The first template's build installs the npm packages; the others link to them (npm's work
    is the same for each: the same lockfile)."""
    return {}


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_builds(tmp_path_factory, shared_node_modules: dict, template: str):
    folder = tmp_path_factory.mktemp("built") / f"{template}_app"
    assert run("init", str(folder), "--template", template).exit_code == 0
    if "path" in shared_node_modules:
        (folder / ".pyx").mkdir()
        (folder / ".pyx" / "node_modules").symlink_to(shared_node_modules["path"], target_is_directory=True)
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = run("build")  # no argument: the project in the current folder, as the README says
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    shared_node_modules.setdefault("path", (folder / ".pyx" / "node_modules").resolve())
    manifest = json.loads((folder / "dist" / "manifest.json").read_text())
    assert sorted(manifest["routes"]) == PAGES[template]
    assert (folder / "dist" / manifest["entry"]["js"]).is_file()
