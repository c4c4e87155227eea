"""The server as a process: `serve()` announces itself, shuts down cleanly, and needs no compiler."""

from __future__ import annotations

import ast
import json
import os
import select
import signal
import socket
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_the_server_never_imports_the_compiler():
    process = run_python("""
        import sys
        import pyxjs.server
        from pyxjs.server import app, events, protocol, static, websocket
        print(sorted(m for m in sys.modules if m == "libcst" or m.startswith(("libcst.", "pyxjs.transpiler", "pyxjs.bundler"))))
        """)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert out.strip() == "[]"


@pytest.mark.parametrize("module", ["pyxjs/server/protocol.py", "pyxjs/server/events.py", "pyxjs/state/manager.py"])
def test_transport_free_modules_import_no_aiohttp(module):
    # Read the imports rather than importing: pyxjs.server's __init__ brings aiohttp in anyway.
    tree = ast.parse((ROOT / module).read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported, "no imports found: wrong file?"
    assert not [name for name in imported if name.split(".")[0] in ("aiohttp", "libcst")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_prints_its_url_and_stops_cleanly(tmp_path, stop_signal):
    port = free_port()
    (tmp_path / "index.html").write_text("<p>hi</p>")
    process = run_python(f"""
        import pyxjs as rx
        from pyxjs.server import serve

        class ProcPingState(rx.State):
            pings: int = 0

            def ping(self):
                self.pings += 1

        serve([ProcPingState], {str(tmp_path)!r}, port={port})
        print("serve returned", flush=True)
        """)
    try:
        ready, _, _ = select.select([process.stdout], [], [], 20)  # never hang the suite
        assert ready, "serve() printed nothing within 20 s"
        line = process.stdout.readline().strip()
        assert line == f"pyxjs serving http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_pyx/health", timeout=5) as response:
            assert json.load(response) == {"ok": True}
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.read() == b"<p>hi</p>"
        process.send_signal(stop_signal)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert out.strip() == "serve returned"
    assert "Traceback" not in err
