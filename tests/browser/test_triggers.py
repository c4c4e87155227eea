"""Event triggers that pass the DOM event's own values, and client actions compiled as triggers,
in Chromium: on_key_down gets the key, on_double_click and on_mouse_enter fire their handler,
and `on_click=[State.h, rx.console_log(f"...")]` runs both, the log in the page with no round trip."""

from __future__ import annotations

import pytest

from tests.browser.conftest import connected_page, wait_text

pytestmark = pytest.mark.browser

APP = '''
import pyxjs as rx


class KeyState(rx.State):
    keys: list[str] = []
    doubles: int = 0
    hovers: int = 0
    clicks: int = 0

    def press(self, key: str):
        self.keys.append(key)

    def double(self):
        self.doubles += 1

    def hover(self):
        self.hovers += 1

    def click(self):
        self.clicks += 1

    title: str = ""
    width: int = 0

    def ask_title(self):
        return rx.call_script("new Promise((done) => setTimeout(() => done(document.title), 5))",
                              callback=KeyState.got_title)

    def got_title(self, title: str):
        self.title = title

    def got_width(self, width: int):
        self.width = width


def index():
    return rx.vstack(
        rx.input(placeholder="type", on_key_down=KeyState.press, id="field"),
        rx.text(", ".join(KeyState.keys), id="keys"),
        rx.text(f"{KeyState.doubles} doubles", on_double_click=KeyState.double, id="double"),
        rx.text(f"{KeyState.hovers} hovers", on_mouse_enter=KeyState.hover, id="hover"),
        rx.button("log", on_click=[KeyState.click, rx.console_log(f"clicked after {KeyState.clicks}")], id="log"),
        rx.text(KeyState.clicks, id="clicks"),
        rx.button("title", on_click=KeyState.ask_title, id="ask-title"),
        rx.text(KeyState.title, id="title"),
        rx.button("width", on_click=rx.call_script("document.getElementById('keys').dataset.n = 7; 6 * 7",
                                                   callback=KeyState.got_width), id="ask-width"),
        rx.text(KeyState.width, id="width"),
    )


app = rx.App()
app.add_page(index, title="Trigger page")
'''


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("triggers"), APP) as running:
        yield running


def test_triggers_pass_their_values_and_actions_run_in_the_page(browser, server):
    with connected_page(browser, server.url + "/") as (page, problems, _):
        page.locator("#field").press("a")
        page.locator("#field").press("Enter")
        wait_text(page, "#keys", "a, Enter")  # on_key_down passes e.key
        page.locator("#double").dblclick()
        wait_text(page, "#double", "1 doubles")
        page.locator("#hover").hover()
        wait_text(page, "#hover", "1 hovers")
        page.locator("#log").click()
        wait_text(page, "#clicks", "1")
        # the console_log action ran in the page with the value shown when it was clicked
        assert "clicked after 0" in problems.logs, problems.logs
        assert problems.lines == []


def test_call_script_returns_the_script_value_to_its_callback(browser, server):
    with connected_page(browser, server.url + "/") as (page, problems, _):
        page.locator("#ask-title").click()  # a handler returned rx.call_script(..., callback=...)
        wait_text(page, "#title", "Trigger page")  # the promise's value, awaited
        page.locator("#ask-width").click()  # the action used directly as a trigger
        wait_text(page, "#width", "42")  # the last statement's value, as eval gives it
        assert page.evaluate("document.getElementById('keys').dataset.n") == "7"
        assert problems.lines == []
