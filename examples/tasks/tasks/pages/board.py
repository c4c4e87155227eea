import pyxjs as rx

from ..components.column import column
from ..state import COLUMNS, BoardState


def board_page() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.heading(f"{BoardState.user}'s board"),
            rx.spacer(),
            rx.link("About", href="/about", id="to-about"),
            width="100%",
        ),
        rx.text(f"{BoardState.open_count} open · visit {BoardState.visits}", id="summary"),
        rx.form(
            rx.hstack(rx.input(name="text", placeholder="A new task", id="new-task"),
                      rx.button("Add", type="submit", id="add")),
            on_submit=BoardState.add_task,
            reset_on_submit=True,
        ),
        rx.grid(*[column(name) for name in COLUMNS], columns="3", spacing="4", width="100%"),
        padding="1em",
    )
