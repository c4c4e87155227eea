"""Computed vars across states, seen in a real browser: a substate's computed var following its
parent's var, an async computed var reading another state, an interval var ticking on the
page with no click."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

APP = '''
import itertools

import pyxjs as rx

TICKS = itertools.count(1)


class ShopState(rx.State):
    price: int = 3

    def raise_price(self):
        self.price += 1


class CartState(ShopState):
    qty: int = 2

    @rx.var
    def total(self) -> int:
        return self.price * self.qty  # `price` is the parent's var

    def add_one(self):
        self.qty += 1


class StockState(rx.State):
    units: int = 5

    def restock(self):
        self.units += 10


class ReportState(rx.State):
    @rx.var
    async def stock_value(self) -> int:
        stock = await self.get_state(StockState)
        shop = await self.get_state(ShopState)
        return stock.units * shop.price


class ClockState(rx.State):
    @rx.var(interval=0.2)
    def beat(self) -> int:
        return next(TICKS)


def index():
    return rx.vstack(
        rx.hstack(
            rx.button("Raise price", on_click=ShopState.raise_price, id="raise"),
            rx.button("Child sets price", on_click=CartState.set_price(10), id="child-price"),
            rx.button("One more", on_click=CartState.add_one, id="more"),
            rx.text(CartState.price, id="price"),
            rx.text(CartState.total, id="total"),
        ),
        rx.hstack(
            rx.button("Restock", on_click=StockState.restock, id="restock"),
            rx.text(ReportState.stock_value, id="stock-value"),
        ),
        rx.text(ClockState.beat, id="beat"),
    )


app = rx.App()
app.add_page(index, route="/")
'''


@pytest.fixture(scope="module")
def tab(browser, serve, tmp_path_factory, open_page):
    with serve(tmp_path_factory.mktemp("computed_across"), APP) as server:
        with open_page(browser, server.url + "/") as (page, problems, frames):
            yield page, frames
        assert problems.lines == []


def wait_text(page, selector: str, expected: str) -> None:
    page.wait_for_function(
        "([sel, want]) => document.querySelector(sel)?.textContent === want", arg=[selector, expected], timeout=5000
    )


def test_a_substates_computed_var_follows_the_parents_var(tab):
    page, _ = tab
    wait_text(page, "#price", "3")
    wait_text(page, "#total", "6")
    page.click("#raise")  # the parent's handler changes the parent's var
    wait_text(page, "#price", "4")
    wait_text(page, "#total", "8")
    page.click("#child-price")  # the substate's inherited setter: the same var
    wait_text(page, "#price", "10")
    wait_text(page, "#total", "20")
    page.click("#more")
    wait_text(page, "#total", "30")


def test_an_async_computed_var_reads_other_states(tab):
    page, _ = tab
    price = int(page.locator("#price").text_content())
    wait_text(page, "#stock-value", str(5 * price))
    page.click("#restock")
    wait_text(page, "#stock-value", str(15 * price))
    page.click("#raise")
    wait_text(page, "#stock-value", str(15 * (price + 1)))


def test_an_interval_var_ticks_on_the_page_without_a_click(tab):
    page, frames = tab
    start = int(page.locator("#beat").text_content())
    page.wait_for_function("n => Number(document.querySelector('#beat').textContent) >= n", arg=start + 3, timeout=10000)
    pushed = [f for f in frames if f.get("type") == "delta" and f.get("id") is None]
    assert pushed and all(f["final"] is False and set(f["delta"]) == {"clock_state"} for f in pushed)
