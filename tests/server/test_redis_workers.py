"""Several server processes on one real redis-server: states outlive a process, a background task
on one worker reaches the page on another, and a worker killed mid-event frees its client."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import aiohttp
import pytest

from pyxjs.server.tokens import TokenSigner
from tests.server.serverkit import TIMEOUT, strict_json
from tests.support.redis_server import free_port, stop_process

ROOT = Path(__file__).resolve().parents[2]
SECRET = "redis-workers-test-secret-0123456789"
ISSUED = 1_700_000_000  # one secret for both workers, as .pyx/secret gives pyx run's

APP = '''
import asyncio
import os

import pyxjs as rx


class RelayState(rx.State):
    count: int = 0
    go: bool = False
    result: str = ""

    def bump(self):
        self.count += 1

    def release(self):
        self.go = True

    async def stall(self):
        self.count = 999  # never saved: the worker dies before the event ends
        await asyncio.sleep(3600)

    @rx.event(background=True)
    async def wait_for_go(self):
        while True:
            async with self:
                if self.go:
                    self.result = f"done by {os.getpid()}"
                    return
            await asyncio.sleep(0.02)
'''


class Worker:
    """`serve()` in a process of its own, with the Redis manager."""

    def __init__(self, folder: Path, redis_url: str, lock_ttl_s: float = 10.0) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        code = f"""
            import sys
            sys.path.insert(0, {str(folder)!r})
            from relay_app import RelayState
            from pyxjs.server import serve
            from pyxjs.state.redis_manager import RedisStateManager

            manager = RedisStateManager([RelayState], {redis_url!r}, lock_ttl_s={lock_ttl_s!r})
            serve([RelayState], {str(folder)!r}, port={self.port}, manager=manager)
            """
        self.process = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "PYXJS_SECRET": SECRET},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        line = self.process.stdout.readline().strip() if ready else ""
        if line != f"pyxjs serving {self.base}":
            self.stop()
            raise AssertionError(f"the worker did not start: {line!r} {self.process.stderr.read()[-3000:]}")

    def stop(self) -> str:
        """SIGTERM by pid; its stderr."""
        stop_process(self.process)
        return self.process.stderr.read()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


@pytest.fixture
def app_folder(tmp_path: Path) -> Path:
    (tmp_path / "relay_app.py").write_text(APP)
    (tmp_path / "index.html").write_text("<p>relay</p>")
    return tmp_path


@pytest.fixture
def workers(app_folder, redis_flushed):
    started: list[Worker] = []

    def start(lock_ttl_s: float = 10.0) -> Worker:
        worker = Worker(app_folder, redis_flushed.url, lock_ttl_s)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        err = worker.stop()
        assert "Traceback" not in err, err


def signed(name: str) -> str:
    """The token every worker (same secret, as `pyx run` workers share .pyx/secret) accepts for `name`."""
    ident = base64.urlsafe_b64encode(hashlib.sha256(name.encode()).digest()[:12]).decode()
    return TokenSigner(SECRET.encode()).sign(ident, issued_at=ISSUED)  # fixed: the same token on every call


async def open_page(session: aiohttp.ClientSession, worker: Worker, name: str) -> tuple[aiohttp.ClientWebSocketResponse, dict]:
    ws = await session.ws_connect(f"{worker.base}/_pyx", params={"token": signed(name)})
    await ws.send_str(json.dumps({"type": "hydrate", "load": True}))
    return ws, await receive(ws)


async def receive(ws: aiohttp.ClientWebSocketResponse, timeout: float = TIMEOUT) -> dict:
    message = await ws.receive(timeout=timeout)
    assert message.type is aiohttp.WSMsgType.TEXT, f"expected a text frame, got {message.type}"
    return strict_json(message.data)


async def call(ws: aiohttp.ClientWebSocketResponse, event_id: int, handler: str) -> dict:
    await ws.send_str(json.dumps({"id": event_id, "handler": handler, "args": []}))
    return await receive(ws)


async def test_states_survive_a_server_restart(workers):
    first = workers()
    async with aiohttp.ClientSession() as session:
        ws, hydrate = await open_page(session, first, "restart-1")
        assert hydrate["state"]["relay_state"]["count"] == 0
        for event_id in (1, 2, 3):
            answer = await call(ws, event_id, "relay_state.bump")
            assert answer["delta"] == {"relay_state": {"count": event_id}}
        await ws.close()
        assert "Traceback" not in first.stop()

        second = workers()
        ws, hydrate = await open_page(session, second, "restart-1")
        assert hydrate["state"]["relay_state"]["count"] == 3
        assert (await call(ws, 1, "relay_state.bump"))["delta"] == {"relay_state": {"count": 4}}
        await ws.close()


async def test_a_background_task_on_one_worker_reaches_the_page_on_another(workers):
    worker_a, worker_b = workers(), workers()
    async with aiohttp.ClientSession() as session:
        # The page starts the task on B, then (say, after a reconnect) talks to A.
        on_b, _ = await open_page(session, worker_b, "relay-1")
        assert (await call(on_b, 7, "relay_state.wait_for_go")) == {"type": "delta", "id": 7, "delta": {}}
        await on_b.close()

        on_a, hydrate = await open_page(session, worker_a, "relay-1")
        assert hydrate["state"]["relay_state"]["result"] == ""
        assert (await call(on_a, 1, "relay_state.release"))["delta"] == {"relay_state": {"go": True}}
        pushed = await receive(on_a)
        # The task's frame: the starting event's id, and the pid proves where it ran.
        assert pushed == {"type": "delta", "id": 7, "final": False,
                          "delta": {"relay_state": {"result": f"done by {worker_b.process.pid}"}}}
        await on_a.close()


async def test_a_worker_killed_mid_event_frees_its_client_when_the_lock_expires(workers, redis_flushed):
    import redis.asyncio

    worker_a, worker_b = workers(lock_ttl_s=1.0), workers(lock_ttl_s=1.0)
    store = redis.asyncio.Redis.from_url(redis_flushed.url)
    try:
        async with aiohttp.ClientSession() as session:
            on_b, _ = await open_page(session, worker_b, "killed-1")
            assert (await call(on_b, 1, "relay_state.bump"))["delta"] == {"relay_state": {"count": 1}}
            await on_b.send_str(json.dumps({"id": 2, "handler": "relay_state.stall", "args": []}))
            deadline = time.monotonic() + TIMEOUT
            while not await store.exists(f"pyx:lock:{{{signed('killed-1')}}}"):  # B is inside the handler, locked
                assert time.monotonic() < deadline, "worker B never took the lock for the stalled event"
                await asyncio.sleep(0.01)
            worker_b.kill()

            # A waits for the dead worker's lock to expire, then serves the last saved state.
            on_a, hydrate = await open_page(session, worker_a, "killed-1")
            assert hydrate["state"]["relay_state"]["count"] == 1
            assert (await call(on_a, 1, "relay_state.bump"))["delta"] == {"relay_state": {"count": 2}}
            await on_a.close()
    finally:
        await store.aclose()
