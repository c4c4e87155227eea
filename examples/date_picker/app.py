"""Components from npm in a few lines of Python: a date picker (react-day-picker), charts
(rx.recharts, itself wrapped the same way) and a .jsx file of the app (Stars.jsx).

    pyx run examples/date_picker/app.py

The first build installs react-day-picker and recharts and pins them in pyx.lock.json beside
this file; later builds install exactly what it pins.
"""

import datetime
from typing import Literal

import pyxjs as rx


class DatePicker(rx.Component):
    """react-day-picker's calendar; `on_select` hands the picked day (a JS Date) to the handler."""

    library = "react-day-picker@10.0.2"
    tag = "DayPicker"
    mode: rx.Var[Literal["single"]] = "single"
    show_outside_days: rx.Var[bool]
    on_select: rx.EventHandler[lambda day: [day]]

    def add_imports(self):
        return {"": "react-day-picker/style.css"}


date_picker = DatePicker.create


class Stars(rx.Component):
    library = "./Stars.jsx"
    tag = "Stars"
    count: rx.Var[int] = 5
    value: rx.Var[int]
    on_rate: rx.EventHandler[lambda stars: [stars]]

    # Reflex's hooks API: imports, module-level code, and hooks run by the page that renders it.
    # Here a keyboard shortcut: "s" anywhere outside a text field focuses the first star.
    def add_imports(self):
        return {"react": ["useEffect"]}

    def add_custom_code(self):
        return ["""function focusStars(event) {
  if (event.key === "s" && !event.target.closest("input, textarea")) {
    document.querySelector(".stars button")?.focus();
  }
}"""]

    def add_hooks(self):
        return ["""useEffect(() => {
  window.addEventListener("keydown", focusStars);
  return () => window.removeEventListener("keydown", focusStars);
}, []);"""]


class PickerState(rx.State):
    picked: str = ""
    rating: int = 0
    points: list[dict[str, int]] = [{"x": 1, "y": 3}, {"x": 2, "y": 7}, {"x": 3, "y": 5}, {"x": 4, "y": 8}]

    def pick(self, day: datetime.datetime | None):
        # A JS Date arrives as its ISO text, converted by the annotation; None when unselected.
        self.picked = day.date().isoformat() if day else ""

    def rate(self, stars: int):
        self.rating = stars

    def add_point(self):
        x = len(self.points) + 1
        self.points.append({"x": x, "y": (x * 7) % 10})


def index():
    return rx.container(
        rx.vstack(
            rx.heading("npm components"),
            date_picker(show_outside_days=True, on_select=PickerState.pick),
            rx.text(rx.cond(PickerState.picked, "Picked " + PickerState.picked, "Pick a day"), id="picked"),
            rx.box(
                rx.recharts.line_chart(
                    rx.recharts.line(data_key="y", stroke="#0b8a7a", is_animation_active=False),
                    rx.recharts.x_axis(data_key="x"),
                    rx.recharts.y_axis(),
                    rx.recharts.cartesian_grid(stroke_dasharray="3 3"),
                    rx.recharts.tooltip(),
                    data=PickerState.points,
                    width=420,
                    height=220,
                ),
                id="line-chart",
            ),
            rx.box(
                rx.recharts.bar_chart(
                    rx.recharts.bar(data_key="y", fill="#8884d8", is_animation_active=False),
                    rx.recharts.x_axis(data_key="x"),
                    rx.recharts.y_axis(),
                    rx.recharts.legend(),
                    data=PickerState.points,
                    width=420,
                    height=220,
                ),
                id="bar-chart",
            ),
            rx.box(
                rx.recharts.area_chart(
                    rx.recharts.area(data_key="y", stroke="#0b8a7a", fill="#0b8a7a", is_animation_active=False),
                    rx.recharts.x_axis(data_key="x"),
                    data=PickerState.points,
                    width=420,
                    height=160,
                ),
                id="area-chart",
            ),
            rx.box(
                rx.recharts.pie_chart(
                    rx.recharts.pie(data=PickerState.points, data_key="y", name_key="x", outer_radius=70,
                                    fill="#8884d8", is_animation_active=False),
                    width=200,
                    height=160,
                ),
                id="pie-chart",
            ),
            rx.button("Add a point", on_click=PickerState.add_point, id="add-point"),
            Stars.create(value=PickerState.rating, on_rate=PickerState.rate),
            rx.text(f"Rated {PickerState.rating} of 5", id="rating"),
        ),
    )


app = rx.App()
app.add_page(index, title="npm components")
