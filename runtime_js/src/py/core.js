// Shared pieces of the Python value model: errors, type names, the int rule, code points.

// A Python exception. `pyType` is the Python class name ("ValueError", ...).
export class PyError extends Error {
  constructor(pyType, message) {
    super(message);
    this.name = pyType;
    this.pyType = pyType;
  }
}

// The Python exception class name for anything thrown.
export function errorType(e) {
  if (e instanceof PyError) return e.pyType;
  if (e instanceof RangeError) {
    // JS reports out-of-memory sized strings/arrays and deep recursion as RangeError.
    if (/Invalid (string|array) length|Array buffer allocation/.test(e.message)) return "MemoryError";
    if (/call stack/.test(e.message)) return "RecursionError";
    return "ValueError";
  }
  if (e instanceof TypeError) return "TypeError";
  return "Exception";
}

export const MAX_INT = Number.MAX_SAFE_INTEGER;

// The int rule: an integral number within ±(2**53 - 1) is an int; bools count as ints.
export const isIntNum = (x) => Number.isInteger(x) && x <= MAX_INT && x >= -MAX_INT;
export const isInt = (x) => typeof x === "boolean" || (typeof x === "number" && isIntNum(x));

export const isDict = (x) =>
  x !== null && typeof x === "object" && !Array.isArray(x) &&
  (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);

// Throws OverflowError instead of letting an int result lose precision. A result that is no
// number at all means an operand the compiler typed as an int was not one ("5" + 1): TypeError.
export function checkInt(n) {
  if (typeof n !== "number") {
    throw new PyError("TypeError", `unsupported operand type(s) for an int operation: got ${typeName(n)}`);
  }
  if (n <= MAX_INT && n >= -MAX_INT) return n + 0; // + 0 turns -0 into 0
  if (Number.isNaN(n)) throw new PyError("ValueError", "cannot convert float NaN to integer");
  throw new PyError("OverflowError", "int too large for the JS number model (|n| > 2**53 - 1)");
}

// JS objects list integer-like keys ("2", "10") first, in numeric order, whatever the insertion
// order; a Python dict keeps insertion order. A dict holding such keys carries its key order
// under this (non-enumerable) symbol: the socket sets it from a frame's "order" table
// (docs/protocol.md), and the helpers below set it on the dicts page code builds.
export const KEY_ORDER = Symbol.for("pyx.keyOrder");
const INDEX_KEY = /^(?:0|[1-9][0-9]{0,9})$/;
export const isIndexKey = (k) => INDEX_KEY.test(k) && Number(k) < 4294967295;

// A dict's keys in Python's order.
export const dictKeys = (d) => d[KEY_ORDER]?.slice() ?? Object.keys(d);

// Records `keys` (the dict's keys in insertion order) when JS would list them otherwise.
export function setKeyOrder(d, keys) {
  if (keys.some(isIndexKey)) {
    Object.defineProperty(d, KEY_ORDER, { value: keys, writable: true, configurable: true, enumerable: false });
  }
  return d;
}

// dict(pairs) / a dict comprehension / a dict display: a repeated key keeps its first place.
export function dictFromEntries(entries) {
  const out = {};
  const keys = [];
  for (const [key, value] of entries) {
    if (!Object.hasOwn(out, key)) keys.push(key);
    // defineProperty: a key named "__proto__" stays a key
    Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  }
  return setKeyOrder(out, keys);
}

// {**a, **b} / dict(a): a's keys in its order, then b's new ones.
export function dictMerge(...parts) {
  const entries = [];
  for (const part of parts) for (const key of dictKeys(part)) entries.push([key, part[key]]);
  return dictFromEntries(entries);
}

// JSON's 4.0 is JS's 4. The lists and dicts of the page's state whose items are whole floats
// where the compiler cannot know it (`list[dict]` rows, a bare `list`) carry the set of those
// keys (indexes of a list) under this symbol, from a frame's "floats" table (docs/protocol.md).
export const FLOAT_KEYS = Symbol.for("pyx.floatKeys");

export function markFloat(container, key) {
  let keys = container[FLOAT_KEYS];
  if (!keys) {
    keys = new Set();
    Object.defineProperty(container, FLOAT_KEYS, { value: keys, writable: true, configurable: true, enumerable: false });
  }
  keys.add(Array.isArray(container) ? Number(key) : String(key));
}

// The reverse: vars declared float whose value is an int (a computed var `-> float` returning
// sum([])), by state, from the frames' "ints" tables (docs/protocol.md; valueMarks.js keeps it).
export const intVars = {};
export const isIntVar = (state, name) => intVars[state]?.has(name) ?? false;

// Whether container[key] is a whole float the page got from the server (for printing it so).
export function isFloatItem(container, key) {
  const keys = container?.[FLOAT_KEYS];
  if (!keys) return false;
  if (Array.isArray(container)) return typeof key === "number" && keys.has(key < 0 ? key + container.length : key);
  return keys.has(key);
}

// Python's type name for a JS value, as error messages print it.
export function typeName(x) {
  if (x === null || x === undefined) return "NoneType";
  switch (typeof x) {
    case "boolean":
      return "bool";
    case "number":
      return isIntNum(x) ? "int" : "float";
    case "bigint":
      return "int";
    case "string":
      return "str";
    case "function":
      return "function";
  }
  if (Array.isArray(x)) return "list";
  if (isDict(x)) return "dict";
  return x.constructor?.name || "object";
}

const SURROGATE = /[\uD800-\uDFFF]/;
export const hasSurrogates = (s) => SURROGATE.test(s);

// Python indexes strings by code point; JS by UTF-16 unit. Strings without surrogates agree.
export const codePoints = (s) => (hasSurrogates(s) ? Array.from(s) : s.split(""));
export const strLen = (s) => {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
};

// The items a Python `for` would visit: arrays as they are, str by code point, dict keys.
export function iter(x) {
  if (Array.isArray(x)) return x;
  if (typeof x === "string") return codePoints(x);
  if (isDict(x)) return dictKeys(x);
  if (x instanceof Map || x instanceof Set) return [...(x instanceof Map ? x.keys() : x)];
  throw new PyError("TypeError", `'${typeName(x)}' object is not iterable`);
}

// An int argument (bools allowed), else TypeError as Python's __index__ check words it.
export function toIndex(x, what) {
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "number" && isIntNum(x)) return x + 0;
  throw new PyError("TypeError", what ?? `'${typeName(x)}' object cannot be interpreted as an integer`);
}

// An argument the compiler could not type, passed to a parameter annotated int/float/str/bool:
// the compiled function trusts its annotation (plain JS operators), so a value of another type
// is refused here instead of giving another answer than Python ("5" * 2 is "55", not 10).
export function checkArg(x, kind, where) {
  const ok = kind === "int" ? isInt(x) : kind === "float" ? typeof x === "number" || typeof x === "boolean"
    : kind === "str" ? typeof x === "string" : kind === "bool" ? typeof x === "boolean" : true;
  if (!ok) throw new PyError("TypeError", `${where} is annotated ${kind}, got ${typeName(x)}`);
  return x;
}
