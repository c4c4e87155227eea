"""What JSON cannot say, in a real browser: dict key order (integer-like keys) and whole floats
in loosely typed vars (rows as list[dict]) and ints in vars declared float, through hydrate,
deltas and patches over the real websocket."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

APP = '''
import pyxjs as rx


class Ledger(rx.State):
    by_year: dict[str, int] = {"2024": 3, "2023": 2, "total": 5}
    rows: list[dict] = [{"item": "tea", "price": 4.0, "qty": 2}]

    @rx.var
    def spent(self) -> float:
        return sum([r["price"] for r in self.rows if r["qty"] > 2])

    def add_year(self):
        self.by_year["1999"] = 1  # a new key goes last, as in Python

    def add_row(self):
        self.rows.append({"item": "jam", "price": 3.0, "qty": 3})

    def make_int(self):
        self.rows[0] = {"item": "tea", "price": 4, "qty": 2}


def index():
    return rx.vstack(
        rx.text(list(Ledger.by_year), id="years"),
        rx.vstack(rx.foreach(Ledger.rows, lambda row: rx.text(row["item"], " ", row["price"], " ",
                                                              row["price"] * row["qty"])), id="rows"),
        rx.text(Ledger.spent, id="spent"),
        rx.button("year", on_click=Ledger.add_year, id="add-year"),
        rx.button("row", on_click=Ledger.add_row, id="add-row"),
        rx.button("int", on_click=Ledger.make_int, id="make-int"),
    )


app = rx.App()
app.add_page(index, route="/")
'''


@pytest.fixture(scope="module")
def tab(browser, serve, tmp_path_factory, open_page):
    with serve(tmp_path_factory.mktemp("value_marks"), APP) as server:
        with open_page(browser, server.url + "/") as (page, problems, frames):
            yield page, frames
        assert problems.lines == []


def wait_text(page, selector: str, expected: str) -> None:
    page.wait_for_function(
        "([sel, want]) => document.querySelector(sel)?.textContent === want", arg=[selector, expected], timeout=5000
    )


def test_the_page_shows_python_s_key_order_and_number_types(tab):
    page, frames = tab
    wait_text(page, "#years", "['2024', '2023', 'total']")
    wait_text(page, "#rows", "tea 4.0 8.0")
    wait_text(page, "#spent", "0")  # sum([]) is the int 0
    page.click("#add-year")
    wait_text(page, "#years", "['2024', '2023', 'total', '1999']")
    page.click("#add-row")
    wait_text(page, "#rows", "tea 4.0 8.0jam 3.0 9.0")
    wait_text(page, "#spent", "3.0")
    page.click("#make-int")
    wait_text(page, "#rows", "tea 4 8jam 3.0 9.0")
    assert any("order" in f for f in frames) and any("floats" in f for f in frames) and any("ints" in f for f in frames)
