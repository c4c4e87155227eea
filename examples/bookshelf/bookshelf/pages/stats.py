import pyxjs as rx

from ..state import GENRES, ShelfState
from ..templates import template


@template(route="/stats", title="Stats")
def stats() -> rx.Component:
    return rx.vstack(
        rx.text(f"{ShelfState.books.length()} books, {ShelfState.unread_count} still to read", id="totals"),
        rx.text(f"Genres: {', '.join(GENRES)}"),
    )
