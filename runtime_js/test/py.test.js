import { test } from "node:test";
import assert from "node:assert/strict";
import { str, truthy, floatRepr, pyRepr } from "../src/py.js";

// Expected strings are what CPython 3 prints.
test("str of None, booleans and strings", () => {
  assert.equal(str(null), "None");
  assert.equal(str(undefined), "None");
  assert.equal(str(true), "True");
  assert.equal(str(false), "False");
  assert.equal(str("plain 'text'"), "plain 'text'");
  assert.equal(str(""), "");
});

test("str of integral numbers: the int rule (JS cannot tell 1 from 1.0)", () => {
  assert.equal(str(0), "0");
  assert.equal(str(-0), "0");
  assert.equal(str(42), "42");
  assert.equal(str(-7), "-7");
  assert.equal(str(1.0), "1"); // documented: Python would print "1.0" for a float
  assert.equal(str(100), "100");
  assert.equal(str(Number.MAX_SAFE_INTEGER), "9007199254740991");
  assert.equal(str(10n ** 20n), "100000000000000000000");
});

test("str of non-integral or huge numbers matches Python's float repr", () => {
  const cases = [
    [0.1, "0.1"],
    [-2.5, "-2.5"],
    [123.456, "123.456"],
    [0.30000000000000004, "0.30000000000000004"],
    [1 / 3, "0.3333333333333333"],
    [0.0001, "0.0001"],
    [1e-5, "1e-05"],
    [1.5e-7, "1.5e-07"],
    [5e-324, "5e-324"],
    [1e15 + 0.5, "1000000000000000.5"],
    [1234567890123456.7, "1234567890123456.8"],
    [2 ** 53, "9007199254740992.0"],
    [1e16, "1e+16"],
    [1e22, "1e+22"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [NaN, "nan"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
  ];
  for (const [x, want] of cases) assert.equal(str(x), want, `str(${x})`);
});

test("floatRepr always prints a float, for values the compiler knows are floats", () => {
  assert.equal(floatRepr(1), "1.0");
  assert.equal(floatRepr(100), "100.0");
  assert.equal(floatRepr(0), "0.0");
  assert.equal(floatRepr(-0), "-0.0");
  assert.equal(floatRepr(1e16), "1e+16");
  assert.equal(floatRepr(1234567890123456), "1234567890123456.0");
});

test("str of lists and dicts uses Python's repr for the items", () => {
  assert.equal(str([1, "a", null, true, [2.5, {}], { k: "v" }]), "[1, 'a', None, True, [2.5, {}], {'k': 'v'}]");
  assert.equal(str({ a: 1, b: [1, 2], c: { d: null } }), "{'a': 1, 'b': [1, 2], 'c': {'d': None}}");
  assert.equal(str([]), "[]");
  assert.equal(str({}), "{}");
  assert.equal(str(new Set()), "set()");
  assert.equal(str(new Set([1, 2])), "{1, 2}");
  assert.equal(str(new Map([["k", 1]])), "{'k': 1}");
});

test("string items are quoted and escaped like Python's repr", () => {
  assert.equal(str(["it's"]), `["it's"]`);
  assert.equal(str(['say "hi"']), `['say "hi"']`);
  assert.equal(str([`both ' and "`]), `['both \\' and "']`);
  assert.equal(str(["tab\there\nnl\\ back"]), "['tab\\there\\nnl\\\\ back']");
  assert.equal(pyRepr("\x00\x7f\xa0\xad é 😀 \u2028"), "'\\x00\\x7f\\xa0\\xad é 😀 \\u2028'");
});

test("recursive containers print like Python", () => {
  const a = [1];
  a.push(a);
  assert.equal(str(a), "[1, [...]]");
  const d = { k: 1 };
  d.self = d;
  assert.equal(str(d), "{'k': 1, 'self': {...}}");
  const shared = [1];
  assert.equal(str([shared, shared]), "[[1], [1]]", "a repeated (non-cyclic) item prints in full");
});

test("truthy follows Python's bool()", () => {
  const falsy = [[], {}, "", 0, -0, 0n, null, undefined, false, new Map(), new Set()];
  const truthyValues = ["0", " ", "False", [0], { a: 0 }, 1, -1, 0.5, NaN, 1n, true, new Map([[1, 1]]), new Set([0]), () => 0, new Date(0)];
  for (const x of falsy) assert.equal(truthy(x), false, `truthy(${pyRepr(x)})`);
  for (const x of truthyValues) assert.equal(truthy(x), true, `truthy(${String(x)})`);
});
