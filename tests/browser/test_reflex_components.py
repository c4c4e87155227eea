"""Reflex component names pyxjs lacked, in Chromium: rx.auto_scroll, rx.input.slot,
rx.debounce_input, the responsive *_only boxes, rx.html, rx.script, rx.audio/rx.video with
rx.asset, rx.checkbox_group, rx.theme_panel, rx.toast.provider, SVG elements in rx.el, any CSS
property as a style prop, and the fixes to rx.callout(icon=), rx.container, rx.data_table and
rx.switch(is_checked=). A second app takes the npm-wrapped ones: rx.drawer (vaul), rx.moment
(react-moment) and rx.recharts.graphing_tooltip / pie(label_line=)."""

from __future__ import annotations

import io
import math
import struct
import wave

import pytest

from tests.browser.conftest import wait_text

pytestmark = pytest.mark.browser

CORE_APP = '''
import pyxjs as rx


class Parts(rx.State):
    lines: list[str] = ["line 1"]
    query: str = ""
    changes: int = 0
    playing: bool = False
    picked: list[str] = ["tea"]
    on: bool = True

    def add_line(self):
        self.lines.append(f"line {len(self.lines) + 1}")

    def typed(self, value: str):
        self.query = value
        self.changes += 1

    def toggle_play(self):
        self.playing = not self.playing

    def pick(self, values: list[str]):
        self.picked = values

    def hello(self):
        return rx.toast.success("Hello from the provider")


def index():
    return rx.container(
        rx.callout("Saved", icon="check", id="callout"),
        rx.switch(is_checked=Parts.on, id="switch"),
        rx.data_table(data=[["Ada", 36], ["Alan", 41]], columns=["Name", "Age"], id="table"),
        rx.desktop_only(rx.text("desktop"), id="desktop"),
        rx.mobile_only(rx.text("mobile"), id="mobile"),
        rx.tablet_and_desktop(rx.text("wide"), id="wide"),
        rx.auto_scroll(rx.foreach(Parts.lines, lambda line: rx.box(line, height="40px")), height="100px",
                       id="scroller"),
        rx.button("add", on_click=Parts.add_line, id="add"),
        rx.input(rx.input.slot(rx.icon("search"), id="slot"), placeholder="Search", id="search"),
        rx.debounce_input(rx.input(value=Parts.query, on_change=Parts.typed, id="debounced"),
                          debounce_timeout=1000),
        rx.text(Parts.query, "/", Parts.changes, id="typed"),
        rx.html("<b>bold</b> and <i>raw</i>", id="raw"),
        rx.script("window.pyxScriptRuns = (window.pyxScriptRuns || 0) + 1"),
        rx.audio(url=rx.asset("tone.wav"), playing=Parts.playing, muted=True, loop=True, controls=True, id="audio"),
        rx.button("play", on_click=Parts.toggle_play, id="play"),
        rx.video(url=rx.asset("tone.wav"), id="video"),
        rx.checkbox_group.root(
            rx.checkbox_group.item("Tea", value="tea", id="tea"),
            rx.checkbox_group.item("Coffee", value="coffee", id="coffee"),
            value=Parts.picked, on_change=Parts.pick,
        ),
        rx.text(Parts.picked.join(","), id="picked"),
        rx.theme_panel(default_open=False),
        rx.toast.provider(position="top-center", rich_colors=True),
        rx.button("toast", on_click=Parts.hello, id="toast"),
        rx.el.svg(
            rx.el.defs(rx.el.linear_gradient(rx.el.stop(offset="0%", stop_color="red"),
                                             rx.el.stop(offset="100%", stop_color="blue"), id="grad")),
            rx.el.svg.circle(cx=50, cy=50, r=40, fill="url(#grad)", stroke="black", stroke_width=3, id="circle"),
            view_box="0 0 100 100", width="100", height="100", id="svg",
        ),
        rx.box("css", padding_inline_start="13px", grid_template_areas='"a b"', display="grid",
               border_image="none", id="css"),
        rx.theme(rx.card("in the dark", id="dark-card"), appearance="dark", accent_color="grass"),
        rx.input.root(rx.input(placeholder="rooted", id="rooted"), width="100%", id="input-root"),
    )


app = rx.App()
app.add_page(index)
'''


def tone_wav() -> bytes:
    """Two seconds of a quiet 440 Hz tone: a real file the browser can play."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"".join(struct.pack("<h", int(3000 * math.sin(2 * math.pi * 440 * i / 8000)))
                                 for i in range(16000)))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def core(browser, serve, page_problems, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reflex_components")
    (folder / "assets").mkdir()
    (folder / "assets" / "tone.wav").write_bytes(tone_wav())
    with serve(folder, CORE_APP) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        problems = page_problems(page)
        page.goto(server.url + "/")
        page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
        yield page, problems, server
        context.close()


def style_of(page, selector: str, prop: str) -> str:
    return page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s))[p]", [selector, prop])


def test_callout_shows_the_named_icon_and_container_pads(core):
    page, problems, _ = core
    assert page.locator("#callout svg.lucide-check").count() == 1
    assert "check" not in page.inner_text("#callout")
    container = page.locator(".rt-Container").first
    assert container.evaluate("e => getComputedStyle(e).paddingLeft") == "16px"
    assert container.evaluate("e => e.classList.contains('rt-r-size-3')")
    assert page.get_attribute("#switch", "aria-checked") == "true"
    assert problems.lines == []


def test_data_table_takes_rows_as_lists(core):
    page, _, _ = core
    assert page.locator("#table th").all_inner_texts() == ["Name", "Age"]
    assert page.locator("#table td").all_inner_texts() == ["Ada", "36", "Alan", "41"]


def test_responsive_boxes_follow_the_window_width(core, browser):
    page, _, server = core
    assert style_of(page, "#desktop", "display") == "block"
    assert style_of(page, "#mobile", "display") == "none"
    assert style_of(page, "#wide", "display") == "block"
    narrow = browser.new_context(viewport={"width": 400, "height": 800})
    try:
        phone = narrow.new_page()
        phone.goto(server.url + "/")
        phone.wait_for_selector("#mobile")
        assert style_of(phone, "#desktop", "display") == "none"
        assert style_of(phone, "#mobile", "display") == "block"
        assert style_of(phone, "#wide", "display") == "none"
    finally:
        narrow.close()


def test_auto_scroll_keeps_the_newest_child_in_view(core):
    page, _, _ = core
    at_bottom = "() => { const e = document.getElementById('scroller'); " \
                "return e.scrollHeight > e.clientHeight && e.scrollHeight - e.scrollTop - e.clientHeight < 2; }"
    for count in range(2, 6):
        page.click("#add")
        page.wait_for_function("(n) => document.getElementById('scroller').children.length === n", arg=count)
        if count >= 3:  # 3 rows of 40px overflow the 100px box
            page.wait_for_function(at_bottom)
    # A reader who scrolled up stays where they are when more is added.
    page.evaluate("document.getElementById('scroller').scrollTop = 0")
    page.wait_for_function("() => document.getElementById('scroller').scrollTop === 0")
    page.click("#add")
    page.wait_for_function("() => document.getElementById('scroller').children.length === 6")
    assert page.evaluate("document.getElementById('scroller').scrollTop") == 0


def test_input_slot_and_debounced_input(core):
    page, problems, _ = core
    assert page.locator("#search").evaluate("e => e.closest('.rt-TextFieldRoot') !== null")
    assert page.locator(".rt-TextFieldSlot#slot svg.lucide-search").count() == 1
    page.click("#debounced")
    page.keyboard.type("abc")
    assert page.input_value("#debounced") == "abc"  # shown at once, before the server hears of it
    wait_text(page, "#typed", "abc/1")  # one on_change, after the pause
    page.keyboard.type("d")
    page.keyboard.press("Enter")  # Enter sends at once
    wait_text(page, "#typed", "abcd/2")
    assert page.evaluate("window.__pyx.store.get('parts', 'changes')") == 2
    assert problems.lines == []


def test_raw_html_and_script(core):
    page, _, _ = core
    assert page.inner_text("#raw b") == "bold"
    assert page.inner_text("#raw i") == "raw"
    page.wait_for_function("() => window.pyxScriptRuns === 1")


def test_audio_plays_what_the_state_says_from_an_asset(core):
    page, problems, _ = core
    src = page.get_attribute("#audio", "src")
    assert src.startswith("/assets/static/tone.") and src.endswith(".wav")
    assert page.evaluate("document.getElementById('audio').loop && document.getElementById('audio').muted")
    assert page.evaluate("document.getElementById('audio').paused")
    page.click("#play")
    page.wait_for_function("() => !document.getElementById('audio').paused")
    page.click("#play")
    page.wait_for_function("() => document.getElementById('audio').paused")
    assert page.evaluate("document.getElementById('video').tagName") == "VIDEO"
    assert style_of(page, "#video", "width") == "640px"
    assert problems.lines == []


def test_checkbox_group_reaches_the_state(core):
    page, _, _ = core
    assert page.get_attribute("#tea", "aria-checked") == "true"
    page.click("#coffee")
    wait_text(page, "#picked", "tea,coffee")
    page.click("#tea")
    wait_text(page, "#picked", "coffee")


def test_toast_provider_sets_where_toasts_show(core):
    page, _, _ = core
    page.click("#toast")
    viewport = page.locator(".pyx-toast-viewport[data-position='top-center']")
    viewport.get_by_text("Hello from the provider").wait_for()
    # rich_colors: the success toast's background is the green scale's, not the panel's
    background = page.eval_on_selector(".pyx-toast[data-rich][data-level='success']", "e => getComputedStyle(e).backgroundColor")
    assert background.startswith("rgb(") and background != "rgb(255, 255, 255)", background


def test_theme_panel_renders(core):
    page, _, _ = core
    assert page.locator("button.rt-ThemePanelShortcut").count() == 1
    assert page.locator(".rt-ThemePanelSwatch").count() >= 26  # a swatch per accent color (and grays)


def test_svg_elements_and_css_properties(core):
    page, _, _ = core
    assert page.evaluate("document.querySelector('#svg').getAttribute('viewBox')") == "0 0 100 100"
    assert page.evaluate("document.querySelector('#svg linearGradient stop').getAttribute('stop-color')") == "red"
    assert page.get_attribute("#circle", "r") == "40"
    assert page.get_attribute("#circle", "stroke-width") == "3"
    assert style_of(page, "#css", "paddingInlineStart") == "13px"
    assert style_of(page, "#css", "gridTemplateAreas") == '"a b"'


NPM_APP = '''
import plotly.graph_objects as go
import pyxjs as rx

BARS = go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2]))


class Figures(rx.State):
    scale: int = 1
    clicked: str = ""

    @rx.var
    def squares(self) -> go.Figure:
        return go.Figure(go.Scatter(x=[1, 2, 3], y=[v * self.scale for v in (1, 4, 9)], mode="markers"))

    def bigger(self):
        self.scale += 1

    def click(self, points: list[dict]):
        self.clicked = f"{points[0]['x']}:{points[0]['y']}"


class Charts(rx.State):
    sales: list[dict] = [{"month": "Jan", "total": 3}, {"month": "Feb", "total": 5}, {"month": "Mar", "total": 4}]
    drawer_open: bool = False

    def set_drawer(self, value: bool):
        self.drawer_open = value


def index():
    return rx.vstack(
        rx.drawer.root(
            rx.drawer.trigger(rx.button("Open drawer", id="open")),
            rx.drawer.overlay(),
            rx.drawer.portal(rx.drawer.content(
                rx.drawer.title("Settings", id="drawer-title"),
                rx.drawer.close(rx.button("Close", id="close")),
                id="drawer",
            )),
            direction="bottom",
            on_open_change=Charts.set_drawer,
        ),
        rx.text(rx.cond(Charts.drawer_open, "open", "closed"), id="drawer-state"),
        rx.moment("2021-03-04T05:06:07Z", format="YYYY-MM-DD", utc=True, id="moment"),
        rx.recharts.bar_chart(
            rx.recharts.bar(data_key="total", fill="#8884d8"),
            rx.recharts.x_axis(data_key="month"),
            rx.recharts.graphing_tooltip(),
            data=Charts.sales, width=300, height=200, id="bars",
        ),
        rx.recharts.pie_chart(
            rx.recharts.pie(data=Charts.sales, data_key="total", name_key="month", label=True, label_line=False,
                            is_animation_active=False),
            width=300, height=200, id="pie",
        ),
        rx.plotly(data=BARS, on_click=Figures.click, layout={"width": 400, "height": 300}, id="plotly-bars"),
        rx.plotly(data=Figures.squares, layout={"title": {"text": "Squares"}}, id="plotly-squares"),
        rx.button("bigger", on_click=Figures.bigger, id="bigger"),
        rx.text(Figures.clicked, id="clicked"),
    )


app = rx.App()
app.add_page(index)
'''


@pytest.fixture(scope="module")
def npm_page(browser, serve, page_problems, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reflex_npm_components")
    with serve(folder, NPM_APP) as server:
        context = browser.new_context(viewport={"width": 1000, "height": 800})
        page = context.new_page()
        problems = page_problems(page)
        page.goto(server.url + "/")
        page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
        yield page, problems, folder
        context.close()


def test_the_build_pins_the_wrapped_packages_it_used(npm_page):
    _, _, folder = npm_page
    lock = (folder / "pyx.lock.json").read_text()
    for package in ("vaul", "react-moment", "moment", "recharts", "plotly.js-dist-min"):
        assert f'"node_modules/{package}"' in lock


def test_drawer_opens_and_closes_through_the_state(npm_page):
    page, problems, _ = npm_page
    assert page.locator("#drawer").count() == 0
    page.click("#open")
    page.locator("#drawer").wait_for()
    assert page.inner_text("#drawer-title") == "Settings"
    wait_text(page, "#drawer-state", "open")
    assert style_of(page, "#drawer", "position") == "fixed"
    page.click("#close")
    wait_text(page, "#drawer-state", "closed")
    page.locator("#drawer").wait_for(state="detached")
    assert problems.lines == []


def test_moment_formats_the_date(npm_page):
    page, _, _ = npm_page
    assert page.inner_text("#moment") == "2021-03-04"


def test_graphing_tooltip_and_pie_without_label_lines(npm_page):
    page, _, _ = npm_page
    page.wait_for_selector("#bars .recharts-bar-rectangle path")
    assert page.locator("#bars .recharts-bar-rectangle").count() == 3
    box = page.locator("#bars .recharts-bar-rectangle").nth(1).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    # The chart's id is on its <svg>; the tooltip is drawn beside it, in the chart's wrapper.
    tooltip = "document.querySelector('#bars').closest('.recharts-wrapper').querySelector('.recharts-tooltip-wrapper')"
    page.wait_for_function(f"() => {tooltip}?.textContent.includes('Feb')")
    assert "5" in page.evaluate(f"{tooltip}.textContent")
    page.wait_for_selector("#pie .recharts-pie-sector")
    assert page.locator("#pie .recharts-pie-sector").count() == 3
    assert page.locator("#pie .recharts-pie-label-text").count() == 3
    assert page.locator("#pie .recharts-pie-label-line").count() == 0


def test_plotly_draws_python_figures_and_follows_the_state(npm_page):
    page, problems, _ = npm_page
    page.wait_for_selector("#plotly-bars .barlayer .point path")
    assert page.locator("#plotly-bars .barlayer .point").count() == 3
    page.wait_for_selector("#plotly-squares .scatterlayer .point")
    assert page.text_content("#plotly-squares .gtitle") == "Squares"
    top = "() => Math.max(...[...document.querySelectorAll('#plotly-squares .ytick text')].map(t => +t.textContent))"
    first = page.evaluate(top)
    page.click("#bigger")  # the computed figure doubles its values; the chart redraws in place
    page.wait_for_function(f"(before) => ({top})() > before", arg=first)
    # A click on a bar reaches the handler with plotly's points.
    box = page.locator("#plotly-bars .barlayer .point path").nth(1).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 2)
    wait_text(page, "#clicked", "b:3")
    assert problems.lines == []


def test_theme_as_a_component_and_input_root(core):
    """rx.theme(children, appearance=...) themes part of a page, as Reflex's does; older Reflex's
    rx.input.root(rx.input(...)) holds its input."""
    page, _, _ = core
    theme = page.locator(".radix-themes:has(> #dark-card), .radix-themes:has(#dark-card)").last
    assert "dark" in (theme.get_attribute("class") or "")
    assert theme.get_attribute("data-accent-color") == "grass"
    assert page.locator("#input-root #rooted").count() == 1
    page.fill("#rooted", "typed")
    assert page.input_value("#rooted") == "typed"
