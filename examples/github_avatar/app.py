import pyxjs as rx

class GithubState(rx.State):
    username: str = "reflex-dev"

    def set_username(self, username: str):
        self.username = username

def index():
    return rx.hstack(
        rx.avatar(src=f"https://github.com/{GithubState.username}.png"),
        rx.input(placeholder="Enter your username", on_blur=GithubState.set_username),
    )

app = rx.App()
app.add_page(index, route="/")
