"""Frames with large vars are encoded piecewise (yielding to the loop): same text, same errors."""

from __future__ import annotations

import asyncio

from serverkit import call, connect

import pyxjs as rx
from pyxjs.server import large_frames
from pyxjs.state.serialize import encode

ROWS = 60_000  # past large_frames.LARGE


class BigRowsState(rx.State):
    rows: list = []

    def fill(self):
        self.rows = [{"id": i, "tag": f"é{i}"} for i in range(ROWS)]

    def fill_with_nan(self):
        self.rows = [0.5] * ROWS + [float("nan")]


def test_piecewise_encoding_gives_the_c_encoders_text():
    value = {"s": {"rows": [{"id": i, "f": i / 3, "t": ("a", None, True)} for i in range(ROWS)]}}
    assert large_frames.looks_large(value)
    assert asyncio.run(large_frames.encode_yielding(value)) == encode(value)


async def test_a_large_answer_and_hydrate_arrive_whole(server_factory, monkeypatch):
    yields = []
    real_sleep = asyncio.sleep

    async def counting_sleep(delay, *args):
        yields.append(delay)
        await real_sleep(delay, *args)

    monkeypatch.setattr(large_frames.asyncio, "sleep", counting_sleep)
    client = await server_factory([BigRowsState])
    ws, hydrate = await connect(client)
    answer = await call(ws, 1, "big_rows_state.fill")
    assert len(answer["delta"]["big_rows_state"]["rows"]) == ROWS and answer["delta"]["big_rows_state"]["rows"][7] == {"id": 7, "tag": "é7"}
    assert yields, "the large answer was encoded in one go"
    await ws.close()
    yields.clear()
    ws, again = await connect(client, hydrate["token"])
    assert again["state"]["big_rows_state"]["rows"] == answer["delta"]["big_rows_state"]["rows"]
    assert yields
    await ws.close()


async def test_a_large_answer_with_nan_is_still_an_error_naming_the_var(server_factory):
    client = await server_factory([BigRowsState])
    ws, _ = await connect(client)
    error = await call(ws, 1, "big_rows_state.fill_with_nan")
    assert error["type"] == "error" and error["error"]["code"] == "handler_failed"
    assert "big_rows_state.rows" in error["error"]["message"]
    await ws.close()
