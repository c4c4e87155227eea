import { test } from "node:test";
import assert from "node:assert/strict";
import { cookieString, createClientStorage, encodeStored } from "../src/clientStorage.js";
import { createSocket } from "../src/socket.js";
import { createStore } from "../src/store.js";
import { fakeClock, fakeStorage, fakeWebSocketClass } from "../testing/fakes.js";

const SPEC = {
  prefs: {
    theme: { kind: "local", name: "prefs.theme", raw: true, default: "light", sync: true },
    size: { kind: "local", name: "size", raw: false, default: "12" },
    seen: { kind: "session", name: "prefs.seen", raw: false, default: "[]" },
    user: { kind: "cookie", name: "user", raw: true, default: "", max_age: 60, path: "/", same_site: "strict", secure: true },
  },
};

// A document whose cookie property behaves as the browser's: writes set one cookie each.
function fakeDocument(initial = {}) {
  const jar = new Map(Object.entries(initial));
  const writes = [];
  return {
    writes,
    jar,
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    },
    set cookie(text) {
      writes.push(text);
      const [pair, ...attrs] = text.split("; ");
      const eq = pair.indexOf("=");
      const key = decodeURIComponent(pair.slice(0, eq));
      if (attrs.includes("max-age=0")) jar.delete(key);
      else jar.set(key, pair.slice(eq + 1));
    },
  };
}

function fakeEnv({ local = {}, session = {}, cookies = {} } = {}) {
  const target = new EventTarget();
  const errors = [];
  return {
    document: fakeDocument(cookies),
    localStorage: fakeStorage(local),
    sessionStorage: fakeStorage(session),
    window: { addEventListener: target.addEventListener.bind(target), removeEventListener: target.removeEventListener.bind(target), target },
    console: { error: (...args) => errors.push(args) },
    errors,
  };
}

function storageEvent(key, newValue, storageArea) {
  const event = new Event("storage");
  Object.assign(event, { key, newValue, storageArea });
  return event;
}

test("str vars are stored as their text, everything else as JSON", () => {
  assert.equal(encodeStored("dark", true), "dark");
  assert.equal(encodeStored("dark", false), '"dark"');
  assert.equal(encodeStored(12, false), "12");
  assert.equal(encodeStored([1, "a"], false), '[1,"a"]');
  assert.equal(encodeStored(null, true), null);
});

test("cookie strings carry the options; null removes", () => {
  assert.equal(cookieString("a b", "x;y", { max_age: 60, same_site: "strict", secure: true, domain: "ex.com", path: "/app" }),
    "a%20b=x%3By; path=/app; max-age=60; domain=ex.com; samesite=strict; secure");
  assert.equal(cookieString("user", null, {}), "user=; path=/; max-age=0; samesite=lax");
});

test("read gathers what is stored, by state and var, leaving out what is not", () => {
  const env = fakeEnv({ local: { "prefs.theme": "dark" }, session: { "prefs.seen": "[1]" }, cookies: { other: "1", user: "ada%20l" } });
  assert.deepEqual(createClientStorage(SPEC, env).read(), { prefs: { theme: "dark", seen: "[1]", user: "ada l" } });
  assert.deepEqual(createClientStorage(SPEC, fakeEnv()).read(), {});
});

test("persist writes the vars a frame changed, skipping unchanged values", () => {
  const env = fakeEnv({ local: { size: "12" } });
  const storage = createClientStorage(SPEC, env);
  const store = createStore({ prefs: { theme: "dark", size: 12, seen: [1, 2], user: "ada" } });
  storage.persist({ delta: { prefs: { theme: "dark", size: 12, user: "ada" } }, patch: { prefs: { seen: { at: 1, add: [2] } } } }, store);
  assert.equal(env.localStorage.getItem("prefs.theme"), "dark");
  assert.equal(env.localStorage.getItem("size"), "12");
  assert.equal(env.sessionStorage.getItem("prefs.seen"), "[1,2]");
  assert.deepEqual(env.document.writes, ["user=ada; path=/; max-age=60; samesite=strict; secure"]);
  storage.persist({ delta: { prefs: { user: "ada" } } }, store);
  assert.equal(env.document.writes.length, 1, "same cookie value: not written again");
  storage.persist({ delta: { other: { theme: "x" } } }, store);
  assert.equal(env.localStorage.getItem("prefs.theme"), "dark");
});

test("persistAll after a hydrate writes what differs but never stores an untouched default", () => {
  const env = fakeEnv({ local: { "prefs.theme": "dark" } });
  const storage = createClientStorage(SPEC, env);
  const store = createStore({ prefs: { theme: "light", size: 12, seen: [], user: "" } });
  storage.persistAll(store);
  assert.equal(env.localStorage.getItem("prefs.theme"), "light", "stored and different: the server's value wins");
  assert.equal(env.localStorage.getItem("size"), null, "nothing stored and the default: left unstored");
  assert.deepEqual(env.document.writes, []);
  store.apply({ prefs: { size: 14 } });
  storage.persistAll(store);
  assert.equal(env.localStorage.getItem("size"), "14");
});

test("a storage that throws is reported, not fatal", () => {
  const env = fakeEnv();
  env.localStorage = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("denied"); } };
  const storage = createClientStorage(SPEC, env);
  assert.deepEqual(storage.read(), {});
  storage.persist({ delta: { prefs: { theme: "x" } } }, createStore({ prefs: { theme: "x" } }));
  assert.equal(env.errors.length, 3); // two reads (theme, size) and one write
});

test("listen reports other tabs' changes to synced localStorage vars only", () => {
  const env = fakeEnv();
  const seen = [];
  const stop = createClientStorage(SPEC, env).listen((values) => seen.push(values));
  env.window.target.dispatchEvent(storageEvent("prefs.theme", "dark", env.localStorage));
  env.window.target.dispatchEvent(storageEvent("size", "14", env.localStorage)); // not synced
  env.window.target.dispatchEvent(storageEvent("prefs.theme", "x", env.sessionStorage)); // another area
  env.window.target.dispatchEvent(storageEvent(null, null, env.localStorage)); // localStorage.clear()
  stop();
  env.window.target.dispatchEvent(storageEvent("prefs.theme", "late", env.localStorage));
  assert.deepEqual(seen, [{ prefs: { theme: "dark" } }, { prefs: { theme: null } }]);
});

test("the socket sends stored values with the hydrate request, writes deltas back, and queues storage frames", () => {
  const env = fakeEnv({ local: { "prefs.theme": "dark" } });
  const clientStorage = createClientStorage(SPEC, env);
  const WS = fakeWebSocketClass();
  const clock = fakeClock();
  const store = createStore({ prefs: { theme: "light", size: 12, seen: [], user: "" } });
  const socket = createSocket({
    url: "ws://test.invalid/_pyx", store, storage: fakeStorage(), WebSocketImpl: WS, clientStorage,
    setTimeoutImpl: clock.setTimeout, clearTimeoutImpl: clock.clearTimeout, random: () => 0,
  });
  const ws = WS.latest();
  ws.serverOpen();
  assert.deepEqual(ws.hydrateRequests[0].storage, { prefs: { theme: "dark" } });
  ws.serverSend({ type: "hydrate", token: "t", state: { prefs: { theme: "dark", size: 12, seen: [], user: "" } } });
  const id = socket.send("prefs.set_size", [20]);
  ws.serverSend({ type: "delta", id, delta: { prefs: { size: 20 } } });
  assert.equal(env.localStorage.getItem("size"), "20");
  assert.equal(socket.storageChanged({ prefs: { theme: "blue" } }), 2);
  assert.deepEqual(ws.sent.at(-1), { id: 2, type: "storage", values: { prefs: { theme: "blue" } } });
});
