"""How long one client's large state stalls the others (a benchmark, not a test).

    .venv/bin/python bench/stall.py [--mb 31]

Starts a server in a subprocess whose state holds a list var of about --mb MB of JSON (the
state size cap lifted, as a deployment that allows big states would). Client A sends events
that replace the whole list (each answer carries all of it) and reconnects (each hydrate too),
while client B sends small events one after another; B's round trips during A's work are the
stall: stall_max_ms (the worst), stall_p99_ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 4


def serve(port: int, dist: str, items: int) -> None:
    sys.path.insert(0, str(ROOT))
    import pyxjs as rx
    from pyxjs.server import serve as run_server
    from pyxjs.state.manager import MemoryStateManager

    class StallState(rx.State):
        rows: list = []
        pings: int = 0

        def fill(self, seed: int):
            self.rows = [{"id": i, "name": f"row {i} {seed}", "score": i * 0.5} for i in range(items)]

        def ping(self):
            self.pings += 1

    try:
        manager = MemoryStateManager([StallState], max_state_bytes=None)
    except TypeError:  # a server from before the size cap
        manager = MemoryStateManager([StallState])
    run_server([StallState], Path(dist), port=port, manager=manager)


async def hydrate(session: aiohttp.ClientSession, base: str, token: str | None) -> tuple[aiohttp.ClientWebSocketResponse, str]:
    """The socket and its hydrate's text (not parsed: parsing MBs here would stall client B's timing)."""
    ws = await session.ws_connect(f"{base}/_pyx", params={"token": token} if token else {}, max_msg_size=0)
    await ws.send_str('{"type":"hydrate"}')
    return ws, await ws.receive_str(timeout=120)


async def measure(base: str, server: subprocess.Popen, mb: float) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(200):
            try:
                async with session.get(f"{base}/_pyx/health") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientError:
                await asyncio.sleep(0.05)
        a, first = await hydrate(session, base, None)
        token = json.loads(first)["token"]  # still small: the big var is filled below
        b, _ = await hydrate(session, base, None)
        big_done = asyncio.Event()
        latencies: list[float] = []

        async def pinger() -> None:
            n = 0
            while not big_done.is_set():
                n += 1
                started = time.perf_counter()
                await b.send_str(json.dumps({"id": n, "handler": "stall_state.ping"}))
                await b.receive_str(timeout=120)
                latencies.append((time.perf_counter() - started) * 1000)

        async def big() -> tuple[int, float]:
            nonlocal a
            size, spent = 0, 0.0
            for i in range(1, ROUNDS + 1):
                started = time.perf_counter()
                await a.send_str(json.dumps({"id": i, "handler": "stall_state.fill", "args": [i]}))
                size = len(await a.receive_str(timeout=120))
                await a.close()
                a, _ = await hydrate(session, base, token)
                spent += time.perf_counter() - started
            big_done.set()
            return size, spent

        ping_task = asyncio.ensure_future(pinger())
        size, spent = await big()
        await ping_task
        await a.close()
        await b.close()
    ms = sorted(latencies)
    print(f"stall_max_ms={ms[-1]:.1f}")
    print(f"stall_p99_ms={ms[int(len(ms) * 0.99)]:.1f}")
    print(f"# frame {size / 1e6:.1f} MB; {ROUNDS} rounds of (event + reconnect) took {spent:.2f} s for client A; "
          f"client B: {len(ms)} events, median {statistics.median(ms):.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=31.0, help="size of the big var's JSON (default 31)")
    parser.add_argument("--serve", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(int(args.serve[0]), args.serve[1], int(args.serve[2]))
        return
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    items = int(args.mb * 1e6 / 52)  # each row is ~52 bytes of JSON
    with tempfile.TemporaryDirectory() as dist:
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), dist, str(items)],
                                  stdout=subprocess.DEVNULL)
        try:
            asyncio.run(measure(f"http://127.0.0.1:{port}", server, args.mb))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
