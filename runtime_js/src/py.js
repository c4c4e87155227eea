// Python semantics for values that came from the server as JSON, so that text the compiler
// turns into JS reads the same as it would in Python.
//
// Numbers: JSON (and JS) cannot tell 1 from 1.0. The rule here: a number that is integral and
// within ±Number.MAX_SAFE_INTEGER (2**53 - 1) is an int, so str(1.0) === "1" and str(3) === "3".
// Anything else prints like Python's repr(float): 0.1 -> "0.1", 1.5e-7 -> "1.5e-07",
// 1e16 -> "1e+16" (past 2**53 a JS number is not an exact int anyway). When the compiler knows
// a value is a float it can call floatRepr(x) instead, which always prints "1.0" for 1.

const isPlainObject = (x) =>
  Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null;

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

function numberStr(x) {
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return String(x); // -0 -> "0"
  return floatRepr(x);
}

// str.isprintable() is false for these categories (space excepted); repr escapes them.
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
const SIMPLE = /^[\x20-\x7e]*$/;

function hex(cp, width) {
  return cp.toString(16).padStart(width, "0");
}

// Python's repr(str): single quotes unless the text has ' and no ".
function strRepr(s) {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  if (SIMPLE.test(s) && !s.includes(quote) && !s.includes("\\")) return quote + s + quote;
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && NON_PRINTABLE.test(ch)) {
      const cp = ch.codePointAt(0);
      out += cp < 0x100 ? `\\x${hex(cp, 2)}` : cp < 0x10000 ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
    } else out += ch;
  }
  return out + quote;
}

// `seen` holds the containers being printed, so a cycle prints [...] / {...} like Python.
function repr(x, seen) {
  if (x === null || x === undefined) return "None";
  switch (typeof x) {
    case "boolean":
      return x ? "True" : "False";
    case "number":
      return numberStr(x);
    case "bigint":
      return x.toString();
    case "string":
      return strRepr(x);
    case "function":
      return `<function ${x.name || "<lambda>"}>`;
    case "symbol":
      return x.toString();
  }
  const isList = Array.isArray(x);
  if (seen.has(x)) return isList ? "[...]" : "{...}";
  seen.add(x);
  try {
    if (isList) return `[${x.map((v) => repr(v, seen)).join(", ")}]`;
    if (x instanceof Set) return x.size ? `{${[...x].map((v) => repr(v, seen)).join(", ")}}` : "set()";
    const entries = x instanceof Map ? [...x] : Object.entries(x);
    return `{${entries.map(([k, v]) => `${repr(k, seen)}: ${repr(v, seen)}`).join(", ")}}`;
  } finally {
    seen.delete(x);
  }
}

// Python's str(x): strings as they are, everything else as its repr.
export function str(x) {
  return typeof x === "string" ? x : repr(x, new Set());
}

// Python's repr(x), for f"{x!r}".
export function pyRepr(x) {
  return repr(x, new Set());
}

// Python's bool(x). NaN is truthy in Python, as is any non-container object.
export function truthy(x) {
  if (x === null || x === undefined) return false;
  switch (typeof x) {
    case "boolean":
      return x;
    case "number":
      return x !== 0;
    case "bigint":
      return x !== 0n;
    case "string":
      return x.length > 0;
    case "object":
      if (Array.isArray(x)) return x.length > 0;
      if (x instanceof Map || x instanceof Set) return x.size > 0;
      if (isPlainObject(x)) return Object.keys(x).length > 0;
      return true;
    default:
      return true;
  }
}
