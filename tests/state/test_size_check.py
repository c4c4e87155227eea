"""SizeCheck (the per-event state size cap) never lets a state past the cap, however it grew:
small rebinds add up, in-place growth, objects that change without telling, flushes it did not see."""

from __future__ import annotations

import dataclasses

import pyxjs as rx
from pyxjs.state.client import collect, new_client, take_delta_now
from pyxjs.state.persist import SizeCheck, encoded_size

CAP = 20_000


@dataclasses.dataclass
class SizeBox:
    text: str = ""


class SizeCheckState(rx.State):
    text: str = ""
    items: list = []
    box: SizeBox = SizeBox()
    _secret: str = ""


def flush(states, cap=CAP):
    """What the runner does after a handler: check, then commit if within the cap."""
    check = SizeCheck(states)
    over = check.size_over(cap)
    if over is None:
        collect(states)
        check.committed()
    return over


def test_small_rebinds_that_add_up_are_refused_when_the_real_size_passes_the_cap():
    states = new_client([SizeCheckState])
    state = states["size_check_state"]
    assert flush(states) is None  # the first check encodes: nothing known yet
    for _ in range(3):  # each under the cap; the bound passes it, the exact size does not
        state.text = "x" * 6_000
        assert flush(states) is None
    state.text = "y" * 25_000
    over = flush(states)
    assert over is not None and over == encoded_size(states) > CAP


def test_a_backend_var_counts_too():
    states = new_client([SizeCheckState])
    assert flush(states) is None
    states["size_check_state"]._secret = "s" * 30_000
    assert flush(states) is not None


def test_a_list_grown_in_place_is_measured():
    states = new_client([SizeCheckState])
    assert flush(states) is None
    state = states["size_check_state"]
    state.items.append("a" * 15_000)
    assert flush(states) is None
    state.items.append("b" * 15_000)
    assert flush(states) == encoded_size(states) > CAP


def test_an_object_changed_in_place_is_measured():
    states = new_client([SizeCheckState])
    assert flush(states) is None
    states["size_check_state"].box.text = "z" * 30_000  # no journal entry: the object is opaque
    assert flush(states) is not None


def test_a_flush_the_check_did_not_see_makes_it_measure_again():
    states = new_client([SizeCheckState])
    assert flush(states) is None
    state = states["size_check_state"]
    state.items.append("c" * 30_000)
    take_delta_now(states)  # e.g. a background task's flush: no SizeCheck involved
    state.text = "small"
    assert flush(states) is not None  # the 30,000 committed elsewhere still counts
