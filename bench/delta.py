"""Delta benchmark: what a change costs on the wire and in the server (a benchmark, not a test).

    .venv/bin/python bench/delta.py

  delta_bytes_append   bytes of the frame answering "append one item to a 1,000-item list var"
  delta_bytes_dict_key bytes of the frame answering "set one key of a 1,000-key dict var"
  delta_us_1_of_1000   microseconds to compute the delta of a 1,000-var state where one var changed
Then the two ways of seeing in-place changes that docs/architecture.md compares:
  tracked containers (what pyxjs does) vs a snapshot diff (encode every container var at each
  flush and compare with the last encoding), for an append to a 1,000-item list in a state
  with 1 and with 50 such lists.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyxjs as rx  # noqa: E402
from pyxjs.server.events import EventRunner  # noqa: E402
from pyxjs.state.client import take_delta_now  # noqa: E402
from pyxjs.server.protocol import Event, answer_frame  # noqa: E402
from pyxjs.state.serialize import encode  # noqa: E402

ROUNDS = 2_000


class BenchListState(rx.State):
    items: list[str] = [f"item {n}" for n in range(1000)]

    def add(self, item: str):
        self.items.append(item)


class BenchDictState(rx.State):
    scores: dict[str, int] = {f"player {n}": n for n in range(1000)}

    def score(self, player: str, points: int):
        self.scores[player] = points


def wide_state_class(n: int) -> type:
    namespace = {"__annotations__": {f"v{i}": int for i in range(n)}}
    namespace.update({f"v{i}": i for i in range(n)})
    return type("BenchWideState", (rx.State,), namespace)


def median_us(fn, rounds: int = ROUNDS) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1e6


def frame_bytes(cls: type, handler: str, *args) -> int:
    """Bytes of the frame answering one event on a fresh state (the frame is printed, shortened)."""
    state = cls()
    outcome = asyncio.run(EventRunner([cls]).run(Event(7, f"{cls._pyx_name}.{handler}", list(args)), {cls._pyx_name: state}))
    frame = answer_frame(7, outcome.delta, outcome.error, outcome.patch, outcome.actions)
    print(f"# frame: {frame if len(frame) < 200 else frame[:120] + f'... ({len(frame)} characters)'}")
    return len(frame.encode())


def one_of_wide(n: int = 1000) -> float:
    state = wide_state_class(n)()
    states = {"bench_wide_state": state}
    counter = iter(range(10**9))

    def change_one_and_take():
        state.v500 = next(counter)
        take_delta_now(states)

    return median_us(change_one_and_take)


def tracked_append(lists: int) -> float:
    cls = type("BenchTrackedState", (rx.State,), {
        "__annotations__": {f"l{i}": list for i in range(lists)},
        **{f"l{i}": [f"item {n}" for n in range(1000)] for i in range(lists)},
    })
    state = cls()
    states = {"s": state}

    def append_and_flush():
        state.l0.append("x")
        take_delta_now(states)

    return median_us(append_and_flush, 500)


def snapshot_append(lists: int) -> float:
    """The alternative: plain lists, and at each flush encode every container var and compare."""
    values = {f"l{i}": [f"item {n}" for n in range(1000)] for i in range(lists)}
    sent = {name: encode(value) for name, value in values.items()}

    def append_and_flush():
        values["l0"].append("x")
        changed = {}
        for name, value in values.items():
            text = encode(value)
            if text != sent[name]:
                sent[name] = text
                changed[name] = value
        return changed

    return median_us(append_and_flush, 500)


def main() -> None:
    print(f"delta_bytes_append={frame_bytes(BenchListState, 'add', 'item 1000')}")
    print(f"delta_bytes_dict_key={frame_bytes(BenchDictState, 'score', 'player 500', 7)}")
    print(f"delta_us_1_of_1000={one_of_wide():.2f}")
    for lists in (1, 50):
        print(f"# append to a 1,000-item list, {lists} list var(s): "
              f"tracked {tracked_append(lists):.1f} us, snapshot diff {snapshot_append(lists):.1f} us per event")


if __name__ == "__main__":
    main()
