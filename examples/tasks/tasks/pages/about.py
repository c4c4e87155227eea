import pyxjs as rx

from tasks.state import AppState


@rx.page(route="/about", title="About the board")
def about() -> rx.Component:
    return rx.vstack(
        rx.text(f"Signed in as {AppState.user}", id="signed-in"),
        rx.input(placeholder="Your name", on_blur=AppState.set_user, id="name"),
        rx.link("Back to the board", href="/", id="to-board"),
        padding="1em",
    )
