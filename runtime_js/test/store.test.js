import { test, mock } from "node:test";
import assert from "node:assert/strict";
import { createStore } from "../src/store.js";

test("get and getState read the initial state", () => {
  const store = createStore({ s: { a: 1 } });
  assert.equal(store.get("s", "a"), 1);
  assert.deepEqual(store.getState("s"), { a: 1 });
  assert.equal(store.get("s", "missing"), undefined);
  assert.equal(store.get("nope", "a"), undefined);
  assert.equal(store.get("s", "toString"), undefined, "no inherited properties");
});

test("apply notifies only listeners of vars whose value changed", () => {
  const store = createStore({ s: { a: 1, b: 2, list: [1] }, t: { a: 1 } });
  const calls = [];
  store.subscribe("s", "a", () => calls.push("s.a"));
  store.subscribe("s", "b", () => calls.push("s.b"));
  store.subscribe("s", "list", () => calls.push("s.list"));
  store.subscribe("t", "a", () => calls.push("t.a"));
  // b is in the delta with the same value; list arrives equal but as a new array.
  store.apply({ s: { a: 10, b: 2, list: [1] } });
  assert.deepEqual(calls, ["s.a"]);
  assert.equal(store.get("s", "a"), 10);
});

test("listeners see the new value when called", () => {
  const store = createStore({ s: { a: 1 } });
  let seen;
  store.subscribe("s", "a", () => (seen = store.get("s", "a")));
  store.apply({ s: { a: 2 } });
  assert.equal(seen, 2);
});

test("unsubscribe stops notifications", () => {
  const store = createStore({ s: { a: 1 } });
  const listener = mock.fn();
  const unsubscribe = store.subscribe("s", "a", listener);
  store.apply({ s: { a: 2 } });
  unsubscribe();
  store.apply({ s: { a: 3 } });
  assert.equal(listener.mock.callCount(), 1);
});

test("a listener can subscribe to a var that does not exist yet", () => {
  const store = createStore({});
  const listener = mock.fn();
  store.subscribe("s", "later", listener);
  store.apply({ s: { later: "here" } });
  assert.equal(listener.mock.callCount(), 1);
});

test("hydrate replaces everything and notifies changed and removed vars only", () => {
  const store = createStore({ s: { same: "x", changes: 1, goes: true }, old: { v: 1 } });
  const calls = [];
  for (const [state, name] of [["s", "same"], ["s", "changes"], ["s", "goes"], ["old", "v"], ["s", "added"]]) {
    store.subscribe(state, name, () => calls.push(`${state}.${name}`));
  }
  store.hydrate({ s: { same: "x", changes: 2, added: [] } });
  assert.deepEqual(calls.sort(), ["old.v", "s.added", "s.changes", "s.goes"]);
  assert.deepEqual(store.getState("s"), { same: "x", changes: 2, added: [] });
  assert.equal(store.getState("old"), undefined);
  assert.equal(store.get("s", "goes"), undefined);
});

test("one failing listener does not stop the others", (t) => {
  const error = t.mock.method(console, "error", () => {});
  const store = createStore({ s: { a: 1 } });
  const second = mock.fn();
  store.subscribe("s", "a", () => {
    throw new Error("boom");
  });
  store.subscribe("s", "a", second);
  store.apply({ s: { a: 2 } });
  assert.equal(second.mock.callCount(), 1);
  assert.equal(error.mock.callCount(), 1);
});

test("batch wraps each notification round, and is skipped when nothing changed", () => {
  const calls = [];
  const batch = (run) => {
    calls.push("batch start");
    run();
    calls.push("batch end");
  };
  const store = createStore({ s: { a: 1, b: 1, list: [1] } }, { batch });
  store.subscribe("s", "a", () => calls.push("s.a"));
  store.subscribe("s", "b", () => calls.push("s.b"));
  store.subscribe("s", "list", () => calls.push("s.list"));
  store.apply({ s: { a: 2, b: 2 } });
  assert.deepEqual(calls, ["batch start", "s.a", "s.b", "batch end"]);
  calls.length = 0;
  store.apply({ s: { a: 2 } }); // the same value: no round at all
  store.hydrate({ s: { a: 2, b: 2, list: [1] } });
  assert.deepEqual(calls, []);
  assert.deepEqual(store.patch({ s: { list: { at: 1, add: [2] } } }), []);
  assert.deepEqual(calls, ["batch start", "s.list", "batch end"]);
});
