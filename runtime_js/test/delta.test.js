import { test } from "node:test";
import assert from "node:assert/strict";
import { applyDelta, replaceState, jsonEqual } from "../src/delta.js";

function deepFreeze(x) {
  if (x && typeof x === "object") {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

test("applyDelta replaces changed vars whole and reports them", () => {
  const current = deepFreeze({ s: { a: 1, b: [1, 2], c: "x" } });
  const { next, changed } = applyDelta(current, deepFreeze({ s: { a: 2, b: [3] } }));
  assert.deepEqual(next, { s: { a: 2, b: [3], c: "x" } });
  assert.deepEqual(changed, [["s", "a"], ["s", "b"]]);
  assert.deepEqual(current, { s: { a: 1, b: [1, 2], c: "x" } }, "input untouched");
});

test("applyDelta reports nothing and returns the same object when values are equal", () => {
  const current = { s: { a: 1, list: [1, { k: "v" }] } };
  const { next, changed } = applyDelta(current, { s: { a: 1, list: [1, { k: "v" }] } });
  assert.equal(next, current);
  assert.deepEqual(changed, []);
});

test("applyDelta keeps unchanged vars' references and reports only the changed var", () => {
  const list = [1, 2];
  const current = { s: { list, n: 0 } };
  const { next, changed } = applyDelta(current, { s: { list: [1, 2], n: 1 } });
  assert.equal(next.s.list, list);
  assert.deepEqual(changed, [["s", "n"]]);
});

test("applyDelta adds new states and vars, including null values", () => {
  const { next, changed } = applyDelta({}, { t: { x: null } });
  assert.deepEqual(next, { t: { x: null } });
  assert.deepEqual(changed, [["t", "x"]]);
});

test("applyDelta leaves other states' objects shared", () => {
  const other = { z: 1 };
  const { next } = applyDelta({ s: { a: 1 }, other }, { s: { a: 2 } });
  assert.equal(next.other, other);
});

test("applyDelta ignores malformed entries", () => {
  const current = { s: { a: 1 } };
  assert.equal(applyDelta(current, { s: 5 }).next, current);
  assert.equal(applyDelta(current, null).next, current);
  assert.equal(applyDelta(current, [1]).next, current);
});

test("a var named __proto__ is data, not a prototype", () => {
  const { next } = applyDelta({}, JSON.parse('{"s": {"__proto__": {"polluted": true}}}'));
  assert.equal(Object.getPrototypeOf(next.s), Object.prototype);
  assert.deepEqual(next.s.__proto__, { polluted: true });
  assert.equal({}.polluted, undefined);
});

test("replaceState reports changed, added and removed vars, keeps equal values", () => {
  const keep = [1];
  const current = { s: { a: 1, keep, gone: 2 }, old: { x: 1 } };
  const { next, changed } = replaceState(current, { s: { a: 5, keep: [1], added: 3 } });
  assert.deepEqual(next, { s: { a: 5, keep: [1], added: 3 } });
  assert.equal(next.s.keep, keep);
  assert.deepEqual(
    changed.map((p) => p.join(".")).sort(),
    ["old.x", "s.a", "s.added", "s.gone"],
  );
});

test("replaceState with identical content changes nothing and keeps state objects", () => {
  const s = { a: 1, b: { c: [2] } };
  const { next, changed } = replaceState({ s }, { s: { a: 1, b: { c: [2] } } });
  assert.deepEqual(changed, []);
  assert.equal(next.s, s);
});

test("jsonEqual compares JSON values deeply", () => {
  assert.ok(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] }));
  assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: 2 }));
  assert.ok(!jsonEqual([1], { 0: 1 }));
  assert.ok(!jsonEqual(1, "1"));
  assert.ok(!jsonEqual({ a: undefined }, { b: undefined }));
});
