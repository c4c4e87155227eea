"""Event round-trip benchmark for the pyxjs server (a benchmark, not a test).

    .venv/bin/python bench/events.py [--state-manager redis [--redis-url URL]] [--workers N]

Starts the server in a subprocess on a free 127.0.0.1 port with the State classes of
examples/github_avatar/app.py, then measures over real websockets:
  1. one client, 2,000 events one after another  -> p50_ms_1 (median round trip)
  2. 100 clients at once, 50 events each          -> events_per_s_100 (throughput, median of 3 rounds)
The client and the server share the machine, so the numbers include the client's own cost.
With --state-manager redis and no --redis-url it starts a private redis-server (Debian's
package) on a free port. --workers N starts N server processes on one port (SO_REUSEPORT, as
`pyx run --workers` does; needs redis).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
APP_FILE = ROOT / "examples" / "github_avatar" / "app.py"
HANDLER = "github_state.set_username"

SEQUENTIAL_EVENTS = 2_000
WARMUP_EVENTS = 200
CLIENTS = 100
EVENTS_PER_CLIENT = 50
CONCURRENT_ROUNDS = 3


# --- the server side (runs in the subprocess) ----------------------------------------------


def serve_example(port: int, dist: str, redis_url: str | None = None, worker: str | None = None,
                  max_states: int | None = None) -> None:
    """`redis_url`: states in Redis; `worker`: one of several processes; `max_states`: cap the
    memory manager's live states (its default otherwise)."""
    sys.path.insert(0, str(ROOT))
    from pyxjs.server import serve
    from pyxjs.state import State
    from pyxjs.state.redis_manager import RedisStateManager

    # Imported by path, as `pyx run app.py` would: the example is not a package.
    spec = importlib.util.spec_from_file_location("pyx_bench_app", APP_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    states = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, State) and value.__module__ == module.__name__
    ]
    manager = RedisStateManager(states, redis_url) if redis_url else None
    if manager is None and max_states is not None:
        from pyxjs.state.manager import MemoryStateManager

        manager = MemoryStateManager(states, max_states=max_states)
    serve(states, Path(dist), port=port, manager=manager, worker=worker)


# --- the client side ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def wait_healthy(
    session: aiohttp.ClientSession, base: str, servers: list[subprocess.Popen], timeout: float = 20
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for server in servers:
            if server.poll() is not None:
                raise RuntimeError(f"the server exited with code {server.returncode} before it was healthy")
        try:
            async with session.get(f"{base}/_pyx/health") as response:
                if response.status == 200 and (await response.json()) == {"ok": True}:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.05)
    raise RuntimeError(f"no healthy server at {base} after {timeout:.0f} s")


async def open_client(
    session: aiohttp.ClientSession, base: str, name: str, compress: int = 0
) -> aiohttp.ClientWebSocketResponse:
    """A new client (`name` only labels it: the server issues its token, as for a new tab)."""
    ws = await session.ws_connect(f"{base}/_pyx", compress=compress)
    await ws.send_str('{"type":"hydrate","load":true}')  # the page asks for its state first
    hydrate = json.loads(await ws.receive_str(timeout=10))
    assert hydrate["type"] == "hydrate" and hydrate["token"], (name, hydrate)
    return ws


async def round_trip(ws: aiohttp.ClientWebSocketResponse, event_id: int, username: str) -> None:
    await ws.send_str(f'{{"id":{event_id},"handler":"{HANDLER}","args":["{username}"]}}')
    answer = json.loads(await ws.receive_str(timeout=10))
    # Cheap correctness check: a fast wrong answer is not a result.
    if answer.get("type") != "delta" or answer.get("id") != event_id:
        raise RuntimeError(f"unexpected answer to event {event_id}: {answer}")


async def sequential(session: aiohttp.ClientSession, base: str, events: int, compress: int = 0) -> list[float]:
    ws = await open_client(session, base, f"bench-sequential-{compress}", compress)
    try:
        for i in range(1, WARMUP_EVENTS + 1):
            await round_trip(ws, i, f"warm{i}")
        latencies = []
        for i in range(WARMUP_EVENTS + 1, WARMUP_EVENTS + events + 1):
            started = time.perf_counter()
            await round_trip(ws, i, f"user{i}")
            latencies.append(time.perf_counter() - started)
        return latencies
    finally:
        await ws.close()


async def concurrent(session: aiohttp.ClientSession, base: str, round_: int) -> float:
    """Seconds for CLIENTS already-connected clients to each send EVENTS_PER_CLIENT events in turn."""
    tokens = [f"bench-r{round_}-c{n}" for n in range(CLIENTS)]
    clients = await asyncio.gather(*(open_client(session, base, token) for token in tokens))

    async def drive(ws: aiohttp.ClientWebSocketResponse, n: int) -> None:
        for i in range(1, EVENTS_PER_CLIENT + 1):
            await round_trip(ws, i, f"c{n}e{i}")

    try:
        started = time.perf_counter()
        await asyncio.gather(*(drive(ws, n) for n, ws in enumerate(clients)))
        return time.perf_counter() - started
    finally:
        await asyncio.gather(*(ws.close() for ws in clients))


async def measure(base: str, servers: list[subprocess.Popen]) -> None:
    # limit=0: the default pool of 100 connections would make the 101st websocket wait.
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        await wait_healthy(session, base, servers)
        if len(servers) > 1:
            await asyncio.sleep(2)  # health answered by one worker; give the others time to bind

        latencies = await sequential(session, base, SEQUENTIAL_EVENTS)
        ms = sorted(x * 1000 for x in latencies)
        print(f"p50_ms_1={statistics.median(ms):.4f}")
        print(
            f"# 1 client, {SEQUENTIAL_EVENTS} events: p90 {ms[int(len(ms) * 0.9)]:.3f} ms, "
            f"p99 {ms[int(len(ms) * 0.99)]:.3f} ms, max {ms[-1]:.3f} ms, "
            f"{len(ms) / sum(latencies):.0f} events/s"
        )

        # A few rounds, the median reported: on a small shared machine one round is noisy.
        total = CLIENTS * EVENTS_PER_CLIENT
        rates = [total / await concurrent(session, base, round_) for round_ in range(CONCURRENT_ROUNDS)]
        print(f"events_per_s_100={statistics.median(rates):.1f}")
        print(
            f"# {CLIENTS} clients x {EVENTS_PER_CLIENT} events = {total} events per round; "
            f"rounds: {', '.join(f'{r:.0f}' for r in rates)} events/s"
        )

        # Context: browsers offer permessage-deflate; the server declines it, so this should match p50_ms_1.
        deflated = await sequential(session, base, 500, compress=15)
        print(f"# 1 client offering permessage-deflate, 500 events: p50 {statistics.median(deflated) * 1000:.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", nargs=2, metavar=("PORT", "DIST"), help=argparse.SUPPRESS)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--state-manager", choices=["memory", "redis"], default="memory")
    parser.add_argument("--redis-url", help="an existing Redis (default with redis: a private redis-server)")
    parser.add_argument("--workers", type=int, default=1, help="server processes on one port (needs redis)")
    args = parser.parse_args()
    if args.serve:
        serve_example(int(args.serve[0]), args.serve[1], args.redis_url, args.worker)
        return
    if args.workers > 1 and args.state_manager != "redis":
        parser.error("--workers > 1 needs --state-manager redis")

    sys.path.insert(0, str(ROOT))
    from tests.support.redis_server import RedisServer, find_redis_server, stop_process

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="pyx-bench-dist-") as dist:
        redis_server = None
        redis_url = args.redis_url
        if args.state_manager == "redis" and redis_url is None:
            executable = find_redis_server()
            if executable is None:
                parser.error("no redis-server on PATH: apt-get install -y redis-server, or pass --redis-url")
            redis_server = RedisServer(executable, Path(dist))
            redis_url = redis_server.url
        command = [sys.executable, __file__, "--serve", str(port), dist]
        if redis_url:
            command += ["--redis-url", redis_url]
        servers = []
        try:
            for number in range(1, args.workers + 1):
                worker = ["--worker", f"{number}/{args.workers}"] if args.workers > 1 else []
                servers.append(subprocess.Popen(command + worker))
            pids = ", ".join(str(server.pid) for server in servers)
            print(f"# server pid {pids} on {base}, manager {args.state_manager}, python {sys.version.split()[0]}, "
                  f"aiohttp {aiohttp.__version__}")
            asyncio.run(measure(base, servers))
        finally:
            for server in servers:
                stop_process(server)
            if redis_server is not None:
                redis_server.stop()


if __name__ == "__main__":
    main()
