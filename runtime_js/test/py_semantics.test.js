import { test } from "node:test";
import assert from "node:assert/strict";
import * as $py from "../src/py.js";

// Expected values are what CPython 3.11 gives; the differential suite in
// tests/runtime_js/test_py_differential.py checks the same helpers on generated inputs.
const raises = (fn, type) => assert.throws(fn, (e) => $py.errorType(e) === type, `expected ${type}`);

test("errors: PyError and errorType", () => {
  const e = new $py.PyError("KeyError", "'k'");
  assert.equal(e.name, "KeyError");
  assert.equal($py.errorType(e), "KeyError");
  assert.equal($py.errorType(new TypeError("x")), "TypeError");
  assert.equal($py.errorType(new RangeError("x")), "ValueError");
  assert.equal($py.errorType("boom"), "Exception");
  assert.equal($py.checkInt(2 ** 53 - 1), 2 ** 53 - 1);
  raises(() => $py.checkInt(2 ** 53), "OverflowError");
});

test("str/pyRepr with type descriptors", () => {
  assert.equal($py.str(1, "float"), "1.0");
  assert.equal($py.str([1, 2], ["list", "float"]), "[1.0, 2.0]");
  assert.equal($py.str([1, 2], ["tuple", ["int", "float"]]), "(1, 2.0)");
  assert.equal($py.str([1], ["tuple*", "int"]), "(1,)");
  assert.equal($py.str({ a: 1 }, ["dict", "str", "float"]), "{'a': 1.0}");
  assert.equal($py.str(null, ["opt", "float"]), "None");
  assert.equal($py.str(3, ["opt", "float"]), "3.0");
  assert.equal($py.pyRepr("a"), "'a'");
});

test("format and fstring", () => {
  const cases = [
    [1.5, "", undefined, "1.5"], [1, "", "float", "1.0"], [1234567, ",", undefined, "1,234,567"],
    [1234, "09,", undefined, "0,001,234"], [255, "#x", undefined, "0xff"], [255, "_b", undefined, "1111_1111"],
    [0.125, ".2f", undefined, "0.12"], [2.675, ".2f", undefined, "2.67"], [1e16, "", undefined, "1e+16"],
    [123, ".3", "float", "1.23e+02"], [0.5, "%", undefined, "50.000000%"], [-0.0001, "z.2f", undefined, "0.00"],
    [-12, "*=8", undefined, "-*****12"], ["ab", "^6", undefined, "  ab  "], ["abc", ".2", undefined, "ab"],
    [true, "", undefined, "True"], [true, "d", undefined, "1"], [65, "c", undefined, "A"],
    [1e-7, "g", undefined, "1e-07"], [123456789, "e", undefined, "1.234568e+08"], [NaN, "+", undefined, "+nan"],
  ];
  for (const [v, spec, T, want] of cases) assert.equal($py.format(v, spec, T), want, `format(${v}, ${spec})`);
  raises(() => $py.format("a", "d"), "ValueError");
  raises(() => $py.format(null, "5"), "TypeError");
  raises(() => $py.format(1, ".2"), "ValueError");
  assert.equal($py.fstring("a", "r", ">5"), "  'a'");
  assert.equal($py.fstring("é", "a"), "'\\xe9'");
  assert.equal($py.fstring(2, null, ".1f", "float"), "2.0");
});

test("arithmetic", () => {
  assert.equal($py.add(true, 1), 2);
  assert.equal($py.add("a", "b"), "ab");
  assert.deepEqual($py.add([1], [2]), [1, 2]);
  raises(() => $py.add("a", 1), "TypeError");
  raises(() => $py.add(2 ** 52, 2 ** 52), "OverflowError");
  assert.equal($py.sub(5, true), 4);
  assert.equal($py.mul("ab", 2), "abab");
  assert.deepEqual($py.mul(2, [0]), [0, 0]);
  assert.deepEqual($py.mul([1], -1), []);
  assert.equal($py.mul(1e308, 10), Infinity);
  assert.equal($py.truediv(7, 2), 3.5);
  raises(() => $py.truediv(1, 0), "ZeroDivisionError");
  assert.equal($py.floordiv(7, 2), 3);
  assert.equal($py.floordiv(-7, 2), -4);
  assert.equal($py.floordiv(7.5, 2), 3);
  assert.equal($py.mod(7, -2), -1);
  assert.equal($py.mod(-7.5, 2), 0.5);
  raises(() => $py.mod(1, 0), "ZeroDivisionError");
  assert.equal($py.pow(2, 10), 1024);
  assert.equal($py.pow(2, -1), 0.5);
  raises(() => $py.pow(0, -1), "ZeroDivisionError");
  raises(() => $py.pow(-8, 1 / 3), "ValueError");
  raises(() => $py.pow(2, 60), "OverflowError");
  raises(() => $py.pow(10.5, 400), "OverflowError");
  assert.equal($py.neg(true), -1);
  assert.equal($py.pos(false), 0);
  assert.equal($py.invert(5), -6);
  raises(() => $py.invert(1.5), "TypeError");
  assert.equal($py.tilde(true), false); // Reflex's ~State.flag
  assert.equal($py.tilde(false), true);
  assert.equal($py.tilde(5), -6);
  raises(() => $py.tilde("a"), "TypeError");
});

test("comparisons and contains", () => {
  assert.ok($py.eq(1, 1.0) && $py.eq(1, true) && $py.eq([1, [2]], [1, [2]]) && $py.eq({ a: 1 }, { a: true }));
  assert.ok($py.ne("1", 1) && $py.ne(null, 0));
  assert.ok($py.lt("a", "b") && $py.lt("\uffff", "😀") && $py.lt([1, 2], [1, 3]) && $py.lt([1], [1, 0]));
  assert.ok($py.le(1, 1) && $py.gt(2, true) && $py.ge("b", "a"));
  raises(() => $py.lt("a", 1), "TypeError");
  assert.throws(() => $py.lt("a", 1), { message: "'<' not supported between instances of 'str' and 'int'" });
  assert.ok($py.contains("abc", "bc") && $py.contains([1, 2], 2.0) && $py.contains({ a: 1 }, "a"));
  assert.ok(!$py.contains({ 1: 1 }, 1));
  raises(() => $py.contains("abc", 1), "TypeError");
  raises(() => $py.contains(5, 1), "TypeError");
});

test("getitem and slice", () => {
  assert.equal($py.getitem("a😀b", 1), "😀");
  assert.equal($py.getitem([1, 2, 3], -1), 3);
  assert.equal($py.getitem([1, 2], true), 2);
  assert.equal($py.getitem({ k: 1 }, "k"), 1);
  raises(() => $py.getitem([1], 1), "IndexError");
  raises(() => $py.getitem({}, "x"), "KeyError");
  raises(() => $py.getitem([1], "0"), "TypeError");
  raises(() => $py.getitem(5, 0), "TypeError");
  assert.deepEqual($py.slice([1, 2, 3, 4], null, null, -2), [4, 2]);
  assert.equal($py.slice("a😀bc", 1, 3), "😀b");
  assert.equal($py.slice("abc", null, null, -1), "cba");
  raises(() => $py.slice([1], null, null, 0), "ValueError");
});

test("numeric builtins", () => {
  assert.equal($py.len("a😀"), 2);
  assert.equal($py.len({ a: 1 }), 1);
  raises(() => $py.len(1), "TypeError");
  assert.equal($py.abs(-2.5), 2.5);
  assert.equal($py.round(2.5), 2);
  assert.equal($py.round(3.5), 4);
  assert.equal($py.round(2.675, 2), 2.67);
  assert.equal($py.round(0.125, 2), 0.12);
  assert.equal($py.round(1250, -2), 1200);
  assert.equal($py.round(-0.4, 0), -0);
  raises(() => $py.round(NaN), "ValueError");
  assert.equal($py.int_(" -1_000 "), -1000);
  assert.equal($py.int_("0x1f", 0), 31);
  assert.equal($py.int_("٣"), 3);
  assert.equal($py.int_(-2.9), -2);
  raises(() => $py.int_("1.5"), "ValueError");
  raises(() => $py.int_("99999999999999999"), "OverflowError");
  assert.equal($py.float_(" 1e3 "), 1000);
  assert.ok(Number.isNaN($py.float_("-nan")));
  assert.equal($py.float_("-Infinity"), -Infinity);
  raises(() => $py.float_("1e"), "ValueError");
  assert.equal($py.bool_([]), false);
});

test("iterables", () => {
  assert.equal($py.min([3, 1, 2]), 1);
  assert.equal($py.max(1, 5, 3), 5);
  assert.equal($py.max(["a", "bbb"], { key: $py.len }), "bbb");
  assert.equal($py.min([], { default: 0 }), 0);
  raises(() => $py.min([]), "ValueError");
  assert.equal($py.sum([1, 2, 3]), 6);
  assert.equal($py.sum([0.1, 0.2], 1), 1.3);
  assert.deepEqual($py.sum([[1], [2]], []), [1, 2]);
  raises(() => $py.sum(["a"], ""), "TypeError");
  assert.deepEqual($py.sorted([3, 1, 2], null, true), [3, 2, 1]);
  assert.deepEqual($py.sorted(["bb", "a", "cc"], $py.len), ["a", "bb", "cc"]);
  raises(() => $py.sorted([1, "a"]), "TypeError");
  assert.deepEqual($py.reversed("ab"), ["b", "a"]);
  assert.deepEqual($py.range(5, 0, -2), [5, 3, 1]);
  raises(() => $py.range(0, 1, 0), "ValueError");
  assert.deepEqual($py.enumerate("ab", 1), [[1, "a"], [2, "b"]]);
  assert.deepEqual($py.zip([1, 2], "abc"), [[1, "a"], [2, "b"]]);
  assert.ok($py.any([0, 1]) && !$py.all([0, 1]));
  assert.deepEqual($py.list_({ a: 1 }), ["a"]);
  assert.deepEqual($py.tuple_("a😀"), ["a", "😀"]);
  assert.deepEqual($py.iter("ab"), ["a", "b"]);
  raises(() => $py.iter(1), "TypeError");
});

test("str methods", () => {
  assert.equal($py.str_upper("straße"), "STRASSE");
  assert.equal($py.str_lower("ΟΔΟΣ"), "οδος");
  assert.equal($py.str_title("they're ǆx"), "They'Re ǅx");
  assert.equal($py.str_capitalize("hELLO"), "Hello");
  assert.equal($py.str_strip("\x1c a \xa0"), "a");
  assert.equal($py.str_lstrip("xxa", "x"), "a");
  assert.equal($py.str_rstrip("a😀😀", "😀"), "a");
  assert.deepEqual($py.str_split(" a  b c ", null, 1), ["a", "b c "]);
  assert.deepEqual($py.str_rsplit("a,b,c", ",", 1), ["a,b", "c"]);
  raises(() => $py.str_split("a", ""), "ValueError");
  assert.equal($py.str_join("-", ["a", "b"]), "a-b");
  assert.throws(() => $py.str_join("", ["a", 1]), { message: "sequence item 1: expected str instance, int found" });
  assert.ok($py.str_startswith("abc", ["x", "ab"]) && $py.str_endswith("abc", "b", 0, 2));
  assert.equal($py.str_replace("ab", "", "-"), "-a-b-");
  assert.equal($py.str_replace("aaa", "a", "b", 2), "bba");
  assert.equal($py.str_find("😀ab", "b"), 2);
  assert.equal($py.str_rfind("abab", "ab"), 2);
  assert.equal($py.str_index("abc", "c"), 2);
  assert.equal($py.str_rindex("abcc", "c"), 3);
  raises(() => $py.str_index("abc", "d"), "ValueError");
  assert.equal($py.str_count("abc", ""), 4);
  assert.equal($py.str_zfill("-42", 5), "-0042");
  assert.ok($py.str_isdigit("1²") && $py.str_isalpha("é") && $py.str_isspace(" \t"));
  assert.equal($py.str_format("{0} {0!r:>4} {{x}}", "a"), "a  'a' {x}");
  raises(() => $py.str_format("{} {0}", 1), "ValueError");
  raises(() => $py.str_format("{1}", 1), "IndexError");
});

test("list and dict methods, method()", () => {
  assert.equal($py.list_index([1, 2], 2.0), 1);
  assert.throws(() => $py.list_index([1], 5), { message: "5 is not in list" });
  assert.equal($py.list_count([1, true, 2], 1), 2);
  const a = [1];
  assert.notEqual($py.list_copy(a), a);
  assert.equal($py.dict_get({ a: 1 }, "b", 0), 0);
  assert.deepEqual($py.dict_copy({ a: 1 }), { a: 1 });
  assert.deepEqual($py.dict_keys({ a: 1 }), ["a"]);
  assert.deepEqual($py.dict_values({ a: 1 }), [1]);
  assert.deepEqual($py.dict_items({ a: 1 }), [["a", 1]]);
  assert.equal($py.method("ab", "upper"), "AB");
  assert.equal($py.method([1, 2], "index", 2), 1);
  assert.equal($py.method({ a: 1 }, "get", "a"), 1);
  assert.throws(() => $py.method(1, "x"), { message: "'int' object has no attribute 'x'" });
});

test("checkInt refuses a result that is no number: an operand typed int was not one", () => {
  raises(() => $py.checkInt("5" + 1), "TypeError"); // Python: "5" + 1 raises TypeError
  assert.equal($py.checkInt(-0), 0);
});

test("checkArg: an untyped argument must fit its parameter's annotation", () => {
  assert.equal($py.checkArg(5, "int", "badge() argument n"), 5);
  assert.equal($py.checkArg(true, "int", "f() argument n"), true); // bool is an int
  assert.equal($py.checkArg(2, "float", "f() argument x"), 2); // an int passes for a float, as in Python
  assert.equal($py.checkArg("a", "str", "f() argument s"), "a");
  raises(() => $py.checkArg("5", "int", "badge() argument n"), "TypeError");
  raises(() => $py.checkArg(2.5, "int", "f() argument n"), "TypeError");
  raises(() => $py.checkArg(5, "str", "f() argument s"), "TypeError");
  raises(() => $py.checkArg(null, "bool", "f() argument b"), "TypeError");
  assert.throws(() => $py.checkArg("5", "int", "badge() argument n"), /badge\(\) argument n is annotated int, got str/);
});

test("either descriptor: each item printed by the alternative its runtime kind picks", () => {
  const T = ["list", ["either", [["tuple", ["int", "str"]], "str"]]];
  assert.equal($py.str([[1, "a"], "x"], T), "[(1, 'a'), 'x']");
  assert.equal($py.str([[2.0, "a"], 3], ["list", ["either", [["tuple", ["float", "str"]], "int"]]]), "[(2.0, 'a'), 3]");
  assert.equal($py.str([null, 1], ["list", ["either", ["none", "float"]]]), "[None, 1.0]");
  assert.equal($py.format(1, "", ["either", ["float", "str"]]), "1.0");
  assert.equal($py.str({ a: 1 }, ["either", [["tuple", ["int"]], "str"]]), "{'a': 1}"); // no alternative fits: by value
});
