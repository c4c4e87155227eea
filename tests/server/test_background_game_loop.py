"""A game loop as Reflex apps write one (the public snakegame): a handler returns a background
task declared with Reflex's older `@rx.background`; the task keeps a singleton guard in a private
var, ticks inside `async with self:` while a var says so, and `self.reset()` starts over."""

from __future__ import annotations

import asyncio

import pytest
from serverkit import call, connect, receive

import pyxjs as rx


class LoopState(rx.State):
    running: bool = False
    ticks: int = 0
    direction: str = (1, 0)  # a tuple under a `str` annotation, as snakegame declares `dir`
    over: bool = False
    _tasks: int = 0

    def play(self):
        if not self.running:
            if self.over:
                self.reset()
            self.running = True
            return LoopState.loop

    def turn(self):
        self.direction = (0, -1)

    @rx.background
    async def loop(self):
        async with self:
            if self._tasks > 0:
                return
            self._tasks += 1
        while self.running:
            await asyncio.sleep(0.01)
            async with self:
                self.ticks += 1
                if self.ticks == 3:
                    self.running, self.over = False, True
        async with self:
            self._tasks -= 1


@pytest.fixture
async def client(server_factory):
    return await server_factory([LoopState])


async def ticks_until_over(ws) -> list[dict]:
    frames = []
    while not any(f.get("delta", {}).get("loop_state", {}).get("over") for f in frames):
        frames.append(await receive(ws))
    return frames


async def test_a_returned_background_loop_ticks_until_over_and_reset_starts_over(client):
    assert LoopState._pyx_handlers["loop"]._pyx_event.background
    ws, hydrate = await connect(client, token="game")
    assert hydrate["state"]["loop_state"]["direction"] == [1, 0]
    started = await call(ws, 1, "loop_state.play")
    assert started["delta"] == {"loop_state": {"running": True}}
    frames = await ticks_until_over(ws)
    deltas = [f["delta"]["loop_state"] for f in frames if f.get("delta")]
    assert [d["ticks"] for d in deltas if "ticks" in d] == [1, 2, 3]
    assert deltas[-1]["running"] is False
    assert (await call(ws, 2, "loop_state.turn"))["delta"] == {"loop_state": {"direction": [0, -1]}}
    # over: play resets every var (the direction too) and the loop runs again from zero
    again = await call(ws, 3, "loop_state.play")
    assert again["delta"]["loop_state"] == {"running": True, "ticks": 0, "over": False, "direction": [1, 0]}
    frames = await ticks_until_over(ws)
    assert [f["delta"]["loop_state"]["ticks"] for f in frames if "ticks" in f.get("delta", {}).get("loop_state", {})] == [1, 2, 3]
    await ws.close()
