"""Computed vars across states over a real websocket: a substate following its parent's var,
an async computed var reading another state, and interval vars pushed with no event."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from serverkit import assert_silent, call, connect, receive

import pyxjs as rx
from pyxjs.server.websocket import SERVICES

TICKS = itertools.count(1)


class WxParentState(rx.State):
    base: int = 1


class WxChildState(WxParentState):
    extra: int = 100

    @rx.var
    def total(self) -> int:
        return self.base + self.extra


class WxCounterState(rx.State):
    count: int = 1

    def add(self, n: int):
        self.count += n


class WxBoardState(rx.State):
    @rx.var
    async def scaled(self) -> int:
        counter = await self.get_state(WxCounterState)
        return counter.count * 10


class WxClockState(rx.State):
    frozen: int = 7

    @rx.var(interval=0.05)
    def tick(self) -> int:
        return next(TICKS)

    @rx.var(interval=0.05)
    def still(self) -> int:
        return self.frozen


class WxStillState(rx.State):
    @rx.var(interval=0.05)
    def same(self) -> int:
        return 1


FAIL_CLOCK = [False]


class WxBrokenClockState(rx.State):
    n: int = 0

    @rx.var(interval=0.05)
    def broken(self) -> int:
        if FAIL_CLOCK[0]:
            raise RuntimeError("clock stopped")
        return 0


@pytest.fixture
async def client(server_factory):
    return await server_factory([WxChildState, WxBoardState, WxCounterState])


async def test_hydrate_sends_the_parent_and_the_substates_own_vars(client):
    ws, hydrate = await connect(client, token="sub-hydrate")
    assert hydrate["state"]["wx_parent_state"] == {"base": 1}
    assert hydrate["state"]["wx_child_state"] == {"extra": 100, "total": 101}
    await ws.close()


@pytest.mark.parametrize("handler", ["wx_parent_state.set_base", "wx_child_state.set_base"])
async def test_a_parent_var_change_reaches_the_substates_computed_var(client, handler):
    ws, _ = await connect(client, token=f"sub-{handler}")
    answer = await call(ws, 1, handler, 5)
    assert answer == {"type": "delta", "id": 1, "delta": {"wx_parent_state": {"base": 5}, "wx_child_state": {"total": 105}}}
    await ws.close()


async def test_an_async_computed_var_follows_another_state(client):
    ws, hydrate = await connect(client, token="async-board")
    assert hydrate["state"]["wx_board_state"] == {"scaled": 10}
    answer = await call(ws, 1, "wx_counter_state.add", 2)
    assert answer["delta"] == {"wx_counter_state": {"count": 3}, "wx_board_state": {"scaled": 30}}
    answer = await call(ws, 2, "wx_counter_state.add", 0)  # assigned, unchanged: scaled is not sent
    assert answer["delta"] == {"wx_counter_state": {"count": 3}}
    await ws.close()


async def test_interval_vars_are_pushed_without_an_event_and_stop_with_the_socket(server_factory):
    client = await server_factory([WxClockState])
    ws, hydrate = await connect(client, token="clock")
    first = hydrate["state"]["wx_clock_state"]["tick"]
    seen = []
    for _ in range(2):
        frame = await receive(ws)
        assert frame["type"] == "delta" and frame["id"] is None and frame["final"] is False
        assert set(frame["delta"]) == {"wx_clock_state"}
        assert set(frame["delta"]["wx_clock_state"]) == {"tick"}  # `still` recomputed, unchanged
        seen.append(frame["delta"]["wx_clock_state"]["tick"])
    assert first < seen[0] < seen[1]
    # Events still get their answers between ticks.
    answer = await call(ws, 1, "wx_clock_state.set_frozen", 8)
    while answer["id"] is None:
        answer = await receive(ws)
    assert answer["delta"]["wx_clock_state"]["frozen"] == 8
    tickers = client.server.app[SERVICES].tickers
    assert len(tickers) == 1
    await ws.close()
    for _ in range(50):
        if not tickers:
            break
        await asyncio.sleep(0.02)
    assert not tickers


async def test_an_interval_var_that_keeps_its_value_sends_nothing(server_factory):
    client = await server_factory([WxStillState])
    ws, _ = await connect(client, token="still")
    await assert_silent(ws, 0.3)
    await ws.close()


async def test_a_failing_interval_var_is_an_error_frame_without_an_id(server_factory):
    client = await server_factory([WxBrokenClockState])
    ws, _ = await connect(client, token="broken")
    assert (await call(ws, 1, "wx_broken_clock_state.set_n", 1))["id"] == 1  # the client's states exist
    FAIL_CLOCK[0] = True
    try:
        frame = await receive(ws)
    finally:
        FAIL_CLOCK[0] = False
    assert frame["type"] == "error" and frame["id"] is None
    assert frame["error"]["code"] == "handler_failed"
    assert frame["error"]["message"].startswith("computed var wx_broken_clock_state.broken failed (error id ")
    await ws.close()
