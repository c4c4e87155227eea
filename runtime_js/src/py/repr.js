// Python's str() and repr() of JS values, steered by an optional static type descriptor T:
// "int" | "float" | "str" | "bool" | "none" | "any" | ["list", T] | ["tuple", [T, ...]] |
// ["tuple*", T] | ["dict", Tk, Tv] | ["opt", T] | ["listof", [T, ...]] (a list literal whose items
// differ in type, by position) | ["dictof", {key: T}] (a dict literal's values, by key). JS cannot tell 1 from 1.0; without T
// ("any") an integral number within ±(2**53 - 1) prints as an int, anything else as a float.

import { isDict, isIntNum, dictKeys, FLOAT_KEYS } from "./core.js";

// Python's repr(float): shortest round-trip digits (JS's toExponential() without an argument
// picks the same digits), fixed notation for exponents -4..15, else d.ddde±XX.
export function floatRepr(x) {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa, expText] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

export function numberStr(x) {
  if (isIntNum(x)) return String(x); // -0 -> "0"
  return floatRepr(x);
}

// str.isprintable() is false for these categories (space excepted); repr escapes them.
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
const SIMPLE = /^[\x20-\x7e]*$/;

const hex = (cp, width) => cp.toString(16).padStart(width, "0");
const escapeCp = (cp) => (cp < 0x100 ? `\\x${hex(cp, 2)}` : cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`);

// Python's repr(str): single quotes unless the text has ' and no ". `ascii` escapes all
// non-ASCII too, for ascii() / !a.
export function strRepr(s, ascii = false) {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  if (SIMPLE.test(s) && !s.includes(quote) && !s.includes("\\")) return quote + s + quote;
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && (NON_PRINTABLE.test(ch) || (ascii && ch.codePointAt(0) > 0x7e))) {
      out += escapeCp(ch.codePointAt(0));
    } else out += ch;
  }
  return out + quote;
}

const itemType = (T, i) => {
  if (!Array.isArray(T)) return "any";
  switch (T[0]) {
    case "list":
    case "tuple*":
      return T[1];
    case "tuple":
    case "listof":
      return T[1][i] ?? "any";
    default:
      return "any";
  }
};

// Whether a value of type T can look like x in the page (for ["either", [T, ...]]).
function looksLike(T, x) {
  if (x === null || x === undefined) return T === "none" || (Array.isArray(T) && T[0] === "opt");
  const base = Array.isArray(T) && T[0] === "opt" ? T[1] : T;
  switch (typeof x) {
    case "number":
      return base === "int" || base === "float";
    case "boolean":
      return base === "bool";
    case "string":
      return base === "str";
  }
  const kind = Array.isArray(base) ? base[0] : null;
  if (Array.isArray(x)) return kind === "list" || kind === "tuple" || kind === "tuple*" || kind === "listof";
  return kind === "dict" || kind === "dictof";
}

// ["either", [T, ...]]: a value that is one of these types, each telling itself apart at runtime.
export const resolveType = (T, x) => (Array.isArray(T) && T[0] === "either" ? T[1].find((m) => looksLike(m, x)) ?? "any" : T);

// `seen` holds the containers being printed, so a cycle prints [...] / {...} like Python.
function repr(x, T, seen, ascii) {
  T = resolveType(T, x);
  if (x === null || x === undefined) return "None";
  if (Array.isArray(T) && T[0] === "opt") return repr(x, T[1], seen, ascii);
  switch (typeof x) {
    case "boolean":
      return x ? "True" : "False";
    case "number":
      return T === "float" ? floatRepr(x) : numberStr(x);
    case "bigint":
      return x.toString();
    case "string":
      return strRepr(x, ascii);
    case "function":
      return `<function ${x.name || "<lambda>"}>`;
    case "symbol":
      return x.toString();
  }
  const isList = Array.isArray(x);
  if (seen.has(x)) return isList ? "[...]" : "{...}";
  seen.add(x);
  try {
    const floats = x[FLOAT_KEYS]; // whole floats the static type could not tell
    const marked = (t, key) => (t === "any" && floats?.has(key) ? "float" : t);
    if (isList) {
      const items = x.map((v, i) => repr(v, marked(itemType(T, i), i), seen, ascii));
      const tuple = Array.isArray(T) && (T[0] === "tuple" || T[0] === "tuple*");
      if (!tuple) return `[${items.join(", ")}]`;
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
    }
    if (x instanceof Set) return x.size ? `{${[...x].map((v) => repr(v, "any", seen, ascii)).join(", ")}}` : "set()";
    const [Tk, Tv] = Array.isArray(T) && T[0] === "dict" ? [T[1], T[2]] : ["any", "any"];
    const byKey = Array.isArray(T) && T[0] === "dictof" ? T[1] : null;
    const entries = x instanceof Map ? [...x] : dictKeys(x).map((k) => [k, x[k]]);
    const valueType = (k) => marked(byKey ? (Object.hasOwn(byKey, k) ? byKey[k] : "any") : Tv, k);
    return `{${entries.map(([k, v]) => `${repr(k, Tk, seen, ascii)}: ${repr(v, valueType(k), seen, ascii)}`).join(", ")}}`;
  } finally {
    seen.delete(x);
  }
}

// Python's str(x): strings as they are, everything else as its repr.
export function str(x, T) {
  if (typeof x === "string") return x;
  T = resolveType(T, x);
  if (typeof x === "number") return T === "float" || (Array.isArray(T) && T[1] === "float" && T[0] === "opt") ? floatRepr(x) : numberStr(x);
  return repr(x, T, new Set(), false);
}

// Python's repr(x), for f"{x!r}".
export function pyRepr(x, T) {
  return repr(x, T, new Set(), false);
}

// Python's ascii(x), for f"{x!a}".
export function pyAscii(x, T) {
  return repr(x, T, new Set(), true);
}

// Python's bool(x). NaN is truthy in Python, as is any non-container object.
export function truthy(x) {
  if (x === null || x === undefined) return false;
  switch (typeof x) {
    case "boolean":
      return x;
    case "number":
      return x !== 0;
    case "string":
      return x.length > 0;
    case "bigint":
      return x !== 0n;
    case "object":
      if (Array.isArray(x)) return x.length > 0;
      if (x instanceof Map || x instanceof Set) return x.size > 0;
      if (isDict(x)) {
        for (const _ in x) return true;
        return false;
      }
      return true;
    default:
      return true;
  }
}
