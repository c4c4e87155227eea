"""A page decorator of the app's own, as Reflex's templates write one: each page gets the
navbar and the same width, and is registered with @rx.page."""

from typing import Callable

import pyxjs as rx

from ..components.navbar import navbar
from ..styles import PAGE_WIDTH


def template(route: str, title: str) -> Callable[[Callable[[], rx.Component]], Callable[[], rx.Component]]:
    def decorator(page_content: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
        @rx.page(route=route, title=f"{title} · Bookshelf")
        def templated_page() -> rx.Component:
            return rx.container(
                rx.vstack(navbar(), rx.divider(), page_content(), spacing="4"),
                max_width=PAGE_WIDTH,
            )

        return templated_page

    return decorator
