import pyxjs as rx

from ..state import ShelfState
from ..styles import card_style


def book_card(book: dict) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(book["title"], weight="bold", class_name="book-title"),
            rx.text(f"{book['author']} · {book['genre']}", size="2", color_scheme="gray"),
            spacing="1",
        ),
        rx.spacer(),
        rx.button(
            rx.cond(book["read"], "Read", "Unread"),
            variant=rx.cond(book["read"], "solid", "outline"),
            on_click=ShelfState.toggle_read(book["title"]),
            class_name="read-toggle",
        ),
        style=card_style,
        width="100%",
        align="center",
    )
