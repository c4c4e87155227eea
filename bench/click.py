"""Click -> DOM latency in Chromium (a benchmark, not a test).

    .venv/bin/python bench/click.py [--clicks 300]

Two pages, measured the same way inside the page: `performance.now()` at the click, and a
MutationObserver on the counter's text resolving when the new value is in the DOM.
  1. pyxjs: a one-counter app, built and served by `pyx run` (socket, store, React render).
  2. the floor: a bare aiohttp websocket answering a hand-written page that sets textContent.
Prints click_ms_p50=, click_ms_p90=, floor_ms_p50=, floor_ms_p90= (after 30 warm-up clicks).
Uses Debian's Chromium (/usr/bin/chromium) through Playwright.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
WARMUP = 30

COUNTER_APP = textwrap.dedent('''\
    import pyxjs as rx


    class Counter(rx.State):
        count: int = 0

        def increment(self):
            self.count += 1


    def index():
        return rx.vstack(rx.button("+1", id="inc", on_click=Counter.increment), rx.text(Counter.count, id="count"))


    app = rx.App()
    app.add_page(index)
    ''')

FLOOR_PAGE = """<!doctype html><html><body>
<button id="inc">+1</button><span id="count">0</span>
<script>
  const ws = new WebSocket(`ws://${location.host}/ws`);
  const out = document.getElementById("count");
  ws.onmessage = (event) => { out.textContent = event.data; };
  document.getElementById("inc").onclick = () => ws.send("inc");
  window.ready = new Promise((resolve) => { ws.onopen = resolve; });
</script></body></html>"""

# Runs in the page: click n times, one at a time, timing each click until the text changes.
MEASURE = """async (n) => {
  const button = document.getElementById("inc");
  const out = document.getElementById("count");
  const times = [];
  for (let i = 0; i < n; i++) {
    const before = out.textContent;
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (out.textContent !== before) { observer.disconnect(); resolve(performance.now()); }
      });
      observer.observe(out, { childList: true, characterData: true, subtree: true });
    });
    const started = performance.now();
    button.click();
    times.push((await changed) - started);
  }
  return times;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_floor(port: int) -> None:
    """The floor server: one page, one websocket that answers each message with a count."""
    from aiohttp import web

    async def page(request: web.Request) -> web.Response:
        return web.Response(text=FLOOR_PAGE, content_type="text/html")

    async def socket_handler(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(compress=False)
        await ws.prepare(request)
        count = 0
        async for _ in ws:
            count += 1
            await ws.send_str(str(count))
        return ws

    async def health(request: web.Request) -> web.Response:
        return web.Response(text="ok")

    app = web.Application()
    app.add_routes([web.get("/", page), web.get("/ws", socket_handler), web.get("/_pyx/health", health)])
    web.run_app(app, host="127.0.0.1", port=port, print=None)


def start(argv: list[str], port: int) -> subprocess.Popen:
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_pyx/health", timeout=2):
                return proc
        except OSError:
            time.sleep(0.2)
    stop(proc)
    raise SystemExit("server did not start within 180 s")


def stop(proc: subprocess.Popen) -> None:
    """Stopped by its own process group id, gently first."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def measure(browser, url: str, clicks: int, ready: str) -> list[float]:
    page = browser.new_page()
    page.goto(url)
    page.wait_for_function(ready)
    page.evaluate(MEASURE, WARMUP)
    times = page.evaluate(MEASURE, clicks)
    page.close()
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=300)
    parser.add_argument("--floor-serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_serve:
        serve_floor(args.floor_serve)
        return
    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        app = Path(folder) / "app.py"
        app.write_text(COUNTER_APP)
        pyx_port, floor_port = free_port(), free_port()
        servers = [start([sys.executable, "-m", "pyxjs.cli", "run", str(app), "--port", str(pyx_port)], pyx_port),
                   start([sys.executable, __file__, "--floor-serve", str(floor_port)], floor_port)]
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                     args=["--no-sandbox", "--disable-gpu"])
                pyx = measure(browser, f"http://127.0.0.1:{pyx_port}/", args.clicks,
                              "() => window.__pyx?.socket?.status === 'open' && document.getElementById('count')")
                floor = measure(browser, f"http://127.0.0.1:{floor_port}/", args.clicks,
                                "() => window.ready && window.ready.then(() => true)")
                browser.close()
        finally:
            for server in servers:
                stop(server)
    print(f"click_ms_p50={statistics.median(pyx):.3f}")
    print(f"click_ms_p90={percentile(pyx, 0.9):.3f}")
    print(f"floor_ms_p50={statistics.median(floor):.3f}")
    print(f"floor_ms_p90={percentile(floor, 0.9):.3f}")


if __name__ == "__main__":
    main()
