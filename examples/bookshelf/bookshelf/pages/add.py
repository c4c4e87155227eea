import pyxjs as rx

from ..state import GENRES, ShelfState
from ..templates import template


@template(route="/add", title="Add a book")
def add() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.input(name="title", placeholder="Title", id="title"),
            rx.input(name="author", placeholder="Author", id="author"),
            rx.select(GENRES, name="genre", default_value="novel"),
            rx.button("Add to the shelf", type="submit", id="submit"),
        ),
        on_submit=ShelfState.add_book,
        reset_on_submit=True,
    )
