"""Computed vars that read other states: substates' inherited vars, `await self.get_state(Other)`,
async computed vars, and forced recomputes (interval vars)."""

from __future__ import annotations

import asyncio

import pytest

import pyxjs as rx
from pyxjs.state import ComputedVarError
from pyxjs.state.client import default_snapshot, new_client, rollback, settle, take_delta, take_delta_now

CALLS: list[str] = []


class AcrParentState(rx.State):
    base: int = 2
    tags: list[str] = []
    _secret: int = 1

    @rx.var
    def doubled(self) -> int:
        CALLS.append("parent.doubled")
        return self.base * 2

    def bump(self):
        self.base += 1


class AcrChildState(AcrParentState):
    own: int = 10

    @rx.var
    def total(self) -> int:
        CALLS.append("child.total")
        return self.base + self.own  # `base` is the parent's var

    @rx.var
    def via_parent_computed(self) -> str:
        return f"{self.doubled}/{len(self.tags)}/{self._secret}"


class AcrCounterState(rx.State):
    count: int = 1

    @rx.var
    async def slow_label(self) -> str:
        return f"#{self.count}"


class AcrBoardState(rx.State):
    factor: int = 2

    @rx.var
    async def scaled(self) -> int:
        CALLS.append("board.scaled")
        counter = await self.get_state(AcrCounterState)
        return counter.count * self.factor

    @rx.var
    async def both(self) -> str:
        counter = await self.get_state(AcrCounterState)
        return f"{await counter.slow_label}:{await self.scaled}"

    @rx.var(deps=[AcrCounterState.count], auto_deps=False)
    def named_dep(self) -> int:
        CALLS.append("board.named_dep")
        return self.factor


def client():
    states = new_client([AcrParentState, AcrChildState, AcrCounterState, AcrBoardState])
    asyncio.run(settle(states))
    CALLS.clear()
    return states


def flush(states):
    return asyncio.run(take_delta(states))


def test_a_substate_reads_and_assigns_its_parents_vars_on_the_parent_instance():
    states = client()
    parent, child = states["acr_parent_state"], states["acr_child_state"]
    assert child.base == 2 and child.total == 12
    child.base = 5  # the parent's var: one value for both states and the page
    assert parent.base == 5
    child.tags.append("x")
    assert parent.tags == ["x"]
    child._secret = 7
    assert parent._secret == 7
    assert set(AcrChildState._pyx_vars) == {"own", "total", "via_parent_computed"}
    assert AcrChildState.base == AcrParentState.base  # the page reads the parent's var


def test_a_parent_change_recomputes_the_substates_computed_vars_and_sends_what_changed():
    states = client()
    states["acr_parent_state"].bump()
    delta, patch = flush(states)
    assert delta == {
        "acr_parent_state": {"base": 3, "doubled": 6},
        "acr_child_state": {"total": 13, "via_parent_computed": "6/0/1"},
    }
    assert patch is None
    states["acr_parent_state"].tags.append("a")
    assert flush(states) == ({"acr_parent_state": {"tags": ["a"]}, "acr_child_state": {"via_parent_computed": "6/1/1"}}, None)
    states["acr_parent_state"]._secret = 9  # a backend var: not sent, but it feeds the child
    assert flush(states) == ({"acr_child_state": {"via_parent_computed": "6/1/9"}}, None)


def test_a_child_change_recomputes_nothing_of_the_parent():
    states = client()
    states["acr_child_state"].own = 11
    assert flush(states) == ({"acr_child_state": {"own": 11, "total": 13}}, None)
    assert CALLS == ["child.total"]


def test_the_dependency_maps_are_per_class_and_name_the_reading_state():
    client()
    assert AcrParentState._pyx_dependents["base"] >= {"doubled", ("acr_child_state", "total")}
    assert ("acr_board_state", "scaled") in AcrCounterState._pyx_dependents["count"]
    assert ("acr_board_state", "named_dep") in AcrCounterState._pyx_dependents["count"]


def test_an_async_computed_var_reading_another_state_follows_it_and_sends_only_changes():
    states = client()
    assert states["acr_board_state"].pyx_snapshot()["scaled"] == 2
    states["acr_counter_state"].count = 4
    delta, _ = flush(states)
    assert delta == {
        "acr_counter_state": {"count": 4, "slow_label": "#4"},
        "acr_board_state": {"scaled": 8, "both": "#4:8"},  # named_dep recomputed, unchanged
    }
    assert CALLS.count("board.named_dep") == 1
    CALLS.clear()
    states["acr_board_state"].factor = 2  # assigned the same value: recomputed, unchanged, not sent
    assert flush(states) == ({"acr_board_state": {"factor": 2}}, None)
    assert CALLS == ["board.scaled"]  # named_dep: only its named dep counts
    CALLS.clear()
    states["acr_parent_state"].base = 50  # unrelated to the board
    flush(states)
    assert "board.scaled" not in CALLS


def test_an_async_computed_var_has_its_return_type_for_the_transpiler():
    var = AcrBoardState._pyx_vars["scaled"]
    assert var.computed and var.type is int


def test_a_handler_awaits_an_async_computed_var():
    states = client()
    states["acr_counter_state"].count = 3
    assert asyncio.run(states["acr_board_state"].scaled) == 6


def test_a_sync_computed_var_may_not_read_an_async_one():
    class AcrWrongState(rx.State):
        n: int = 1

        @rx.var
        async def later(self) -> int:
            return self.n

        @rx.var
        def now(self) -> int:
            return self.later + 1

    with pytest.raises(ComputedVarError, match=r"later is an async computed var; read it with `await self.later`"):
        AcrWrongState()


def test_a_failing_async_computed_var_rolls_back_every_state():
    class AcrFailState(rx.State):
        @rx.var
        async def ratio(self) -> float:
            counter = await self.get_state(AcrCounterState)
            return 1 / counter.count

    states = new_client([AcrCounterState, AcrFailState])
    asyncio.run(settle(states))
    states["acr_counter_state"].count = 0
    with pytest.raises(ComputedVarError, match="acr_fail_state.ratio raised ZeroDivisionError"):
        flush(states)
    rollback(states)
    assert states["acr_counter_state"].count == 1
    assert flush(states) == ({}, None)


def test_a_sync_flush_refuses_to_skip_async_computed_vars():
    states = client()
    states["acr_counter_state"].count = 2
    with pytest.raises(RuntimeError, match="await take_delta"):
        take_delta_now(states)


def test_expiring_a_computed_var_recomputes_it_and_its_readers():
    ticks = iter(range(100))

    class AcrClockState(rx.State):
        @rx.var(interval=1)
        def tick(self) -> int:
            return next(ticks)

        @rx.var
        def shown(self) -> str:
            return f"t{self.tick}"

    states = new_client([AcrClockState])
    asyncio.run(settle(states))
    clock = states["acr_clock_state"]
    assert (clock.tick, clock.shown) == (0, "t0")
    assert flush(states) == ({}, None)  # cached: nothing read changed
    clock.pyx_expire("tick")
    assert flush(states) == ({"acr_clock_state": {"tick": 1, "shown": "t1"}}, None)
    assert AcrClockState._pyx_intervals == {"tick": 1.0}


def test_default_snapshot_brings_parents_and_awaits_async_vars():
    snapshot = default_snapshot([AcrChildState, AcrBoardState, AcrCounterState])
    assert list(snapshot) == ["acr_parent_state", "acr_child_state", "acr_board_state", "acr_counter_state"]
    assert snapshot["acr_child_state"] == {"own": 10, "total": 12, "via_parent_computed": "4/0/1"}
    assert snapshot["acr_board_state"] == {"factor": 2, "scaled": 2, "both": "#1:2", "named_dep": 2}


def test_a_standalone_substate_creates_its_parent():
    child = AcrChildState()
    parent = asyncio.run(child.get_state(AcrParentState))
    child.base = 8
    assert parent.base == 8 and child.total == 18


def test_substates_form_a_tree():
    class AcrOtherState(rx.State):
        x: int = 0

    with pytest.raises(TypeError, match="derives from several States"):
        class AcrBothState(AcrParentState, AcrOtherState):
            pass
    with pytest.raises(TypeError, match="the name is a var of AcrParentState"):
        class AcrClashState(AcrParentState):
            def base(self):
                pass
