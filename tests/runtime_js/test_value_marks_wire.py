"""The server's value marks over the real wire format: frames built by pyxjs/server/protocol.py
(key order, whole floats), received by runtime_js's socket (with a fake WebSocket), applied to
its store, printed by py.js. What the page prints must be what Python prints."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pyxjs as rx
from pyxjs.bundler.node import find_node_tools
from pyxjs.server.protocol import delta_frame, hydrate_frame

RUNTIME = Path(__file__).resolve().parents[2] / "runtime_js"


class WireState(rx.State):
    scores: dict[str, int] = {}
    rows: list[dict] = []
    total: float = 0.0


NAME = WireState._pyx_name

# Each step: the frame the server sends, then the vars as Python's str() shows them.
STEPS = [
    (hydrate_frame("tok_1234567890ab", {NAME: {"scores": {"b": 1, "2": 2, "1": 3}, "rows": [{"price": 4.0}],
                                               "total": 0}}),
     {"scores": {"b": 1, "2": 2, "1": 3}, "rows": [{"price": 4.0}], "total": 0}),
    # a dict-keys patch with new integer-like keys, and a list tail holding a whole float
    (delta_frame(1, {}, {NAME: {"scores": {"set": {"10": 4, "0": 5}, "del": ["b"]},
                                 "rows": {"at": 1, "add": [{"price": 2.0, "qty": 1}]}}}),
     {"scores": {"2": 2, "1": 3, "10": 4, "0": 5}, "rows": [{"price": 4.0}, {"price": 2.0, "qty": 1}], "total": 0}),
    # the same JSON with other types: 4 now an int, the keys in another order
    (delta_frame(2, {NAME: {"scores": {"1": 3, "2": 2}, "rows": [{"price": 4}], "total": 0.0}}),
     {"scores": {"1": 3, "2": 2}, "rows": [{"price": 4}], "total": 0.0}),
    (delta_frame(3, {NAME: {"scores": {"2": 2, "1": 3}, "rows": [{"price": 4.0}], "total": 2}}),
     {"scores": {"2": 2, "1": 3}, "rows": [{"price": 4.0}], "total": 2}),
]

SCRIPT = """
import { createSocket } from "./src/socket.js";
import { createStore } from "./src/store.js";
import { isIntVar, str } from "./src/py.js";
import "./src/valueMarks.js"; // as every module the compiler emits that prints Python values
import { fakeClock, fakeStorage, fakeWebSocketClass } from "./testing/fakes.js";

const frames = JSON.parse(process.argv[1]);
const WS = fakeWebSocketClass();
const clock = fakeClock();
const store = createStore({});
createSocket({ url: "ws://test.invalid/_pyx", store, storage: fakeStorage(), WebSocketImpl: WS,
               setTimeoutImpl: clock.setTimeout, clearTimeoutImpl: clock.clearTimeout, random: () => 0 });
const ws = WS.latest();
ws.serverOpen();
const shown = [];
for (const frame of frames) {
  ws.serverSend(frame);
  // a var declared float prints by its type unless the server said it holds an int
  const total = str(store.get(NAME, "total"), isIntVar(NAME, "total") ? "any" : "float");
  shown.push({ scores: str(store.get(NAME, "scores")), rows: str(store.get(NAME, "rows")), total });
}
process.stdout.write(JSON.stringify(shown));
"""


def test_the_page_shows_python_s_key_order_and_whole_floats_across_frames():
    tools = find_node_tools()
    script = SCRIPT.replace("NAME", json.dumps(NAME))
    proc = subprocess.run([tools.node, "--input-type=module", "-e", script, json.dumps([f for f, _ in STEPS])],
                          cwd=RUNTIME, env=tools.env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    shown = json.loads(proc.stdout)
    expected = [{name: str(value) for name, value in python.items()} for _, python in STEPS]
    assert shown == expected
