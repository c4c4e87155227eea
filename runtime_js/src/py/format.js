// Python's format(value, spec): the format-spec mini-language for int, float, str, bool and
// None, following CPython's Python/formatter_unicode.c and Python/pystrtod.c.
//   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]

import { PyError, isIntNum, typeName, codePoints, strLen, isDict } from "./core.js";
import { floatRepr, str, pyRepr, pyAscii, resolveType } from "./repr.js";
import { exactDecimal, roundHalfEven, toFixedExact } from "./decimal.js";

const ALIGN = "<>^=";

function parseSpec(spec, typeLabel, defaultType, defaultAlign) {
  const cps = codePoints(spec);
  let i = 0;
  const f = { fill: " ", align: "", sign: "", z: false, alt: false, width: -1, grouping: "", precision: -1, type: "" };
  let fillGiven = false;
  if (cps.length >= 2 && ALIGN.includes(cps[1])) {
    f.fill = cps[0];
    f.align = cps[1];
    fillGiven = true;
    i = 2;
  } else if (cps.length >= 1 && ALIGN.includes(cps[0])) {
    f.align = cps[0];
    i = 1;
  }
  if ("+- ".includes(cps[i]) && i < cps.length) f.sign = cps[i++];
  if (cps[i] === "z") (f.z = true), i++;
  if (cps[i] === "#") (f.alt = true), i++;
  if (cps[i] === "0" && !fillGiven) {
    f.fill = "0";
    if (!f.align && defaultAlign === ">") f.align = "=";
    i++;
  }
  const digits = () => {
    let s = "";
    while (i < cps.length && cps[i] >= "0" && cps[i] <= "9") s += cps[i++];
    if (s.length > 18) throw new PyError("ValueError", "Too many decimal digits in format string");
    return s;
  };
  const w = digits();
  if (w) f.width = Number(w);
  if (cps[i] === ",") (f.grouping = ","), i++;
  if (cps[i] === "_") {
    if (f.grouping) throw new PyError("ValueError", "Cannot specify both ',' and '_'.");
    f.grouping = "_";
    i++;
  }
  if (cps[i] === ",") throw new PyError("ValueError", "Cannot specify both ',' and '_'.");
  if (cps[i] === ".") {
    i++;
    const p = digits();
    if (!p) throw new PyError("ValueError", "Format specifier missing precision");
    f.precision = Number(p);
  }
  if (cps.length - i > 1) {
    throw new PyError("ValueError", `Invalid format specifier '${spec}' for object of type '${typeLabel}'`);
  }
  f.type = cps[i] ?? defaultType;
  if (f.grouping) {
    if ("deEfFgG%".includes(f.type) || f.type === "") {
      // allowed (PEP 378)
    } else if ("boxX".includes(f.type) && f.grouping === "_") {
      f.groupSize = 4; // PEP 515: every four digits in bin/oct/hex
    } else {
      throw new PyError("ValueError", `Cannot specify '${f.grouping}' with '${f.type}'.`);
    }
  }
  f.groupSize ??= 3;
  return f;
}

// Pads `body` (the text after sign and prefix) to the spec's width.
function pad(f, sign, prefix, intDigits, rest, numeric) {
  let digits = intDigits;
  if (numeric && f.grouping && digits) digits = group(digits, f.grouping, f.groupSize, 0);
  const fixedLen = strLen(sign) + prefix.length + strLen(rest);
  if (numeric && f.fill === "0" && f.align === "=" && f.width > 0 && /^\d/.test(intDigits)) {
    // Zero padding takes part in grouping: format(1234, "09,") == "0,001,234".
    const minWidth = f.width - fixedLen;
    digits = f.grouping ? group(intDigits, f.grouping, f.groupSize, minWidth) : intDigits.padStart(minWidth, "0");
    return sign + prefix + digits + rest;
  }
  const body = digits + rest;
  const n = Math.max(0, f.width - fixedLen - strLen(digits));
  if (n === 0) return sign + prefix + body;
  const fill = (k) => f.fill.repeat(k);
  switch (f.align || (numeric ? ">" : "<")) {
    case "<":
      return sign + prefix + body + fill(n);
    case ">":
      return fill(n) + sign + prefix + body;
    case "^":
      return fill(n >> 1) + sign + prefix + body + fill(n - (n >> 1));
    default: // "="
      return sign + prefix + fill(n) + body;
  }
}

// Inserts separators every `size` digits; left-pads with zeros until the text is at least
// minWidth long (never starting with a separator).
function group(digits, sep, size, minWidth) {
  let d = digits.length;
  while (d + Math.floor((d - 1) / size) < minWidth) d++;
  const padded = digits.padStart(d, "0");
  let out = "";
  for (let end = padded.length; end > 0; end -= size) {
    const start = Math.max(0, end - size);
    out = padded.slice(start, end) + (out ? sep + out : "");
  }
  return out;
}

function signOf(f, negative) {
  if (negative) return "-";
  return f.sign === "+" ? "+" : f.sign === " " ? " " : "";
}

function formatInt(n, f, label) {
  if (f.precision >= 0) throw new PyError("ValueError", "Precision not allowed in integer format specifier");
  if (f.z) throw new PyError("ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
  const neg = n < 0;
  const abs = Math.abs(n);
  let digits;
  let prefix = "";
  switch (f.type) {
    case "d":
    case "n":
      digits = String(abs);
      break;
    case "b":
    case "o":
    case "x":
    case "X":
      digits = abs.toString(f.type === "b" ? 2 : f.type === "o" ? 8 : 16);
      if (f.alt) prefix = "0" + f.type;
      if (f.type === "X") digits = digits.toUpperCase();
      break;
    case "c":
      if (f.sign) throw new PyError("ValueError", "Sign not allowed with integer format specifier 'c'");
      if (f.alt) throw new PyError("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
      if (n < 0 || n > 0x10ffff) throw new PyError("OverflowError", "%c arg not in range(0x110000)");
      return pad(f, "", "", "", String.fromCodePoint(n), true);
    default:
      throw new PyError("ValueError", `Unknown format code '${f.type}' for object of type '${label}'`);
  }
  return pad(f, signOf(f, neg), prefix, digits, "", true);
}

// The digits of |x| per type ('e' 'f' 'g' 'r' and Python's "no type with precision").
function floatBody(x, type, prec, alt, addDot0) {
  if (type === "r") {
    let s = floatRepr(x);
    if (alt && !s.includes(".")) s = s.replace("e", ".e");
    return s;
  }
  if (type === "f") {
    const s = toFixedExact(x, prec);
    return alt && prec === 0 ? s + "." : s;
  }
  const sig = type === "e" ? prec + 1 : Math.max(prec, 1);
  let { digits, decpt } = x === 0 ? { digits: "0", decpt: 1 } : roundHalfEven(exactDecimal(x), sig);
  let useExp = type === "e";
  let end = type === "e" ? sig : digits.length;
  if (type === "g") {
    useExp = decpt <= -4 || decpt > (addDot0 ? sig - 1 : sig);
    if (alt) end = sig;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  end = Math.max(end, !useExp && addDot0 ? decpt + 1 : decpt);
  const all = digits.padEnd(end, "0");
  let intPart;
  let frac;
  if (decpt <= 0) {
    intPart = "0";
    frac = "0".repeat(-decpt) + all;
  } else {
    intPart = all.slice(0, decpt);
    frac = all.slice(decpt);
  }
  let s = frac || alt ? `${intPart}.${frac}` : intPart;
  if (useExp) s += `e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return s;
}

function formatFloat(x, f) {
  let type = f.type;
  if (!"eEfFgGn%".includes(type)) {
    throw new PyError("ValueError", `Unknown format code '${type}' for object of type 'float'`);
  }
  let prec = f.precision;
  // CPython keeps a float's precision in a C int
  if (prec > 2147483647) throw new PyError("ValueError", "precision too big");
  let addDot0 = false;
  if (type === "") {
    addDot0 = true;
    type = prec < 0 ? "r" : "g";
  }
  if (type === "n") type = "g";
  const upper = "EFG".includes(type);
  type = type.toLowerCase();
  let pct = "";
  if (type === "%") {
    x *= 100;
    type = "f";
    pct = "%";
  }
  if (prec < 0) prec = 6;
  let neg = x < 0 || Object.is(x, -0);
  let body;
  if (Number.isNaN(x)) (body = "nan"), (neg = false);
  else if (!Number.isFinite(x)) body = "inf";
  else body = floatBody(Math.abs(x), type, prec, f.alt, addDot0);
  if (upper) body = body.toUpperCase();
  if (f.z && neg && Number.isFinite(x) && !/[1-9]/.test(body.split(/[eE]/)[0])) neg = false;
  body += pct;
  const m = Number.isFinite(x) ? /^(\d*)(.*)$/s.exec(body) : ["", "", body];
  if (!Number.isFinite(x) && f.fill === "0" && f.align === "=") {
    // inf/nan: zero padding without separators, as CPython does.
    return signOf(f, neg) + body.padStart(f.width - signOf(f, neg).length, "0");
  }
  return pad(f, signOf(f, neg), "", m[1], m[2], true);
}

function formatStr(s, f) {
  if (f.type !== "s") throw new PyError("ValueError", `Unknown format code '${f.type}' for object of type 'str'`);
  if (f.sign) throw new PyError("ValueError", "Sign not allowed in string format specifier");
  if (f.z) throw new PyError("ValueError", "Negative zero coercion (z) not allowed in format specifier");
  if (f.alt) throw new PyError("ValueError", "Alternate form (#) not allowed in string format specifier");
  if (f.align === "=") throw new PyError("ValueError", "'=' alignment not allowed in string format specifier");
  if (f.precision >= 0 && strLen(s) > f.precision) s = codePoints(s).slice(0, f.precision).join("");
  return pad(f, "", "", "", s, false);
}

// Python's format(value, spec). T is the static type ("float" makes an integral number a float).
export function format(value, spec = "", T) {
  T = resolveType(T, value);
  if (typeof value === "string") return spec === "" ? value : formatStr(value, parseSpec(spec, "str", "s", "<"));
  if (typeof value === "number") {
    const asFloat = T === "float" || (Array.isArray(T) && T[0] === "opt" && T[1] === "float") || !isIntNum(value);
    if (spec === "") return asFloat ? floatRepr(value) : String(value + 0);
    if (asFloat) return formatFloat(value, parseSpec(spec, "float", "", ">"));
    const f = parseSpec(spec, "int", "d", ">");
    return "eEfFgG%".includes(f.type) ? formatFloat(value, f) : formatInt(value + 0, f, "int");
  }
  if (typeof value === "boolean") {
    if (spec === "") return value ? "True" : "False";
    const f = parseSpec(spec, "bool", "d", ">");
    return "eEfFgG%".includes(f.type) ? formatFloat(Number(value), f) : formatInt(Number(value), f, "bool");
  }
  if (spec === "") return str(value, T);
  const label = value === null || value === undefined ? "NoneType" : Array.isArray(value) ? "list" : isDict(value) ? "dict" : typeName(value);
  throw new PyError("TypeError", `unsupported format string passed to ${label}.__format__`);
}

// One f-string replacement field: f"{value!conversion:spec}".
export function fstring(value, conversion = null, spec = "", T) {
  if (conversion === "r") return format(pyRepr(value, T), spec);
  if (conversion === "a") return format(pyAscii(value, T), spec);
  if (conversion === "s") return format(str(value, T), spec);
  return format(value, spec, T);
}
