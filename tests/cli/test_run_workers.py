"""`pyx run --workers N`: N processes on one port with the Redis manager, started and stopped as one."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import aiohttp
import pytest
from click.testing import CliRunner

from pyxjs.cli import cli
from tests.support.redis_server import free_port, stop_process

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "github_avatar" / "app.py"


def test_several_workers_need_a_shared_manager(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / "app.py")
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "app.py"), "--workers", "2"])
    assert result.exit_code == 2
    assert "--workers 2 needs states every worker can reach: add --state-manager redis" in result.output
    assert not (tmp_path / "dist").exists()  # refused before building anything


def test_the_redis_manager_needs_a_url(tmp_path, monkeypatch):
    monkeypatch.delenv("PYXJS_REDIS_URL", raising=False)
    shutil.copy(EXAMPLE, tmp_path / "app.py")
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "app.py"), "--state-manager", "redis"])
    assert result.exit_code == 2
    assert "--state-manager redis needs --redis-url" in result.output


@pytest.fixture(scope="module")
def built_example(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("workers_app")
    shutil.copy(EXAMPLE, folder / "app.py")
    result = CliRunner().invoke(cli, ["build", str(folder / "app.py")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return folder / "app.py"


async def test_two_workers_serve_the_page_and_share_states(built_example, redis_flushed):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYXJS_REDIS_URL": redis_flushed.url}
    parent = subprocess.Popen(
        [sys.executable, "-m", "pyxjs.cli", "run", str(built_example), "--port", str(port), "--workers", "2",
         "--state-manager", "redis"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banners = set()
        while len(banners) < 2:
            ready, _, _ = select.select([parent.stdout], [], [], 30)
            assert ready, f"the workers did not both start: {banners}"
            banners.add(parent.stdout.readline().strip())
        assert banners == {f"pyxjs worker 1/2 serving {base}", f"pyxjs worker 2/2 serving {base}"}
        with urllib.request.urlopen(f"{base}/", timeout=5) as response:
            assert b'<div id="root">' in response.read()

        # Several connections (the kernel spreads them over both workers), one client's state.
        async with aiohttp.ClientSession() as session:
            token = "not-issued-by-the-server"  # replaced in the first hydrate; both workers sign alike
            for event_id in range(1, 9):
                ws = await session.ws_connect(f"{base}/_pyx", params={"token": token})
                await ws.send_str(json.dumps({"type": "hydrate", "load": True}))
                hydrate = json.loads((await ws.receive(timeout=5)).data)
                assert event_id == 1 or hydrate["token"] == token  # the other worker accepts it
                token = hydrate["token"]
                previous = "reflex-dev" if event_id == 1 else f"user{event_id - 1}"
                assert hydrate["state"]["github_state"]["username"] == previous
                await ws.send_str(json.dumps({"id": event_id, "handler": "github_state.set_username",
                                              "args": [f"user{event_id}"]}))
                answer = json.loads((await ws.receive(timeout=5)).data)
                assert answer["delta"]["github_state"]["username"] == f"user{event_id}"
                await ws.close()

        parent.send_signal(signal.SIGTERM)
        _, err = parent.communicate(timeout=20)
        assert parent.returncode == 0, err
        assert "Traceback" not in err
        # Every worker is gone with it: nothing listens any more.
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
    finally:
        stop_process(parent)


def test_workers_refuse_a_port_another_server_listens_on(built_example, redis_server):
    with socket.socket() as busy:
        busy.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)  # would let the workers join it
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["run", str(built_example), "--port", str(port), "--workers", "2",
                                          "--state-manager", "redis", "--redis-url", redis_server.url])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}: it is in use" in result.output
