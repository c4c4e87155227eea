"""ClientStateVar's Python side: what `create` accepts, and the client actions a handler returns
to push a value into the page or retrieve it (the page side: tests/browser/test_client_state_var.py)."""

import pytest

import pyxjs as rx
from pyxjs.experimental import ClientStateVar
from pyxjs.experimental.client_state import ClientSetter, ClientValue
from pyxjs.state.actions import ClientAction


class HolderState(rx.State):
    seen: int = 0

    def receive(self, value: int):
        self.seen = value


def test_reflex_spellings_make_the_same_kind_of_var():
    tab = ClientStateVar.create("cs_tab", 0)
    same = rx._x.client_state("cs_tab", 0)
    assert (tab.name, tab.default) == (same.name, same.default) == ("cs_tab", 0)
    assert isinstance(tab.value, ClientValue) and isinstance(tab.set, ClientSetter)
    assert isinstance(tab.set_value(), ClientSetter)


def test_an_unnamed_var_is_named_by_where_it_is_created():
    first = ClientStateVar.create(default="a")
    second = ClientStateVar.create(default="a")
    assert first.name.startswith("client_var_test_client_state_actions_") and first.name != second.name


def test_push_and_retrieve_are_client_actions_for_handlers():
    tab = ClientStateVar.create("cs_push", 0)
    assert tab.push([1, "a"]) == ClientAction("client_var_set", {"name": "cs_push", "value": [1, "a"]})
    assert tab.set_value(2) == ClientAction("client_var_set", {"name": "cs_push", "value": 2})
    assert tab.retrieve(HolderState.receive) == ClientAction(
        "client_var_get", {"name": "cs_push", "initial": 0, "callback": HolderState.receive.qualified})


@pytest.mark.parametrize("call, message", [
    (lambda: ClientStateVar.create("cs_bad", object()), "the default is what the page holds first"),
    (lambda: ClientStateVar.create("cs_nan", float("nan")), "the default is what the page holds first"),
    (lambda: ClientStateVar.create(3, 0), "the name is a non-empty str"),
    (lambda: ClientStateVar.create("cs_ok", 0).push({1, 2}), r"push\(\{1, 2\}\): send str, int"),
    (lambda: ClientStateVar.create("cs_ok", 0).retrieve(), "pass the handler that receives the value"),
    (lambda: ClientStateVar.create("cs_ok", 0).retrieve(print), "pass an event handler, State.handler"),
])
def test_mistakes_are_refused_where_they_are_made(call, message):
    with pytest.raises((TypeError, ValueError), match=message):
        call()


def test_the_page_value_used_in_python_is_an_error_not_a_silent_false():
    tab = ClientStateVar.create("cs_server_side", 0)
    for use in (lambda: tab.value == 1, lambda: bool(tab.value), lambda: f"{tab.value}", lambda: tab.value + 1):
        with pytest.raises(TypeError, match=r"cs_server_side.value is the page's.*retrieve\(State.handler\)"):
            use()
