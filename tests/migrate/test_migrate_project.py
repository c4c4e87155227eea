"""End to end: a small multi-module project laid out as Reflex's docs lay one out (rxconfig.py,
a package with the app module, a state module, components/ and pages/ folders, relative
imports, pages registered with @rx.page in submodules), migrated by `pyx migrate`."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyxjs.cli import cli

APP = "bookshelf_e2e"

PROJECT = {
    "rxconfig.py": f'''
        import reflex as rx

        config = rx.Config(
            app_name="{APP}",
            plugins=[rx.plugins.SitemapPlugin()],
        )
    ''',
    f"{APP}/__init__.py": "",
    f"{APP}/{APP}.py": '''
        """The module Reflex imports: pages register themselves with @rx.page."""

        import reflex as rx

        from . import pages  # noqa: F401 - imported for its pages

        app = rx.App()
    ''',
    f"{APP}/state.py": '''
        """The shelf: its titles and the title being typed."""

        import reflex as rx


        class ShelfState(rx.State):
            titles: list[str] = ["Dune"]
            draft: str = ""

            def set_draft(self, value: str):
                self.draft = value

            def add(self):
                if self.draft:
                    self.titles.append(self.draft)
                    self.draft = ""
    ''',
    f"{APP}/components/__init__.py": "from .card import book_card\n",
    f"{APP}/components/card.py": '''
        from reflex import Component, box, text  # one name at a time


        def book_card(title: str) -> Component:
            return box(text(title), padding="8px")
    ''',
    f"{APP}/pages/__init__.py": "from .about import about\nfrom .index import index\n",
    f"{APP}/pages/index.py": '''
        import reflex as rx

        from ..components import book_card
        from ..state import ShelfState


        @rx.page(route="/", title="Shelf")
        def index() -> rx.Component:
            return rx.vstack(
                rx.foreach(ShelfState.titles, book_card),
                rx.input(value=ShelfState.draft, on_change=ShelfState.set_draft),
                rx.button("Add", on_click=ShelfState.add),
            )
    ''',
    f"{APP}/pages/about.py": '''
        import reflex


        @reflex.page(route="/about")
        def about() -> reflex.Component:
            return reflex.text("A shelf of books.")
    ''',
    "README.md": "import reflex as rx  (not Python: left alone)\n",
}

# The only lines that change: (file, line number) -> the new line. Everything else stays.
CHANGED_LINES = {
    ("rxconfig.py", 1): "import pyxjs as rx",
    (f"{APP}/{APP}.py", 3): "import pyxjs as rx",
    (f"{APP}/state.py", 3): "import pyxjs as rx",
    (f"{APP}/components/card.py", 1): "from pyxjs import Component, box, text  # one name at a time",
    (f"{APP}/pages/index.py", 1): "import pyxjs as rx",
    (f"{APP}/pages/about.py", 1): "import pyxjs as reflex",
}


def source(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("reflex_project")
    for name, text in PROJECT.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(source(text))
    result = CliRunner().invoke(cli, ["migrate", str(root)], catch_exceptions=False)
    return root, result


def test_migration_touches_only_the_import_lines(migrated):
    root, result = migrated
    assert "rewrote 6 imports in 6 files" in result.stderr, result.output
    for name, text in PROJECT.items():
        expected = source(text).splitlines(keepends=True)
        for (file, line), new in CHANGED_LINES.items():
            if file == name:
                expected[line - 1] = new + "\n"
        assert (root / name).read_text() == "".join(expected), name


def test_a_second_run_changes_nothing(migrated):
    root, _ = migrated
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    again = CliRunner().invoke(cli, ["migrate", str(root), "--check", "--no-build"], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    assert {p: p.read_bytes() for p in before} == before


def test_the_migrated_project_builds(migrated):
    root, result = migrated
    assert result.exit_code == 0, result.output
    app = root / APP / f"{APP}.py"
    assert f"checked the build of {app}: the app loads and compiles (2 pages)" in result.stderr
    assert "warning: rx.Config(plugins=[rx.plugins.SitemapPlugin()]) is ignored" in result.stderr  # as the build says
