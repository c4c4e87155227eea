import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement as h, useState } from "react";
import { renderToString } from "react-dom/server";
import { useVar, useEvent } from "../src/react.js";
import { setRuntime } from "../src/runtime.js";
import { createStore } from "../src/store.js";

function fakeSocket() {
  const sent = [];
  return { sent, send: (handler, args) => sent.push([handler, args]) };
}

function Username() {
  const username = useVar("github_state", "username");
  return h("b", null, username);
}

test("useVar renders the store's current value", () => {
  const store = createStore({ github_state: { username: "reflex-dev" } });
  setRuntime({ store, socket: fakeSocket() });
  assert.equal(renderToString(h(Username)), "<b>reflex-dev</b>");
  store.apply({ github_state: { username: "octocat" } });
  assert.equal(renderToString(h(Username)), "<b>octocat</b>");
});

test("useVar of a missing var renders nothing", () => {
  setRuntime({ store: createStore({}), socket: fakeSocket() });
  assert.equal(renderToString(h(Username)), "<b></b>");
});

test("hooks explain a missing start()", (t) => {
  t.mock.method(console, "error", () => {});
  setRuntime(null);
  assert.throws(() => renderToString(h(Username)), /runtime not started/);
});

test("useEvent sends the handler name and the arguments, without DOM events", () => {
  const socket = fakeSocket();
  setRuntime({ store: createStore({}), socket });
  let send;
  function Capture() {
    send = useEvent("github_state.set_username");
    return null;
  }
  renderToString(h(Capture));
  send("octocat", 2);
  const syntheticEvent = { nativeEvent: {}, target: {}, preventDefault() {} };
  send(syntheticEvent);
  assert.deepEqual(socket.sent, [
    ["github_state.set_username", ["octocat", 2]],
    ["github_state.set_username", []],
  ]);
});

test("useEvent returns the same callback across re-renders", () => {
  setRuntime({ store: createStore({}), socket: fakeSocket() });
  const seen = [];
  function Twice() {
    const [pass, setPass] = useState(0);
    seen.push(useEvent("s.h"));
    if (pass === 0) setPass(1); // render-phase update: React re-runs this component at once
    return null;
  }
  renderToString(h(Twice));
  assert.equal(seen.length, 2);
  assert.equal(seen[0], seen[1]);
});

test("useEvent uses the socket current when the event fires", () => {
  setRuntime({ store: createStore({}), socket: fakeSocket() });
  let send;
  function Capture() {
    send = useEvent("s.h");
    return null;
  }
  renderToString(h(Capture));
  const later = fakeSocket();
  setRuntime({ store: createStore({}), socket: later });
  send(1);
  assert.deepEqual(later.sent, [["s.h", [1]]]);
});
