// Python's builtin functions on the JS value model.

import { PyError, checkInt, isInt, isIntNum, isDict, typeName, iter, codePoints, strLen, hasSurrogates, toIndex, MAX_INT } from "./core.js";
import { truthy, strRepr } from "./repr.js";
import { add, lt, gt } from "./ops.js";
import { exactDecimal, roundHalfEven } from "./decimal.js";

export { truthy as bool_ };

const num = (x) => (typeof x === "boolean" ? (x ? 1 : 0) : x);

export function len(x) {
  if (typeof x === "string") return strLen(x);
  if (Array.isArray(x)) return x.length;
  if (isDict(x)) return Object.keys(x).length;
  if (x instanceof Map || x instanceof Set) return x.size;
  throw new PyError("TypeError", `object of type '${typeName(x)}' has no len()`);
}

export function abs(x) {
  if (typeof x === "number") return Math.abs(x);
  if (typeof x === "boolean") return num(x);
  throw new PyError("TypeError", `bad operand type for abs(): '${typeName(x)}'`);
}

// Round half to even on the exact value, like CPython (round(2.675, 2) == 2.67, since the
// double 2.675 is slightly below; round(0.125, 2) == 0.12, an exact tie).
// `isFloat`: the compiler knows x is a float (JS cannot tell -4.0 from -4, and round(-4.0, -1) is -0.0).
export function round(x, ndigits = null, isFloat = false) {
  if (typeof x !== "number" && typeof x !== "boolean") {
    throw new PyError("TypeError", `type ${typeName(x)} doesn't define __round__ method`);
  }
  const v = num(x);
  if (ndigits === null || ndigits === undefined) {
    if (isIntNum(v)) return v + 0;
    if (Number.isNaN(v)) throw new PyError("ValueError", "cannot convert float NaN to integer");
    if (!Number.isFinite(v)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
    const f = Math.floor(v);
    const diff = v - f;
    return checkInt(diff > 0.5 || (diff === 0.5 && f % 2 !== 0) ? f + 1 : f);
  }
  const n = toIndex(ndigits);
  if (isIntNum(v) && !isFloat) {
    if (n >= 0) return v + 0;
    if (n < -16) return 0; // 10**17 > 2 * MAX_INT, so everything rounds to 0
    const p = 10 ** -n;
    let q = Math.floor(v / p);
    let r = v - q * p; // exact: both are safe ints
    if (r < 0) (q -= 1), (r += p);
    if (r >= p) (q += 1), (r -= p);
    if (2 * r > p || (2 * r === p && q % 2 !== 0)) q += 1;
    return checkInt(q * p);
  }
  if (!Number.isFinite(v) || v === 0) return v;
  if (n > 323) return v;
  if (n < -308) return 0 * v;
  const d = exactDecimal(Math.abs(v));
  const r = roundHalfEven(d, d.decpt + n);
  const out = r.digits ? Number(`0.${r.digits}e${r.decpt}`) : 0;
  if (!Number.isFinite(out)) throw new PyError("OverflowError", "rounded value too large to represent");
  return v < 0 ? -out : out;
}

// Python's whitespace (str.isspace): Unicode White_Space minus U+180E plus \x1c-\x1f.
export const WS = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const NON_ASCII_WS = /[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const DIGIT = /\p{Nd}/u;

// The value of a Unicode decimal digit: Nd digits come in contiguous runs of ten starting at 0.
function digitValue(cp) {
  let start = cp;
  while (DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII spaces become " ", Unicode
// decimal digits their ASCII digit; any other non-ASCII char makes the text invalid (null).
function toAsciiNumber(s) {
  if (/^[\x00-\x7e]*$/.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (cp < 0x7f) out += ch;
    else if (NON_ASCII_WS.test(ch)) out += " ";
    else if (DIGIT.test(ch)) out += String(digitValue(cp));
    else return null;
  }
  return out;
}

const ASCII_STRIP = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;
const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

function parseIntText(text, base) {
  const bad = () => new PyError("ValueError", `invalid literal for int() with base ${base}: ${strRepr(text)}`);
  const ascii = toAsciiNumber(text);
  if (ascii === null) throw bad();
  let s = ascii.replace(ASCII_STRIP, "").toLowerCase();
  let negative = false;
  if (s[0] === "+" || s[0] === "-") {
    negative = s[0] === "-";
    s = s.slice(1);
  }
  let b = base;
  let prefixed = false;
  const prefix = s.slice(0, 2);
  const prefixBase = prefix === "0x" ? 16 : prefix === "0o" ? 8 : prefix === "0b" ? 2 : 0;
  if (prefixBase && (b === 0 || b === prefixBase)) {
    b = prefixBase;
    s = s.slice(2);
    prefixed = true;
  }
  if (b === 0) {
    b = 10;
    if (/^0/.test(s) && !/^0(_?0)*$/.test(s)) throw bad(); // "010" is not a base-0 literal
  }
  const d = `[${DIGITS.slice(0, Math.min(b, 10))}${b > 10 ? `${DIGITS[10]}-${DIGITS[b - 1]}` : ""}]`;
  if (!new RegExp(`^${prefixed ? "_?" : ""}${d}(_?${d})*$`).test(s)) throw bad();
  let v = 0;
  for (const ch of s) {
    if (ch === "_") continue;
    v = v * b + DIGITS.indexOf(ch);
  }
  return checkInt(negative ? -v : v);
}

// Python's int(x) / int(x, base).
export function int_(x = 0, base = null) {
  if (base !== null && base !== undefined) {
    const b = toIndex(base);
    if (b !== 0 && (b < 2 || b > 36)) throw new PyError("ValueError", "int() base must be >= 2 and <= 36, or 0");
    if (typeof x !== "string") throw new PyError("TypeError", "int() can't convert non-string with explicit base");
    return parseIntText(x, b);
  }
  if (typeof x === "boolean") return num(x);
  if (typeof x === "number") {
    if (Number.isNaN(x)) throw new PyError("ValueError", "cannot convert float NaN to integer");
    if (!Number.isFinite(x)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
    return checkInt(Math.trunc(x));
  }
  if (typeof x === "string") return parseIntText(x, 10);
  throw new PyError("TypeError", `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
}

const FLOAT_TEXT = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:e[+-]?\d(?:_?\d)*)?$/i;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

// Python's float(x).
export function float_(x = 0) {
  if (typeof x === "number") return x;
  if (typeof x === "boolean") return num(x);
  if (typeof x === "string") {
    const ascii = toAsciiNumber(x);
    const s = ascii === null ? "" : ascii.replace(ASCII_STRIP, "");
    const special = SPECIAL.exec(s);
    if (special) {
      if (special[2].toLowerCase() === "nan") return NaN;
      return special[1] === "-" ? -Infinity : Infinity;
    }
    if (FLOAT_TEXT.test(s)) return Number(s.replaceAll("_", ""));
    throw new PyError("ValueError", `could not convert string to float: ${strRepr(x)}`);
  }
  throw new PyError("TypeError", `float() argument must be a string or a real number, not '${typeName(x)}'`);
}

// An options object {key, default} may come last; a dict from JSON never holds a function,
// and the compiler passes options whenever the Python call had keywords.
function splitOptions(args) {
  const last = args[args.length - 1];
  if (args.length >= 2 && isDict(last) && Object.keys(last).every((k) => k === "key" || k === "default") &&
      (last.key === undefined || last.key === null || typeof last.key === "function")) {
    return [args.slice(0, -1), last];
  }
  return [args, {}];
}

function extreme(name, better, args) {
  const [positional, opts] = splitOptions(args);
  if (positional.length === 0) throw new PyError("TypeError", `${name} expected at least 1 argument, got 0`);
  const hasDefault = Object.hasOwn(opts, "default");
  if (positional.length > 1 && hasDefault) {
    throw new PyError("TypeError", `Cannot specify a default for ${name}() with multiple positional arguments`);
  }
  const items = positional.length === 1 ? iter(positional[0]) : positional;
  if (items.length === 0) {
    if (hasDefault) return opts.default;
    throw new PyError("ValueError", `${name}() arg is an empty sequence`);
  }
  const key = opts.key ?? null;
  let best = items[0];
  let bestKey = key ? key(best) : best;
  for (let i = 1; i < items.length; i++) {
    const k = key ? key(items[i]) : items[i];
    if (better(k, bestKey)) (best = items[i]), (bestKey = k);
  }
  return best;
}

export const min = (...args) => extreme("min", lt, args);
export const max = (...args) => extreme("max", gt, args);

// Python 3.11's sum: ints add exactly (a float item then converts the running int total
// once), floats add left to right, anything else goes through `+`.
// `isFloat`: the compiler knows every item is a float, so an integral one (2.0 ** 52) is not
// summed under the int rule (JS cannot tell 4.0 from 4).
export function sum(iterable, start = 0, isFloat = false) {
  if (typeof start === "string") throw new PyError("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
  const items = iter(iterable);
  if (items.length === 0) return start;
  let i = 0;
  let acc = start;
  if (isInt(start) && !isFloat) {
    let total = BigInt(num(start));
    for (; i < items.length && isInt(items[i]); i++) total += BigInt(num(items[i]));
    if (i === items.length) return checkInt(Number(total));
    acc = typeof items[i] === "number" ? Number(total) : checkInt(Number(total));
  }
  if (typeof acc === "number") {
    for (; i < items.length && (typeof items[i] === "number" || typeof items[i] === "boolean"); i++) acc += num(items[i]);
  }
  for (; i < items.length; i++) acc = add(acc, items[i]);
  return acc;
}

// Stable, ordered with Python's < only; reverse keeps equal items in their original order.
export function sorted(iterable, key = null, reverse = false) {
  const items = iter(iterable);
  const keys = key ? items.map((x) => key(x)) : items;
  const idx = items.map((_, i) => i);
  idx.sort((i, j) => {
    const [a, b] = reverse ? [keys[j], keys[i]] : [keys[i], keys[j]];
    if (lt(a, b)) return -1;
    if (lt(b, a)) return 1;
    return i - j;
  });
  return idx.map((i) => items[i]);
}

export function reversed(x) {
  if (typeof x === "string" || Array.isArray(x) || isDict(x)) return iter(x).slice().reverse();
  throw new PyError("TypeError", `'${typeName(x)}' object is not reversible`);
}

// range() as an array (Python's is lazy; a huge range here is a MemoryError).
export function range(a, b, c) {
  let [start, stop, step] = b === undefined || b === null ? [0, toIndex(a), 1] : [toIndex(a), toIndex(b), c === undefined || c === null ? 1 : toIndex(c)];
  if (step === 0) throw new PyError("ValueError", "range() arg 3 must not be zero");
  const n = step > 0 ? (stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0) : stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  if (n > 2 ** 32 - 1) throw new PyError("MemoryError", "range() too long to build as an array");
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  return out;
}

export function enumerate(iterable, start = 0) {
  const s = toIndex(start);
  return iter(iterable).map((x, i) => [checkInt(s + i), x]);
}

export function zip(...iterables) {
  const lists = iterables.map(iter);
  const n = lists.length ? Math.min(...lists.map((l) => l.length)) : 0;
  const out = [];
  for (let i = 0; i < n; i++) out.push(lists.map((l) => l[i]));
  return out;
}

export const any = (iterable) => iter(iterable).some(truthy);
export const all = (iterable) => iter(iterable).every(truthy);

export const list_ = (x) => (x === undefined ? [] : iter(x).slice());
export const tuple_ = list_;

function clampIndex(i, n, step) {
  if (i < 0) {
    i += n;
    if (i < 0) i = step < 0 ? -1 : 0;
  } else if (i >= n) i = step < 0 ? n - 1 : n;
  return i;
}

// Python's obj[key] for list/tuple/str (int index) and dict (str key).
export function getitem(obj, key) {
  if (Array.isArray(obj) || typeof obj === "string") {
    const isStr = typeof obj === "string";
    if (typeof key !== "boolean" && !(typeof key === "number" && isIntNum(key))) {
      throw new PyError("TypeError", isStr ? `string indices must be integers, not '${typeName(key)}'` : `list indices must be integers or slices, not ${typeName(key)}`);
    }
    const seq = isStr && hasSurrogates(obj) ? codePoints(obj) : obj;
    let i = num(key);
    if (i < 0) i += seq.length;
    if (i < 0 || i >= seq.length) throw new PyError("IndexError", isStr ? "string index out of range" : "list index out of range");
    return seq[i];
  }
  if (isDict(obj)) {
    if (Array.isArray(key) || isDict(key)) throw new PyError("TypeError", `unhashable type: '${typeName(key)}'`);
    if (typeof key === "string" && Object.hasOwn(obj, key)) return obj[key];
    throw new PyError("KeyError", typeof key === "string" ? strRepr(key) : String(key));
  }
  throw new PyError("TypeError", `'${typeName(obj)}' object is not subscriptable`);
}

const sliceIndex = (x) =>
  x === null || x === undefined ? null : toIndex(x, "slice indices must be integers or None or have an __index__ method");

// Python's obj[start:stop:step] (null for an omitted part); a new array or string.
export function slice(obj, start = null, stop = null, step = null) {
  const isStr = typeof obj === "string";
  if (!isStr && !Array.isArray(obj)) {
    throw new PyError("TypeError", isDict(obj) ? "unhashable type: 'slice'" : `'${typeName(obj)}' object is not subscriptable`);
  }
  const st = sliceIndex(step) ?? 1;
  if (st === 0) throw new PyError("ValueError", "slice step cannot be zero");
  const seq = isStr && hasSurrogates(obj) ? codePoints(obj) : obj;
  const n = seq.length;
  const a = clampIndex(sliceIndex(start) ?? (st < 0 ? Infinity : 0), n, st);
  const b = clampIndex(sliceIndex(stop) ?? (st < 0 ? -Infinity : Infinity), n, st);
  if (st === 1) return seq === obj ? obj.slice(a, Math.max(a, b)) : seq.slice(a, Math.max(a, b)).join("");
  const out = [];
  if (st > 0) for (let i = a; i < b; i += st) out.push(seq[i]);
  else for (let i = a; i > b; i += st) out.push(seq[i]);
  return isStr ? out.join("") : out;
}


