"""A layout helper taking `*children` and passing them on (`rx.vstack(header, *children)`), as
Reflex templates write one: the children may be components, an rx.foreach's items, an rx.cond
that rendered nothing, or plain text, and each shows as Python shows it (an rx.foreach passed
through once printed the elements' JS objects as text)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.support.render import compare

APP = textwrap.dedent('''\
    import pyxjs as rx


    class Notes(rx.State):
        notes: list[str] = ["a", "b"]
        show: bool = True


    def layout(*children) -> rx.Component:
        return rx.container(rx.vstack(rx.heading("T"), *children, spacing="4"))


    def index() -> rx.Component:
        return layout(
            rx.hstack(rx.button("Add")),
            rx.foreach(Notes.notes, lambda note: rx.card(rx.text(note))),
            rx.cond(Notes.show, rx.text("shown")),
        )


    def words() -> rx.Component:
        return layout("plain", rx.text("and a component"))


    app = rx.App()
    app.add_page(index)
    app.add_page(words)
    ''')


def test_star_children_through_a_helper_render_as_python_says(tmp_path: Path):
    path = tmp_path / "star_children_app.py"
    path.write_text(APP)
    assert compare(path, [{"notes": {}}, {"notes": {"notes": [], "show": False}},
                          {"notes": {"notes": ["x"], "show": False}}]) == []
