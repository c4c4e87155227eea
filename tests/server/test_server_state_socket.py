"""Reflex-style state over a real websocket: computed vars in hydrate and deltas, list tails,
frames at each yield, chained events, client actions, argument errors, rollback."""

from __future__ import annotations

import asyncio
import logging

import pytest
from serverkit import call, connect, receive, send

import pyxjs as rx


class WireTodoState(rx.State):
    items: list[str] = [f"item {n}" for n in range(1000)]
    count: int = 0

    @rx.var
    def size(self) -> int:
        return len(self.items)

    def add(self, item: str):
        self.items.append(item)

    def bump(self, by: int):
        self.count += by

    async def steps(self, n: int):
        for i in range(n):
            self.count = i + 1
            yield
            await asyncio.sleep(0)

    def bump_then_go(self):
        self.count += 1
        return [WireTodoState.bump(10), rx.redirect("/done")]

    def explode(self):
        self.items.append("never")
        raise RuntimeError("kaboom")


class WireScoreState(rx.State):
    scores: dict[str, int] = {f"player {n}": n for n in range(1000)}

    def score(self, player: str, points: int):
        self.scores[player] = points

    def retire(self, player: str):
        del self.scores[player]


class WireOtherState(rx.State):
    seen: int = 0

    async def copy_count(self):
        todo = await self.get_state(WireTodoState)
        self.seen = todo.count


@pytest.fixture
async def client(server_factory):
    return await server_factory([WireTodoState, WireOtherState, WireScoreState])


async def test_hydrate_has_computed_values(client):
    ws, hydrate = await connect(client, token="hydrate")
    assert hydrate["state"]["wire_todo_state"]["size"] == 1000
    await ws.close()


async def test_appending_to_a_long_list_sends_the_tail_and_the_computed_var(client):
    ws, _ = await connect(client, token="append")
    await send(ws, 1, "wire_todo_state.add", "new")
    message = await ws.receive(timeout=5)
    assert message.data == (
        '{"type":"delta","id":1,"delta":{"wire_todo_state":{"size":1001}},'
        '"patch":{"wire_todo_state":{"items":{"at":1000,"add":["new"]}}}}'
    )
    await ws.close()
    _, hydrate = await connect(client, token="append")
    assert hydrate["state"]["wire_todo_state"]["items"][-1] == "new"


async def test_each_yield_is_a_frame_before_the_answer(client):
    ws, _ = await connect(client, token="yields")
    await send(ws, 1, "wire_todo_state.steps", 3)
    frames = [await receive(ws) for _ in range(4)]
    assert [f.get("final", True) for f in frames] == [False, False, False, True]
    assert [f["delta"]["wire_todo_state"]["count"] for f in frames[:3]] == [1, 2, 3]
    assert frames[3] == {"type": "delta", "id": 1, "delta": {}}  # the answer: nothing after the last yield
    await ws.close()


async def test_chained_events_and_actions(client):
    ws, _ = await connect(client, token="chain")
    await send(ws, 1, "wire_todo_state.bump_then_go")
    first, final = await receive(ws), await receive(ws)
    assert first == {
        "type": "delta", "id": 1, "final": False, "delta": {"wire_todo_state": {"count": 1}},
        "actions": [{"name": "redirect", "args": {"path": "/done", "external": False, "replace": False}}],
    }
    assert final == {"type": "delta", "id": 1, "delta": {"wire_todo_state": {"count": 11}}}
    assert (await call(ws, 2, "wire_other_state.copy_count"))["delta"] == {"wire_other_state": {"seen": 11}}
    await ws.close()


async def test_bad_args_name_the_parameter_and_change_nothing(client):
    ws, _ = await connect(client, token="badargs")
    error = await call(ws, 1, "wire_todo_state.bump", "lots")
    assert error["error"]["code"] == "bad_args"
    assert "argument 'by' expects int, got 'lots'" in error["error"]["message"]
    assert (await call(ws, 2, "wire_todo_state.bump", "5"))["delta"] == {"wire_todo_state": {"count": 5}}
    assert (await call(ws, 3, "wire_todo_state.set_count", 7))["delta"] == {"wire_todo_state": {"count": 7}}
    await ws.close()


async def test_a_failed_handler_leaves_the_list_as_it_was(client, caplog):
    ws, _ = await connect(client, token="rollback")
    with caplog.at_level(logging.CRITICAL, logger="pyxjs.server"):
        error = await call(ws, 1, "wire_todo_state.explode")
    assert error["error"]["code"] == "handler_failed" and "delta" not in error
    add = await call(ws, 2, "wire_todo_state.add", "x")
    assert add["patch"] == {"wire_todo_state": {"items": {"at": 1000, "add": ["x"]}}}
    await ws.close()


class WireTickerState(rx.State):
    ticks: int = 0
    note: str = ""

    @rx.event(background=True)
    async def run_ticker(self, n: int):
        for _ in range(n):
            async with self:
                self.ticks += 1
            await asyncio.sleep(0.01)

    @rx.event(background=True)
    async def write_outside(self):
        self.note = "not allowed"

    def note_it(self, text: str):
        self.note = text


async def test_a_background_task_pushes_its_changes_while_events_keep_flowing(server_factory, caplog):
    client = await server_factory([WireTickerState])
    ws, _ = await connect(client, token="ticker")
    answer = await call(ws, 1, "wire_ticker_state.run_ticker", 3)
    assert answer == {"type": "delta", "id": 1, "delta": {}}  # answered at once
    await send(ws, 2, "wire_ticker_state.note_it", "meanwhile")
    frames = [await receive(ws) for _ in range(4)]
    pushed = [f["delta"]["wire_ticker_state"]["ticks"] for f in frames if f["id"] == 1]
    assert pushed == [1, 2, 3]
    assert all(f.get("final") is False for f in frames if f["id"] == 1)
    assert [f for f in frames if f["id"] == 2][0]["delta"] == {"wire_ticker_state": {"note": "meanwhile"}}
    with caplog.at_level(logging.ERROR, logger="pyxjs.server"):
        assert (await call(ws, 3, "wire_ticker_state.write_outside"))["delta"] == {}
        await asyncio.sleep(0.05)
    assert any("outside `async with self:`" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
    await ws.close()
    _, hydrate = await connect(client, token="ticker")
    assert hydrate["state"]["wire_ticker_state"] == {"ticks": 3, "note": "meanwhile"}


class WireJobState(rx.State):
    done: int = 0
    log: list[str] = []

    @rx.event(background=True)
    async def job(self):
        async with self:
            self.log.append("started")
        yield rx.toast("halfway")
        yield WireJobState.record("chained")
        async with self:
            self.log.append("finished")
        yield [WireJobState.record("returned"), rx.console_log("all done")]

    @rx.event(background=True)
    async def plain_job(self):
        async with self:
            self.done += 1
        return WireJobState.record("from plain")

    def record(self, what: str):
        self.done += 1
        self.log.append(what)


async def test_a_background_task_yields_and_returns_events_and_actions(server_factory):
    # Reflex runs what a background task yields or returns as any handler's: client actions go to
    # the page, events run next (each under the client's lock, its changes sent).
    client = await server_factory([WireJobState])
    ws, _ = await connect(client, token="jobs")
    assert (await call(ws, 1, "wire_job_state.job")) == {"type": "delta", "id": 1, "delta": {}}
    frames = []
    while not frames or frames[-1].get("actions") != [{"name": "console_log", "args": {"message": "all done"}}]:
        frames.append(await receive(ws))
    actions = [a for f in frames for a in f.get("actions", [])]
    assert actions == [{"name": "toast", "args": {"level": "default", "message": "halfway"}},
                       {"name": "console_log", "args": {"message": "all done"}}]
    assert all(f["id"] == 1 and f.get("final") is False for f in frames)
    assert (await call(ws, 2, "wire_job_state.plain_job"))["delta"] == {}
    await asyncio.sleep(0.1)
    await ws.close()
    _, hydrate = await connect(client, token="jobs")
    assert hydrate["state"]["wire_job_state"] == {
        "done": 4, "log": ["started", "chained", "finished", "returned", "from plain"]}


async def test_setting_one_key_of_a_long_dict_sends_that_key(client):
    ws, _ = await connect(client, token="dict-keys")
    await send(ws, 1, "wire_score_state.score", "player 7", 70)
    assert (await ws.receive(timeout=5)).data == (
        '{"type":"delta","id":1,"patch":{"wire_score_state":{"scores":{"set":{"player 7":70}}}}}'
    )
    await send(ws, 2, "wire_score_state.retire", "player 0")
    assert (await ws.receive(timeout=5)).data == (
        '{"type":"delta","id":2,"patch":{"wire_score_state":{"scores":{"del":["player 0"]}}}}'
    )
    await ws.close()
    _, hydrate = await connect(client, token="dict-keys")
    scores = hydrate["state"]["wire_score_state"]["scores"]
    assert scores["player 7"] == 70 and "player 0" not in scores and len(scores) == 999
