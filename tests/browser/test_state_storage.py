"""on_load, self.router and client storage vars seen from a real browser.

- on_load handlers run on the first load and on every client-side move into their route
  (`rx.redirect`, back/forward), and see `self.router.page` of the route they run for;
- `rx.Cookie` / `rx.LocalStorage` / `rx.SessionStorage` vars live in the browser: a reload, and
  a new tab (a new token, so a new server-side state) get their values back from there, a new
  browser context gets the defaults;
- `rx.LocalStorage(sync=True)`: a change in one tab shows up in the other tabs.

One small app, written into a temporary folder, one server for the module; each test opens its
own browser context(s), so they run in any order.
"""

from __future__ import annotations

import json
import time

import pytest

pytestmark = pytest.mark.browser

APP = '''
import pyxjs as rx


class VisitState(rx.State):
    greeting: str = ""
    visits: int = 0
    other_loads: int = 0
    other_text: str = ""
    seen_path: str = ""
    seen_token: str = ""

    def load_index(self):
        name = self.router.page.params.get("name", "stranger")
        self.greeting = f"Hello {name}"
        self.visits += 1
        self.seen_path = self.router.page.path
        self.seen_token = self.router.session.client_token

    def load_other(self):
        self.other_loads += 1
        self.other_text = f"Other page, load {self.other_loads}"
        self.seen_path = self.router.page.path


class PrefState(rx.State):
    user: str = rx.Cookie("guest", name="pyx_user", max_age=3600)
    theme: str = rx.LocalStorage("light")
    size: int = rx.LocalStorage(12)
    note: str = rx.SessionStorage("none")
    shared: str = rx.LocalStorage("nobody", sync=True)

    @rx.var
    def shared_label(self) -> str:
        return f"shared by {self.shared}"

    def login(self, name: str):
        self.user = name

    def darken(self):
        self.theme = "dark"

    def grow(self):
        self.size += 2

    def jot(self):
        self.note = "jotted"

    def share(self, who: str):
        self.shared = who


def index():
    return rx.vstack(
        rx.heading(VisitState.greeting, id="greeting"),
        rx.text(VisitState.visits, id="visits"),
        rx.text(VisitState.seen_path, id="index-path"),
        rx.text(VisitState.seen_token, id="token"),
        rx.text(VisitState.router.page.params.get("name", "-"), id="client-name"),
        rx.button("Other", on_click=rx.redirect("/other"), id="to-other"),
    )


def other():
    return rx.vstack(
        rx.heading(VisitState.other_text, id="other-text"),
        rx.text(VisitState.seen_path, id="other-path"),
        rx.text(VisitState.visits, id="other-visits"),
        rx.text(f"here: {VisitState.router.page.path}", id="client-path"),
        rx.button("Bob", on_click=rx.redirect("/?name=Bob"), id="to-bob"),
    )


def prefs():
    return rx.vstack(
        rx.text(PrefState.user, id="user"),
        rx.text(PrefState.theme, id="theme"),
        rx.text(PrefState.size, id="size"),
        rx.text(PrefState.note, id="note"),
        rx.text(PrefState.shared, id="shared"),
        rx.text(PrefState.shared_label, id="shared-label"),
        rx.button("Login", on_click=PrefState.login("ada"), id="login"),
        rx.button("Dark", on_click=PrefState.darken, id="darken"),
        rx.button("Grow", on_click=PrefState.grow, id="grow"),
        rx.button("Jot", on_click=PrefState.jot, id="jot"),
        rx.button("Share A", on_click=PrefState.share("tab A"), id="share-a"),
        rx.button("Share B", on_click=PrefState.share("tab B"), id="share-b"),
    )


app = rx.App()
app.add_page(index, route="/", on_load=VisitState.load_index)
app.add_page(other, route="/other", on_load=VisitState.load_other)
app.add_page(prefs, route="/prefs")
'''

THEME_KEY = "pref_state.theme"
SIZE_KEY = "pref_state.size"
NOTE_KEY = "pref_state.note"
SHARED_KEY = "pref_state.shared"


@pytest.fixture(scope="module")
def server(serve, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("state_storage"), APP) as running:
        yield running


class Tab:
    def __init__(self, page, problems) -> None:
        self.page, self.problems = page, problems
        self.sent: list[dict] = []
        page.on("websocket", lambda ws: ws.on("framesent", lambda payload: self.sent.append(json.loads(payload))))

    def text(self, selector: str) -> str:
        return self.page.locator(selector).text_content()

    def wait_text(self, selector: str, expected: str, timeout: float = 5000) -> None:
        try:
            self.page.wait_for_function(
                "([sel, want]) => document.querySelector(sel)?.textContent === want", arg=[selector, expected], timeout=timeout
            )
        except Exception as exc:
            shown = self.page.evaluate("sel => document.querySelector(sel)?.textContent ?? null", selector)
            raise AssertionError(f"{selector}: expected {expected!r}, the page shows {shown!r}") from exc

    def wait_open(self) -> None:
        self.page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")

    def local(self, key: str):
        return self.page.evaluate("k => localStorage.getItem(k)", key)

    def session(self, key: str):
        return self.page.evaluate("k => sessionStorage.getItem(k)", key)

    def cookie(self) -> str:
        return self.page.evaluate("() => document.cookie")

    def hydrate_requests(self) -> list[dict]:
        return [frame for frame in self.sent if frame.get("type") == "hydrate"]


def open_tab(context, url: str, page_problems) -> Tab:
    page = context.new_page()
    tab = Tab(page, page_problems(page))
    page.goto(url)
    tab.wait_open()
    return tab


def test_on_load_runs_on_load_and_on_every_client_side_move(browser, server, page_problems):
    context = browser.new_context()
    try:
        tab = open_tab(context, server.url + "/?name=Ada", page_problems)
        page = tab.page
        tab.wait_text("#greeting", "Hello Ada")  # on_load read self.router.page.params
        tab.wait_text("#client-name", "Ada")
        tab.wait_text("#visits", "1")
        assert tab.text("#index-path") == "/"
        assert tab.text("#token") == tab.session("pyx_token")  # self.router.session.client_token
        page.evaluate("() => { window.__same_document = true; }")

        page.click("#to-other")  # on_click=rx.redirect("/other"): no reload, on_load of /other runs
        page.wait_for_url("**/other")
        tab.wait_text("#other-text", "Other page, load 1")
        tab.wait_text("#other-path", "/other")
        tab.wait_text("#client-path", "here: /other")  # State.router.page.path read in the component
        assert tab.text("#other-visits") == "1"  # the index's on_load did not run again on the way

        page.go_back()  # popstate back to /?name=Ada: the index's on_load runs again
        page.wait_for_url("**/?name=Ada")
        tab.wait_text("#visits", "2")
        tab.wait_text("#greeting", "Hello Ada")
        tab.wait_text("#index-path", "/")

        page.go_forward()
        page.wait_for_url("**/other")
        tab.wait_text("#other-text", "Other page, load 2")

        page.click("#to-bob")  # rx.redirect("/?name=Bob"): new params reach the index's on_load
        page.wait_for_url("**/?name=Bob")
        tab.wait_text("#greeting", "Hello Bob")
        tab.wait_text("#client-name", "Bob")  # State.router.page.params in the component follows the move
        tab.wait_text("#visits", "3")
        assert page.evaluate("() => window.__same_document") is True  # all of it without a reload
        time.sleep(0.3)  # nothing runs twice: each move ran its on_load once
        assert tab.text("#visits") == "3"
        assert tab.problems.lines == []
    finally:
        context.close()


def test_cookie_local_and_session_storage_vars_survive_a_reload(browser, server, page_problems):
    context = browser.new_context()
    try:
        tab = open_tab(context, server.url + "/prefs", page_problems)
        page = tab.page
        tab.wait_text("#user", "guest")
        assert (tab.text("#theme"), tab.text("#size"), tab.text("#note")) == ("light", "12", "none")
        time.sleep(0.2)
        # Defaults that were never stored stay unstored.
        assert "pyx_user" not in tab.cookie()
        assert tab.local(THEME_KEY) is None and tab.local(SIZE_KEY) is None and tab.session(NOTE_KEY) is None

        for button in ["#login", "#darken", "#grow", "#jot"]:
            page.click(button)
        tab.wait_text("#user", "ada")
        tab.wait_text("#theme", "dark")
        tab.wait_text("#size", "14")
        tab.wait_text("#note", "jotted")
        page.wait_for_function("() => document.cookie.split('; ').includes('pyx_user=ada')", timeout=5000)
        assert tab.local(THEME_KEY) == "dark"  # a str var: its text
        assert tab.local(SIZE_KEY) == "14"  # any other type: its JSON
        assert tab.session(NOTE_KEY) == "jotted"
        (cookie,) = [c for c in context.cookies() if c["name"] == "pyx_user"]
        assert cookie["value"] == "ada" and cookie["path"] == "/" and cookie["sameSite"] == "Lax"
        assert 3500 < cookie["expires"] - time.time() <= 3600  # max_age=3600

        page.reload()
        tab.wait_open()
        tab.wait_text("#user", "ada")
        assert (tab.text("#theme"), tab.text("#size"), tab.text("#note")) == ("dark", "14", "jotted")
        assert "pyx_user=ada" in tab.cookie().split("; ")
        assert tab.local(THEME_KEY) == "dark" and tab.local(SIZE_KEY) == "14"
        # The reload sent what the browser holds in its hydrate request.
        stored = tab.hydrate_requests()[-1].get("storage", {}).get("pref_state", {})
        assert {k: stored.get(k) for k in ["user", "theme", "size", "note"]} == {
            "user": "ada", "theme": "dark", "size": "14", "note": "jotted"
        }

        # A new tab of the same context: a new token, so a new server-side state, whose values
        # come from the browser: cookie and localStorage are shared, sessionStorage is not.
        second = open_tab(context, server.url + "/prefs", page_problems)
        assert second.session("pyx_token") != tab.session("pyx_token")
        second.wait_text("#user", "ada")
        second.wait_text("#theme", "dark")
        second.wait_text("#size", "14")
        second.wait_text("#note", "none")
        assert tab.problems.lines == [] and second.problems.lines == []
    finally:
        context.close()

    fresh = browser.new_context()  # fresh storage: the defaults
    try:
        tab = open_tab(fresh, server.url + "/prefs", page_problems)
        tab.wait_text("#user", "guest")
        assert (tab.text("#theme"), tab.text("#size"), tab.text("#note")) == ("light", "12", "none")
        assert "pyx_user" not in tab.cookie() and tab.local(THEME_KEY) is None
        assert fresh.cookies() == []
        assert tab.problems.lines == []
    finally:
        fresh.close()


def test_a_synced_local_storage_var_follows_another_tab(browser, server, page_problems):
    context = browser.new_context()
    try:
        a = open_tab(context, server.url + "/prefs", page_problems)
        b = open_tab(context, server.url + "/prefs", page_problems)
        a.wait_text("#shared", "nobody")
        b.wait_text("#shared", "nobody")

        a.page.click("#share-a")
        a.wait_text("#shared", "tab A")
        assert a.local(SHARED_KEY) == "tab A"
        b.wait_text("#shared", "tab A")  # the storage event reached tab B, which told its server state
        b.wait_text("#shared-label", "shared by tab A")  # computed vars follow

        b.page.click("#share-b")  # and back the other way
        b.wait_text("#shared", "tab B")
        a.wait_text("#shared", "tab B")
        a.wait_text("#shared-label", "shared by tab B")

        # A var without sync=True stays as it is in the other tab until it loads again.
        a.page.click("#darken")
        a.wait_text("#theme", "dark")
        assert a.local(THEME_KEY) == "dark"
        time.sleep(0.3)
        assert b.text("#theme") == "light"

        # Removed in A (localStorage.removeItem, as clear() would): back to the default in B.
        a.page.evaluate("k => localStorage.removeItem(k)", SHARED_KEY)
        b.wait_text("#shared", "nobody")
        b.wait_text("#shared-label", "shared by nobody")
        assert a.problems.lines == [] and b.problems.lines == []
    finally:
        context.close()
