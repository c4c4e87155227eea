"""examples/showcase/app.py in a real browser: what the page shows is what Python would show.

The test keeps a plain Python twin of the page's state: a `ShopState` instance on which it calls
the same handlers the clicks and keystrokes fire on the server. `python_view` renders that twin
with plain Python (the app's own helper functions, Python's f-strings, sorted, round...), and
after every interaction the DOM has to come to exactly that. One server and one page for the
module; every test leaves the twin in step with the page, so the tests run in any order.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

APP_FILE = Path(__file__).resolve().parents[2] / "examples" / "showcase" / "app.py"
IDS = ["title", "total", "badge", "tax", "note", "qty", "toggle", "filter-title", "filtered", "counts", "dozens",
       "sorted", "cheap", "minmax", "average", "later", "used", "fits", "has-milk", "pantry", "eggs", "in-pantry"]


@pytest.fixture(scope="module")
def app():
    """The app module itself, imported here too: its State to mirror the page, its helpers to render."""
    spec = importlib.util.spec_from_file_location("showcase_app_under_test", APP_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("showcase"), APP_FILE) as running:
        yield running


@pytest.fixture(scope="module")
def shop(browser, server, app, page_problems):
    context = browser.new_context()
    page = context.new_page()
    problems = page_problems(page)
    page.goto(server.url + "/")
    page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
    page.wait_for_selector("#list .row")
    yield Shop(page, app.ShopState(), app, problems)
    context.close()


class Shop:
    """The page, its Python twin `s`, the app module and the page's problems."""

    def __init__(self, page, s, app, problems) -> None:
        self.page, self.s, self.app, self.problems = page, s, app, problems

    def expect(self, timeout: float = 5.0) -> dict:
        """Wait until the DOM shows what Python renders from the twin; on timeout, fail with the difference."""
        expected = python_view(self.s, self.app)
        deadline = time.monotonic() + timeout
        while (seen := dom_view(self.page)) != expected and time.monotonic() < deadline:
            self.page.wait_for_timeout(25)
        assert seen == expected
        assert self.problems.lines == []
        return seen


def python_view(s, app) -> dict:
    """The page as plain Python renders it from the state `s` (mirrors the component functions)."""
    money, items, total = app.money, s.items, s.total
    names = sorted([item["name"] for item in items])
    prices = [item["price"] for item in items]
    units = sum(item["qty"] for item in items)
    count = len(items)
    average = total / count if count else 0.0
    later = total * (1 + app.INFLATION) ** s.years
    used = total / s.budget * 100 if s.budget > 0 else 0.0
    shown = [item["name"] for item in items if s.filter_tag in ("all", item["tag"])]
    eggs = s.pantry.get("eggs", 0)
    if total > s.budget:
        badge = f"{money(total - s.budget)} too much"
    elif total == s.budget:
        badge = "exactly on budget"
    else:
        badge = f"{money(s.budget - total)} left"
    filter_title = {"all": "Everything", "fruit": "Fresh fruit", "dairy": "From the fridge", "bakery": "From the oven",
                    "pastry": "From the oven"}.get(s.filter_tag, "Other")
    return {
        "title": f"{s.owner.strip().title()}'s groceries",
        "total": f"Total {money(total)} of {money(s.budget)}: {app.budget_status(total, s.budget)}",
        "badge": badge,
        "tax": f"with tax {money(total * (1 + app.TAX_RATE))}" if s.show_prices else "prices hidden",
        "note": "No note" if s.note is None else s.note,
        "qty": str(s.quantity),
        "toggle": "Hide prices" if s.show_prices else "Show prices",
        "filter-title": filter_title,
        "filtered": ", ".join(shown) if shown else "(none)",
        "counts": f"{count} items, {units:,} units",
        "dozens": f"{units // 12} dozen and {units % 12} loose",
        "sorted": "Sorted: " + " | ".join(f"{n}. {name}" for n, name in enumerate(names, start=1)),
        "cheap": "Cheap: " + (", ".join(item["name"].upper() for item in items if item["price"] < 1) or "-"),
        "minmax": f"cheapest {money(min(prices, default=0.0))}, priciest {money(max(prices, default=0.0))}",
        "average": f"average {round(average, 2)} per item",
        "later": f"in {s.years} years: {money(later)}",
        "used": f"{used:.1f}% of the budget",
        "fits": "fits" if 0 < total <= s.budget else "does not fit",
        "has-milk": "milk: " + ("on the list" if "milk" in names else "missing"),
        "pantry": "; ".join(f"{name}: {n}" for name, n in sorted(s.pantry.items()) if n > 0),
        "eggs": f"{eggs:,} eggs ({eggs // 6} half-dozens)",
        "in-pantry": "already in the pantry" if s.draft.strip().lower() in s.pantry else "not in the pantry",
        "total-color": "red" if total > s.budget else "green",
        "rows": [
            [f"{i + 1}. {item['name']} x{item['qty']}"]
            + ([money(item["price"] * item["qty"])] if s.show_prices else [])
            + ["remove"]
            for i, item in enumerate(items)
        ],
        "filters": [[tag.title(), tag == s.filter_tag] for tag in ["all"] + s.tags],
        "meals": [
            [f"Day {d + 1}:"] + [dish.title() if k == 0 else f", {dish}" for k, dish in enumerate(day)]
            for d, day in enumerate(s.meals)
        ],
    }


DOM_VIEW = """ids => {
  const text = (id) => document.getElementById(id)?.textContent ?? null;
  const view = Object.fromEntries(ids.map((id) => [id, text(id)]));
  const cells = (selector) => [...document.querySelectorAll(selector)].map((row) => [...row.children].map((c) => c.textContent));
  view["total-color"] = document.getElementById("total")?.style.color ?? null;
  view.rows = cells("#list .row");
  view.filters = [...document.querySelectorAll("[id^=filter-]:not(#filter-title)")]
    .map((b) => [b.textContent, b.classList.contains("rt-variant-solid")]);
  view.meals = cells("#meals .meal");
  return view;
}"""


def dom_view(page) -> dict:
    return page.evaluate(DOM_VIEW, IDS)


# A list child without a key is only a warning in React's development build, and the bundle is a
# production one, so look at the fibers: every element rendered from a list must carry a key.
UNKEYED = """selector => [...document.querySelectorAll(selector)].filter((el) => {
  const fiberKey = Object.keys(el).find((k) => k.startsWith("__reactFiber$"));
  for (let f = el[fiberKey]; f && f.stateNode !== el.parentElement; f = f.return) if (f.key !== null) return false;
  return true;
}).map((el) => el.outerHTML.slice(0, 80))"""


def test_first_render_is_what_python_renders(browser, server, app, page_problems):
    # A page of its own, so the initial state is there whatever ran before.
    context = browser.new_context()
    page = context.new_page()
    shop = Shop(page, app.ShopState(), app, page_problems(page))
    page.goto(server.url + "/")
    seen = shop.expect()
    # A few literal anchors, so a mistake shared by the twin and the page cannot hide.
    assert seen["title"] == "Sam's groceries"
    assert seen["total"] == "Total $15.05 of $25.00: within budget"
    assert seen["badge"] == "$9.95 left" and seen["tax"] == "with tax $16.25"
    assert seen["rows"][3] == ["4. bananas x6", "$1.80", "remove"]
    assert seen["meals"][2] == ["Day 3:", "Tacos", ", rice", ", beans"]
    assert seen["filters"][0] == ["All", True]
    assert seen["average"] == "average 3.76 per item" and seen["dozens"] == "1 dozen and 9 loose"
    for selector in ["#list .row", "#meals .meal", "#meals .meal > *:not(:first-child)", "[id^=filter-]:not(#filter-title)"]:
        assert page.evaluate(UNKEYED, selector) == [], selector
    assert page.evaluate(UNKEYED, "#title") != []  # the probe does see a missing key
    context.close()


def test_click_plain_handler_and_handler_with_argument(shop):
    page, s = shop.page, shop.s
    page.click("#toggle")  # on_click=ShopState.toggle_prices
    s.toggle_prices()
    shop.expect()
    page.click("#toggle")
    s.toggle_prices()
    page.click("#plus5")  # on_click=ShopState.bump(5)
    s.bump(5)
    shop.expect()
    for tag in ["bakery", "dairy"]:
        page.click(f"#filter-{tag}")  # on_click=ShopState.set_filter_tag(tag), buttons built in a for loop
        s.set_filter_tag(tag)
        shop.expect()


def test_handlers_passed_as_props_to_a_helper_component(shop):
    page, s = shop.page, shop.s
    for button, amount in [("#plus", 1), ("#plus", 1), ("#minus", -1)]:  # stepper(on_plus=lambda: bump(1), ...)
        page.click(button)
        s.bump(amount)
        shop.expect()


def test_typing_then_adding_an_item(shop):
    page, s = shop.page, shop.s
    field = page.locator("#draft")
    field.click()
    field.press_sequentially("  Eggs ", delay=30)  # on_change=ShopState.set_draft, once per keystroke
    s.set_draft("  Eggs ")
    shop.expect()
    assert field.input_value() == "  Eggs "
    assert dom_view(page)["in-pantry"] == "already in the pantry"
    page.click("#add")  # appends in place: the page gets a list patch
    s.add_item()
    shop.expect()
    assert field.input_value() == ""
    assert page.evaluate(UNKEYED, "#list .row") == []


def test_blur_lambda_with_value_and_constant(shop):
    page, s = shop.page, shop.s
    field = page.locator("#budget")
    field.fill("12.345")
    field.press("Tab")  # on_blur=lambda v: ShopState.set_budget_text(v, 2)
    s.set_budget_text("12.345", 2)
    shop.expect()
    field.fill("lots")
    field.press("Tab")
    s.set_budget_text("lots", 2)
    shop.expect()
    assert dom_view(page)["note"] == "not a number: 'lots'"
    field.fill("100")
    field.press("Tab")
    s.set_budget_text("100", 2)
    shop.expect()


def test_remove_a_row_from_inside_foreach(shop):
    page, s = shop.page, shop.s
    for name in ["pears", "cream", "rolls"][: max(0, 3 - len(s.items))]:  # whatever ran before, 3 rows
        page.locator("#draft").fill(name)
        s.set_draft(name)
        page.click("#add")
        s.add_item()
    shop.expect()
    removed = s.items[1]["name"]
    page.locator("#list .row").nth(1).get_by_role("button", name="remove").click()  # lambda: ShopState.remove(i)
    s.remove(1)
    shop.expect()
    assert removed not in [row[0].split(" ")[1] for row in dom_view(page)["rows"]]
    # The rows after it renumber, and removing the first row still hits the right index.
    page.locator("#list .row").nth(0).get_by_role("button", name="remove").click()
    s.remove(0)
    shop.expect()


def test_list_of_handlers_runs_both_in_order(shop):
    page, s = shop.page, shop.s
    page.click("#reset")  # on_click=[ShopState.clear_items, ShopState.reset_quantity]
    s.clear_items()
    s.reset_quantity()
    seen = shop.expect()
    assert seen["rows"] == [] and seen["qty"] == "1" and seen["filtered"] == "(none)"
    assert seen["minmax"] == "cheapest $0.00, priciest $0.00"
    # And the page keeps working from the empty list.
    page.locator("#draft").fill("bread")
    s.set_draft("bread")
    page.click("#add")
    s.add_item()
    shop.expect()
