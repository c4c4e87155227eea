"""The examples laid out as Reflex projects (rxconfig.py, an app package, relative imports, pages
in submodules through a template of the app's own), served by `pyx run` with no app argument from
the project folder, as a Reflex user runs `reflex run`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import PyxServer, connected_page, wait_text

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def bookshelf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bookshelf") / "bookshelf"
    shutil.copytree(EXAMPLES / "bookshelf", folder, ignore=shutil.ignore_patterns("dist", ".pyx", "__pycache__"))
    server = PyxServer(None, folder / "server.log", cwd=folder)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_bookshelf_pages_state_and_navigation(browser, bookshelf):
    with connected_page(browser, bookshelf.url) as (page, problems, _):
        assert page.title() == "Shelf · Bookshelf"
        assert page.locator(".book-title").all_text_contents() == ["The Dispossessed", "Leaves of Grass", "SPQR"]
        wait_text(page, "#unread-badge", "2 unread")
        page.locator(".read-toggle").nth(1).click()  # Leaves of Grass, from the card component's handler
        wait_text(page, "#unread-badge", "1 unread")

        page.click("#nav-add")  # a client-side move: the socket and the state stay
        page.wait_for_selector("#title")
        assert page.title() == "Add a book · Bookshelf"
        page.fill("#title", "Middlemarch")
        page.fill("#author", "George Eliot")
        page.click("#submit")
        wait_text(page, "#last-added", "Added Middlemarch")  # the handler redirected back to the shelf
        assert page.locator(".book-title").all_text_contents()[-1] == "Middlemarch"
        wait_text(page, "#unread-badge", "2 unread")

        page.click("#nav-stats")
        wait_text(page, "#totals", "4 books, 2 still to read")
        assert problems.lines == []


def test_bookshelf_is_built_from_the_project_folder(bookshelf):
    log = bookshelf.log_file.read_text()
    folder = bookshelf.log_file.parent
    assert (folder / "dist" / "index.html").is_file() and (folder / ".pyx").is_dir()
    assert "warning" not in log  # RadixThemesPlugin is what pyxjs does anyway


@pytest.fixture(scope="module")
def tasks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tasks") / "tasks"
    shutil.copytree(EXAMPLES / "tasks", folder, ignore=shutil.ignore_patterns("dist", ".pyx", "__pycache__"))
    server = PyxServer(folder, folder / "server.log")  # the project folder as the app argument
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_tasks_substate_across_modules_on_load_and_the_disk_manager(browser, tasks):
    with connected_page(browser, tasks.url) as (page, problems, _):
        wait_text(page, "#summary", "1 open · visit 1")  # on_load, added by app.add_page in the main module
        page.click("#to-about")  # the page another module declared with @rx.page
        wait_text(page, "#signed-in", "Signed in as guest")
        page.fill("#name", "ada")
        page.locator("#name").blur()
        wait_text(page, "#signed-in", "Signed in as ada")
        page.click("#to-board")
        wait_text(page, "#summary", "1 open · visit 2")
        page.fill("#new-task", "Ship it")
        page.click("#add")
        page.wait_for_function("() => document.querySelector('#column-todo')?.textContent.includes('Ship it (ada)')")
        page.locator("#column-todo .advance").click()
        page.wait_for_function("() => document.querySelector('#column-doing')?.textContent.includes('Ship it (ada)')")
        wait_text(page, "#summary", "2 open · visit 2")
        # The stylesheet from assets/ applies to the component's class.
        assert page.eval_on_selector(".task-card", "e => getComputedStyle(e).borderLeftWidth") == "4px"
        page.reload()
        page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
        wait_text(page, "#summary", "2 open · visit 3")  # the state outlived the reload
        assert problems.lines == []
    assert any((tasks.log_file.parent / ".pyx" / "states").iterdir())  # rxconfig's state_manager_mode="disk"
