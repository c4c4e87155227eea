"""Reflex's `State.setvar("name")` (the var's setter as an event) and `self.setvar(name, value)`."""

from __future__ import annotations

import pytest

import pyxjs as rx
from pyxjs.state.base import SetvarError


class SetvarState(rx.State):
    name: str = ""
    age: int = 0
    tagged: str = ""
    _secret: int = 0

    @rx.var
    def upper(self) -> str:
        return self.name.upper()

    def set_tagged(self, value: str):
        self.tagged = f"#{value}"


def test_on_the_class_it_is_the_auto_setter_as_an_event():
    assert SetvarState.setvar("name") == SetvarState.set_name
    assert SetvarState.setvar("age", 3) == SetvarState.set_age(3)


def test_on_an_instance_it_sets_the_var_and_sends_it():
    state = SetvarState()
    state.pyx_take_delta()
    state.setvar("age", 4)
    state.setvar("tagged", "x")  # sets the var itself, as Reflex does, not through set_tagged
    whole, _ = state.pyx_take_delta()
    assert (whole["age"], whole["tagged"]) == (4, "x")


@pytest.mark.parametrize("name", ["upper", "missing", "_secret", 3])
def test_what_is_not_a_settable_var_is_refused_naming_the_vars(name):
    with pytest.raises(SetvarError, match="its vars: 'name', 'age', 'tagged'"):
        SetvarState.setvar(name)
    with pytest.raises(SetvarError):
        SetvarState().setvar(name, 1)


def test_a_var_with_its_own_setter_is_pointed_at_it():
    with pytest.raises(SetvarError, match=r"use `SetvarState.set_tagged` itself"):
        SetvarState.setvar("tagged")
