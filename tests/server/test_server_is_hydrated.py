"""Reflex's `self.is_hydrated` over a real websocket: False in the build's defaults (no page has
connected), True once the page hydrates; a computed var that reads it is recomputed for the page
in the hydrate frame itself, also for a token that has no state yet. And `@rx.event` stacked on
`@rx.event(background=True)` (as Reflex's overkey example writes it) is still a background task."""

from __future__ import annotations

import asyncio

import pytest
from serverkit import call, connect, receive

import pyxjs as rx
from pyxjs.state.client import default_snapshot
from pyxjs.state.handlers import event_options


class HydratedState(rx.State):
    ticks: int = 0

    @rx.var(cache=True)
    def words(self) -> list[str]:
        if self.is_hydrated:
            return ["ready"]
        return []

    @rx.event
    def seen(self):
        self.ticks = 1 if self.is_hydrated else -1

    @rx.event
    @rx.event(background=True)
    async def count_later(self):
        await asyncio.sleep(0)
        async with self:  # only a background task may write this way
            self.ticks += 10


@pytest.fixture
async def client(server_factory):
    return await server_factory([HydratedState])


def test_the_builds_defaults_are_not_hydrated():
    assert default_snapshot([HydratedState])["hydrated_state"]["words"] == []


def test_a_second_event_decorator_keeps_the_background_mark():
    assert event_options(HydratedState._pyx_handlers["count_later"]).background is True


async def test_a_fresh_token_hydrates_with_its_computed_vars_following_the_page(client):
    ws, hydrate = await connect(client, token="fresh", route={"path": "/"})
    assert hydrate["state"]["hydrated_state"]["words"] == ["ready"]
    answer = await call(ws, 1, "hydrated_state.seen")
    assert answer["delta"]["hydrated_state"] == {"ticks": 1}
    await ws.close()


async def test_the_stacked_background_handler_runs_as_a_background_task(client):
    ws, _ = await connect(client, token="bg", route={"path": "/"})
    assert await call(ws, 1, "hydrated_state.count_later") == {"type": "delta", "id": 1, "delta": {}}
    assert (await receive(ws))["delta"]["hydrated_state"] == {"ticks": 10}
    await ws.close()
