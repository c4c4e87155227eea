"""Value marks benchmark: what the frame's "order" (dict key order) and "floats" (whole floats
in loosely typed vars) cost per frame (a benchmark, not a test).

    .venv/bin/python bench/value_marks.py

For each frame shape, microseconds to build the frame text without the marks (the encoder
alone) and with them (protocol.delta_frame: the encoder, two substring searches of its text, and
for the frames that need it, the walk and the entries). Best of several rounds, so a busy
machine inflates the numbers less.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyxjs as rx  # noqa: E402
from pyxjs.server.protocol import delta_frame, delta_message  # noqa: E402
from pyxjs.state.serialize import encode  # noqa: E402


class Shop(rx.State):
    count: int = 0
    rows: list[dict] = []
    ids: list[int] = []
    prices: list[float] = []
    by_year: dict[str, int] = {}

REPEATS = 7

S = Shop._pyx_name
SHAPES = {
    "counter (one int var)": {S: {"count": 41}},
    "1,000 rows of list[dict], no whole floats": {S: {"rows": [{"name": f"item {n}", "price": n + 0.5, "qty": n}
                                                                for n in range(1000)]}},
    "1,000 rows of list[dict], half whole floats": {S: {"rows": [{"name": f"item {n}", "price": n * 0.5, "qty": n}
                                                                  for n in range(1000)]}},
    "1,000-item list[float] of whole floats (typed)": {S: {"prices": [float(n) for n in range(1000)]}},
    "1,000-item list[int]": {S: {"ids": list(range(1000))}},
    "dict of 100 years (int-like keys, newest first)": {S: {"by_year": {str(2100 - n): n for n in range(100)}}},
    "1,000 rows each keyed by int-like ids": {S: {"rows": [{"10": n, "9": n} for n in range(1000)]}},
}


def best_us(fn, rounds: int) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(rounds):
            fn()
        best = min(best, (time.perf_counter() - start) / rounds)
    return best * 1e6


def main() -> None:
    print(f"{'frame':50} {'encode only':>12} {'with marks':>12} {'extra':>8}")
    for name, delta in SHAPES.items():
        rounds = 2_000 if len(encode(delta)) < 1_000 else 100
        plain = best_us(lambda: encode(delta_message(1, delta)), rounds)
        ordered = best_us(lambda: delta_frame(1, delta), rounds)
        print(f"{name:50} {plain:10.1f}µs {ordered:10.1f}µs {ordered - plain:6.1f}µs")


if __name__ == "__main__":
    main()
