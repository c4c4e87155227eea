"""Browser-test plumbing: a real `pyx run` process and Debian's Chromium under Playwright."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def png_bytes(width: int = 4, height: int = 4, rgb=(200, 60, 40)) -> bytes:
    """A tiny valid PNG, so the avatar request the test answers really renders."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


class PyxServer:
    """`pyx run APP --port N` in its own process; stopped by its process id."""

    def __init__(self, app_file: Path | None, log_file: Path, cwd: Path | None = None) -> None:
        """`app_file` None runs `pyx run` with no app argument, in `cwd` (a project folder)."""
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_file = log_file
        self.log = open(log_file, "wb")
        app = [str(app_file)] if app_file is not None else []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pyxjs.cli", "run", *app, "--port", str(self.port)],
            cwd=cwd,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"pyx run exited with {self.proc.returncode}:\n{self.log_file.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/_pyx/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"pyx run did not answer within {timeout}s:\n{self.log_file.read_text()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


@pytest.fixture(scope="session")
def avatar_png() -> bytes:
    return png_bytes()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test does this when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def example_server(tmp_path_factory):
    root = Path(__file__).resolve().parents[2]
    folder = tmp_path_factory.mktemp("github_avatar")
    shutil.copy(root / "examples" / "github_avatar" / "app.py", folder / "app.py")
    server = PyxServer(folder / "app.py", folder / "server.log")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def serve_app(folder: Path, source: Path | str):
    """Serve one app with `pyx run` from `folder`: `source` is a file to copy there or the app's text.

    The app is built beside its copy (its own .pyx/ and dist/), so nothing is written into the repository.
    """
    app_file = folder / "app.py"
    if isinstance(source, Path):
        shutil.copy(source, app_file)
    else:
        app_file.write_text(source)
    server = PyxServer(app_file, folder / "server.log")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def serve_project(folder: Path):
    """`pyx run` with no argument inside a project folder (rxconfig.py), as `reflex run` is used."""
    server = PyxServer(None, folder.parent / f"{folder.name}-server.log", cwd=folder)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


class PageProblems:
    """Console errors and warnings and uncaught exceptions of one page, as text lines."""

    def __init__(self, page) -> None:
        self.lines: list[str] = []
        self.logs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.lines.append(f"pageerror: {exc}"))

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            self.lines.append(f"console.{message.type}: {message.text}")
        else:
            self.logs.append(message.text)


@pytest.fixture(scope="session")
def serve():
    """`serve_app` for module fixtures: `with serve(folder, source) as server: ...`."""
    return serve_app


@pytest.fixture(scope="session")
def page_problems():
    """`PageProblems(page)` starts collecting a page's console errors/warnings and exceptions."""
    return PageProblems


def wait_text(page, selector: str, expected: str, timeout: float = 5000) -> None:
    page.wait_for_function("([s, t]) => document.querySelector(s)?.textContent === t", arg=[selector, expected],
                           timeout=timeout)


@contextlib.contextmanager
def connected_page(browser, url: str):
    """A page of its own browser context, loaded and connected: yields (page, its PageProblems, context)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        problems = PageProblems(page)
        page.goto(url)
        page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
        yield page, problems, context
    finally:
        context.close()


@contextlib.contextmanager
def connected_page_with_frames(browser, url: str, sent: list[dict] | None = None):
    """A page of its own browser context on `url`, once its socket is open: (page, its
    PageProblems, the frames it received, decoded); the frames it sends go to `sent` when given.
    The context closes on the way out."""
    context = browser.new_context()
    page = context.new_page()
    problems = PageProblems(page)
    frames: list[dict] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(json.loads(payload))))
    if sent is not None:
        page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(json.loads(payload))))
    page.goto(url)
    page.wait_for_function("() => window.__pyx?.socket?.status === 'open'")
    try:
        yield page, problems, frames
    finally:
        context.close()


@pytest.fixture(scope="session")
def open_page():
    """`with open_page(browser, url) as (page, problems, frames): ...` (see connected_page)."""
    return connected_page_with_frames
