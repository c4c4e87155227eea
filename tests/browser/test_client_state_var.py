"""ClientStateVar (Reflex's page-only var) in Chromium: a trigger sets it and every text that
reads it updates with no frame sent to the server; an input's value, a callback prop and a value
computed from the var itself set it too; a handler's `push` sets it and `retrieve` hands its value
to the server."""

from __future__ import annotations

import pytest

from tests.browser.conftest import connected_page_with_frames, wait_text

pytestmark = pytest.mark.browser

APP = '''
import pyxjs as rx
from pyxjs.experimental.client_state import ClientStateVar

tab = ClientStateVar.create("tab", 0)
query = ClientStateVar.create("query", "")
picked = rx._x.client_state("picked", ["a"])
note = ClientStateVar.create("note", "")

TABS = ["one", "two", "three"]


class CvState(rx.State):
    got: int = -1
    count: int = 0

    def bump(self):
        self.count += 1

    def receive(self, value: int):
        self.got = value

    def ask(self):
        return tab.retrieve(CvState.receive)

    def reset_tab(self):
        return tab.push(0)


def chooser(on_pick: rx.EventHandler) -> rx.Component:
    return rx.input(on_blur=on_pick, id="note-in")


def tab_label() -> rx.Component:
    return rx.text(f"tab {tab.value}: {TABS[tab.value]}", id="shown")


def index():
    return rx.vstack(
        tab,
        rx.hstack(rx.foreach(TABS, lambda name, i: rx.button(name, on_click=tab.set_value(i), id=f"tab-{i}"))),
        tab_label(),
        rx.cond(tab.value == 2, rx.text("last", id="last")),
        rx.input(on_change=query.set_value, id="q"),
        rx.text(query.value.upper(), id="upper"),
        rx.button("clear", on_click=query.set_value(""), id="clear"),
        chooser(on_pick=note.set),
        rx.text(note.value, id="note"),
        rx.button("pick b", on_click=picked.set_value(["b"]), id="pick-b"),
        rx.text(picked.value[0], id="picked"),
        rx.button("next", on_click=tab.set_value((tab.value + 1) % 3), id="next"),
        rx.button("ask", on_click=CvState.ask, id="ask"),
        rx.button("reset", on_click=CvState.reset_tab, id="reset"),
        rx.button("bump", on_click=CvState.bump, id="bump"),
        rx.text(f"server got {CvState.got}, count {CvState.count}", id="got"),
    )


app = rx.App()
app.add_page(index)
'''


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("client_state_var"), APP) as running:
        yield running


def events(sent: list[dict]) -> list[str]:
    return [frame["handler"] for frame in sent if "handler" in frame]


def test_triggers_set_the_client_var_in_the_page_and_send_nothing(browser, server):
    sent: list[dict] = []
    with connected_page_with_frames(browser, server.url + "/", sent) as (page, problems, _):
        wait_text(page, "#shown", "tab 0: one")
        assert page.locator("#last").count() == 0
        page.locator("#tab-2").click()
        wait_text(page, "#shown", "tab 2: three")  # a helper component reading the var re-renders
        wait_text(page, "#last", "last")  # and so does the rx.cond on it
        page.locator("#next").click()  # set from the var's own value: (2 + 1) % 3
        wait_text(page, "#shown", "tab 0: one")
        page.locator("#q").fill("abc")  # on_change=query.set_value: the input's value
        wait_text(page, "#upper", "ABC")
        page.locator("#clear").click()
        wait_text(page, "#upper", "")
        page.locator("#note-in").fill("hello")
        page.locator("#note-in").blur()  # a setter handed to an app component as a callback
        wait_text(page, "#note", "hello")
        page.locator("#pick-b").click()
        wait_text(page, "#picked", "b")
        page.locator("#bump").click()  # a real event, so the socket is known to carry them
        wait_text(page, "#got", "server got -1, count 1")
        assert events(sent) == ["cv_state.bump"], sent  # none of the client var's changes went out
        assert problems.lines == []


def test_a_handler_pushes_a_value_and_retrieves_the_page_value(browser, server):
    sent: list[dict] = []
    with connected_page_with_frames(browser, server.url + "/", sent) as (page, problems, _):
        page.locator("#tab-1").click()
        wait_text(page, "#shown", "tab 1: two")
        page.locator("#ask").click()  # tab.retrieve(CvState.receive): the page sends its value
        wait_text(page, "#got", "server got 1, count 0")
        page.locator("#reset").click()  # tab.push(0) from the handler
        wait_text(page, "#shown", "tab 0: one")
        assert events(sent) == ["cv_state.ask", "cv_state.receive", "cv_state.reset_tab"], sent
        assert problems.lines == []
