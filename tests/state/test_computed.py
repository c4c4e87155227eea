"""@rx.var computed vars: values, dependency tracking, recomputing only when needed."""

from __future__ import annotations

import pytest

import pyxjs as rx
from pyxjs.state import ComputedVarError, default_snapshot

CALLS: list[str] = []


class CompCartState(rx.State):
    items: list[str] = ["a"]
    prefix: str = "#"
    note: str = ""
    _discount: int = 0

    @rx.var
    def count(self) -> int:
        CALLS.append("count")
        return len(self.items)

    @rx.var
    def label(self) -> str:
        CALLS.append("label")
        return f"{self.prefix}{self.count}"  # reads another computed var

    @rx.var(cache=False)
    def uncached(self) -> int:
        CALLS.append("uncached")
        return len(self.note)

    @rx.var(deps=["note"], auto_deps=False)
    def explicit(self) -> str:
        CALLS.append("explicit")
        return self.note.upper()

    @rx.var
    def price(self) -> int:
        return 10 - self._discount  # a backend var is a dependency too

    @rx.var
    def via_helper(self) -> str:
        return self._joined()

    def _joined(self) -> str:
        return ",".join(self.items)


def fresh() -> CompCartState:
    state = CompCartState()
    CALLS.clear()
    return state


def test_hydrate_includes_computed_values():
    assert CompCartState().pyx_snapshot() == {
        "items": ["a"], "prefix": "#", "note": "", "count": 1, "label": "#1", "uncached": 0,
        "explicit": "", "price": 10, "via_helper": "a",
    }
    assert default_snapshot([CompCartState])["comp_cart_state"]["label"] == "#1"


def test_a_change_recomputes_its_dependents_and_sends_what_changed():
    state = fresh()
    state.items.append("b")
    whole, tails = state.pyx_take_delta()
    assert whole == {"count": 2, "label": "#2", "via_helper": "a,b"}
    assert tails == {"items": {"at": 1, "add": ["b"]}}
    assert sorted(set(CALLS)) == ["count", "label", "uncached"]


def test_an_unrelated_change_recomputes_nothing_cached():
    state = fresh()
    state.prefix = "#"  # assigned, same value: prefix is sent, label recomputes but is unchanged
    whole, _ = state.pyx_take_delta()
    assert whole == {"prefix": "#"}
    assert CALLS.count("count") == 0 and CALLS.count("label") == 1


def test_reading_a_computed_var_mid_handler_sees_fresh_values():
    state = fresh()
    state.items = ["x", "y", "z"]
    assert state.count == 3
    assert state.label == "#3"


def test_cache_false_recomputes_every_flush_but_sends_only_changes():
    state = fresh()
    state.pyx_take_delta()
    assert CALLS == ["uncached"]
    state.note = "hey"
    whole, _ = state.pyx_take_delta()
    assert whole == {"note": "hey", "uncached": 3, "explicit": "HEY"}


def test_explicit_deps_without_auto_deps():
    assert "explicit" in CompCartState._pyx_dependents["note"]
    state = fresh()
    state.items.append("q")
    state.pyx_take_delta()
    assert "explicit" not in CALLS


def test_backend_vars_feed_computed_vars():
    state = fresh()
    state._discount = 3
    assert state.pyx_take_delta() == ({"price": 7}, None)


def test_a_computed_var_cannot_be_assigned_or_assign():
    state = fresh()
    with pytest.raises(AttributeError, match="is a computed var"):
        state.count = 5

    class CompWriterState(rx.State):
        n: int = 0

        @rx.var
        def bad(self) -> int:
            self.n = 1
            return 0

    with pytest.raises(ComputedVarError, match="computed var comp_writer_state.bad raised AttributeError: a computed var may not assign self.n"):
        CompWriterState()


def test_a_failing_computed_var_names_itself():
    class CompDivState(rx.State):
        d: int = 1

        @rx.var
        def inverse(self) -> float:
            return 1 / self.d

    state = CompDivState()
    state.d = 0
    with pytest.raises(ComputedVarError, match="comp_div_state.inverse raised ZeroDivisionError"):
        state.pyx_take_delta()
    state.pyx_rollback()
    assert state.d == 1 and state.inverse == 1.0


def test_unsupported_options_fail_loudly():
    with pytest.raises(TypeError, match="positive, finite"):
        class CompTickState(rx.State):
            @rx.var(interval=0)
            def now(self) -> int:
                return 0
    with pytest.raises(TypeError, match=r"seconds \(int or float\) or a datetime.timedelta, got '5s'"):
        rx.var(interval="5s")(lambda self: 0)
    with pytest.raises(TypeError, match="cannot be a generator"):
        class CompGenState(rx.State):
            @rx.var
            async def later(self) -> int:
                yield 0
    with pytest.raises(TypeError, match="does not support yet: backend"):
        rx.var(backend=True)
