"""Reflex's Var methods that spell Python operations (`x.is_none()`, `x.is_not_none()`,
`x.bool()`, as dashboard templates write them in rx.cond), meaning in node what Python means."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.support.render import js_render

APP = textwrap.dedent('''\
    import pyxjs as rx


    class Cohort(rx.State):
        rate: float | None = None
        rows: list[dict] = [{"v": None}, {"v": 0}, {"v": 2.5}]
        tags: list[str] = []


    def cell(row: dict) -> rx.Component:
        return rx.text(rx.cond(row["v"].is_not_none(), "set", "empty"), rx.cond(row["v"].bool(), "+", "-"))


    def index():
        return rx.vstack(
            rx.text(rx.cond(Cohort.rate.is_none(), "no rate", "a rate")),
            rx.text(rx.cond(Cohort.rate.is_not_none(), Cohort.rate, 0)),
            rx.text(rx.cond(Cohort.tags.bool(), "tags", "no tags")),
            rx.foreach(Cohort.rows, cell),
        )


    app = rx.App()
    app.add_page(index)
    ''')


def test_none_and_truth_methods_mean_is_none_and_bool(tmp_path: Path):
    # (The differential harness runs the Python side on plain values, which have no such methods:
    # the expected texts are Python's `x is None` / `bool(x)` written out.)
    path = tmp_path / "var_methods_app.py"
    path.write_text(APP)
    scenarios = [{"cohort": {}}, {"cohort": {"rate": 0.0, "tags": ["a"]}},
                 {"cohort": {"rate": 3.5, "rows": [{"v": ""}, {"v": "x"}]}}]
    outcomes, _ = js_render(path, scenarios)
    assert [page.text for (page,) in outcomes] == [
        "no rate" "0" "no tags" "empty-" "set-" "set+",
        "a rate" "0.0" "tags" "empty-" "set-" "set+",
        "a rate" "3.5" "no tags" "set-" "set+",
    ]
