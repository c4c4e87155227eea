"""A component in a State var cannot reach the page (vars travel as JSON): the build says so in a
line, never with the component's repr (kilobytes of specs)."""

from __future__ import annotations

import pytest

import pyxjs as rx
from pyxjs.state.client import default_snapshot


def test_a_component_default_is_refused_in_one_short_line():
    class ComponentVarState(rx.State):
        info: rx.Component = rx.text("hello")

    with pytest.raises(TypeError) as info:
        default_snapshot([ComponentVarState])
    message = str(info.value)
    assert message.startswith("ComponentVarState.info holds a component (rx.text)")
    assert "build the component in the page function" in message
    assert "ComponentSpec" not in message and len(message) < 300


def test_another_unencodable_default_is_shown_shortened():
    class ObjectVarState(rx.State):
        blob: object = object()
        long: object = {"x" * 5000: object()}

    with pytest.raises(TypeError) as info:
        default_snapshot([ObjectVarState])
    assert str(info.value).startswith("ObjectVarState.blob = <object object at") and len(str(info.value)) < 400
