"""The disk manager: states in SQLite survive a restart of the server, and a kill -9 of `pyx run`."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import aiohttp
import pytest
from serverkit import call, connect

import pyxjs as rx
from pyxjs.state.disk_manager import DiskStateManager

ROOT = Path(__file__).resolve().parents[2]
SECRET = b"d" * 32


class DiskNotesState(rx.State):
    notes: list = []
    tags: set = set()
    _seen: int = 0  # a backend var: stored too

    def add(self, note: str):
        self.notes.append(note)
        self.tags.add(note[:1])
        self._seen += 1

    def seen(self):
        return rx.console_log(str(self._seen))


async def start(server_factory, state_dir: Path):
    manager = DiskStateManager([DiskNotesState], state_dir)
    return await server_factory([DiskNotesState], app_kwargs={"manager": manager, "secret": SECRET}), manager


async def test_states_survive_a_restart_of_the_server(server_factory, tmp_path):
    client, manager = await start(server_factory, tmp_path)
    ws, hydrate = await connect(client)
    for n in range(3):
        await call(ws, n + 1, "disk_notes_state.add", f"note {n}")
    await ws.close()
    await client.close()  # the server stops; its manager closes the database
    assert manager._db is None

    client, _ = await start(server_factory, tmp_path)
    ws, again = await connect(client, hydrate["token"])
    assert again["token"] == hydrate["token"] and "lost" not in again
    assert again["state"]["disk_notes_state"] == {"notes": ["note 0", "note 1", "note 2"], "tags": ["n"]}
    answer = await call(ws, 9, "disk_notes_state.seen")
    assert answer["actions"] == [{"name": "console_log", "args": {"message": "3"}}]
    await ws.close()


async def test_the_database_is_in_wal_mode_with_one_row_per_client(server_factory, tmp_path):
    client, manager = await start(server_factory, tmp_path)
    for _ in range(2):
        ws, _ = await connect(client)
        await call(ws, 1, "disk_notes_state.add", "x")
        await ws.close()
    with sqlite3.connect(manager.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("SELECT count(*) FROM client_states").fetchone()[0] == 2


async def start_with_clock(server_factory, state_dir: Path, now: list[float]):
    manager = DiskStateManager([DiskNotesState], state_dir, idle_expiry_s=60, clock=lambda: now[0])
    return await server_factory([DiskNotesState], app_kwargs={"manager": manager, "secret": SECRET}), manager


async def closed(ws, manager: DiskStateManager, token: str) -> None:
    """Close the page's socket and wait until the server has seen it go."""
    await ws.close()
    for _ in range(500):
        if token not in manager._sockets:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the server did not see the socket close")


async def test_an_idle_row_expires_and_the_next_hydrate_says_so_even_after_a_restart(server_factory, tmp_path):
    now = [1_000_000.0]
    client, manager = await start_with_clock(server_factory, tmp_path, now)
    ws, hydrate = await connect(client)
    await call(ws, 1, "disk_notes_state.add", "kept until idle")
    await closed(ws, manager, hydrate["token"])
    now[0] += 59
    await manager.housekeeping()
    with sqlite3.connect(manager.path) as db:
        assert db.execute("SELECT count(*) FROM client_states").fetchone()[0] == 1  # not idle long enough
    now[0] += 2
    await manager.housekeeping()
    with sqlite3.connect(manager.path) as db:
        assert db.execute("SELECT count(*) FROM client_states").fetchone()[0] == 0
    await client.close()

    client, _ = await start_with_clock(server_factory, tmp_path, now)  # the tombstone is on disk too
    ws, again = await connect(client, hydrate["token"])
    assert again["lost"] == "expired" and again["state"]["disk_notes_state"]["notes"] == []
    await ws.close()
    ws, once = await connect(client, hydrate["token"])
    assert "lost" not in once  # told once
    await ws.close()


async def test_an_open_page_keeps_its_row_and_is_idle_only_from_when_it_closes(server_factory, tmp_path):
    now = [1_000_000.0]
    client, manager = await start_with_clock(server_factory, tmp_path, now)
    ws, hydrate = await connect(client)
    await call(ws, 1, "disk_notes_state.add", "open for hours")
    now[0] += 3 * 3600  # unchanged for hours while the page stays open
    await manager.housekeeping()
    assert (await call(ws, 2, "disk_notes_state.seen"))["actions"][0]["args"]["message"] == "1"
    await closed(ws, manager, hydrate["token"])
    now[0] += 30  # closed half a minute ago: not idle for the 60 s yet
    await manager.housekeeping()
    ws, again = await connect(client, hydrate["token"])
    assert "lost" not in again and again["state"]["disk_notes_state"]["notes"] == ["open for hours"]
    await ws.close()


def test_idle_expiry_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="idle_expiry_s must be a positive"):
        DiskStateManager([DiskNotesState], tmp_path, idle_expiry_s=0)


# --- kill -9 of a real `pyx run` -----------------------------------------------------------

APP = '''
import pyxjs as rx


class KillCounterState(rx.State):
    count: int = 0

    def increment(self):
        self.count += 1


def index():
    return rx.text(KillCounterState.count)


app = rx.App()
app.add_page(index)
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PyxRun:
    """`pyx run app.py --state-manager disk` in its own process, stopped by its pid."""

    def __init__(self, folder: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / f"run-{self.port}.log"
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "pyxjs.cli", "run", "app.py", "--port", str(self.port), *args],
                cwd=folder, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
            )

    def wait_ready(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"pyx run exited with {self.proc.returncode}:\n{self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(self.base + "/_pyx/health", timeout=2) as response:
                    if json.load(response) == {"ok": True}:
                        return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"pyx run not ready after {timeout} s:\n{self.log_path.read_text()}")

    def kill9(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(timeout=30) == -signal.SIGKILL

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def app_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("killapp")
    (folder / "app.py").write_text(APP)
    return folder


async def increments(base: str, token: str | None, count: int) -> tuple[str, dict, int]:
    """Connect (with `token` if given), send `count` increments and wait for each answer;
    the token, the hydrate, and the count the last answer acknowledged."""
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(f"{base}/_pyx", params={"token": token} if token else {})
        await ws.send_str('{"type": "hydrate"}')
        hydrate = await ws.receive_json(timeout=10)
        acknowledged = None
        for i in range(1, count + 1):
            await ws.send_str(json.dumps({"id": i, "handler": "kill_counter_state.increment"}))
            answer = await ws.receive_json(timeout=10)
            assert answer["type"] == "delta" and answer["id"] == i, answer
            acknowledged = answer["delta"]["kill_counter_state"]["count"]
        await ws.close()
        return hydrate["token"], hydrate, acknowledged


def increments_then_kill9(folder: Path, count: int, *args: str, env: dict[str, str] | None = None) -> tuple[str, int]:
    """`pyx run` in `folder`, `count` increments from a new page, then kill -9: (token, count acknowledged)."""
    server = PyxRun(folder, *args, env=env)
    try:
        server.wait_ready()
        token, _, acknowledged = asyncio.run(increments(server.base, None, count))
        server.kill9()  # no shutdown hook runs: what is stored is what was written per event
    finally:
        server.stop()
    return token, acknowledged


def hydrate_after_restart(folder: Path, token: str, *args: str, env: dict[str, str] | None = None) -> dict:
    """`pyx run` in `folder` again; the hydrate the page with `token` gets (which must keep its token)."""
    restarted = PyxRun(folder, *args, env=env)
    try:
        restarted.wait_ready()
        again, hydrate, _ = asyncio.run(increments(restarted.base, token, 0))
    finally:
        restarted.stop()
    assert again == token  # the same secret: its own old token
    return hydrate


def test_kill_9_loses_no_acknowledged_change(app_folder):
    token, acknowledged = increments_then_kill9(app_folder, 25, "--state-manager", "disk")
    assert acknowledged == 25
    assert (app_folder / ".pyx" / "states" / "states.sqlite3").is_file()
    hydrate = hydrate_after_restart(app_folder, token, env={"PYXJS_STATE_MANAGER": "disk"})  # the variable, not the flag
    assert "lost" not in hydrate and hydrate["state"]["kill_counter_state"]["count"] == 25


def test_kill_9_of_a_memory_server_is_reported_to_the_page(app_folder):
    token, _ = increments_then_kill9(app_folder, 3)
    time.sleep(1.1)  # the next process starts in a later second than the token was issued
    hydrate = hydrate_after_restart(app_folder, token)
    assert hydrate["lost"] == "restarted"
    assert hydrate["state"]["kill_counter_state"]["count"] == 0


def test_the_app_can_choose_the_disk_manager(tmp_path):
    """rx.App(state_manager="disk") with no flag and no variable: states survive a kill -9."""
    (tmp_path / "app.py").write_text(APP.replace("rx.App()", 'rx.App(state_manager="disk")'))
    environment = {"PYXJS_STATE_MANAGER": ""}  # unset for the child: click treats an empty variable as absent
    token, acknowledged = increments_then_kill9(tmp_path, 3, env=environment)
    assert acknowledged == 3 and (tmp_path / ".pyx" / "states" / "states.sqlite3").is_file()
    hydrate = hydrate_after_restart(tmp_path, token, env=environment)
    assert "lost" not in hydrate and hydrate["state"]["kill_counter_state"]["count"] == 3
