"""Reflex's state mixins: `class M(rx.State, mixin=True)` is no state of its own; every State
deriving from it gets its vars, computed vars, handlers and auto setters as its own."""

from __future__ import annotations

import asyncio

import pytest

import pyxjs as rx
from pyxjs.server.events import EventRunner
from pyxjs.server.protocol import Event
from pyxjs.state.base import State


class CounterMixin(rx.State, mixin=True):
    count: int = 0
    log: list[str] = []

    @rx.var
    def doubled(self) -> int:
        return self.count * 2

    def increment(self, by: int = 1):
        self.count += by
        self.log.append(f"+{by}")


class MixA(CounterMixin, rx.State):
    label: str = "a"


class MixB(CounterMixin, rx.State):
    pass


def test_a_mixin_is_no_state_and_each_user_owns_its_copy():
    assert "counter_mixin" not in State._pyx_registry
    assert set(MixA._pyx_vars) == {"count", "log", "doubled", "label"} and set(MixB._pyx_vars) == {"count", "log", "doubled"}
    assert MixA._pyx_parent_class is None and MixB._pyx_parent_class is None
    assert {"increment", "set_count", "set_log", "set_label"} <= set(MixA._pyx_handlers)
    a, b = MixA(), MixB()
    a.increment(2)
    assert (a.count, a.doubled, a.log) == (2, 4, ["+2"]) and (b.count, b.doubled, b.log) == (0, 0, [])


def test_a_mixins_handler_runs_as_an_event_and_its_changes_reach_the_delta():
    states = {"mix_a": MixA()}
    outcome = asyncio.run(EventRunner([MixA, MixB]).run(Event(1, "mix_a.increment", [3]), states))
    assert outcome.error is None, outcome.error
    assert outcome.delta == {"mix_a": {"count": 3, "doubled": 6, "log": ["+3"]}}


def test_a_mixin_over_a_state_with_a_parent_keeps_the_parent():
    class Base(rx.State):
        shared: int = 1

    class Child(CounterMixin, Base):
        pass

    assert Child._pyx_parent_class is Base and "count" in Child._pyx_vars


def test_a_component_reads_a_mixins_var_through_the_state(tmp_path):
    from tests.transpiler.test_style_classes import compile_app

    (module,) = compile_app(tmp_path, '''
        class Mixed(rx.State, mixin=True):
            hits: int = 0

            def hit(self):
                self.hits += 1

        class Page(Mixed, rx.State):
            pass

        def index():
            return rx.button(f"hits {Page.hits}", on_click=Page.hit)
        ''')
    assert '$useVar("page", "hits")' in module.code and '$useEvent("page.hit")' in module.code
