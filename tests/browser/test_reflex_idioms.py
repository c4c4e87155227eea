"""Idioms from Reflex's docs seen in Chromium: a form handler that clears its input with
`rx.set_value`, `~` / `&` on State bools inside `rx.cond` (Reflex's `not` / `and`),
`State.setvar(...)` / `self.reset()`; from its tutorials, a toast with `position=`, a style dict
kept in a constant (with `_hover`, a responsive value and the `margin_y` shorthand), and a
computed var that reads the page's path."""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_text

pytestmark = pytest.mark.browser

APP = '''
import pyxjs as rx


message_style = {"margin_y": "7px", "padding": ["3px", "5px"], "_hover": {"color": "rgb(255, 0, 0)"}}


class Idioms(rx.State):
    items: list[str] = []
    hidden: bool = False

    @rx.var
    def current_path(self) -> str:
        return self.router.page.path

    def added(self):
        return rx.toast.info("Added", position="top-center")

    @rx.event
    def add(self, form_data: dict):
        self.items.append(form_data["item"])
        return [rx.set_value("item", ""), rx.scroll_to("items")]

    def toggle(self):
        self.hidden = not self.hidden


class Named(rx.State):
    name: str = "anon"
    count: int = 0

    def start_over(self):
        self.reset()


def index():
    return rx.vstack(
        rx.form(
            rx.input(name="item", id="item"),
            rx.button("Add", type="submit", id="add"),
            on_submit=Idioms.add,
        ),
        rx.text(Idioms.items.join(","), id="items"),
        rx.button("toggle", on_click=Idioms.toggle, id="toggle"),
        rx.text(rx.cond(~Idioms.hidden, "visible", "hidden"), id="shown"),
        rx.text(rx.cond(~Idioms.hidden & (Idioms.items.length() > 0), "list", "no list"), id="both"),
        rx.button("clear", on_click=rx.set_value("item", "cleared"), id="set"),
        rx.input(value=Named.name, on_change=Named.setvar("name"), id="name"),
        rx.button("seven", on_click=Named.setvar("count", 7), id="seven"),
        rx.button("eight", on_click=lambda: Named.setvar("count", 8), id="eight"),
        rx.button("start over", on_click=Named.start_over, id="over"),
        rx.text(Named.name, "/", Named.count, id="named"),
        rx.button("toast", on_click=Idioms.added, id="toast"),
        rx.text("styled", style=message_style, id="styled"),
        rx.text(Idioms.current_path, id="path"),
        rx.link("other", href="/other?q=1", id="other"),
    )


def other():
    return rx.vstack(rx.text(Idioms.current_path, id="path"), rx.link("home", href="/", id="home"))


app = rx.App()
app.add_page(index)
app.add_page(other)
'''


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("reflex_idioms"), APP) as running:
        yield running


def test_set_value_and_bool_operators(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        assert page.locator("#shown").text_content() == "visible"
        assert page.locator("#both").text_content() == "no list"
        page.fill("#item", "milk")
        page.click("#add")
        wait_text(page, "#items", "milk")
        wait_text(page, "#both", "list")
        # the handler's rx.set_value emptied the (uncontrolled) input, as in Reflex
        page.wait_for_function("() => document.querySelector('#item').value === ''")
        page.click("#toggle")
        wait_text(page, "#shown", "hidden")
        wait_text(page, "#both", "no list")
        page.click("#toggle")
        wait_text(page, "#shown", "visible")
        page.click("#set")
        page.wait_for_function("() => document.querySelector('#item').value === 'cleared'")
        assert problems.lines == []


def test_setvar_and_reset(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        wait_text(page, "#named", "anon/0")
        page.fill("#name", "ada")  # on_change=Named.setvar("name"): the typed text
        wait_text(page, "#named", "ada/0")
        page.click("#seven")
        wait_text(page, "#named", "ada/7")
        page.click("#eight")
        wait_text(page, "#named", "ada/8")
        page.click("#over")  # self.reset(): every var back to its default
        wait_text(page, "#named", "anon/0")
        assert page.input_value("#name") == "anon"
        assert problems.lines == []


def test_tutorial_toast_position_constant_style_and_router_path(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        wait_text(page, "#path", "/")
        page.click("#toast")
        viewport = page.locator(".pyx-toast-viewport[data-position=top-center]")
        viewport.locator(".pyx-toast[data-level=info]", has_text="Added").wait_for()
        box = viewport.bounding_box()
        assert box["y"] < 50 and abs(box["x"] + box["width"] / 2 - page.viewport_size["width"] / 2) < 2
        styled = page.locator("#styled")
        assert styled.evaluate("e => [getComputedStyle(e).marginTop, getComputedStyle(e).marginBottom]") == ["7px", "7px"]
        assert styled.evaluate("e => getComputedStyle(e).paddingLeft") == "5px"  # the 30em breakpoint's value
        styled.hover()
        page.wait_for_function("() => getComputedStyle(document.querySelector('#styled')).color === 'rgb(255, 0, 0)'")
        page.click("#other")
        wait_text(page, "#path", "/other")
        page.click("#home")
        wait_text(page, "#path", "/")
        assert problems.lines == []
