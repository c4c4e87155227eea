"""The app module: the board is added here (with its on_load), the about page registers itself."""

import pyxjs as rx

from .pages import about  # noqa: F401 - its @rx.page registers the page
from .pages.board import board_page
from .state import BoardState

app = rx.App(stylesheets=["/tasks.css"])
app.add_page(board_page, route="/", title="Board", on_load=BoardState.load)
