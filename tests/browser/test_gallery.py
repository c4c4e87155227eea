"""examples/gallery/app.py in Chromium: every core component renders without a console error or
warning, each interactive one reaches the State once, and a screenshot is kept as an artifact
(test-artifacts/gallery.png)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
APP_FILE = ROOT / "examples" / "gallery" / "app.py"


@pytest.fixture(scope="module")
def gallery(browser, serve, page_problems, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gallery")
    shutil.copytree(APP_FILE.parent / "assets", folder / "assets")  # served at the root, its CSS bundled
    with serve(folder, APP_FILE) as server:
        context = browser.new_context(viewport={"width": 1000, "height": 900})
        page = context.new_page()
        problems = page_problems(page)
        page.goto(server.url + "/")
        page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
        yield page, problems
        context.close()


def text(page, selector: str) -> str:
    return page.locator(selector).inner_text()


def settle(page) -> None:
    page.wait_for_function("() => window.__pyx.socket.pending === 0")


def test_renders_every_component_with_the_theme_and_no_console_problems(gallery):
    page, problems = gallery
    root = page.locator(".radix-themes").first
    assert root.get_attribute("data-accent-color") == "teal" and root.get_attribute("data-radius") == "large"
    # Radix's own classes, so its CSS (pruned to what the page uses) applies.
    for cls in ["rt-Container", "rt-Card", "rt-Grid", "rt-Heading", "rt-Code", "rt-Kbd", "rt-Blockquote", "rt-AvatarRoot",
                "rt-Button", "rt-IconButton", "rt-TextFieldRoot", "rt-TextAreaRoot", "rt-SwitchRoot", "rt-SliderRoot",
                "rt-SelectTrigger", "rt-RadioGroupRoot", "rt-Badge", "rt-CalloutRoot", "rt-ProgressRoot", "rt-TableRoot",
                "rt-TabsList", "rt-SegmentedControlRoot", "rt-DataListRoot", "rt-Spinner", "rt-Skeleton"]:
        assert page.locator(f".{cls}").count() >= 1, cls
    assert page.locator("svg.lucide-star").count() == 1 and page.locator("svg.lucide-circle-check").count() == 1
    # Styled by the pruned stylesheet: a solid button has the accent background, not the browser's grey.
    background = page.evaluate("getComputedStyle(document.getElementById('button')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "rgb(239, 239, 239)"), background
    assert page.evaluate("document.getElementById('image').naturalWidth") == 4
    # assets/ is served at the root, and rx.App(stylesheets=...) is bundled into the page's CSS.
    page.wait_for_function("() => document.getElementById('asset-image').naturalWidth === 2")
    # The page names the asset by its content-hashed URL, cached for good; the plain path still works.
    src = page.get_attribute("#asset-image", "src")
    assert re.fullmatch(r"/assets/static/swatch\.[0-9a-f]{10}\.png", src), src
    hashed = page.request.get(page.url.rstrip("/") + src)
    plain = page.request.get(page.url.rstrip("/") + "/swatch.png")
    assert hashed.ok and "immutable" in hashed.headers["cache-control"]
    assert plain.ok and plain.headers["cache-control"] == "no-cache" and plain.body() == hashed.body()
    assert page.evaluate("getComputedStyle(document.getElementById('note')).fontStyle") == "italic"
    shot = ROOT / "test-artifacts" / "gallery.png"
    shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    assert problems.lines == []


def test_buttons_fields_and_toggles_reach_the_state(gallery):
    page, problems = gallery
    page.click("#button")
    page.click("#icon-button")
    page.wait_for_function("() => document.getElementById('clicks').textContent === 'clicked 2 times'")
    page.fill("#input", "Ada")
    page.wait_for_function("() => document.getElementById('hello').textContent === 'Hello Ada'")
    page.fill("#notes", "two\nlines")
    settle(page)
    assert page.evaluate("window.__pyx.store.get('gallery', 'notes')") == "two\nlines"
    page.click("#checkbox")
    page.click("#switch")
    page.wait_for_function("() => document.getElementById('toggles').textContent === 'agreed / dark'")
    assert page.get_attribute("#checkbox", "aria-checked") == "true"
    # The switch shows a badge with on_mount/on_unmount: each runs once per appearance.
    page.wait_for_function("() => document.getElementById('lifecycle').textContent === 'mounted 1, unmounted 0'")
    page.click("#switch")
    page.wait_for_function("() => document.getElementById('lifecycle').textContent === 'mounted 1, unmounted 1'")
    page.click("#switch")
    page.wait_for_function("() => document.getElementById('lifecycle').textContent === 'mounted 2, unmounted 1'")
    assert problems.lines == []


def test_slider_select_radio_tabs_and_segments_send_their_values(gallery):
    page, problems = gallery
    page.focus("#slider [role=slider]")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.getElementById('volume').textContent === 'volume 41'")
    page.click("#select")
    page.get_by_role("option", name="pear").click()
    page.wait_for_function("() => document.getElementById('fruit').textContent === 'fruit pear'")
    assert "pear" in text(page, "#select")
    page.get_by_role("radio", name="large").click()
    page.wait_for_function("() => document.getElementById('size').textContent === 'size large'")
    page.click("#tab-two")
    page.wait_for_selector("#second-tab")
    assert page.evaluate("window.__pyx.store.get('gallery', 'tab')") == "two"
    page.click("#segment-grid")
    page.wait_for_function("() => document.getElementById('view').textContent === 'view grid'")
    assert problems.lines == []


def test_form_submits_its_fields_as_a_dict_and_resets(gallery):
    page, problems = gallery
    page.fill("#form-email", "ada@example.com")
    page.click("#form-submit")
    page.wait_for_function("() => document.getElementById('submitted').textContent.includes('ada@example.com')")
    assert text(page, "#submitted") == "submitted {'email': 'ada@example.com'}"
    assert page.input_value("#form-email") == ""  # reset_on_submit
    # The handler returned rx.toast.success(...): it shows, with its description.
    toast = page.locator(".pyx-toast[data-level=success]")
    toast.wait_for()
    assert "Sent" in toast.inner_text() and "to ada@example.com" in toast.inner_text()
    assert problems.lines == []


PASTE = """([id, text, withImage]) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    if (withImage) data.items.add(new File([new Uint8Array([137, 80, 78, 71])], "dot.png", {type: "image/png"}));
    const event = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
    document.getElementById(id).dispatchEvent(event);
    return event.defaultPrevented;
}"""


def test_clipboard_sends_pasted_text_and_files_from_its_targets_only(gallery):
    page, problems = gallery
    # Another field: rx.clipboard does not listen there, so nothing prevents the paste either.
    assert page.evaluate(PASTE, ["input", "not a target", False]) is False
    assert page.evaluate(PASTE, ["paste-zone", "hello paste", True]) is True  # on_paste_event_actions
    page.wait_for_function("() => document.getElementById('pasted').textContent !== ''")
    # Text as it is, the file as a data: URL (base64 of the four bytes), in the clipboard's order.
    assert text(page, "#pasted") == "text/plain hello paste, image/png data:image/png;base64,iVBORw=="
    assert problems.lines == []


def test_dialog_and_menu_portal_out_and_keep_working(gallery):
    page, problems = gallery
    page.click("#open-dialog")
    page.wait_for_function("() => document.getElementById('dialog-state').textContent === 'dialog open'")
    dialog = page.get_by_role("dialog")
    assert dialog.is_visible()
    # The portal carries the theme: the dialog sits inside a .radix-themes element with the app's accent.
    assert page.evaluate("document.querySelector('[role=dialog]').closest('.radix-themes').dataset.accentColor") == "teal"
    page.click("#close-dialog")
    page.wait_for_function("() => document.getElementById('dialog-state').textContent === 'dialog closed'")
    before = int(re.search(r"\d+", text(page, "#clicks")).group())
    page.click("#menu")
    page.click("#menu-item")
    page.wait_for_function(f"() => document.getElementById('clicks').textContent === 'clicked {before + 1} times'")
    assert problems.lines == []


def test_color_mode_switches_the_theme_follows_color_mode_cond_and_survives_a_reload(gallery):
    page, problems = gallery
    mode = "() => document.querySelector('.radix-themes').classList.contains('dark') ? 'dark' : 'light'"
    start = page.evaluate(mode)  # the OS preference (headless Chromium: light)
    other = "dark" if start == "light" else "light"
    page.click("#color-mode")
    page.wait_for_function(f"() => ({mode})() === '{other}'")
    assert text(page, "#mode-text") == f"{other} mode"
    page.click("#toggle-mode")  # on_click=rx.toggle_color_mode
    page.wait_for_function(f"() => ({mode})() === '{start}'")
    page.click("#go-dark")  # on_click=rx.set_color_mode("dark")
    page.wait_for_function(f"() => ({mode})() === 'dark'")
    assert text(page, "#mode-text") == "dark mode"
    page.reload()
    page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
    assert page.evaluate(mode) == "dark"  # remembered by the browser
    page.click("#toggle-mode")
    page.wait_for_function(f"() => ({mode})() === 'light'")
    assert problems.lines == []


def test_raw_elements_pass_props_and_styles_through(gallery):
    page, problems = gallery
    assert page.evaluate("document.getElementById('raw').tagName") == "DIV"
    assert page.evaluate("getComputedStyle(document.getElementById('raw')).color") not in ("", "rgb(0, 0, 0)")
    before = int(re.search(r"\d+", text(page, "#clicks")).group())
    page.click("#raw-button")
    page.wait_for_function(f"() => document.getElementById('clicks').textContent === 'clicked {before + 1} times'")
    assert problems.lines == []


def test_hover_responsive_and_app_styles_apply(gallery):
    page, problems = gallery
    box = "document.getElementById('styled-box')"
    css = lambda prop: page.evaluate(f"getComputedStyle({box}).{prop}")  # noqa: E731
    page.set_viewport_size({"width": 400, "height": 900})  # below 30em: the list's first value
    assert css("paddingTop") == "4px"
    page.set_viewport_size({"width": 700, "height": 900})  # 30em..48em: the second
    assert css("paddingTop") == "8px"
    page.set_viewport_size({"width": 1100, "height": 900})  # 62em and up: the third, and width 50%
    assert css("paddingTop") == "12px"
    parent = page.evaluate(f"(() => {{ const p = {box}.parentElement, s = getComputedStyle(p); "
                           "return p.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); })()")
    assert abs(page.evaluate(f"{box}.getBoundingClientRect().width") - parent / 2) < 2
    page.hover("#styled-box")
    page.wait_for_function(f"() => getComputedStyle({box}).paddingLeft === '20px'")
    page.mouse.move(0, 0)
    page.wait_for_function(f"() => getComputedStyle({box}).paddingLeft === '12px'")
    # rx.App(style=...): the root's font, every heading's letter spacing.
    assert "system-ui" in page.evaluate("getComputedStyle(document.querySelector('.radix-themes')).fontFamily")
    assert page.evaluate("getComputedStyle(document.querySelector('.rt-Heading')).letterSpacing") != "normal"
    page.set_viewport_size({"width": 1000, "height": 900})
    assert problems.lines == []


def test_a_toast_trigger_shows_without_a_server_round_trip(gallery):
    page, problems = gallery
    page.click("#toast")
    page.locator(".pyx-toast[data-level=info]", has_text="Hello from a trigger").wait_for()
    assert problems.lines == []


def test_markdown_renders_with_the_theme_and_code_blocks_are_highlighted(gallery):
    page, problems = gallery
    markdown = page.locator("#markdown")
    assert markdown.locator("h2.rt-Heading").inner_text() == "Markdown"
    assert markdown.locator("strong").inner_text() == "bold"
    assert markdown.locator("a.rt-Link").get_attribute("href") == "https://example.com"
    assert markdown.locator("code.rt-Code").inner_text() == "inline code"
    assert markdown.locator(".rt-TableRoot td").all_inner_texts() == ["1", "2"]  # GitHub tables
    code = page.locator("#code-block")
    assert "def hello(name):" in code.inner_text()
    # Prism's python grammar tokenised it: the keyword has its own colored span.
    keyword = code.locator("span.token", has_text="def").first
    assert keyword.inner_text() == "def"
    assert page.evaluate("(el) => getComputedStyle(el).color", keyword.element_handle()) != \
        page.evaluate("(el) => getComputedStyle(el).color", code.element_handle())
    assert problems.lines == []


def test_accordion_opens_items_and_the_data_table_searches_sorts_and_pages(gallery):
    page, problems = gallery
    page.get_by_role("button", name="Second question").click()
    page.get_by_text("Second answer").wait_for()
    assert not page.get_by_text("First answer").is_visible()
    table = page.locator("#people")
    cells = lambda: table.locator("tbody tr td:first-child").all_inner_texts()  # noqa: E731
    assert len(cells()) == 10 and table.get_by_text("1 / 2").is_visible()  # 12 rows, pages of 10
    table.get_by_role("columnheader", name="age").click()  # sort by age, ascending
    page.wait_for_function("() => document.querySelector('#people tbody td').textContent === 'Dee'")
    table.get_by_placeholder("Search").fill("bo")
    page.wait_for_function("() => document.querySelectorAll('#people tbody tr').length === 3")
    assert set(cells()) == {"Bob"}
    assert problems.lines == []
