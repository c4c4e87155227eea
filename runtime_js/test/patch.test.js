import { test } from "node:test";
import assert from "node:assert/strict";
import { applyPatch } from "../src/delta.js";
import { createStore } from "../src/store.js";

const frozen = (x) => JSON.parse(JSON.stringify(x), (_k, v) => (v && typeof v === "object" ? Object.freeze(v) : v));

test("a tail appends to the list and leaves the input untouched", () => {
  const current = frozen({ s: { items: ["a", "b"], n: 1 } });
  const { next, changed, problems } = applyPatch(current, { s: { items: { at: 2, add: ["c"] } } });
  assert.deepEqual(next, { s: { items: ["a", "b", "c"], n: 1 } });
  assert.deepEqual(changed, [["s", "items"]]);
  assert.deepEqual(problems, []);
  assert.deepEqual(current.s.items, ["a", "b"]);
  assert.equal(next.s.n, current.s.n);
});

test("a tail below the end replaces from there (pop, then append)", () => {
  const { next } = applyPatch({ s: { items: [1, 2, 3] } }, { s: { items: { at: 1, add: [9] } } });
  assert.deepEqual(next.s.items, [1, 9]);
  const popped = applyPatch({ s: { items: [1, 2, 3] } }, { s: { items: { at: 2, add: [] } } });
  assert.deepEqual(popped.next.s.items, [1, 2]);
});

test("an empty tail at the end changes nothing", () => {
  const current = { s: { items: [1] } };
  const { next, changed } = applyPatch(current, { s: { items: { at: 1, add: [] } } });
  assert.equal(next, current);
  assert.deepEqual(changed, []);
});

test("a tail that does not fit is a problem and changes nothing", () => {
  const current = { s: { items: [1], text: "x" } };
  for (const tail of [{ at: 5, add: [] }, { at: -1, add: [] }, { at: 1.5, add: [] }, { at: 0, add: "no" }]) {
    const { next, problems } = applyPatch(current, { s: { items: tail } });
    assert.equal(next, current);
    assert.equal(problems.length, 1);
  }
  const { problems } = applyPatch(current, { s: { text: { at: 0, add: [] }, missing: { at: 0, add: [1] } } });
  assert.equal(problems.length, 2);
  assert.match(problems[0], /s\.text/);
});

test("the store notifies only the patched var's listeners", () => {
  const store = createStore({ s: { items: [1], other: 0 } });
  const calls = [];
  store.subscribe("s", "items", () => calls.push("items"));
  store.subscribe("s", "other", () => calls.push("other"));
  assert.deepEqual(store.patch({ s: { items: { at: 1, add: [2] } } }), []);
  assert.deepEqual(store.get("s", "items"), [1, 2]);
  assert.deepEqual(calls, ["items"]);
});

test("dict keys: deleted, then set in order, a new or re-inserted key last", () => {
  const current = frozen({ s: { scores: { a: 1, b: 2, c: 3 }, n: 0 } });
  const { next, changed, problems } = applyPatch(current, { s: { scores: { set: { b: 20, d: 4, a: 1 }, del: ["a", "c"] } } });
  assert.deepEqual(problems, []);
  assert.deepEqual(changed, [["s", "scores"]]);
  assert.deepEqual(Object.entries(next.s.scores), [["b", 20], ["d", 4], ["a", 1]]);
  assert.deepEqual(current.s.scores, { a: 1, b: 2, c: 3 });
  assert.equal(next.s.n, current.s.n);
});

test("dict keys: only set, or only del; non-string keys as JSON gives them", () => {
  const { next } = applyPatch({ s: { d: { x: [1], y: 2 } } }, { s: { d: { set: { y: 3 } } } });
  assert.deepEqual(Object.entries(next.s.d), [["x", [1]], ["y", 3]]);
  const deleted = applyPatch({ s: { d: { 1: "one", two: 2 } } }, { s: { d: { del: [1] } } });
  assert.deepEqual(deleted.next.s.d, { two: 2 });
});

test("dict keys that change nothing keep the var's reference", () => {
  const current = { s: { d: { x: { deep: 1 } } } };
  const { next, changed } = applyPatch(current, { s: { d: { set: { x: { deep: 1 } }, del: ["gone"] } } });
  assert.equal(next, current);
  assert.deepEqual(changed, []);
});

test("dict keys that do not fit are a problem and change nothing", () => {
  const current = { s: { list: [1], text: "x", nothing: null, d: {} } };
  const patch = { s: { list: { set: { a: 1 } }, text: { del: ["a"] }, nothing: { set: {} }, d: { set: [1] }, other: { at: 0, add: [] } } };
  const { next, problems } = applyPatch(current, patch);
  assert.equal(next, current);
  assert.equal(problems.length, 5);
  assert.match(problems[0], /s\.list: dict keys do not fit a list/);
});

test("the store applies dict keys and notifies that var's listeners", () => {
  const store = createStore({ s: { d: { a: 1 }, other: 0 } });
  const calls = [];
  store.subscribe("s", "d", () => calls.push("d"));
  store.subscribe("s", "other", () => calls.push("other"));
  assert.deepEqual(store.patch({ s: { d: { set: { b: 2 } } } }), []);
  assert.deepEqual(store.get("s", "d"), { a: 1, b: 2 });
  assert.deepEqual(calls, ["d"]);
});
