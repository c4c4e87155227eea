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
import os
import selectors
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

import raw_ws

ROOT = Path(__file__).resolve().parents[1]
APP_FILE = ROOT / "examples" / "github_avatar" / "app.py"
STATE = "github_state"
HANDLER = f"{STATE}.set_username"

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
    await ws.send_str(event_frame_text(event_id, username))
    check_answer(await ws.receive_str(timeout=10), event_id, username)


def event_frame_text(event_id: int, username: str) -> str:
    return f'{{"id":{event_id},"handler":"{HANDLER}","args":["{username}"]}}'


def check_answer(text: str, event_id: int, username: str) -> None:
    """A fast wrong answer is not a result: each answer is parsed and must carry the new name."""
    answer = json.loads(text)
    if answer.get("type") != "delta" or answer.get("id") != event_id or answer["delta"] != {STATE: {"username": username}}:
        raise RuntimeError(f"unexpected answer to event {event_id}: {answer}")


# --- the measurements: raw_ws.py's plain sockets, so the client's own CPU stays small -------


def open_raw(port: int, offer_deflate: bool = False) -> raw_ws.Reader:
    """A new client, hydrated (the server issues its token, as for a new tab)."""
    reader = raw_ws.Reader(raw_ws.connect("127.0.0.1", port, "/_pyx", offer_deflate=offer_deflate))
    reader.sock.sendall(raw_ws.text_frame('{"type":"hydrate","load":true}'))  # the page asks for its state first
    hydrate = json.loads(reader.receive())
    if hydrate.get("type") != "hydrate" or not hydrate.get("token"):
        raise RuntimeError(f"unexpected first frame: {hydrate}")
    return reader


def sequential(port: int, events: int, offer_deflate: bool = False) -> list[float]:
    """Seconds of each of `events` round trips of one client, after a warm-up."""
    reader = open_raw(port, offer_deflate)
    sock = reader.sock
    try:
        latencies = []
        for i in range(1, WARMUP_EVENTS + events + 1):
            username = f"user{i}"
            frame = raw_ws.text_frame(event_frame_text(i, username))
            started = time.perf_counter()
            sock.sendall(frame)
            text = reader.receive()
            latencies.append(time.perf_counter() - started)
            check_answer(text, i, username)
        return latencies[WARMUP_EVENTS:]
    finally:
        raw_ws.close(sock)


def cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds the processes `pids` have used so far (from /proc, Linux)."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def own_cpu_s() -> float:
    times = os.times()
    return times.user + times.system


def concurrent(port: int, pids: list[int]) -> tuple[float, float, float]:
    """CLIENTS already-connected clients each send EVENTS_PER_CLIENT events, each after the
    answer to the one before: (seconds, CPU seconds of `pids` meanwhile, of this process).

    One thread and a selector, not a task per client: the client's cost per event is a recv,
    a parse and check of the answer, and a send."""
    readers = [open_raw(port) for _ in range(CLIENTS)]
    selector = selectors.DefaultSelector()
    sent = {}  # socket -> (id, username) of the event it waits an answer to
    try:
        cpu_before, own_before, started = cpu_s(pids), own_cpu_s(), time.perf_counter()
        for reader in readers:
            sock = reader.sock
            sock.setblocking(False)
            selector.register(sock, selectors.EVENT_READ, reader)
            username = f"c{sock.fileno()}e1"
            sent[sock] = (1, username)
            sock.sendall(raw_ws.text_frame(event_frame_text(1, username)))
        waiting = len(readers)
        while waiting:
            ready = selector.select(timeout=10)
            if not ready:
                raise RuntimeError(f"no answer for 10 s; {waiting} clients still wait")
            for key, _ in ready:
                reader = key.data
                sock = reader.sock
                messages = reader.feed(sock.recv(65536))
                if not messages:
                    continue
                if len(messages) > 1:
                    raise RuntimeError(f"{len(messages)} answers to one event: {messages}")
                event_id, username = sent[sock]
                check_answer(messages[0], event_id, username)
                if event_id == EVENTS_PER_CLIENT:
                    selector.unregister(sock)
                    waiting -= 1
                    continue
                event_id += 1
                username = f"c{key.fd}e{event_id}"
                sent[sock] = (event_id, username)
                sock.sendall(raw_ws.text_frame(event_frame_text(event_id, username)))
        return time.perf_counter() - started, cpu_s(pids) - cpu_before, own_cpu_s() - own_before
    finally:
        selector.close()
        for reader in readers:
            raw_ws.close(reader.sock)


async def ready(base: str, servers: list[subprocess.Popen]) -> None:
    async with aiohttp.ClientSession() as session:
        await wait_healthy(session, base, servers)


def measure(port: int, servers: list[subprocess.Popen], others: list[int]) -> None:
    """`others`: pids besides the servers whose CPU counts (a private redis-server)."""
    asyncio.run(ready(f"http://127.0.0.1:{port}", servers))
    if len(servers) > 1:
        time.sleep(2)  # health answered by one worker; give the others time to bind

    latencies = sequential(port, SEQUENTIAL_EVENTS)
    ms = sorted(x * 1000 for x in latencies)
    print(f"p50_ms_1={statistics.median(ms):.4f}")
    print(
        f"# 1 client, {SEQUENTIAL_EVENTS} events: p90 {ms[int(len(ms) * 0.9)]:.3f} ms, "
        f"p99 {ms[int(len(ms) * 0.99)]:.3f} ms, max {ms[-1]:.3f} ms, "
        f"{len(ms) / sum(latencies):.0f} events/s"
    )

    # A few rounds, the median reported: on a small shared machine one round is noisy.
    total = CLIENTS * EVENTS_PER_CLIENT
    pids = [server.pid for server in servers] + others
    rounds = [concurrent(port, pids) for _ in range(CONCURRENT_ROUNDS)]
    rates = [total / seconds for seconds, _, _ in rounds]
    print(f"events_per_s_100={statistics.median(rates):.1f}")
    # CPU per event (the servers and a private redis-server; then this client) moves much less
    # with the machine's load than the wall clock: compare these across changes.
    print(f"server_cpu_us_per_event={statistics.median(cpu for _, cpu, _ in rounds) / total * 1e6:.1f}")
    print(f"client_cpu_us_per_event={statistics.median(own for _, _, own in rounds) / total * 1e6:.1f}")
    print(
        f"# {CLIENTS} clients x {EVENTS_PER_CLIENT} events = {total} events per round; "
        f"rounds: {', '.join(f'{r:.0f}' for r in rates)} events/s"
    )

    # Context: browsers offer permessage-deflate; the server declines it, so this should match p50_ms_1.
    deflated = sequential(port, 500, offer_deflate=True)
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
            others = [redis_server.process.pid] if redis_server is not None else []
            measure(port, servers, others)
        finally:
            for server in servers:
                stop_process(server)
            if redis_server is not None:
                redis_server.stop()


if __name__ == "__main__":
    main()
