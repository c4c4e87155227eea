"""Unit tests of pyxjs/server/events.py: resolving, binding, calling handlers and collecting deltas."""

from __future__ import annotations

import asyncio
import functools
import logging

import pytest

import pyxjs as rx
from pyxjs.server.events import EventRunner
from pyxjs.state.client import take_delta_now
from pyxjs.server.protocol import Event


class EvtCartState(rx.State):
    items: list = []
    total: int = 0
    note: str = ""
    _secret: str = "private"

    def add(self, item: str, price: int = 1):
        self.items = [*self.items, item]
        self.total += price

    def clear(self):
        self.items = []
        self.total = 0

    async def add_later(self, item: str):
        await asyncio.sleep(0)
        self.items = [*self.items, item]

    def add_many(self, *names: str):
        for name in names:
            yield
            self.items = [*self.items, name]

    async def count_up(self, n: int):
        for _ in range(n):
            self.total += 1
            yield

    def fail_half_way(self):
        self.note = "before the failure"
        raise ValueError("price list unavailable")

    def needs_keyword(self, *, flag: bool):
        self.note = str(flag)

    @staticmethod
    def shout(text: str):
        text.upper()

    @functools.wraps(add_later)
    def wrapped_async(self, item: str):  # a plain function returning a coroutine, as decorators do
        return self.add_later(item)

    def _internal(self):
        self.note = "never callable from the page"


class EvtUserState(rx.State):
    name: str = "ada"

    def rename(self, name: str):
        self.name = name


class EvtEmptyState(rx.State):
    pass


RUNNER = EventRunner([EvtCartState, EvtUserState, EvtEmptyState])


def fresh_states():
    return {"evt_cart_state": EvtCartState(), "evt_user_state": EvtUserState(), "evt_empty_state": EvtEmptyState()}


async def run(handler, *args, states=None, event_id=1):
    states = states if states is not None else fresh_states()
    return await RUNNER.run(Event(event_id, handler, list(args)), states), states


async def test_sync_handler_returns_its_delta():
    outcome, states = await run("evt_cart_state.add", "pear", 3)
    assert outcome.error is None
    assert outcome.delta == {"evt_cart_state": {"items": ["pear"], "total": 3}}
    assert states["evt_cart_state"].total == 3


async def test_default_args_apply():
    outcome, _ = await run("evt_cart_state.add", "pear")
    assert outcome.delta == {"evt_cart_state": {"items": ["pear"], "total": 1}}


async def test_a_handler_that_changes_nothing_gives_an_empty_delta():
    outcome, _ = await run("evt_cart_state.clear")
    assert outcome.error is None
    # Assigning equal values still counts as a change: the tracker sees assignments, not diffs.
    assert outcome.delta == {"evt_cart_state": {"items": [], "total": 0}}
    states = fresh_states()
    outcome, _ = await run("evt_cart_state.shout", "hi", states=states)
    assert (outcome.delta, outcome.error) == ({}, None)


async def test_the_delta_is_taken_once():
    states = fresh_states()
    await run("evt_cart_state.add", "pear", states=states)
    outcome, _ = await run("evt_user_state.rename", "grace", states=states)
    assert outcome.delta == {"evt_user_state": {"name": "grace"}}


async def test_coroutine_handler_is_awaited():
    outcome, _ = await run("evt_cart_state.add_later", "fig")
    assert outcome.delta == {"evt_cart_state": {"items": ["fig"]}}


async def test_plain_function_returning_a_coroutine_is_awaited():
    outcome, _ = await run("evt_cart_state.wrapped_async", "kiwi")
    assert outcome.error is None
    assert outcome.delta == {"evt_cart_state": {"items": ["kiwi"]}}


async def test_generator_handlers_send_their_changes_at_each_yield():
    outcome, _ = await run("evt_cart_state.add_many", "a", "b", "c")
    # add_many yields before each assignment: each yield's frame carries what came before it.
    assert [step.delta for step in outcome.steps] == [
        {"evt_cart_state": {"items": ["a"]}},
        {"evt_cart_state": {"items": ["a", "b"]}},
    ]
    assert outcome.delta == {"evt_cart_state": {"items": ["a", "b", "c"]}}
    assert outcome.error is None
    outcome, _ = await run("evt_cart_state.count_up", 4)
    assert [step.delta for step in outcome.steps] == [{"evt_cart_state": {"total": n}} for n in (1, 2, 3, 4)]
    assert outcome.delta == {}


async def test_staticmethod_handler_gets_no_self():
    outcome, _ = await run("evt_cart_state.shout", "hi")
    assert outcome.error is None


async def test_unknown_method_lists_what_the_state_has():
    outcome, _ = await run("evt_cart_state.remove", event_id=4)
    assert outcome.error.code == "unknown_handler"
    assert outcome.error.id == 4
    message = outcome.error.message
    assert "'evt_cart_state.remove'" in message
    for name in ("add", "add_later", "clear", "fail_half_way", "shout"):
        assert name in message
    assert "_internal" not in message


async def test_a_state_without_handlers_says_so():
    outcome, _ = await run("evt_empty_state.toggle")
    assert "evt_empty_state has: no handlers" in outcome.error.message


@pytest.mark.parametrize("handler", ["nostate.add", "add", "", ".add", "evt_cart_state."])
async def test_unknown_state_lists_the_states(handler):
    outcome, _ = await run(handler)
    assert outcome.error.code == "unknown_handler"
    assert "evt_cart_state" in outcome.error.message and "evt_user_state" in outcome.error.message


@pytest.mark.parametrize(
    "handler", ["evt_cart_state._internal", "evt_cart_state.__init__", "evt_cart_state.pyx_take_delta"]
)
async def test_private_and_framework_methods_are_not_handlers(handler):
    states = fresh_states()
    outcome, _ = await run(handler, states=states)
    assert outcome.error.code == "unknown_handler"
    assert states["evt_cart_state"].note == ""


@pytest.mark.parametrize(
    ("handler", "args", "detail"),
    [
        ("evt_cart_state.add", [], "missing a required argument: 'item'"),
        ("evt_cart_state.add", ["a", 1, 2], "too many positional arguments"),
        ("evt_cart_state.clear", [1], "too many positional arguments"),
        ("evt_cart_state.needs_keyword", [True], "too many positional arguments"),
    ],
)
async def test_bad_args_name_the_expected_signature(handler, args, detail):
    states = fresh_states()
    outcome, _ = await run(handler, *args, states=states, event_id=6)
    assert outcome.error.code == "bad_args"
    assert outcome.error.id == 6
    assert handler in outcome.error.message
    assert detail in outcome.error.message
    assert outcome.delta == {}
    assert states["evt_cart_state"].items == []  # the handler never ran


async def test_bad_args_message_shows_the_signature():
    outcome, _ = await run("evt_cart_state.add")
    assert "evt_cart_state.add(item: str, price: int = 1)" in outcome.error.message


async def test_a_raising_handler_is_rolled_back(caplog):
    states = fresh_states()
    with caplog.at_level(logging.ERROR, logger="pyxjs.server"):
        outcome, _ = await run("evt_cart_state.fail_half_way", states=states, event_id=9)
    assert outcome.error.code == "handler_failed"
    assert outcome.error.id == 9
    assert outcome.error.message == f"evt_cart_state.fail_half_way failed (error id {outcome.error.error_id}; details in the server log)"
    assert any("price list unavailable" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)
    assert "Traceback" not in outcome.error.message
    assert outcome.delta == {}
    assert states["evt_cart_state"].note == ""
    # The traceback goes to the server log.
    record = next(r for r in caplog.records if "evt_cart_state.fail_half_way" in r.getMessage())
    assert record.exc_info and record.exc_info[0] is ValueError


async def test_after_a_failure_the_next_delta_is_clean():
    states = fresh_states()
    await run("evt_cart_state.fail_half_way", states=states)
    outcome, _ = await run("evt_user_state.rename", "grace", states=states)
    assert outcome.delta == {"evt_user_state": {"name": "grace"}}


async def test_cancellation_is_not_reported_as_a_handler_failure():
    class EvtSleepyState(rx.State):
        done: bool = False

        async def nap(self):
            await asyncio.sleep(10)
            self.done = True

    runner = EventRunner([EvtSleepyState])
    task = asyncio.ensure_future(
        runner.run(Event(1, "evt_sleepy_state.nap", []), {"evt_sleepy_state": EvtSleepyState()})
    )
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


def test_take_delta_groups_by_state_and_skips_unchanged():
    states = fresh_states()
    states["evt_user_state"].name = "grace"
    states["evt_cart_state"]._secret = "changed"  # private: never sent
    assert take_delta_now(states) == ({"evt_user_state": {"name": "grace"}}, None)
    assert take_delta_now(states) == ({}, None)


def test_handlers_are_resolved_once_at_startup():
    handler = RUNNER.handlers["evt_cart_state.add"]
    assert handler.kind == "function"
    assert str(handler.signature) == "(item: str, price: int = 1)"
    assert RUNNER.handlers["evt_cart_state.add_later"].kind == "coroutine"
    assert RUNNER.handlers["evt_cart_state.add_many"].kind == "generator"
    assert RUNNER.handlers["evt_cart_state.count_up"].kind == "async_generator"
    assert str(RUNNER.handlers["evt_cart_state.shout"].signature) == "(text: str)"


async def test_a_returned_value_that_is_not_an_event_is_an_error():
    class EvtReturnsState(rx.State):
        n: int = 0

        def compute(self):
            self.n = 5
            return 42

    runner = EventRunner([EvtReturnsState])
    states = {"evt_returns_state": EvtReturnsState()}
    outcome = await runner.run(Event(3, "evt_returns_state.compute", []), states)
    assert outcome.error.code == "handler_failed"
    assert "returned or yielded 42" in outcome.error.message
    assert states["evt_returns_state"].n == 0  # rolled back
