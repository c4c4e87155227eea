"""State features seen from a real browser: computed vars, in-place list changes, generator
handlers whose every `yield` reaches the page at once, background tasks, client actions.

One small app, written into a temporary folder, one server and one page for the module. Each
test reads what it needs from the page before acting, so they run in any order.
"""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.browser

APP = '''
import asyncio

import pyxjs as rx


class FeatState(rx.State):
    price: float = 2.5
    qty: int = 2
    draft: str = ""
    todos: list[str] = ["buy milk", "walk the dog"]
    progress: int = 0
    stage: str = "idle"
    ticks: int = 0

    @rx.var
    def subtotal(self) -> float:
        return self.price * self.qty

    @rx.var
    def open_count(self) -> int:
        return len(self.todos)

    def add_todo(self):
        if self.draft.strip():
            self.todos.append(self.draft.strip())
        self.draft = ""

    def finish(self, index: int):
        self.todos.pop(index)

    def drop_last(self):
        self.todos.pop()

    async def run_steps(self, steps: int):
        self.progress = 0
        self.stage = "running"
        yield
        for _ in range(steps):
            await asyncio.sleep(0.15)
            self.progress += 1
            yield
        self.stage = "done"

    @rx.event(background=True)
    async def tick(self, n: int):
        for _ in range(n):
            await asyncio.sleep(0.1)
            async with self:
                self.ticks += 1

    def log_total(self):
        return rx.console_log(f"subtotal is {self.subtotal:.2f}")

    def checkout(self):
        self.stage = "checked out"
        return rx.redirect("/done")


def index():
    return rx.vstack(
        rx.hstack(
            rx.input(placeholder="qty", on_change=FeatState.set_qty, id="qty-input"),
            rx.text(FeatState.qty, id="qty"),
            rx.text(FeatState.subtotal, id="subtotal-raw"),
            rx.text(f"{FeatState.subtotal:.2f}", id="subtotal"),
        ),
        rx.hstack(
            rx.input(placeholder="todo", value=FeatState.draft, on_change=FeatState.set_draft, id="todo-input"),
            rx.button("Add", on_click=FeatState.add_todo, id="add"),
            rx.button("Drop last", on_click=FeatState.drop_last, id="drop"),
            rx.text(FeatState.open_count, " open", id="open"),
        ),
        rx.vstack(
            rx.foreach(FeatState.todos, lambda todo, i: rx.hstack(
                rx.text(todo, class_name="todo"),
                rx.button("done", on_click=lambda: FeatState.finish(i)),
                class_name="todo-row",
            )),
            id="todos",
        ),
        rx.hstack(
            rx.button("Run", on_click=FeatState.run_steps(5), id="run"),
            rx.text(FeatState.progress, id="progress"),
            rx.text(FeatState.stage, id="stage"),
        ),
        rx.hstack(
            rx.button("Tick", on_click=FeatState.tick(10), id="tick"),
            rx.text(FeatState.ticks, id="ticks"),
        ),
        rx.hstack(
            rx.button("Log", on_click=FeatState.log_total, id="log"),
            rx.button("Checkout", on_click=FeatState.checkout, id="checkout"),
        ),
    )


@rx.page(route="/done", title="Thanks")  # Reflex's decorator: the loader adds it to the app
def done():
    return rx.vstack(rx.heading("Thanks!", id="thanks"), rx.text(FeatState.stage, id="done-stage"))


app = rx.App()
app.add_page(index, route="/", title="Shop")
'''


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("state_features"), APP) as running:
        yield running


class Tab:
    def __init__(self, page, problems, frames) -> None:
        self.page, self.problems, self.frames = page, problems, frames

    def text(self, selector: str) -> str:
        return self.page.locator(selector).text_content()

    def wait_text(self, selector: str, expected: str, timeout: float = 5000) -> None:
        self.page.wait_for_function(
            "([sel, want]) => document.querySelector(sel)?.textContent === want", arg=[selector, expected], timeout=timeout
        )

    def todos(self) -> list[str]:
        return self.page.locator("#todos .todo").all_text_contents()

    def watch(self, selector: str) -> None:
        """Record every text `selector` shows from now on, with when it showed it (MutationObserver)."""
        self.page.evaluate(
            """sel => {
              const el = document.querySelector(sel);
              const seen = (window.__seen ??= {})[sel] = [[el.textContent, performance.now()]];
              new MutationObserver(() => {
                if (el.textContent !== seen[seen.length - 1][0]) seen.push([el.textContent, performance.now()]);
              }).observe(el, { childList: true, characterData: true, subtree: true });
            }""",
            selector,
        )

    def seen(self, selector: str) -> list[tuple[str, float]]:
        return [tuple(x) for x in self.page.evaluate("sel => window.__seen[sel]", selector)]


@pytest.fixture(scope="module")
def tab(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        yield Tab(page, problems, frames)
    assert problems.lines == []


def test_computed_var_follows_its_input(tab):
    assert tab.text("#subtotal") == f"{2.5 * int(tab.text('#qty')):.2f}"
    for qty in [4, 7, 0]:
        tab.page.locator("#qty-input").fill(str(qty))  # on_change=FeatState.set_qty("<text>"), converted to int
        tab.wait_text("#qty", str(qty))
        tab.wait_text("#subtotal", f"{2.5 * qty:.2f}")
        assert tab.text("#subtotal-raw") == str(2.5 * qty)  # Python's str of a float: "17.5", "0.0"
    assert tab.problems.lines == []


def test_todo_list_changes_in_place(tab):
    page = tab.page
    page.wait_for_selector("#todos .todo")
    todos = tab.todos()
    start = len(tab.frames)

    page.locator("#todo-input").fill("  water plants ")
    page.click("#add")
    todos.append("water plants")
    page.wait_for_function("n => document.querySelectorAll('#todos .todo').length === n", arg=len(todos))
    assert tab.todos() == todos
    tab.wait_text("#open", f"{len(todos)} open")
    assert page.locator("#todo-input").input_value() == ""

    page.locator("#todos .todo-row").nth(0).get_by_role("button", name="done").click()  # self.todos.pop(0)
    todos.pop(0)
    page.wait_for_function("n => document.querySelectorAll('#todos .todo').length === n", arg=len(todos))
    assert tab.todos() == todos

    page.click("#drop")  # self.todos.pop()
    todos.pop()
    page.wait_for_function("n => document.querySelectorAll('#todos .todo').length === n", arg=len(todos))
    assert tab.todos() == todos
    tab.wait_text("#open", f"{len(todos)} open")

    # In place: the append and the pop() at the end went out as list tails, not as the whole list
    # (pop(0) changes every item, so sending the whole list for it is as small as a tail would be).
    tails = [f["patch"]["feat_state"]["todos"] for f in tab.frames[start:] if "todos" in f.get("patch", {}).get("feat_state", {})]
    assert tails == [{"at": len(todos) + 1, "add": ["water plants"]}, {"at": len(todos), "add": []}]
    assert tab.problems.lines == []


def test_generator_handler_shows_each_step(tab):
    tab.watch("#progress")
    started = time.monotonic()
    tab.page.click("#run")  # run_steps(5): yield, then 5 x (sleep 0.15 s, progress += 1, yield)
    tab.wait_text("#stage", "done")
    elapsed = time.monotonic() - started
    seen = tab.seen("#progress")
    values = [int(text) for text, _ in seen]
    assert values[-1] == 5 and values == sorted(values), values
    # The steps in between reached the page while the handler was still running, one by one.
    assert {1, 2, 3, 4} <= set(values), values
    times = {int(text): at for text, at in seen}
    assert times[4] - times[2] > 200  # ms: two sleeps of 0.15 s apart, not one batch at the end
    assert elapsed >= 0.7
    assert tab.problems.lines == []


def test_background_task_pushes_a_counter(tab):
    page = tab.page
    start = int(tab.text("#ticks"))
    qty = int(tab.text("#qty")) + 3
    tab.watch("#ticks")
    page.click("#tick")  # tick(10): 10 x (sleep 0.1 s, async with self: ticks += 1)
    tab.wait_text("#ticks", str(start + 2))
    # The task runs beside the queue: a normal event is answered while it is still counting.
    page.locator("#qty-input").fill(str(qty))
    tab.wait_text("#qty", str(qty))
    assert int(tab.text("#ticks")) < start + 10
    tab.wait_text("#ticks", str(start + 10))
    values = [int(text) for text, _ in tab.seen("#ticks")]
    assert values == list(range(start, start + 11)), values
    assert tab.problems.lines == []


def test_client_actions_from_handlers(tab):
    page = tab.page
    subtotal = tab.text("#subtotal")
    with page.expect_console_message(lambda m: m.type == "log" and m.text.startswith("subtotal is")) as message:
        page.click("#log")  # returns rx.console_log(...)
    assert message.value.text == f"subtotal is {subtotal}"

    page.evaluate("() => { window.__same_document = true; }")
    assert page.title() == "Shop"
    page.click("#checkout")  # returns rx.redirect("/done"): navigates inside the app
    page.wait_for_url("**/done")
    tab.wait_text("#done-stage", "checked out")
    assert page.locator("#thanks").text_content() == "Thanks!"
    assert page.evaluate("() => window.__same_document") is True  # no reload
    assert page.title() == "Thanks"  # the @rx.page's title follows the client-side move

    root = tab.page.url.rsplit("/done", 1)[0]
    page.goto(root + "/done")  # loaded directly, the page has its own title, not the first page's
    page.wait_for_selector("#thanks")
    assert page.title() == "Thanks"
    page.goto(root + "/")  # back for any test that runs after this one
    page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
    page.wait_for_selector("#todos")
    assert page.title() == "Shop"
    assert tab.problems.lines == []
