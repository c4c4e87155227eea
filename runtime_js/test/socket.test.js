import { test } from "node:test";
import assert from "node:assert/strict";
import { createSocket } from "../src/socket.js";
import { createStore } from "../src/store.js";
import { fakeClock, fakeStorage, fakeWebSocketClass } from "../testing/fakes.js";

// A socket wired to fakes; `random` fixed so back-off delays are exact.
function setup({ storage = fakeStorage(), initial = { s: { n: 0 } }, random = () => 0, ...extra } = {}) {
  const WS = fakeWebSocketClass();
  const clock = fakeClock();
  const store = createStore(initial);
  const statuses = [];
  const socket = createSocket({
    url: "ws://test.invalid/_pyx",
    store,
    storage,
    WebSocketImpl: WS,
    setTimeoutImpl: clock.setTimeout,
    clearTimeoutImpl: clock.clearTimeout,
    random,
    onStatus: (s) => statuses.push(s),
    ...extra,
  });
  return { WS, clock, store, socket, storage, statuses };
}

const hydrate = (state, token = "server_tok") => ({ type: "hydrate", token, state });

test("connects to the url with the token and reports connecting", () => {
  const { WS, socket, statuses } = setup();
  assert.equal(WS.instances.length, 1);
  assert.match(WS.latest().url, /^ws:\/\/test\.invalid\/_pyx\?token=[0-9a-f]{32}$/);
  assert.equal(socket.status, "connecting");
  assert.deepEqual(statuses, ["connecting"]);
});

test("a token is generated and stored when missing or malformed", () => {
  const storage = fakeStorage({ pyx_token: "bad token!" });
  const { WS, socket } = setup({ storage });
  assert.match(socket.token, /^[0-9a-f]{32}$/);
  assert.equal(storage.getItem("pyx_token"), socket.token);
  assert.equal(WS.latest().token, socket.token);
});

test("a stored token is reused", () => {
  const { WS } = setup({ storage: fakeStorage({ pyx_token: "keep_me-1" }) });
  assert.equal(WS.latest().token, "keep_me-1");
});

test("the token from hydrate replaces ours in storage", () => {
  const { WS, socket, storage } = setup({ storage: fakeStorage({ pyx_token: "mine" }) });
  WS.latest().serverOpen();
  WS.latest().serverSend(hydrate({}, "fromServer_2"));
  assert.equal(socket.token, "fromServer_2");
  assert.equal(storage.getItem("pyx_token"), "fromServer_2");
});

test("a malformed token from the server is not stored", () => {
  const { WS, socket, storage } = setup({ storage: fakeStorage({ pyx_token: "mine" }) });
  WS.latest().serverOpen();
  WS.latest().serverSend(hydrate({}, "no spaces allowed"));
  assert.equal(socket.token, "mine");
  assert.equal(storage.getItem("pyx_token"), "mine");
});

test("works when storage throws", () => {
  const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("denied"); } };
  const { socket } = setup({ storage: broken });
  assert.match(socket.token, /^[0-9a-f]{32}$/);
});

test("events fired before open are queued and sent in order after hydrate, ids increasing", () => {
  const { WS, socket } = setup();
  const ids = [socket.send("s.a", [1]), socket.send("s.b", []), socket.send("s.c", ["x", { k: 2 }])];
  assert.deepEqual(ids, [1, 2, 3]);
  const ws = WS.latest();
  assert.equal(socket.pending, 3);
  ws.serverOpen();
  assert.equal(socket.send("s.d", []), 4, "open but not hydrated: still queued");
  assert.deepEqual(ws.sent, [], "nothing before hydrate");
  ws.serverSend(hydrate({ s: { n: 0 } }));
  assert.deepEqual(ws.sent, [
    { id: 1, handler: "s.a", args: [1] },
    { id: 2, handler: "s.b", args: [] },
    { id: 3, handler: "s.c", args: ["x", { k: 2 }] },
    { id: 4, handler: "s.d", args: [] },
  ]);
  assert.equal(socket.send("s.e", []), 5);
  assert.deepEqual(ws.sent.at(-1), { id: 5, handler: "s.e", args: [] });
  assert.equal(socket.status, "open");
});

test("args are captured when sent, and bad args fail at the call site", () => {
  const { WS, socket } = setup();
  const args = [[1]];
  socket.send("s.a", args);
  args[0].push(2);
  assert.throws(() => socket.send("s.a", "not a list"), TypeError);
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => socket.send("s.a", [cyclic]), TypeError);
  WS.latest().serverOpen();
  WS.latest().serverSend(hydrate({}));
  assert.deepEqual(WS.latest().sent.map((f) => f.args), [[[1]]]);
});

test("delta frames update the store and settle pending events", () => {
  const { WS, socket, store } = setup();
  const ws = WS.latest();
  ws.serverOpen();
  ws.serverSend(hydrate({ s: { n: 0, m: "a" } }));
  const id = socket.send("s.inc", []);
  assert.equal(socket.pending, 1);
  ws.serverSend({ type: "delta", id, delta: { s: { n: 1 } } });
  assert.equal(store.get("s", "n"), 1);
  assert.equal(store.get("s", "m"), "a");
  assert.equal(socket.pending, 0);
});

test("hydrate replaces the store", () => {
  const { WS, store } = setup({ initial: { s: { n: 0, stale: 1 } } });
  WS.latest().serverOpen();
  WS.latest().serverSend(hydrate({ s: { n: 7 } }));
  assert.deepEqual(store.getState("s"), { n: 7 });
});

test("error frames are reported, apply their delta, and keep the socket working", (t) => {
  const error = t.mock.method(console, "error", () => {});
  const errors = [];
  const { WS, socket, store } = setup({ onError: (e) => errors.push(e) });
  const ws = WS.latest();
  ws.serverOpen();
  ws.serverSend(hydrate({ s: { n: 0 } }));
  const id = socket.send("s.bad", []);
  ws.serverSend({ type: "error", id, error: { code: "handler_failed", message: "ValueError: nope" }, delta: { s: { n: 5 } } });
  ws.serverSend({ type: "error", id: null, error: { code: "bad_json", message: "not JSON" } });
  assert.deepEqual(errors, [
    { id, code: "handler_failed", message: "ValueError: nope" },
    { id: null, code: "bad_json", message: "not JSON" },
  ]);
  assert.match(String(error.mock.calls[0].arguments[0]), /handler_failed: ValueError: nope/);
  assert.equal(store.get("s", "n"), 5);
  assert.equal(socket.pending, 0);
  assert.equal(socket.status, "open");
  socket.send("s.next", []);
  assert.equal(ws.sent.at(-1).handler, "s.next");
});

test("unknown frame types and non-JSON frames are ignored", (t) => {
  t.mock.method(console, "error", () => {});
  const { WS, socket, store } = setup();
  const ws = WS.latest();
  ws.serverOpen();
  ws.serverSend(hydrate({ s: { n: 1 } }));
  ws.serverSend({ type: "future_thing", delta: { s: { n: 99 } } });
  ws.serverSend("{not json");
  ws.serverSend("42");
  assert.equal(store.get("s", "n"), 1);
  assert.equal(socket.status, "open");
});

test("reconnects with exponential back-off and jitter, capped, reset after hydrate", () => {
  let r = 0;
  const { WS, clock, socket, statuses } = setup({ random: () => r, minDelay: 100, maxDelay: 500 });
  const delays = [];
  for (let i = 0; i < 5; i++) {
    WS.latest().serverDrop();
    assert.equal(socket.status, "closed");
    delays.push(...clock.pending());
    clock.runAll();
  }
  // random() = 0 gives half of each base: 100, 200, 400, 500 (cap), 500.
  assert.deepEqual(delays, [50, 100, 200, 250, 250]);
  assert.equal(WS.instances.length, 6);
  // A successful hydrate resets the back-off.
  WS.latest().serverOpen();
  WS.latest().serverSend(hydrate({}));
  WS.latest().serverDrop();
  r = 0.999;
  assert.ok(Math.abs(clock.pending()[0] - 50) < 1e-9, "still base 100, random 0 decided at schedule time");
  clock.runAll();
  WS.latest().serverDrop();
  assert.ok(clock.pending()[0] > 199 && clock.pending()[0] < 200, "jitter spreads up to the base");
  assert.deepEqual(statuses.slice(0, 3), ["connecting", "closed", "connecting"]);
});

test("a socket that fails to construct is retried", (t) => {
  t.mock.method(console, "error", () => {});
  let fail = true;
  const WS = fakeWebSocketClass();
  class Flaky extends WS {
    constructor(url) {
      if (fail) throw new Error("SyntaxError");
      super(url);
    }
  }
  const clock = fakeClock();
  const socket = createSocket({
    url: "ws://x.invalid/_pyx", store: createStore({}), storage: fakeStorage(),
    WebSocketImpl: Flaky, setTimeoutImpl: clock.setTimeout, clearTimeoutImpl: clock.clearTimeout,
  });
  assert.equal(socket.status, "closed");
  assert.equal(clock.pending().length, 1);
  fail = false;
  clock.runAll();
  assert.equal(socket.status, "connecting");
  assert.equal(WS.instances.length, 1);
});

test("after a reconnect the hydrate replaces the store and queued events follow it", () => {
  const { WS, clock, socket, store } = setup({ initial: {} });
  const first = WS.latest();
  first.serverOpen();
  first.serverSend(hydrate({ s: { n: 1, old: true } }));
  first.serverDrop();
  socket.send("s.queued", [1]);
  clock.runAll();
  const second = WS.latest();
  assert.notEqual(second, first);
  second.serverOpen();
  assert.deepEqual(second.sent, []);
  second.serverSend(hydrate({ s: { n: 2 } }));
  assert.deepEqual(store.getState("s"), { n: 2 });
  assert.deepEqual(second.sent, [{ id: 1, handler: "s.queued", args: [1] }]);
});

test("the reconnect uses the token the server gave", () => {
  const { WS, clock } = setup({ storage: fakeStorage({ pyx_token: "mine" }) });
  WS.latest().serverOpen();
  WS.latest().serverSend(hydrate({}, "assigned"));
  WS.latest().serverDrop();
  clock.runAll();
  assert.equal(WS.latest().token, "assigned");
});

test("events sent but unanswered when the connection drops are not resent", (t) => {
  const warn = t.mock.method(console, "warn", () => {});
  const { WS, clock, socket } = setup();
  const first = WS.latest();
  first.serverOpen();
  first.serverSend(hydrate({}));
  socket.send("s.a", []);
  socket.send("s.b", []);
  first.serverSend({ type: "delta", id: 1, delta: {} });
  first.serverDrop(); // s.b (id 2) was sent and never answered
  assert.equal(socket.pending, 0);
  assert.equal(warn.mock.callCount(), 1);
  clock.runAll();
  const second = WS.latest();
  second.serverOpen();
  second.serverSend(hydrate({}));
  socket.send("s.c", []);
  assert.deepEqual(second.sent, [{ id: 3, handler: "s.c", args: [] }]);
});

test("a frame from a replaced socket is ignored", () => {
  const { WS, clock, store } = setup();
  const first = WS.latest();
  first.serverOpen();
  first.serverSend(hydrate({ s: { n: 1 } }));
  first.serverDrop();
  clock.runAll();
  first.serverSend({ type: "delta", id: 9, delta: { s: { n: 42 } } });
  assert.equal(store.get("s", "n"), 1);
});

test("close() stops for good: no reconnect, no sends", (t) => {
  t.mock.method(console, "warn", () => {});
  const { WS, clock, socket } = setup();
  const ws = WS.latest();
  ws.serverOpen();
  ws.serverSend(hydrate({}));
  socket.close();
  assert.equal(ws.closedByClient, true);
  assert.equal(socket.status, "closed");
  ws.serverDrop();
  assert.deepEqual(clock.pending(), []);
  assert.equal(socket.send("s.a", []), null);
  assert.deepEqual(ws.sent, []);
  assert.equal(WS.instances.length, 1);
});

test("close() during back-off cancels the pending reconnect", () => {
  const { WS, clock, socket } = setup();
  WS.latest().serverDrop();
  assert.equal(clock.pending().length, 1);
  socket.close();
  assert.deepEqual(clock.pending(), []);
  assert.equal(WS.instances.length, 1);
});

test("frames marked final:false apply at once and leave the event pending until its answer", () => {
  const { WS, socket, store } = setup();
  const ws = WS.latest();
  ws.serverOpen();
  ws.serverSend(hydrate({ s: { progress: 0, items: ["a"] } }));
  const id = socket.send("s.run", []);
  ws.serverSend({ type: "delta", id, final: false, delta: { s: { progress: 50 } } });
  assert.equal(store.get("s", "progress"), 50);
  assert.equal(socket.pending, 1);
  ws.serverSend({ type: "delta", id, delta: { s: { progress: 100 } }, patch: { s: { items: { at: 1, add: ["b"] } } } });
  assert.equal(store.get("s", "progress"), 100);
  assert.deepEqual(store.get("s", "items"), ["a", "b"]);
  assert.equal(socket.pending, 0);
});

test("actions in a frame are performed with the injected environment", () => {
  const done = [];
  const actionEnv = { console: { log: (m) => done.push(m), error: (...a) => done.push(["error", ...a]) } };
  const { WS, socket } = setup({ actionEnv });
  const ws = WS.latest();
  ws.serverOpen();
  ws.serverSend(hydrate({}));
  const id = socket.send("s.h", []);
  ws.serverSend({ type: "delta", id, delta: {}, actions: [{ name: "console_log", args: { message: "hello" } }] });
  ws.serverSend({ type: "error", id: 99, error: { code: "handler_failed", message: "x" }, actions: [{ name: "console_log", args: { message: "also" } }] });
  assert.deepEqual(done.filter((d) => typeof d === "string"), ["hello", "also"]);
});

test("a list tail that does not fit re-syncs by reconnecting", (t) => {
  t.mock.method(console, "error", () => {});
  const { WS, clock, store } = setup();
  const first = WS.latest();
  first.serverOpen();
  first.serverSend(hydrate({ s: { items: [] } }));
  first.serverSend({ type: "delta", id: 1, delta: {}, patch: { s: { items: { at: 3, add: ["x"] } } } });
  assert.deepEqual(store.get("s", "items"), []);
  assert.equal(first.closedByClient, true);
  clock.runAll();
  const second = WS.latest();
  assert.notEqual(second, first);
  second.serverOpen();
  second.serverSend(hydrate({ s: { items: ["a", "b", "c", "x"] } }));
  assert.deepEqual(store.get("s", "items"), ["a", "b", "c", "x"]);
});

test("each connection asks for its hydrate with the route; only the first says load", () => {
  let where = { path: "/posts", query: "tag=py" };
  const { WS, clock } = setup({ route: () => where });
  const first = WS.latest();
  assert.deepEqual(first.hydrateRequests, []);
  first.serverOpen();
  assert.deepEqual(first.hydrateRequests, [{ type: "hydrate", load: true, route: { path: "/posts", query: "tag=py" } }]);
  first.serverDrop(); // before any hydrate: the next attempt is still the page's load
  clock.runAll();
  WS.latest().serverOpen();
  assert.equal(WS.latest().hydrateRequests[0].load, true);
  WS.latest().serverSend(hydrate({}));
  where = { path: "/about", query: "" };
  WS.latest().serverDrop();
  clock.runAll();
  WS.latest().serverOpen();
  assert.deepEqual(WS.latest().hydrateRequests, [{ type: "hydrate", load: false, route: { path: "/about", query: "" } }]);
});

test("a route that cannot be read sends / rather than no hydrate request", () => {
  const errors = [];
  const original = console.error;
  console.error = (...args) => errors.push(args);
  try {
    const { WS } = setup({ route: () => { throw new Error("no location"); } });
    WS.latest().serverOpen();
    assert.deepEqual(WS.latest().hydrateRequests[0].route, { path: "/", query: "" });
  } finally {
    console.error = original;
  }
  assert.equal(errors.length, 1);
});

test("navigate frames queue with events, in order, and settle like events", () => {
  const { WS, socket } = setup();
  const ids = [socket.navigate({ path: "/", query: "" }), socket.send("s.a", []), socket.navigate({ path: "/x", query: "q=1" })];
  assert.deepEqual(ids, [1, 2, 3]);
  const ws = WS.latest();
  ws.serverOpen();
  ws.serverSend(hydrate({ s: { n: 0 } }));
  assert.deepEqual(ws.sent, [
    { id: 1, type: "navigate", route: { path: "/", query: "" } },
    { id: 2, handler: "s.a", args: [] },
    { id: 3, type: "navigate", route: { path: "/x", query: "q=1" } },
  ]);
  ws.serverSend({ type: "delta", id: 1, final: false, delta: { s: { n: 1 } } });
  assert.equal(socket.pending, 3);
  ws.serverSend({ type: "delta", id: 1, delta: { s: { n: 2 } } });
  assert.equal(socket.pending, 2);
  socket.close();
  assert.equal(socket.navigate({ path: "/" }), null);
});

test("a hydrate that says the state was lost is reported once, and the store still takes it", (t) => {
  const error = t.mock.method(console, "error", () => {});
  const errors = [];
  const { WS, store } = setup({ onError: (e) => errors.push(e) });
  const ws = WS.latest();
  ws.serverOpen();
  ws.serverSend({ ...hydrate({ s: { n: 0 } }), lost: "restarted" });
  assert.deepEqual(errors, [
    { id: null, code: "state_lost", message: "this page's state was lost (the server restarted); it starts afresh", reason: "restarted" },
  ]);
  assert.match(String(error.mock.calls[0].arguments[0]), /state_lost/);
  assert.equal(store.get("s", "n"), 0);
  ws.serverSend(hydrate({ s: { n: 1 } }));
  assert.equal(errors.length, 1, "a hydrate without `lost` reports nothing");
});

test("a handler failure's error id reaches onError, and a --dev traceback the console", (t) => {
  const error = t.mock.method(console, "error", () => {});
  const errors = [];
  const { WS, socket } = setup({ onError: (e) => errors.push(e) });
  const ws = WS.latest();
  ws.serverOpen();
  ws.serverSend(hydrate({}));
  const id = socket.send("s.fail", []);
  ws.serverSend({ type: "error", id, error: { code: "handler_failed", message: "s.fail failed (error id ab12cd34)", error_id: "ab12cd34" } });
  ws.serverSend({ type: "error", id: null, error: { code: "handler_failed", message: "x raised E", error_id: "ffff0000", traceback: "Traceback (most recent call last):\n  boom" } });
  assert.deepEqual(errors[0], { id, code: "handler_failed", message: "s.fail failed (error id ab12cd34)", errorId: "ab12cd34" });
  assert.equal(errors[1].traceback, "Traceback (most recent call last):\n  boom");
  assert.match(String(error.mock.calls[1].arguments[0]), /x raised E\nTraceback \(most recent call last\):\n {2}boom/);
});
