"""Server memory per connected client (a benchmark, not a test).

    .venv/bin/python bench/memory.py [--clients 1000]

Starts the server in a subprocess on a free 127.0.0.1 port with the State classes of
examples/github_avatar/app.py (as bench/events.py does), lets a handful of warm-up clients
come and go, then reads the server process's private memory (Private_Clean + Private_Dirty of
/proc/<pid>/smaps_rollup) before and after:
  1. N clients that connect and get their hydrate, then send nothing -> idle_client_bytes
  2. N more clients that each send one event to github_state.set_username and get its delta,
     so each also has a State instance on the server                 -> active_client_bytes
  3. (context) fewer idle clients that offer permessage-deflate, as browsers do; the server
     declines it (a zlib compressor per connection would cost ~95 KB), so this matches 1
  4. once all are closed, CHURN short-lived clients (connect, one event, close), CONNECTING_AT_ONCE
     at a time, against a server whose memory manager keeps at most --max-states states: RSS
     after the first --max-states of them (the cap reached) and after all -> rss_mb_after_churn,
     which stays flat as evicted states make room for new ones.
kb_per_client is idle_client_bytes in KiB (phase 1).
Each figure is the growth divided by the clients of its phase. The clients run in this
process, not the server's, so they do not count; kernel socket buffers are not in a process's
memory either.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

# The server start, health wait and websocket helpers are bench/events.py's, loaded by path:
# bench/ is not a package.
_spec = importlib.util.spec_from_file_location("pyx_bench_events", Path(__file__).with_name("events.py"))
events = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(events)
sys.path.insert(0, str(events.ROOT))
from tests.support.redis_server import stop_process  # noqa: E402  (by its pid: SIGTERM, then SIGKILL)

CLIENTS = 1_000
DEFLATE_CLIENTS = 200  # each costs ~100 KB, so fewer are enough for a steady figure
WARMUP_CLIENTS = 8
CHURN = 10_000
MAX_STATES = 2_000  # the churn passes the cap five times
# Handshakes in flight at once: under aiohttp's listen backlog of 128, so none waits for a SYN retry.
CONNECTING_AT_ONCE = 64
SETTLE_S = 0.5
BUDGET_S = 240.0  # the whole measurement; the server start and stop come on top

FIELDS = ("Rss", "Pss", "Private_Clean", "Private_Dirty", "Anonymous")


def raise_fd_limit() -> int:
    """Soft RLIMIT_NOFILE up to the hard limit (each websocket is one descriptor); the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        target = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):
            pass
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


# --- reading the server's memory ---------------------------------------------------------


def memory(pid: int) -> dict[str, int]:
    """FIELDS in bytes from /proc/<pid>/smaps_rollup, plus "Private" (clean + dirty)."""
    figures: dict[str, int] = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            key, _, rest = line.partition(":")
            if key in FIELDS:
                figures[key] = int(rest.split()[0]) * 1024  # the file says kB
    figures["Private"] = figures["Private_Clean"] + figures["Private_Dirty"]
    return figures


def open_fds(pid: int) -> int:
    return len(list(Path(f"/proc/{pid}/fd").iterdir()))


async def settled(pid: int, server: subprocess.Popen) -> dict[str, int]:
    """The server's memory once it stops moving: a short sleep, then until two reads agree."""
    await asyncio.sleep(SETTLE_S)
    previous = memory(pid)
    for _ in range(10):
        await asyncio.sleep(0.2)
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode}")
        current = memory(pid)
        if current["Private"] == previous["Private"]:
            return current
        previous = current
    return previous


# --- the clients -------------------------------------------------------------------------


async def connect_many(
    session: aiohttp.ClientSession, base: str, prefix: str, count: int, send_event: bool, compress: int = 0
) -> list[aiohttp.ClientWebSocketResponse]:
    """`count` clients, each with its own token and its hydrate received; with one event answered if send_event."""
    gate = asyncio.Semaphore(CONNECTING_AT_ONCE)

    async def one(n: int) -> aiohttp.ClientWebSocketResponse:
        async with gate:
            ws = await events.open_client(session, base, f"{prefix}-{n}", compress)
            if send_event:
                await events.round_trip(ws, 1, f"user-{prefix}-{n}")
            return ws

    results = await asyncio.gather(*(one(n) for n in range(count)), return_exceptions=True)
    clients = [r for r in results if isinstance(r, aiohttp.ClientWebSocketResponse)]
    failed = [r for r in results if isinstance(r, BaseException)]
    if failed:
        await close_all(clients)
        raise RuntimeError(f"{len(failed)} of {count} {prefix} clients failed, the first: {failed[0]!r}")
    return clients


async def close_all(clients: list[aiohttp.ClientWebSocketResponse]) -> None:
    # Closed from this side first: the server's own shutdown would close them one at a time.
    await asyncio.gather(*(ws.close() for ws in clients), return_exceptions=True)


def growth(before: dict[str, int], after: dict[str, int], clients: int) -> str:
    return ", ".join(
        f"{key} {(after[key] - before[key]) / clients:.0f}" for key in ("Private", "Rss", "Pss", "Anonymous")
    )


async def churn_clients(
    session: aiohttp.ClientSession, base: str, pid: int, server: subprocess.Popen, total: int, max_states: int
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Short-lived clients, each connecting, sending one event and closing: the server's memory
    before, once `max_states` of them came and went (the cap reached), and after all `total`."""
    gate = asyncio.Semaphore(CONNECTING_AT_ONCE)

    async def one(n: int) -> None:
        async with gate:
            ws = await events.open_client(session, base, f"churn-{n}")
            await events.round_trip(ws, 1, f"churn-{n}")
            await ws.close()

    before = await settled(pid, server)
    await asyncio.gather(*(one(n) for n in range(max_states)))
    filled = await settled(pid, server)
    await asyncio.gather(*(one(n) for n in range(max_states, total)))
    after = await settled(pid, server)
    return before, filled, after


async def measure(base: str, server: subprocess.Popen, clients: int, deflate_clients: int,
                  churn_total: int = CHURN, max_states: int = MAX_STATES) -> None:
    pid = server.pid
    held: list[aiohttp.ClientWebSocketResponse] = []
    # limit=0: the default pool of 100 connections would make the 101st websocket wait.
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        try:
            async with asyncio.timeout(BUDGET_S):
                await events.wait_healthy(session, base, [server])
                started = memory(pid)

                # Warm-up: the code paths of a connection and an event run once (lazy imports,
                # caches, the allocator's first arenas) before anything is counted.
                warm = await connect_many(session, base, "bench-warm", WARMUP_CLIENTS, send_event=True)
                await close_all(warm)
                baseline = await settled(pid, server)
                fds_baseline = open_fds(pid)

                t0 = time.perf_counter()
                held += await connect_many(session, base, "bench-idle", clients, send_event=False)
                idle_connect_s = time.perf_counter() - t0
                idle = await settled(pid, server)
                fds_idle = open_fds(pid)

                t0 = time.perf_counter()
                held += await connect_many(session, base, "bench-active", clients, send_event=True)
                active_connect_s = time.perf_counter() - t0
                active = await settled(pid, server)
                fds_active = open_fds(pid)

                if deflate_clients:
                    held += await connect_many(
                        session, base, "bench-deflate", deflate_clients, send_event=False, compress=15
                    )
                    deflate = await settled(pid, server)
        finally:
            await close_all(held)
        held.clear()
        churn = await churn_clients(session, base, pid, server, churn_total, max_states)

    idle_bytes = (idle["Private"] - baseline["Private"]) / clients
    active_bytes = (active["Private"] - idle["Private"]) / clients
    print(f"kb_per_client={idle_bytes / 1024:.1f}")
    print(f"idle_client_bytes={idle_bytes:.0f}")
    print(f"active_client_bytes={active_bytes:.0f}")
    mib = 1024 * 1024
    print(
        f"# server private memory: {started['Private'] / mib:.1f} MiB when healthy, "
        f"{baseline['Private'] / mib:.1f} after {WARMUP_CLIENTS} warm-up clients, "
        f"{idle['Private'] / mib:.1f} with {clients} idle, {active['Private'] / mib:.1f} with {clients} more active "
        f"(RSS {active['Rss'] / mib:.1f} MiB)"
    )
    print(f"# idle per client, bytes: {growth(baseline, idle, clients)}")
    print(f"# active per client, bytes: {growth(idle, active, clients)}")
    print(f"# of which the event and its State: ~{active_bytes - idle_bytes:.0f} bytes per client")
    if deflate_clients:
        print(
            f"# idle with permessage-deflate (browsers offer it, the server accepts), {deflate_clients} clients: "
            f"{(deflate['Private'] - active['Private']) / deflate_clients:.0f} bytes per client"
        )
    churn_before, churn_filled, churn_after = churn
    print(f"rss_mb_after_churn={churn_after['Rss'] / mib:.1f}")
    print(
        f"# churn of {churn_total} short-lived clients, at most {max_states} states kept: RSS "
        f"{churn_before['Rss'] / mib:.1f} MiB before, {churn_filled['Rss'] / mib:.1f} with the cap reached, "
        f"{churn_after['Rss'] / mib:.1f} after all ({(churn_after['Rss'] / churn_filled['Rss'] - 1) * 100:+.1f} % "
        f"since the cap was reached)"
    )
    print(
        f"# server fds: {fds_baseline} -> {fds_idle} idle -> {fds_active} active "
        f"(expected +{clients} each); connecting took {idle_connect_s:.2f} s idle, {active_connect_s:.2f} s active"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=CLIENTS, help=f"clients per phase (default {CLIENTS})")
    parser.add_argument(
        "--deflate-clients",
        type=int,
        default=DEFLATE_CLIENTS,
        help=f"idle permessage-deflate clients for a context line, 0 for none (default {DEFLATE_CLIENTS})",
    )
    parser.add_argument("--churn", type=int, default=CHURN, help=f"short-lived clients (default {CHURN})")
    parser.add_argument("--max-states", type=int, default=MAX_STATES,
                        help=f"the server's memory manager cap (default {MAX_STATES})")
    parser.add_argument("--serve", nargs=3, metavar=("PORT", "DIST", "MAX_STATES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        raise_fd_limit()  # also done by preexec_fn; harmless twice, and covers a direct start
        events.serve_example(int(args.serve[0]), args.serve[1], max_states=int(args.serve[2]))
        return

    if args.clients < 1 or args.deflate_clients < 0 or not 0 < args.max_states <= args.churn:
        parser.error("--clients must be at least 1, --deflate-clients at least 0, --max-states from 1 to --churn")
    fd_limit = raise_fd_limit()
    needed = 2 * args.clients + args.deflate_clients + 64  # every phase held open at once, plus a margin
    if fd_limit < needed:
        sys.exit(f"RLIMIT_NOFILE is {fd_limit}, these clients need about {needed}")

    port = events.free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="pyx-bench-dist-") as dist:
        # stdout to /dev/null: only the "pyxjs serving" banner goes there; errors stay on stderr.
        server = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(port), dist, str(args.max_states)],
            stdout=subprocess.DEVNULL,
            preexec_fn=raise_fd_limit,
        )
        print(
            f"# server pid {server.pid} on {base}, python {sys.version.split()[0]}, aiohttp {aiohttp.__version__}, "
            f"{args.clients} clients per phase, RLIMIT_NOFILE {fd_limit}"
        )
        try:
            asyncio.run(measure(base, server, args.clients, args.deflate_clients, args.churn, args.max_states))
        finally:
            stop_process(server)


if __name__ == "__main__":
    main()
