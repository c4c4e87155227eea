"""@rx.var(initial_value=...) and private computed vars (`@rx.var def _x`), as Reflex has them."""

from __future__ import annotations

import pyxjs as rx
from pyxjs.state.client import default_snapshot, new_client, settle, snapshot, run_sync


class InitialState(rx.State):
    items: list[int] = [3, 1, 2]

    @rx.var(initial_value="loading...")
    def summary(self) -> str:
        return f"{len(self.items)} items"

    @rx.var
    def plain(self) -> int:
        return sum(self.items)


def test_the_build_shows_the_initial_value_and_hydrate_the_computed_one():
    built = default_snapshot([InitialState], initial=True)[InitialState._pyx_name]
    assert built["summary"] == "loading..." and built["plain"] == 6
    served = default_snapshot([InitialState])[InitialState._pyx_name]
    assert served["summary"] == "3 items"


class PrivateState(rx.State):
    items: list[int] = [3, 1, 2]
    seen: list[int] = []

    @rx.var
    def _processed(self) -> list[int]:
        return sorted(self.items)

    @rx.var
    def smallest(self) -> int:  # a public var reading the private one depends on what it reads
        return self._processed[0] if self._processed else -1

    def add(self, value: int):
        self.items.append(value)
        self.seen = list(self._processed)


def test_a_private_computed_var_computes_for_handlers_and_is_never_sent():
    assert "_processed" not in PrivateState._pyx_vars and "_processed" not in PrivateState._pyx_computed
    client = new_client([PrivateState])
    run_sync(settle(client))
    state = client[PrivateState._pyx_name]
    assert state._processed == [1, 2, 3]
    sent = snapshot(client)[PrivateState._pyx_name]
    assert "_processed" not in sent and sent["smallest"] == 1
    state.add(0)
    assert state.seen == [0, 1, 2, 3]
    assert snapshot(client)[PrivateState._pyx_name]["smallest"] == 0


def test_a_private_computed_var_cannot_be_assigned():
    state = new_client([PrivateState])[PrivateState._pyx_name]
    try:
        state._processed = [1]
    except AttributeError as exc:
        assert "computed var" in str(exc)
    else:
        raise AssertionError("assigning a computed var must fail")
