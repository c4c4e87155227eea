"""The event runner with Reflex-style handlers: yields, chained events, client actions,
argument conversion, rollback. Unit level (no socket); test_server_state_socket.py goes over one."""

from __future__ import annotations

import asyncio
import dataclasses
import logging

import pytest

import pyxjs as rx
from pyxjs.server.events import EventRunner
from pyxjs.server.protocol import Event


@dataclasses.dataclass
class HdlItem:
    name: str
    qty: int = 1


class HdlState(rx.State):
    count: int = 0
    log: list[str] = []
    items: list[HdlItem] = []

    def add(self, amount: int):
        self.count += amount

    def add_item(self, item: HdlItem):
        self.items.append(item)

    def progress(self):
        for step in range(3):
            self.count = step
            yield
        self.log.append("done")

    async def async_progress(self):
        for step in range(2):
            self.count = step
            yield rx.console_log(f"step {step}")
            await asyncio.sleep(0)

    def chain_one(self):
        self.log.append("one")
        return HdlState.chain_two

    def chain_two(self):
        self.log.append("two")
        return [HdlState.add(5), HdlState.record("three")]

    def record(self, text: str):
        self.log.append(text)

    def yields_events(self):
        yield [HdlState.record("a"), HdlState.record("b")]
        self.log.append("after the yield")

    def chain_bad_args(self):
        return HdlState.add("lots")

    def redirect_home(self):
        self.count = 1
        return rx.redirect("/home")

    def fail_after_yield(self):
        self.count = 1
        yield
        self.count = 2
        self.log.append("lost")
        raise RuntimeError("late failure")

    def chain_then_fail(self):
        self.log.append("kept")
        return HdlState.explode

    def explode(self):
        self.log.append("rolled back")
        raise ValueError("nope")


class HdlOtherState(rx.State):
    total: int = 0

    async def pull(self):
        main = await self.get_state(HdlState)
        self.total = main.count * 10


RUNNER = EventRunner([HdlState, HdlOtherState])


def client_states():
    states = {"hdl_state": HdlState(), "hdl_other_state": HdlOtherState()}
    for state in states.values():
        state.__dict__["_pyx_client"] = states
    return states


async def run(handler, *args, states=None):
    states = states if states is not None else client_states()
    return await RUNNER.run(Event(1, handler, list(args)), states), states


async def test_arguments_are_converted_to_the_annotations():
    outcome, states = await run("hdl_state.add", "5")
    assert outcome.error is None and states["hdl_state"].count == 5
    outcome, states = await run("hdl_state.add_item", {"name": "pen", "qty": "2"})
    assert states["hdl_state"].items == [HdlItem("pen", 2)]
    assert outcome.delta == {"hdl_state": {"items": [HdlItem("pen", 2)]}}


@pytest.mark.parametrize(
    ("handler", "args", "needle"),
    [
        ("hdl_state.add", ["five"], "argument 'amount' expects int, got 'five'"),
        ("hdl_state.add", [{"a": 1}], "argument 'amount' expects int"),
        ("hdl_state.add_item", [{"qty": 1}], "argument 'item' expects HdlItem"),
        ("hdl_state.add_item", [{"name": "a", "qty": "x"}], "(at item.qty): expected int"),
        ("hdl_state.set_count", ["x"], "argument 'value' expects int"),
    ],
)
async def test_bad_arguments_are_bad_args_and_touch_nothing(handler, args, needle):
    outcome, states = await run(handler, *args)
    assert outcome.error.code == "bad_args"
    assert needle in outcome.error.message
    assert states["hdl_state"].count == 0 and states["hdl_state"].items == []


async def test_each_yield_sends_the_changes_so_far():
    outcome, _ = await run("hdl_state.progress")
    assert [step.delta for step in outcome.steps] == [{"hdl_state": {"count": n}} for n in (0, 1, 2)]
    assert (outcome.delta, outcome.patch) == ({"hdl_state": {"log": ["done"]}}, None)


async def test_async_generators_yield_actions_with_their_changes():
    outcome, _ = await run("hdl_state.async_progress")
    assert [(s.delta, [a.to_json() for a in s.actions]) for s in outcome.steps] == [
        ({"hdl_state": {"count": 0}}, [{"name": "console_log", "args": {"message": "step 0"}}]),
        ({"hdl_state": {"count": 1}}, [{"name": "console_log", "args": {"message": "step 1"}}]),
    ]


async def test_returned_events_run_in_order_after_the_handler():
    outcome, states = await run("hdl_state.chain_one")
    assert outcome.error is None
    assert states["hdl_state"].log == ["one", "two", "three"]
    assert states["hdl_state"].count == 5
    # Each handler of the chain flushes before the next one runs; the last answers the event.
    assert [(step.delta, step.patch) for step in outcome.steps] == [
        ({"hdl_state": {"log": ["one"]}}, None),
        ({}, {"hdl_state": {"log": {"at": 1, "add": ["two"]}}}),
        ({"hdl_state": {"count": 5}}, None),
    ]
    assert (outcome.delta, outcome.patch) == ({}, {"hdl_state": {"log": {"at": 2, "add": ["three"]}}})


async def test_yielded_events_run_after_the_handler_finishes():
    outcome, states = await run("hdl_state.yields_events")
    assert states["hdl_state"].log == ["after the yield", "a", "b"]


async def test_a_chained_event_with_bad_args_is_bad_args():
    outcome, _ = await run("hdl_state.chain_bad_args")
    assert outcome.error.code == "bad_args"
    assert "chained by hdl_state.chain_bad_args" in outcome.error.message


async def test_client_actions_travel_with_the_answer():
    outcome, _ = await run("hdl_state.redirect_home")
    assert outcome.delta == {"hdl_state": {"count": 1}}
    assert [a.to_json() for a in outcome.actions] == [
        {"name": "redirect", "args": {"path": "/home", "external": False, "replace": False}}
    ]


async def test_a_generator_rolls_back_to_its_last_yield(caplog):
    with caplog.at_level(logging.CRITICAL, logger="pyxjs.server"):
        outcome, states = await run("hdl_state.fail_after_yield")
    assert outcome.error.code == "handler_failed"
    assert [step.delta for step in outcome.steps] == [{"hdl_state": {"count": 1}}]
    assert states["hdl_state"].count == 1 and states["hdl_state"].log == []


async def test_a_failing_chained_event_keeps_what_the_earlier_handler_sent(caplog):
    with caplog.at_level(logging.CRITICAL, logger="pyxjs.server"):
        outcome, states = await run("hdl_state.chain_then_fail")
    assert outcome.error.message.startswith("hdl_state.explode failed (error id ")
    assert states["hdl_state"].log == ["kept"]
    assert outcome.steps[0].delta == {"hdl_state": {"log": ["kept"]}}
    assert outcome.delta == {}


async def test_get_state_reaches_the_clients_other_state():
    states = client_states()
    states["hdl_state"].count = 4
    states["hdl_state"].pyx_take_delta()
    outcome, _ = await run("hdl_other_state.pull", states=states)
    assert outcome.delta == {"hdl_other_state": {"total": 40}}


def test_call_script_names_its_callback_handler_and_refuses_anything_else():
    action = rx.call_script("document.title", callback=HdlState.set_count)
    assert action.to_json() == {"name": "call_script",
                                "args": {"javascript": "document.title", "callback": "hdl_state.set_count"}}
    assert rx.call_script("1", callback=HdlState.set_count()).args["callback"] == "hdl_state.set_count"
    assert "callback" not in rx.call_script("x()").args
    with pytest.raises(TypeError, match="pass an event handler"):
        rx.call_script("1", callback="hdl_state.set_count")
