// One token per tab: a duplicated tab (which starts with a copy of sessionStorage) gets its own,
// a reload of the same tab keeps its token.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createSocket } from "../src/socket.js";
import { createStore } from "../src/store.js";
import { fakeStorage, fakeWebSocketClass } from "../testing/fakes.js";

function pageEventsFake() {
  const listeners = {};
  return {
    addEventListener: (type, fn) => (listeners[type] ??= []).push(fn),
    fire: (type) => (listeners[type] ?? []).forEach((fn) => fn({})),
  };
}

function openPage(storage, pageEvents = pageEventsFake()) {
  const WS = fakeWebSocketClass();
  const socket = createSocket({ url: "ws://t.invalid/_pyx", store: createStore({}), storage, WebSocketImpl: WS, pageEvents });
  return { socket, pageEvents, WS };
}

test("a reload keeps the tab's token", () => {
  const storage = fakeStorage();
  const first = openPage(storage);
  const token = first.socket.token;
  first.pageEvents.fire("pagehide"); // the browser unloads the page before the reload
  const second = openPage(storage);
  assert.equal(second.socket.token, token);
  assert.equal(second.WS.latest().token, token);
});

test("a duplicated tab gets a token of its own", () => {
  const original = fakeStorage();
  const first = openPage(original);
  const copy = fakeStorage(Object.fromEntries(original.map)); // what tab duplication does
  const second = openPage(copy);
  assert.notEqual(second.socket.token, first.socket.token);
  assert.equal(copy.getItem("pyx_token"), second.socket.token);
  assert.equal(original.getItem("pyx_token"), first.socket.token); // the original is untouched
});

test("a page restored from the back/forward cache marks itself alive again", () => {
  const storage = fakeStorage();
  const first = openPage(storage);
  first.pageEvents.fire("pagehide");
  first.pageEvents.fire("pageshow");
  const copy = fakeStorage(Object.fromEntries(storage.map));
  assert.notEqual(openPage(copy).socket.token, first.socket.token);
});

test("without page events (not a browser) the token still persists", () => {
  const storage = fakeStorage({ pyx_token: "kept_token" });
  assert.equal(openPage(storage, {}).socket.token, "kept_token");
});
