"""Client storage vars over a real websocket: stored values in the hydrate request become the
vars' values; storage frames from another tab set synced vars; bad stored text is reported."""

from __future__ import annotations

import json

import pytest
from serverkit import call, connect, receive

import pyxjs as rx


class WireStoreState(rx.State):
    theme: str = rx.LocalStorage("light", sync=True)
    size: int = rx.LocalStorage(12)
    user: str = rx.Cookie("")
    tabs: list[str] = rx.SessionStorage([])
    plain: int = 0

    @rx.var
    def label(self) -> str:
        return f"{self.theme}/{self.size}"

    def darken(self):
        self.theme = "dark"


@pytest.fixture
async def client(server_factory):
    return await server_factory([WireStoreState])


async def test_stored_values_are_the_initial_values(client):
    stored = {"wire_store_state": {"theme": "dark", "size": "14", "user": "ada", "tabs": '["a"]'}}
    ws, hydrate = await connect(client, token="stored", storage=stored)
    assert hydrate["state"]["wire_store_state"] == {
        "theme": "dark", "size": 14, "user": "ada", "tabs": ["a"], "plain": 0, "label": "dark/14",
    }
    await ws.close()


async def test_a_reconnect_keeps_the_servers_values_a_reload_takes_the_stored_ones(client):
    ws, _ = await connect(client, token="recon", storage={"wire_store_state": {"theme": "blue"}})
    assert (await call(ws, 1, "wire_store_state.darken"))["delta"]["wire_store_state"]["theme"] == "dark"
    await ws.close()
    # The delta was lost on the way: the page still has "blue" stored, but only reconnected.
    ws, hydrate = await connect(client, token="recon", storage={"wire_store_state": {"theme": "blue"}}, load=False)
    assert hydrate["state"]["wire_store_state"]["theme"] == "dark"
    await ws.close()
    ws, hydrate = await connect(client, token="recon", storage={"wire_store_state": {"theme": "green"}}, load=True)
    assert hydrate["state"]["wire_store_state"]["theme"] == "green"
    await ws.close()


async def test_nothing_stored_keeps_the_defaults(client):
    ws, hydrate = await connect(client, token="none", storage={"wire_store_state": {"theme": None}})
    assert hydrate["state"]["wire_store_state"]["theme"] == "light"
    await ws.close()


async def test_unusable_stored_values_are_reported_and_the_rest_used(client):
    stored = {"wire_store_state": {"size": "big", "plain": "5", "theme": "dark"}, "nope": {"x": "1"}}
    ws, hydrate = await connect(client, token="badstore", storage=stored)
    assert hydrate["state"]["wire_store_state"]["theme"] == "dark"
    assert hydrate["state"]["wire_store_state"]["size"] == 12 and hydrate["state"]["wire_store_state"]["plain"] == 0
    error = await receive(ws)
    assert error["type"] == "error" and error["id"] is None and error["error"]["code"] == "bad_args"
    message = error["error"]["message"]
    assert "wire_store_state.size: stored 'big' is not JSON text" in message
    assert "wire_store_state.plain: not a client storage var" in message and "nope: no such state" in message
    assert (await call(ws, 1, "wire_store_state.darken"))["type"] == "delta"
    await ws.close()


@pytest.mark.parametrize("storage", [[], {"wire_store_state": ["x"]}, {"wire_store_state": {"theme": 3}}])
async def test_a_malformed_storage_map_is_a_bad_message_and_the_page_still_hydrates(client, storage):
    ws = await client.ws_connect("/_pyx", params={"token": "malformed"})
    await ws.send_str(json.dumps({"type": "hydrate", "storage": storage}))
    assert (await receive(ws))["type"] == "hydrate"
    error = await receive(ws)
    assert error["error"]["code"] == "bad_message" and "storage" in error["error"]["message"]
    await ws.close()


async def test_another_tab_changing_a_synced_var_sets_it_here(client):
    ws, _ = await connect(client, token="sync")
    await ws.send_str(json.dumps({"id": 1, "type": "storage", "values": {"wire_store_state": {"theme": "dark"}}}))
    assert await receive(ws) == {"type": "delta", "id": 1, "delta": {"wire_store_state": {"theme": "dark", "label": "dark/12"}}}
    # Removed in the other tab: back to the default.
    await ws.send_str(json.dumps({"id": 2, "type": "storage", "values": {"wire_store_state": {"theme": None}}}))
    assert (await receive(ws))["delta"] == {"wire_store_state": {"theme": "light", "label": "light/12"}}
    await ws.close()


async def test_a_storage_frame_may_set_only_synced_vars(client):
    ws, _ = await connect(client, token="nosync")
    values = {"wire_store_state": {"size": "99", "plain": "1", "theme": "red"}}
    await ws.send_str(json.dumps({"id": 1, "type": "storage", "values": values}))
    answer = await receive(ws)
    assert answer["type"] == "error" and answer["error"]["code"] == "bad_args"
    assert "size: not a LocalStorage(sync=True) var" in answer["error"]["message"]
    assert answer["delta"] == {"wire_store_state": {"theme": "red", "label": "red/12"}}  # what was allowed stands
    await ws.close()
