"""Token churn against a real server process: short-lived clients come and go, and the memory
manager's cap keeps the server's RSS flat (a bound on its growth, not a timing)."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[2]
CAP = 100
BLOB = 20_000  # bytes each client's state holds: 600 states kept past the cap would be ~12 MB
# Clients before measuring: the server's RSS climbs at first (allocator arenas, aiohttp's
# per-connection buffers, the remembered losses) and levels off by ~2,400 (measured).
WARMUP = 3_000
MEASURED = 600


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, dist: Path) -> subprocess.Popen:
    code = textwrap.dedent(f"""
        import pyxjs as rx
        from pyxjs.server import serve
        from pyxjs.state.manager import MemoryStateManager

        class ChurnState(rx.State):
            blob: str = ""

            def fill(self, n: int):
                self.blob = str(n) * ({BLOB} // len(str(n)))

        serve([ChurnState], {str(dist)!r}, port={port}, manager=MemoryStateManager([ChurnState], max_states={CAP}))
        """)
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_healthy(base: str, server: subprocess.Popen) -> None:
    for _ in range(300):
        assert server.poll() is None, server.stderr.read()
        try:
            with urllib.request.urlopen(base + "/_pyx/health", timeout=2) as response:
                if json.load(response) == {"ok": True}:
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server never became healthy")


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


async def short_lived(base: str, first: int, count: int) -> None:
    gate = asyncio.Semaphore(16)
    async with aiohttp.ClientSession() as session:

        async def one(n: int) -> None:
            async with gate, session.ws_connect(f"{base}/_pyx") as ws:
                await ws.send_str('{"type": "hydrate"}')
                assert (await ws.receive_json(timeout=10))["type"] == "hydrate"
                await ws.send_str(json.dumps({"id": 1, "handler": "churn_state.fill", "args": [n]}))
                assert (await ws.receive_json(timeout=10))["type"] == "delta"

        await asyncio.gather(*(one(n) for n in range(first, first + count)))


def test_server_rss_stays_flat_while_clients_churn_past_the_cap(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port, tmp_path)
    try:
        wait_healthy(base, server)
        asyncio.run(short_lived(base, 0, WARMUP))
        warm = rss_bytes(server.pid)
        asyncio.run(short_lived(base, WARMUP, MEASURED))
        grown = rss_bytes(server.pid) - warm
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert grown < 4 * 1024 * 1024, f"the server's RSS grew {grown / 1e6:.1f} MB over {MEASURED} clients past the cap"
