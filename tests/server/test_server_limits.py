"""The server's limits against a real server: each refuses with a clear error and a log line."""

from __future__ import annotations

import asyncio
import json
import logging

import aiohttp
import pytest
from serverkit import call, connect, receive, send

import pyxjs as rx
from pyxjs.server.protocol import MAX_ID
from pyxjs.server.settings import ServerSettings
from pyxjs.server.websocket import SERVICES


class LimCounterState(rx.State):
    count: int = 0
    blob: str = ""

    def increment(self):
        self.count += 1

    def grow(self, size: int):
        self.blob = "x" * size


async def start(server_factory, **settings):
    return await server_factory([LimCounterState], app_kwargs={"settings": ServerSettings(**settings)})


# --- Origin ------------------------------------------------------------------------------


async def test_a_page_of_another_origin_is_refused(server_factory, caplog):
    client = await start(server_factory)
    with caplog.at_level(logging.WARNING, logger="pyxjs.server"):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect("/_pyx", headers={"Origin": "http://evil.example"})
    assert refused.value.status == 403
    assert any("refused a websocket" in r.getMessage() and "evil.example" in r.getMessage() for r in caplog.records)


async def test_the_same_origin_and_allowed_origins_may_connect(server_factory):
    client = await start(server_factory, allow_origins=("https://app.example",))
    own = f"http://{client.host}:{client.port}"
    for origin in (own, "https://app.example"):
        ws, hydrate = await connect(client, headers={"Origin": origin})
        assert hydrate["type"] == "hydrate"
        await ws.close()
    with pytest.raises(aiohttp.WSServerHandshakeError):
        await client.ws_connect("/_pyx", headers={"Origin": "https://other.example"})


# --- frame size --------------------------------------------------------------------------


async def test_a_frame_over_the_limit_closes_with_1009_and_a_reason(server_factory, caplog):
    client = await start(server_factory, max_frame_bytes=10_000)
    ws, _ = await connect(client)
    with caplog.at_level(logging.WARNING, logger="pyxjs.server"):
        await send(ws, 1, "lim_counter_state.grow", "y" * 20_000)
        message = await ws.receive(timeout=5)
    assert message.type is aiohttp.WSMsgType.CLOSE
    assert message.data == 1009
    assert message.extra == "frame too large: the limit is 10000 bytes"
    assert any("over the limit of 10000 bytes" in r.getMessage() for r in caplog.records)


# --- event rate --------------------------------------------------------------------------


async def test_events_past_the_rate_are_refused_and_logged_once(server_factory, caplog):
    client = await start(server_factory, events_per_s=0.01, event_burst=3)
    ws, first = await connect(client)
    with caplog.at_level(logging.WARNING, logger="pyxjs.server"):
        answers = [await call(ws, i, "lim_counter_state.increment") for i in range(1, 6)]
    assert [a["type"] for a in answers] == ["delta", "delta", "delta", "error", "error"]
    assert answers[3]["error"]["code"] == "rate_limited" and answers[3]["id"] == 4
    assert "at most 0.01 per second" in answers[3]["error"]["message"]
    assert answers[2]["delta"] == {"lim_counter_state": {"count": 3}}
    assert sum("faster than" in r.getMessage() for r in caplog.records) == 1
    await ws.close()
    _, hydrate = await connect(client, first["token"])  # the refused ones never ran
    assert hydrate["state"]["lim_counter_state"]["count"] == 3


async def test_a_refused_frame_without_an_id_is_refused_with_id_null(server_factory):
    client = await start(server_factory, events_per_s=0.01, event_burst=1)
    ws, _ = await connect(client)
    assert (await call(ws, 1, "lim_counter_state.increment"))["type"] == "delta"
    await ws.send_str('{"type": "hydrate"}')  # a second hydrate request: no id to answer with
    answer = await receive(ws)
    assert answer["type"] == "error" and answer["id"] is None and answer["error"]["code"] == "rate_limited"
    await ws.close()


# --- a page that stops reading -----------------------------------------------------------


async def test_a_page_that_stops_reading_is_disconnected(server_factory, caplog):
    client = await start(server_factory, send_timeout_s=0.5)
    services = client.server.app[SERVICES]
    ws, hydrate = await connect(client)
    token = hydrate["token"]
    with caplog.at_level(logging.WARNING, logger="pyxjs.server"):
        # Each answer is ~1 MB and this client never reads one: the socket buffers fill up.
        for i in range(1, 200):
            await send(ws, i, "lim_counter_state.grow", 1_000_000 + i)
            if services.live.latest(token) is None:
                break
            await asyncio.sleep(0.02)
        for _ in range(100):
            if services.live.latest(token) is None:
                break
            await asyncio.sleep(0.05)
    assert services.live.latest(token) is None, "the server still holds the connection of a page that reads nothing"
    assert any("send timeout" in r.getMessage() for r in caplog.records)


# --- what a frame may hold ---------------------------------------------------------------


@pytest.mark.parametrize("value, message", [
    ("NaN", "NaN is not JSON"), ("Infinity", "Infinity is not JSON"), ("-Infinity", "Infinity is not JSON"),
    ("1e999", "too large for a number"), ("-1e999", "too large for a number"),  # would become infinity
])
async def test_nan_and_infinity_are_not_json(server_factory, value, message):
    client = await start(server_factory)
    ws, _ = await connect(client)
    await ws.send_str(f'{{"id": 1, "handler": "lim_counter_state.grow", "args": [{value}]}}')
    answer = await receive(ws)
    assert answer["type"] == "error" and answer["error"]["code"] == "bad_json"
    assert message in answer["error"]["message"]
    await ws.close()


async def test_ids_past_2_to_the_53_are_refused(server_factory):
    client = await start(server_factory)
    ws, _ = await connect(client)
    assert (await call(ws, MAX_ID, "lim_counter_state.increment"))["id"] == MAX_ID
    await ws.send_str(json.dumps({"id": MAX_ID + 1, "handler": "lim_counter_state.increment"}))
    answer = await receive(ws)
    assert answer["error"]["code"] == "bad_message" and "2**53-1" in answer["error"]["message"]
    await ws.close()
