"""Var leaves and synchronous commits in Chromium (docs/architecture.md, "Var leaves").

A child that reads only State compiles into a small component of its own; the page around it
stops reading the var. These tests run such a page: every leaf shows its var's changes, the
children that use a component's own values still do, and a delta is in the DOM by the time the
websocket message's handler returns (the store notifies inside React's flushSync)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.browser.conftest import PageProblems, wait_text

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

APP = '''
import pyxjs as rx


class LeafState(rx.State):
    count: int = 0
    name: str = "ada"
    items: list[str] = []

    def bump(self):
        self.count += 1
        self.name = self.name.upper() if self.count % 2 else self.name.lower()
        self.items.append(f"item{self.count}")


def shout(label: str) -> rx.Component:
    return rx.badge(label + "!", id="shout")


def index():
    prefix = "n="
    return rx.vstack(
        rx.button("bump", id="bump", on_click=LeafState.bump),
        rx.text(LeafState.count, id="count"),
        rx.text("name: ", LeafState.name, id="name"),
        rx.text(rx.cond(LeafState.count > 1, "many", "few"), id="many"),
        rx.text(", ".join(LeafState.items), id="items"),
        rx.text(prefix + str(LeafState.count), id="local"),
        shout(LeafState.name),
    )


app = rx.App()
app.add_page(index)
'''

# bench/click.py's hooks wrap each websocket's onmessage handler; this records the page's texts
# as the handler returns, before any microtask or later task runs.
RECORD_AT_HANDLER_END = """(() => {
  window.__atHandlerEnd = [];
  const text = (id) => document.getElementById(id)?.textContent;
  window.__afterMessage = (event) => window.__atHandlerEnd.push({ data: event.data, count: text("count"), name: text("name") });
})()"""


def bench_hooks() -> str:
    # bench/ is a folder of scripts, not a package: import the file by path.
    spec = importlib.util.spec_from_file_location("pyx_bench_click", ROOT / "bench" / "click.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BREAKDOWN_HOOKS


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("leaves"), APP) as running:
        yield running


def test_leaves_and_local_children_show_each_change(browser, server):
    context = browser.new_context()
    try:
        page = context.new_page()
        problems = PageProblems(page)
        page.goto(server.url + "/")
        page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
        wait_text(page, "#count", "0")
        for n, name, many in [(1, "ADA", "few"), (2, "ada", "many"), (3, "ADA", "many")]:
            page.locator("#bump").click()
            wait_text(page, "#count", str(n))
            wait_text(page, "#name", f"name: {name}")
            wait_text(page, "#many", many)
            wait_text(page, "#items", ", ".join(f"item{i}" for i in range(1, n + 1)))
            wait_text(page, "#local", f"n={n}")
            wait_text(page, "#shout", f"{name}!")
        assert problems.lines == []
    finally:
        context.close()


def test_a_delta_is_in_the_dom_when_its_message_handler_returns(browser, server):
    context = browser.new_context()
    try:
        context.add_init_script(bench_hooks())
        context.add_init_script(RECORD_AT_HANDLER_END)
        page = context.new_page()
        problems = PageProblems(page)
        page.goto(server.url + "/")
        page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
        start = int(page.locator("#count").text_content())
        for _ in range(3):
            page.locator("#bump").click()
        wait_text(page, "#count", str(start + 3))
        records = page.evaluate("() => window.__atHandlerEnd")
        deltas = [r for r in records if '"count"' in r["data"] and '"delta"' in r["data"]]
        assert len(deltas) == 3, records
        for step, record in enumerate(deltas, start + 1):
            assert record["count"] == str(step), record
            assert record["name"] == f"name: {'ADA' if step % 2 else 'ada'}", record
        assert problems.lines == []
    finally:
        context.close()
