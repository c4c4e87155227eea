"""In-place changes are seen, lists send only their changed tail, a failed handler rolls back."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle

import pytest

import pyxjs as rx
from pyxjs.state.serialize import encode


@dataclasses.dataclass
class TrackUser:
    name: str = "ada"
    tags: list[str] = dataclasses.field(default_factory=list)


class TrackState(rx.State):
    items: list = list(range(5))
    table: dict = {"a": {"b": [1]}}
    seen: set = set()
    user: TrackUser = TrackUser()
    rows: list = [[1], [2]]
    people: list[TrackUser] = []


def delta(state):
    return state.pyx_take_delta()


@pytest.mark.parametrize(
    ("mutate", "tail"),
    [
        (lambda l: l.append(5), {"at": 5, "add": [5]}),
        (lambda l: l.extend([5, 6]), {"at": 5, "add": [5, 6]}),
        (lambda l: l.__iadd__([5]), {"at": 5, "add": [5]}),
        (lambda l: l.pop(), {"at": 4, "add": []}),
        (lambda l: l.insert(3, 9), {"at": 3, "add": [9, 3, 4]}),
        (lambda l: l.__setitem__(-1, 9), {"at": 4, "add": [9]}),
        (lambda l: l.__delitem__(2), {"at": 2, "add": [3, 4]}),
        (lambda l: l.remove(4), {"at": 4, "add": []}),
    ],
)
def test_list_operations_send_the_tail_they_touched(mutate, tail):
    state = TrackState()
    mutate(state.items)
    assert delta(state) == ({}, {"items": tail})


@pytest.mark.parametrize("mutate", [lambda l: l.sort(reverse=True), lambda l: l.reverse(), lambda l: l.clear(), lambda l: l.insert(0, 9)])
def test_whole_list_operations_send_the_whole_value(mutate):
    state = TrackState()
    mutate(state.items)
    whole, tails = delta(state)
    assert tails is None and whole == {"items": state.items}


def test_augmented_assignment_keeps_the_tail():
    state = TrackState()
    state.items += [7]
    assert delta(state) == ({}, {"items": {"at": 5, "add": [7]}})


def test_nested_containers_and_dicts_and_sets():
    state = TrackState()
    state.table["a"]["b"].append(2)
    assert delta(state) == ({"table": {"a": {"b": [1, 2]}}}, None)
    state.rows[0].append(5)  # nested list: the root var is sent whole
    assert delta(state) == ({"rows": [[1, 5], [2]]}, None)
    state.seen.add("x")
    assert delta(state) == ({"seen": {"x"}}, None)
    state.table.setdefault("new", []).append(1)
    assert delta(state)[0] == {"table": {"a": {"b": [1, 2]}, "new": [1]}}
    assert delta(state) == ({}, None)


def test_new_values_are_tracked_too():
    state = TrackState()
    state.items = [[1]]
    delta(state)
    state.items[0].append(2)
    assert delta(state) == ({"items": [[1, 2]]}, None)
    plain = [1]
    state.items = plain
    delta(state)
    plain.append(2)  # the state holds its own copy
    assert state.items == [1]


def test_dataclass_fields_and_objects_in_lists_are_seen():
    state = TrackState()
    state.user.name = "grace"
    whole, _ = delta(state)
    assert json.loads(encode(whole)) == {"user": {"name": "grace", "tags": []}}
    state.people.append(TrackUser("bob"))
    delta(state)
    state.people[0].name = "rob"
    whole, _ = delta(state)
    assert json.loads(encode(whole)) == {"people": [{"name": "rob", "tags": []}]}
    assert delta(state) == ({}, None)


def test_tracked_values_copy_and_pickle_as_plain_values():
    state = TrackState()
    assert type(copy.copy(state.items)) is list
    assert type(copy.deepcopy(state.table)) is dict and type(copy.deepcopy(state.table)["a"]) is dict
    assert pickle.loads(pickle.dumps(state.rows)) == [[1], [2]]
    assert type(state.items[1:3]) is list


def test_rollback_restores_assignments_and_in_place_changes():
    state = TrackState()
    state.items.append(5)
    state.items.append(6)
    state.table["a"]["b"].append(2)
    state.table["z"] = 1
    state.seen.add("q")
    state.rows = []
    state.user.name = "changed"
    state.pyx_rollback()
    assert state.items == [0, 1, 2, 3, 4]
    assert state.table == {"a": {"b": [1]}}
    assert state.seen == set() and state.rows == [[1], [2]]
    assert state.user == TrackUser()
    assert delta(state) == ({}, None)
    state.items.append(9)  # still tracked after a rollback
    assert delta(state) == ({}, {"items": {"at": 5, "add": [9]}})


def test_rollback_after_appends_then_a_pop_below_them():
    state = TrackState()
    state.items.append(5)
    state.items.pop()
    state.items.pop()
    state.items.pop(0)
    state.pyx_rollback()
    assert state.items == [0, 1, 2, 3, 4]


def test_rollback_goes_back_only_to_the_last_flush():
    state = TrackState()
    state.items.append(5)
    delta(state)
    state.items.append(6)
    state.pyx_rollback()
    assert state.items == [0, 1, 2, 3, 4, 5]



@dataclasses.dataclass(frozen=True)
class Choice:
    code: str


_drawn: list[int] = []


class ReassignState(rx.State):
    choice: Choice = Choice("en")

    @rx.var(cache=True)
    def draw(self) -> int:
        _drawn.append(1)
        return len(_drawn) if self.choice.code else 0

    def again(self):
        self.choice = self.choice


def test_assigning_a_var_its_own_object_again_counts_as_a_change():
    """`self.option = self.option` (Reflex's overkey restart): a change, so computed vars that
    read it recompute, as in Reflex (a tracked list rebound by `+=` is still not sent whole)."""
    from pyxjs.state.client import new_client

    state = new_client([ReassignState])[ReassignState._pyx_name]
    first = state.draw
    state.__dict__["_pyx_dirty"].clear()
    state.again()
    assert "choice" in state.__dict__["_pyx_dirty"]
    assert state.draw == first + 1
