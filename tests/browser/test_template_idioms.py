"""Idioms from public Reflex templates, seen in Chromium: an accordion built from its parts
(root/item/header/trigger/content/icon) beside the header=/content= form, a `def` inside a
component used as rx.foreach's render function and as a helper (taking an event handler), an app
function passed to another that hands it to rx.foreach, rx.match with cases from a starred list, and recharts' legend wrapper_style, a reference's is_front and a tick_formatter lambda."""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_text

pytestmark = pytest.mark.browser

APP = '''
import pyxjs as rx

COLORS = {"ATL": "red", "BOS": "green"}


class Board(rx.State):
    teams: list[str] = ["ATL", "BOS"]
    suffix: str = "!"
    front: bool = True
    points: list[dict[str, int]] = [{"x": 1, "y": 1}, {"x": 2, "y": 3}, {"x": 3, "y": 2}]

    def add(self):
        self.teams.append("CHI")
        self.suffix = "?"

    def send_back(self):
        self.front = False


def team_badge(team: str):
    return rx.badge(team, color_scheme=rx.match(team, *[(t, COLORS.get(t, "blue")) for t in COLORS], "gray"),
                    class_name="team")


def listing(items: list[str], render, box_id: str):
    return rx.box(rx.foreach(items, render), id=box_id)


def index():
    def action(label: str, handler):
        return rx.button(label, on_click=handler, id=label)

    def row(team, index):
        return rx.text(f"{index}:{team}", Board.suffix, class_name="row")

    def title(text):
        return rx.heading(text.upper(), id="title")

    return rx.vstack(
        title("teams"),
        rx.box(rx.foreach(Board.teams, row), id="rows"),
        listing(Board.teams, team_badge, "badges"),
        action("add", lambda: Board.add()),
        rx.accordion.root(
            rx.accordion.item(
                rx.accordion.header(rx.accordion.trigger(rx.text("Parts"), rx.accordion.icon(id="chevron"), id="parts")),
                rx.accordion.content(rx.text("parts body", id="parts-body")),
            ),
            rx.accordion.item(header="Props", content=rx.text("props body", id="props-body"), value="props"),
            collapsible=True, width="300px",
        ),
        rx.recharts.line_chart(
            rx.recharts.line(data_key="y", is_animation_active=False),
            rx.recharts.reference_dot(x=2, y=3, r=8, fill="red", is_front=Board.front),
            rx.recharts.legend(wrapper_style={"paddingTop": "13px"}),
            rx.recharts.y_axis(tick_formatter=lambda value: f"{value:.2f} u"),
            data=Board.points, width=300, height=200,
        ),
        action("back", Board.send_back),
    )


app = rx.App()
app.add_page(index)
'''

# Is the reference dot drawn after (over) the line? SVG paints in document order.
DOT_OVER_LINE = """() => {
  const dot = document.querySelector('.recharts-reference-dot');
  const line = document.querySelector('.recharts-line-curve');
  return dot && line ? !!(line.compareDocumentPosition(dot) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
}"""


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("template_idioms"), APP) as running:
        yield running


def test_nested_defs_and_starred_match(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        assert page.locator("#title").text_content() == "TEAMS"
        assert page.locator("#rows .row").all_text_contents() == ["0:ATL!", "1:BOS!"]
        colors = lambda: [b.get_attribute("data-accent-color") for b in page.locator("#badges .team").all()]  # noqa: E731
        assert colors() == ["red", "green"]
        page.click("#add")
        page.wait_for_function("() => document.querySelectorAll('#rows .row').length === 3")
        assert page.locator("#rows .row").all_text_contents() == ["0:ATL?", "1:BOS?", "2:CHI?"]
        assert colors() == ["red", "green", "gray"]
        assert problems.lines == []


def test_accordion_from_parts_and_from_props(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        assert not page.locator("#parts-body").is_visible()
        page.click("#parts")
        page.locator("#parts-body").wait_for()
        assert page.get_attribute("#parts", "data-state") == "open"
        page.wait_for_function("() => getComputedStyle(document.getElementById('chevron')).transform !== 'none'")
        page.get_by_role("button", name="Props").click()  # single: opening one closes the other
        page.locator("#props-body").wait_for()
        page.wait_for_function("() => document.getElementById('parts').dataset.state === 'closed'")
        assert problems.lines == []


def test_legend_wrapper_style_and_reference_is_front(browser, server, open_page):
    with open_page(browser, server.url + "/") as (page, problems, frames):
        page.wait_for_function(f"({DOT_OVER_LINE})() === true")
        assert page.evaluate("getComputedStyle(document.querySelector('.recharts-legend-wrapper')).paddingTop") == "13px"
        # the lambda, compiled to JS, formats each tick of the y axis
        page.wait_for_function("() => [...document.querySelectorAll('.recharts-surface text')]"
                               ".some((t) => t.textContent === '3.00 u')")
        assert "0.00 u" in page.locator(".recharts-surface text").all_text_contents()
        page.click("#back")
        page.wait_for_function(f"({DOT_OVER_LINE})() === false")
        assert problems.lines == []
