"""Declaring State classes: vars, zero defaults, unannotated attributes, auto setters, @rx.event."""

from __future__ import annotations

import dataclasses
import datetime
import inspect
from typing import Literal, Optional

import pytest

import pyxjs as rx
from pyxjs.state import ComputedRef, EventHandlerRef, EventSpec, StateVar, VarRef


@dataclasses.dataclass
class DeclPoint:
    x: int = 0
    y: int = 0


class DeclZeroState(rx.State):
    text: str
    count: int
    ratio: float
    flag: bool
    items: list[str]
    table: dict[str, int]
    tags: set[str]
    pair: tuple
    maybe: Optional[int]
    either: int | None
    mode: Literal["a", "b"]
    point: DeclPoint


def test_vars_without_a_default_get_the_types_zero():
    state = DeclZeroState()
    assert state.pyx_snapshot() == {
        "text": "", "count": 0, "ratio": 0.0, "flag": False, "items": [], "table": {}, "tags": set(),
        "pair": (), "maybe": None, "either": None, "mode": "a", "point": DeclPoint(),
    }
    assert type(state.ratio) is float


def test_a_type_without_a_zero_needs_a_default_and_says_how():
    with pytest.raises(TypeError, match=r"DeclWhenState\.when needs a default value .*`when: datetime = \.\.\.`"):
        class DeclWhenState(rx.State):
            when: datetime.datetime


def test_mutable_defaults_are_copied_per_client():
    class DeclCopyState(rx.State):
        items: list = [[1]]

    a, b = DeclCopyState(), DeclCopyState()
    a.items[0].append(2)
    assert b.items == [[1]]
    assert DeclCopyState._pyx_vars["items"].default == [[1]]


def test_unannotated_attributes_are_vars_of_the_values_type():
    class DeclLooseState(rx.State):
        items = ["a"]
        limit = 3
        _cache = {}
        helper_type = int  # a class: not a var

        def add(self, item: str):
            self.items.append(item)

    assert DeclLooseState._pyx_vars["items"] == StateVar("items", list, ["a"])
    assert DeclLooseState._pyx_vars["limit"].type is int
    assert isinstance(DeclLooseState.items, VarRef)
    assert "helper_type" not in DeclLooseState._pyx_vars
    assert "_cache" in DeclLooseState._pyx_backend and "_cache" not in DeclLooseState._pyx_vars
    state = DeclLooseState()
    state.add("b")
    assert state.pyx_take_delta() == ({}, {"items": {"at": 1, "add": ["b"]}})


def test_class_attribute_contract_for_the_transpiler():
    class DeclContractState(rx.State):
        name: str = "x"

        @rx.var
        def shout(self) -> str:
            return self.name.upper()

        def rename(self, name: str):
            self.name = name

    assert isinstance(inspect.getattr_static(DeclContractState, "name"), VarRef)
    assert isinstance(inspect.getattr_static(DeclContractState, "shout"), VarRef)
    assert isinstance(DeclContractState.shout, ComputedRef)
    assert DeclContractState._pyx_vars["shout"] == StateVar("shout", str, None, computed=True)
    assert inspect.isfunction(DeclContractState._pyx_handlers["rename"])
    assert list(inspect.signature(DeclContractState._pyx_handlers["rename"]).parameters) == ["self", "name"]
    setter = DeclContractState._pyx_handlers["set_name"]
    assert str(inspect.signature(setter)) == "(self, value: str)"
    assert "set_shout" not in DeclContractState._pyx_handlers  # computed vars have no setter


def test_auto_setters_set_and_a_user_setter_wins():
    class DeclSetterState(rx.State):
        a: int = 0
        b: str = ""

        def set_b(self, value: str):
            self.b = value.strip()

    state = DeclSetterState()
    state.set_a(5)
    state.set_b("  x ")
    assert (state.a, state.b) == (5, "x")
    assert DeclSetterState._pyx_handlers["set_b"].__qualname__.endswith("DeclSetterState.set_b")


def test_handlers_on_the_class_are_refs_and_calling_them_binds_arguments():
    class DeclRefState(rx.State):
        n: int = 0

        def add(self, k: int):
            self.n += k

        def twice(self, k: int):
            self.add(k)  # on an instance: a plain method call
            self.add(k)

    assert DeclRefState.add == EventHandlerRef(DeclRefState, "add")
    assert DeclRefState.add(3) == EventSpec(EventHandlerRef(DeclRefState, "add"), (3,))
    assert DeclRefState.add.qualified == "decl_ref_state.add"
    state = DeclRefState()
    state.twice(2)
    assert state.n == 4


def test_rx_event_plain_and_background():
    class DeclEventState(rx.State):
        @rx.event
        def plain(self):
            pass

        @rx.event(background=True)
        async def slow(self):
            pass

    assert "plain" in DeclEventState._pyx_handlers and "slow" in DeclEventState._pyx_handlers
    assert DeclEventState._pyx_handlers["slow"]._pyx_event.background is True
    with pytest.raises(TypeError, match="must be `async def`"):
        @rx.event(background=True)
        def not_async(self):
            pass
    with pytest.raises(TypeError, match="must be `async def`"):  # Reflex's older spelling, the same check
        @rx.background
        def not_async_either(self):
            pass


def test_reserved_names_are_refused():
    with pytest.raises(TypeError, match="used by rx.State itself"):
        class DeclReservedState(rx.State):
            get_state: int = 0


def test_rx_names_we_lack_say_so():
    with pytest.raises(AttributeError, match=r"pyxjs has no `rx\.no_such_widget` yet"):
        rx.no_such_widget  # noqa: B018
    with pytest.raises(AttributeError, match=r"pyxjs has no `rx\.logo`: it is Reflex's own brand badge"):
        rx.logo  # noqa: B018
    assert rx.var and rx.event and rx.redirect


def test_private_vars_are_per_client_and_never_sent():
    class DeclPrivateState(rx.State):
        _seen: list = []
        shown: int = 0

        def visit(self):
            self._seen.append(1)
            self._seen = self._seen + [2]

    a, b = DeclPrivateState(), DeclPrivateState()
    a.visit()
    assert a._seen == [1, 2] and b._seen == []
    assert a.pyx_take_delta() == ({}, None)
    assert "_seen" not in a.pyx_snapshot()


def test_on_load_takes_handlers_specs_and_lists():
    class DeclLoadState(rx.State):
        def load(self):
            pass

        def load_with(self, n: int):
            pass

    def index():
        return rx.box()

    def about():
        return rx.box()

    app = rx.App()
    app.add_page(index, on_load=DeclLoadState.load)
    app.add_page(about, on_load=[DeclLoadState.load, DeclLoadState.load_with(3)])
    assert [repr(s) for s in app.pages["/"].on_load] == ["DeclLoadState.load()"]
    assert [repr(s) for s in app.pages["/about"].on_load] == ["DeclLoadState.load()", "DeclLoadState.load_with(3)"]


def test_on_load_that_is_not_a_handler_fails_at_import():
    class DeclBadLoadState(rx.State):
        def load(self):
            pass

    def index():
        return rx.box()

    with pytest.raises(TypeError, match=r"on_load=\.\.\.\): expected an event handler .* got str 'load'"):
        rx.App().add_page(index, on_load="load")
    with pytest.raises(TypeError, match="got function"):
        rx.App().add_page(index, on_load=[DeclBadLoadState.load, lambda: None])
