import pyxjs as rx


class AppState(rx.State):
    """What every page shares: who is using the board."""

    user: str = "guest"

    @rx.event
    def set_user(self, user: str):
        self.user = user.strip() or "guest"
