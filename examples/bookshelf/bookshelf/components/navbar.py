import pyxjs as rx

from bookshelf.state import ShelfState
from bookshelf.styles import nav_link_style


def navbar() -> rx.Component:
    return rx.hstack(
        rx.heading("Bookshelf", size="6"),
        rx.spacer(),
        rx.link("Shelf", href="/", style=nav_link_style, id="nav-shelf"),
        rx.link("Add a book", href="/add", style=nav_link_style, id="nav-add"),
        rx.link("Stats", href="/stats", style=nav_link_style, id="nav-stats"),
        rx.badge(f"{ShelfState.unread_count} unread", id="unread-badge"),
        width="100%",
        align="center",
    )
