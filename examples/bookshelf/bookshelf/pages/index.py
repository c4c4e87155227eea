import pyxjs as rx

from bookshelf.components.book_card import book_card
from bookshelf.state import GENRES, ShelfState
from bookshelf.templates import template


@template(route="/", title="Shelf")
def index() -> rx.Component:
    return rx.vstack(
        rx.select(["all", *GENRES], value=ShelfState.genre_filter, on_change=ShelfState.set_genre_filter,
                  id="genre-filter"),
        rx.cond(ShelfState.last_added != "", rx.text(f"Added {ShelfState.last_added}", id="last-added")),
        rx.foreach(ShelfState.shown_books, book_card),
        width="100%",
    )
