"""on_load over a real websocket: the page says where it is (navigate frames) and the server runs
that page's handlers, in order, as one event."""

from __future__ import annotations

import json

import pytest
from serverkit import assert_silent, call, connect, navigate, receive

import pyxjs as rx
from pyxjs.server import create_app


class LoadState(rx.State):
    items: list[str] = []
    loads: int = 0
    page: str = ""
    ticks: int = 0

    def fill(self):
        self.items = ["a", "b"]
        self.loads += 1

    def add(self, item: str):
        self.items.append(item)

    def note_page(self):
        self.page = self.router.page.path

    def explode(self):
        self.loads = 999
        raise RuntimeError("no data")

    def chain(self):
        return LoadState.add("chained")

    @rx.event(background=True)
    async def tick(self):
        async with self:
            self.ticks += 1


def index():
    return rx.box()


def about():
    return rx.box()


def broken():
    return rx.box()


def feed():
    return rx.box()


def timer():
    return rx.box()


def make_app() -> rx.App:
    app = rx.App()
    app.add_page(index, on_load=LoadState.fill)
    app.add_page(about, on_load=[LoadState.fill, LoadState.add("x"), LoadState.note_page])
    app.add_page(broken, on_load=[LoadState.add("kept?"), LoadState.explode])
    app.add_page(feed, route="/feed/", on_load=LoadState.chain)
    app.add_page(timer, on_load=LoadState.tick)
    return app


@pytest.fixture
async def client(server_factory):
    return await server_factory([LoadState], pages=make_app().pages)


async def test_navigate_runs_the_pages_on_load(client):
    ws, hydrate = await connect(client, token="first", route={"path": "/"})
    assert hydrate["state"]["load_state"]["items"] == []  # hydrate itself runs nothing
    assert await navigate(ws, 1, "/") == {"type": "delta", "id": 1, "delta": {"load_state": {"items": ["a", "b"], "loads": 1}}}
    await assert_silent(ws)
    await ws.close()


async def test_a_list_runs_in_order_each_handler_sent_before_the_next(client):
    ws, _ = await connect(client, token="list")
    await ws.send_str(json.dumps({"id": 3, "type": "navigate", "route": {"path": "/about"}}))
    frames = [await receive(ws) for _ in range(3)]
    assert frames[0] == {"type": "delta", "id": 3, "final": False, "delta": {"load_state": {"items": ["a", "b"], "loads": 1}}}
    assert frames[1] == {"type": "delta", "id": 3, "final": False, "patch": {"load_state": {"items": {"at": 2, "add": ["x"]}}}}
    assert frames[2] == {"type": "delta", "id": 3, "delta": {"load_state": {"page": "/about"}}}
    await ws.close()


async def test_every_navigation_into_the_page_runs_it_again(client):
    ws, _ = await connect(client, token="again")
    await navigate(ws, 1, "/")
    await navigate(ws, 2, "/nowhere")  # no such page: the page shows its 404, nothing runs
    answer = await navigate(ws, 3, "/")
    assert answer["delta"]["load_state"]["loads"] == 2
    await ws.close()


async def test_trailing_slashes_and_escapes_find_the_route(client):
    ws, _ = await connect(client, token="slash")
    # "/feed/" as the app wrote it, "/feed" as the browser may say it; its handler chains another.
    assert await navigate(ws, 1, "/feed") == {"type": "delta", "id": 1, "delta": {"load_state": {"items": ["chained"]}}}
    answer = await navigate(ws, 2, "/%61bout/")  # "/about/"
    assert answer["delta"]["load_state"]["page"] == "/about"
    await ws.close()


async def test_a_page_without_on_load_answers_with_an_empty_delta(client):
    ws, _ = await connect(client, token="empty")
    assert await navigate(ws, 1, "/nowhere", "q=1") == {"type": "delta", "id": 1, "delta": {}}
    await ws.close()


async def test_a_failing_on_load_rolls_back_to_the_last_frame_sent(client):
    ws, _ = await connect(client, token="fails")
    await ws.send_str(json.dumps({"id": 1, "type": "navigate", "route": {"path": "/broken"}}))
    first = await receive(ws)
    assert first["final"] is False and first["delta"] == {"load_state": {"items": ["kept?"]}}
    error = await receive(ws)
    assert error["type"] == "error" and error["id"] == 1
    assert error["error"]["code"] == "handler_failed"
    assert error["error"]["message"].startswith("load_state.explode failed (error id ")
    _, hydrate = await connect(client, token="fails")
    assert hydrate["state"]["load_state"]["loads"] == 0  # explode's change was rolled back
    assert hydrate["state"]["load_state"]["items"] == ["kept?"]  # what was sent stands
    await ws.close()


async def test_a_background_on_load_starts_a_task(client):
    ws, _ = await connect(client, token="bg")
    assert await navigate(ws, 1, "/timer") == {"type": "delta", "id": 1, "delta": {}}
    pushed = await receive(ws)
    assert pushed == {"type": "delta", "id": 1, "final": False, "delta": {"load_state": {"ticks": 1}}}
    await ws.close()


@pytest.mark.parametrize("frame, message", [
    ({"id": 1, "type": "navigate"}, "'route' must be an object"),
    ({"id": 1, "type": "navigate", "route": {"path": "about"}}, "'route.path' must be a string starting with /"),
    ({"id": 1, "type": "navigate", "route": {"path": "/", "query": 3}}, "'route.query' must be a string"),
    ({"type": "navigate", "route": {"path": "/"}}, "'id' must be a positive integer"),
    ({"id": 1, "type": "teleport"}, 'unknown frame type "teleport"'),
])
async def test_bad_navigate_frames_get_an_error_and_the_connection_goes_on(client, frame, message):
    ws, _ = await connect(client, token="bad")
    await ws.send_str(json.dumps(frame))
    error = await receive(ws)
    assert error["type"] == "error" and error["error"]["code"] == "bad_message"
    assert message in error["error"]["message"]
    assert (await call(ws, 2, "load_state.add", "still"))["type"] == "delta"
    await ws.close()


async def test_a_frame_before_the_hydrate_request_is_hydrated_first_then_answered(client):
    ws = await client.ws_connect("/_pyx", params={"token": "eager"})
    await ws.send_str(json.dumps({"id": 1, "handler": "load_state.add", "args": ["z"]}))
    assert (await receive(ws))["type"] == "hydrate"
    assert (await receive(ws))["delta"] == {"load_state": {"items": ["z"]}}
    await ws.close()


async def test_a_second_hydrate_request_is_refused(client):
    ws, _ = await connect(client, token="twice")
    await ws.send_str(json.dumps({"type": "hydrate"}))
    error = await receive(ws)
    assert error["error"]["code"] == "bad_message" and "already hydrated" in error["error"]["message"]
    await ws.close()


def test_on_load_of_a_state_the_server_does_not_serve_stops_the_server(tmp_path):
    class LoadOtherState(rx.State):
        def go(self):
            pass

    app = rx.App()
    app.add_page(index, on_load=LoadOtherState.go)
    with pytest.raises(ValueError, match=r"route='/', on_load=\.\.\.\): LoadOtherState.go is not a handler"):
        create_app([LoadState], tmp_path, pages=app.pages)


def test_on_load_arguments_that_do_not_fit_stop_the_server(tmp_path):
    app = rx.App()
    app.add_page(index, on_load=LoadState.add(1, 2))
    with pytest.raises(ValueError, match=r"load_state.add\(item: str\) cannot take 2 arguments"):
        create_app([LoadState], tmp_path, pages=app.pages)
    app.pages.clear()
    app.add_page(index, on_load=LoadState.add(["not", "a", "str"]))
    with pytest.raises(ValueError, match="argument 'item' expects str"):
        create_app([LoadState], tmp_path, pages=app.pages)
