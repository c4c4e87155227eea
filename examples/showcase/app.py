"""Groceries: a shopping list with prices, a running total, a tag filter, a budget and a pantry.

It doubles as a tour of the component language: every construct group the compiler knows is
used somewhere below (tests/browser/test_showcase.py checks each one in a real browser).

    pyx run examples/showcase/app.py
"""

import pyxjs as rx

CURRENCY = "$"
TAX_RATE = 0.08
INFLATION = 0.03


class ShopState(rx.State):
    owner: str = "  sam  "
    quantity: int = 1
    budget: float = 25.0
    show_prices: bool = True
    filter_tag: str = "all"
    draft: str = ""
    note: str | None = None
    tags: list[str] = ["fruit", "dairy", "bakery"]
    items: list[dict] = [
        {"name": "apples", "price": 0.5, "qty": 12, "tag": "fruit"},
        {"name": "milk", "price": 1.25, "qty": 2, "tag": "dairy"},
        {"name": "sourdough", "price": 4.75, "qty": 1, "tag": "bakery"},
        {"name": "bananas", "price": 0.3, "qty": 6, "tag": "fruit"},
    ]
    years: int = 2
    pantry: dict[str, int] = {"eggs": 12, "milk": 1, "rice": 2}
    meals: list[list[str]] = [["pasta", "salad"], ["soup"], ["tacos", "rice", "beans"]]

    @rx.var
    def total(self) -> float:
        return round(sum(item["price"] * item["qty"] for item in self.items), 2)

    def bump(self, amount: int):
        self.quantity = max(0, self.quantity + amount)

    def toggle_prices(self):
        self.show_prices = not self.show_prices

    def add_item(self):
        name = self.draft.strip().lower()
        if name:
            tag = self.filter_tag if self.filter_tag in self.tags else "fruit"
            self.items.append({"name": name, "price": 1.0, "qty": self.quantity, "tag": tag})
        self.draft = ""

    def remove(self, index: int):
        self.items.pop(index)

    def set_budget_text(self, value: str, decimals: int):
        try:
            self.budget = round(float(value), decimals)
            self.note = None
        except ValueError:
            self.note = f"not a number: {value!r}"

    def clear_items(self):
        self.items.clear()

    def reset_quantity(self):
        self.quantity = 1


def money(amount: float) -> str:
    return f"{CURRENCY}{amount:,.2f}"


def budget_status(spent: float, budget: float) -> str:
    if spent == 0:
        return "nothing yet"
    elif spent > budget:
        return "over budget"
    elif spent > budget * 0.9:
        return "almost at the limit"
    else:
        return "within budget"


def stepper(label: str, value: int, on_minus, on_plus) -> rx.Component:
    return rx.hstack(
        rx.text(label),
        rx.button("-", on_click=on_minus, id="minus"),
        rx.text(value, id="qty"),
        rx.button("+", on_click=on_plus, id="plus"),
    )


def budget_badge(total: float, budget: float) -> rx.Component:
    if total > budget:
        return rx.text(f"{money(total - budget)} too much", id="badge", color="red")
    elif total == budget:
        return rx.text("exactly on budget", id="badge")
    return rx.text(f"{money(budget - total)} left", id="badge", color="green")


def shopping_list() -> rx.Component:
    return rx.vstack(
        rx.foreach(ShopState.items, lambda item, i: rx.hstack(
            rx.text(f"{i + 1}. {item['name']} x{item['qty']}"),
            rx.cond(ShopState.show_prices, rx.text(money(item["price"] * item["qty"]))),
            rx.button("remove", on_click=lambda: ShopState.remove(i)),
            class_name="row",
        )),
        id="list",
    )


def filter_bar() -> rx.Component:
    buttons = []
    for tag in ["all"] + ShopState.tags:
        buttons.append(rx.button(tag.title(), on_click=ShopState.set_filter_tag(tag), id=f"filter-{tag}",
                                 variant="solid" if tag == ShopState.filter_tag else "soft"))
    shown = [item["name"] for item in ShopState.items
             if ShopState.filter_tag == "all" or item["tag"] == ShopState.filter_tag]
    return rx.vstack(
        rx.heading("Filter", size="4"),
        rx.hstack(*buttons),
        rx.text(rx.match(ShopState.filter_tag, ("all", "Everything"), ("fruit", "Fresh fruit"),
                         ("dairy", "From the fridge"), ("bakery", "pastry", "From the oven"), "Other"), id="filter-title"),
        rx.text(", ".join(shown) if shown else "(none)", id="filtered"),
    )


def stats() -> rx.Component:
    items = ShopState.items
    names = sorted([item["name"] for item in items])
    prices = [item["price"] for item in items]
    cheap = [item["name"].upper() for item in items if item["price"] < 1]
    units = sum([item["qty"] for item in items])
    count = len(items)
    average = ShopState.total / count if count else 0.0
    numbered = [f"{n}. {name}" for n, name in enumerate(names, start=1)]
    dozens = units // 12
    loose = units % 12
    later = ShopState.total * (1 + INFLATION) ** ShopState.years
    used = ShopState.total / ShopState.budget * 100 if ShopState.budget > 0 else 0.0
    return rx.vstack(
        rx.heading("Numbers", size="4"),
        rx.text(f"{count} items, {units:,} units", id="counts"),
        rx.text(f"{dozens} dozen and {loose} loose", id="dozens"),
        rx.text("Sorted: ", " | ".join(numbered), id="sorted"),
        rx.text("Cheap: ", ", ".join(cheap) or "-", id="cheap"),
        rx.text(f"cheapest {money(min(prices, default=0.0))}, priciest {money(max(prices, default=0.0))}",
                id="minmax"),
        rx.text(f"average {round(average, 2)} per item", id="average"),
        rx.text(f"in {ShopState.years} years: {money(later)}", id="later"),
        rx.text(f"{used:.1f}% of the budget", id="used"),
        rx.text("fits" if 0 < ShopState.total <= ShopState.budget else "does not fit", id="fits"),
        rx.text("milk: ", "on the list" if "milk" in names else "missing", id="has-milk"),
    )


def pantry() -> rx.Component:
    stock = ShopState.pantry
    lines = [f"{name}: {n}" for name, n in sorted(stock.items()) if n > 0]
    eggs = stock.get("eggs", 0)
    return rx.vstack(
        rx.heading("Pantry", size="4"),
        rx.text("; ".join(lines), id="pantry"),
        rx.text(f"{eggs:,} eggs ({eggs // 6} half-dozens)", id="eggs"),
        rx.text(rx.cond(ShopState.draft.strip().lower() in stock, "already in the pantry", "not in the pantry"),
                id="in-pantry"),
    )


def meal_plan() -> rx.Component:
    return rx.fragment(rx.heading("Meal plan", size="4"), rx.vstack(
        rx.foreach(ShopState.meals, lambda day, d: rx.hstack(
            rx.text(f"Day {d + 1}:"),
            rx.foreach(day, lambda dish, k: rx.text(f"{dish.title()}" if k == 0 else f", {dish}")),
            class_name="meal",
        )),
        id="meals",
    ))


def index():
    owner = ShopState.owner.strip().title()
    total = ShopState.total
    return rx.vstack(
        rx.heading(f"{owner}'s groceries", id="title"),
        rx.text(f"Total {money(total)} of {money(ShopState.budget)}: {budget_status(total, ShopState.budget)}",
                id="total", color=rx.cond(total > ShopState.budget, "red", "green")),
        budget_badge(total, ShopState.budget),
        rx.cond(ShopState.show_prices,
                rx.text(f"with tax {money(total * (1 + TAX_RATE))}", id="tax"),
                rx.text("prices hidden", id="tax")),
        rx.text("No note" if ShopState.note is None else ShopState.note, id="note"),
        shopping_list(),
        rx.hstack(
            rx.input(placeholder="Add an item", value=ShopState.draft, on_change=ShopState.set_draft, id="draft"),
            rx.button("Add", on_click=ShopState.add_item, id="add"),
        ),
        stepper("Quantity", ShopState.quantity, lambda: ShopState.bump(-1), lambda: ShopState.bump(1)),
        rx.hstack(
            rx.button("+5", on_click=ShopState.bump(5), id="plus5"),
            rx.button("Hide prices" if ShopState.show_prices else "Show prices", on_click=ShopState.toggle_prices,
                      id="toggle"),
            rx.button("Start over", on_click=[ShopState.clear_items, ShopState.reset_quantity], id="reset"),
        ),
        rx.input(placeholder="Budget", on_blur=lambda v: ShopState.set_budget_text(v, 2), id="budget"),
        filter_bar(),
        stats(),
        pantry(),
        meal_plan(),
        padding="1em",
    )


app = rx.App()
app.add_page(index, route="/")
