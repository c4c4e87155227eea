"""Key order benchmark: what carrying dict key order costs per frame (a benchmark, not a test).

    .venv/bin/python bench/key_order.py

For each frame shape, microseconds to build the frame text without the key order (the encoder
alone) and with it (protocol.delta_frame: the encoder, the search for an integer-like key, and
for the frames that have one, the walk and the "order" entry). Best of several rounds, so a
busy machine inflates the numbers less.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pyxjs.server.protocol import delta_frame, delta_message  # noqa: E402
from pyxjs.state.serialize import encode  # noqa: E402

REPEATS = 7

SHAPES = {
    "counter (one int var)": {"s": {"count": 41}},
    "1,000 rows of list[dict], str keys": {"s": {"rows": [{"name": f"item {n}", "price": n * 1.5, "qty": n}
                                                        for n in range(1000)]}},
    "1,000-item list[int]": {"s": {"ids": list(range(1000))}},
    "dict of 100 years (int-like keys, newest first)": {"s": {"by_year": {str(2100 - n): n for n in range(100)}}},
    "1,000 rows each keyed by int-like ids": {"s": {"rows": [{"10": n, "9": n} for n in range(1000)]}},
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
    print(f"{'frame':50} {'encode only':>12} {'with order':>12} {'extra':>8}")
    for name, delta in SHAPES.items():
        rounds = 2_000 if len(encode(delta)) < 1_000 else 100
        plain = best_us(lambda: encode(delta_message(1, delta)), rounds)
        ordered = best_us(lambda: delta_frame(1, delta), rounds)
        print(f"{name:50} {plain:10.1f}µs {ordered:10.1f}µs {ordered - plain:6.1f}µs")


if __name__ == "__main__":
    main()
