"""Idioms from Reflex's docs seen in Chromium: a form handler that clears its input with
`rx.set_value`, `~` / `&` on State bools inside `rx.cond` (Reflex's `not` / `and`), and
`State.setvar(...)` / `self.reset()`."""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_text

pytestmark = pytest.mark.browser

APP = '''
import pyxjs as rx


class Idioms(rx.State):
    items: list[str] = []
    hidden: bool = False

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
    )


app = rx.App()
app.add_page(index)
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
