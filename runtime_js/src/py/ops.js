// Python's operators on the JS value model. int op int stays an exact int or throws
// OverflowError (checkInt); anything involving a float follows IEEE doubles like CPython.

import { PyError, checkInt, isInt, isIntNum, isDict, typeName } from "./core.js";

const isNum = (x) => typeof x === "number" || typeof x === "boolean";
const num = (x) => (typeof x === "boolean" ? (x ? 1 : 0) : x);
const bothInt = (a, b) => isInt(a) && isInt(b);

function unsupported(op, a, b) {
  return new PyError("TypeError", `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function add(a, b) {
  if (typeof a === "string") {
    if (typeof b === "string") return a + b;
    throw new PyError("TypeError", `can only concatenate str (not "${typeName(b)}") to str`);
  }
  if (isNum(a) && isNum(b)) {
    const r = num(a) + num(b);
    return bothInt(a, b) ? checkInt(r) : r;
  }
  if (Array.isArray(a)) {
    if (Array.isArray(b)) return a.concat(b);
    throw new PyError("TypeError", `can only concatenate list (not "${typeName(b)}") to list`);
  }
  throw unsupported("+", a, b);
}

export function sub(a, b) {
  if (isNum(a) && isNum(b)) {
    const r = num(a) - num(b);
    return bothInt(a, b) ? checkInt(r) : r;
  }
  throw unsupported("-", a, b);
}

function repeat(seq, n) {
  if (typeof n !== "boolean" && !isIntNum(n)) {
    throw new PyError("TypeError", `can't multiply sequence by non-int of type '${typeName(n)}'`);
  }
  const k = Math.max(0, num(n));
  if (typeof seq === "string") return seq.repeat(k);
  const out = [];
  for (let i = 0; i < k; i++) for (const x of seq) out.push(x);
  return out;
}

export function mul(a, b) {
  if (isNum(a) && isNum(b)) {
    const r = num(a) * num(b);
    return bothInt(a, b) ? checkInt(r) : r;
  }
  if (typeof a === "string" || Array.isArray(a)) {
    if (isNum(b)) return repeat(a, b);
  } else if ((typeof b === "string" || Array.isArray(b)) && isNum(a)) return repeat(b, a);
  if ((typeof a === "string" || Array.isArray(a)) && !isNum(b)) {
    throw new PyError("TypeError", `can't multiply sequence by non-int of type '${typeName(b)}'`);
  }
  throw unsupported("*", a, b);
}

export function truediv(a, b) {
  if (!(isNum(a) && isNum(b))) throw unsupported("/", a, b);
  if (num(b) === 0) throw new PyError("ZeroDivisionError", bothInt(a, b) ? "division by zero" : "float division by zero");
  return num(a) / num(b);
}

// CPython's float divmod (Objects/floatobject.c); exact for safe ints too, because fmod
// (JS %) is exact and (a - mod) / b then divides a multiple of b.
function divmod(a, b) {
  let mod = a % b;
  let div = (a - mod) / b;
  // C truth tests: NaN counts as nonzero here, unlike a JS `if (NaN)`.
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else mod = b < 0 ? -0 : 0;
  let floordiv;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  return [floordiv, mod];
}

// `isFloat` (floordiv, mod, pow): the compiler knows an operand is a float, so the float rules
// apply even to integral values (-0.0 // 1.0 is -0.0; JS cannot tell 1.0 from 1).
export function floordiv(a, b, isFloat = false) {
  if (!(isNum(a) && isNum(b))) throw unsupported("//", a, b);
  const x = num(a);
  const y = num(b);
  const ints = !isFloat && bothInt(a, b);
  if (y === 0) throw new PyError("ZeroDivisionError", ints ? "integer division or modulo by zero" : "float floor division by zero");
  const q = divmod(x, y)[0];
  return ints ? checkInt(q) : q;
}

export function mod(a, b, isFloat = false) {
  if (typeof a === "string") throw new PyError("TypeError", "printf-style formatting (str % args) is not supported");
  if (!(isNum(a) && isNum(b))) throw unsupported("%", a, b);
  const x = num(a);
  const y = num(b);
  const ints = !isFloat && bothInt(a, b);
  if (y === 0) throw new PyError("ZeroDivisionError", ints ? "integer division or modulo by zero" : "float modulo");
  const r = divmod(x, y)[1];
  return ints ? r + 0 : r;
}

export function pow(a, b, isFloat = false) {
  if (!(isNum(a) && isNum(b))) throw unsupported("** or pow()", a, b);
  const x = num(a);
  const y = num(b);
  if (!isFloat && bothInt(a, b) && y >= 0) {
    // Exact: BigInt, bounded so a huge exponent cannot allocate a huge number.
    if (x === 0 || x === 1) return y === 0 ? 1 : x;
    if (x === -1) return y % 2 === 0 ? 1 : -1;
    if (y <= 64) return checkInt(Number(BigInt(x) ** BigInt(y)));
    throw new PyError("OverflowError", "int too large for the JS number model (|n| > 2**53 - 1)");
  }
  if (x === 0 && y < 0) throw new PyError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) {
    if (!Number.isFinite((-x) ** y)) throw new PyError("OverflowError", "complex exponentiation");
    throw new PyError("ValueError", "negative number cannot be raised to a fractional power (Python gives a complex number)");
  }
  // CPython's float pow, whose special cases differ from JS's Math.pow.
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === -1 && !Number.isFinite(y)) return 1;
  const r = x ** y;
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    throw new PyError("OverflowError", "(34, 'Numerical result out of range')");
  }
  return r;
}

export function neg(a) {
  if (!isNum(a)) throw new PyError("TypeError", `bad operand type for unary -: '${typeName(a)}'`);
  return typeof a === "boolean" ? -num(a) + 0 : -a;
}

export function pos(a) {
  if (!isNum(a)) throw new PyError("TypeError", `bad operand type for unary +: '${typeName(a)}'`);
  return num(a);
}

export function invert(a) {
  if (!isInt(a)) throw new PyError("TypeError", `bad operand type for unary ~: '${typeName(a)}'`);
  return checkInt(-num(a) - 1);
}

// `~` in a component where the type shows only at runtime: Reflex's `not` for a bool (what
// `~State.flag` means there; Python's ~True is -2, deprecated since 3.12), Python's ~ otherwise.
export function tilde(a) {
  return typeof a === "boolean" ? !a : invert(a);
}

// Python ==: deep, 1 == 1.0 == True, "1" != 1. Arrays compare elementwise (the model cannot
// tell a list from a tuple; the compiler decides list-vs-tuple statically).
export function eq(a, b) {
  if (a === b) return true;
  if (a === null || a === undefined) return b === null || b === undefined;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "number" || ta === "boolean") return (tb === "number" || tb === "boolean") && num(a) === num(b);
  if (ta !== "object" || tb !== "object" || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!eq(a[i], b[i])) return false;
    return true;
  }
  if (isDict(a) && isDict(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!Object.hasOwn(b, k) || !eq(a[k], b[k])) return false;
    return true;
  }
  return false;
}

export const ne = (a, b) => !eq(a, b);

// Code point order: JS compares UTF-16 units, which puts U+E000..U+FFFF after astral chars.
function strLess(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y;
    }
  }
  return a.length < b.length;
}

const SYMBOL = { lt: "<", le: "<=", gt: ">", ge: ">=" };

function order(op, a, b) {
  if (isNum(a) && isNum(b)) {
    const x = num(a);
    const y = num(b);
    return op === "lt" ? x < y : op === "le" ? x <= y : op === "gt" ? x > y : x >= y;
  }
  if (typeof a === "string" && typeof b === "string") {
    if (op === "lt") return strLess(a, b);
    if (op === "gt") return strLess(b, a);
    if (op === "le") return !strLess(b, a);
    return !strLess(a, b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    // Like CPython: the first index where items differ decides, else the lengths.
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!eq(a[i], b[i])) return order(op, a[i], b[i]);
    }
    return order(op, a.length, b.length);
  }
  throw new PyError("TypeError", `'${SYMBOL[op]}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export const lt = (a, b) => order("lt", a, b);
export const le = (a, b) => order("le", a, b);
export const gt = (a, b) => order("gt", a, b);
export const ge = (a, b) => order("ge", a, b);

// Python's `item in container`.
export function contains(container, item) {
  if (typeof container === "string") {
    if (typeof item !== "string") {
      throw new PyError("TypeError", `'in <string>' requires string as left operand, not ${typeName(item)}`);
    }
    return container.includes(item);
  }
  if (Array.isArray(container)) {
    for (const x of container) if (eq(x, item)) return true;
    return false;
  }
  if (isDict(container)) {
    if (Array.isArray(item) || isDict(item)) throw new PyError("TypeError", `unhashable type: '${typeName(item)}'`);
    return typeof item === "string" && Object.hasOwn(container, item);
  }
  throw new PyError("TypeError", `argument of type '${typeName(container)}' is not iterable`);
}
