"""examples/date_picker/app.py in Chromium: components from npm (react-day-picker, rx.recharts)
and from a .jsx file of the app, installed from the example's pyx.lock.json and bundled.
Picking a day reaches the State; the charts draw one mark per data point and follow the State."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "date_picker"


@pytest.fixture(scope="module")
def picker(browser, serve, page_problems, tmp_path_factory):
    folder = tmp_path_factory.mktemp("date_picker")
    for name in ("Stars.jsx", "pyx.lock.json"):
        shutil.copy(EXAMPLE / name, folder / name)
    with serve(folder, EXAMPLE / "app.py") as server:
        # UTC: the picked day's JS Date (local midnight) then serializes to that same calendar day.
        context = browser.new_context(timezone_id="UTC")
        page = context.new_page()
        problems = page_problems(page)
        page.goto(server.url + "/")
        page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
        yield page, problems, folder
        context.close()


def count(page, selector: str) -> int:
    return page.locator(selector).count()


def test_the_build_installed_exactly_what_the_lockfile_pins(picker):
    _, _, folder = picker
    assert (folder / "pyx.lock.json").read_bytes() == (EXAMPLE / "pyx.lock.json").read_bytes()
    installed = (folder / ".pyx" / "node_modules" / "react-day-picker" / "package.json").read_text()
    assert '"version": "10.0.2"' in installed


def test_picking_a_day_reaches_the_state(picker):
    page, problems, _ = picker
    assert page.inner_text("#picked") == "Pick a day"
    for suffix in ("-15", "-20"):
        cell = page.locator(f"td[data-day$='{suffix}']").first
        iso = cell.get_attribute("data-day")
        cell.locator("button").click()
        page.wait_for_function("(t) => document.getElementById('picked').textContent === t", arg=f"Picked {iso}")
        assert page.evaluate("window.__pyx.store.get('picker_state', 'picked')") == iso
    assert problems.lines == []


def test_the_charts_draw_the_state_and_follow_it(picker):
    page, problems, _ = picker
    points = page.evaluate("window.__pyx.store.get('picker_state', 'points').length")
    assert points == 4
    page.wait_for_function("() => document.querySelectorAll('#bar-chart .recharts-bar-rectangle').length === 4")
    assert count(page, "#line-chart svg .recharts-line-curve") == 1
    assert count(page, "#line-chart svg .recharts-line-dots circle") == 4
    assert count(page, "#line-chart .recharts-xAxis .recharts-cartesian-axis-tick") == 4
    before = page.locator("#line-chart .recharts-line-curve").get_attribute("d")
    page.click("#add-point")
    page.wait_for_function("() => document.querySelectorAll('#bar-chart .recharts-bar-rectangle').length === 5")
    page.wait_for_function("() => document.querySelectorAll('#line-chart svg .recharts-line-dots circle').length === 5")
    assert page.locator("#line-chart .recharts-line-curve").get_attribute("d") != before
    # The area and pie charts draw the same state: one area path, one sector per point.
    assert count(page, "#area-chart svg .recharts-area-area") == 1
    page.wait_for_function("() => document.querySelectorAll('#pie-chart svg .recharts-pie-sector').length === 5")
    assert problems.lines == []


def test_a_jsx_file_of_the_app_is_a_component(picker):
    page, problems, _ = picker
    assert count(page, "button[data-star]") == 5
    page.click("button[data-star='4']")
    page.wait_for_function("() => document.getElementById('rating').textContent === 'Rated 4 of 5'")
    page.mouse.move(0, 0)
    assert page.locator("button[data-star]").all_inner_texts() == ["\u2605"] * 4 + ["\u2606"]
    assert problems.lines == []


def test_add_hooks_and_custom_code_run_in_the_page(picker):
    page, problems, _ = picker
    page.locator("body").click(position={"x": 1, "y": 1})
    page.keyboard.press("s")  # Stars.add_hooks() listens for it, add_custom_code() defines the listener
    page.wait_for_function("() => document.activeElement?.dataset.star === '1'")
    assert problems.lines == []
