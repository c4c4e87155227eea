"""A handler passed as an event's argument (`on_click=State.run(State.other)`): the handler gets
the EventHandlerRef (or EventSpec) Python would pass it, and returning it runs that handler."""

from __future__ import annotations

import pyxjs as rx
from pyxjs.server.events import EventRunner
from pyxjs.server.protocol import Event
from pyxjs.state.handlers import EventHandlerRef, EventSpec


class ArgState(rx.State):
    count: int = 0
    log: list[str] = []

    def other(self):
        self.log.append("other")

    def add(self, amount: int):
        self.count += amount

    def run(self, then: rx.EventHandler):
        self.log.append(f"run {type(then).__name__}")
        return then

    def run_later(self, then):
        self.log.append("run later")
        yield
        yield then


RUNNER = EventRunner([ArgState])


async def run(handler, *args):
    states = {"arg_state": ArgState()}
    states["arg_state"].__dict__["_pyx_client"] = states
    return await RUNNER.run(Event(1, handler, list(args)), states), states["arg_state"]


async def test_a_handler_argument_arrives_as_the_handler_and_can_be_returned():
    outcome, state = await run("arg_state.run", {"$handler": "arg_state.other"})
    assert outcome.error is None
    assert state.log == [f"run {EventHandlerRef.__name__}", "other"]


async def test_a_handler_call_argument_carries_its_arguments():
    outcome, state = await run("arg_state.run", {"$handler": "arg_state.add", "args": [5]})
    assert outcome.error is None and state.count == 5
    assert state.log == [f"run {EventSpec.__name__}"]
    outcome, state = await run("arg_state.run_later", {"$handler": "arg_state.add", "args": ["7"]})
    assert outcome.error is None and state.count == 7 and state.log == ["run later"]


async def test_an_argument_naming_no_handler_is_refused():
    outcome, state = await run("arg_state.run", {"$handler": "arg_state.nothing"})
    assert outcome.error.code == "unknown_handler" and "'arg_state.nothing'" in outcome.error.message
    assert state.log == []


async def test_other_dicts_are_plain_values():
    outcome, state = await run("arg_state.run_later", {"handler": "arg_state.other"})
    assert outcome.error is not None  # a dict returned from a handler is no event: refused as before
    assert "returned or yielded" in outcome.error.message
