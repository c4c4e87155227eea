"""Idioms from Reflex's docs seen in Chromium: a form handler that clears its input with
`rx.set_value`, and `~` / `&` on State bools inside `rx.cond` (Reflex's `not` / `and`)."""

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
