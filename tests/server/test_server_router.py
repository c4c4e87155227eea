"""self.router over a real websocket: the page's route, query params, token, peer, headers;
read-only; updated by navigate frames."""

from __future__ import annotations

import pytest
from serverkit import call, connect, navigate, receive, token_for

import pyxjs as rx
from pyxjs.server.settings import ServerSettings
from pyxjs.state.router import EMPTY_ROUTER, Headers, query_params


class RouterSeenState(rx.State):
    seen: dict = {}

    def look(self):
        r = self.router
        self.seen = {
            "path": r.page.path,
            "raw_path": r.page.raw_path,
            "full_path": r.page.full_path,
            "params": dict(r.page.params),
            "token": r.session.client_token,
            "ip": r.session.client_ip,
            "agent": r.headers["user-agent"],
            "agent_attr": r.headers.user_agent,
            "missing_attr": r.headers.x_nothing_here,
            "custom": r.headers.get("X-Custom"),
        }

    def overwrite(self):
        self.router = None

    def poke_headers(self):
        self.router.headers["x"] = "y"

    @rx.event(background=True)
    async def look_later(self):
        async with self:
            self.seen = {"path": self.router.page.path}


class RouterComputedState(rx.State):
    """Computed vars that read self.router (Reflex's multi-page tutorials show the current path
    and a query param this way): recomputed when the page moves, with or without an on_load."""

    @rx.var
    def current_path(self) -> str:
        return self.router.page.path

    @rx.var
    def query(self) -> str:
        return self.router.page.params.get("q", "none")


def post():
    return rx.box()


def make_pages():
    app = rx.App()
    app.add_page(post, route="/post", on_load=RouterSeenState.look)
    return app.pages


@pytest.fixture
async def client(server_factory):
    # dev: the read-only test reads the exception's text; app.example: the header test's Origin.
    settings = ServerSettings(dev=True, allow_origins=("http://app.example",))
    return await server_factory([RouterSeenState, RouterComputedState], pages=make_pages(), app_kwargs={"settings": settings})


async def seen(ws, event_id: int) -> dict:
    answer = await call(ws, event_id, "router_seen_state.look")
    return answer["delta"]["router_seen_state"]["seen"]


async def test_the_router_describes_the_page_the_client_and_its_headers(client):
    ws, _ = await connect(
        client, token="tok-1", route={"path": "/post/", "query": "tag=py&n=1&n=2"},
        headers={"User-Agent": "pyx-test/1", "X-Custom": "hello", "Origin": "http://app.example"},
    )
    assert await seen(ws, 1) == {
        "path": "/post",  # the app's route
        "raw_path": "/post/?tag=py&n=1&n=2",  # as the browser shows it
        "full_path": "http://app.example/post",
        "params": {"tag": "py", "n": ["1", "2"]},
        "token": token_for(client, "tok-1"),
        "ip": "127.0.0.1",
        "agent": "pyx-test/1",
        "agent_attr": "pyx-test/1",
        "missing_attr": "",
        "custom": "hello",
    }
    await ws.close()


async def test_navigate_moves_the_router_and_on_load_sees_the_new_page(client):
    ws, _ = await connect(client, token="moves", route={"path": "/"})
    assert (await seen(ws, 1))["path"] == "/"
    answer = await navigate(ws, 2, "/post", "id=7")
    assert answer["delta"]["router_seen_state"]["seen"]["params"] == {"id": "7"}
    assert (await seen(ws, 3))["raw_path"] == "/post?id=7"
    await navigate(ws, 4, "/elsewhere")  # no page there: the router still says where the page is
    assert (await seen(ws, 5))["path"] == "/elsewhere"
    await ws.close()


async def test_computed_vars_that_read_the_router_follow_the_page(client):
    ws, hydrate = await connect(client, token="computed", route={"path": "/results", "query": "q=abc"})
    # A token with no state yet: the hydrate computes them for the page it names...
    assert hydrate["state"]["router_computed_state"] == {"current_path": "/results", "query": "abc"}
    # ...so the page's first navigate (runtime_js start.js sends one after the hydrate) changes nothing.
    answer = await navigate(ws, 1, "/results", "q=abc")
    assert "router_computed_state" not in answer.get("delta", {})
    answer = await navigate(ws, 2, "/post", "q=x%20y")  # a page with an on_load
    assert answer["delta"]["router_computed_state"] == {"current_path": "/post", "query": "x y"}
    answer = await navigate(ws, 3, "/about")
    assert answer["delta"]["router_computed_state"] == {"current_path": "/about", "query": "none"}
    answer = await navigate(ws, 4, "/about")  # the same page again: nothing changed, nothing sent
    assert "router_computed_state" not in answer.get("delta", {})
    await ws.close()
    # A reconnect's hydrate already has the page it names.
    ws, hydrate = await connect(client, token="computed", route={"path": "/post", "query": "q=1"}, load=False)
    assert hydrate["state"]["router_computed_state"] == {"current_path": "/post", "query": "1"}
    await ws.close()


async def test_a_reconnect_tells_the_router_where_the_page_is(client):
    ws, _ = await connect(client, token="recon", route={"path": "/post", "query": "a=1"})
    await ws.close()
    ws, _ = await connect(client, token="recon", route={"path": "/other"}, load=False)
    assert (await seen(ws, 1))["path"] == "/other"
    await ws.close()


async def test_before_the_page_says_where_it_is_the_page_is_empty(client):
    ws, _ = await connect(client, token="noroute")
    looked = await seen(ws, 1)
    assert looked["path"] == "" and looked["params"] == {} and looked["token"] == token_for(client, "noroute")
    await ws.close()


async def test_the_router_is_read_only(client):
    ws, _ = await connect(client, token="ro")
    error = await call(ws, 1, "router_seen_state.overwrite")
    assert error["type"] == "error" and "self.router is read-only" in error["error"]["message"]
    error = await call(ws, 2, "router_seen_state.poke_headers")
    assert error["type"] == "error" and "does not support item assignment" in error["error"]["message"]
    await ws.close()


async def test_a_background_handler_sees_the_router(client):
    ws, _ = await connect(client, token="bg", route={"path": "/post"})
    assert await call(ws, 1, "router_seen_state.look_later") == {"type": "delta", "id": 1, "delta": {}}
    # (RouterComputedState's vars, computed before the page had said where it is, follow it in the same frame)
    assert (await receive(ws))["delta"]["router_seen_state"] == {"seen": {"path": "/post"}}
    await ws.close()


def test_headers_are_case_insensitive_and_fold_repeats():
    headers = Headers([("Accept-Language", "en"), ("X-Many", "1"), ("x-many", "2")])
    assert headers["accept-language"] == headers["ACCEPT-LANGUAGE"] == headers.accept_language == "en"
    assert headers["X-Many"] == "1, 2" and "x-MANY" in headers and 3 not in headers
    assert dict(headers.raw_headers) == {"accept-language": "en", "x-many": "1, 2"}
    with pytest.raises(AttributeError, match="read-only"):
        headers.user_agent = "me"
    with pytest.raises(TypeError):
        headers.raw_headers["x"] = "y"  # type: ignore[index]


def test_query_params_are_read_only_and_repeat_into_lists():
    params = query_params("a=1&b=&c=x&c=y&c=z&%C3%A9=%20")
    assert dict(params) == {"a": "1", "b": "", "c": ["x", "y", "z"], "é": " "}
    with pytest.raises(TypeError):
        params["a"] = "2"  # type: ignore[index]


def test_a_state_outside_a_server_has_an_empty_router():
    assert RouterSeenState().router is EMPTY_ROUTER
    assert EMPTY_ROUTER.page.full_path == "" and dict(EMPTY_ROUTER.headers) == {}
