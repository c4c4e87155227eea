"""Click -> DOM latency in Chromium (a benchmark, not a test).

    .venv/bin/python bench/click.py [--clicks 600] [--breakdown]

Two pages, measured the same way inside the page: `performance.now()` at the click, and a
MutationObserver on the counter's text resolving when the new value is in the DOM. Both pages
stay open and take turns, 30 clicks each, so the machine's changing load falls on both alike.
  1. pyxjs: a one-counter app, built and served by `pyx run` (socket, store, React render).
  2. the floor: a bare aiohttp websocket answering a hand-written page that sets textContent.
Prints click_ms_p50=, click_ms_p90=, floor_ms_p50=, floor_ms_p90= (after 30 warm-up clicks) and
gap_ms_p50= (pyxjs's median minus the floor's). Both pages are served cross-origin isolated so
performance.now() is precise to 5 us (0.1 ms otherwise, too coarse for a 0.3 ms target).
--breakdown also times each click's stages in the page (median and p90, for both pages, prefixed
click_/floor_): click->send (WebSocket.send called), send->recv (network and server, up to the
onmessage handler starting), recv->parse (JSON and dispatch up to store.apply; pyxjs only),
apply (store update and listener notification), recv->handler_end (the handler's synchronous
part), recv->dom (the first text write to a DOM node: React's commit for pyxjs), dom->observed
(the MutationObserver callback), and same_task (share of clicks whose DOM write came before a
task posted when the message arrived ran, i.e. in the websocket message's own task).
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
PYX_READY = "() => window.__pyx?.socket?.status === 'open' && document.getElementById('count')"
FLOOR_READY = "() => window.ready && window.ready.then(() => true)"
WARMUP = 30
CHUNK = 30  # clicks on one page before the other page's turn

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


# --breakdown: installed before any page script runs. Timestamps for the current click land in
# window.__bd; the hooks wrap the onmessage setter, WebSocket.send and the DOM text setters.
# window.__afterMessage(event), when a page defines it, runs as each message's handler returns
# (tests/browser/test_var_leaves.py uses it).
BREAKDOWN_HOOKS = """(() => {
  const now = () => performance.now();
  window.__bd = {};
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) { window.__bd.sent ??= now(); return send.call(this, data); };
  const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, "onmessage");
  Object.defineProperty(WebSocket.prototype, "onmessage", {
    configurable: true,
    get() { return onmessage.get.call(this); },
    set(handler) {
      onmessage.set.call(this, handler && function (event) {
        const bd = window.__bd;
        if (bd.recv === undefined) {
          bd.recv = now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { bd.nextTask = now(); };
          channel.port2.postMessage(0);
        }
        try { return handler.call(this, event); } finally { bd.handlerEnd ??= now(); window.__afterMessage?.(event); }
      });
    },
  });
  for (const [proto, name] of [[Node.prototype, "textContent"], [Node.prototype, "nodeValue"]]) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, { configurable: true, get: d.get,
      set(value) { if (window.__bd.recv !== undefined) window.__bd.dom ??= now(); d.set.call(this, value); } });
  }
})()"""

# --breakdown, pyxjs only: store.apply's start and end (socket.js calls it as a method of the store).
HOOK_STORE = """() => {
  const store = window.__pyx.store;
  const apply = store.apply;
  store.apply = (delta) => {
    const bd = window.__bd;
    bd.applyStart ??= performance.now();
    try { return apply.call(store, delta); } finally { bd.applyEnd ??= performance.now(); }
  };
}"""

# Like MEASURE, and returns each click's window.__bd stamps along with its start and end.
MEASURE_BREAKDOWN = MEASURE.replace(
    "const started = performance.now();", "window.__bd = {};\n    const started = performance.now();"
).replace(
    "times.push((await changed) - started);",
    """const observed = await changed;
    while (window.__bd.nextTask === undefined) await new Promise((resolve) => setTimeout(resolve, 0));
    times.push({ ...window.__bd, started, observed });""",
)

STAGES = {  # name -> (from, to)
    "click_to_send": ("started", "sent"),
    "send_to_recv": ("sent", "recv"),
    "recv_to_apply": ("recv", "applyStart"),
    "apply": ("applyStart", "applyEnd"),
    "recv_to_handler_end": ("recv", "handlerEnd"),
    "recv_to_dom": ("recv", "dom"),
    "dom_to_observed": ("dom", "observed"),
    "recv_to_observed": ("recv", "observed"),
}


def stages(stamps: list[dict]) -> dict[str, float]:
    """Median and p90 milliseconds of each stage over the clicks that have both ends, and same_task."""
    out = {}
    for name, (start, end) in STAGES.items():
        spans = [s[end] - s[start] for s in stamps if start in s and end in s]
        if spans:
            out[f"{name}_ms"] = statistics.median(spans)
            out[f"{name}_ms_p90"] = percentile(spans, 0.9)
    timed = [s for s in stamps if "dom" in s and "nextTask" in s]
    if timed:
        out["same_task"] = sum(s["dom"] < s["nextTask"] for s in timed) / len(timed)
    return out


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


def isolate(route) -> None:
    """Serves the page cross-origin isolated (COOP + COEP), so performance.now() is precise to
    5 us instead of 100 us; every other request goes through untouched."""
    if route.request.resource_type != "document":
        route.continue_()
        return
    response = route.fetch()
    headers = {**response.headers, "cross-origin-opener-policy": "same-origin",
               "cross-origin-embedder-policy": "require-corp"}
    route.fulfill(response=response, headers=headers)


def open_page(browser, url: str, ready: str, breakdown: bool):
    page = browser.new_page()
    page.route("**/*", isolate)  # 5 us timers: the target is a 0.3 ms gap, the default resolution 0.1 ms
    if breakdown:
        page.add_init_script(BREAKDOWN_HOOKS)
    page.goto(url)
    page.wait_for_function(ready)
    if breakdown and page.evaluate("() => !!window.__pyx"):
        page.evaluate(HOOK_STORE)
    page.evaluate(MEASURE_BREAKDOWN if breakdown else MEASURE, WARMUP)
    return page


def measure(pages: dict, clicks: int, breakdown: bool = False) -> dict[str, tuple[list[float], dict]]:
    """Each page's click times in ms and, with `breakdown`, the median of each stage (else {}).
    The pages take turns, CHUNK clicks at a time, so a change in the machine's load falls on
    all of them alike."""
    script = MEASURE_BREAKDOWN if breakdown else MEASURE
    results: dict[str, list] = {name: [] for name in pages}
    done = 0
    while done < clicks:
        n = min(CHUNK, clicks - done)
        for name, page in pages.items():
            results[name] += page.evaluate(script, n)
        done += n
    if not breakdown:
        return {name: (times, {}) for name, times in results.items()}
    return {name: ([s["observed"] - s["started"] for s in stamps], stages(stamps)) for name, stamps in results.items()}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=600)
    parser.add_argument("--breakdown", action="store_true", help="time each click's stages in the page")
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
                # A fulfilled (isolated) page counts as "public" to Chromium's local network access
                # check, which would then refuse its websocket to 127.0.0.1.
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                     args=["--no-sandbox", "--disable-gpu",
                                                           "--disable-features=LocalNetworkAccessChecks"])
                pages = {"pyx": open_page(browser, f"http://127.0.0.1:{pyx_port}/", PYX_READY, args.breakdown),
                         "floor": open_page(browser, f"http://127.0.0.1:{floor_port}/", FLOOR_READY, args.breakdown)}
                found = measure(pages, args.clicks, args.breakdown)
                (pyx, pyx_stages), (floor, floor_stages) = found["pyx"], found["floor"]
                browser.close()
        finally:
            for server in servers:
                stop(server)
    print(f"click_ms_p50={statistics.median(pyx):.3f}")
    print(f"click_ms_p90={percentile(pyx, 0.9):.3f}")
    print(f"floor_ms_p50={statistics.median(floor):.3f}")
    print(f"floor_ms_p90={percentile(floor, 0.9):.3f}")
    print(f"gap_ms_p50={statistics.median(pyx) - statistics.median(floor):.3f}")  # the target: <= 0.3
    for prefix, found in (("click", pyx_stages), ("floor", floor_stages)):
        for name, value in found.items():
            print(f"{prefix}_{name}={value:.3f}")


if __name__ == "__main__":
    main()
