"""Reflex idioms that failed before (issue 22), as a user sees them in Chromium: dynamic icons
(lucide's set loaded lazily, only by a page that needs it), a helper's `**props`, module dict
views, form fields keyed by id, rx.prevent_default / rx.stop_propagation, rx.call_function,
a handler passed to a handler, and a private computed var read by a handler."""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_text

pytestmark = pytest.mark.browser

APP = '''
import pyxjs as rx

PRICES = {"apple": 1.5, "pear": 2.25}
NAV = [{"icon": "bell", "label": "Alerts"}, {"icon": "user", "label": "Me"}]


class Dash(rx.State):
    rows: list[dict[str, str]] = [{"icon": "house", "label": "Home"}]
    name: str = "sun"
    clicks: int = 0
    outer: int = 0
    title: str = ""
    log: list[str] = []
    form: dict[str, str] = {}
    items: list[int] = [3, 1, 2]
    smallest_seen: int = -1

    def add_row(self):
        self.rows.append({"icon": "settings", "label": "Settings"})

    def set_bad_name(self):
        self.name = "no-such-icon-here"

    def click(self):
        self.clicks += 1

    def outer_click(self):
        self.outer += 1

    def other(self):
        self.log.append("other")

    def run(self, then: rx.EventHandler):
        self.log.append("run")
        return then

    def submit(self, data: dict):
        self.form = {key: str(value) for key, value in data.items()}

    @rx.var
    def _sorted_items(self) -> list[int]:
        return sorted(self.items)

    def read_private(self):
        self.smallest_seen = self._sorted_items[0]

    @rx.var(initial_value="counting...")
    def item_count(self) -> str:
        return f"{len(self.items)} items"


def smallcaps(text: str, **props):
    return rx.text(text, **props)


def nav_item(icon: str, label: str):
    return rx.hstack(rx.icon(icon, size=16), rx.text(label), class_name="nav")


def index():
    return rx.vstack(
        rx.box(rx.foreach(Dash.rows, lambda row: rx.icon(row["icon"])), id="rows"),
        rx.box(rx.icon(Dash.name), id="named"),
        rx.box(*[nav_item(item["icon"], item["label"]) for item in NAV], id="nav"),
        rx.button("row", on_click=Dash.add_row, id="add_row"),
        rx.button("bad", on_click=Dash.set_bad_name, id="bad_name"),
        smallcaps("red text", color="rgb(200, 0, 0)", id="red"),
        smallcaps("plain", id="plain"),
        rx.text(", ".join(f"{k}={v}" for k, v in PRICES.items()), id="prices"),
        rx.form(
            rx.input(id="email"),
            rx.checkbox(id="agree"),
            rx.button("send", type="submit", id="send"),
            on_submit=Dash.submit,
        ),
        rx.text(Dash.form.to_string(), id="form"),
        rx.link("away", href="/away", on_click=[rx.prevent_default, Dash.click], id="away"),
        rx.box(rx.button("inner", on_click=Dash.click.stop_propagation, id="inner"), on_click=Dash.outer_click),
        rx.text(Dash.clicks, "/", Dash.outer, id="counts"),
        rx.button("title", on_click=rx.call_function("() => document.title", callback=Dash.set_title), id="call"),
        rx.text(Dash.title, id="title"),
        rx.button("run", on_click=Dash.run(Dash.other), id="run"),
        rx.text(Dash.log.join(","), id="log"),
        rx.button("private", on_click=Dash.read_private, id="private"),
        rx.text(Dash.smallest_seen, id="smallest"),
        rx.text(Dash.item_count, id="item_count"),
    )


def away():
    return rx.text("away", id="away_page")


def plain():
    return rx.hstack(rx.icon("sun"), rx.text("static only", id="static"))


app = rx.App()
app.add_page(index, title="Idioms")
app.add_page(away)
app.add_page(plain)
'''


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("idioms"), APP) as running:
        yield running


def icon_classes(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(f"{selector} svg", "els => els.map(e => e.getAttribute('class'))")


def test_dynamic_icons_render_and_follow_state(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        page.wait_for_function("() => document.querySelector('#rows svg.lucide-house')")
        page.wait_for_function("() => document.querySelector('#named svg.lucide-sun')")
        # names known at build (every call passes a literal): just those icons, no lazy set needed
        assert ["lucide-bell" in c for c in icon_classes(page, "#nav")] == [True, False]
        assert "lucide-user" in icon_classes(page, "#nav")[1]
        page.click("#add_row")
        page.wait_for_function("() => document.querySelector('#rows svg.lucide-settings')")
        page.click("#bad_name")  # an unknown name: no icon, and the console says which
        page.wait_for_function("() => !document.querySelector('#named svg')")
        assert any("no-such-icon-here" in line for line in problems.lines), problems.lines
        assert all("no-such-icon-here" in line for line in problems.lines), problems.lines


def test_lucides_set_is_a_chunk_only_pages_with_a_dynamic_icon_load(browser, server):
    context = browser.new_context()
    try:
        page = context.new_page()
        scripts: list[str] = []
        page.on("request", lambda r: scripts.append(r.url) if r.url.endswith(".js") else None)
        page.goto(server.url + "/plain")
        page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
        wait_text(page, "#static", "static only")
        assert page.locator("svg.lucide-sun").count() == 1
        before = list(scripts)  # a static import of the set would have been fetched before the page ran
        page.goto(server.url + "/")
        page.wait_for_function("() => document.querySelector('#named svg.lucide-sun')")
        lazy = [url for url in scripts[len(before):] if url not in before]
        assert lazy, "the dynamic icons came from no new script"
        sizes = [len(page.request.get(url).body()) for url in lazy]
        assert max(sizes) > 300_000  # lucide's whole set, fetched only here
        assert all(len(page.request.get(url).body()) < 300_000 for url in before)
    finally:
        context.close()


def test_props_dict_views_and_form_ids(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        assert page.locator("#red").evaluate("e => getComputedStyle(e).color") == "rgb(200, 0, 0)"
        assert page.locator("#plain").text_content() == "plain"
        assert page.locator("#prices").text_content() == "apple=1.5, pear=2.25"
        page.fill("#email", "a@b.c")
        page.click("#agree")
        page.click("#send")
        # no names: each field under its id, the box as Reflex reads it (True)
        wait_text(page, "#form", '{"email":"a@b.c","agree":"True"}')
        assert problems.lines == []


def test_initial_value_is_built_in_and_hydrate_replaces_it(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        wait_text(page, "#item_count", "3 items")
        entry = page.eval_on_selector("script[type=module]", "e => e.src")
        assert '"counting..."' in page.request.get(entry).text()  # what the page shows before hydrate
        assert "3 items" not in page.request.get(entry).text()


def test_event_actions_call_function_and_handler_arguments(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        page.click("#away")  # rx.prevent_default: the link does not navigate; the handler runs
        wait_text(page, "#counts", "1/0")
        assert page.locator("#away_page").count() == 0 and page.url.endswith("/")
        page.click("#inner")  # State.click.stop_propagation: the box's own handler does not run
        wait_text(page, "#counts", "2/0")
        page.click("#call")
        wait_text(page, "#title", "Idioms")
        page.click("#run")
        wait_text(page, "#log", "run,other")
        page.click("#private")
        wait_text(page, "#smallest", "1")
        assert problems.lines == []
