"""`self.reset()` as in Reflex: this state's vars and its substates' back to their defaults
(fresh copies), sent as changes, rolled back with a failed handler like any write."""

from __future__ import annotations

import itertools

import pyxjs as rx

_ids = itertools.count()


class ResetState(rx.State):
    count: int = 0
    items: list[str] = ["a"]
    _hidden: dict = {"k": 1}
    stamp: int = rx.field(default_factory=lambda: next(_ids))

    @rx.var
    def total(self) -> int:
        return self.count + len(self.items)


class ResetChild(ResetState):
    note: str = "n"


class ResetOther(rx.State):
    value: int = 5


class OwnReset(rx.State):
    count: int = 0

    def reset(self):  # a handler may still carry the name (pyxjs apps written before it existed)
        self.count = -1


def client():
    states: dict = {}
    parent = ResetState(states)
    child, other = ResetChild(states), ResetOther(states)
    for state in states.values():
        state.pyx_take_delta()
    return parent, child, other


def test_reset_restores_defaults_as_fresh_copies_and_sends_them():
    parent, child, other = client()
    first_stamp = parent.stamp
    parent.count = 7
    parent.items.append("b")
    parent._hidden["k"] = 2
    child.note = "changed"
    other.value = 9
    for state in (parent, child, other):
        state.pyx_take_delta()

    parent.reset()
    assert (parent.count, parent.items, parent._hidden, child.note, other.value) == (0, ["a"], {"k": 1}, "n", 9)
    assert parent.stamp != first_stamp  # a default_factory runs again
    parent.items.append("c")
    assert ResetState._pyx_vars["items"].default == ["a"]  # the class default is not shared
    whole, _ = parent.pyx_take_delta()
    assert whole["count"] == 0 and whole["total"] == 2 and "_hidden" not in whole
    assert child.pyx_take_delta()[0]["note"] == "n"


def test_a_substate_reset_leaves_its_parent():
    parent, child, _ = client()
    parent.count, child.note = 3, "x"
    child.reset()
    assert (parent.count, child.note) == (3, "n")


def test_reset_is_rolled_back_with_its_handler():
    parent, _, _ = client()
    parent.count = 4
    parent.pyx_take_delta()
    parent.reset()
    parent.pyx_rollback()
    assert parent.count == 4


def test_a_state_may_define_its_own_reset_handler():
    state = OwnReset()
    state.reset()
    assert state.count == -1 and "reset" in OwnReset._pyx_handlers
