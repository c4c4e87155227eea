import { test } from "node:test";
import assert from "node:assert/strict";
import { applyDelta, applyFloatMarks, applyKeyOrders, applyPatch, jsonEqual } from "../src/delta.js";
import { KEY_ORDER } from "../src/py/core.js";
import * as $py from "../src/py.js";

// What Python shows for the same dicts is in the comments.
const keysOf = (d) => $py.dict_keys(d);

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
  assert.equal(delta.s.d[KEY_ORDER], undefined);
});

test("only the key order changed: that is a change (the page prints it differently)", () => {
  const a = $py.dictFromEntries([["2", 1], ["1", 2]]);
  const b = $py.dictFromEntries([["1", 2], ["2", 1]]);
  assert.equal(jsonEqual(a, b), false);
  assert.equal(jsonEqual(a, $py.dictFromEntries([["2", 1], ["1", 2]])), true);
  const { changed } = applyDelta({ s: { d: a } }, { s: { d: b } });
  assert.deepEqual(changed, [["s", "d"]]);
});

test("dict keys patches keep insertion order: new keys last, deleted ones gone", () => {
  const held = $py.dictFromEntries([["b", 1], ["2", 2]]);
  const set = JSON.parse('{"10": 5, "3": 6}');
  applyKeyOrders({ s: { d: { set } } }, { s: { d: [[["set"], ["10", "3"]]] } });
  const { next } = applyPatch({ s: { d: held } }, { s: { d: { set, del: ["b"] } } });
  assert.deepEqual(keysOf(next.s.d), ["2", "10", "3"]); // del d["b"]; d["10"] = 5; d["3"] = 6
  const again = applyPatch(next, { s: { d: { del: ["2", "10"] } } }).next;
  assert.deepEqual(keysOf(again.s.d), ["3"]);
  assert.deepEqual(keysOf(applyPatch({ s: { d: { x: 1 } } }, { s: { d: { set: { 1: 2 } } } }).next.s.d), ["x", "1"]);
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

test("a frame's whole floats mark their lists and dicts, through patches and copies", () => {
  const delta = JSON.parse('{"s": {"rows": [{"price": 4.0, "qty": 2}], "items": [1.0, 2]}}');
  applyFloatMarks(delta, { s: { rows: [[0, "price"]], items: [[0]], gone: [[1]] } });
  const row = delta.s.rows[0];
  assert.equal($py.isFloatItem(row, "price"), true);
  assert.equal($py.isFloatItem(row, "qty"), false);
  assert.equal($py.str(delta.s.items), "[1.0, 2]"); // print(items)
  assert.equal($py.isFloatItem(delta.s.items, -2), true);
  // untyped here; the compiler passes the pairs' tuple type
  assert.equal($py.str($py.dict_items(row)), "[['price', 4.0], ['qty', 2]]");
  // 4 and 4.0 print differently: the same JSON with other marks is a change
  const again = JSON.parse('{"s": {"rows": [{"price": 4, "qty": 2}], "items": [1, 2]}}');
  const { changed } = applyDelta({ s: delta.s }, again);
  assert.deepEqual(changed, [["s", "rows"], ["s", "items"]]);
  // a list tail keeps the held marks before `at` and shifts the new ones
  const tail = { at: 1, add: [5, 6] };
  applyFloatMarks({ s: { items: tail } }, { s: { items: [["add", 1]] } });
  const { next } = applyPatch({ s: { items: delta.s.items } }, { s: { items: tail } });
  assert.equal($py.str(next.s.items), "[1.0, 5, 6.0]");
  // dict keys: a key set again as an int loses its mark
  const set = { price: 4 };
  const dict = applyPatch({ s: { row } }, { s: { row: { set } } }).next.s.row;
  assert.equal($py.isFloatItem(dict, "price"), false);
});
