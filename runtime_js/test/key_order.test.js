import { test } from "node:test";
import assert from "node:assert/strict";
import { applyDelta, jsonEqual, marks } from "../src/delta.js";
import { KEY_ORDER } from "../src/py/core.js";
import { createStore } from "../src/store.js";
import { applyFloatMarks, applyKeyOrders } from "../src/valueMarks.js"; // installs the marks
import * as $py from "../src/py.js";

// What Python shows for the same values is in the comments.
const keysOf = (d) => $py.dict_keys(d);
// A frame as the socket hands it over: marks first, then the store.
function receive(store, frame) {
  const parsed = JSON.parse(JSON.stringify(frame));
  marks.frame(parsed, store);
  if (parsed.type === "hydrate") store.hydrate(parsed.state);
  if (parsed.delta) store.apply(parsed.delta);
  if (parsed.patch) store.patch(parsed.patch);
}

test("a frame's key order puts a dict's keys back in Python's order", () => {
  const delta = JSON.parse('{"s": {"d": {"b": 1, "2": 2, "1": 3}, "rows": [{"a": 1}, {"10": 1, "9": 2}]}}');
  assert.deepEqual(Object.keys(delta.s.d), ["1", "2", "b"]); // what JSON.parse builds
  applyKeyOrders(delta, { s: { d: [[[], ["b", "2", "1"]]], rows: [[[1], ["10", "9"]]] } });
  assert.deepEqual(keysOf(delta.s.d), ["b", "2", "1"]); // list(d)
  assert.equal($py.str(delta.s.d), "{'b': 1, '2': 2, '1': 3}");
  assert.equal($py.str(delta.s.rows), "[{'a': 1}, {'10': 1, '9': 2}]");
  assert.equal(JSON.stringify(delta.s.d), '{"1":3,"2":2,"b":1}'); // the order is no enumerable key
  assert.equal($py.toJSON(delta.s.d), '{"b":1,"2":2,"1":3}'); // json.dumps(d)
});

test("paths that lead nowhere are skipped, not thrown on", () => {
  const delta = { s: { d: { a: 1 } } };
  applyKeyOrders(delta, { s: { d: [[["x", 3], ["2", "1"]]], gone: [[[], ["1"]]] }, t: { v: [[[], []]] } });
  applyFloatMarks(delta, { s: { d: [["a", "b"], [], "x"] } });
  assert.equal(delta.s.d[KEY_ORDER], undefined);
  assert.equal($py.isFloatItem(delta.s.d, "a"), false);
});

test("only the key order or a float's type changed: that is a change (the page prints it differently)", () => {
  const a = $py.dictFromEntries([["2", 1], ["1", 2]]);
  const b = $py.dictFromEntries([["1", 2], ["2", 1]]);
  assert.equal(jsonEqual(a, b), false);
  assert.equal(jsonEqual(a, $py.dictFromEntries([["2", 1], ["1", 2]])), true);
  assert.deepEqual(applyDelta({ s: { d: a } }, { s: { d: b } }).changed, [["s", "d"]]);
  const store = createStore({});
  receive(store, { type: "hydrate", state: { s: { rows: [{ price: 4 }] } } });
  const before = store.get("s", "rows");
  receive(store, { type: "delta", id: 1, delta: { s: { rows: [{ price: 4 }] } }, floats: { s: { rows: [[0, "price"]] } } });
  assert.notEqual(store.get("s", "rows"), before);
  assert.equal($py.str(store.get("s", "rows")), "[{'price': 4.0}]");
});

test("dict keys patches keep insertion order: new keys last, deleted ones gone", () => {
  const store = createStore({});
  receive(store, { type: "hydrate", state: { s: { d: { b: 1, 2: 2 } } }, order: { s: { d: [[[], ["b", "2"]]] } } });
  assert.deepEqual(keysOf(store.get("s", "d")), ["b", "2"]);
  receive(store, { type: "delta", id: 1, patch: { s: { d: { set: { 10: 5, 3: 6 }, del: ["b"] } } },
                   order: { s: { d: [[["set"], ["10", "3"]]] } } });
  assert.deepEqual(keysOf(store.get("s", "d")), ["2", "10", "3"]); // del d["b"]; d["10"] = 5; d["3"] = 6
  receive(store, { type: "delta", id: 2, patch: { s: { d: { set: { 2: 7 }, del: ["2", "10"] } } } });
  assert.deepEqual(keysOf(store.get("s", "d")), ["3", "2"]); // deleted and set again: last
  receive(store, { type: "delta", id: 3, patch: { s: { d: { set: { 1: 2 } } } } });
  assert.deepEqual(keysOf(store.get("s", "d")), ["3", "2", "1"]);
});

test("whole floats stay marked through list tails and dict keys", () => {
  const store = createStore({});
  receive(store, { type: "hydrate", state: { s: { items: [1.0, 2], row: { price: 4.0, qty: 2 } } },
                   floats: { s: { items: [[0]], row: [["price"]] } } });
  assert.equal($py.str(store.get("s", "items")), "[1.0, 2]");
  receive(store, { type: "delta", id: 1, patch: { s: { items: { at: 1, add: [5, 6.0] } } },
                   floats: { s: { items: [["add", 1]] } } });
  assert.equal($py.str(store.get("s", "items")), "[1.0, 5, 6.0]");
  receive(store, { type: "delta", id: 2, patch: { s: { items: { at: 3, add: [7] } } } });
  assert.equal($py.str(store.get("s", "items")), "[1.0, 5, 6.0, 7]"); // held marks kept
  receive(store, { type: "delta", id: 3, patch: { s: { row: { set: { price: 4 } } } } });
  assert.equal($py.str(store.get("s", "row")), "{'price': 4, 'qty': 2}"); // set again as an int
  assert.equal($py.isFloatItem(store.get("s", "row"), "price"), false);
});

test("vars declared float that hold an int, by frame", () => {
  const store = createStore({});
  receive(store, { type: "hydrate", state: { s: { total: 0, other: 1 } }, ints: { s: ["total"] } });
  assert.equal($py.isIntVar("s", "total"), true);
  receive(store, { type: "delta", id: 1, delta: { s: { other: 2 } } });
  assert.equal($py.isIntVar("s", "total"), true); // not in this delta: unchanged
  receive(store, { type: "delta", id: 2, delta: { s: { total: 0.5 } } });
  assert.equal($py.isIntVar("s", "total"), false);
});

test("dicts built by page code keep their insertion order", () => {
  assert.deepEqual(keysOf($py.dictFromEntries([["5", 1], ["a", 2], ["5", 3], ["0", 4]])), ["5", "a", "0"]);
  assert.equal($py.str($py.dictFromEntries([["5", 1], ["a", 2], ["5", 3]])), "{'5': 3, 'a': 2}");
  const merged = $py.dictMerge($py.dictFromEntries([["9", 1], ["8", 2]]), { x: 3 }, $py.dictFromEntries([["0", 4]]));
  assert.deepEqual(keysOf(merged), ["9", "8", "x", "0"]); // {**a, **b, **c}
  assert.deepEqual($py.dict_items($py.dict_copy(merged)).map(([k]) => k), ["9", "8", "x", "0"]);
  assert.deepEqual($py.list_(merged), ["9", "8", "x", "0"]);
  const plain = $py.dictFromEntries([["a", 1], ["b", 2]]);
  assert.equal(plain[KEY_ORDER], undefined); // no integer-like key: nothing to record
  const proto = $py.dictFromEntries([["__proto__", 1]]);
  assert.deepEqual(Object.keys(proto), ["__proto__"]);
});
